// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace tb::setup {

// One partner tenant that the target tenant lets sync users in or redeem invitations automatically, so that an
// administrator notices a partner they did not expect. Value type.
struct TrustAuditEntry
{
    QString tenantId;
    QString displayName; // from the tenant lookup; empty when it could not be found
    QString defaultDomainName;
    bool userSyncInbound = false;
    bool inboundAutoRedeem = false;
    bool outboundAutoRedeem = false;
    bool isThisPairsSource = false; // the partner is the source of the pair being set up

    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace tb::setup
