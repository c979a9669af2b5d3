// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace tbsandbox {

// One application + service principal pair made by instantiating an application template (graph-reference 2.1),
// with what hangs off the service principal: synchronization secrets (key/value pairs as PUT) and jobs (Graph's
// synchronizationJob JSON as served). Owned by TenantState; a value; server thread.
struct ServicePrincipalRecord
{
    QJsonObject application;
    QJsonObject servicePrincipal;
    qint64 createdAtMs = 0; // epoch ms; reads of the new object miss until the propagation delay has passed
    QJsonArray secrets; // [{"key","value"}]; never logged
    QList<QJsonObject> jobs;
    // Users and groups assigned to the service principal (graph-reference 3): appRoleAssignment JSON as served.
    QJsonArray appRoleAssignments;
    // What the provisioning service remembers per job id (sync/ProvisioningService): never served.
    QJsonObject syncState;

    [[nodiscard]] QString id() const { return servicePrincipal.value(QLatin1String("id")).toString(); }
    [[nodiscard]] QString applicationId() const { return application.value(QLatin1String("id")).toString(); }
    [[nodiscard]] QString templateId() const
    {
        return servicePrincipal.value(QLatin1String("applicationTemplateId")).toString();
    }
    // The value of a saved secret, e.g. CompanyId; empty when not saved.
    [[nodiscard]] QString secret(const QString& key) const;
    // Index of the job with this id (case-insensitive), or -1.
    [[nodiscard]] qsizetype findJob(const QString& jobId) const;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<ServicePrincipalRecord> fromJson(const QJsonObject& json, QString* problem);
};

} // namespace tbsandbox
