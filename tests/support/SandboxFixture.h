// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/SystemClock.h"
#include "core/auth/StaticTokenSource.h"
#include "core/graph/GraphClient.h"
#include "core/graph/RetryPolicy.h"
#include "core/graph/SandboxTenant.h"
#include "core/sandbox/SandboxOptions.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

#include <map>
#include <memory>
#include <optional>

namespace tbsandbox {
class SandboxServer;
}

namespace tb::test {

// One entry of the sandbox's request log (GET /_sandbox/requests), as the integration tests read it.
struct SandboxLogEntry
{
    qint64 seq = 0;
    qint64 receivedAtMs = 0;
    QString method;
    QString target; // path and query as received
    QString tenantId;
    int status = 0;
    QString clientRequestId;
    QString requestId;
    int retryAfterSeconds = 0;
    QString fault;

    [[nodiscard]] static SandboxLogEntry fromJson(const QJsonObject& json);
    // The path without the query.
    [[nodiscard]] QString path() const;
    // A decoded query value of target ("$filter" ...).
    [[nodiscard]] QString queryValue(const QString& name) const;
};

// Starts a sandbox in this process on a free loopback port with the given options (test routes always on),
// reads its catalog through the real SandboxCatalog, signs in to every tenant as its admin with every Graph
// scope (device flow over raw HTTP, approved by the test route) and wires a StaticTokenSource with those access
// tokens plus one GraphClient per tenant. Also offers the control surface (faults, request log) over
// plain QNetworkAccessManager. Failures are reported through isReady()/errorMessage(), never by aborting,
// so a test fails with a sentence. Lives on the test's thread; one per test case.
class SandboxFixture final
{
public:
    // Retries quickly so tests do not idle: 50 ms base, 1 s cap, 8 attempts (Retry-After still wins).
    [[nodiscard]] static graph::RetryPolicy fastRetryPolicy();

    explicit SandboxFixture(
        tbsandbox::SandboxOptions options = {}, graph::RetryPolicy policy = fastRetryPolicy(), int maxInFlight = 4);
    ~SandboxFixture();
    SandboxFixture(const SandboxFixture&) = delete;
    SandboxFixture& operator=(const SandboxFixture&) = delete;

    [[nodiscard]] bool isReady() const { return m_errorMessage.isEmpty(); }
    [[nodiscard]] const QString& errorMessage() const { return m_errorMessage; }

    [[nodiscard]] QUrl sandboxUrl() const;
    [[nodiscard]] const QList<graph::SandboxTenant>& tenants() const { return m_tenants; }
    // By initial domain prefix ("contoso", "big") or display name, case-insensitive.
    [[nodiscard]] std::optional<graph::SandboxTenant> tenant(const QString& name) const;
    // The client of a tenant from the catalog (null for an unknown id).
    [[nodiscard]] graph::GraphClient* client(const QString& tenantId) const;
    // A further client with its own settings (its base URL defaults to the tenant's), for tests that need
    // another token source, limit or policy. Owned by the caller; the fixture must outlive it.
    [[nodiscard]] std::unique_ptr<graph::GraphClient> makeClient(
        const QString& tenantId, auth::AccessTokenSource& tokens, graph::GraphClient::Settings settings);
    [[nodiscard]] graph::GraphClient::Settings settingsFor(const QString& tenantId) const;

    [[nodiscard]] auth::StaticTokenSource& tokens() { return m_tokens; }
    // The access token the fixture got for this tenant (empty for an unknown id).
    [[nodiscard]] QString accessToken(const QString& tenantId) const { return m_accessTokens.value(tenantId); }
    [[nodiscard]] QNetworkAccessManager& network() { return m_network; }
    [[nodiscard]] tb::Clock& clock() { return m_clock; }

    // PUT /_sandbox/faults (replaces the plan) and DELETE /_sandbox/faults. False with errorMessage set.
    [[nodiscard]] bool putFaults(const QJsonObject& plan);
    [[nodiscard]] bool clearFaults();
    // POST /_sandbox/synchronization/runCycle: one provisioning cycle of every active job, now. The number of jobs
    // that ran, or -1 with errorMessage set.
    [[nodiscard]] int runSyncCycle();
    // POST /_sandbox/synchronization/userErrors: each named source user (UPN or id) fails its next `count` exports
    // (0: until cleared) with code. False with errorMessage set.
    [[nodiscard]] bool injectUserErrors(const QStringList& users, const QString& code, int count = 0);
    // GET /_sandbox/requests?since=SEQ. Empty on failure (errorMessage says why).
    [[nodiscard]] QList<SandboxLogEntry> requestLog(qint64 since = 0);
    // The highest seq logged so far (0 when none): take it before an action, then read the log since it.
    [[nodiscard]] qint64 lastSeq();

private:
    struct ControlAnswer
    {
        int status = 0;
        QByteArray body;
    };
    [[nodiscard]] ControlAnswer control(const QByteArray& method, const QString& path, const QByteArray& body = {},
        const QByteArray& contentType = QByteArrayLiteral("application/json"));
    // An access token for the tenant's admin, or an empty string with errorMessage set.
    [[nodiscard]] QString signIn(const QString& tenantId);

    tb::SystemClock m_clock;
    QNetworkAccessManager m_network;
    QNetworkAccessManager m_controlNetwork; // keeps control calls off the clients' connections
    auth::StaticTokenSource m_tokens;
    QHash<QString, QString> m_accessTokens; // tenant id -> the token in m_tokens
    std::unique_ptr<tbsandbox::SandboxServer> m_server;
    QList<graph::SandboxTenant> m_tenants;
    std::map<QString, std::unique_ptr<graph::GraphClient>> m_clients;
    graph::RetryPolicy m_policy;
    int m_maxInFlight;
    QString m_errorMessage;
};

} // namespace tb::test
