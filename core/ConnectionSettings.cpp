// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ConnectionSettings.h"

#include "core/auth/AuthSettings.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStringList>

namespace tb {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("tb::ConnectionSettings", text);
}

QString group(const QString& profile)
{
    return QStringLiteral("profiles/%1/connection").arg(profile);
}

const QStringList& cloudNames()
{
    static const QStringList names {QStringLiteral("auto"), QStringLiteral("global"), QStringLiteral("usgov"),
        QStringLiteral("usgov-dod"), QStringLiteral("china")};
    return names;
}

} // namespace

ConnectionSettings ConnectionSettings::load(const QString& profile)
{
    QSettings settings;
    settings.beginGroup(group(profile));
    ConnectionSettings result;
    result.mode = modeFromName(settings.value(QStringLiteral("mode")).toString()).value_or(Mode::BuiltInSandbox);
    const QString cloud = settings.value(QStringLiteral("cloud"), QStringLiteral("auto")).toString();
    result.cloudName = cloudNames().contains(cloud) ? cloud : QStringLiteral("auto");
    result.sandboxUrl = QUrl(settings.value(QStringLiteral("sandboxUrl")).toString(), QUrl::StrictMode);
    result.loginHost = QUrl(settings.value(QStringLiteral("loginHost")).toString(), QUrl::StrictMode);
    result.graphHost = QUrl(settings.value(QStringLiteral("graphHost")).toString(), QUrl::StrictMode);
    result.clientId = settings.value(QStringLiteral("clientId")).toString();
    // Settings edited by hand into something unusable fall back to the sample tenants rather than a dead end.
    if (result.problem()) {
        return {};
    }
    return result;
}

void ConnectionSettings::save(const QString& profile) const
{
    QSettings settings;
    settings.beginGroup(group(profile));
    settings.setValue(QStringLiteral("mode"), modeName(mode));
    settings.setValue(QStringLiteral("cloud"), cloudName);
    settings.setValue(QStringLiteral("sandboxUrl"), sandboxUrl.toString());
    settings.setValue(QStringLiteral("loginHost"), loginHost.toString());
    settings.setValue(QStringLiteral("graphHost"), graphHost.toString());
    settings.setValue(QStringLiteral("clientId"), clientId);
}

std::optional<QString> ConnectionSettings::problem() const
{
    if (!clientId.isEmpty() && !auth::AuthSettings::isGuid(clientId)) {
        return tr("The client id is the application (client) ID of an app registration: a GUID.");
    }
    switch (mode) {
    case Mode::BuiltInSandbox:
        return std::nullopt;
    case Mode::Sandbox:
        if (!sandboxUrl.isValid() || !auth::AuthSettings::isAllowedUrl(sandboxUrl)) {
            return tr("Give the sandbox's address, for example http://127.0.0.1:8400 (http only on this computer).");
        }
        return std::nullopt;
    case Mode::Cloud:
        if (!cloudNames().contains(cloudName)) {
            return tr("The cloud is one of auto, global, usgov, usgov-dod or china.");
        }
        return std::nullopt;
    case Mode::CustomHosts:
        if (!loginHost.isValid() || !auth::AuthSettings::isAllowedUrl(loginHost) || !graphHost.isValid()
            || !auth::AuthSettings::isAllowedUrl(graphHost)) {
            return tr("Both hosts need an https address (http only on this computer), for example "
                      "https://login.microsoftonline.com and https://graph.microsoft.com.");
        }
        return std::nullopt;
    }
    return std::nullopt;
}

QString ConnectionSettings::modeName(Mode mode)
{
    switch (mode) {
    case Mode::BuiltInSandbox:
        return QStringLiteral("built-in-sandbox");
    case Mode::Sandbox:
        return QStringLiteral("sandbox");
    case Mode::Cloud:
        return QStringLiteral("cloud");
    case Mode::CustomHosts:
        return QStringLiteral("custom-hosts");
    }
    return QStringLiteral("built-in-sandbox");
}

std::optional<ConnectionSettings::Mode> ConnectionSettings::modeFromName(const QString& name)
{
    for (const Mode mode : {Mode::BuiltInSandbox, Mode::Sandbox, Mode::Cloud, Mode::CustomHosts}) {
        if (modeName(mode) == name) {
            return mode;
        }
    }
    return std::nullopt;
}

} // namespace tb
