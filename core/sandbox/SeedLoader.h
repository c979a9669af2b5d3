// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace tbsandbox {

class TenantState;
class World;

// Reads seed tenants: the four compiled in from resources/sandbox/*.json, or every *.json of a directory.
// A seed file is {"tenant":{id,displayName,initialDomain,cloud,role,admin}, "organization", "subscribedSkus",
// "users":[Graph user JSON], "groups":[Graph group JSON plus "members":[ids]]}. Stateless.
class SeedLoader final
{
public:
    SeedLoader() = delete;

    [[nodiscard]] static bool loadCompiledSeeds(World& world, QString* errorMessage);
    [[nodiscard]] static bool loadDirectory(const QString& directory, World& world, QString* errorMessage);
    // One tenant from seed JSON; sourceName appears in error sentences.
    [[nodiscard]] static std::unique_ptr<TenantState> parseTenant(
        const QByteArray& json, const QString& sourceName, QString* errorMessage);
    // One tenant from the object of a seed file, or from an entry of a state file's "tenants" (the same
    // format; state/TenantSnapshot writes it). sourceName starts the error sentences ("Seed x.json",
    // "Tenant 2 in it").
    [[nodiscard]] static std::unique_ptr<TenantState> tenantFromJson(
        const QJsonObject& root, const QString& sourceName, QString* errorMessage);
};

} // namespace tbsandbox
