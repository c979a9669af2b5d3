// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/World.h"

namespace tbsandbox {

World::World() = default;
World::~World() = default;

bool World::addTenant(std::unique_ptr<TenantState> tenant, QString* errorMessage)
{
    if (tenantById(tenant->id()) || tenantByIdOrDomain(tenant->initialDomain())) {
        *errorMessage = QStringLiteral("Tenant %1 (%2) is loaded twice; give each seed its own id and domain.")
                            .arg(tenant->displayName(), tenant->initialDomain());
        return false;
    }
    m_tenants.push_back(std::move(tenant));
    return true;
}

TenantState* World::tenantById(const QUuid& id) const
{
    for (const auto& tenant : m_tenants) {
        if (tenant->id() == id) {
            return tenant.get();
        }
    }
    return nullptr;
}

TenantState* World::tenantByIdOrDomain(const QString& idOrDomain) const
{
    const QUuid asId = QUuid::fromString(idOrDomain);
    if (!asId.isNull()) {
        return tenantById(asId);
    }
    for (const auto& tenant : m_tenants) {
        if (tenant->ownsDomain(idOrDomain)) {
            return tenant.get();
        }
    }
    return nullptr;
}

} // namespace tbsandbox
