// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/BatchRequest.h"

#include "core/Clock.h"
#include "core/CoreLogging.h"
#include "core/graph/BatchAnswer.h"
#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/RetryPolicy.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <limits>
#include <optional>

namespace tb::graph {

namespace {

QString itemId(int index)
{
    return QString::number(index + 1);
}

} // namespace

BatchRequest::BatchRequest(GraphClient& client, QList<GraphRequest> requests, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
    m_items.reserve(requests.size());
    for (GraphRequest& request : requests) {
        m_items.append(Item {std::move(request), {}, 0, false, 0});
    }
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setTimerType(Qt::PreciseTimer); // never before an item's Retry-After
    connect(&m_retryTimer, &QTimer::timeout, this, &BatchRequest::sendRound);
}

BatchRequest::~BatchRequest()
{
    for (const QPointer<GraphCall>& call : std::as_const(m_calls)) {
        if (call) {
            call->disconnect(this);
            call->cancel();
        }
    }
}

void BatchRequest::setSequential(bool sequential)
{
    m_sequential = sequential;
}

void BatchRequest::start()
{
    if (m_started || m_finished) {
        return;
    }
    m_started = true;
    // An item that cannot be sent fails on its own; the rest still go.
    for (int i = 0; i < m_items.size(); ++i) {
        const GraphRequest& request = m_items.at(i).request;
        if (!request.isValid()) {
            failItem(i, GraphError(GraphError::Kind::InvalidRequest, request.invalidReason()));
        } else if (request.isAbsolute()) {
            failItem(i,
                GraphError(GraphError::Kind::InvalidRequest,
                    QStringLiteral("a $batch item needs a path relative to the API version.")));
        }
    }
    // Begin on the next turn, like GraphClient::send, so an empty or all-invalid batch still finishes after
    // the caller connected.
    m_retryTimer.start(0);
}

void BatchRequest::cancel()
{
    if (m_finished) {
        return;
    }
    m_retryTimer.stop();
    for (const QPointer<GraphCall>& call : std::as_const(m_calls)) {
        if (call) {
            call->disconnect(this);
            call->cancel();
        }
    }
    m_calls.clear();
    m_outstanding = 0;
    for (int i = 0; i < m_items.size(); ++i) {
        if (!m_items.at(i).done) {
            failItem(i, GraphError(GraphError::Kind::Cancelled, QStringLiteral("The batch was cancelled.")));
        }
    }
    finish();
}

void BatchRequest::sendRound()
{
    if (m_finished) {
        return;
    }
    QList<int> pending;
    bool earlierFailed = false;
    for (int i = 0; i < m_items.size(); ++i) {
        Item& item = m_items[i];
        if (m_sequential && earlierFailed && !item.done) {
            // Sequential: what follows a request that failed for good would have been answered 424.
            failItem(i, GraphError::fromHttp(424, QJsonObject()), 424);
            continue;
        }
        if (item.done) {
            earlierFailed = earlierFailed || !item.response.isSuccess();
        } else {
            pending.append(i);
        }
    }
    if (pending.isEmpty()) {
        finish();
        return;
    }
    // Chunks of at most 20 with one API version each ($batch lives under a version).
    QList<QList<int>> chunks;
    for (int index : std::as_const(pending)) {
        const auto version = m_items.at(index).request.apiVersion();
        if (chunks.isEmpty() || chunks.last().size() >= kMaxBatchSize
            || m_items.at(chunks.last().first()).request.apiVersion() != version) {
            chunks.append(QList<int>());
        }
        chunks.last().append(index);
    }
    if (m_sequential) {
        chunks = chunks.mid(0, 1); // one after another; the next round takes the next chunk
    }
    m_calls.clear();
    m_outstanding = static_cast<int>(chunks.size());
    for (const QList<int>& chunk : std::as_const(chunks)) {
        sendChunk(chunk);
    }
}

QJsonObject BatchRequest::itemJson(int index, const QString& dependsOnId) const
{
    const GraphRequest& request = m_items.at(index).request;
    QJsonObject json {{QStringLiteral("id"), itemId(index)},
        {QStringLiteral("method"), QString::fromLatin1(GraphRequest::methodName(request.method()))},
        {QStringLiteral("url"), request.relativeUrl()}};
    QJsonObject headers;
    for (const auto& [name, value] : request.headers()) {
        headers.insert(QString::fromLatin1(name), QString::fromLatin1(value));
    }
    if (request.body()) {
        // "headers is required when body is present and must include Content-Type" (8.3).
        headers.insert(QStringLiteral("Content-Type"), QStringLiteral("application/json"));
        json.insert(QStringLiteral("body"), *request.body());
    }
    if (!headers.isEmpty()) {
        json.insert(QStringLiteral("headers"), headers);
    }
    if (!dependsOnId.isEmpty()) {
        json.insert(QStringLiteral("dependsOn"), QJsonArray {dependsOnId});
    }
    return json;
}

void BatchRequest::sendChunk(const QList<int>& indexes)
{
    QJsonArray requests;
    bool allRetrySafe = true;
    QString previousId;
    for (int index : indexes) {
        Item& item = m_items[index];
        ++item.attempts;
        item.retryAfterMs = 0;
        allRetrySafe = allRetrySafe && item.request.isRetrySafe();
        requests.append(itemJson(index, m_sequential ? previousId : QString()));
        previousId = itemId(index);
    }
    GraphRequest batch
        = GraphRequest::post(QStringLiteral("/$batch"), QJsonObject {{QStringLiteral("requests"), requests}});
    batch.setApiVersion(m_items.at(indexes.first()).request.apiVersion());
    // The outer POST may be sent again after a transport error only if every item may.
    batch.setRetrySafe(allRetrySafe);
    ++m_batchesSent;
    GraphCall* call = m_client.send(batch);
    m_calls.append(call);
    connect(call, &GraphCall::finished, this,
        [this, indexes](const GraphResponse& response) { handleBatchAnswer(indexes, response); });
}

void BatchRequest::handleBatchAnswer(const QList<int>& indexes, const tb::graph::GraphResponse& response)
{
    if (m_finished) {
        return;
    }
    if (!response.isSuccess()) {
        for (int index : indexes) {
            failItem(index, response.error(), response.httpStatus());
        }
    } else {
        // Ids are case-insensitive; answers may come in any order (8.3).
        const QHash<QString, QJsonObject> answers = BatchAnswer::answersById(response.json());
        for (int index : indexes) {
            const auto it = answers.constFind(itemId(index));
            if (it == answers.cend()) {
                GraphError error(GraphError::Kind::MalformedResponse,
                    QStringLiteral("the $batch answer has no response for item %1.").arg(itemId(index)));
                error.setRequestId(response.requestId());
                failItem(index, error);
            } else {
                applyItemAnswer(index, it.value(), response);
            }
        }
        // 424: retry with its predecessor when that one is being retried, else it failed for good.
        for (qsizetype i = 0; i < indexes.size(); ++i) {
            Item& item = m_items[indexes.at(i)];
            if (item.done || item.response.httpStatus() != 424) {
                continue;
            }
            const bool predecessorRetrying = m_sequential && i > 0 && !m_items.at(indexes.at(i - 1)).done;
            if (predecessorRetrying) {
                --item.attempts; // it never ran
            } else {
                item.done = true;
            }
        }
    }
    if (--m_outstanding <= 0) {
        roundFinished();
    }
}

void BatchRequest::applyItemAnswer(int index, const QJsonObject& answer, const GraphResponse& outer)
{
    Item& item = m_items[index];
    const GraphResponse response
        = BatchAnswer::itemResponse(answer, itemId(index), outer, item.attempts, m_client.clock().nowUtc());
    const int status = response.httpStatus();
    item.response = response;

    const RetryPolicy& policy = m_client.retryPolicy();
    // Each inner request is throttled on its own (8.3): a 429/503/504 item goes again in a later batch.
    const bool retry = policy.isRetryableStatus(status) && item.attempts < policy.maxAttempts()
        && !(response.error().retryAfterMs() && policy.isRetryAfterTooLong(*response.error().retryAfterMs()));
    if (retry) {
        item.retryAfterMs = response.error().retryAfterMs().value_or(0);
    } else if (status != 424) {
        item.done = true;
    }
}

void BatchRequest::failItem(int index, const GraphError& error, int status)
{
    Item& item = m_items[index];
    GraphResponse response;
    response.setHttpStatus(status != 0 ? status : error.httpStatus());
    response.setError(error);
    response.setRequestId(error.requestId());
    response.setClientRequestId(error.clientRequestId());
    response.setAttempts(item.attempts);
    item.response = response;
    item.done = true;
}

void BatchRequest::roundFinished()
{
    m_calls.clear();
    std::optional<qint64> retryAfterMs;
    bool anyPending = false;
    bool anyRetry = false;
    for (const Item& item : std::as_const(m_items)) {
        if (item.done) {
            continue;
        }
        anyPending = true;
        if (item.attempts > 0) {
            anyRetry = true;
            if (item.retryAfterMs > 0) {
                retryAfterMs = std::max(retryAfterMs.value_or(0), item.retryAfterMs);
            }
        }
    }
    if (!anyPending) {
        finish();
        return;
    }
    qint64 delay = 0;
    if (anyRetry) {
        const int round = std::max_element(m_items.cbegin(), m_items.cend(), [](const Item& a, const Item& b) {
            return a.attempts < b.attempts;
        })->attempts;
        delay = m_client.retryPolicy().delayMs(round, retryAfterMs, 0);
        qCInfo(lcGraph) << "$batch: retrying throttled or failed items in" << delay << "ms";
    }
    m_retryTimer.start(static_cast<int>(std::min<qint64>(delay, std::numeric_limits<int>::max())));
}

void BatchRequest::finish()
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_retryTimer.stop();
    QList<GraphResponse> responses;
    responses.reserve(m_items.size());
    for (const Item& item : std::as_const(m_items)) {
        responses.append(item.response);
    }
    const QPointer<BatchRequest> self(this);
    emit finished(responses);
    if (self) {
        deleteLater();
    }
}

} // namespace tb::graph
