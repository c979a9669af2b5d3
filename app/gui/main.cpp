// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// tenantbridge: the desktop app. Parses options, starts the in-process sandbox when no tenant is configured,
// builds the workspace and the main window. Wiring only.
#include "app/common/LaunchOptions.h"
#include "core/Workspace.h"
#include "core/sandbox/SandboxServer.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLoggingCategory>
#include <QMessageBox>

#include <memory>

namespace {

constexpr int kKeychainGraceMs = 10000;

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TenantBridge"));
    QApplication::setApplicationName(QStringLiteral("TenantBridge"));
    QApplication::setApplicationVersion(QStringLiteral(TB_VERSION_STRING));
    QApplication::setDesktopFileName(QStringLiteral("io.github.tenantbridge.TenantBridge")); // packaging/linux

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Set up and watch Microsoft Entra ID cross-tenant synchronization between two tenants."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
        QStringLiteral("Log each Graph and sign-in call (method, path, status, request id)."));
    tb::app::LaunchOptions launch;
    launch.addTo(parser);
    parser.addOption(verboseOption);
    parser.process(app);
    if (parser.isSet(verboseOption)) {
        QLoggingCategory::setFilterRules(QStringLiteral("tb.*.info=true"));
    }
    if (const auto problem = launch.read(parser)) {
        QMessageBox::critical(nullptr, QStringLiteral("TenantBridge"), *problem);
        return 2;
    }
    // No tenant configured: the sample tenants of an in-process sandbox, as the title bar and the Connect page say.
    QString sandboxError;
    if (!launch.startSandboxIfNeeded(&sandboxError)) {
        QMessageBox::critical(nullptr, QStringLiteral("TenantBridge"), sandboxError);
        return 1;
    }

    tb::Workspace workspace(launch.workspaceOptions());
    tb::ui::MainWindow window(workspace);
    window.show();
    workspace.start();
    const int exitCode = QApplication::exec();
    // A new refresh token or a sign-out is only kept once the keychain has answered.
    workspace.finishPendingWrites(kKeychainGraceMs);
    return exitCode;
}
