// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/graph/GraphReply.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace tbsandbox {

struct GraphRequestContext;

// Small answers the policy, synchronization and role controllers share: the request body as a JSON object, 404,
// 405 with Allow, and @odata.context URLs. Stateless.
class GraphJson final
{
public:
    GraphJson() = delete;

    // The body as an object; nothing, with *refusal set to a 400, when it is not one.
    [[nodiscard]] static std::optional<QJsonObject> body(const GraphRequestContext& context, GraphReply* refusal);
    [[nodiscard]] static GraphReply notFound(const GraphRequestContext& context, const QString& what);
    [[nodiscard]] static GraphReply methodNotAllowed(const GraphRequestContext& context, const QByteArray& allowed);
    [[nodiscard]] static GraphReply badRequest(const GraphRequestContext& context, const QString& message);
    [[nodiscard]] static QString metadataUrl(const GraphRequestContext& context, const QString& fragment);
    // 409 Request_MultipleObjectsWithSameKeyValue with details[0].code ConflictingObjects (graph-reference 1.4, 1.5).
    [[nodiscard]] static GraphReply conflict(const GraphRequestContext& context, const QString& message);
};

} // namespace tbsandbox
