// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/BatchRequest.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "tests/support/GraphWait.h"
#include "tests/support/SandboxFixture.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

using namespace tb::graph;
using tb::test::GraphWait;
using tb::test::SandboxFixture;

namespace {

tbsandbox::SandboxOptions smallTenant(const QJsonObject& faults = {})
{
    tbsandbox::SandboxOptions options;
    options.loadSeeds = false;
    options.generatedTenants = {{QStringLiteral("small"), 60}};
    options.faultPlan = faults;
    return options;
}

QStringList firstUserIds(SandboxFixture& fixture, const QString& tenantId, int count)
{
    DirectoryEndpoints directory(*fixture.client(tenantId));
    DirectoryEndpoints::UserListOptions options;
    options.select = {QStringLiteral("id")};
    options.pageSize = count;
    QStringList ids;
    const auto pages = GraphWait::readAll(directory.listUsers(options, nullptr));
    for (const QJsonObject& item : pages.items) {
        ids.append(item.value(QStringLiteral("id")).toString());
    }
    return ids.mid(0, count);
}

} // namespace

TEST_CASE("BatchRequest sends 45 requests as three batches and maps answers back in order", "[integration][graph]")
{
    SandboxFixture fixture(smallTenant());
    REQUIRE(fixture.isReady());
    const auto small = fixture.tenant(QStringLiteral("small"));
    REQUIRE(small.has_value());
    const QStringList ids = firstUserIds(fixture, small->tenant.id, 45);
    REQUIRE(ids.size() == 45);
    const qint64 before = fixture.lastSeq();

    QList<GraphRequest> requests;
    // Reverse order, so "in order" cannot come from the sandbox's own ordering.
    for (qsizetype i = ids.size() - 1; i >= 0; --i) {
        requests.append(
            DirectoryEndpoints::getUserRequest(ids.at(i), {QStringLiteral("id"), QStringLiteral("displayName")}));
    }
    auto* batch = new BatchRequest(*fixture.client(small->tenant.id), requests);
    const GraphWait::Batch result = GraphWait::run(batch);

    CHECK(result.finishedSignals == 1);
    REQUIRE(result.responses.size() == 45);
    for (int i = 0; i < 45; ++i) {
        INFO("item " << i);
        CHECK(result.responses.at(i).httpStatus() == 200);
        CHECK(result.responses.at(i).json().value(QStringLiteral("id")).toString() == ids.at(44 - i));
    }
    int batchPosts = 0;
    for (const auto& entry : fixture.requestLog(before)) {
        if (entry.method == QStringLiteral("POST") && entry.path().endsWith(QStringLiteral("/$batch"))) {
            ++batchPosts;
        }
    }
    CHECK(batchPosts == 3);
}

TEST_CASE("BatchRequest reports failed items in place and keeps the rest", "[integration][graph]")
{
    SandboxFixture fixture(smallTenant());
    REQUIRE(fixture.isReady());
    const auto small = fixture.tenant(QStringLiteral("small"));
    REQUIRE(small.has_value());
    const QStringList ids = firstUserIds(fixture, small->tenant.id, 2);
    REQUIRE(ids.size() == 2);
    const QList<GraphRequest> requests {DirectoryEndpoints::getUserRequest(ids.at(0)),
        DirectoryEndpoints::getUserRequest(QStringLiteral("00000000-0000-0000-0000-00000000dead")),
        DirectoryEndpoints::getUserRequest(ids.at(1))};
    const GraphWait::Batch result = GraphWait::run(new BatchRequest(*fixture.client(small->tenant.id), requests));
    REQUIRE(result.responses.size() == 3);
    CHECK(result.responses.at(0).isSuccess());
    CHECK(result.responses.at(1).error().kind() == GraphError::Kind::NotFound);
    CHECK(result.responses.at(1).error().code() == QStringLiteral("Request_ResourceNotFound"));
    CHECK(result.responses.at(2).isSuccess());
}

TEST_CASE("BatchRequest retries throttled items in a later batch until all succeed", "[integration][graph]")
{
    // Inner requests are throttled one by one (graph-reference.md 8.3): 20 items against a limit of 8 per
    // window must come back partly 429 and be sent again.
    SandboxFixture fixture(smallTenant());
    REQUIRE(fixture.isReady());
    const auto small = fixture.tenant(QStringLiteral("small"));
    REQUIRE(small.has_value());
    const QStringList ids = firstUserIds(fixture, small->tenant.id, 20);
    REQUIRE(ids.size() == 20);
    REQUIRE(fixture.putFaults(QJsonObject {{QStringLiteral("throttle"),
        QJsonObject {{QStringLiteral("limit"), 8}, {QStringLiteral("windowMs"), 1000},
            {QStringLiteral("retryAfterSeconds"), 1}}}}));
    QList<GraphRequest> requests;
    for (const QString& id : ids) {
        requests.append(DirectoryEndpoints::getUserRequest(id));
    }
    GraphClient::Settings settings = fixture.settingsFor(small->tenant.id);
    settings.retryPolicy.setMaxAttempts(20);
    auto client = fixture.makeClient(small->tenant.id, fixture.tokens(), settings);
    auto* batch = new BatchRequest(*client, requests);
    const GraphWait::Batch result = GraphWait::run(batch);
    REQUIRE(result.responses.size() == 20);
    int retried = 0;
    for (int i = 0; i < 20; ++i) {
        INFO("item " << i << ": " << result.responses.at(i).error().toLogString().toStdString());
        CHECK(result.responses.at(i).httpStatus() == 200);
        CHECK(result.responses.at(i).json().value(QStringLiteral("id")).toString() == ids.at(i));
        retried += result.responses.at(i).attempts() > 1 ? 1 : 0;
    }
    CHECK(retried > 0);
    REQUIRE(fixture.clearFaults());
}
