// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/setup/PreflightCheck.h"
#include "core/setup/TrustAuditEntry.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace tb::setup {

// The outcome of a Preflight: its checks in a fixed order and the trust audit of the target. Value type.
struct PreflightReport
{
    QList<PreflightCheck> checks;
    QList<TrustAuditEntry> trustAudit;

    [[nodiscard]] bool isBlocked() const; // any check blocks
    [[nodiscard]] bool hasWarnings() const;
    [[nodiscard]] std::optional<PreflightCheck> check(const QString& id) const;
    [[nodiscard]] QJsonObject toJson() const; // {"blocked":bool,"checks":[...],"trustAudit":[...]}
};

} // namespace tb::setup
