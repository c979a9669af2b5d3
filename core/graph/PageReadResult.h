// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphError.h"

#include <QMetaType>
#include <QString>

namespace tb::graph {

// How a PageReader ended: how many pages and items arrived, and the error if it stopped early (kind None
// when it read the collection to its end). Value type, any thread.
struct PageReadResult
{
    int pages = 0;
    qint64 items = 0;
    // Requests sent, retries included (sum of each page call's attempts).
    int attempts = 0;
    // From the first page, when asked for with $count=true (else -1).
    qint64 odataCount = -1;
    GraphError error;

    [[nodiscard]] bool isComplete() const { return !error.isError(); }
};

} // namespace tb::graph

Q_DECLARE_METATYPE(tb::graph::PageReadResult)
