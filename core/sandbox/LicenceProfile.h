// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QStringList>

namespace tbsandbox {

// One distinct combination of assignedLicenses and assignedPlans. Users point at a profile, so thousands of
// users with the same P1 licence share one copy. A value inside TenantState.
struct LicenceProfile
{
    QJsonArray assignedLicenses; // [{skuId, disabledPlans}]
    QJsonArray assignedPlans; // [{assignedDateTime, capabilityStatus, service, servicePlanId}]
    QStringList skuIds; // lower-case, for filters and consumedUnits
};

} // namespace tbsandbox
