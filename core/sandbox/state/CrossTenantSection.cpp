// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/state/CrossTenantSection.h"

#include "core/sandbox/World.h"

#include <QJsonArray>

namespace tbsandbox {

QJsonObject CrossTenantSection::save(const World& world)
{
    QJsonObject tenants;
    for (const auto& tenant : world.tenants()) {
        QJsonArray servicePrincipals;
        for (const ServicePrincipalRecord& record : tenant->servicePrincipals()) {
            servicePrincipals.append(record.toJson());
        }
        tenants.insert(tenant->idText(),
            QJsonObject {{QStringLiteral("policy"), tenant->crossTenantPolicy().toJson()},
                {QStringLiteral("servicePrincipals"), servicePrincipals}});
    }
    return QJsonObject {{QStringLiteral("tenants"), tenants}};
}

bool CrossTenantSection::load(World& world, const QJsonObject& saved, QString* problem)
{
    const QJsonObject tenants = saved.value(QLatin1String("tenants")).toObject();
    for (auto it = tenants.begin(); it != tenants.end(); ++it) {
        TenantState* tenant = world.tenantById(QUuid::fromString(it.key()));
        if (!tenant) {
            continue;
        }
        const QJsonObject entry = it.value().toObject();
        QString reason;
        CrossTenantPolicy policy;
        if (!policy.fromJson(entry.value(QLatin1String("policy")).toObject(), &reason)) {
            *problem = QStringLiteral("tenant %1: %2").arg(it.key(), reason);
            return false;
        }
        std::vector<ServicePrincipalRecord> records;
        for (const QJsonValue& value : entry.value(QLatin1String("servicePrincipals")).toArray()) {
            std::optional<ServicePrincipalRecord> record = ServicePrincipalRecord::fromJson(value.toObject(), &reason);
            if (!record) {
                *problem = QStringLiteral("tenant %1: %2").arg(it.key(), reason);
                return false;
            }
            records.push_back(std::move(*record));
        }
        tenant->crossTenantPolicy() = policy;
        tenant->servicePrincipals() = std::move(records);
    }
    return true;
}

} // namespace tbsandbox
