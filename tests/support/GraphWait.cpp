// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/GraphWait.h"

#include "core/graph/BatchRequest.h"
#include "core/graph/GraphCall.h"
#include "core/graph/PageReader.h"
#include "tests/support/SignalWaiter.h"

#include <QJsonArray>

namespace tb::test {

std::optional<graph::GraphResponse> GraphWait::response(graph::GraphCall* call)
{
    std::optional<graph::GraphResponse> result;
    QObject context;
    QObject::connect(call, &graph::GraphCall::finished, &context,
        [&result](const graph::GraphResponse& response) { result = response; });
    if (!SignalWaiter::waitUntil([&result] { return result.has_value(); })) {
        return std::nullopt;
    }
    return result;
}

GraphWait::Pages GraphWait::readAll(graph::PageReader* reader)
{
    Pages pages;
    QObject context;
    QObject::connect(reader, &graph::PageReader::pageReceived, &context, [&pages](const QJsonArray& items) {
        ++pages.pageSignals;
        for (const QJsonValue& item : items) {
            pages.items.append(item.toObject());
        }
    });
    QObject::connect(reader, &graph::PageReader::finished, &context, [&pages](const graph::PageReadResult& result) {
        ++pages.finishedSignals;
        pages.result = result;
    });
    reader->start();
    (void)SignalWaiter::waitUntil([&pages] { return pages.result.has_value(); }, 240000);
    return pages;
}

GraphWait::Batch GraphWait::run(graph::BatchRequest* batch)
{
    Batch result;
    QObject context;
    QObject::connect(
        batch, &graph::BatchRequest::finished, &context, [&result](const QList<graph::GraphResponse>& responses) {
            ++result.finishedSignals;
            result.responses = responses;
        });
    batch->start();
    (void)SignalWaiter::waitUntil([&result] { return result.finishedSignals > 0; });
    return result;
}

} // namespace tb::test
