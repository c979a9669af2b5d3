// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/StaticTokenSource.h"
#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "tests/support/GraphWait.h"
#include "tests/support/SandboxFixture.h"

#include <catch2/catch.hpp>

using namespace tb::graph;
using tb::test::GraphWait;
using tb::test::SandboxFixture;

namespace {

tbsandbox::SandboxOptions twoTenants()
{
    tbsandbox::SandboxOptions options;
    options.loadSeeds = false;
    options.generatedTenants = {{QStringLiteral("alpha"), 30}, {QStringLiteral("beta"), 30}};
    return options;
}

} // namespace

TEST_CASE("GraphClient refuses http to a non-loopback host before anything is sent", "[integration][graph]")
{
    SandboxFixture fixture(twoTenants());
    REQUIRE(fixture.isReady());
    const QString tenantId = fixture.tenant(QStringLiteral("alpha"))->tenant.id;
    const qint64 before = fixture.lastSeq();
    GraphClient::Settings settings = fixture.settingsFor(tenantId);
    settings.baseUrl = QUrl(QStringLiteral("http://graph.example.com"));
    auto client = fixture.makeClient(tenantId, fixture.tokens(), settings);
    const auto response = GraphWait::response(client->send(DirectoryEndpoints::organizationRequest()));
    REQUIRE(response.has_value());
    CHECK(response->error().kind() == GraphError::Kind::InsecureUrl);
    CHECK(response->attempts() == 0);
    CHECK(fixture.requestLog(before).isEmpty());
}

TEST_CASE("A filter injection through the search and group helpers finds nothing", "[integration][graph]")
{
    SandboxFixture fixture(twoTenants());
    REQUIRE(fixture.isReady());
    const QString tenantId = fixture.tenant(QStringLiteral("alpha"))->tenant.id;
    const QString attack = QStringLiteral("x' or 1 eq 1 or displayName eq 'y");
    const qint64 before = fixture.lastSeq();
    DirectoryEndpoints directory(*fixture.client(tenantId));

    DirectoryEndpoints::UserListOptions options;
    options.searchText = attack;
    const auto users = GraphWait::readAll(directory.listUsers(options, nullptr));
    REQUIRE(users.result.has_value());
    INFO(users.result->error.toLogString().toStdString());
    CHECK(users.result->isComplete());
    CHECK(users.items.isEmpty());

    const auto groups = GraphWait::readAll(directory.listGroups(attack, nullptr));
    REQUIRE(groups.result.has_value());
    CHECK(groups.result->isComplete());
    CHECK(groups.items.isEmpty());

    // The sandbox saw the quote doubled, inside one literal.
    int seen = 0;
    for (const auto& entry : fixture.requestLog(before)) {
        const QString filter = entry.queryValue(QStringLiteral("$filter"));
        if (entry.path().endsWith(QStringLiteral("/users"))) {
            CHECK(filter.contains(QStringLiteral("startswith(displayName, 'x'' or 1 eq 1 or displayName eq ''y')")));
            ++seen;
        } else if (entry.path().endsWith(QStringLiteral("/groups"))) {
            CHECK(filter == QStringLiteral("displayName eq 'x'' or 1 eq 1 or displayName eq ''y'"));
            ++seen;
        }
    }
    CHECK(seen == 2);
}

TEST_CASE("A wrong token gives an Auth error that tells the user to sign in again", "[integration][graph]")
{
    SandboxFixture fixture(twoTenants());
    REQUIRE(fixture.isReady());
    const QString tenantId = fixture.tenant(QStringLiteral("alpha"))->tenant.id;
    const qint64 before = fixture.lastSeq();
    tb::auth::StaticTokenSource wrong({{tenantId, QStringLiteral("not-a-valid-token")}});
    auto client = fixture.makeClient(tenantId, wrong, {});
    const auto response = GraphWait::response(client->send(DirectoryEndpoints::organizationRequest()));
    REQUIRE(response.has_value());
    CHECK(response->error().kind() == GraphError::Kind::Auth);
    CHECK(response->httpStatus() == 401);
    CHECK(response->error().code() == QStringLiteral("InvalidAuthenticationToken"));
    CHECK(response->error().userMessage().contains(QStringLiteral("Sign in")));
    CHECK_FALSE(response->error().userMessage().contains(QStringLiteral("not-a-valid-token")));
    CHECK(wrong.rejectedCount() == 1);
    // The static source had no newer token, so the 401 was not sent a second time.
    CHECK(response->attempts() == 1);
    CHECK(fixture.requestLog(before).size() == 1);
}

TEST_CASE("A client for tenant A with tenant B's token gets 403", "[integration][graph]")
{
    SandboxFixture fixture(twoTenants());
    REQUIRE(fixture.isReady());
    const auto alpha = fixture.tenant(QStringLiteral("alpha"));
    const auto beta = fixture.tenant(QStringLiteral("beta"));
    REQUIRE(alpha.has_value());
    REQUIRE(beta.has_value());
    // The fixture signed in to both tenants: beta's token is a valid token of the wrong tenant.
    const QString betaToken = fixture.accessToken(beta->tenant.id);
    REQUIRE(!betaToken.isEmpty());
    tb::auth::StaticTokenSource crossed({{alpha->tenant.id, betaToken}});
    auto client = fixture.makeClient(alpha->tenant.id, crossed, {});
    const auto response = GraphWait::response(client->send(DirectoryEndpoints::organizationRequest()));
    REQUIRE(response.has_value());
    CHECK(response->httpStatus() == 403);
    CHECK(response->error().kind() == GraphError::Kind::AccessDenied);
    CHECK(response->error().code() == QStringLiteral("Authorization_RequestDenied"));
    CHECK_FALSE(response->error().requestId().isEmpty());
    CHECK(response->error().userMessage().contains(QStringLiteral("not allowed")));
}
