// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/Tenant.h"

namespace tb::model {

Tenant Tenant::fromJson(const QJsonObject& json)
{
    Tenant tenant;
    tenant.id = json.value(QStringLiteral("id")).toString();
    tenant.displayName = json.value(QStringLiteral("displayName")).toString();
    tenant.initialDomain = json.value(QStringLiteral("initialDomain")).toString();
    if (const auto cloud = CloudInstance::fromName(json.value(QStringLiteral("cloud")).toString())) {
        tenant.cloud = *cloud;
    }
    return tenant;
}

QJsonObject Tenant::toJson() const
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("displayName"), displayName},
        {QStringLiteral("initialDomain"), initialDomain}, {QStringLiteral("cloud"), cloud.name()}};
}

QString Tenant::readableName() const
{
    if (!displayName.isEmpty()) {
        return displayName;
    }
    return initialDomain.isEmpty() ? id : initialDomain;
}

} // namespace tb::model
