// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/ServicePlan.h"

namespace tb::model {

ServicePlan ServicePlan::fromJson(const QJsonObject& json)
{
    ServicePlan plan;
    plan.servicePlanId = json.value(QStringLiteral("servicePlanId")).toString();
    plan.servicePlanName = json.value(QStringLiteral("servicePlanName")).toString();
    plan.appliesTo = json.value(QStringLiteral("appliesTo")).toString();
    plan.provisioningStatus = json.value(QStringLiteral("provisioningStatus")).toString();
    return plan;
}

QJsonObject ServicePlan::toJson() const
{
    return QJsonObject {{QStringLiteral("servicePlanId"), servicePlanId},
        {QStringLiteral("servicePlanName"), servicePlanName}, {QStringLiteral("appliesTo"), appliesTo},
        {QStringLiteral("provisioningStatus"), provisioningStatus}};
}

bool ServicePlan::isProvisioned() const
{
    return provisioningStatus.compare(QStringLiteral("Success"), Qt::CaseInsensitive) == 0;
}

} // namespace tb::model
