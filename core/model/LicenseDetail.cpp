// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/LicenseDetail.h"

#include <QJsonArray>

namespace tb::model {

LicenseDetail LicenseDetail::fromJson(const QJsonObject& json)
{
    LicenseDetail detail;
    detail.id = json.value(QStringLiteral("id")).toString();
    detail.skuId = json.value(QStringLiteral("skuId")).toString();
    detail.skuPartNumber = json.value(QStringLiteral("skuPartNumber")).toString();
    for (const QJsonValue& plan : json.value(QStringLiteral("servicePlans")).toArray()) {
        if (plan.isObject()) {
            detail.servicePlans.append(ServicePlan::fromJson(plan.toObject()));
        }
    }
    return detail;
}

QJsonObject LicenseDetail::toJson() const
{
    QJsonArray plans;
    for (const ServicePlan& plan : servicePlans) {
        plans.append(plan.toJson());
    }
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("skuId"), skuId},
        {QStringLiteral("skuPartNumber"), skuPartNumber}, {QStringLiteral("servicePlans"), plans}};
}

bool LicenseDetail::providesPlan(const QString& servicePlanId) const
{
    // A licence detail's plans carry provisioningStatus too; a disabled plan does not count.
    for (const ServicePlan& plan : servicePlans) {
        if (plan.isProvisioned() && plan.servicePlanId.compare(servicePlanId, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace tb::model
