// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/PageReader.h"
#include "core/graph/RequestGroup.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "tests/support/GraphWait.h"
#include "tests/support/SandboxFixture.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace tb::graph;
using tb::test::SandboxFixture;
using tb::test::SignalWaiter;

namespace {

tbsandbox::SandboxOptions slowTenant(int latencyMs)
{
    tbsandbox::SandboxOptions options;
    options.loadSeeds = false;
    options.generatedTenants = {{QStringLiteral("slow"), 40}};
    options.faultPlan = QJsonObject {{QStringLiteral("latencyMs"), latencyMs}};
    return options;
}

} // namespace

TEST_CASE("GraphCall cancelled while on the wire finishes exactly once with Cancelled", "[integration][graph]")
{
    SandboxFixture fixture(slowTenant(1500));
    REQUIRE(fixture.isReady());
    GraphClient* client = fixture.client(fixture.tenant(QStringLiteral("slow"))->tenant.id);
    REQUIRE(client != nullptr);
    QPointer<GraphCall> call = client->send(DirectoryEndpoints::organizationRequest());
    QSignalSpy finished(call.data(), &GraphCall::finished);
    QSignalSpy destroyed(call.data(), &QObject::destroyed);
    // Wait until the request holds a slot, i.e. it is on the wire.
    REQUIRE(SignalWaiter::waitUntil([&] { return client->limiter().inFlight() == 1; }));
    call->cancel();
    REQUIRE(SignalWaiter::waitForCount(destroyed));
    // Stay around past the sandbox's answer: nothing more may arrive.
    QTest::qWait(2000);
    REQUIRE(finished.size() == 1);
    const auto response = finished.first().first().value<GraphResponse>();
    CHECK(response.error().kind() == GraphError::Kind::Cancelled);
    CHECK(client->limiter().inFlight() == 0);
}

TEST_CASE("PageReader cancelled mid-read finishes once with Cancelled", "[integration][graph]")
{
    SandboxFixture fixture(slowTenant(300));
    REQUIRE(fixture.isReady());
    DirectoryEndpoints directory(*fixture.client(fixture.tenant(QStringLiteral("slow"))->tenant.id));
    DirectoryEndpoints::UserListOptions options;
    options.pageSize = 5;
    PageReader* reader = directory.listUsers(options, nullptr);
    QSignalSpy pages(reader, &PageReader::pageReceived);
    QSignalSpy finished(reader, &PageReader::finished);
    QObject::connect(reader, &PageReader::pageReceived, reader, [reader] { reader->cancel(); });
    reader->start();
    REQUIRE(SignalWaiter::waitForCount(finished));
    QTest::qWait(800);
    CHECK(finished.size() == 1);
    CHECK(pages.size() == 1);
    const auto result = finished.first().first().value<PageReadResult>();
    CHECK(result.error.kind() == GraphError::Kind::Cancelled);
    CHECK(result.items == 5);
}

TEST_CASE("GraphClient keeps at most N calls in flight and queues the rest", "[integration][graph]")
{
    SandboxFixture fixture(slowTenant(150), SandboxFixture::fastRetryPolicy(), 3);
    REQUIRE(fixture.isReady());
    GraphClient* client = fixture.client(fixture.tenant(QStringLiteral("slow"))->tenant.id);
    const qint64 before = fixture.lastSeq();
    constexpr int kCalls = 15;
    int done = 0;
    int succeeded = 0;
    int maxSeenInFlight = 0;
    QObject context;
    for (int i = 0; i < kCalls; ++i) {
        client->send(DirectoryEndpoints::organizationRequest(), &context, [&](const GraphResponse& response) {
            ++done;
            succeeded += response.isSuccess() ? 1 : 0;
        });
    }
    REQUIRE(SignalWaiter::waitUntil([&] {
        maxSeenInFlight = std::max(maxSeenInFlight, client->limiter().inFlight());
        return done == kCalls;
    }));
    CHECK(succeeded == kCalls);
    CHECK(client->limiter().peakInFlight() == 3);
    CHECK(maxSeenInFlight <= 3);
    CHECK(fixture.requestLog(before).size() == kCalls);
}

TEST_CASE("RequestGroup cancels every request in flight and none of their answers reaches the receiver",
    "[integration][graph]")
{
    SandboxFixture fixture(slowTenant(1500));
    REQUIRE(fixture.isReady());
    GraphClient* client = fixture.client(fixture.tenant(QStringLiteral("slow"))->tenant.id);
    REQUIRE(client != nullptr);
    DirectoryEndpoints directory(*client);
    QObject receiver;
    int answers = 0;
    RequestGroup group;
    GraphCall* call = client->send(DirectoryEndpoints::organizationRequest());
    QObject::connect(call, &GraphCall::finished, &receiver, [&answers] { ++answers; });
    group.add(call);
    DirectoryEndpoints::UserListOptions options;
    options.pageSize = 5;
    PageReader* reader = directory.listUsers(options, nullptr);
    QObject::connect(reader, &PageReader::pageReceived, &receiver, [&answers] { ++answers; });
    QObject::connect(reader, &PageReader::finished, &receiver, [&answers] { ++answers; });
    group.add(reader);
    reader->start();
    QSignalSpy callFinished(call, &GraphCall::finished);
    QSignalSpy readerFinished(reader, &PageReader::finished);
    CHECK(group.size() == 2);
    REQUIRE(SignalWaiter::waitUntil([&] { return client->limiter().inFlight() == 2; }));

    group.cancelAll(&receiver);
    CHECK(group.size() == 0);
    // Both were cancelled (each says so once), and the receiver heard nothing, then or after the sandbox's answers.
    REQUIRE(SignalWaiter::waitUntil([&] { return callFinished.size() == 1 && readerFinished.size() == 1; }));
    QTest::qWait(2000);
    CHECK(answers == 0);
    CHECK(callFinished.first().first().value<GraphResponse>().error().kind() == GraphError::Kind::Cancelled);
    CHECK(readerFinished.first().first().value<PageReadResult>().error.kind() == GraphError::Kind::Cancelled);
    CHECK(client->limiter().inFlight() == 0);
}
