// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Issue 9 ("Faults") for whole flows, part 2: the preview (Preview), the test sync (TestSync) and fetching provisioning
// logs into the store (LogSync; the next fetch continues from its watermark, storing nothing twice), each against the
// in-process sandbox on the configured Contoso -> Fabrikam pair
//  (a) under a storm: per tenant 4 requests per 500 ms, beyond that 429 with Retry-After 1 s, and 30 % of the rest
//      503, drawn with a fixed fault seed (FaultStorm::stormPlan). The flow ends as a fault-free run does, nothing is
//      made twice (objects counted in the sandbox), every call is sent at most RetryPolicy::maxAttempts() times,
//      never before a Retry-After, and no call more than the fault-free run makes (the sandbox's request log);
//  (b) under a fault that lasts (503 or 500 on every request, answers cut off, JSON bodies cut short, every answer
//      later than the client's timeout). The flow stops with a sentence that says what to do, writes nothing twice,
//      and a second run after the fault is lifted completes.
// One line per scenario goes to stdout ("storm: ...") with requests, retries and time, for the report of issue 9.
// Part 1 (setup apply, topology read, user listing) is FaultStormIntegrationTest.
#include "core/graph/GraphClient.h"
#include "core/graph/GraphRequest.h"
#include "core/logs/LogFetcher.h"
#include "core/logs/LogStore.h"
#include "core/logs/LogSync.h"
#include "core/sync/Preview.h"
#include "core/sync/TestSync.h"
#include "core/sync/TestSyncStore.h"
#include "tests/integration/FaultStorm.h"
#include "tests/support/ConfiguredPair.h"
#include "tests/support/ProvisioningLogTestSupport.h"
#include "tests/support/SandboxFixture.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>

#include <functional>
#include <memory>
#include <optional>

using tb::graph::GraphClient;
using tb::graph::GraphRequest;
using tb::logs::LogStore;
using tb::logs::LogSync;
using tb::sync::Preview;
using tb::sync::TestSync;
using tb::sync::TestSyncOutcome;
using tb::sync::UserPreview;
using tb::test::ConfiguredPair;
using tb::test::FaultStorm;
using tb::test::ProvisioningLogTestSupport;
using tb::test::SandboxFixture;
using tb::test::SignalWaiter;

namespace {

const QString kAdele = QStringLiteral("adele.vance@contoso.onmicrosoft.com");
const QString kHenrietta = QStringLiteral("henrietta.chen@contoso.onmicrosoft.com");
const QString kMegan = QStringLiteral("megan.bowen@contoso.onmicrosoft.com");
const QString kZainab = QStringLiteral("zainab.okafor@contoso.onmicrosoft.com"); // an accepted guest in Fabrikam

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// Preview and test sync on the configured pair (cycles only on request; provisionOnDemand's limit per second so
// a second run is not held up by the 10 s window).

namespace {

struct SyncPair : ConfiguredPair
{
    SyncPair()
        : ConfiguredPair(syncOptions())
        , store(std::make_unique<tb::sync::TestSyncStore>(*database))
    { }

    static tbsandbox::SandboxOptions syncOptions()
    {
        tbsandbox::SandboxOptions options = ConfiguredPair::onDemandCycles();
        options.provisionOnDemandWindowMs = 1000;
        return options;
    }

    std::unique_ptr<GraphClient> client(const QString& tenantId, int timeoutMs)
    {
        GraphClient::Settings settings = fixture.settingsFor(tenantId);
        settings.defaultTimeoutMs = timeoutMs;
        return fixture.makeClient(tenantId, fixture.tokens(), settings);
    }

    struct PreviewRun
    {
        QList<UserPreview> previews;
        QString failure;
    };

    PreviewRun preview(GraphClient& source, GraphClient& target, const QStringList& users)
    {
        Preview preview(source, target);
        preview.setAssumeAssigned(true); // what a test sync previews: the users it is about to assign
        QSignalSpy finished(&preview, &Preview::finished);
        QSignalSpy failed(&preview, &Preview::failed);
        REQUIRE(preview.start(servicePrincipalId, jobId, users));
        REQUIRE(SignalWaiter::waitUntil([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 120000));
        CHECK(finished.size() + failed.size() == 1);
        PreviewRun run;
        if (!failed.isEmpty()) {
            run.failure = failed.first().first().toString();
        } else {
            run.previews = finished.first().first().value<QList<UserPreview>>();
        }
        return run;
    }

    struct TestSyncRun
    {
        QList<TestSyncOutcome> outcomes;
        QString failure;
    };

    TestSyncRun testSync(GraphClient& source, GraphClient& target, const QList<UserPreview>& users)
    {
        TestSync testSync(source, target, store.get());
        QSignalSpy finished(&testSync, &TestSync::finished);
        QSignalSpy failed(&testSync, &TestSync::failed);
        TestSync::Request request;
        request.servicePrincipalId = servicePrincipalId;
        request.jobId = jobId;
        request.sourceTenantId = sourceTenantId;
        request.targetTenantId = targetTenantId;
        request.users = users;
        REQUIRE(testSync.start(request));
        REQUIRE(SignalWaiter::waitUntil([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 120000));
        CHECK(finished.size() + failed.size() == 1);
        TestSyncRun run;
        if (!failed.isEmpty()) {
            run.failure = failed.first().first().toString();
        } else {
            run.outcomes = finished.first().at(1).value<QList<TestSyncOutcome>>();
        }
        return run;
    }

    // Assignments of the configuration, by principal id.
    QHash<QString, int> assignments()
    {
        const QJsonObject page = FaultStorm::getJson(*sourceClient,
            GraphRequest::get(QStringLiteral("/servicePrincipals/%1/appRoleAssignedTo")
                                  .arg(GraphRequest::pathSegment(servicePrincipalId))));
        QHash<QString, int> counts;
        for (const QJsonValue& value : page.value(QStringLiteral("value")).toArray()) {
            counts[value.toObject().value(QStringLiteral("principalId")).toString()] += 1;
        }
        return counts;
    }

    int targetUsers()
    {
        return FaultStorm::tenantStats(fixture, statsNetwork, targetTenantId).value(QStringLiteral("users")).toInt();
    }

    std::unique_ptr<tb::sync::TestSyncStore> store;
    QNetworkAccessManager statsNetwork;
};

const QStringList kPreviewUsers {kAdele, kHenrietta, kMegan, kZainab};
const QStringList kTestSyncUsers {kAdele, kHenrietta, kMegan};

} // namespace

TEST_CASE("The preview under a 429/503 storm predicts what a fault-free preview predicts",
    "[integration][faults][storm][sync]")
{
    SyncPair pair;
    qint64 since = pair.fixture.lastSeq();
    const SyncPair::PreviewRun clean = pair.preview(*pair.sourceClient, *pair.targetClient, kPreviewUsers);
    REQUIRE(clean.failure.isEmpty());
    REQUIRE(clean.previews.size() == kPreviewUsers.size());
    for (const UserPreview& preview : clean.previews) {
        CHECK(preview.problems.isEmpty());
    }
    const int faultFreeCalls = FaultStorm::trafficSince(pair.fixture, since).calls;

    REQUIRE(pair.fixture.putFaults(FaultStorm::stormPlan()));
    since = pair.fixture.lastSeq();
    QElapsedTimer timer;
    timer.start();
    const SyncPair::PreviewRun stormy = pair.preview(*pair.sourceClient, *pair.targetClient, kPreviewUsers);
    const qint64 elapsedMs = timer.elapsed();
    const FaultStorm::Traffic traffic = FaultStorm::trafficSince(pair.fixture, since);
    REQUIRE(pair.fixture.clearFaults());
    FaultStorm::report("preview of 4 users", traffic, elapsedMs);
    INFO(stormy.failure.toStdString());
    REQUIRE(stormy.failure.isEmpty());
    CHECK(stormy.previews == clean.previews);
    CHECK(traffic.writes.isEmpty());
    FaultStorm::checkBounded(traffic, faultFreeCalls, SandboxFixture::fastRetryPolicy().maxAttempts());
}

TEST_CASE("The preview under a lasting fault says what could not be read and what to do, and previews after",
    "[integration][faults][storm][sync]")
{
    SyncPair pair;
    const SyncPair::PreviewRun clean = pair.preview(*pair.sourceClient, *pair.targetClient, kPreviewUsers);
    REQUIRE(clean.failure.isEmpty());
    FaultStorm::LastingFault fault;
    bool perUser = false; // the schema reads, only the target's user lookups fail
    for (const FaultStorm::LastingFault& each : FaultStorm::everyRequestFaults()) {
        SECTION(each.name.toStdString())
        {
            fault = each;
        }
    }
    SECTION("503 on the target's user lookups")
    {
        fault = FaultStorm::unavailable(QStringLiteral("/%1/*/users").arg(pair.targetTenantId));
        perUser = true;
    }
    const std::unique_ptr<GraphClient> source
        = pair.client(pair.sourceTenantId, fault.slow ? FaultStorm::kShortTimeoutMs : FaultStorm::kNormalTimeoutMs);
    const std::unique_ptr<GraphClient> target
        = pair.client(pair.targetTenantId, fault.slow ? FaultStorm::kShortTimeoutMs : FaultStorm::kNormalTimeoutMs);
    REQUIRE(pair.fixture.putFaults(fault.plan));
    const qint64 since = pair.fixture.lastSeq();
    QElapsedTimer timer;
    timer.start();
    const SyncPair::PreviewRun broken = pair.preview(*source, *target, kPreviewUsers);
    const qint64 elapsedMs = timer.elapsed();
    const FaultStorm::Traffic traffic = FaultStorm::trafficSince(pair.fixture, since);
    REQUIRE(pair.fixture.clearFaults());
    FaultStorm::report("preview, " + fault.name.toStdString(), traffic, elapsedMs);
    INFO(fault.name.toStdString());
    CHECK(traffic.writes.isEmpty());
    CHECK(traffic.maxSendsPerCall <= SandboxFixture::fastRetryPolicy().maxAttempts());
    if (perUser) {
        // Nothing silently guessed: each user says the target could not be searched, and no action is claimed.
        REQUIRE(broken.failure.isEmpty());
        REQUIRE(broken.previews.size() == kPreviewUsers.size());
        for (const UserPreview& preview : broken.previews) {
            INFO(preview.userPrincipalName.toStdString());
            CHECK(preview.match == UserPreview::Match::Unknown);
            CHECK(preview.action == UserPreview::Action::Unknown);
            REQUIRE_FALSE(preview.problems.isEmpty());
            FaultStorm::checkClearMessage(preview.problems.join(QLatin1Char(' ')));
        }
    } else {
        REQUIRE(broken.previews.isEmpty());
        FaultStorm::checkClearMessage(broken.failure);
    }

    const SyncPair::PreviewRun again = pair.preview(*pair.sourceClient, *pair.targetClient, kPreviewUsers);
    REQUIRE(again.failure.isEmpty());
    CHECK(again.previews == clean.previews);
}

TEST_CASE(
    "A test sync under a 429/503 storm provisions each user once, as predicted", "[integration][faults][storm][sync]")
{
    SyncPair pair;
    const SyncPair::PreviewRun preview = pair.preview(*pair.sourceClient, *pair.targetClient, kTestSyncUsers);
    REQUIRE(preview.failure.isEmpty());
    const int usersBefore = pair.targetUsers();
    // Fault-free a test sync of n new users makes 3 + 2n calls (rule, service principal, $batch, and per user
    // provisionOnDemand and the read-back); the storm may need the $batch up to maxAttempts times for its items.
    const int maxAttempts = SandboxFixture::fastRetryPolicy().maxAttempts();
    const int faultFreeCalls = 3 + 2 * static_cast<int>(kTestSyncUsers.size()) + (maxAttempts - 1);

    REQUIRE(pair.fixture.putFaults(FaultStorm::stormPlan()));
    const qint64 since = pair.fixture.lastSeq();
    QElapsedTimer timer;
    timer.start();
    const SyncPair::TestSyncRun run = pair.testSync(*pair.sourceClient, *pair.targetClient, preview.previews);
    const qint64 elapsedMs = timer.elapsed();
    const FaultStorm::Traffic traffic = FaultStorm::trafficSince(pair.fixture, since);
    REQUIRE(pair.fixture.clearFaults());
    FaultStorm::report("test sync of 3 users", traffic, elapsedMs);
    INFO(run.failure.toStdString());
    REQUIRE(run.failure.isEmpty());
    REQUIRE(run.outcomes.size() == kTestSyncUsers.size());
    for (const TestSyncOutcome& outcome : run.outcomes) {
        INFO(outcome.userPrincipalName.toStdString() << ": " << outcome.summary().toStdString());
        CHECK(outcome.verdict == TestSyncOutcome::Verdict::AsPredicted);
        CHECK(outcome.assignedByTestSync);
    }
    CHECK(pair.targetUsers() - usersBefore == kTestSyncUsers.size());
    const QHash<QString, int> assigned = pair.assignments();
    for (const UserPreview& user : preview.previews) {
        CHECK(assigned.value(user.sourceUserId) == 1);
        CHECK(pair.targetUsersWithMail(user.mail).size() == 1);
    }
    CHECK(traffic.writesTo(QStringLiteral("POST"), QStringLiteral("/provisionOnDemand"))
        <= kTestSyncUsers.size() * maxAttempts);
    FaultStorm::checkBounded(traffic, faultFreeCalls, maxAttempts);
}

TEST_CASE("A test sync under a lasting fault stops with a clear message, provisions nobody twice, and tests after",
    "[integration][faults][storm][sync]")
{
    SyncPair pair;
    const SyncPair::PreviewRun preview = pair.preview(*pair.sourceClient, *pair.targetClient, kTestSyncUsers);
    REQUIRE(preview.failure.isEmpty());
    const int usersBefore = pair.targetUsers();
    FaultStorm::LastingFault fault;
    bool perUser = false; // the run ends with a failed outcome per user instead of failed()
    bool answerLost = false; // the service may have acted: the outcome must not claim it failed
    SECTION("503")
    {
        fault = FaultStorm::unavailable();
    }
    SECTION("slow")
    {
        fault = FaultStorm::slow();
    }
    SECTION("every assignment $batch answer cut off")
    {
        fault = FaultStorm::dropped(QStringLiteral("*/$batch"));
        perUser = true;
        answerLost = true;
    }
    SECTION("every provisionOnDemand answer cut off")
    {
        fault = FaultStorm::dropped(QStringLiteral("*/provisionOnDemand"));
        perUser = true;
        answerLost = true;
    }
    SECTION("every provisionOnDemand answer cut short")
    {
        fault = FaultStorm::malformed(QStringLiteral("*/provisionOnDemand"));
        perUser = true;
        answerLost = true;
    }
    const std::unique_ptr<GraphClient> source
        = pair.client(pair.sourceTenantId, fault.slow ? FaultStorm::kShortTimeoutMs : FaultStorm::kNormalTimeoutMs);
    const std::unique_ptr<GraphClient> target
        = pair.client(pair.targetTenantId, fault.slow ? FaultStorm::kShortTimeoutMs : FaultStorm::kNormalTimeoutMs);
    REQUIRE(pair.fixture.putFaults(fault.plan));
    const qint64 since = pair.fixture.lastSeq();
    QElapsedTimer timer;
    timer.start();
    const SyncPair::TestSyncRun broken = pair.testSync(*source, *target, preview.previews);
    const qint64 elapsedMs = timer.elapsed();
    const FaultStorm::Traffic traffic = FaultStorm::trafficSince(pair.fixture, since);
    REQUIRE(pair.fixture.clearFaults());
    FaultStorm::report("test sync, " + fault.name.toStdString(), traffic, elapsedMs);
    INFO(fault.name.toStdString());
    CHECK(traffic.maxSendsPerCall <= SandboxFixture::fastRetryPolicy().maxAttempts());
    // provisionOnDemand is a POST the service acts on: never sent twice for one user after a lost answer.
    CHECK(traffic.writesTo(QStringLiteral("POST"), QStringLiteral("/provisionOnDemand")) <= kTestSyncUsers.size());
    CHECK(traffic.writesTo(QStringLiteral("POST"), QStringLiteral("/$batch")) <= 1);
    if (perUser) {
        REQUIRE(broken.failure.isEmpty());
        REQUIRE(broken.outcomes.size() == kTestSyncUsers.size());
        for (const TestSyncOutcome& outcome : broken.outcomes) {
            INFO(outcome.userPrincipalName.toStdString());
            CHECK(outcome.verdict == TestSyncOutcome::Verdict::Failed);
            FaultStorm::checkClearMessage(outcome.errorMessage);
            if (answerLost) {
                CHECK(outcome.errorMessage.contains(QStringLiteral("may")));
                CHECK(outcome.errorMessage.contains(QStringLiteral("run the preview again")));
            }
        }
    } else {
        REQUIRE(broken.outcomes.isEmpty());
        FaultStorm::checkClearMessage(broken.failure);
    }

    // The fault is lifted: preview again (the users may be assigned now) and test again.
    const SyncPair::PreviewRun previewAgain = pair.preview(*pair.sourceClient, *pair.targetClient, kTestSyncUsers);
    REQUIRE(previewAgain.failure.isEmpty());
    const SyncPair::TestSyncRun again = pair.testSync(*pair.sourceClient, *pair.targetClient, previewAgain.previews);
    INFO(again.failure.toStdString());
    REQUIRE(again.failure.isEmpty());
    REQUIRE(again.outcomes.size() == kTestSyncUsers.size());
    for (const TestSyncOutcome& outcome : again.outcomes) {
        INFO(outcome.userPrincipalName.toStdString() << ": " << outcome.summary().toStdString());
        CHECK(outcome.verdict == TestSyncOutcome::Verdict::AsPredicted);
    }
    CHECK(pair.targetUsers() - usersBefore == kTestSyncUsers.size());
    const QHash<QString, int> assigned = pair.assignments();
    for (const UserPreview& user : preview.previews) {
        CHECK(assigned.value(user.sourceUserId) == 1);
        CHECK(pair.targetUsersWithMail(user.mail).size() == 1);
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Provisioning logs into the store.

namespace {

struct LogRun
{
    bool finished = false;
    int newRecords = 0;
    QString failure;
};

LogRun fetchLogs(LogSync& sync, const ConfiguredPair& pair, const std::function<void(int pages)>& onProgress = {})
{
    QSignalSpy finished(&sync, &LogSync::finished);
    QSignalSpy failed(&sync, &LogSync::failed);
    const QMetaObject::Connection progress
        = QObject::connect(&sync, &LogSync::progress, [&onProgress](int pages, int, int) {
              if (onProgress) {
                  onProgress(pages);
              }
          });
    REQUIRE(sync.fetch(pair.servicePrincipalId, pair.jobId));
    REQUIRE(SignalWaiter::waitUntil([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 120000));
    QObject::disconnect(progress);
    CHECK(finished.size() + failed.size() == 1);
    LogRun run;
    run.finished = !finished.isEmpty();
    run.newRecords = run.finished ? finished.first().at(0).toInt() : sync.newRecords();
    run.failure = failed.isEmpty() ? QString() : failed.first().at(0).toString();
    return run;
}

constexpr int kLogPageSize = 5;

} // namespace

TEST_CASE(
    "Fetching provisioning logs under a 429/503 storm stores every record once", "[integration][faults][storm][logs]")
{
    ConfiguredPair pair(ConfiguredPair::onDemandCycles());
    ProvisioningLogTestSupport::syncSales(pair);
    const QSet<QString> all = ProvisioningLogTestSupport::cleanReadIds(pair);
    REQUIRE(all.size() >= 20);
    // The calls of a fault-free fetch with the same page size, into no store.
    qint64 since = pair.fixture.lastSeq();
    {
        tb::logs::LogFetcher fetcher(*pair.sourceClient);
        QSignalSpy done(&fetcher, &tb::logs::LogFetcher::finished);
        tb::logs::LogFetcher::Request request;
        request.servicePrincipalId = pair.servicePrincipalId;
        request.jobId = pair.jobId;
        request.pageSize = kLogPageSize;
        REQUIRE(fetcher.start(
            request, [](const QList<tb::model::ProvisioningLogEntry>&) { return std::optional<QString>(); }));
        REQUIRE(SignalWaiter::waitForCount(done));
    }
    const int faultFreeCalls = FaultStorm::trafficSince(pair.fixture, since).calls;

    LogStore store(*pair.database);
    LogSync sync(*pair.sourceClient, store, *pair.database);
    sync.setPageSize(kLogPageSize);
    REQUIRE(pair.fixture.putFaults(FaultStorm::stormPlan()));
    since = pair.fixture.lastSeq();
    QElapsedTimer timer;
    timer.start();
    const LogRun run = fetchLogs(sync, pair);
    const qint64 elapsedMs = timer.elapsed();
    const FaultStorm::Traffic traffic = FaultStorm::trafficSince(pair.fixture, since);
    REQUIRE(pair.fixture.clearFaults());
    FaultStorm::report("log fetch of " + std::to_string(all.size()) + " records", traffic, elapsedMs);
    INFO(run.failure.toStdString());
    REQUIRE(run.finished);
    CHECK(run.newRecords == all.size());
    CHECK(ProvisioningLogTestSupport::storedIds(store, sync.setId()) == all);
    FaultStorm::checkBounded(traffic, faultFreeCalls, SandboxFixture::fastRetryPolicy().maxAttempts());
}

TEST_CASE("A log fetch stopped by a lasting fault keeps what it stored, says so, and the next fetch completes it",
    "[integration][faults][storm][logs]")
{
    ConfiguredPair pair(ConfiguredPair::onDemandCycles());
    ProvisioningLogTestSupport::syncSales(pair);
    const QSet<QString> all = ProvisioningLogTestSupport::cleanReadIds(pair);
    REQUIRE(all.size() >= 20);
    FaultStorm::LastingFault fault;
    SECTION("503")
    {
        fault = FaultStorm::unavailable();
    }
    SECTION("500")
    {
        fault = FaultStorm::serverError();
    }
    SECTION("cut off")
    {
        fault = FaultStorm::dropped(QStringLiteral("*/auditLogs/provisioning"));
    }
    SECTION("malformed")
    {
        fault = FaultStorm::malformed();
    }
    SECTION("slow")
    {
        fault = FaultStorm::slow();
    }
    GraphClient::Settings settings = pair.fixture.settingsFor(pair.sourceTenantId);
    settings.defaultTimeoutMs = fault.slow ? FaultStorm::kShortTimeoutMs : settings.defaultTimeoutMs;
    const std::unique_ptr<GraphClient> faulted
        = pair.fixture.makeClient(pair.sourceTenantId, pair.fixture.tokens(), settings);

    LogStore store(*pair.database);
    qint64 setId = 0;
    {
        LogSync sync(*faulted, store, *pair.database);
        sync.setPageSize(kLogPageSize);
        qint64 since = 0;
        QElapsedTimer timer;
        // Two pages arrive, then the fault sets in and lasts.
        const LogRun broken = fetchLogs(sync, pair, [&](int pages) {
            if (pages == 2) {
                REQUIRE(pair.fixture.putFaults(fault.plan));
                since = pair.fixture.lastSeq();
                timer.start();
            }
        });
        const qint64 elapsedMs = timer.elapsed();
        const FaultStorm::Traffic traffic = FaultStorm::trafficSince(pair.fixture, since);
        REQUIRE(pair.fixture.clearFaults());
        FaultStorm::report("log fetch, " + fault.name.toStdString(), traffic, elapsedMs);
        INFO(fault.name.toStdString());
        REQUIRE_FALSE(broken.finished);
        FaultStorm::checkClearMessage(broken.failure);
        CHECK(broken.failure.startsWith(QStringLiteral("Fetching the provisioning logs stopped after 2 pages")));
        CHECK(traffic.calls == 1); // the third page, retried within its bound, then given up
        CHECK(traffic.maxSendsPerCall <= SandboxFixture::fastRetryPolicy().maxAttempts());
        setId = sync.setId();
        CHECK(ProvisioningLogTestSupport::storedIds(store, setId).size() == 2 * kLogPageSize);
    }

    LogSync sync(*pair.sourceClient, store, *pair.database);
    sync.setPageSize(kLogPageSize);
    const LogRun resumed = fetchLogs(sync, pair);
    INFO(resumed.failure.toStdString());
    REQUIRE(resumed.finished);
    CHECK(sync.setId() == setId);
    CHECK(resumed.newRecords == all.size() - 2 * kLogPageSize);
    CHECK(ProvisioningLogTestSupport::storedIds(store, setId) == all); // nothing missing, nothing stored twice
}
