// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphCall.h"
#include "core/graph/GraphError.h"
#include "core/graph/GraphRequest.h"
#include "core/graph/InFlightLimiter.h"
#include "core/graph/RetryPolicy.h"
#include "core/model/TenantRole.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace tb {
class Clock;
}

namespace tb::auth {
class AccessTokenSource;
}

namespace tb::graph {

// Sends Graph requests for one tenant: builds the URL below its base URL, gets tokens from the injected
// AccessTokenSource, limits the calls in flight, and hands out one GraphCall job per request. Owns nothing
// global: the QNetworkAccessManager, token source and clock are injected and must outlive it. Created by
// Workspace (one per tenant role) or by tests; lives on the thread of its QNetworkAccessManager.
//
// HTTPS only, except to loopback hosts (127.0.0.0/8, ::1, localhost) where the sandbox runs: any other
// http:// base URL makes every call finish with an InsecureUrl error before anything is sent.
class GraphClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GraphClient)

public:
    struct Settings
    {
        // "https://graph.microsoft.com" (a cloud's Graph host) or "http://127.0.0.1:PORT/<tenant id>"
        // (the sandbox, one base per tenant). The API version and the request path follow it.
        QUrl baseUrl;
        QString tenantId;
        std::optional<model::TenantRole> role;
        QStringList scopes {QStringLiteral("https://graph.microsoft.com/.default")};
        RetryPolicy retryPolicy;
        int maxInFlight = 4;
        int defaultTimeoutMs = 60000;
    };

    GraphClient(QNetworkAccessManager& network, auth::AccessTokenSource& tokens, Clock& clock, Settings settings,
        QObject* parent = nullptr);
    ~GraphClient() override;

    // Starts a call. The call is parented to this client, begins on the next event-loop turn (so the
    // caller can connect first), emits finished exactly once and then deletes itself.
    [[nodiscard]] GraphCall* send(const GraphRequest& request);
    // The same, delivering the response to callback through context: if context is destroyed first, the
    // callback never runs (a page closed mid-call gets no late answer).
    template <typename Callback>
    GraphCall* send(const GraphRequest& request, const QObject* context, Callback&& callback)
    {
        GraphCall* call = send(request);
        connect(call, &GraphCall::finished, context, std::forward<Callback>(callback));
        return call;
    }

    // Null when url may be sent to (https, or http to a loopback host), else the InsecureUrl error.
    [[nodiscard]] static std::optional<GraphError> checkUrl(const QUrl& url);
    [[nodiscard]] static bool isLoopbackHost(const QString& host);
    // Same scheme, host and port (the rule for following @odata.nextLink).
    [[nodiscard]] static bool isSameOrigin(const QUrl& a, const QUrl& b);

    [[nodiscard]] const QUrl& baseUrl() const { return m_settings.baseUrl; }
    [[nodiscard]] const QString& tenantId() const { return m_settings.tenantId; }
    [[nodiscard]] std::optional<model::TenantRole> role() const { return m_settings.role; }
    [[nodiscard]] const QStringList& scopes() const { return m_settings.scopes; }
    [[nodiscard]] const RetryPolicy& retryPolicy() const { return m_settings.retryPolicy; }
    [[nodiscard]] int defaultTimeoutMs() const { return m_settings.defaultTimeoutMs; }
    [[nodiscard]] QNetworkAccessManager& network() const { return m_network; }
    [[nodiscard]] auth::AccessTokenSource& tokenSource() const { return m_tokens; }
    [[nodiscard]] Clock& clock() const { return m_clock; }
    [[nodiscard]] InFlightLimiter& limiter() { return m_limiter; }
    [[nodiscard]] const InFlightLimiter& limiter() const { return m_limiter; }
    // The error every call gets when the base URL is refused; none when it is fine.
    [[nodiscard]] const std::optional<GraphError>& baseUrlError() const { return m_baseUrlError; }

private:
    QNetworkAccessManager& m_network;
    auth::AccessTokenSource& m_tokens;
    Clock& m_clock;
    Settings m_settings;
    InFlightLimiter m_limiter;
    std::optional<GraphError> m_baseUrlError;
};

} // namespace tb::graph
