// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/graph/GraphReply.h"

#include <QUuid>

#include <optional>

namespace tbsandbox {

class TenantState;
struct GraphRequestContext;

// What a user is a member of: GET /me/memberOf, /me/transitiveMemberOf and the same under /users/{id or UPN}.
// Answers directoryRole objects (id, displayName, description, roleTemplateId) for the tenant's seeded
// directoryRoles, then the groups that hold the user (transitive: through nested groups too), as Graph does.
// Stateless; owned by GraphRouter.
class DirectoryRoleController final
{
public:
    // Answers the request, or nothing when the path is not one of these.
    [[nodiscard]] std::optional<GraphReply> handle(const GraphRequestContext& context) const;

    // The id of a role activated in a tenant: stable per tenant and template, unlike the template id.
    [[nodiscard]] static QUuid roleId(const TenantState& tenant, const QString& roleTemplateId);

private:
    [[nodiscard]] GraphReply memberOf(const GraphRequestContext& context, const QUuid& userId, bool transitive) const;
};

} // namespace tbsandbox
