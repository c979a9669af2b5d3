// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/TenantRole.h"

namespace tb::model {

QString tenantRoleName(TenantRole role)
{
    switch (role) {
    case TenantRole::Source:
        return QStringLiteral("source");
    case TenantRole::Target:
        return QStringLiteral("target");
    }
    return {};
}

std::optional<TenantRole> tenantRoleFromName(const QString& name)
{
    const QString text = name.trimmed();
    if (text.compare(QStringLiteral("source"), Qt::CaseInsensitive) == 0) {
        return TenantRole::Source;
    }
    if (text.compare(QStringLiteral("target"), Qt::CaseInsensitive) == 0) {
        return TenantRole::Target;
    }
    return std::nullopt;
}

} // namespace tb::model
