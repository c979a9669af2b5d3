// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/ServicePlan.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace tb::model {

// A licence SKU the tenant has bought (Graph resource "subscribedSku", graph-reference.md 5.2).
// Value type, any thread.
struct SubscribedSku
{
    QString id;
    QString skuId;
    QString skuPartNumber;
    QString appliesTo;
    QString capabilityStatus;
    int consumedUnits = 0;
    int prepaidEnabled = 0;
    int prepaidSuspended = 0;
    int prepaidWarning = 0;
    QList<ServicePlan> servicePlans;

    [[nodiscard]] static SubscribedSku fromJson(const QJsonObject& json);
    [[nodiscard]] QJsonObject toJson() const;
    // True when the SKU carries the plan with provisioningStatus Success: how a tenant counts as
    // licensed (check the servicePlanId, never the skuId: bundles carry AAD_PREMIUM too).
    [[nodiscard]] bool providesPlan(const QString& servicePlanId) const;
};

} // namespace tb::model
