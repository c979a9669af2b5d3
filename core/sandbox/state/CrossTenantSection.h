// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace tbsandbox {

class World;

// The state file's "crossTenant" section: per tenant id, the cross-tenant access policy (partners and their
// identitySynchronization) and the service principals made from templates with their secrets and jobs. Kept out of
// the tenant snapshots so that those stay seed files. Stateless.
class CrossTenantSection final
{
public:
    CrossTenantSection() = delete;

    static inline const QString kName = QStringLiteral("crossTenant");

    [[nodiscard]] static QJsonObject save(const World& world);
    // Replaces each named tenant's policy and service principals; a tenant id the world does not hold is skipped
    // (its tenant was left out of this start). False with a sentence when an entry does not load.
    [[nodiscard]] static bool load(World& world, const QJsonObject& saved, QString* problem);
};

} // namespace tbsandbox
