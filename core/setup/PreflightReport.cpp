// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/setup/PreflightReport.h"

#include <QJsonArray>

#include <algorithm>

namespace tb::setup {

bool PreflightReport::isBlocked() const
{
    return std::any_of(checks.cbegin(), checks.cend(),
        [](const PreflightCheck& check) { return check.outcome == PreflightCheck::Outcome::Block; });
}

bool PreflightReport::hasWarnings() const
{
    return std::any_of(checks.cbegin(), checks.cend(),
        [](const PreflightCheck& check) { return check.outcome == PreflightCheck::Outcome::Warn; });
}

std::optional<PreflightCheck> PreflightReport::check(const QString& id) const
{
    for (const PreflightCheck& candidate : checks) {
        if (candidate.id == id) {
            return candidate;
        }
    }
    return std::nullopt;
}

QJsonObject PreflightReport::toJson() const
{
    QJsonArray checkArray;
    for (const PreflightCheck& entry : checks) {
        checkArray.append(entry.toJson());
    }
    QJsonArray auditArray;
    for (const TrustAuditEntry& entry : trustAudit) {
        auditArray.append(entry.toJson());
    }
    return {{QStringLiteral("blocked"), isBlocked()}, {QStringLiteral("checks"), checkArray},
        {QStringLiteral("trustAudit"), auditArray}};
}

} // namespace tb::setup
