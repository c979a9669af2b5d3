// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/graph/GraphReply.h"

#include <QJsonObject>

#include <optional>

namespace tbsandbox {

class World;
struct GraphRequestContext;
struct SandboxOptions;

// The cross-tenant access policy of the request's tenant (graph-reference 1.1 to 1.5): root, default, partners and
// their identitySynchronization; and the tenant lookup functions under /tenantRelationships (1.6) over the World's
// tenants. Behaviour the reference marks [U] follows SandboxOptions. Owned by GraphRouter; server thread.
class PolicyController final
{
public:
    explicit PolicyController(World& world);

    // The options must outlive the controller; until set, the defaults apply.
    void setOptions(const SandboxOptions* options) { m_options = options; }

    // Answers the request, or nothing when the path is not one of these (the router then answers 404).
    [[nodiscard]] std::optional<GraphReply> handle(const GraphRequestContext& context) const;

private:
    [[nodiscard]] GraphReply policyRoot(const GraphRequestContext& context) const;
    [[nodiscard]] GraphReply defaultConfiguration(const GraphRequestContext& context) const;
    [[nodiscard]] GraphReply partners(const GraphRequestContext& context) const;
    [[nodiscard]] GraphReply partner(const GraphRequestContext& context, const QString& tenantId) const;
    [[nodiscard]] GraphReply identitySynchronization(const GraphRequestContext& context, const QString& tenantId) const;
    [[nodiscard]] std::optional<GraphReply> tenantLookup(const GraphRequestContext& context) const;
    [[nodiscard]] const SandboxOptions& options() const;

    World& m_world;
    const SandboxOptions* m_options = nullptr;
};

} // namespace tbsandbox
