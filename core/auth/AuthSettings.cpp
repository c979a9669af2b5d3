// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/AuthSettings.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace tb::auth {

namespace {

std::optional<QString> hostProblem(const QUrl& url, const QString& what)
{
    if (url.isEmpty()) {
        return std::nullopt;
    }
    if (!url.isValid() || url.host().isEmpty()) {
        return QStringLiteral("The %1 \"%2\" is not a valid address; give it as https://host.")
            .arg(what, url.toDisplayString(QUrl::RemoveUserInfo));
    }
    if (!AuthSettings::isAllowedUrl(url)) {
        return QStringLiteral("The %1 %2 is not https; plain http is only allowed to 127.0.0.1, ::1 or localhost, "
                              "because sign-in codes and tokens would travel in clear.")
            .arg(what, url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery));
    }
    return std::nullopt;
}

} // namespace

std::optional<QString> AuthSettings::problem() const
{
    if (!isGuid(clientId)) {
        return QStringLiteral("The client id \"%1\" is not an application id (a GUID such as %2).")
            .arg(clientId.left(60), QString::fromLatin1(kDefaultClientId));
    }
    if (auto login = hostProblem(loginHost, QStringLiteral("login host"))) {
        return login;
    }
    if (auto graph = hostProblem(graphHost, QStringLiteral("Graph host"))) {
        return graph;
    }
    return std::nullopt;
}

bool AuthSettings::isAllowedUrl(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    if (url.host().isEmpty()) {
        return false;
    }
    return scheme == QStringLiteral("https") || (scheme == QStringLiteral("http") && isLoopbackHost(url.host()));
}

bool AuthSettings::isLoopbackHost(const QString& host)
{
    QString name = host.toLower();
    if (name.endsWith(QLatin1Char('.'))) {
        name.chop(1);
    }
    if (name == QStringLiteral("localhost")) {
        return true;
    }
    if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']'))) {
        name = name.mid(1, name.size() - 2);
    }
    QHostAddress address;
    // Literal addresses only: "127.0.0.1.example.com" does not parse and is not loopback.
    return address.setAddress(name) && address.isLoopback();
}

bool AuthSettings::isGuid(const QString& text)
{
    static const QRegularExpression guid(
        QStringLiteral("\\A[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\z"));
    return guid.match(text).hasMatch();
}

} // namespace tb::auth
