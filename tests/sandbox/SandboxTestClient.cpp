// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/sandbox/SandboxTestClient.h"

#include "tests/support/SignalWaiter.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>

namespace tb::test {

QByteArray SandboxAnswer::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

QJsonObject SandboxAnswer::json() const
{
    return QJsonDocument::fromJson(body).object();
}

bool SandboxAnswer::parsesAsJson() const
{
    QJsonParseError error {};
    QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError;
}

QString SandboxAnswer::errorCode() const
{
    return json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
}

SandboxTestClient::SandboxTestClient(const QUrl& baseUrl)
    : m_baseUrl(baseUrl)
{ }

SandboxAnswer SandboxTestClient::send(const QByteArray& method, const QString& path,
    const QList<QPair<QByteArray, QByteArray>>& headers, const QByteArray& body)
{
    const QUrl url = path.startsWith(QLatin1String("http")) ? QUrl(path, QUrl::StrictMode)
                                                            : QUrl(m_baseUrl.toString() + path, QUrl::TolerantMode);
    QNetworkRequest request(url);
    for (const auto& [key, value] : headers) {
        request.setRawHeader(key, value);
    }
    if (!body.isEmpty() && !request.hasRawHeader(QByteArrayLiteral("Content-Type"))) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    }
    auto* buffer = new QBuffer;
    buffer->setData(body);
    QNetworkReply* reply = m_network.sendCustomRequest(request, method, buffer);
    buffer->setParent(reply);
    const bool finished = SignalWaiter::waitUntil([reply] { return reply->isFinished(); });
    SandboxAnswer answer;
    if (!finished) {
        reply->abort();
    }
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.networkError = reply->error();
    answer.body = reply->readAll();
    answer.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return answer;
}

QJsonObject SandboxTestClient::tenantEntry(const QString& domain)
{
    if (m_tenants.isEmpty()) {
        const SandboxAnswer answer = send(QByteArrayLiteral("GET"), QStringLiteral("/_sandbox/tenants"));
        for (const QJsonValue& value : answer.json().value(QLatin1String("tenants")).toArray()) {
            m_tenants.append(value.toObject());
        }
    }
    for (const QJsonObject& tenant : std::as_const(m_tenants)) {
        if (tenant.value(QLatin1String("initialDomain")).toString() == domain) {
            return tenant;
        }
    }
    return {};
}

SandboxAnswer SandboxTestClient::postForm(const QString& path, const QList<QPair<QString, QString>>& fields)
{
    QByteArray body;
    for (const auto& [name, value] : fields) {
        if (!body.isEmpty()) {
            body += '&';
        }
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return send(QByteArrayLiteral("POST"), path,
        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")}}, body);
}

SandboxAnswer SandboxTestClient::deviceCode(const QString& tenant, const QString& scope, const QString& clientId)
{
    return postForm(QStringLiteral("/%1/oauth2/v2.0/devicecode").arg(tenant),
        {{QStringLiteral("client_id"), clientId}, {QStringLiteral("scope"), scope}});
}

SandboxAnswer SandboxTestClient::approve(const QString& userCode, const QString& user, bool decline)
{
    QJsonObject body {{QStringLiteral("userCode"), userCode}, {QStringLiteral("decline"), decline}};
    if (!user.isEmpty()) {
        body.insert(QStringLiteral("user"), user);
    }
    return send(QByteArrayLiteral("POST"), QStringLiteral("/_sandbox/devicelogin/approve"), {},
        QJsonDocument(body).toJson(QJsonDocument::Compact));
}

SandboxAnswer SandboxTestClient::pollToken(const QString& tenant, const QString& deviceCode, const QString& clientId)
{
    return postForm(QStringLiteral("/%1/oauth2/v2.0/token").arg(tenant),
        {{QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
            {QStringLiteral("client_id"), clientId}, {QStringLiteral("device_code"), deviceCode},
            {QStringLiteral("client_info"), QStringLiteral("1")}});
}

SandboxAnswer SandboxTestClient::refresh(
    const QString& tenant, const QString& refreshToken, const QString& scope, const QString& clientId)
{
    return postForm(QStringLiteral("/%1/oauth2/v2.0/token").arg(tenant),
        {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")}, {QStringLiteral("client_id"), clientId},
            {QStringLiteral("refresh_token"), refreshToken}, {QStringLiteral("scope"), scope},
            {QStringLiteral("client_info"), QStringLiteral("1")}});
}

SandboxAnswer SandboxTestClient::signIn(
    const QString& tenant, const QString& scope, const QString& user, const QString& clientId)
{
    const SandboxAnswer code = deviceCode(tenant, scope, clientId);
    if (code.status != 200) {
        return code;
    }
    const SandboxAnswer approved = approve(code.json().value(QLatin1String("user_code")).toString(), user);
    if (approved.status != 200) {
        return approved;
    }
    return pollToken(tenant, code.json().value(QLatin1String("device_code")).toString(), clientId);
}

QString SandboxTestClient::tokenFor(const QString& domain)
{
    if (!m_tokens.contains(domain)) {
        const SandboxAnswer answer = signIn(domain);
        const QString token = answer.json().value(QLatin1String("access_token")).toString();
        if (token.isEmpty()) {
            return {}; // the test's own checks then fail on a 401
        }
        m_tokens.insert(domain, token);
    }
    return m_tokens.value(domain);
}

QString SandboxTestClient::tenantIdFor(const QString& domain)
{
    return tenantEntry(domain).value(QLatin1String("id")).toString();
}

SandboxAnswer SandboxTestClient::graph(const QString& domain, const QByteArray& method, const QString& path,
    QList<QPair<QByteArray, QByteArray>> headers, const QByteArray& body)
{
    headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + tokenFor(domain).toLatin1()});
    return send(method, path, headers, body);
}

SandboxAnswer SandboxTestClient::get(
    const QString& domain, const QString& path, QList<QPair<QByteArray, QByteArray>> headers)
{
    return graph(domain, QByteArrayLiteral("GET"), path, std::move(headers));
}

QList<QJsonObject> SandboxTestClient::pageAll(
    const QString& domain, const QString& path, int* pages, QList<QPair<QByteArray, QByteArray>> headers)
{
    QList<QJsonObject> items;
    QString next = path;
    int count = 0;
    while (!next.isEmpty()) {
        const SandboxAnswer answer = get(domain, next, headers);
        if (answer.status != 200) {
            break;
        }
        ++count;
        const QJsonObject page = answer.json();
        for (const QJsonValue& value : page.value(QLatin1String("value")).toArray()) {
            items.append(value.toObject());
        }
        next = page.value(QLatin1String("@odata.nextLink")).toString();
    }
    if (pages) {
        *pages = count;
    }
    return items;
}

} // namespace tb::test
