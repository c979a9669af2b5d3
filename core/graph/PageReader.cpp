// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/PageReader.h"

#include "core/CoreLogging.h"
#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"

#include <QJsonValue>

namespace tb::graph {

PageReader::PageReader(GraphClient& client, GraphRequest firstPage, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_firstPage(std::move(firstPage))
    , m_origin(m_firstPage.url(client.baseUrl()))
{ }

PageReader::~PageReader()
{
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
    }
}

void PageReader::start()
{
    if (m_started || m_finished) {
        return;
    }
    m_started = true;
    sendPage(m_firstPage);
}

void PageReader::cancel()
{
    if (m_finished) {
        return;
    }
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        m_call = nullptr;
    }
    finish(GraphError(GraphError::Kind::Cancelled, QStringLiteral("Reading the list was cancelled.")));
}

void PageReader::sendPage(const GraphRequest& request)
{
    m_call = m_client.send(request);
    connect(m_call, &GraphCall::finished, this, &PageReader::handlePage);
}

void PageReader::handlePage(const tb::graph::GraphResponse& response)
{
    m_call = nullptr;
    if (m_finished) {
        return;
    }
    m_result.attempts += response.attempts();
    if (!response.isSuccess()) {
        finish(response.error());
        return;
    }
    const QJsonObject json = response.json();
    const QJsonValue value = json.value(QStringLiteral("value"));
    if (!value.isArray()) {
        GraphError error(GraphError::Kind::MalformedResponse,
            QStringLiteral("the answer is not a collection (no \"value\" array)."));
        error.setHttpStatus(response.httpStatus());
        error.setRequestId(response.requestId());
        error.setClientRequestId(response.clientRequestId());
        finish(error);
        return;
    }
    const QJsonArray items = value.toArray();
    if (m_result.pages == 0 && json.contains(QStringLiteral("@odata.count"))) {
        m_result.odataCount = static_cast<qint64>(json.value(QStringLiteral("@odata.count")).toDouble(-1));
    }
    ++m_result.pages;
    m_result.items += items.size();

    // Decide on the next link before emitting, so a receiver that cancels us sees a consistent state.
    const QJsonValue nextValue = json.value(QStringLiteral("@odata.nextLink"));
    const QString nextLink = nextValue.toString();
    QPointer<PageReader> self(this);
    emit pageReceived(items);
    if (!self || m_finished) {
        return;
    }
    if (nextLink.isEmpty()) {
        finish(GraphError());
        return;
    }
    // "Follow @odata.nextLink verbatim" (graph-reference.md 8.4) - but only on the host we started on:
    // the link would carry this tenant's bearer token wherever it points.
    const QUrl next(nextLink, QUrl::StrictMode);
    if (!next.isValid() || next.isRelative() || !GraphClient::isSameOrigin(next, m_origin)) {
        GraphError error(GraphError::Kind::InsecureUrl,
            QStringLiteral("the next page link points to %1, not to %2 where the list was read.")
                .arg(next.toDisplayString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveUserInfo),
                    m_origin.toDisplayString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveUserInfo)));
        error.setRequestId(response.requestId());
        finish(error);
        return;
    }
    // A service that hands out a link it handed out before would keep us paging for ever.
    if (m_seenLinks.contains(nextLink)) {
        GraphError error(GraphError::Kind::MalformedResponse,
            QStringLiteral("the service sent the same next page link twice; the list was stopped after %1 pages.")
                .arg(m_result.pages));
        error.setRequestId(response.requestId());
        finish(error);
        return;
    }
    m_seenLinks.insert(nextLink);
    GraphRequest nextRequest = GraphRequest::getAbsolute(next);
    // Headers such as ConsistencyLevel apply to every page of an advanced query.
    for (const auto& [name, headerValue] : m_firstPage.headers()) {
        nextRequest.setHeader(name, headerValue);
    }
    nextRequest.setTimeoutMs(m_firstPage.timeoutMs());
    sendPage(nextRequest);
}

void PageReader::finish(const GraphError& error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_result.error = error;
    qCDebug(lcGraph) << "page reader finished:" << m_result.pages << "pages," << m_result.items << "items";
    const QPointer<PageReader> self(this);
    emit finished(m_result);
    if (self) {
        deleteLater();
    }
}

} // namespace tb::graph
