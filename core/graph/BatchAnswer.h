// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphResponse.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>

namespace tb::graph {

// The body of a POST /$batch answer as BatchRequest reads it (graph-reference.md 8.3): the `responses` array by
// item id (ids compare case-insensitively and answers may come in any order), and one item's answer as the
// GraphResponse its caller gets: the item's status, its headers (names in lower case), its body (an object as JSON,
// a string as the raw body), its request-id header or else the batch's, and for a status outside 2xx the GraphError
// of that status and body with the item's Retry-After. An item without a status is a malformed answer. Stateless;
// any thread.
class BatchAnswer final
{
public:
    BatchAnswer() = delete;

    // Each answer of body.responses under its id in lower case; a later answer with the same id wins.
    [[nodiscard]] static QHash<QString, QJsonObject> answersById(const QJsonObject& body);
    // One answer (an element of responses) for the item with id itemId, sent within the batch `outer`.
    [[nodiscard]] static GraphResponse itemResponse(const QJsonObject& answer, const QString& itemId,
        const GraphResponse& outer, int attempts, const QDateTime& nowUtc);
};

} // namespace tb::graph
