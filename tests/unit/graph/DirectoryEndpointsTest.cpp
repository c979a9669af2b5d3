// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/endpoints/DirectoryEndpoints.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>

using tb::graph::DirectoryEndpoints;
using tb::graph::GraphRequest;
using tb::graph::GraphResponse;

TEST_CASE(
    "DirectoryEndpoints lists users with select, a clamped page size and no filter by default", "[graph][directory]")
{
    DirectoryEndpoints::UserListOptions options;
    options.select = {QStringLiteral("id"), QStringLiteral("displayName")};
    options.pageSize = 5000;
    const GraphRequest request = DirectoryEndpoints::listUsersRequest(options);
    CHECK(request.isValid());
    CHECK(request.path() == QStringLiteral("/users"));
    CHECK(request.queryValue(QStringLiteral("$select")) == QStringLiteral("id,displayName"));
    CHECK(request.queryValue(QStringLiteral("$top")) == QStringLiteral("999"));
    CHECK(request.queryValue(QStringLiteral("$filter")).isEmpty());
    options.pageSize = 0;
    CHECK(DirectoryEndpoints::listUsersRequest(options).queryValue(QStringLiteral("$top")) == QStringLiteral("1"));
}

TEST_CASE("DirectoryEndpoints user search is an escaped startswith chain", "[graph][directory]")
{
    DirectoryEndpoints::UserListOptions options;
    options.searchText = QStringLiteral("  O'Br ");
    const QString filter = DirectoryEndpoints::listUsersRequest(options).queryValue(QStringLiteral("$filter"));
    CHECK(filter
        == QStringLiteral("(startswith(displayName, 'O''Br')) or (startswith(givenName, 'O''Br')) or "
                          "(startswith(surname, 'O''Br')) or (startswith(mail, 'O''Br')) or "
                          "(startswith(userPrincipalName, 'O''Br'))"));
}

TEST_CASE("DirectoryEndpoints marks a request with a bad select property invalid", "[graph][directory]")
{
    DirectoryEndpoints::UserListOptions options;
    options.select = {QStringLiteral("id"), QStringLiteral("id&$filter=x")};
    const GraphRequest request = DirectoryEndpoints::listUsersRequest(options);
    CHECK_FALSE(request.isValid());
    CHECK(request.invalidReason().contains(QStringLiteral("id&$filter=x")));
}

TEST_CASE("DirectoryEndpoints encodes ids and UPNs in paths", "[graph][directory]")
{
    const GraphRequest byUpn = DirectoryEndpoints::getUserRequest(QStringLiteral("ann_fabrikam.com#EXT#@contoso.com"));
    CHECK(byUpn.path() == QStringLiteral("/users/ann_fabrikam.com%23EXT%23%40contoso.com"));
    CHECK(byUpn.logDescription() == QStringLiteral("GET /v1.0/users/{id}"));
    CHECK_FALSE(DirectoryEndpoints::getUserRequest(QStringLiteral(" ")).isValid());
    CHECK(DirectoryEndpoints::groupMembersRequest(QStringLiteral("g/1"), true).path()
        == QStringLiteral("/groups/g%2F1/transitiveMembers"));
    CHECK(DirectoryEndpoints::groupMembersRequest(QStringLiteral("g1"), false).path()
        == QStringLiteral("/groups/g1/members"));
    CHECK(DirectoryEndpoints::licenseDetailsRequest(QStringLiteral("u1")).path()
        == QStringLiteral("/users/u1/licenseDetails"));
}

TEST_CASE("DirectoryEndpoints filters groups by an escaped display name", "[graph][directory]")
{
    const GraphRequest request
        = DirectoryEndpoints::listGroupsRequest(QStringLiteral("x' or 1 eq 1 or displayName eq 'y"));
    CHECK(request.queryValue(QStringLiteral("$filter"))
        == QStringLiteral("displayName eq 'x'' or 1 eq 1 or displayName eq ''y'"));
}

TEST_CASE("DirectoryEndpoints counts users with ConsistencyLevel eventual", "[graph][directory]")
{
    const GraphRequest request = DirectoryEndpoints::countUsersRequest();
    CHECK(request.path() == QStringLiteral("/users/$count"));
    bool hasConsistency = false;
    for (const auto& [name, value] : request.headers()) {
        hasConsistency = hasConsistency || (name == "ConsistencyLevel" && value == "eventual");
    }
    CHECK(hasConsistency);
    GraphResponse response;
    response.setRawBody("10000\n");
    CHECK(DirectoryEndpoints::parseCount(response) == 10000);
    response.setRawBody("ten");
    CHECK_FALSE(DirectoryEndpoints::parseCount(response).has_value());
}

TEST_CASE("DirectoryEndpoints parsers skip odd items and read organization collections", "[graph][directory]")
{
    const QJsonArray page
        = QJsonDocument::fromJson(R"([{"id":"1","displayName":"A"}, 5, null, "x", {"id":"2"}])").array();
    const auto users = DirectoryEndpoints::parseUsers(page);
    REQUIRE(users.size() == 2);
    CHECK(users.at(1).id == QStringLiteral("2"));

    GraphResponse org;
    org.setJson(QJsonDocument::fromJson(R"({"value":[{"id":"tid","displayName":"Contoso","verifiedDomains":[
        {"name":"contoso.onmicrosoft.com","isInitial":true,"isDefault":false},
        {"name":"contoso.com","isInitial":false,"isDefault":true}]}]})")
                    .object());
    const auto organization = DirectoryEndpoints::parseOrganization(org);
    REQUIRE(organization.has_value());
    CHECK(organization->initialDomain == QStringLiteral("contoso.onmicrosoft.com"));
    CHECK(organization->defaultDomain == QStringLiteral("contoso.com"));
    GraphResponse empty;
    empty.setJson(QJsonDocument::fromJson(R"({"value":[]})").object());
    CHECK_FALSE(DirectoryEndpoints::parseOrganization(empty).has_value());
}
