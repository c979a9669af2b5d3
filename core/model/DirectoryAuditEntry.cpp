// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/DirectoryAuditEntry.h"

#include "core/model/ProvisioningLogEntry.h"

#include <QJsonArray>

#include <algorithm>

namespace tb::model {

namespace {

std::optional<QString> optionalText(const QJsonValue& value)
{
    return value.isString() ? std::optional<QString>(value.toString()) : std::nullopt;
}

} // namespace

bool DirectoryAuditEntry::concerns(const QString& objectId) const
{
    return std::any_of(targetResources.cbegin(), targetResources.cend(), [&objectId](const TargetResource& resource) {
        return !objectId.isEmpty() && resource.id.compare(objectId, Qt::CaseInsensitive) == 0;
    });
}

DirectoryAuditEntry DirectoryAuditEntry::fromJson(const QJsonObject& json)
{
    DirectoryAuditEntry entry;
    entry.id = json.value(QLatin1String("id")).toString();
    entry.activityDateTime
        = ProvisioningLogEntry::parseDateTime(json.value(QLatin1String("activityDateTime")).toString());
    entry.activityDisplayName = json.value(QLatin1String("activityDisplayName")).toString();
    entry.category = json.value(QLatin1String("category")).toString();
    entry.loggedByService = json.value(QLatin1String("loggedByService")).toString();
    entry.result = json.value(QLatin1String("result")).toString();
    entry.resultReason = json.value(QLatin1String("resultReason")).toString();
    entry.correlationId = json.value(QLatin1String("correlationId")).toString();

    const QJsonObject initiatedBy = json.value(QLatin1String("initiatedBy")).toObject();
    const QJsonObject user = initiatedBy.value(QLatin1String("user")).toObject();
    entry.initiatedByDisplayName = user.value(QLatin1String("displayName")).toString();
    if (entry.initiatedByDisplayName.isEmpty()) {
        entry.initiatedByDisplayName = user.value(QLatin1String("userPrincipalName")).toString();
    }
    if (entry.initiatedByDisplayName.isEmpty()) {
        entry.initiatedByDisplayName
            = initiatedBy.value(QLatin1String("app")).toObject().value(QLatin1String("displayName")).toString();
    }

    for (const QJsonValue& value : json.value(QLatin1String("targetResources")).toArray()) {
        const QJsonObject resourceJson = value.toObject();
        TargetResource resource;
        resource.id = resourceJson.value(QLatin1String("id")).toString();
        resource.displayName = resourceJson.value(QLatin1String("displayName")).toString();
        resource.type = resourceJson.value(QLatin1String("type")).toString();
        resource.userPrincipalName = resourceJson.value(QLatin1String("userPrincipalName")).toString();
        for (const QJsonValue& property : resourceJson.value(QLatin1String("modifiedProperties")).toArray()) {
            const QJsonObject propertyJson = property.toObject();
            resource.modifiedProperties.append({propertyJson.value(QLatin1String("displayName")).toString(),
                optionalText(propertyJson.value(QLatin1String("oldValue"))),
                optionalText(propertyJson.value(QLatin1String("newValue")))});
        }
        entry.targetResources.append(resource);
    }
    return entry;
}

} // namespace tb::model
