// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/AppRoleAssignment.h"

namespace tb::model {

AppRoleAssignment AppRoleAssignment::fromJson(const QJsonObject& json)
{
    AppRoleAssignment assignment;
    assignment.id = json.value(QLatin1String("id")).toString();
    assignment.appRoleId = json.value(QLatin1String("appRoleId")).toString();
    assignment.principalId = json.value(QLatin1String("principalId")).toString();
    assignment.principalType = json.value(QLatin1String("principalType")).toString();
    assignment.principalDisplayName = json.value(QLatin1String("principalDisplayName")).toString();
    assignment.resourceId = json.value(QLatin1String("resourceId")).toString();
    assignment.resourceDisplayName = json.value(QLatin1String("resourceDisplayName")).toString();
    QString created = json.value(QLatin1String("createdDateTime")).toString();
    if (created.isEmpty()) {
        created = json.value(QLatin1String("creationTimestamp")).toString();
    }
    if (!created.isEmpty()) {
        const QDateTime parsed = QDateTime::fromString(created, Qt::ISODateWithMs);
        if (parsed.isValid()) {
            assignment.createdDateTime = parsed.toUTC();
        }
    }
    return assignment;
}

} // namespace tb::model
