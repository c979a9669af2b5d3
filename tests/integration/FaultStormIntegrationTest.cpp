// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Issue 9 ("Faults") for whole flows rather than single calls (FaultsIntegrationTest does those), part 1: setup apply
// (PlanRunner + Journal; the second apply resumes the journal as the CLI and the topology page do), reading the
// topology (SetupStateReader) and the user listing (UserListing), each against the in-process sandbox
//  (a) under a storm: per tenant 4 requests per 500 ms, beyond that 429 with Retry-After 1 s, and 30 % of the rest
//      503, drawn with a fixed fault seed (FaultStorm::stormPlan). The flow ends as a fault-free run does, nothing is
//      made twice (objects counted in the sandbox), every call is sent at most RetryPolicy::maxAttempts() times,
//      never before a Retry-After, and no call more than the fault-free run makes (the sandbox's request log);
//  (b) under a fault that lasts (503 or 500 on every request, answers cut off, JSON bodies cut short, every answer
//      later than the client's timeout). The flow stops with a sentence that says what to do, writes nothing twice,
//      and a second run after the fault is lifted completes.
// One line per scenario goes to stdout ("storm: ...") with requests, retries and time, for the report of issue 9.
// Part 2 (preview, test sync, log fetch) is FaultStormSyncIntegrationTest.
#include "core/graph/GraphClient.h"
#include "core/graph/GraphRequest.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "core/model/DirectoryUser.h"
#include "core/setup/PlanRunner.h"
#include "core/setup/SetupPlan.h"
#include "core/setup/SetupStateReader.h"
#include "core/setup/UserListing.h"
#include "core/store/Database.h"
#include "core/store/Journal.h"
#include "tests/integration/FaultStorm.h"
#include "tests/support/ConfiguredPair.h"
#include "tests/support/SandboxFixture.h"
#include "tests/support/SignalWaiter.h"
#include "tests/support/UnconfiguredPair.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>

#include <memory>
#include <optional>
#include <utility>

using tb::graph::DirectoryEndpoints;
using tb::graph::GraphClient;
using tb::graph::GraphError;
using tb::graph::GraphRequest;
using tb::setup::PlanRunner;
using tb::setup::PlanStep;
using tb::setup::SetupPlan;
using tb::setup::SetupState;
using tb::setup::SetupStateReader;
using tb::setup::UserListing;
using tb::setup::UserListingQuery;
using tb::store::JournalEntry;
using tb::test::ConfiguredPair;
using tb::test::FaultStorm;
using tb::test::SandboxFixture;
using tb::test::SignalWaiter;

namespace {

// ---------------------------------------------------------------------------------------------------------------
// Setup: the unconfigured Contoso -> Fabrikam pair of the seeds (tests/support/UnconfiguredPair).

struct SetupPair : tb::test::UnconfiguredPair
{
    using UnconfiguredPair::UnconfiguredPair;

    // Clients with the given timeout, for the "slow" fault (the fixture's wait 30 s).
    void useTimeout(int timeoutMs)
    {
        for (const auto& [id, slot] : {std::pair {source.id, &ownSource}, std::pair {target.id, &ownTarget}}) {
            GraphClient::Settings settings = fixture.settingsFor(id);
            settings.defaultTimeoutMs = timeoutMs;
            *slot = fixture.makeClient(id, fixture.tokens(), settings);
        }
        sourceClient = ownSource.get();
        targetClient = ownTarget.get();
    }

    void useFixtureClients()
    {
        sourceClient = fixture.client(source.id);
        targetClient = fixture.client(target.id);
    }

    struct Read
    {
        std::optional<SetupState> state;
        QString failure;
        tb::graph::GraphError error;
    };

    Read tryRead()
    {
        SetupStateReader reader(*sourceClient, *targetClient);
        QSignalSpy finished(&reader, &SetupStateReader::finished);
        QSignalSpy failed(&reader, &SetupStateReader::failed);
        SetupStateReader::Options options;
        options.configurationDisplayName = desired.configurationDisplayName;
        reader.read(source, target, options);
        REQUIRE(SignalWaiter::waitUntil([&] { return finished.size() + failed.size() > 0; }, 120000));
        CHECK(finished.size() + failed.size() == 1);
        Read read;
        if (!failed.isEmpty()) {
            read.failure = failed.first().at(0).toString();
            read.error = failed.first().at(1).value<tb::graph::GraphError>();
        } else {
            read.state = finished.first().first().value<SetupState>();
        }
        return read;
    }

    SetupState read()
    {
        const Read result = tryRead();
        INFO(result.failure.toStdString());
        REQUIRE(result.state.has_value());
        return *result.state;
    }

    static PlanRunner::Result wait(QSignalSpy& finished)
    {
        REQUIRE(SignalWaiter::waitForCount(finished, 1, 120000));
        REQUIRE(finished.size() == 1);
        return finished.first().first().value<PlanRunner::Result>();
    }

    PlanRunner::Result apply(const SetupState& state)
    {
        PlanRunner runner(*sourceClient, *targetClient, *journal, runnerSettings());
        QSignalSpy finished(&runner, &PlanRunner::finished);
        REQUIRE_FALSE(runner.start(desired, state).isEmpty());
        return wait(finished);
    }

    // What the CLI's apply and the topology page do next time: resume the pair's interrupted run if the journal
    // has one, else read both tenants again and apply a fresh plan.
    PlanRunner::Result applyAgain()
    {
        const QStringList interrupted = PlanRunner::interruptedRuns(*journal, source.id, target.id);
        if (interrupted.isEmpty()) {
            return apply(read());
        }
        PlanRunner runner(*sourceClient, *targetClient, *journal, runnerSettings());
        QSignalSpy finished(&runner, &PlanRunner::finished);
        runner.resume(interrupted.first(), source, target);
        return wait(finished);
    }

    QJsonObject stats(const QString& tenantId) { return FaultStorm::tenantStats(fixture, statsNetwork, tenantId); }

    // The configuration's saved CompanyId secret (empty when none was saved).
    QString savedCompanyId(const QString& servicePrincipalId)
    {
        const QJsonObject secrets = FaultStorm::getJson(*fixture.client(source.id),
            GraphRequest::get(QStringLiteral("/servicePrincipals/%1/synchronization/secrets")
                                  .arg(GraphRequest::pathSegment(servicePrincipalId))));
        for (const QJsonValue& pair : secrets.value(QStringLiteral("value")).toArray()) {
            if (pair.toObject().value(QStringLiteral("key")).toString() == QLatin1String("CompanyId")) {
                return pair.toObject().value(QStringLiteral("value")).toString();
            }
        }
        return {};
    }

    // The end state of a complete apply, as "Applying the plan sets up an unconfigured pair completely" checks it
    // fault-free: every setting on, one partner entry each side, one configuration with one job and its secrets.
    void checkSetUpOnce(const QJsonObject& sourceBefore, const QJsonObject& targetBefore)
    {
        useFixtureClients();
        const SetupState after = read();
        CHECK(after.targetSide.isUserSyncInboundOn());
        CHECK(after.targetSide.isInboundAutoRedeemOn());
        CHECK(after.sourceSide.isOutboundAutoRedeemOn());
        REQUIRE(after.configuration.has_value());
        CHECK(after.configuration->hasJob());
        CHECK(after.otherConfigurations.isEmpty());
        CHECK(SetupPlan::build(desired, after).isEmpty());
        CHECK(savedCompanyId(after.configuration->servicePrincipalId) == target.id);
        const QJsonObject sourceAfter = stats(source.id);
        const QJsonObject targetAfter = stats(target.id);
        for (const char* key : {"partners", "identitySynchronizations"}) {
            INFO(key);
            CHECK(FaultStorm::crossTenant(targetAfter, key) - FaultStorm::crossTenant(targetBefore, key) == 1);
        }
        for (const char* key : {"partners", "applications", "servicePrincipals", "synchronizationJobs"}) {
            INFO(key);
            CHECK(FaultStorm::crossTenant(sourceAfter, key) - FaultStorm::crossTenant(sourceBefore, key) == 1);
        }
    }

    std::unique_ptr<GraphClient> ownSource;
    std::unique_ptr<GraphClient> ownTarget;
};

// The steps a fault-free apply of the unconfigured pair sends, one call each ("Applying the plan sets up an
// unconfigured pair completely" in SetupApplyIntegrationTest).
constexpr int kSetupCalls = 9;

} // namespace

TEST_CASE("Setup apply rides out a 429/503 storm to the end state of a fault-free apply, nothing made twice",
    "[integration][faults][storm][setup]")
{
    SetupPair pair;
    const SetupState before = pair.read();
    const QJsonObject sourceBefore = pair.stats(pair.source.id);
    const QJsonObject targetBefore = pair.stats(pair.target.id);
    REQUIRE(pair.fixture.putFaults(FaultStorm::stormPlan()));
    const qint64 since = pair.fixture.lastSeq();
    QElapsedTimer timer;
    timer.start();

    const PlanRunner::Result result = pair.apply(before);
    const qint64 elapsedMs = timer.elapsed();
    const FaultStorm::Traffic traffic = FaultStorm::trafficSince(pair.fixture, since);
    REQUIRE(pair.fixture.clearFaults());
    FaultStorm::report("setup apply", traffic, elapsedMs);

    INFO(result.message.toStdString());
    REQUIRE(result.outcome == PlanRunner::Outcome::Succeeded);
    REQUIRE(result.steps.size() == kSetupCalls);
    pair.checkSetUpOnce(sourceBefore, targetBefore);
    FaultStorm::checkBounded(traffic, kSetupCalls, SandboxFixture::fastRetryPolicy().maxAttempts());
    // Each step once in the journal, as fault-free: the run's two rows and an intent and a done per step.
    const auto rows = pair.journal->entries(result.runId);
    REQUIRE(std::holds_alternative<QList<JournalEntry>>(rows));
    CHECK(std::get<QList<JournalEntry>>(rows).size() == 1 + kSetupCalls * 2 + 1);
    CHECK(PlanRunner::interruptedRuns(*pair.journal, pair.source.id, pair.target.id).isEmpty());
}

TEST_CASE("Setup apply under a lasting fault stops with a clear message, writes nothing twice, and the next apply "
          "finishes",
    "[integration][faults][storm][setup]")
{
    // A new service principal stays unlisted for a second (as Graph's do for longer): an apply that comes back
    // sooner must not take "not listed" for "not there".
    SetupPair pair(1000);
    const SetupState before = pair.read();
    const QJsonObject sourceBefore = pair.stats(pair.source.id);
    const QJsonObject targetBefore = pair.stats(pair.target.id);
    const int maxAttempts = SandboxFixture::fastRetryPolicy().maxAttempts();

    FaultStorm::LastingFault fault;
    QString failedStep;
    int expectedSends = 0; // of the failed step's request
    QString writePath; // the failed step's path end, for the write count
    QString writeMethod;
    // The run stays resumable when a fresh read would misjudge what it leaves: an answer lost (the step may be done),
    // or a job without its credentials.
    bool resumes = false;
    // No "malformed" section: the sandbox cuts only 200 JSON bodies, and every setup write answers 201 or 204 (the
    // reads of a resumed apply are SetupStateReader's, covered below).
    SECTION("503")
    {
        fault = FaultStorm::unavailable();
        failedStep = QLatin1String(PlanStep::kTargetPartner);
        expectedSends = maxAttempts; // 503 is retried: the service did not act
        writeMethod = QStringLiteral("POST");
        writePath = QStringLiteral("/crossTenantAccessPolicy/partners");
    }
    SECTION("500")
    {
        fault = FaultStorm::serverError();
        failedStep = QLatin1String(PlanStep::kTargetPartner);
        expectedSends = 1; // 500 is not retried (Graph's guidance retries 429, 503 and 504 only)
        writeMethod = QStringLiteral("POST");
        writePath = QStringLiteral("/crossTenantAccessPolicy/partners");
    }
    SECTION("every instantiate answer cut off")
    {
        // The sandbox creates the configuration, then cuts the answer: a POST that is not retry-safe.
        fault = FaultStorm::dropped(QStringLiteral("*/instantiate"));
        failedStep = QLatin1String(PlanStep::kSourceConfiguration);
        expectedSends = 1;
        writeMethod = QStringLiteral("POST");
        writePath = QStringLiteral("/instantiate");
        resumes = true;
    }
    SECTION("503 on every secrets request")
    {
        // The job exists by then; Graph masks secrets, so a fresh read cannot tell they were never saved.
        fault = FaultStorm::unavailable(QStringLiteral("*/synchronization/secrets"));
        failedStep = QLatin1String(PlanStep::kSourceSecrets);
        expectedSends = maxAttempts;
        writeMethod = QStringLiteral("PUT");
        writePath = QStringLiteral("/synchronization/secrets");
        resumes = true;
    }
    SECTION("slow")
    {
        fault = FaultStorm::slow();
        failedStep = QLatin1String(PlanStep::kTargetPartner);
        expectedSends = maxAttempts; // a retry-safe POST (a second one answers 409): sent again after a timeout
        writeMethod = QStringLiteral("POST");
        writePath = QStringLiteral("/crossTenantAccessPolicy/partners");
        resumes = true;
    }
    if (fault.slow) {
        pair.useTimeout(FaultStorm::kShortTimeoutMs);
    }
    REQUIRE(pair.fixture.putFaults(fault.plan));
    const qint64 since = pair.fixture.lastSeq();
    QElapsedTimer timer;
    timer.start();
    const PlanRunner::Result failed = pair.apply(before);
    const qint64 elapsedMs = timer.elapsed();
    const FaultStorm::Traffic traffic = FaultStorm::trafficSince(pair.fixture, since);
    REQUIRE(pair.fixture.clearFaults());
    FaultStorm::report("setup apply, " + fault.name.toStdString(), traffic, elapsedMs);

    INFO(fault.name.toStdString());
    CHECK(failed.outcome == PlanRunner::Outcome::Failed);
    CHECK(failed.failedStepId == failedStep);
    FaultStorm::checkClearMessage(failed.message);
    CHECK(traffic.writesTo(writeMethod, writePath) == expectedSends);
    CHECK(traffic.maxSendsPerCall <= maxAttempts);
    const QStringList interrupted = PlanRunner::interruptedRuns(*pair.journal, pair.source.id, pair.target.id);
    if (resumes) {
        CHECK(interrupted == QStringList {failed.runId});
        CHECK(failed.message.contains(QStringLiteral("apply the plan again: TenantBridge resumes this run")));
    } else {
        CHECK(interrupted.isEmpty());
    }

    // The fault is lifted; the next apply finishes the job without making anything twice.
    pair.useFixtureClients();
    const PlanRunner::Result again = pair.applyAgain();
    INFO(again.message.toStdString());
    REQUIRE(again.outcome == PlanRunner::Outcome::Succeeded);
    pair.checkSetUpOnce(sourceBefore, targetBefore);
    CHECK(PlanRunner::interruptedRuns(*pair.journal, pair.source.id, pair.target.id).isEmpty());
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the topology and listing users: read-only flows on the configured pair.

namespace {

// SetupState without readAt, which differs on every read.
QJsonObject comparable(const SetupState& state)
{
    QJsonObject json = state.toJson();
    json.remove(QStringLiteral("readAt"));
    return json;
}

struct ReadPair : ConfiguredPair
{
    SetupStateReader::Options readOptions() const
    {
        SetupStateReader::Options readOptions;
        readOptions.configurationDisplayName
            = SetupPlan::defaultConfigurationName(fixture.tenant(QStringLiteral("contoso"))->tenant.displayName,
                fixture.tenant(QStringLiteral("fabrikam"))->tenant.displayName);
        return readOptions;
    }

    struct Read
    {
        std::optional<SetupState> state;
        QString failure;
    };

    Read read(GraphClient& source, GraphClient& target)
    {
        SetupStateReader reader(source, target);
        QSignalSpy finished(&reader, &SetupStateReader::finished);
        QSignalSpy failed(&reader, &SetupStateReader::failed);
        reader.read(fixture.tenant(QStringLiteral("contoso"))->tenant,
            fixture.tenant(QStringLiteral("fabrikam"))->tenant, readOptions());
        REQUIRE(SignalWaiter::waitUntil([&] { return finished.size() + failed.size() > 0; }, 120000));
        CHECK(finished.size() + failed.size() == 1);
        CHECK_FALSE(reader.isReading());
        Read result;
        if (!failed.isEmpty()) {
            result.failure = failed.first().at(0).toString();
        } else {
            result.state = finished.first().first().value<SetupState>();
        }
        return result;
    }

    std::unique_ptr<GraphClient> slowClient(const QString& tenantId)
    {
        GraphClient::Settings settings = fixture.settingsFor(tenantId);
        settings.defaultTimeoutMs = FaultStorm::kShortTimeoutMs;
        return fixture.makeClient(tenantId, fixture.tokens(), settings);
    }
};

} // namespace

TEST_CASE("Reading the topology under a 429/503 storm gives what a fault-free read gives",
    "[integration][faults][storm][setup]")
{
    ReadPair pair;
    qint64 since = pair.fixture.lastSeq();
    const ReadPair::Read clean = pair.read(*pair.sourceClient, *pair.targetClient);
    REQUIRE(clean.state.has_value());
    REQUIRE(clean.state->configuration.has_value());
    const int faultFreeCalls = FaultStorm::trafficSince(pair.fixture, since).calls;

    REQUIRE(pair.fixture.putFaults(FaultStorm::stormPlan()));
    since = pair.fixture.lastSeq();
    QElapsedTimer timer;
    timer.start();
    const ReadPair::Read stormy = pair.read(*pair.sourceClient, *pair.targetClient);
    const qint64 elapsedMs = timer.elapsed();
    const FaultStorm::Traffic traffic = FaultStorm::trafficSince(pair.fixture, since);
    REQUIRE(pair.fixture.clearFaults());
    FaultStorm::report("topology read", traffic, elapsedMs);
    INFO(stormy.failure.toStdString());
    REQUIRE(stormy.state.has_value());
    CHECK(comparable(*stormy.state) == comparable(*clean.state));
    FaultStorm::checkBounded(traffic, faultFreeCalls, SandboxFixture::fastRetryPolicy().maxAttempts());
}

TEST_CASE("Reading the topology under a lasting fault stops with a sentence naming the tenant, and reads again after",
    "[integration][faults][storm][setup]")
{
    ReadPair pair;
    const ReadPair::Read clean = pair.read(*pair.sourceClient, *pair.targetClient);
    REQUIRE(clean.state.has_value());
    FaultStorm::LastingFault fault;
    for (const FaultStorm::LastingFault& each : FaultStorm::everyRequestFaults()) {
        SECTION(each.name.toStdString())
        {
            fault = each;
        }
    }
    std::unique_ptr<GraphClient> slowSource;
    std::unique_ptr<GraphClient> slowTarget;
    GraphClient* source = pair.sourceClient;
    GraphClient* target = pair.targetClient;
    if (fault.slow) {
        slowSource = pair.slowClient(pair.sourceTenantId);
        slowTarget = pair.slowClient(pair.targetTenantId);
        source = slowSource.get();
        target = slowTarget.get();
    }
    REQUIRE(pair.fixture.putFaults(fault.plan));
    const qint64 since = pair.fixture.lastSeq();
    QElapsedTimer timer;
    timer.start();
    const ReadPair::Read broken = pair.read(*source, *target);
    const qint64 elapsedMs = timer.elapsed();
    const FaultStorm::Traffic traffic = FaultStorm::trafficSince(pair.fixture, since);
    REQUIRE(pair.fixture.clearFaults());
    FaultStorm::report("topology read, " + fault.name.toStdString(), traffic, elapsedMs);
    INFO(fault.name.toStdString());
    REQUIRE_FALSE(broken.state.has_value());
    FaultStorm::checkClearMessage(broken.failure);
    CHECK((broken.failure.contains(QStringLiteral("Contoso")) || broken.failure.contains(QStringLiteral("Fabrikam"))));
    CHECK(traffic.writes.isEmpty());
    CHECK(traffic.maxSendsPerCall <= SandboxFixture::fastRetryPolicy().maxAttempts());

    const ReadPair::Read again = pair.read(*pair.sourceClient, *pair.targetClient);
    REQUIRE(again.state.has_value());
    CHECK(comparable(*again.state) == comparable(*clean.state));
}

namespace {

struct Listing
{
    QStringList ids;
    GraphError error;
    int finishedSignals = 0;
};

Listing listUsers(GraphClient& client, const UserListingQuery& query)
{
    DirectoryEndpoints directory(client);
    UserListing listing(directory, query);
    Listing result;
    QObject::connect(&listing, &UserListing::usersReceived, [&result](const QList<tb::model::DirectoryUser>& users) {
        for (const tb::model::DirectoryUser& user : users) {
            result.ids.append(user.id);
        }
    });
    QObject::connect(&listing, &UserListing::finished, [&result](const GraphError& error) {
        result.error = error;
        ++result.finishedSignals;
    });
    listing.start();
    REQUIRE(SignalWaiter::waitUntil([&] { return result.finishedSignals > 0; }, 120000));
    CHECK(result.finishedSignals == 1);
    return result;
}

UserListingQuery allUsers()
{
    UserListingQuery query;
    query.pageSize = 25; // 241 users: 10 pages
    return query;
}

UserListingQuery pilotMembers()
{
    UserListingQuery query;
    query.groupName = QStringLiteral("CTS Wave 2"); // a group lookup, then transitive members
    query.pageSize = 3;
    return query;
}

} // namespace

TEST_CASE("The user listing under a 429/503 storm lists every user once, as a fault-free listing does",
    "[integration][faults][storm][setup]")
{
    SandboxFixture fixture;
    REQUIRE(fixture.isReady());
    GraphClient& client = *fixture.client(fixture.tenant(QStringLiteral("contoso"))->tenant.id);
    for (const UserListingQuery& query : {allUsers(), pilotMembers()}) {
        const bool group = !query.groupName.isEmpty();
        INFO((group ? "group members" : "all users"));
        qint64 since = fixture.lastSeq();
        const Listing clean = listUsers(client, query);
        REQUIRE_FALSE(clean.error.isError());
        REQUIRE(clean.ids.size() >= (group ? 5 : 241));
        const int faultFreeCalls = FaultStorm::trafficSince(fixture, since).calls;

        REQUIRE(fixture.putFaults(FaultStorm::stormPlan()));
        since = fixture.lastSeq();
        QElapsedTimer timer;
        timer.start();
        const Listing stormy = listUsers(client, query);
        const qint64 elapsedMs = timer.elapsed();
        const FaultStorm::Traffic traffic = FaultStorm::trafficSince(fixture, since);
        REQUIRE(fixture.clearFaults());
        FaultStorm::report(group ? "user listing of a group" : "user listing", traffic, elapsedMs);
        INFO(stormy.error.toLogString().toStdString());
        CHECK_FALSE(stormy.error.isError());
        CHECK(stormy.ids == clean.ids); // every page once, in order: none lost, none repeated
        FaultStorm::checkBounded(traffic, faultFreeCalls, SandboxFixture::fastRetryPolicy().maxAttempts());
    }
}

TEST_CASE("The user listing under a lasting fault ends with an error a person can act on, and lists all after",
    "[integration][faults][storm][setup]")
{
    SandboxFixture fixture;
    REQUIRE(fixture.isReady());
    const QString tenantId = fixture.tenant(QStringLiteral("contoso"))->tenant.id;
    GraphClient& client = *fixture.client(tenantId);
    const Listing clean = listUsers(client, allUsers());
    REQUIRE_FALSE(clean.error.isError());
    FaultStorm::LastingFault fault;
    for (const FaultStorm::LastingFault& each : FaultStorm::everyRequestFaults()) {
        SECTION(each.name.toStdString())
        {
            fault = each;
        }
    }
    GraphClient::Settings settings = fixture.settingsFor(tenantId);
    settings.defaultTimeoutMs = fault.slow ? FaultStorm::kShortTimeoutMs : settings.defaultTimeoutMs;
    const std::unique_ptr<GraphClient> faulted = fixture.makeClient(tenantId, fixture.tokens(), settings);
    REQUIRE(fixture.putFaults(fault.plan));
    const qint64 since = fixture.lastSeq();
    QElapsedTimer timer;
    timer.start();
    const Listing broken = listUsers(*faulted, allUsers());
    const qint64 elapsedMs = timer.elapsed();
    const FaultStorm::Traffic traffic = FaultStorm::trafficSince(fixture, since);
    REQUIRE(fixture.clearFaults());
    FaultStorm::report("user listing, " + fault.name.toStdString(), traffic, elapsedMs);
    INFO(fault.name.toStdString());
    REQUIRE(broken.error.isError());
    FaultStorm::checkClearMessage(broken.error.userMessage());
    CHECK(broken.ids.isEmpty());
    CHECK(traffic.maxSendsPerCall <= SandboxFixture::fastRetryPolicy().maxAttempts());

    const Listing again = listUsers(client, allUsers());
    CHECK_FALSE(again.error.isError());
    CHECK(again.ids == clean.ids);
}
