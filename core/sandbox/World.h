// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/TenantState.h"
#include "core/sandbox/state/StateRegistry.h"

#include <memory>
#include <vector>

namespace tbsandbox {

// All emulated tenants, looked up by id or domain. Controllers read and change it; tests inspect
// it after a scenario. Owned by SandboxServer; used only on the server's thread.
class World final
{
public:
    World();
    ~World();
    Q_DISABLE_COPY_MOVE(World)

    // Adds a tenant; false with a sentence when its id or initial domain is already taken.
    [[nodiscard]] bool addTenant(std::unique_ptr<TenantState> tenant, QString* errorMessage);
    [[nodiscard]] const std::vector<std::unique_ptr<TenantState>>& tenants() const { return m_tenants; }

    [[nodiscard]] TenantState* tenantById(const QUuid& id) const;
    // By tenant id or by any domain the tenant owns (case-insensitive); nullptr when unknown.
    [[nodiscard]] TenantState* tenantByIdOrDomain(const QString& idOrDomain) const;

    // Sections of the state file besides the tenants, and the mark that says something worth keeping changed.
    [[nodiscard]] StateRegistry& stateRegistry() { return m_stateRegistry; }
    [[nodiscard]] const StateRegistry& stateRegistry() const { return m_stateRegistry; }

private:
    std::vector<std::unique_ptr<TenantState>> m_tenants;
    StateRegistry m_stateRegistry;
};

} // namespace tbsandbox
