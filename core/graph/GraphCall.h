// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/InFlightLimiter.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <optional>

namespace tb::auth {
struct TokenResult;
}

namespace tb::graph {

class GraphClient;

// One logical Graph call (Nextcloud's AbstractNetworkJob, qBittorrent's DownloadHandler): asks for a
// token, waits for a slot, sends with `client-request-id` (one GUID for the call, the same on every
// retry, as "Microsoft Graph best practices: client-request-id" asks) and `Authorization: Bearer`, owns
// its reply, runs a timeout timer reset whenever bytes move, and retries 429/503/504 (and network errors
// when the request is retry-safe) per RetryPolicy, never before Retry-After has passed. Every path ends in
// finish(): `finished` is emitted exactly once, then the call deletes itself.
// Created and parented by GraphClient; lives on its thread. Callers keep at most a QPointer to it.
class GraphCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GraphCall)

public:
    // The largest answer read (issue 9). The largest Graph answers TenantBridge asks for are pages: 1,000
    // provisioning-log records (a record with its steps and modified properties is 2 to 10 KB: about 10 MB) or 999
    // users with a $select (under 2 MB); a synchronization schema is a few hundred KB. 64 MB is six times the
    // largest, and bounds what a broken proxy or a wrong --sandbox address can make the app hold: the reply is
    // aborted as soon as its Content-Length or the bytes received pass it, and the call ends with ResponseTooLarge
    // (not retried: the same request would get the same answer).
    static constexpr qint64 kMaxResponseBytes = 64LL * 1024 * 1024;

    ~GraphCall() override;

    [[nodiscard]] const GraphRequest& request() const { return m_request; }
    [[nodiscard]] const QString& clientRequestId() const { return m_clientRequestId; }
    [[nodiscard]] int attempts() const { return m_attempts; }
    [[nodiscard]] bool isFinished() const { return m_finished; }

    // Stops the call wherever it is (waiting for a token, a slot, a retry or a reply) and finishes it with
    // a Cancelled error. Does nothing once finished.
    void cancel();

signals:
    void finished(const tb::graph::GraphResponse& response);

private:
    friend class GraphClient;
    GraphCall(GraphClient& client, GraphRequest request);

    void begin();
    void requestToken(bool forceRefresh);
    void handleToken(const auth::TokenResult& result);
    void sendWithSlot();
    void handleReplyFinished();
    // Aborts the reply once the answer is known to be larger than kMaxResponseBytes.
    void checkResponseSize(qint64 bytesReceived, qint64 bytesTotal);
    void handleTimeout();
    void restartTimeout();
    void scheduleRetry(qint64 delayMs);
    [[nodiscard]] bool retryIfAllowed(const GraphResponse& response, bool transportFailed);
    void releaseSlot();
    void finishWith(const GraphResponse& response);
    void finishWithError(const GraphError& error);
    [[nodiscard]] GraphResponse responseFrom(QNetworkReply& reply, const QByteArray& body) const;

    GraphClient& m_client;
    GraphRequest m_request;
    QString m_clientRequestId;
    QString m_accessToken;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeoutTimer;
    QTimer m_retryTimer;
    std::optional<InFlightLimiter::Ticket> m_ticket;
    // The 401 answer kept while a fresh token is fetched; finished with if the fresh token is the same one.
    std::optional<GraphResponse> m_rejectedResponse;
    int m_attempts = 0;
    bool m_triedFreshToken = false;
    bool m_timedOut = false;
    qint64 m_tooLargeBytes = 0; // set when the current reply was aborted for its size
    bool m_finished = false;
    qint64 m_previousDelayMs = 0;
    qint64 m_startedAtMs = -1;
};

} // namespace tb::graph
