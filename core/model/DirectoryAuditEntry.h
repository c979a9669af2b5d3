// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace tb::model {

// One directoryAudit of GET /auditLogs/directoryAudits (graph-reference.md 4): the target tenant's own record of
// what the sync did to a user ("Add user", "Update user" by the configuration's app, correlationId = the
// provisioning log's changeId). Missing, null or oddly typed fields stay empty. Value type, any thread.
struct DirectoryAuditEntry
{
    struct ModifiedProperty
    {
        QString name; // displayName
        std::optional<QString> oldValue; // as sent: often a JSON array in a string, ["Guest"]
        std::optional<QString> newValue;
        friend bool operator==(const ModifiedProperty& a, const ModifiedProperty& b) = default;
    };

    struct TargetResource
    {
        QString id;
        QString displayName;
        QString type; // User, Group, ...
        QString userPrincipalName;
        QList<ModifiedProperty> modifiedProperties;
        friend bool operator==(const TargetResource& a, const TargetResource& b) = default;
    };

    QString id;
    QDateTime activityDateTime; // UTC
    QString activityDisplayName; // "Add user"
    QString category; // UserManagement, ProvisioningManagement
    QString loggedByService; // "Core Directory", "Account Provisioning"
    QString result; // success, failure, timeout
    QString resultReason;
    // initiatedBy.user.displayName (or userPrincipalName), else initiatedBy.app.displayName.
    QString initiatedByDisplayName;
    QList<TargetResource> targetResources;
    QString correlationId;

    // Whether one of targetResources has this id (case-insensitive).
    [[nodiscard]] bool concerns(const QString& objectId) const;

    [[nodiscard]] static DirectoryAuditEntry fromJson(const QJsonObject& json);

    friend bool operator==(const DirectoryAuditEntry& a, const DirectoryAuditEntry& b) = default;
};

} // namespace tb::model
