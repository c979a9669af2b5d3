// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/ServicePlan.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace tb::model {

// One licence assigned to a user (GET /users/{id}/licenseDetails). Value type, any thread.
struct LicenseDetail
{
    QString id;
    QString skuId;
    QString skuPartNumber;
    QList<ServicePlan> servicePlans;

    [[nodiscard]] static LicenseDetail fromJson(const QJsonObject& json);
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] bool providesPlan(const QString& servicePlanId) const;
};

} // namespace tb::model
