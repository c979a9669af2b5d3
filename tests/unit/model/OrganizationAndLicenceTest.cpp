// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/DirectoryGroup.h"
#include "core/model/LicenseDetail.h"
#include "core/model/Organization.h"
#include "core/model/SubscribedSku.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>

using namespace tb::model;

namespace {

QJsonObject parse(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

const QString kP1 = QStringLiteral("41781fb2-bc02-4b7c-bd55-b576c07bb09d");

} // namespace

TEST_CASE("SubscribedSku reads the documented example and checks plans by servicePlanId", "[model]")
{
    const SubscribedSku sku
        = SubscribedSku::fromJson(parse(R"({ "id": "x_078d2b04", "skuId": "078d2b04-f1bd-4111-bbd4-b4b1b354cef4",
        "skuPartNumber": "AAD_PREMIUM", "appliesTo": "User", "capabilityStatus": "Enabled", "consumedUnits": 12,
        "prepaidUnits": { "enabled": 25, "suspended": 0, "warning": 0 },
        "servicePlans": [ { "servicePlanId": "41781fb2-bc02-4b7c-bd55-b576c07bb09d", "servicePlanName": "AAD_PREMIUM",
                            "provisioningStatus": "Success", "appliesTo": "User" },
                          { "servicePlanId": "e866a266-3cff-43a3-acca-0c90a7e00c8b", "provisioningStatus": "Disabled" } ] })"));
    CHECK(sku.skuPartNumber == QStringLiteral("AAD_PREMIUM"));
    CHECK(sku.consumedUnits == 12);
    CHECK(sku.prepaidEnabled == 25);
    REQUIRE(sku.servicePlans.size() == 2);
    CHECK(sku.providesPlan(kP1));
    CHECK_FALSE(sku.providesPlan(QStringLiteral("e866a266-3cff-43a3-acca-0c90a7e00c8b")));
    CHECK(SubscribedSku::fromJson(sku.toJson()).toJson() == sku.toJson());
}

TEST_CASE("SubscribedSku and LicenseDetail tolerate odd JSON", "[model]")
{
    const SubscribedSku sku
        = SubscribedSku::fromJson(parse(R"({"consumedUnits":"many","prepaidUnits":[1],"servicePlans":{}})"));
    CHECK(sku.consumedUnits == 0);
    CHECK(sku.servicePlans.isEmpty());
    const LicenseDetail detail = LicenseDetail::fromJson(parse(R"({"id":"l1","skuPartNumber":"ENTERPRISEPACK",
        "servicePlans":[{"servicePlanId":"41781fb2-bc02-4b7c-bd55-b576c07bb09d","provisioningStatus":"Success"}, 1]})"));
    CHECK(detail.providesPlan(kP1));
    CHECK(detail.servicePlans.size() == 1);
}

TEST_CASE("Organization reads domains, type and the collection form", "[model]")
{
    const Organization org = Organization::fromJson(parse(R"({"id":"tid","displayName":"Contoso","tenantType":"AAD",
        "countryLetterCode":"US","onPremisesSyncEnabled":null,
        "verifiedDomains":[{"name":"contoso.onmicrosoft.com","isInitial":true,"isDefault":true},{"name":null},5]})"));
    CHECK(org.initialDomain == QStringLiteral("contoso.onmicrosoft.com"));
    CHECK(org.defaultDomain == QStringLiteral("contoso.onmicrosoft.com"));
    CHECK(org.verifiedDomains.size() == 1);
    CHECK_FALSE(org.onPremisesSyncEnabled.has_value());
    CHECK_FALSE(org.isB2c());
    CHECK(Organization::fromJson(parse(R"({"value":[{"id":"b2c","tenantType":"AAD B2C"}]})")).isB2c());
    CHECK(Organization::fromJson(parse(R"({"value":"x"})")).id.isEmpty());
}

TEST_CASE("DirectoryGroup reads group kinds and tolerates odd fields", "[model]")
{
    const DirectoryGroup group = DirectoryGroup::fromJson(parse(R"({"id":"g","displayName":"Sales",
        "groupTypes":["Unified","DynamicMembership",3],"securityEnabled":false,"mailEnabled":true})"));
    CHECK(group.isMicrosoft365Group());
    CHECK(group.isDynamic());
    CHECK(group.groupTypes.size() == 2);
    CHECK(group.securityEnabled == false);
    const DirectoryGroup odd = DirectoryGroup::fromJson(parse(R"({"groupTypes":null,"securityEnabled":"no"})"));
    CHECK_FALSE(odd.securityEnabled.has_value());
    CHECK_FALSE(odd.isMicrosoft365Group());
}
