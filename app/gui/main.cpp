// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// tenantbridge: the desktop app. Parses options, starts the in-process sandbox when no tenant is configured,
// builds the workspace and the main window. Wiring only.
#include "core/Workspace.h"
#include "core/sandbox/SandboxServer.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLoggingCategory>
#include <QMessageBox>

#include <memory>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TenantBridge"));
    QApplication::setApplicationName(QStringLiteral("TenantBridge"));
    QApplication::setApplicationVersion(QStringLiteral(TB_VERSION_STRING));
    QApplication::setDesktopFileName(QStringLiteral("tenantbridge"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Set up and watch Microsoft Entra ID cross-tenant synchronization between two tenants."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox"),
        QStringLiteral("Use the tenants of the running sandbox at <url>."), QStringLiteral("url"));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
        QStringLiteral("Keep settings and data in profile <name>."), QStringLiteral("name"), QStringLiteral("default"));
    const QCommandLineOption verboseOption(
        QStringLiteral("verbose"), QStringLiteral("Log each Graph call (method, path, status, request id)."));
    parser.addOption(sandboxOption);
    parser.addOption(profileOption);
    parser.addOption(verboseOption);
    parser.process(app);
    if (parser.isSet(verboseOption)) {
        QLoggingCategory::setFilterRules(QStringLiteral("tb.*.info=true"));
    }

    tb::WorkspaceOptions options;
    options.profile = parser.value(profileOption);
    std::unique_ptr<tbsandbox::SandboxServer> sandbox;
    if (parser.isSet(sandboxOption)) {
        options.sandboxUrl = QUrl(parser.value(sandboxOption), QUrl::StrictMode);
        if (!options.sandboxUrl.isValid() || options.sandboxUrl.scheme().isEmpty()) {
            QMessageBox::critical(nullptr, QStringLiteral("TenantBridge"),
                QStringLiteral("\"%1\" is not a URL. Give the sandbox's address, for example "
                               "http://127.0.0.1:8400.")
                    .arg(parser.value(sandboxOption)));
            return 2;
        }
    } else {
        // No tenant configured: the demo tenants of an in-process sandbox, as the title bar will say.
        sandbox = std::make_unique<tbsandbox::SandboxServer>(tbsandbox::SandboxOptions {});
        QString error;
        if (!sandbox->start(&error)) {
            QMessageBox::critical(nullptr, QStringLiteral("TenantBridge"),
                QStringLiteral("The built-in sandbox could not start: %1").arg(error));
            return 1;
        }
        options.sandboxUrl = sandbox->baseUrl();
        options.sandboxInProcess = true;
    }

    tb::Workspace workspace(options);
    tb::ui::MainWindow window(workspace);
    window.show();
    workspace.start();
    return QApplication::exec();
}
