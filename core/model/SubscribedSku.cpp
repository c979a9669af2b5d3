// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/SubscribedSku.h"

#include <QJsonArray>

namespace tb::model {

SubscribedSku SubscribedSku::fromJson(const QJsonObject& json)
{
    SubscribedSku sku;
    sku.id = json.value(QStringLiteral("id")).toString();
    sku.skuId = json.value(QStringLiteral("skuId")).toString();
    sku.skuPartNumber = json.value(QStringLiteral("skuPartNumber")).toString();
    sku.appliesTo = json.value(QStringLiteral("appliesTo")).toString();
    sku.capabilityStatus = json.value(QStringLiteral("capabilityStatus")).toString();
    sku.consumedUnits = json.value(QStringLiteral("consumedUnits")).toInt();
    const QJsonObject prepaid = json.value(QStringLiteral("prepaidUnits")).toObject();
    sku.prepaidEnabled = prepaid.value(QStringLiteral("enabled")).toInt();
    sku.prepaidSuspended = prepaid.value(QStringLiteral("suspended")).toInt();
    sku.prepaidWarning = prepaid.value(QStringLiteral("warning")).toInt();
    for (const QJsonValue& plan : json.value(QStringLiteral("servicePlans")).toArray()) {
        if (plan.isObject()) {
            sku.servicePlans.append(ServicePlan::fromJson(plan.toObject()));
        }
    }
    return sku;
}

QJsonObject SubscribedSku::toJson() const
{
    QJsonArray plans;
    for (const ServicePlan& plan : servicePlans) {
        plans.append(plan.toJson());
    }
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("skuId"), skuId},
        {QStringLiteral("skuPartNumber"), skuPartNumber}, {QStringLiteral("appliesTo"), appliesTo},
        {QStringLiteral("capabilityStatus"), capabilityStatus}, {QStringLiteral("consumedUnits"), consumedUnits},
        {QStringLiteral("prepaidUnits"),
            QJsonObject {{QStringLiteral("enabled"), prepaidEnabled}, {QStringLiteral("suspended"), prepaidSuspended},
                {QStringLiteral("warning"), prepaidWarning}}},
        {QStringLiteral("servicePlans"), plans}};
}

bool SubscribedSku::providesPlan(const QString& servicePlanId) const
{
    for (const ServicePlan& plan : servicePlans) {
        if (plan.isProvisioned() && plan.servicePlanId.compare(servicePlanId, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace tb::model
