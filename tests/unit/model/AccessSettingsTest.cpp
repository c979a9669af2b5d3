// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/AccessSettings.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>

using tb::model::AccessSettings;

namespace {

QJsonObject object(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

TEST_CASE("AccessSettings reads a freshly created partner with null switches as not set", "[model][setup]")
{
    // The CTS how-to's 201 answer (graph-reference.md 1.4).
    const AccessSettings settings = AccessSettings::fromPartnerJson(object(R"({
        "@odata.context": "x", "tenantId": "22222222-2222-2222-2222-222222222222", "isServiceProvider": null,
        "inboundTrust": null, "tenantRestrictions": null,
        "crossCloudMeetingConfiguration": {"inboundAllowed": null, "outboundAllowed": null},
        "automaticUserConsentSettings": {"inboundAllowed": null, "outboundAllowed": null},
        "somethingNew": {"x": 1}})"));
    CHECK(settings.partnerExists);
    CHECK(settings.partnerTenantId == QStringLiteral("22222222-2222-2222-2222-222222222222"));
    CHECK_FALSE(settings.inboundAutoRedeem.has_value());
    CHECK_FALSE(settings.outboundAutoRedeem.has_value());
    CHECK_FALSE(settings.isInboundAutoRedeemOn());
    CHECK_FALSE(settings.identitySyncExists);
    CHECK_FALSE(settings.isUserSyncInboundOn());
}

TEST_CASE("AccessSettings reads switches, a null consent object and the identity sync policy", "[model][setup]")
{
    AccessSettings settings = AccessSettings::fromPartnerJson(
        object(R"({"tenantId":"t","automaticUserConsentSettings":{"inboundAllowed":true,"outboundAllowed":false}})"));
    CHECK(settings.inboundAutoRedeem == true);
    CHECK(settings.outboundAutoRedeem == false);
    CHECK(settings.isInboundAutoRedeemOn());

    settings.applyIdentitySyncJson(
        object(R"({"tenantId":"t","displayName":"Fabrikam","userSyncInbound":{"isSyncAllowed":true},"extra":1})"));
    CHECK(settings.identitySyncExists);
    CHECK(settings.userSyncInboundAllowed == true);
    CHECK(settings.isUserSyncInboundOn());

    settings.applyIdentitySyncJson(object(R"({"tenantId":"t","userSyncInbound":{"isSyncAllowed":null}})"));
    CHECK(settings.identitySyncExists);
    CHECK_FALSE(settings.userSyncInboundAllowed.has_value());
    CHECK_FALSE(settings.isUserSyncInboundOn());

    const AccessSettings nullConsent
        = AccessSettings::fromPartnerJson(object(R"({"tenantId":"t","automaticUserConsentSettings":null})"));
    CHECK_FALSE(nullConsent.inboundAutoRedeem.has_value());
    CHECK_FALSE(AccessSettings::fromPartnerJson(object(R"({"automaticUserConsentSettings":{}})")).partnerExists);
}

TEST_CASE("AccessSettings round-trips through its own JSON, keeping null apart from false", "[model][setup]")
{
    AccessSettings settings;
    settings.partnerTenantId = QStringLiteral("p");
    settings.partnerExists = true;
    settings.inboundAutoRedeem = false;
    settings.identitySyncExists = true;
    settings.userSyncInboundAllowed = true;
    const QJsonObject json = settings.toJson();
    CHECK(json.value(QStringLiteral("outboundAutoRedeem")).isNull());
    CHECK(json.value(QStringLiteral("inboundAutoRedeem")) == QJsonValue(false));
    CHECK(AccessSettings::fromJson(json) == settings);
}
