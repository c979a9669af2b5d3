// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/graph/GraphReply.h"

#include <optional>

namespace tbsandbox {

struct GraphRequestContext;

// GET /auditLogs/provisioning (provisioningObjectSummary records the provisioning service wrote in this tenant, as
// the source) and GET /auditLogs/directoryAudits (what it did to this tenant's users, as the target), graph-reference
// 4: $filter (LogFilter), $top (1..1000, default 100), $orderby=activityDateTime [asc|desc] (default newest first),
// paging with $skiptoken in @odata.nextLink. Owned by GraphRouter; server thread.
class AuditLogController final
{
public:
    // Answers the request, or nothing when the path is not one of these.
    [[nodiscard]] std::optional<GraphReply> handle(const GraphRequestContext& context) const;
};

} // namespace tbsandbox
