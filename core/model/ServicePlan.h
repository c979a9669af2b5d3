// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace tb::model {

// A service plan inside a SKU or a licence detail (Graph resource "servicePlanInfo"). Value type.
struct ServicePlan
{
    QString servicePlanId;
    QString servicePlanName;
    QString appliesTo; // User or Company
    QString provisioningStatus; // Success, Disabled, Error, PendingInput, ...

    [[nodiscard]] static ServicePlan fromJson(const QJsonObject& json);
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] bool isProvisioned() const;
};

} // namespace tb::model
