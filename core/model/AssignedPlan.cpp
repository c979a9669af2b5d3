// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/AssignedPlan.h"

namespace tb::model {

AssignedPlan AssignedPlan::fromJson(const QJsonObject& json)
{
    AssignedPlan plan;
    plan.servicePlanId = json.value(QStringLiteral("servicePlanId")).toString();
    plan.service = json.value(QStringLiteral("service")).toString();
    plan.capabilityStatus = json.value(QStringLiteral("capabilityStatus")).toString();
    plan.assignedDateTime
        = QDateTime::fromString(json.value(QStringLiteral("assignedDateTime")).toString(), Qt::ISODateWithMs);
    return plan;
}

QJsonObject AssignedPlan::toJson() const
{
    QJsonObject json {{QStringLiteral("servicePlanId"), servicePlanId}, {QStringLiteral("service"), service},
        {QStringLiteral("capabilityStatus"), capabilityStatus}};
    if (assignedDateTime.isValid()) {
        json.insert(QStringLiteral("assignedDateTime"), assignedDateTime.toUTC().toString(Qt::ISODate));
    }
    return json;
}

bool AssignedPlan::isEnabled() const
{
    return capabilityStatus.compare(QStringLiteral("Enabled"), Qt::CaseInsensitive) == 0;
}

} // namespace tb::model
