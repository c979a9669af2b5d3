// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The one Catch2 runner of every test tier. It builds the Qt application object before any test runs,
// because Catch2's discovery runs the binaries at build time, on machines without a display: the
// offscreen platform is set here, not in the environment.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#ifdef TB_TEST_WITH_WIDGETS
#include <QApplication>
#else
#include <QCoreApplication>
#endif

#include <QtGlobal>

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
#ifdef TB_TEST_WITH_WIDGETS
    QApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    QCoreApplication::setOrganizationName(QStringLiteral("TenantBridgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tenantbridge-tests"));
    return Catch::Session().run(argc, argv);
}
