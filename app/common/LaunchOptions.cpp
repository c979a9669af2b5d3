// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/LaunchOptions.h"

#include "core/ConnectionSettings.h"
#include "core/ProfileName.h"
#include "core/model/CloudInstance.h"
#include "core/sandbox/SandboxOptions.h"
#include "core/sandbox/SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace tb::app {

namespace {

constexpr int kAutoApproveAfterMs = 3000;

QString tr(const char* text)
{
    return QCoreApplication::translate("tb::app::LaunchOptions", text);
}

std::optional<QUrl> readHost(const QString& text, const QString& option, QString* problem)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        *problem = tr("%1 needs a URL such as https://login.microsoftonline.com or http://127.0.0.1:8400, not \"%2\".")
                       .arg(option, text);
        return std::nullopt;
    }
    return url;
}

} // namespace

LaunchOptions::LaunchOptions()
    : m_sandboxOption(QStringLiteral("sandbox"),
        tr("Use the running sandbox at <url> for sign-in and Graph (sets both hosts). Without any of --sandbox, "
           "--cloud, --login-host, a sandbox is started in this process."),
        QStringLiteral("url"))
    , m_cloud(QStringLiteral("cloud"),
          tr("Use real tenants in a Microsoft cloud: auto (found from each tenant), global, usgov, usgov-dod or "
             "china."),
          QStringLiteral("name"))
    , m_loginHost(QStringLiteral("login-host"),
          tr("Sign in at <url> instead of the cloud's login host (https, or http on this machine only)."),
          QStringLiteral("url"))
    , m_graphHost(QStringLiteral("graph-host"),
          tr("Call Microsoft Graph at <url> instead of the cloud's Graph host (https, or http on this machine "
             "only)."),
          QStringLiteral("url"))
    , m_clientId(QStringLiteral("client-id"),
          tr("Sign in with the public client application <id> (default %1).")
              .arg(QLatin1String(auth::AuthSettings::kDefaultClientId)),
          QStringLiteral("id"))
    , m_profile(QStringLiteral("profile"), tr("Keep settings, sign-ins and data in profile <name>."),
          QStringLiteral("name"), QStringLiteral("default"))
    , m_resetSandbox(QStringLiteral("reset-sandbox"),
          tr("Start the built-in sandbox over from its sample tenants, forgetting what was changed in it."))
    , m_noKeychain(QStringLiteral("no-keychain"), tr("Do not remember sign-ins: keep them in memory only."))
{ }

LaunchOptions::~LaunchOptions() = default;

void LaunchOptions::addTo(QCommandLineParser& parser) const
{
    for (const QCommandLineOption* option : {&m_sandboxOption, &m_cloud, &m_loginHost, &m_graphHost, &m_clientId,
             &m_profile, &m_resetSandbox, &m_noKeychain}) {
        parser.addOption(*option);
    }
}

QStringList LaunchOptions::valueOptionNames()
{
    return {QStringLiteral("--sandbox"), QStringLiteral("--cloud"), QStringLiteral("--login-host"),
        QStringLiteral("--graph-host"), QStringLiteral("--client-id"), QStringLiteral("--profile")};
}

std::optional<QString> LaunchOptions::read(const QCommandLineParser& parser)
{
    QString problem;
    WorkspaceOptions options;
    options.profile = parser.value(m_profile).trimmed();
    if (const auto nameProblem = ProfileName::problem(options.profile)) {
        return nameProblem;
    }
    if (parser.isSet(m_noKeychain)) {
        options.secretStorage = WorkspaceOptions::SecretStorage::MemoryOnly;
    }

    // The command line wins; without any of its connection options, the profile's saved settings say.
    const bool custom = parser.isSet(m_loginHost) || parser.isSet(m_graphHost);
    if (parser.isSet(m_sandboxOption) && (custom || parser.isSet(m_cloud))) {
        return tr("--sandbox sets both hosts: give either --sandbox, or --cloud / --login-host / --graph-host.");
    }
    ConnectionSettings connection;
    if (parser.isSet(m_sandboxOption) || parser.isSet(m_cloud) || custom) {
        if (parser.isSet(m_sandboxOption)) {
            const auto url = readHost(parser.value(m_sandboxOption), QStringLiteral("--sandbox"), &problem);
            if (!url) {
                return problem;
            }
            connection.mode = ConnectionSettings::Mode::Sandbox;
            connection.sandboxUrl = *url;
        } else {
            connection.mode = ConnectionSettings::Mode::Cloud;
            connection.cloudName
                = parser.isSet(m_cloud) ? parser.value(m_cloud).trimmed().toLower() : QStringLiteral("auto");
        }
        if (parser.isSet(m_loginHost)) {
            const auto url = readHost(parser.value(m_loginHost), QStringLiteral("--login-host"), &problem);
            if (!url) {
                return problem;
            }
            connection.loginHost = *url;
        }
        if (parser.isSet(m_graphHost)) {
            const auto url = readHost(parser.value(m_graphHost), QStringLiteral("--graph-host"), &problem);
            if (!url) {
                return problem;
            }
            connection.graphHost = *url;
        }
        if (connection.mode == ConnectionSettings::Mode::Cloud
            && !QStringList {QStringLiteral("auto"), QStringLiteral("global"), QStringLiteral("usgov"),
                QStringLiteral("usgov-dod"), QStringLiteral("china")}
                    .contains(connection.cloudName)) {
            return tr("--cloud is one of auto, global, usgov, usgov-dod, china; not \"%1\".").arg(connection.cloudName);
        }
    } else {
        connection = ConnectionSettings::load(options.profile);
    }
    if (parser.isSet(m_clientId)) {
        connection.clientId = parser.value(m_clientId).trimmed();
    }
    if (!connection.clientId.isEmpty()) {
        options.auth.clientId = connection.clientId;
    }

    switch (connection.mode) {
    case ConnectionSettings::Mode::BuiltInSandbox:
        break;
    case ConnectionSettings::Mode::Sandbox:
        options.sandboxUrl = connection.sandboxUrl;
        options.auth.loginHost = connection.sandboxUrl;
        options.auth.graphHost = connection.sandboxUrl;
        break;
    case ConnectionSettings::Mode::Cloud:
    case ConnectionSettings::Mode::CustomHosts: {
        std::optional<model::CloudInstance> cloud;
        if (connection.cloudName == QLatin1String("global")) {
            cloud = model::CloudInstance(model::CloudInstance::Kind::Global);
        } else if (connection.cloudName == QLatin1String("usgov")) {
            cloud = model::CloudInstance(model::CloudInstance::Kind::USGovernment);
        } else if (connection.cloudName == QLatin1String("usgov-dod")) {
            cloud = model::CloudInstance(model::CloudInstance::Kind::USGovernmentDoD);
        } else if (connection.cloudName == QLatin1String("china")) {
            cloud = model::CloudInstance(model::CloudInstance::Kind::China);
        }
        if (cloud && connection.mode == ConnectionSettings::Mode::Cloud) {
            options.auth.loginHost = cloud->authorityHost();
            options.auth.graphHost = cloud->graphHost();
        }
        // Explicit hosts override the cloud's (private endpoints, a proxy, a test server).
        if (connection.loginHost.isValid() && !connection.loginHost.isEmpty()) {
            options.auth.loginHost = connection.loginHost;
        }
        if (connection.graphHost.isValid() && !connection.graphHost.isEmpty()) {
            options.auth.graphHost = connection.graphHost;
        }
        break;
    }
    }
    options.auth.profile = options.profile;
    if (const auto authProblem = options.auth.problem()) {
        return authProblem;
    }
    m_wantsBuiltInSandbox = connection.mode == ConnectionSettings::Mode::BuiltInSandbox;
    m_resetBuiltInSandbox = parser.isSet(m_resetSandbox);
    if (m_resetBuiltInSandbox && !m_wantsBuiltInSandbox) {
        return tr("--reset-sandbox applies to the built-in sandbox only; this run uses other tenants.");
    }
    m_workspaceOptions = options;
    return std::nullopt;
}

bool LaunchOptions::startSandboxIfNeeded(QString* errorMessage)
{
    if (!m_wantsBuiltInSandbox || m_sandbox) {
        return true;
    }
    tbsandbox::SandboxOptions options;
    options.autoApproveAfterMs = kAutoApproveAfterMs;
    options.stateFile = sandboxStateFile(m_workspaceOptions.profile);
    options.resetState = m_resetBuiltInSandbox;
    QDir().mkpath(QFileInfo(options.stateFile).absolutePath());
    auto sandbox = std::make_unique<tbsandbox::SandboxServer>(options);
    QString error;
    if (!sandbox->start(&error)) {
        if (errorMessage) {
            *errorMessage = tr("The built-in sandbox could not start: %1").arg(error);
        }
        return false;
    }
    m_workspaceOptions.sandboxUrl = sandbox->baseUrl();
    m_workspaceOptions.sandboxInProcess = true;
    m_workspaceOptions.auth.loginHost = sandbox->baseUrl();
    m_workspaceOptions.auth.graphHost = sandbox->baseUrl();
    m_sandbox = std::move(sandbox);
    return true;
}

void LaunchOptions::stopBuiltInSandbox()
{
    m_sandbox.reset();
}

QString LaunchOptions::sandboxStateFile(const QString& profile)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(base).filePath(QStringLiteral("profiles/%1.sandbox.json").arg(profile));
}

} // namespace tb::app
