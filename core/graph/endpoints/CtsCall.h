// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/TenantRole.h"

#include <QString>
#include <QStringList>

namespace tb::graph {

// The Graph calls that set up cross-tenant synchronization (graph-reference.md 0, steps 1-10) plus the reads
// the setup plan needs and the calls that run the sync (assignments, schema, on demand, logs), and the delegated
// scopes each one needs. GraphRequest carries no scopes (the client asks for one token per tenant), so this table
// is where a caller looks them up: to ask for consent up front, or to explain a 403. Pure functions, any thread.
//
// Scopes are the least-privileged delegated permissions the reference names (1.4, 1.5, 1.6, 2.1, 2.2), as
// short names: the token request adds the cloud's Graph resource (ScopeSet). The CTS how-to's broader set
// (Application.ReadWrite.All + Directory.ReadWrite.All for the synchronization calls) also works.
class CtsCall final
{
public:
    // Numbered as in graph-reference.md 0 where the call is a step there; reads afterwards.
    enum class Kind {
        FindTenantInformation = 1, // GET /tenantRelationships/findTenantInformationByTenantId(...)
        CreatePartner = 2, // POST /policies/crossTenantAccessPolicy/partners (also step 5, in the source)
        SetUserSyncInbound = 3, // PUT/PATCH/DELETE .../partners/{id}/identitySynchronization
        SetAutomaticUserConsent = 4, // PATCH .../partners/{id} (also step 6, in the source)
        InstantiateConfiguration = 7, // POST /applicationTemplates/{CTS}/instantiate
        ValidateCredentials = 8, // POST /servicePrincipals/{id}/synchronization/jobs/validateCredentials
        CreateJob = 9, // POST /servicePrincipals/{id}/synchronization/jobs (and DELETE of a job)
        SaveSecrets = 10, // PUT /servicePrincipals/{id}/synchronization/secrets
        ReadPolicy = 100, // GET partners, a partner, identitySynchronization
        ReadServicePrincipal, // GET /servicePrincipals/{id}
        ReadJobs, // GET .../synchronization/jobs, .../jobs/{jobId}
        // Running the sync (graph-reference.md 2.6, 2.7, 3, 4).
        ReadAssignments, // GET /servicePrincipals/{id}/appRoleAssignedTo
        AssignUsers, // POST/DELETE /servicePrincipals/{id}/appRoleAssignedTo[/{assignmentId}]
        ReadSchema, // GET .../jobs/{jobId}/schema
        WriteSchema, // PUT/DELETE .../jobs/{jobId}/schema
        ProvisionOnDemand, // POST .../jobs/{jobId}/provisionOnDemand
        ReadProvisioningLogs, // GET /auditLogs/provisioning (source), /auditLogs/directoryAudits (target)
    };

    CtsCall() = delete;

    [[nodiscard]] static QStringList requiredScopes(Kind kind);
    // The union of requiredScopes over every call the role's tenant receives while setting up CTS (the
    // reference's how-to list, least privilege): what to ask for at sign-in.
    [[nodiscard]] static QStringList setupScopes(model::TenantRole role);
};

} // namespace tb::graph
