// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/endpoints/CtsCall.h"

namespace tb::graph {

QStringList CtsCall::requiredScopes(Kind kind)
{
    switch (kind) {
    case Kind::FindTenantInformation:
        return {QStringLiteral("CrossTenantInformation.ReadBasic.All")}; // 1.6
    case Kind::CreatePartner:
    case Kind::SetUserSyncInbound:
    case Kind::SetAutomaticUserConsent:
        return {QStringLiteral("Policy.ReadWrite.CrossTenantAccess")}; // 1.4, 1.5
    case Kind::InstantiateConfiguration:
        return {QStringLiteral("Application.ReadWrite.All")}; // 2.1
    case Kind::ValidateCredentials:
    case Kind::CreateJob:
    case Kind::SaveSecrets:
        return {QStringLiteral("Synchronization.ReadWrite.All")}; // 2.2
    case Kind::ReadPolicy:
        return {QStringLiteral("Policy.Read.All")};
    case Kind::ReadServicePrincipal:
        return {QStringLiteral("Application.Read.All")};
    case Kind::ReadJobs:
    case Kind::ReadSchema:
        return {QStringLiteral("Synchronization.Read.All")};
    case Kind::ReadAssignments:
        return {QStringLiteral("Application.Read.All")}; // 3
    case Kind::AssignUsers:
        // 3: AppRoleAssignment.ReadWrite.All and Application.Read.All (to read the service principal's roles).
        return {QStringLiteral("AppRoleAssignment.ReadWrite.All"), QStringLiteral("Application.Read.All")};
    case Kind::WriteSchema:
    case Kind::ProvisionOnDemand:
        return {QStringLiteral("Synchronization.ReadWrite.All")}; // 2.6, 2.7
    case Kind::ReadProvisioningLogs:
        return {QStringLiteral("AuditLog.Read.All")}; // 4
    }
    return {};
}

QStringList CtsCall::setupScopes(model::TenantRole role)
{
    QList<Kind> kinds {
        Kind::FindTenantInformation, Kind::CreatePartner, Kind::SetAutomaticUserConsent, Kind::ReadPolicy};
    if (role == model::TenantRole::Target) {
        // The target's directoryAudits show what the sync did to its users.
        kinds.append({Kind::SetUserSyncInbound, Kind::ReadProvisioningLogs});
    } else {
        kinds.append({Kind::InstantiateConfiguration, Kind::ValidateCredentials, Kind::CreateJob, Kind::SaveSecrets,
            Kind::ReadServicePrincipal, Kind::ReadJobs, Kind::ReadAssignments, Kind::AssignUsers, Kind::ReadSchema,
            Kind::WriteSchema, Kind::ProvisionOnDemand, Kind::ReadProvisioningLogs});
    }
    QStringList scopes;
    for (const Kind kind : kinds) {
        for (const QString& scope : requiredScopes(kind)) {
            if (!scopes.contains(scope)) {
                scopes.append(scope);
            }
        }
    }
    return scopes;
}

} // namespace tb::graph
