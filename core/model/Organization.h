// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/AssignedPlan.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tb::model {

// The tenant's organization resource (graph-reference.md 5.3): id, name, domains and tenant type.
// Value type, any thread.
struct Organization
{
    QString id; // the tenant id
    QString displayName;
    QString initialDomain; // verifiedDomains[isInitial]
    QString defaultDomain; // verifiedDomains[isDefault]
    QStringList verifiedDomains;
    QString tenantType; // "AAD" or "AAD B2C"
    QString countryLetterCode;
    std::optional<bool> onPremisesSyncEnabled;
    QList<AssignedPlan> assignedPlans;

    // Reads one organization object, or the first element of a collection answer {"value":[...]}.
    [[nodiscard]] static Organization fromJson(const QJsonObject& json);
    [[nodiscard]] QJsonObject toJson() const;
    // Provisioning is not supported for B2C or External ID tenants.
    [[nodiscard]] bool isB2c() const;
};

} // namespace tb::model
