// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/SandboxFixture.h"

#include "core/graph/SandboxCatalog.h"
#include "core/sandbox/SandboxServer.h"
#include "tests/support/SignalWaiter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QUrlQuery>

#include <algorithm>

namespace tb::test {

SandboxLogEntry SandboxLogEntry::fromJson(const QJsonObject& json)
{
    SandboxLogEntry entry;
    entry.seq = static_cast<qint64>(json.value(QStringLiteral("seq")).toDouble());
    entry.receivedAtMs = static_cast<qint64>(json.value(QStringLiteral("receivedAtMs")).toDouble());
    entry.method = json.value(QStringLiteral("method")).toString();
    entry.target = json.value(QStringLiteral("target")).toString();
    entry.tenantId = json.value(QStringLiteral("tenantId")).toString();
    entry.status = json.value(QStringLiteral("status")).toInt();
    entry.clientRequestId = json.value(QStringLiteral("clientRequestId")).toString();
    entry.requestId = json.value(QStringLiteral("requestId")).toString();
    entry.retryAfterSeconds = json.value(QStringLiteral("retryAfterSeconds")).toInt();
    entry.fault = json.value(QStringLiteral("fault")).toString();
    return entry;
}

QString SandboxLogEntry::path() const
{
    const qsizetype query = target.indexOf(QLatin1Char('?'));
    return query < 0 ? target : target.left(query);
}

QString SandboxLogEntry::queryValue(const QString& name) const
{
    const qsizetype query = target.indexOf(QLatin1Char('?'));
    if (query < 0) {
        return {};
    }
    // Split by hand: '+' stays '+', %XX is decoded, as a server reads it.
    for (const QString& pair : target.mid(query + 1).split(QLatin1Char('&'))) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        const QString key = QUrl::fromPercentEncoding(pair.left(eq).toUtf8());
        if (key == name) {
            return eq < 0 ? QString() : QUrl::fromPercentEncoding(pair.mid(eq + 1).toUtf8());
        }
    }
    return {};
}

graph::RetryPolicy SandboxFixture::fastRetryPolicy()
{
    graph::RetryPolicy policy;
    policy.setBaseDelayMs(50).setMaxDelayMs(1000).setMaxAttempts(8);
    return policy;
}

SandboxFixture::SandboxFixture(tbsandbox::SandboxOptions options, graph::RetryPolicy policy, int maxInFlight)
    : m_policy(std::move(policy))
    , m_maxInFlight(maxInFlight)
{
    options.testRoutes = true; // the fixture signs in through POST /_sandbox/devicelogin/approve
    m_server = std::make_unique<tbsandbox::SandboxServer>(std::move(options));
    QString error;
    if (!m_server->start(&error)) {
        m_errorMessage = QStringLiteral("the sandbox did not start: ") + error;
        return;
    }
    auto* catalog = new graph::SandboxCatalog(m_network, m_server->baseUrl());
    bool done = false;
    QObject context;
    QObject::connect(catalog, &graph::SandboxCatalog::finished, &context,
        [&](const QList<graph::SandboxTenant>& tenants, const graph::GraphError& catalogError) {
            done = true;
            m_tenants = tenants;
            if (catalogError.isError()) {
                m_errorMessage = QStringLiteral("the sandbox catalog failed: ") + catalogError.toLogString();
            }
        });
    catalog->start();
    if (!SignalWaiter::waitUntil([&] { return done; })) {
        catalog->cancel();
        m_errorMessage = QStringLiteral("the sandbox catalog did not answer");
        return;
    }
    for (const graph::SandboxTenant& entry : std::as_const(m_tenants)) {
        const QString token = signIn(entry.tenant.id);
        if (token.isEmpty()) {
            return;
        }
        m_tokens.setToken(entry.tenant.id, token);
        m_accessTokens.insert(entry.tenant.id, token);
        m_clients.emplace(entry.tenant.id,
            std::make_unique<graph::GraphClient>(m_network, m_tokens, m_clock, settingsFor(entry.tenant.id)));
    }
}

SandboxFixture::~SandboxFixture()
{
    m_clients.clear(); // calls first, then the server they talk to
}

QUrl SandboxFixture::sandboxUrl() const
{
    return m_server ? m_server->baseUrl() : QUrl();
}

std::optional<graph::SandboxTenant> SandboxFixture::tenant(const QString& name) const
{
    for (const graph::SandboxTenant& entry : m_tenants) {
        const QString prefix = entry.tenant.initialDomain.section(QLatin1Char('.'), 0, 0);
        if (prefix.compare(name, Qt::CaseInsensitive) == 0
            || entry.tenant.displayName.compare(name, Qt::CaseInsensitive) == 0
            || entry.tenant.id.compare(name, Qt::CaseInsensitive) == 0) {
            return entry;
        }
    }
    return std::nullopt;
}

graph::GraphClient::Settings SandboxFixture::settingsFor(const QString& tenantId) const
{
    graph::GraphClient::Settings settings;
    settings.tenantId = tenantId;
    settings.retryPolicy = m_policy;
    settings.maxInFlight = m_maxInFlight;
    settings.defaultTimeoutMs = 30000;
    for (const graph::SandboxTenant& entry : m_tenants) {
        if (entry.tenant.id == tenantId) {
            settings.baseUrl = entry.graphBaseUrl(sandboxUrl());
        }
    }
    return settings;
}

graph::GraphClient* SandboxFixture::client(const QString& tenantId) const
{
    const auto it = m_clients.find(tenantId);
    return it == m_clients.end() ? nullptr : it->second.get();
}

std::unique_ptr<graph::GraphClient> SandboxFixture::makeClient(
    const QString& tenantId, auth::AccessTokenSource& tokens, graph::GraphClient::Settings settings)
{
    if (settings.baseUrl.isEmpty()) {
        settings.baseUrl = settingsFor(tenantId).baseUrl;
    }
    if (settings.tenantId.isEmpty()) {
        settings.tenantId = tenantId;
    }
    return std::make_unique<graph::GraphClient>(m_network, tokens, m_clock, std::move(settings));
}

QString SandboxFixture::signIn(const QString& tenantId)
{
    const auto form = [](const QList<QPair<QString, QString>>& fields) {
        QUrlQuery query;
        for (const auto& [name, value] : fields) {
            query.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(name)),
                QString::fromLatin1(QUrl::toPercentEncoding(value)));
        }
        return query.toString(QUrl::FullyEncoded).toLatin1();
    };
    const QByteArray formType = QByteArrayLiteral("application/x-www-form-urlencoded");
    const QString clientId = QStringLiteral("14d82eec-204b-4c2f-b7e8-296a70dab67e");
    const ControlAnswer code
        = control(QByteArrayLiteral("POST"), QStringLiteral("/%1/oauth2/v2.0/devicecode").arg(tenantId),
            form({{QStringLiteral("client_id"), clientId},
                {QStringLiteral("scope"),
                    QStringLiteral("openid profile offline_access https://graph.microsoft.com/.default")}}),
            formType);
    const QJsonObject codeJson = QJsonDocument::fromJson(code.body).object();
    const ControlAnswer approved = control(QByteArrayLiteral("POST"), QStringLiteral("/_sandbox/devicelogin/approve"),
        QJsonDocument(QJsonObject {{QStringLiteral("userCode"), codeJson.value(QStringLiteral("user_code"))}})
            .toJson(QJsonDocument::Compact));
    const ControlAnswer token
        = control(QByteArrayLiteral("POST"), QStringLiteral("/%1/oauth2/v2.0/token").arg(tenantId),
            form({{QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
                {QStringLiteral("client_id"), clientId},
                {QStringLiteral("device_code"), codeJson.value(QStringLiteral("device_code")).toString()}}),
            formType);
    const QString accessToken
        = QJsonDocument::fromJson(token.body).object().value(QStringLiteral("access_token")).toString();
    if (accessToken.isEmpty()) {
        // The answers name no secret when they fail: only their status and error codes are shown.
        m_errorMessage
            = QStringLiteral("signing in to %1 failed: devicecode %2, approve %3, token %4 %5")
                  .arg(tenantId)
                  .arg(code.status)
                  .arg(approved.status)
                  .arg(token.status)
                  .arg(QString::fromUtf8(
                      QJsonDocument::fromJson(token.body).object().value(QStringLiteral("error")).toString().toUtf8()));
    }
    return accessToken;
}

SandboxFixture::ControlAnswer SandboxFixture::control(
    const QByteArray& method, const QString& path, const QByteArray& body, const QByteArray& contentType)
{
    QUrl url = sandboxUrl();
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(query < 0 ? path : path.left(query));
    if (query >= 0) {
        url.setQuery(path.mid(query + 1));
    }
    QNetworkRequest request(url);
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    }
    QPointer<QNetworkReply> reply = m_controlNetwork.sendCustomRequest(request, method, body);
    ControlAnswer answer;
    if (!SignalWaiter::waitUntil([&] { return reply.isNull() || reply->isFinished(); })) {
        m_errorMessage = QStringLiteral("the sandbox control surface did not answer ") + path;
        reply->abort();
        reply->deleteLater();
        return answer;
    }
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    reply->deleteLater();
    return answer;
}

bool SandboxFixture::putFaults(const QJsonObject& plan)
{
    const ControlAnswer answer
        = control(QByteArrayLiteral("PUT"), QStringLiteral("/_sandbox/faults"), QJsonDocument(plan).toJson());
    if (answer.status < 200 || answer.status >= 300) {
        m_errorMessage = QStringLiteral("PUT /_sandbox/faults answered %1: %2")
                             .arg(answer.status)
                             .arg(QString::fromUtf8(answer.body.left(300)));
        return false;
    }
    return true;
}

bool SandboxFixture::clearFaults()
{
    const ControlAnswer answer = control(QByteArrayLiteral("DELETE"), QStringLiteral("/_sandbox/faults"));
    if (answer.status < 200 || answer.status >= 300) {
        m_errorMessage = QStringLiteral("DELETE /_sandbox/faults answered %1").arg(answer.status);
        return false;
    }
    return true;
}

int SandboxFixture::runSyncCycle()
{
    const ControlAnswer answer = control(
        QByteArrayLiteral("POST"), QStringLiteral("/_sandbox/synchronization/runCycle"), QByteArrayLiteral("{}"));
    if (answer.status != 200) {
        m_errorMessage = QStringLiteral("POST /_sandbox/synchronization/runCycle answered %1: %2")
                             .arg(answer.status)
                             .arg(QString::fromUtf8(answer.body.left(300)));
        return -1;
    }
    return QJsonDocument::fromJson(answer.body).object().value(QLatin1String("jobs")).toInt(-1);
}

bool SandboxFixture::injectUserErrors(const QStringList& users, const QString& code, int count)
{
    QJsonObject body {
        {QStringLiteral("userPrincipalNames"), QJsonArray::fromStringList(users)}, {QStringLiteral("code"), code}};
    if (count > 0) {
        body.insert(QStringLiteral("count"), count);
    }
    const ControlAnswer answer = control(QByteArrayLiteral("POST"),
        QStringLiteral("/_sandbox/synchronization/userErrors"), QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (answer.status != 200) {
        m_errorMessage = QStringLiteral("POST /_sandbox/synchronization/userErrors answered %1: %2")
                             .arg(answer.status)
                             .arg(QString::fromUtf8(answer.body.left(300)));
        return false;
    }
    return true;
}

QList<SandboxLogEntry> SandboxFixture::requestLog(qint64 since)
{
    const ControlAnswer answer
        = control(QByteArrayLiteral("GET"), QStringLiteral("/_sandbox/requests?since=%1").arg(since));
    QList<SandboxLogEntry> entries;
    if (answer.status != 200) {
        m_errorMessage = QStringLiteral("GET /_sandbox/requests answered %1").arg(answer.status);
        return entries;
    }
    for (const QJsonValue& value :
        QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("requests")).toArray()) {
        SandboxLogEntry entry = SandboxLogEntry::fromJson(value.toObject());
        if (entry.seq > since) { // whether "since" is inclusive or not, callers get what came after it
            entries.append(entry);
        }
    }
    std::sort(entries.begin(), entries.end(),
        [](const SandboxLogEntry& a, const SandboxLogEntry& b) { return a.seq < b.seq; });
    return entries;
}

qint64 SandboxFixture::lastSeq()
{
    const QList<SandboxLogEntry> entries = requestLog(0);
    return entries.isEmpty() ? 0 : entries.last().seq;
}

} // namespace tb::test
