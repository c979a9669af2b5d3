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

#include <QSettings>
#include <QTemporaryDir>
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
    // Each test process keeps its QSettings in a folder of its own: what one test's window saved (its page, the
    // profiles it used) must reach neither another test nor the developer's own settings.
    const QTemporaryDir settingsFolder;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsFolder.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsFolder.path());
    return Catch::Session().run(argc, argv);
}
