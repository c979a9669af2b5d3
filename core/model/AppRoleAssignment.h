// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace tb::model {

// An appRoleAssignment on the CTS configuration's service principal (graph-reference.md 3): which user or group
// is in the configuration's scope, through which app role (msiam_access for CTS). The id is an opaque
// base64url-like string, not a GUID. Value type, any thread.
struct AppRoleAssignment
{
    QString id;
    QString appRoleId;
    QString principalId;
    QString principalType; // User, Group or ServicePrincipal
    QString principalDisplayName;
    QString resourceId; // the configuration's service principal
    QString resourceDisplayName;
    QDateTime createdDateTime; // UTC; invalid when the answer had none

    [[nodiscard]] bool isUser() const { return principalType.compare(QLatin1String("User"), Qt::CaseInsensitive) == 0; }
    [[nodiscard]] bool isGroup() const
    {
        return principalType.compare(QLatin1String("Group"), Qt::CaseInsensitive) == 0;
    }

    // Missing, null or oddly typed fields stay empty. createdDateTime falls back to the older docs'
    // creationTimestamp.
    [[nodiscard]] static AppRoleAssignment fromJson(const QJsonObject& json);

    friend bool operator==(const AppRoleAssignment& a, const AppRoleAssignment& b) = default;
};

} // namespace tb::model
