// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace tb::model {

// What cross-tenant synchronization cares about in one tenant's cross-tenant access policy for one partner
// (graph-reference.md 1.4 and 1.5): whether the partner entry exists, its automatic-redemption switches and
// the inbound user-sync switch. Read from two Graph objects (the partner configuration and its
// identitySynchronization child); either may be missing (404), which is a state, not an error.
// Value type, any thread.
struct AccessSettings
{
    QString partnerTenantId;
    bool partnerExists = false;
    // automaticUserConsentSettings.inboundAllowed / outboundAllowed. Null in Graph means "inherit the default",
    // and the default configuration's values are always false (graph-reference.md 1.2), so nothing counts as
    // off; kept apart from false so the view can say "not set".
    std::optional<bool> inboundAutoRedeem;
    std::optional<bool> outboundAutoRedeem;
    bool identitySyncExists = false;
    // identitySynchronization.userSyncInbound.isSyncAllowed; only meaningful in the target.
    std::optional<bool> userSyncInboundAllowed;

    // From a partner configuration object (crossTenantAccessPolicyConfigurationPartner). An object without a
    // tenantId is not a partner: partnerExists stays false. Unknown fields are ignored.
    [[nodiscard]] static AccessSettings fromPartnerJson(const QJsonObject& partner);
    // Adds what a crossTenantIdentitySyncPolicyPartner object says (GET .../identitySynchronization).
    void applyIdentitySyncJson(const QJsonObject& identitySync);

    // Our own flat form, for the journal and the CLI's --json; round-trips with toJson().
    [[nodiscard]] static AccessSettings fromJson(const QJsonObject& json);
    [[nodiscard]] QJsonObject toJson() const;

    // The effective switches: "not set" counts as off, because the default configuration is off.
    [[nodiscard]] bool isInboundAutoRedeemOn() const { return inboundAutoRedeem.value_or(false); }
    [[nodiscard]] bool isOutboundAutoRedeemOn() const { return outboundAutoRedeem.value_or(false); }
    [[nodiscard]] bool isUserSyncInboundOn() const
    {
        return identitySyncExists && userSyncInboundAllowed.value_or(false);
    }

    friend bool operator==(const AccessSettings& a, const AccessSettings& b) = default;
};

} // namespace tb::model
