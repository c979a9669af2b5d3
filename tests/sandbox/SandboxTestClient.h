// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QString>
#include <QUrl>

namespace tbsandbox {
class SandboxServer;
}

namespace tb::test {

// What one HTTP exchange with the sandbox produced.
struct SandboxAnswer
{
    int status = 0;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    [[nodiscard]] QByteArray header(const QByteArray& name) const;
    // The body as a JSON object; an empty object when it does not parse.
    [[nodiscard]] QJsonObject json() const;
    [[nodiscard]] bool parsesAsJson() const;
    [[nodiscard]] QString errorCode() const;
};

// The public client id tests sign in with (Microsoft Graph Command Line Tools, the client's default).
inline constexpr char kTestClientId[] = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
// What tokenFor() asks for: every Graph scope the sandbox knows, plus a refresh token and an id token.
inline constexpr char kAllScopes[] = "openid profile offline_access https://graph.microsoft.com/.default";

// Plain QNetworkAccessManager over 127.0.0.1 against an in-process sandbox, one request at a time, waiting
// with SignalWaiter. Gets each tenant's access token through the device flow, approved with the test route
// (the sandbox must run with testRoutes), and keeps it per domain. Test-only.
class SandboxTestClient final
{
public:
    explicit SandboxTestClient(const QUrl& baseUrl);

    [[nodiscard]] QNetworkAccessManager& network() { return m_network; }
    [[nodiscard]] const QUrl& baseUrl() const { return m_baseUrl; }

    // path may be relative to the base ("/v1.0/users?...") or an absolute URL (a nextLink).
    [[nodiscard]] SandboxAnswer send(const QByteArray& method, const QString& path,
        const QList<QPair<QByteArray, QByteArray>>& headers = {}, const QByteArray& body = {});
    // The same with "Authorization: Bearer <token of the tenant with this initial domain>".
    [[nodiscard]] SandboxAnswer graph(const QString& domain, const QByteArray& method, const QString& path,
        QList<QPair<QByteArray, QByteArray>> headers = {}, const QByteArray& body = {});
    [[nodiscard]] SandboxAnswer get(
        const QString& domain, const QString& path, QList<QPair<QByteArray, QByteArray>> headers = {});
    // An access token for the tenant's admin with every scope: devicecode, test-route approve, token. Cached.
    [[nodiscard]] QString tokenFor(const QString& domain);
    void forgetTokens() { m_tokens.clear(); }

    // The login host, with raw forms.
    [[nodiscard]] SandboxAnswer postForm(const QString& path, const QList<QPair<QString, QString>>& fields);
    // POST /{tenant}/oauth2/v2.0/devicecode.
    [[nodiscard]] SandboxAnswer deviceCode(
        const QString& tenant, const QString& scope, const QString& clientId = QLatin1String(kTestClientId));
    // POST /_sandbox/devicelogin/approve; user empty: the tenant's admin.
    [[nodiscard]] SandboxAnswer approve(const QString& userCode, const QString& user = {}, bool decline = false);
    // One poll of the token endpoint with the device_code grant (client_info=1).
    [[nodiscard]] SandboxAnswer pollToken(
        const QString& tenant, const QString& deviceCode, const QString& clientId = QLatin1String(kTestClientId));
    [[nodiscard]] SandboxAnswer refresh(const QString& tenant, const QString& refreshToken, const QString& scope,
        const QString& clientId = QLatin1String(kTestClientId));
    // devicecode, approve as user (empty: the admin), one poll: the token endpoint's answer.
    [[nodiscard]] SandboxAnswer signIn(const QString& tenant, const QString& scope = QLatin1String(kAllScopes),
        const QString& user = {}, const QString& clientId = QLatin1String(kTestClientId));
    [[nodiscard]] QString tenantIdFor(const QString& domain);
    // Follows @odata.nextLink from path to the end; returns every item of every page, or stops at an error.
    [[nodiscard]] QList<QJsonObject> pageAll(const QString& domain, const QString& path, int* pages = nullptr,
        QList<QPair<QByteArray, QByteArray>> headers = {});

private:
    [[nodiscard]] QJsonObject tenantEntry(const QString& domain);

    QUrl m_baseUrl;
    QNetworkAccessManager m_network;
    QList<QJsonObject> m_tenants;
    QMap<QString, QString> m_tokens; // by domain
};

} // namespace tb::test
