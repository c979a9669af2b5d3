// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/endpoints/DirectoryRoleEndpoints.h"
#include "core/graph/endpoints/OrgContactEndpoints.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>

using tb::graph::DirectoryRoleEndpoints;
using tb::graph::GraphRequest;
using tb::graph::OrgContactEndpoints;

TEST_CASE("DirectoryRoleEndpoints reads /me/memberOf and keeps only directory roles", "[unit][graph]")
{
    const GraphRequest request = DirectoryRoleEndpoints::myMembershipsRequest();
    CHECK(request.method() == GraphRequest::Method::Get);
    CHECK(request.path() == QStringLiteral("/me/memberOf"));
    CHECK(request.isValid());

    const QJsonArray page = QJsonDocument::fromJson(R"([
        {"@odata.type":"#microsoft.graph.directoryRole","id":"r1","displayName":"Security Administrator",
         "roleTemplateId":"194AE4CB-B126-40B2-BD5B-6091B380977D"},
        {"@odata.type":"#microsoft.graph.group","id":"g1","displayName":"CTS Pilot"},
        {"@odata.type":"#microsoft.graph.directoryRole","id":"r2","displayName":"odd, no template"},
        42, null])")
                                .array();
    const auto roles = DirectoryRoleEndpoints::parseDirectoryRoles(page);
    REQUIRE(roles.size() == 1);
    CHECK(roles.first().id == QStringLiteral("r1"));
    CHECK(roles.first().roleTemplateId == QStringLiteral("194ae4cb-b126-40b2-bd5b-6091b380977d"));
    CHECK(DirectoryRoleEndpoints::holds(roles, QLatin1String(DirectoryRoleEndpoints::kSecurityAdministrator)));
    CHECK_FALSE(DirectoryRoleEndpoints::holds(roles, QLatin1String(DirectoryRoleEndpoints::kGlobalAdministrator)));
    CHECK(DirectoryRoleEndpoints::roleName(QLatin1String(DirectoryRoleEndpoints::kHybridIdentityAdministrator))
        == QStringLiteral("Hybrid Identity Administrator"));
    CHECK(DirectoryRoleEndpoints::roleName(QStringLiteral("unknown")) == QStringLiteral("unknown"));
}

TEST_CASE("OrgContactEndpoints lists contacts and gathers their SMTP addresses", "[unit][graph]")
{
    const GraphRequest request = OrgContactEndpoints::listContactsRequest(5000);
    CHECK(request.path() == QStringLiteral("/contacts"));
    CHECK(request.queryValue(QStringLiteral("$top")) == QStringLiteral("999"));
    CHECK(request.queryValue(QStringLiteral("$select")).contains(QStringLiteral("proxyAddresses")));

    const QJsonArray page = QJsonDocument::fromJson(R"([
        {"id":"c1","displayName":"Christie","mail":"Christie.Hubert@contoso.com",
         "proxyAddresses":["SMTP:christie.hubert@contoso.com","smtp:ch@contoso.com","X500:/o=x"]},
        {"id":"c2","mail":null}, "junk"])")
                                .array();
    const auto contacts = OrgContactEndpoints::parseContacts(page);
    REQUIRE(contacts.size() == 2);
    CHECK(contacts.first().addresses()
        == QStringList {QStringLiteral("christie.hubert@contoso.com"), QStringLiteral("ch@contoso.com")});
    CHECK(contacts.last().addresses().isEmpty());
}
