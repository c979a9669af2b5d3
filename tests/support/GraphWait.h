// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphResponse.h"
#include "core/graph/PageReadResult.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace tb::graph {
class BatchRequest;
class GraphCall;
class PageReader;
} // namespace tb::graph

namespace tb::test {

// Waits for graph/ jobs by spinning the event loop (ceiling from SignalWaiter), and records how often they
// finished, so tests can check "exactly once". Test thread only.
class GraphWait final
{
public:
    struct Pages
    {
        QList<QJsonObject> items;
        std::optional<graph::PageReadResult> result;
        int pageSignals = 0;
        int finishedSignals = 0;
    };
    struct Batch
    {
        QList<graph::GraphResponse> responses;
        int finishedSignals = 0;
    };

    GraphWait() = delete;

    // Nothing if the call did not finish within the ceiling.
    [[nodiscard]] static std::optional<graph::GraphResponse> response(graph::GraphCall* call);
    // Starts the reader, collects every item; result is empty if it never finished.
    [[nodiscard]] static Pages readAll(graph::PageReader* reader);
    // Starts the batch and waits for its one finished.
    [[nodiscard]] static Batch run(graph::BatchRequest* batch);
};

} // namespace tb::test
