// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// RolloutRunner on the product's own sign-in (Workspace: SignInService, TokenCache, memory-only sessions) against a
// sandbox whose access tokens live 4 seconds, so every token the runner gets is renewed with the refresh token:
// access tokens that expire mid-rollout never show, while the source admin's refresh tokens revoked mid-stage (the
// sandbox's /_sandbox/users/revoke) stop the stage where it is, for a new sign-in, with what it did kept; after the
// sign-in the same runner goes on and sends nothing twice.
#include "core/Workspace.h"
#include "core/auth/SignInService.h"
#include "core/graph/GraphClient.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/AppRoleAssignmentEndpoints.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "core/sandbox/FaultPlan.h"
#include "core/sandbox/RequestLog.h"
#include "core/sandbox/TenantState.h"
#include "core/sandbox/World.h"
#include "core/sandbox/login/LoginState.h"
#include "core/sandbox/sync/ProvisioningService.h"
#include "core/setup/PlanRunner.h"
#include "core/setup/SetupPlan.h"
#include "core/setup/SetupStateReader.h"
#include "core/store/Journal.h"
#include "core/sync/RolloutEstimator.h"
#include "core/sync/RolloutRunner.h"
#include "core/sync/RolloutStore.h"
#include "tests/support/ConfiguredPair.h"
#include "tests/support/GraphWait.h"
#include "tests/support/SignInTestSupport.h"
#include "tests/support/SignalWaiter.h"
#include "tests/support/WorkspaceOnSandbox.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTimer>

#include <functional>
#include <memory>

using tb::model::TenantRole;
using tb::store::JournalEntry;
using tb::sync::RolloutPlan;
using tb::sync::RolloutPrincipal;
using tb::sync::RolloutRunner;
using tb::sync::RolloutStage;
using tb::sync::RolloutStore;
using tb::test::GraphWait;
using tb::test::SignalWaiter;
using tb::test::WorkspaceOnSandbox;
using State = tb::sync::RolloutStage::State;

namespace {

const QString kContoso = QStringLiteral("contoso.onmicrosoft.com");
constexpr int kTokenLifetimeSeconds = 4;

tbsandbox::SandboxOptions shortTokens()
{
    tbsandbox::SandboxOptions options = WorkspaceOnSandbox::sandboxOptions();
    options.testRoutes = true;
    options.accessTokenLifetimeSeconds = kTokenLifetimeSeconds;
    options.syncIntervalMs = 0; // cycles only when the test runs one
    options.servicePrincipalPropagationMs = 0;
    return options;
}

// Contoso -> Fabrikam set up by the plan through the workspace's setup clients, with a rollout plan and its store.
struct SignInRollout
{
    WorkspaceOnSandbox ws {shortTokens()};
    std::unique_ptr<tb::store::Journal> journal;
    std::unique_ptr<RolloutStore> store;
    tb::graph::GraphClient* source = nullptr;
    tb::graph::GraphClient* target = nullptr;
    RolloutPlan plan;

    SignInRollout()
    {
        ws.startSignedIn(WorkspaceOnSandbox::setupScopes);
        tb::Workspace& workspace = *ws.workspace;
        source = workspace.setupClient(TenantRole::Source);
        target = workspace.setupClient(TenantRole::Target);
        REQUIRE(source != nullptr);
        REQUIRE(target != nullptr);
        journal = std::make_unique<tb::store::Journal>(workspace.database());
        store = std::make_unique<RolloutStore>(workspace.database());
        const tb::model::Tenant sourceTenant = *workspace.tenant(TenantRole::Source);
        const tb::model::Tenant targetTenant = *workspace.tenant(TenantRole::Target);

        tb::model::DesiredSettings desired;
        desired.configurationDisplayName
            = tb::setup::SetupPlan::defaultConfigurationName(sourceTenant.displayName, targetTenant.displayName);
        tb::setup::SetupStateReader reader(*source, *target);
        QSignalSpy read(&reader, &tb::setup::SetupStateReader::finished);
        tb::setup::SetupStateReader::Options readOptions;
        readOptions.configurationDisplayName = desired.configurationDisplayName;
        reader.read(sourceTenant, targetTenant, readOptions);
        REQUIRE(SignalWaiter::waitForCount(read));
        tb::setup::PlanRunner::Settings settings;
        settings.propagationMs = 30000;
        settings.propagationPollMs = 100;
        tb::setup::PlanRunner runner(*source, *target, *journal, settings);
        QSignalSpy applied(&runner, &tb::setup::PlanRunner::finished);
        REQUIRE_FALSE(runner.start(desired, read.first().first().value<tb::setup::SetupState>()).isEmpty());
        REQUIRE(SignalWaiter::waitForCount(applied));
        const auto result = applied.first().first().value<tb::setup::PlanRunner::Result>();
        INFO(result.message.toStdString());
        REQUIRE(result.outcome == tb::setup::PlanRunner::Outcome::Succeeded);
        read.clear();
        reader.read(sourceTenant, targetTenant, readOptions);
        REQUIRE(SignalWaiter::waitForCount(read));
        const auto after = read.first().first().value<tb::setup::SetupState>();
        REQUIRE(after.configuration.has_value());
        REQUIRE(after.configuration->hasJob());

        plan.id = QStringLiteral("rollout-sign-in");
        plan.createdAt = QDateTime::currentDateTimeUtc();
        plan.sourceTenantId = sourceTenant.id;
        plan.targetTenantId = targetTenant.id;
        plan.servicePrincipalId = after.configuration->servicePrincipalId;
        plan.jobId = after.configuration->jobId;
    }

    [[nodiscard]] std::unique_ptr<RolloutRunner> makeRunner(int concurrentBatches = 4) const
    {
        auto runner = std::make_unique<RolloutRunner>(*source, *target, *journal, *store);
        RolloutRunner::Settings settings;
        settings.concurrentBatches = concurrentBatches;
        settings.monitorTiming = tb::test::ConfiguredPair::fastTiming();
        runner->setSettings(settings);
        runner->open(plan);
        return runner;
    }

    // One stage of `count` Contoso members, assigned directly.
    void planDirectUsers(int count)
    {
        tb::graph::DirectoryEndpoints::UserListOptions options;
        options.select = tb::sync::RolloutEstimator::sourceUserSelect();
        options.pageSize = 999;
        tb::graph::DirectoryEndpoints directory(*source);
        const GraphWait::Pages users = GraphWait::readAll(directory.listUsers(options, nullptr));
        RolloutStage stage;
        stage.name = QStringLiteral("Direct");
        for (const QJsonObject& user : users.items) {
            if (user.value(QLatin1String("userType")).toString() == QLatin1String("Member")
                && stage.principals.size() < count) {
                stage.principals.append({user.value(QLatin1String("id")).toString(), RolloutPrincipal::Type::User,
                    user.value(QLatin1String("displayName")).toString()});
            }
        }
        REQUIRE(stage.principals.size() == count);
        plan.stages = {stage};
        plan.settings.batchSize = 5;
        REQUIRE_FALSE(store->save(plan).has_value());
    }

    // principal id -> assignment id, as the sandbox holds them (read in-process: the test's own reads need no token).
    [[nodiscard]] QHash<QString, QString> assignments()
    {
        QHash<QString, QString> result;
        for (const auto& record : ws.sandbox.world().tenantByIdOrDomain(kContoso)->servicePrincipals()) {
            if (record.id() != plan.servicePrincipalId) {
                continue;
            }
            for (const QJsonValue& value : record.appRoleAssignments) {
                result.insert(value.toObject().value(QLatin1String("principalId")).toString(),
                    value.toObject().value(QLatin1String("id")).toString());
            }
        }
        return result;
    }

    [[nodiscard]] int requests(const QString& method, const QString& pathGlob, qint64 since = 0)
    {
        const QRegularExpression path = tbsandbox::FaultPlan::globToRegularExpression(pathGlob);
        int count = 0;
        for (const auto& entry : ws.sandbox.requestLog().entriesAfter(since)) {
            count += entry.method == method && path.match(entry.target.section(QLatin1Char('?'), 0, 0)).hasMatch() ? 1
                                                                                                                   : 0;
        }
        return count;
    }

    [[nodiscard]] int assignmentPosts(qint64 since = 0)
    {
        return requests(QStringLiteral("POST"), QStringLiteral("*/servicePrincipals/*/appRoleAssignedTo"), since);
    }

    [[nodiscard]] QList<RolloutStore::Assignment> recorded() const
    {
        const auto rows = store->assignments(plan.id, 0);
        REQUIRE(std::holds_alternative<QList<RolloutStore::Assignment>>(rows));
        return std::get<QList<RolloutStore::Assignment>>(rows);
    }

    void revokeSourceAdmin() const
    {
        const auto answer = tb::test::SignInTestSupport::revoke(
            ws.sandbox.baseUrl(), kContoso, ws.workspace->signIn().account(TenantRole::Source)->username);
        REQUIRE(answer.status == 200);
        REQUIRE(answer.json.value(QLatin1String("revokedRefreshTokens")).toInt() >= 1);
    }

    void signInSourceAgain() const
    {
        QSignalSpy signedIn(&ws.workspace->signIn(), &tb::auth::SignInService::signedIn);
        ws.workspace->signIn().signIn(
            TenantRole::Source, kContoso, WorkspaceOnSandbox::setupScopes(TenantRole::Source));
        REQUIRE(SignalWaiter::waitForCount(signedIn));
        REQUIRE(ws.workspace->signIn().state(TenantRole::Source) == tb::auth::SignInService::State::SignedIn);
    }

    // Every journalled batch of the run has its outcome.
    void checkNoOpenBatch() const
    {
        const auto rows = journal->entries(plan.id);
        REQUIRE(std::holds_alternative<QList<JournalEntry>>(rows));
        QHash<QString, JournalEntry::Phase> latest;
        for (const JournalEntry& row : std::get<QList<JournalEntry>>(rows)) {
            latest.insert(row.stepKey, row.phase);
        }
        REQUIRE_FALSE(latest.isEmpty());
        for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
            INFO("journal step " << it.key().toStdString());
            CHECK(it.value() != JournalEntry::Phase::Intent);
        }
    }
};

bool waitForStage(const RolloutRunner& runner, State state)
{
    return SignalWaiter::waitUntil([&] { return runner.plan().stages.at(0).state == state; }, 30000);
}

// Runs a provisioning cycle now and then (a watched stage needs one that begins after its watch) until done holds.
bool cycleUntil(SignInRollout& pair, const std::function<bool()>& done)
{
    QTimer cycles;
    QObject::connect(&cycles, &QTimer::timeout, [&pair] { (void)pair.ws.sandbox.provisioning().runCycle(); });
    cycles.start(100);
    return SignalWaiter::waitUntil(done);
}

} // namespace

TEST_CASE("A rollout whose access tokens expire every few seconds runs through on silent refreshes",
    "[integration][sync][rollout][signin]")
{
    SignInRollout pair;
    pair.planDirectUsers(25);
    const qsizetype grantsBefore = pair.ws.sandbox.login().refreshTokens().size();
    // The assignment batch's answer is held longer than a token lives: the next calls need a new one.
    QString problem;
    REQUIRE(pair.ws.sandbox.faultPlan().load(
        QJsonObject {{QStringLiteral("holds"),
            QJsonArray {QJsonObject {{QStringLiteral("pathPattern"), QStringLiteral("*/$batch")},
                {QStringLiteral("method"), QStringLiteral("POST")},
                {QStringLiteral("ms"), kTokenLifetimeSeconds * 1000 + 500}, {QStringLiteral("count"), 1}}}}},
        &problem));
    const std::unique_ptr<RolloutRunner> runner = pair.makeRunner();
    QSignalSpy signIn(runner.get(), &RolloutRunner::signInRequired);
    QSignalSpy refused(runner.get(), &RolloutRunner::actionFailed);
    QSignalSpy finished(runner.get(), &RolloutRunner::stageFinished);
    runner->runNextStage();
    REQUIRE(waitForStage(*runner, State::Watching));
    REQUIRE(cycleUntil(pair, [&] { return !finished.isEmpty(); }));
    INFO(runner->plan().stages.at(0).message.toStdString());
    CHECK(finished.first().at(1).value<State>() == State::Done);
    CHECK(signIn.isEmpty());
    CHECK(refused.isEmpty());
    CHECK(runner->failedAssignments() == 0);
    CHECK(pair.assignments().size() == 25);
    CHECK(pair.assignmentPosts() == 25);
    // Tokens were renewed with the refresh token as they ran out (Entra rotates it: one new one per refresh).
    CHECK(pair.ws.sandbox.login().refreshTokens().size() - grantsBefore >= 2);
    CHECK(pair.ws.workspace->signIn().state(TenantRole::Source) == tb::auth::SignInService::State::SignedIn);
}

TEST_CASE("A refresh token revoked mid-assignment stops the stage for a sign-in and it goes on after one",
    "[integration][sync][rollout][signin]")
{
    SignInRollout pair;
    pair.planDirectUsers(45);
    // Each answer takes a while, so the revocation lands with batches still to send; one batch at a time.
    QString problem;
    REQUIRE(pair.ws.sandbox.faultPlan().load(QJsonObject {{QStringLiteral("latencyMs"), 40}}, &problem));
    const std::unique_ptr<RolloutRunner> runner = pair.makeRunner(1);
    QSignalSpy signIn(runner.get(), &RolloutRunner::signInRequired);
    QSignalSpy finished(runner.get(), &RolloutRunner::stageFinished);
    int reported = 0;
    QObject::connect(runner.get(), &RolloutRunner::assignmentProgress, [&](int, int done, int) { reported = done; });
    runner->runNextStage();
    REQUIRE(SignalWaiter::waitUntil([&] { return reported >= 10; }));
    pair.revokeSourceAdmin();
    REQUIRE(SignalWaiter::waitForCount(signIn));
    pair.ws.sandbox.faultPlan().clear();

    // Stopped, not failed: still assigning, waiting for the sign-in, and it says so.
    CHECK(finished.isEmpty());
    CHECK_FALSE(runner->isBusy());
    const RolloutStage stopped = runner->plan().stages.at(0);
    INFO(stopped.message.toStdString());
    CHECK(stopped.state == State::Assigning);
    CHECK(stopped.waitsForSignIn);
    CHECK(stopped.message.contains(QStringLiteral("sign in again")));
    CHECK(signIn.first().at(1).toString() == stopped.message);
    CHECK(runner->failedAssignments() == 0);
    CHECK(pair.ws.workspace->signIn().state(TenantRole::Source) == tb::auth::SignInService::State::SignInRequired);
    const auto stored = pair.store->load(pair.plan.id);
    REQUIRE(std::get<std::optional<RolloutPlan>>(stored).has_value());
    CHECK(std::get<std::optional<RolloutPlan>>(stored)->stages.at(0).state == State::Assigning);
    CHECK(std::get<std::optional<RolloutPlan>>(stored)->stages.at(0).waitsForSignIn);

    // Nothing half-done lost: every assignment the tenant got is recorded as the stage's, and its batch closed.
    const QHash<QString, QString> before = pair.assignments();
    const QList<RolloutStore::Assignment> recordedBefore = pair.recorded();
    CHECK(before.size() >= 10);
    CHECK(before.size() < 45);
    CHECK(recordedBefore.size() == before.size());
    for (const RolloutStore::Assignment& a : recordedBefore) {
        CHECK(before.value(a.principalId) == a.assignmentId);
    }
    pair.checkNoOpenBatch();

    // Signed in again, the same runner goes on and sends only what is left.
    pair.signInSourceAgain();
    const qint64 seq = pair.ws.sandbox.requestLog().total();
    runner->runNextStage();
    REQUIRE(waitForStage(*runner, State::Watching));
    CHECK_FALSE(runner->plan().stages.at(0).waitsForSignIn);
    CHECK(pair.assignmentPosts(seq) == 45 - before.size());
    CHECK(pair.assignmentPosts() == 45);
    REQUIRE(cycleUntil(pair, [&] { return !finished.isEmpty(); }));
    INFO(runner->plan().stages.at(0).message.toStdString());
    CHECK(finished.first().at(1).value<State>() == State::Done);
    const QHash<QString, QString> after = pair.assignments();
    CHECK(after.size() == 45);
    const QList<RolloutStore::Assignment> all = pair.recorded();
    CHECK(all.size() == 45);
    for (const RolloutStore::Assignment& a : all) {
        CHECK(after.value(a.principalId) == a.assignmentId);
    }
    CHECK(runner->plan().stages.at(0).assignmentsAdded == 45);
    pair.checkNoOpenBatch();
}

TEST_CASE("A refresh token revoked during the watch stops it for a sign-in; the watch goes on after one",
    "[integration][sync][rollout][signin]")
{
    SignInRollout pair;
    pair.planDirectUsers(5);
    const std::unique_ptr<RolloutRunner> runner = pair.makeRunner();
    QSignalSpy signIn(runner.get(), &RolloutRunner::signInRequired);
    QSignalSpy finished(runner.get(), &RolloutRunner::stageFinished);
    runner->runNextStage();
    REQUIRE(waitForStage(*runner, State::Watching));
    // The job is started and the watch reads it (no cycle runs until the test says so).
    REQUIRE(SignalWaiter::waitUntil(
        [&] { return pair.requests(QStringLiteral("GET"), QStringLiteral("*/auditLogs/provisioning")) >= 1; }));
    const QDateTime watchStarted = runner->plan().stages.at(0).watchStartedAt;
    pair.revokeSourceAdmin();
    REQUIRE(SignalWaiter::waitForCount(signIn));
    CHECK(finished.isEmpty());
    const RolloutStage stopped = runner->plan().stages.at(0);
    INFO(stopped.message.toStdString());
    CHECK(stopped.state == State::Watching);
    CHECK(stopped.waitsForSignIn);
    CHECK(stopped.message.contains(QStringLiteral("sign in again")));

    pair.signInSourceAgain();
    runner->runNextStage();
    REQUIRE(cycleUntil(pair, [&] { return !finished.isEmpty(); }));
    INFO(runner->plan().stages.at(0).message.toStdString());
    CHECK(finished.first().at(1).value<State>() == State::Done);
    CHECK(runner->plan().stages.at(0).watchStartedAt == watchStarted); // the same watch, not a new one
    CHECK(runner->plan().stages.at(0).progress.processed == 5);
    CHECK(pair.assignmentPosts() == 5);
    CHECK(pair.requests(QStringLiteral("POST"), QStringLiteral("*/synchronization/jobs/*/start")) == 1);
}

TEST_CASE("A refresh token revoked during an undo stops it for a sign-in; undo again removes only what is left",
    "[integration][sync][rollout][signin]")
{
    SignInRollout pair;
    pair.planDirectUsers(45);
    const std::unique_ptr<RolloutRunner> runner = pair.makeRunner(1);
    QSignalSpy assigned(runner.get(), &RolloutRunner::assigned);
    runner->assignNextStage();
    REQUIRE(SignalWaiter::waitForCount(assigned));
    REQUIRE(assigned.first().at(1).toBool());
    REQUIRE(pair.assignments().size() == 45);

    QString problem;
    REQUIRE(pair.ws.sandbox.faultPlan().load(QJsonObject {{QStringLiteral("latencyMs"), 40}}, &problem));
    QSignalSpy signIn(runner.get(), &RolloutRunner::signInRequired);
    QSignalSpy finished(runner.get(), &RolloutRunner::stageFinished);
    int reported = 0;
    QObject::connect(runner.get(), &RolloutRunner::assignmentProgress, [&](int, int done, int) { reported = done; });
    runner->undo(0);
    REQUIRE(SignalWaiter::waitUntil([&] { return reported >= 10; }));
    pair.revokeSourceAdmin();
    REQUIRE(SignalWaiter::waitForCount(signIn));
    pair.ws.sandbox.faultPlan().clear();
    CHECK(finished.isEmpty());
    const RolloutStage stopped = runner->plan().stages.at(0);
    INFO(stopped.message.toStdString());
    CHECK(stopped.state == State::Assigning);
    CHECK(stopped.waitsForSignIn);
    CHECK(stopped.message.contains(QStringLiteral("Undo stopped until you sign in again")));
    const int left = static_cast<int>(pair.assignments().size());
    CHECK(left > 0);
    CHECK(left <= 35);
    int removedRecorded = 0;
    for (const RolloutStore::Assignment& a : pair.recorded()) {
        removedRecorded += a.removed ? 1 : 0;
    }
    CHECK(removedRecorded == 45 - left); // what the tenant no longer holds is recorded as removed
    pair.checkNoOpenBatch();

    pair.signInSourceAgain();
    const qint64 seq = pair.ws.sandbox.requestLog().total();
    runner->undo(0);
    REQUIRE(SignalWaiter::waitForCount(finished));
    CHECK(finished.first().at(1).value<State>() == State::Undone);
    CHECK(pair.assignments().isEmpty());
    CHECK(pair.requests(QStringLiteral("DELETE"), QStringLiteral("*/servicePrincipals/*/appRoleAssignedTo/*"), seq)
        == left);
    CHECK(pair.requests(QStringLiteral("DELETE"), QStringLiteral("*/servicePrincipals/*/appRoleAssignedTo/*")) == 45);
    CHECK(runner->plan().stages.at(0).assignmentsRemoved == 45);
    pair.checkNoOpenBatch();
}
