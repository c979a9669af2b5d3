// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QIODevice;

namespace tbsandbox {

class TenantState;

// Writes one tenant in the seed format, the one SeedLoader::tenantFromJson reads back: {"tenant":{id,
// displayName,initialDomain,cloud,role,admin}, "organization", "subscribedSkus", "users":[every property UserSchema
// serves], "groups":[Graph properties + "members":[ids]]}. So a tenant cut out of a state file is a seed file.
// Users are written one per line as they are serialized: a tenant of a million users never exists twice in
// memory. Stateless.
class TenantSnapshot final
{
public:
    TenantSnapshot() = delete;

    // False when the device refuses a write (the device's errorString() says why).
    [[nodiscard]] static bool write(const TenantState& tenant, QIODevice& device);
};

} // namespace tbsandbox
