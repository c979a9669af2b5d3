// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// tenantbridge: the desktop app. Parses options, starts the in-process sandbox when no tenant is configured,
// builds the workspace and the main window. Wiring only.
#include "app/common/CoreDumps.h"
#include "app/common/LaunchOptions.h"
#include "core/Workspace.h"
#include "core/sandbox/SandboxServer.h"
#include "ui/AppTheme.h"
#include "ui/ApplicationTranslator.h"
#include "ui/MainWindow.h"
#include "ui/ProfileSwitcher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QProcess>

#include <memory>
#include <optional>

namespace {

constexpr int kKeychainGraceMs = 10000;

} // namespace

int main(int argc, char* argv[])
{
    // Before any token is in memory: a crash must not write them to a core file.
    tb::app::CoreDumps::disable();
    QApplication app(argc, argv);
    // Before any text is made: without it, counts read "1 user(s)" (ui/ApplicationTranslator.h says why).
    (void)tb::ui::installApplicationTranslator(app);
    QApplication::setOrganizationName(QStringLiteral("TenantBridge"));
    QApplication::setApplicationName(QStringLiteral("TenantBridge"));
    QApplication::setApplicationVersion(QStringLiteral(TB_VERSION_STRING));
    QApplication::setDesktopFileName(QStringLiteral("io.github.tenantbridge.TenantBridge")); // packaging/linux

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Set up and watch Microsoft Entra ID cross-tenant synchronization between two tenants."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
        QCoreApplication::translate("main", "Log each Graph and sign-in call (method, path, status, request id)."));
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

    tb::ui::AppTheme::apply(tb::ui::AppTheme::saved());
    int exitCode = 0;
    std::optional<QString> relaunchProfile;
    {
        tb::Workspace workspace(launch.workspaceOptions());
        tb::ui::MainWindow window(workspace);
        window.show();
        workspace.start();
        exitCode = QApplication::exec();
        // A new refresh token or a sign-out is only kept once the keychain has answered.
        workspace.finishPendingWrites(kKeychainGraceMs);
        relaunchProfile = window.relaunchProfile();
    }
    // Another profile, or new connection settings: a new process, once this one has kept what it must. The built-in
    // sandbox writes its state file when it stops, so it stops first: a restart on the same profile reads it after.
    launch.stopBuiltInSandbox();
    if (relaunchProfile) {
        const QStringList arguments
            = tb::ui::ProfileSwitcher::relaunchArguments(QCoreApplication::arguments().mid(1), *relaunchProfile);
        if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), arguments)) {
            QMessageBox::critical(nullptr, QStringLiteral("TenantBridge"),
                QCoreApplication::translate(
                    "main", "TenantBridge could not start again on profile “%1”. Start it yourself with --profile %1.")
                    .arg(*relaunchProfile));
        }
    }
    return exitCode;
}
