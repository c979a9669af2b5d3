// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/graph/GraphReply.h"

#include <QJsonObject>

#include <optional>

namespace tbsandbox {

class ProvisioningService;
class TenantState;
class World;
struct GraphRequestContext;
struct SandboxOptions;
struct ServicePrincipalRecord;

// The CTS configuration in the source tenant (graph-reference 2.1, 2.2, 2.4, 2.5): instantiating the
// cross-tenant synchronization template, the applications and service principals it made, and their
// synchronization templates, jobs, validateCredentials, secrets, each job's schema (sync/JobSchema: GET, PUT, DELETE,
// filterOperators, functions) and provisionOnDemand with its per-job rate limit. A new service principal misses for
// SandboxOptions::servicePrincipalPropagationMs, as on other replicas in Entra. The target of a configuration is
// the tenant named by the CompanyId credential. Owned by GraphRouter; server thread.
class SynchronizationController final
{
public:
    // The application template of cross-tenant synchronization (graph-reference 2.1).
    static inline const QString kCtsTemplateId = QStringLiteral("518e5f48-1fc8-4c48-9387-9fdf28b0dfe7");

    explicit SynchronizationController(World& world);

    // The options must outlive the controller; until set, the defaults apply.
    void setOptions(const SandboxOptions* options) { m_options = options; }
    // The service that runs jobs (start, pause, restart, provisionOnDemand); must outlive the controller. Until
    // set, start and pause only change the job's schedule and status.
    void setProvisioning(ProvisioningService* provisioning) { m_provisioning = provisioning; }

    // Answers the request, or nothing when the path is not one of these (the router then answers 404).
    [[nodiscard]] std::optional<GraphReply> handle(const GraphRequestContext& context) const;

private:
    [[nodiscard]] GraphReply instantiate(const GraphRequestContext& context, const QString& templateId) const;
    [[nodiscard]] GraphReply listServicePrincipals(const GraphRequestContext& context) const;
    [[nodiscard]] std::optional<GraphReply> servicePrincipalPath(const GraphRequestContext& context) const;
    [[nodiscard]] std::optional<GraphReply> applicationPath(const GraphRequestContext& context) const;
    [[nodiscard]] std::optional<GraphReply> synchronization(
        const GraphRequestContext& context, ServicePrincipalRecord& record) const;
    // GET, POST /servicePrincipals/{id}/appRoleAssignedTo and DELETE .../{assignmentId} (graph-reference 3).
    [[nodiscard]] GraphReply appRoleAssignedTo(
        const GraphRequestContext& context, ServicePrincipalRecord& record) const;
    [[nodiscard]] GraphReply jobAction(
        const GraphRequestContext& context, ServicePrincipalRecord& record, qsizetype jobIndex) const;
    // GET, PUT, DELETE .../jobs/{jobId}/schema and GET .../schema/filterOperators, .../schema/functions (2.6).
    [[nodiscard]] GraphReply schemaPath(
        const GraphRequestContext& context, ServicePrincipalRecord& record, qsizetype jobIndex) const;
    [[nodiscard]] GraphReply provisionOnDemand(
        const GraphRequestContext& context, ServicePrincipalRecord& record, qsizetype jobIndex) const;
    [[nodiscard]] GraphReply createJob(const GraphRequestContext& context, ServicePrincipalRecord& record) const;
    [[nodiscard]] GraphReply validateCredentials(
        const GraphRequestContext& context, const ServicePrincipalRecord& record) const;
    // True while a service principal created at createdAtMs is still propagating.
    [[nodiscard]] bool propagating(const ServicePrincipalRecord& record) const;
    [[nodiscard]] const SandboxOptions& options() const;

    World& m_world;
    const SandboxOptions* m_options = nullptr;
    ProvisioningService* m_provisioning = nullptr;
};

} // namespace tbsandbox
