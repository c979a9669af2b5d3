// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/setup/TrustAuditEntry.h"

namespace tb::setup {

QJsonObject TrustAuditEntry::toJson() const
{
    return {{QStringLiteral("tenantId"), tenantId}, {QStringLiteral("displayName"), displayName},
        {QStringLiteral("defaultDomainName"), defaultDomainName}, {QStringLiteral("userSyncInbound"), userSyncInbound},
        {QStringLiteral("inboundAutoRedeem"), inboundAutoRedeem},
        {QStringLiteral("outboundAutoRedeem"), outboundAutoRedeem},
        {QStringLiteral("isThisPairsSource"), isThisPairsSource}};
}

} // namespace tb::setup
