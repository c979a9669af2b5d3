// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace tb::model {

// The cross-tenant synchronization configuration the source tenant holds: the application and service
// principal made from the CTS gallery template (graph-reference.md 2.1) and its synchronization job (2.2).
// Every later /servicePrincipals/{id}/... call uses servicePrincipalId, never appId. Value type, any thread.
struct CtsConfiguration
{
    QString applicationId; // the application object's id
    QString appId; // the client id shared by the application and the service principal
    QString servicePrincipalId;
    QString displayName;
    QString jobId; // empty: no job yet
    QString jobStatusCode; // synchronizationStatus.code: NotConfigured, NotRun, Active, Paused, Quarantine

    // From the instantiate answer (applicationServicePrincipal: {application, servicePrincipal}). Both ids
    // stay empty when the answer lacks them.
    [[nodiscard]] static CtsConfiguration fromInstantiateJson(const QJsonObject& json);
    // From a servicePrincipal object (GET /servicePrincipals/{id}); no application object id there.
    [[nodiscard]] static CtsConfiguration fromServicePrincipalJson(const QJsonObject& json);

    // Our own flat form; round-trips with toJson().
    [[nodiscard]] static CtsConfiguration fromJson(const QJsonObject& json);
    [[nodiscard]] QJsonObject toJson() const;

    [[nodiscard]] bool hasServicePrincipal() const { return !servicePrincipalId.isEmpty(); }
    [[nodiscard]] bool hasJob() const { return !jobId.isEmpty(); }

    friend bool operator==(const CtsConfiguration& a, const CtsConfiguration& b) = default;
};

} // namespace tb::model
