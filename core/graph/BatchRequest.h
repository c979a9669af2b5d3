// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace tb::graph {

class GraphCall;
class GraphClient;

// Sends any number of requests through JSON batching ("Combine multiple HTTP requests using JSON
// batching", graph-reference.md 8.3): packs them into POST /$batch calls of at most 20, maps each answer
// back by its id, and sends items that got 429/503/504 again in a later batch after their Retry-After
// (bounded by the client's RetryPolicy attempts). In sequential mode each item depends on the one before
// (dependsOn); an item answered 424 because its predecessor is being retried is retried with it, and one
// whose predecessor failed for good ends as FailedDependency. Ends with one `finished` carrying one
// response per input request, in input order. A job: create, connect, start(); deletes itself after
// finished. Lives on the client's thread.
class BatchRequest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchRequest)

public:
    static constexpr int kMaxBatchSize = 20; // Graph's limit per $batch

    BatchRequest(GraphClient& client, QList<GraphRequest> requests, QObject* parent = nullptr);
    ~BatchRequest() override;

    // Graph's advice: a batch should be fully sequential or fully parallel. Default: parallel.
    void setSequential(bool sequential);
    void start();
    // Finishes once; items not answered yet get a Cancelled error.
    void cancel();

    [[nodiscard]] int batchesSent() const { return m_batchesSent; }
    [[nodiscard]] int size() const { return static_cast<int>(m_items.size()); }

signals:
    void finished(const QList<tb::graph::GraphResponse>& responses);

private:
    struct Item
    {
        GraphRequest request;
        GraphResponse response;
        int attempts = 0;
        bool done = false;
        qint64 retryAfterMs = 0;
    };

    void sendRound();
    void sendChunk(const QList<int>& indexes);
    void handleBatchAnswer(const QList<int>& indexes, const tb::graph::GraphResponse& response);
    void applyItemAnswer(int index, const QJsonObject& answer, const GraphResponse& outer);
    void failItem(int index, const GraphError& error, int status = 0);
    void roundFinished();
    void finish();
    [[nodiscard]] QJsonObject itemJson(int index, const QString& dependsOnId) const;

    GraphClient& m_client;
    QList<Item> m_items;
    QList<QPointer<GraphCall>> m_calls;
    QTimer m_retryTimer;
    bool m_sequential = false;
    bool m_started = false;
    bool m_finished = false;
    int m_batchesSent = 0;
    int m_outstanding = 0;
};

} // namespace tb::graph
