// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/model/ProvisionOnDemandResult.h"
#include "core/model/SynchronizationSchema.h"

#include <QString>

#include <optional>

namespace tb::graph {

class GraphCall;
class GraphClient;

// A CTS job's schema (graph-reference.md 2.6: read, replace, reset to the template's) and provisioning one user on
// demand through it (2.7). Paths are /servicePrincipals/{spId}/synchronization/jobs/{jobId}/..., both ids encoded
// as one segment each. Scopes: CtsCall ReadSchema, WriteSchema, ProvisionOnDemand. Same pattern as
// SynchronizationEndpoints; holds only a reference to its client; same thread.
class SynchronizationSchemaEndpoints final
{
public:
    explicit SynchronizationSchemaEndpoints(GraphClient& client);

    // Builders. An empty id comes back marked invalid.
    // GET .../schema: 200 + synchronizationSchema.
    [[nodiscard]] static GraphRequest getSchemaRequest(const QString& servicePrincipalId, const QString& jobId);
    // PUT .../schema with schema.toJson(): a full replacement (fields the view does not model are kept in it), 204.
    [[nodiscard]] static GraphRequest putSchemaRequest(
        const QString& servicePrincipalId, const QString& jobId, const model::SynchronizationSchema& schema);
    // DELETE .../schema: back to the template's default schema, 204.
    [[nodiscard]] static GraphRequest resetSchemaRequest(const QString& servicePrincipalId, const QString& jobId);
    // POST .../provisionOnDemand {"parameters":[{"ruleId", "subjects":[{"objectId", "objectTypeName":"User"}]}]}:
    // 200 + stringKeyStringValuePair. It provisions (rate-limited to 5 per 10 seconds), so it is not retried on its
    // own. ruleId: SynchronizationSchema::userRuleId().
    [[nodiscard]] static GraphRequest provisionOnDemandRequest(
        const QString& servicePrincipalId, const QString& jobId, const QString& ruleId, const QString& userId);

    // Senders: calls start on the next event-loop turn.
    [[nodiscard]] GraphCall* getSchema(const QString& servicePrincipalId, const QString& jobId) const;
    [[nodiscard]] GraphCall* putSchema(
        const QString& servicePrincipalId, const QString& jobId, const model::SynchronizationSchema& schema) const;
    [[nodiscard]] GraphCall* resetSchema(const QString& servicePrincipalId, const QString& jobId) const;
    [[nodiscard]] GraphCall* provisionOnDemand(
        const QString& servicePrincipalId, const QString& jobId, const QString& ruleId, const QString& userId) const;

    // Parsers. Nothing when the answer failed or is not a schema (no synchronizationRules).
    [[nodiscard]] static std::optional<model::SynchronizationSchema> parseSchema(const GraphResponse& response);
    // Nothing, with a sentence in *problem, when the call failed or the answer is neither documented shape.
    [[nodiscard]] static std::optional<model::ProvisionOnDemandResult> parseProvisionOnDemand(
        const GraphResponse& response, QString* problem = nullptr);

private:
    GraphClient& m_client;
};

} // namespace tb::graph
