// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/BatchRequest.h"
#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "tests/support/GraphWait.h"
#include "tests/support/SandboxFixture.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QHash>
#include <QJsonArray>

using namespace tb::graph;
using tb::test::GraphWait;
using tb::test::SandboxFixture;
using tb::test::SandboxLogEntry;

namespace {

tbsandbox::SandboxOptions oneTenant()
{
    tbsandbox::SandboxOptions options;
    options.loadSeeds = false;
    options.generatedTenants = {{QStringLiteral("faulty"), 50}};
    return options;
}

QJsonObject rule(const QString& pattern, int count)
{
    return QJsonObject {{QStringLiteral("pathPattern"), pattern}, {QStringLiteral("count"), count}};
}

QList<SandboxLogEntry> entriesFor(const QList<SandboxLogEntry>& log, const QString& clientRequestId)
{
    QList<SandboxLogEntry> result;
    for (const SandboxLogEntry& entry : log) {
        if (entry.clientRequestId == clientRequestId) {
            result.append(entry);
        }
    }
    return result;
}

} // namespace

TEST_CASE("GraphCall rides out a 429 storm without ever retrying before Retry-After", "[integration][graph]")
{
    SandboxFixture fixture(oneTenant());
    REQUIRE(fixture.isReady());
    const QString tenantId = fixture.tenant(QStringLiteral("faulty"))->tenant.id;
    REQUIRE(fixture.putFaults(QJsonObject {{QStringLiteral("throttle"),
        QJsonObject {{QStringLiteral("limit"), 4}, {QStringLiteral("windowMs"), 1000},
            {QStringLiteral("retryAfterSeconds"), 1}}}}));
    const qint64 before = fixture.lastSeq();

    GraphClient::Settings settings = fixture.settingsFor(tenantId);
    settings.retryPolicy.setMaxAttempts(30);
    settings.maxInFlight = 8;
    auto client = fixture.makeClient(tenantId, fixture.tokens(), settings);
    constexpr int kCalls = 24;
    QList<GraphResponse> responses;
    QObject context;
    for (int i = 0; i < kCalls; ++i) {
        client->send(DirectoryEndpoints::organizationRequest(), &context,
            [&responses](const GraphResponse& response) { responses.append(response); });
    }
    REQUIRE(tb::test::SignalWaiter::waitUntil([&] { return responses.size() == kCalls; }, 240000));

    int throttledCalls = 0;
    for (const GraphResponse& response : responses) {
        INFO(response.error().toLogString().toStdString());
        CHECK(response.isSuccess());
        throttledCalls += response.attempts() > 1 ? 1 : 0;
    }
    CHECK(throttledCalls > 0); // the storm happened

    const QList<SandboxLogEntry> log = fixture.requestLog(before);
    int checkedRetries = 0;
    for (const GraphResponse& response : responses) {
        const QList<SandboxLogEntry> sends = entriesFor(log, response.clientRequestId());
        // Every attempt reached the sandbox with the same client-request-id.
        CHECK(sends.size() == response.attempts());
        for (qsizetype i = 1; i < sends.size(); ++i) {
            const SandboxLogEntry& previous = sends.at(i - 1);
            REQUIRE(previous.status == 429);
            REQUIRE(previous.retryAfterSeconds > 0);
            INFO("call " << response.clientRequestId().toStdString() << " attempt " << i + 1);
            CHECK(sends.at(i).receivedAtMs - previous.receivedAtMs >= previous.retryAfterSeconds * 1000LL);
            ++checkedRetries;
        }
        CHECK(sends.last().status == 200);
    }
    CHECK(checkedRetries > 0);
}

TEST_CASE("GraphCall retries a 503 once and succeeds on the second attempt", "[integration][graph]")
{
    SandboxFixture fixture(oneTenant());
    REQUIRE(fixture.isReady());
    const QString tenantId = fixture.tenant(QStringLiteral("faulty"))->tenant.id;
    QJsonObject error = rule(QStringLiteral("*/organization"), 1);
    error.insert(QStringLiteral("status"), 503);
    error.insert(QStringLiteral("rate"), 1.0);
    REQUIRE(fixture.putFaults(QJsonObject {{QStringLiteral("errors"), QJsonArray {error}}}));
    const qint64 before = fixture.lastSeq();

    const auto response = GraphWait::response(DirectoryEndpoints(*fixture.client(tenantId)).getOrganization());
    REQUIRE(response.has_value());
    CHECK(response->isSuccess());
    CHECK(response->attempts() == 2);
    CHECK(DirectoryEndpoints::parseOrganization(*response)->id == tenantId);
    const auto sends = entriesFor(fixture.requestLog(before), response->clientRequestId());
    REQUIRE(sends.size() == 2);
    CHECK(sends.at(0).status == 503);
    CHECK(sends.at(1).status == 200);
}

TEST_CASE("GraphCall retries an idempotent GET after a dropped connection", "[integration][graph]")
{
    SandboxFixture fixture(oneTenant());
    REQUIRE(fixture.isReady());
    const QString tenantId = fixture.tenant(QStringLiteral("faulty"))->tenant.id;
    REQUIRE(fixture.putFaults(
        QJsonObject {{QStringLiteral("drops"), QJsonArray {rule(QStringLiteral("*/organization"), 1)}}}));

    const auto response = GraphWait::response(DirectoryEndpoints(*fixture.client(tenantId)).getOrganization());
    REQUIRE(response.has_value());
    INFO(response->error().toLogString().toStdString());
    CHECK(response->isSuccess());
    CHECK(response->attempts() == 2);
}

TEST_CASE("BatchRequest does not resend a batch with a PATCH after a dropped connection", "[integration][graph]")
{
    // The sandbox acts on a request before it drops the answer, so a write may already have happened: a
    // request that is not retry-safe must end as a Network error instead of being sent twice. (A PATCH
    // alone answers 204 without a body, which the sandbox cannot cut; the $batch answer has one.)
    SandboxFixture fixture(oneTenant());
    REQUIRE(fixture.isReady());
    const QString tenantId = fixture.tenant(QStringLiteral("faulty"))->tenant.id;
    DirectoryEndpoints directory(*fixture.client(tenantId));
    DirectoryEndpoints::UserListOptions options;
    options.pageSize = 1;
    options.select = {QStringLiteral("id")};
    const auto pages = GraphWait::readAll(directory.listUsers(options, nullptr));
    REQUIRE_FALSE(pages.items.isEmpty());
    const QString userId = pages.items.first().value(QStringLiteral("id")).toString();
    REQUIRE(
        fixture.putFaults(QJsonObject {{QStringLiteral("drops"), QJsonArray {rule(QStringLiteral("*/$batch"), 1)}}}));
    const qint64 before = fixture.lastSeq();

    const GraphRequest patch = GraphRequest::patch(QStringLiteral("/users/") + GraphRequest::pathSegment(userId),
        QJsonObject {{QStringLiteral("jobTitle"), QStringLiteral("Tester")}});
    const GraphWait::Batch result = GraphWait::run(new BatchRequest(*fixture.client(tenantId), {patch}));
    REQUIRE(result.responses.size() == 1);
    CHECK(result.responses.first().error().kind() == GraphError::Kind::Network);
    CHECK(result.responses.first().attempts() == 1);
    CHECK(result.responses.first().error().userMessage().contains(QStringLiteral("connection")));
    int posts = 0;
    for (const auto& entry : fixture.requestLog(before)) {
        posts += entry.path().endsWith(QStringLiteral("/$batch")) ? 1 : 0;
    }
    CHECK(posts == 1);
}

TEST_CASE("GraphCall sends a request marked not retry-safe only once after a drop", "[integration][graph]")
{
    SandboxFixture fixture(oneTenant());
    REQUIRE(fixture.isReady());
    const QString tenantId = fixture.tenant(QStringLiteral("faulty"))->tenant.id;
    REQUIRE(fixture.putFaults(
        QJsonObject {{QStringLiteral("drops"), QJsonArray {rule(QStringLiteral("*/organization"), 1)}}}));
    GraphRequest request = DirectoryEndpoints::organizationRequest();
    request.setRetrySafe(false);
    const auto response = GraphWait::response(fixture.client(tenantId)->send(request));
    REQUIRE(response.has_value());
    CHECK(response->error().kind() == GraphError::Kind::Network);
    CHECK(response->attempts() == 1);
}

TEST_CASE("GraphCall reports a cut-off body as MalformedResponse", "[integration][graph]")
{
    SandboxFixture fixture(oneTenant());
    REQUIRE(fixture.isReady());
    const QString tenantId = fixture.tenant(QStringLiteral("faulty"))->tenant.id;
    REQUIRE(fixture.putFaults(
        QJsonObject {{QStringLiteral("malformed"), QJsonArray {rule(QStringLiteral("*/organization"), 1)}}}));

    const auto response = GraphWait::response(DirectoryEndpoints(*fixture.client(tenantId)).getOrganization());
    REQUIRE(response.has_value());
    CHECK(response->error().kind() == GraphError::Kind::MalformedResponse);
    CHECK(response->httpStatus() == 200);
    CHECK_FALSE(response->error().userMessage().isEmpty());
    CHECK_FALSE(DirectoryEndpoints::parseOrganization(*response).has_value());
}
