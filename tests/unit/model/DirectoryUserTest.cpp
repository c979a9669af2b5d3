// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/DirectoryUser.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>

using tb::model::DirectoryUser;

namespace {

QJsonObject parse(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

TEST_CASE("DirectoryUser reads a full Graph user", "[model]")
{
    const DirectoryUser user = DirectoryUser::fromJson(parse(R"({
        "id":"u1","displayName":"Adele Vance","givenName":"Adele","surname":"Vance",
        "userPrincipalName":"adele@contoso.com","mail":"adele@contoso.com","jobTitle":"Retail Manager",
        "department":"Retail","usageLocation":"US","accountEnabled":true,"userType":"Member","creationType":null,
        "externalUserState":null,
        "assignedLicenses":[{"skuId":"078d2b04-f1bd-4111-bbd4-b4b1b354cef4","disabledPlans":[]}],
        "assignedPlans":[{"assignedDateTime":"2024-03-01T10:00:00Z","capabilityStatus":"Enabled",
                          "service":"AADPremiumService","servicePlanId":"41781fb2-bc02-4b7c-bd55-b576c07bb09d"},
                         {"capabilityStatus":"Deleted","servicePlanId":"eec0eb4f-6444-4f95-aba0-50c24d67f998"}],
        "identities":[{"signInType":"userPrincipalName","issuer":"contoso.com","issuerAssignedId":"adele@contoso.com"}]})"));
    CHECK(user.id == QStringLiteral("u1"));
    CHECK(user.givenName == QStringLiteral("Adele"));
    CHECK(user.department == QStringLiteral("Retail"));
    CHECK(user.accountEnabled == true);
    CHECK(user.assignedLicenseSkuIds == QStringList {QStringLiteral("078d2b04-f1bd-4111-bbd4-b4b1b354cef4")});
    REQUIRE(user.assignedPlans.size() == 2);
    CHECK(user.assignedPlans.first().assignedDateTime.isValid());
    CHECK(user.hasEnabledPlan(QStringLiteral("41781FB2-bc02-4b7c-bd55-b576c07bb09d")));
    CHECK_FALSE(user.hasEnabledPlan(QStringLiteral("eec0eb4f-6444-4f95-aba0-50c24d67f998")));
    CHECK_FALSE(user.isGuest());
    CHECK_FALSE(user.isB2bFromAnotherTenant());
    CHECK(DirectoryUser::fromJson(user.toJson()).toJson() == user.toJson());
}

TEST_CASE("DirectoryUser recognises a B2B guest from another Entra tenant", "[model]")
{
    const DirectoryUser guest = DirectoryUser::fromJson(parse(R"({"id":"g1","userType":"Guest",
        "creationType":"Invitation","externalUserState":"Accepted",
        "userPrincipalName":"ann_fabrikam.com#EXT#@contoso.onmicrosoft.com",
        "identities":[{"signInType":"federated","issuer":"ExternalAzureAD","issuerAssignedId":null}]})"));
    CHECK(guest.isGuest());
    CHECK(guest.isB2bFromAnotherTenant());

    // Without identities selected, the invitation markers decide.
    const DirectoryUser sparse
        = DirectoryUser::fromJson(parse(R"({"id":"g2","userType":"Guest","creationType":"Invitation",
        "userPrincipalName":"bob_fabrikam.com#EXT#@contoso.onmicrosoft.com"})"));
    CHECK(sparse.isB2bFromAnotherTenant());

    // A social or email-OTP guest has identities but none from ExternalAzureAD.
    const DirectoryUser social
        = DirectoryUser::fromJson(parse(R"({"id":"g3","userType":"Guest","creationType":"Invitation",
        "userPrincipalName":"c_gmail.com#EXT#@contoso.onmicrosoft.com",
        "identities":[{"signInType":"federated","issuer":"google.com"}]})"));
    CHECK_FALSE(social.isB2bFromAnotherTenant());
}

TEST_CASE("DirectoryUser tolerates sparse, null and wrongly typed fields", "[model]")
{
    const DirectoryUser empty = DirectoryUser::fromJson(QJsonObject());
    CHECK(empty.id.isEmpty());
    CHECK_FALSE(empty.accountEnabled.has_value());

    const DirectoryUser odd = DirectoryUser::fromJson(parse(R"({"id":42,"displayName":null,"accountEnabled":"yes",
        "assignedLicenses":"none","assignedPlans":[null,3,{"servicePlanId":7}],"identities":{"a":1},
        "givenName":["x"],"surname":{"y":1}})"));
    CHECK(odd.id.isEmpty());
    CHECK(odd.displayName.isEmpty());
    CHECK_FALSE(odd.accountEnabled.has_value());
    CHECK(odd.assignedLicenseSkuIds.isEmpty());
    REQUIRE(odd.assignedPlans.size() == 1);
    CHECK(odd.assignedPlans.first().servicePlanId.isEmpty());
    CHECK(odd.identities.isEmpty());
    CHECK_FALSE(odd.isB2bFromAnotherTenant());
}
