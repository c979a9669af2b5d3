// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/GraphClient.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/AppRoleAssignmentEndpoints.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "core/graph/endpoints/SynchronizationEndpoints.h"
#include "core/model/SyncJob.h"
#include "core/sync/RolloutEstimator.h"
#include "core/sync/RolloutRunner.h"
#include "core/sync/RolloutStore.h"
#include "tests/support/ConfiguredPair.h"
#include "tests/support/GraphWait.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>

#include <memory>

using tb::sync::RolloutPlan;
using tb::sync::RolloutPrincipal;
using tb::sync::RolloutRunner;
using tb::sync::RolloutStage;
using tb::sync::RolloutStore;
using tb::test::GraphWait;
using tb::test::SignalWaiter;
using State = tb::sync::RolloutStage::State;

namespace {

// Contoso's seeded groups and users (resources/sandbox/contoso.json; the ids are deterministic).
const QString kPilotGroup = QStringLiteral("993d3bbe-5a9d-564a-b44f-d147d991595c"); // CTS Pilot: 5 direct members
const QString kEngineeringGroup = QStringLiteral("2ac53b61-79d6-5579-b3a9-1c02ea2e2c1d"); // 27, Christie also in Pilot
const QString kZainab = QStringLiteral("56ba50e0-2d35-5b70-9875-965e002047d7"); // an accepted guest in Fabrikam

// The configured pair of tests/support (its job created paused, cycles only when asked), with a rollout plan for
// its configuration and the store the runner keeps it in.
struct RolloutPair : tb::test::ConfiguredPair
{
    RolloutPair()
        : ConfiguredPair(onDemandCycles())
        , store(std::make_unique<RolloutStore>(*database))
    {
        plan.id = QStringLiteral("rollout-test");
        plan.createdAt = QDateTime::currentDateTimeUtc();
        plan.sourceTenantId = sourceTenantId;
        plan.targetTenantId = targetTenantId;
        plan.servicePrincipalId = servicePrincipalId;
        plan.jobId = jobId;
    }

    [[nodiscard]] std::unique_ptr<RolloutRunner> makeRunner() const
    {
        auto runner = std::make_unique<RolloutRunner>(*sourceClient, *targetClient, *journal, *store);
        RolloutRunner::Settings settings;
        settings.monitorTiming = fastTiming();
        runner->setSettings(settings);
        return runner;
    }

    // principal id -> assignment id, as the configuration has them now.
    [[nodiscard]] QHash<QString, QString> assignments() const
    {
        tb::graph::AppRoleAssignmentEndpoints endpoints(*sourceClient);
        const GraphWait::Pages pages = GraphWait::readAll(endpoints.listAssignments(plan.servicePrincipalId, nullptr));
        REQUIRE(pages.result.has_value());
        REQUIRE(pages.result->isComplete());
        QHash<QString, QString> result;
        for (const QJsonObject& item : pages.items) {
            result.insert(
                item.value(QLatin1String("principalId")).toString(), item.value(QLatin1String("id")).toString());
        }
        return result;
    }

    [[nodiscard]] tb::model::SyncJob job() const
    {
        tb::graph::GraphRequest request = tb::graph::GraphRequest::get(
            QStringLiteral("/servicePrincipals/%1/synchronization/jobs/%2").arg(plan.servicePrincipalId, plan.jobId));
        const auto response = GraphWait::response(sourceClient->send(request));
        REQUIRE(response.has_value());
        REQUIRE(response->isSuccess());
        return tb::model::SyncJob::fromJson(response->json());
    }

    // Runs one cycle as soon as the job is active (the runner starts it).
    [[nodiscard]] bool cycleOnceActive()
    {
        return SignalWaiter::waitUntil([this] { return fixture.runSyncCycle() >= 1; }, 20000);
    }

    [[nodiscard]] int batchPosts(qint64 since)
    {
        int posts = 0;
        for (const tb::test::SandboxLogEntry& entry : fixture.requestLog(since)) {
            if (entry.method == QLatin1String("POST") && entry.path().endsWith(QLatin1String("/$batch"))) {
                ++posts;
            }
        }
        return posts;
    }

    std::unique_ptr<RolloutStore> store;
    RolloutPlan plan;
};

bool waitForStage(const RolloutRunner& runner, int stage, State state)
{
    return SignalWaiter::waitUntil([&] { return runner.plan().stages.at(stage).state == state; }, 30000);
}

} // namespace

TEST_CASE("A two-stage rollout estimates, assigns in batches, watches, pauses itself and undoes a stage",
    "[integration][sync][rollout]")
{
    RolloutPair pair;
    RolloutStage pilot;
    pilot.name = QStringLiteral("Pilot");
    pilot.principals = {{kPilotGroup, RolloutPrincipal::Type::Group, QStringLiteral("CTS Pilot")}};
    RolloutStage wave;
    wave.name = QStringLiteral("Engineering");
    wave.principals = {{kEngineeringGroup, RolloutPrincipal::Type::Group, QStringLiteral("Engineering")},
        {kZainab, RolloutPrincipal::Type::User, QStringLiteral("Zainab Okafor")}};
    pair.plan.stages = {pilot, wave};

    // Estimates before anything runs.
    tb::sync::RolloutEstimator estimator(*pair.sourceClient, *pair.targetClient);
    QSignalSpy estimated(&estimator, &tb::sync::RolloutEstimator::finished);
    estimator.start(pair.plan);
    REQUIRE(SignalWaiter::waitForCount(estimated));
    INFO(estimated.first().at(2).toString().toStdString());
    REQUIRE(estimated.first().at(1).toBool());
    pair.plan = estimated.first().first().value<RolloutPlan>();
    const tb::sync::RolloutEstimate& pilotEstimate = pair.plan.stages.at(0).estimate;
    CHECK(pilotEstimate.users == 5);
    CHECK(pilotEstimate.newInTarget == 5); // Bianca's invitation is pending: not matched
    CHECK(pilotEstimate.existingInTarget == 0);
    CHECK(pilotEstimate.withoutP1 == 0);
    const tb::sync::RolloutEstimate& waveEstimate = pair.plan.stages.at(1).estimate;
    CHECK(waveEstimate.users == 27); // 26 of Engineering (Christie came with the pilot) + Zainab
    CHECK(waveEstimate.existingInTarget == 2); // Zainab and Ines are accepted guests in Fabrikam
    CHECK(waveEstimate.newInTarget == 24); // one of Engineering is disabled: never created
    CHECK(waveEstimate.withoutP1 == 3);
    REQUIRE_FALSE(pair.store->save(pair.plan).has_value());

    // Stage 1: assigned in one $batch, the job started, a cycle creates the users, progress reaches 5 of 5.
    std::unique_ptr<RolloutRunner> runner = pair.makeRunner();
    runner->open(pair.plan);
    QSignalSpy finished(runner.get(), &RolloutRunner::stageFinished);
    qint64 seq = pair.fixture.lastSeq();
    runner->runNextStage();
    REQUIRE(waitForStage(*runner, 0, State::Watching));
    CHECK(pair.batchPosts(seq) == 1);
    REQUIRE(pair.cycleOnceActive());
    REQUIRE(SignalWaiter::waitForCount(finished));
    INFO(runner->plan().stages.at(0).message.toStdString());
    CHECK(finished.first().at(1).value<State>() == State::Done);
    CHECK(runner->plan().stages.at(0).progress.processed == 5);
    CHECK(runner->plan().stages.at(0).progress.expected == 5);
    CHECK(runner->plan().stages.at(0).progress.failed == 0);
    {
        tb::graph::DirectoryEndpoints::UserListOptions options;
        options.select = tb::sync::RolloutEstimator::targetUserSelect();
        options.pageSize = 999;
        tb::graph::DirectoryEndpoints target(*pair.targetClient);
        const GraphWait::Pages users = GraphWait::readAll(target.listUsers(options, nullptr));
        int created = 0;
        for (const QJsonObject& user : users.items) {
            const QString mail = user.value(QLatin1String("mail")).toString();
            if (user.value(QLatin1String("creationType")).toString() == QLatin1String("Invitation")
                && user.value(QLatin1String("externalUserState")).toString() == QLatin1String("Accepted")
                && (mail.startsWith(QLatin1String("adele.vance@")) || mail.startsWith(QLatin1String("emily.graham@"))
                    || mail.startsWith(QLatin1String("henrietta.chen@")))) {
                ++created;
            }
        }
        CHECK(created == 3);
    }
    const QHash<QString, QString> afterPilot = pair.assignments();
    CHECK(afterPilot.size() == 1);
    CHECK(afterPilot.contains(kPilotGroup));

    // Stage 2: three of its users fail their next export; 3 of 27 (11%) passes the default threshold.
    REQUIRE(pair.fixture.injectUserErrors(
        {QStringLiteral("megan.bowen@contoso.onmicrosoft.com"), QStringLiteral("debra.pisani@contoso.onmicrosoft.com"),
            QStringLiteral("mateo.tanaka@contoso.onmicrosoft.com")},
        QStringLiteral("AzureActiveDirectoryConflictEntry"), 1));
    finished.clear();
    seq = pair.fixture.lastSeq();
    runner->runNextStage();
    REQUIRE(waitForStage(*runner, 1, State::Watching));
    // One $batch reads Zainab for the estimate, one assigns both principals.
    CHECK(pair.batchPosts(seq) == 2);
    CHECK(runner->batchesSent() == 2); // one per stage
    REQUIRE(pair.fixture.runSyncCycle() == 1);
    REQUIRE(SignalWaiter::waitForCount(finished));
    const RolloutStage paused = runner->plan().stages.at(1);
    INFO(paused.message.toStdString());
    CHECK(finished.first().at(1).value<State>() == State::Paused);
    CHECK(paused.state == State::Paused);
    CHECK(paused.progress.failed == 3);
    CHECK(paused.progress.failures.size() == 3);
    for (const tb::sync::RolloutFailure& failure : paused.progress.failures) {
        CHECK(failure.code == QStringLiteral("AzureActiveDirectoryConflictEntry"));
        CHECK_FALSE(failure.explanation.isEmpty());
    }
    // The runner paused the job itself.
    CHECK(SignalWaiter::waitUntil([&] { return pair.job().scheduleState == QStringLiteral("Paused"); }, 10000));
    // Survives a restart: the stored plan says paused.
    const auto stored = pair.store->load(pair.plan.id);
    CHECK(std::get<std::optional<RolloutPlan>>(stored)->stages.at(1).state == State::Paused);

    // Resumed (the cause is gone: the errors were for one export), the job runs again and the stage completes.
    finished.clear();
    runner->resume();
    REQUIRE(waitForStage(*runner, 1, State::Watching));
    REQUIRE(pair.cycleOnceActive());
    REQUIRE(SignalWaiter::waitForCount(finished));
    INFO(runner->plan().stages.at(1).message.toStdString());
    CHECK(finished.first().at(1).value<State>() == State::Done);
    CHECK(runner->plan().stages.at(1).progress.failed == 0);
    // The same users as the cycle that failed (the service logs nothing for two of the 27 here).
    CHECK(runner->plan().stages.at(1).progress.processed == paused.progress.processed);
    CHECK(runner->plan().stages.at(1).progress.expected == 27);

    // Undo removes exactly the stage's two assignments.
    const QHash<QString, QString> before = pair.assignments();
    REQUIRE(before.size() == 3);
    CHECK(runner->undoWarning(1).contains(QStringLiteral("soft-deleted")));
    finished.clear();
    runner->undo(1);
    REQUIRE(SignalWaiter::waitForCount(finished));
    CHECK(finished.first().at(1).value<State>() == State::Undone);
    const QHash<QString, QString> after = pair.assignments();
    CHECK(after.size() == 1);
    CHECK(after.value(kPilotGroup) == before.value(kPilotGroup));
    CHECK_FALSE(after.contains(kEngineeringGroup));
    CHECK_FALSE(after.contains(kZainab));
    CHECK(runner->plan().stages.at(1).assignmentsRemoved == 2);
}

TEST_CASE("Resume right after a pause: the start is sent once the pause has answered, in that order",
    "[integration][sync][rollout]")
{
    RolloutPair pair;
    RolloutStage pilot;
    pilot.name = QStringLiteral("Pilot");
    pilot.principals = {{kPilotGroup, RolloutPrincipal::Type::Group, QStringLiteral("CTS Pilot")}};
    pair.plan.stages = {pilot};
    REQUIRE_FALSE(pair.store->save(pair.plan).has_value());
    std::unique_ptr<RolloutRunner> runner = pair.makeRunner();
    runner->open(pair.plan);
    QSignalSpy commands(runner.get(), &RolloutRunner::jobCommandFinished);
    QSignalSpy refused(runner.get(), &RolloutRunner::actionFailed);
    const auto command
        = [&commands](int index) { return commands.at(index).at(0).value<tb::sync::JobMonitor::Command>(); };
    const auto accepted = [&commands](int index) {
        INFO(commands.at(index).at(2).toString().toStdString());
        return commands.at(index).at(1).toBool();
    };

    // The stage starts the job (created paused).
    runner->runNextStage();
    REQUIRE(waitForStage(*runner, 0, State::Watching));
    REQUIRE(SignalWaiter::waitForCount(commands));
    CHECK(command(0) == tb::sync::JobMonitor::Command::Start);
    CHECK(accepted(0));
    REQUIRE(SignalWaiter::waitUntil([&] { return pair.job().scheduleState == QStringLiteral("Active"); }, 10000));

    // The sandbox pauses the job at once but answers the pause only 1.5 s later, so the resumed watch reads a paused
    // job while the pause is still in flight: the job monitor would refuse a start sent then.
    commands.clear();
    REQUIRE(pair.fixture.putFaults(QJsonObject {{QStringLiteral("holds"),
        QJsonArray {QJsonObject {{QStringLiteral("pathPattern"), QStringLiteral("*/pause")},
            {QStringLiteral("method"), QStringLiteral("POST")}, {QStringLiteral("ms"), 1500},
            {QStringLiteral("count"), 1}}}}}));
    runner->pause();
    CHECK(runner->plan().stages.at(0).state == State::Paused);
    runner->resume();
    CHECK(refused.isEmpty());
    CHECK(runner->plan().stages.at(0).state == State::Watching);
    REQUIRE(SignalWaiter::waitForCount(commands, 2, 20000));
    CHECK(command(0) == tb::sync::JobMonitor::Command::Pause);
    CHECK(accepted(0));
    CHECK(command(1) == tb::sync::JobMonitor::Command::Start);
    CHECK(accepted(1));
    CHECK(SignalWaiter::waitUntil([&] { return pair.job().scheduleState == QStringLiteral("Active"); }, 10000));
    CHECK(commands.size() == 2);
    REQUIRE(pair.fixture.clearFaults());

    // And the stage goes on: a cycle completes it.
    QSignalSpy finished(runner.get(), &RolloutRunner::stageFinished);
    REQUIRE(pair.cycleOnceActive());
    REQUIRE(SignalWaiter::waitForCount(finished));
    CHECK(finished.first().at(1).value<State>() == State::Done);
}

TEST_CASE("A runner destroyed mid-stage is resumed by a new one without sending anything twice",
    "[integration][sync][rollout]")
{
    RolloutPair pair;
    // 45 users assigned directly, in batches of 5, one batch at a time.
    tb::graph::DirectoryEndpoints::UserListOptions options;
    options.select = tb::sync::RolloutEstimator::sourceUserSelect();
    options.pageSize = 999;
    tb::graph::DirectoryEndpoints source(*pair.sourceClient);
    const GraphWait::Pages users = GraphWait::readAll(source.listUsers(options, nullptr));
    RolloutStage stage;
    stage.name = QStringLiteral("Direct");
    for (const QJsonObject& user : users.items) {
        if (user.value(QLatin1String("userType")).toString() == QLatin1String("Member")
            && stage.principals.size() < 45) {
            stage.principals.append({user.value(QLatin1String("id")).toString(), RolloutPrincipal::Type::User,
                user.value(QLatin1String("displayName")).toString()});
        }
    }
    REQUIRE(stage.principals.size() == 45);
    pair.plan.stages = {stage};
    pair.plan.settings.batchSize = 5;
    REQUIRE_FALSE(pair.store->save(pair.plan).has_value());
    // Each answer takes a while, so the runner is destroyed with a batch in flight.
    REQUIRE(pair.fixture.putFaults(QJsonObject {{QStringLiteral("latencyMs"), 40}}));

    std::unique_ptr<RolloutRunner> first = pair.makeRunner();
    RolloutRunner::Settings oneAtATime;
    oneAtATime.concurrentBatches = 1;
    first->setSettings(oneAtATime);
    first->open(pair.plan);
    int reported = 0;
    QObject::connect(first.get(), &RolloutRunner::assignmentProgress, [&](int, int done, int) { reported = done; });
    first->assignNextStage();
    REQUIRE(SignalWaiter::waitUntil([&] { return reported >= 10; }));
    first.reset(); // killed: the next batch's intent is journalled, its answer never heard
    const auto recorded = pair.store->assignments(pair.plan.id, 0);
    const int recordedBefore = static_cast<int>(std::get<QList<RolloutStore::Assignment>>(recorded).size());
    CHECK(recordedBefore >= 10);
    CHECK(recordedBefore < 45);
    REQUIRE(pair.fixture.clearFaults());
    // Let a request already on its way land, as it would on a real service.
    (void)SignalWaiter::waitUntil([] { return false; }, 300);

    const auto reloaded = pair.store->load(pair.plan.id);
    REQUIRE(std::get<std::optional<RolloutPlan>>(reloaded).has_value());
    const RolloutPlan resumedPlan = *std::get<std::optional<RolloutPlan>>(reloaded);
    CHECK(resumedPlan.stages.at(0).state == State::Assigning);
    std::unique_ptr<RolloutRunner> second = pair.makeRunner();
    second->open(resumedPlan);
    QSignalSpy assigned(second.get(), &RolloutRunner::assigned);
    const qint64 seq = pair.fixture.lastSeq();
    second->assignNextStage();
    REQUIRE(SignalWaiter::waitForCount(assigned));
    INFO(assigned.first().at(2).toString().toStdString());
    CHECK(assigned.first().at(1).toBool());

    // Nothing recorded before the kill went out again.
    int itemsSent = 0;
    for (const tb::test::SandboxLogEntry& entry : pair.fixture.requestLog(seq)) {
        if (entry.method == QLatin1String("POST") && entry.path().endsWith(QLatin1String("/appRoleAssignedTo"))) {
            ++itemsSent;
        }
    }
    CHECK(itemsSent <= 45 - recordedBefore);
    CHECK(second->failedAssignments() == 0);
    // Every user assigned exactly once, each recorded with the configuration's assignment id.
    const QHash<QString, QString> now = pair.assignments();
    CHECK(now.size() == 45);
    const auto all = std::get<QList<RolloutStore::Assignment>>(pair.store->assignments(pair.plan.id, 0));
    CHECK(all.size() == 45);
    for (const RolloutStore::Assignment& a : all) {
        CHECK(now.value(a.principalId) == a.assignmentId);
    }
    CHECK(second->plan().stages.at(0).assignmentsAdded == 45);
}
