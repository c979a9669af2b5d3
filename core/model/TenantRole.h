// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace tb::model {

// Which side of a cross-tenant synchronization a tenant plays. The source pushes users, the target
// receives them (Graph: "Cross-tenant synchronization overview").
enum class TenantRole { Source, Target };

// "source" / "target": the text form used on the command line, in settings and in logs.
[[nodiscard]] QString tenantRoleName(TenantRole role);
// Case-insensitive inverse of tenantRoleName; nothing for any other text.
[[nodiscard]] std::optional<TenantRole> tenantRoleFromName(const QString& name);

} // namespace tb::model
