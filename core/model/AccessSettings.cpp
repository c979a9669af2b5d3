// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/AccessSettings.h"

#include "core/model/JsonFields.h"

namespace tb::model {

AccessSettings AccessSettings::fromPartnerJson(const QJsonObject& partner)
{
    AccessSettings settings;
    settings.partnerTenantId = partner.value(QStringLiteral("tenantId")).toString();
    settings.partnerExists = !settings.partnerTenantId.isEmpty();
    // automaticUserConsentSettings itself may be null on a partner created by older tools.
    const QJsonObject consent = partner.value(QStringLiteral("automaticUserConsentSettings")).toObject();
    settings.inboundAutoRedeem = JsonFields::optionalBool(consent.value(QStringLiteral("inboundAllowed")));
    settings.outboundAutoRedeem = JsonFields::optionalBool(consent.value(QStringLiteral("outboundAllowed")));
    return settings;
}

void AccessSettings::applyIdentitySyncJson(const QJsonObject& identitySync)
{
    // An empty object is what a 404 leaves behind: no policy.
    identitySyncExists = !identitySync.isEmpty();
    const QJsonObject inbound = identitySync.value(QStringLiteral("userSyncInbound")).toObject();
    userSyncInboundAllowed = JsonFields::optionalBool(inbound.value(QStringLiteral("isSyncAllowed")));
    if (partnerTenantId.isEmpty()) {
        partnerTenantId = identitySync.value(QStringLiteral("tenantId")).toString();
    }
}

AccessSettings AccessSettings::fromJson(const QJsonObject& json)
{
    AccessSettings settings;
    settings.partnerTenantId = json.value(QStringLiteral("partnerTenantId")).toString();
    settings.partnerExists = json.value(QStringLiteral("partnerExists")).toBool();
    settings.inboundAutoRedeem = JsonFields::optionalBool(json.value(QStringLiteral("inboundAutoRedeem")));
    settings.outboundAutoRedeem = JsonFields::optionalBool(json.value(QStringLiteral("outboundAutoRedeem")));
    settings.identitySyncExists = json.value(QStringLiteral("identitySyncExists")).toBool();
    settings.userSyncInboundAllowed = JsonFields::optionalBool(json.value(QStringLiteral("userSyncInboundAllowed")));
    return settings;
}

QJsonObject AccessSettings::toJson() const
{
    return {{QStringLiteral("partnerTenantId"), partnerTenantId}, {QStringLiteral("partnerExists"), partnerExists},
        {QStringLiteral("inboundAutoRedeem"), JsonFields::optionalBoolJson(inboundAutoRedeem)},
        {QStringLiteral("outboundAutoRedeem"), JsonFields::optionalBoolJson(outboundAutoRedeem)},
        {QStringLiteral("identitySyncExists"), identitySyncExists},
        {QStringLiteral("userSyncInboundAllowed"), JsonFields::optionalBoolJson(userSyncInboundAllowed)}};
}

} // namespace tb::model
