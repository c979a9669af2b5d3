// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/PageReadResult.h"

#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

namespace tb::graph {

class GraphCall;
class GraphClient;

// Reads a Graph collection page by page ("Paging Microsoft Graph data in your app"): sends the first
// request, emits each page's "value" array, and follows @odata.nextLink verbatim until it is absent. A
// next link that leaves the first request's scheme, host or port is refused (InsecureUrl): a tampered or
// hostile answer cannot send our token elsewhere. Pages are handed on, not kept, so memory stays flat.
// A job: create it (parent = the caller), connect, start(); `finished` comes exactly once, then it
// deletes itself. Lives on the client's thread; the client must outlive it.
class PageReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PageReader)

public:
    PageReader(GraphClient& client, GraphRequest firstPage, QObject* parent = nullptr);
    ~PageReader() override;

    void start();
    // Stops after the current request; finishes once with a Cancelled error.
    void cancel();

    [[nodiscard]] const GraphRequest& firstRequest() const { return m_firstPage; }
    [[nodiscard]] int pagesReceived() const { return m_result.pages; }
    [[nodiscard]] qint64 itemsReceived() const { return m_result.items; }

signals:
    void pageReceived(const QJsonArray& items);
    void finished(const tb::graph::PageReadResult& result);

private:
    void sendPage(const GraphRequest& request);
    void handlePage(const tb::graph::GraphResponse& response);
    void finish(const GraphError& error);

    GraphClient& m_client;
    GraphRequest m_firstPage;
    QUrl m_origin;
    QSet<QString> m_seenLinks; // every @odata.nextLink followed so far
    QPointer<GraphCall> m_call;
    PageReadResult m_result;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace tb::graph
