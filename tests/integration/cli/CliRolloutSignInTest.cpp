// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// tenantbridge-cli rollout against a sandbox whose access tokens live 4 seconds (--token-lifetime 4): the rollout runs
// through on silent refreshes with nothing shown; with the source admin's refresh tokens revoked mid-stage
// (/_sandbox/users/revoke), `rollout run` stops where it is, exits 4 and says which account to sign in again and how,
// and after `login` the same command goes on and ends in the planned state, nothing sent twice.
#include "core/sandbox/FaultPlan.h"
#include "core/sandbox/login/LoginState.h"
#include "core/store/JournalEntry.h"
#include "core/sync/RolloutPlan.h"
#include "tests/integration/cli/CliRolloutSession.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QHash>

using tb::store::JournalEntry;
using tb::sync::RolloutPlan;
using tb::test::CliRolloutSession;
using tb::test::CliRun;
using tb::test::SignalWaiter;
using State = tb::sync::RolloutStage::State;

namespace {

constexpr int kTokenLifetimeSeconds = 4;

QStringList runArguments()
{
    return {QStringLiteral("rollout"), QStringLiteral("run"), QStringLiteral("--yes")};
}

// Every journalled batch of the rollout has its outcome after its intent.
void checkNoOpenBatch(const QList<JournalEntry>& rows)
{
    QHash<QString, JournalEntry::Phase> latest;
    for (const JournalEntry& row : rows) {
        latest.insert(row.stepKey, row.phase);
    }
    REQUIRE_FALSE(latest.isEmpty());
    for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
        INFO("journal step " << it.key().toStdString());
        CHECK(it.value() != JournalEntry::Phase::Intent);
    }
}

// The stopped run's output: the stage stopped, which account to sign in again and what to run then; exit 4.
void checkStoppedForSignIn(const CliRun& stopped)
{
    CHECK(stopped.exitCode == 4);
    CHECK(stopped.out.contains(QStringLiteral("Stopped until you sign in again")));
    CHECK(stopped.err.contains(
        QStringLiteral("Sign in again with 'tenantbridge-cli login --role source --tenant contoso.onmicrosoft.com'")));
    CHECK(stopped.err.contains(QStringLiteral("then run 'tenantbridge-cli rollout run' to go on where it stopped")));
}

} // namespace

TEST_CASE("cli rollout runs both stages through access tokens that expire every few seconds",
    "[integration][cli][rollout][signin]")
{
    CliRolloutSession cli(kTokenLifetimeSeconds);
    cli.setUpRollout();
    const qsizetype grantsBefore = cli.server->login().refreshTokens().size();
    // Stage 1's assignment answer comes later than a token lives: every call after it needs a new one.
    cli.holdAnswer(QStringLiteral("POST"), QStringLiteral("*/$batch"), kTokenLifetimeSeconds * 1000 + 500);
    const CliRun first = cli.runWithCycles(runArguments());
    const CliRun second = cli.runWithCycles(runArguments());
    for (const CliRun& run : {first, second}) {
        CHECK(run.exitCode == 0);
        CHECK_FALSE(run.err.contains(QStringLiteral("sign in"), Qt::CaseInsensitive));
        CHECK_FALSE(run.out.contains(QStringLiteral("sign in"), Qt::CaseInsensitive));
        CHECK_FALSE(run.err.contains(QStringLiteral("error"), Qt::CaseInsensitive));
    }
    const RolloutPlan plan = cli.storedPlan();
    CHECK(plan.stages.at(0).state == State::Done);
    CHECK(plan.stages.at(1).state == State::Done);
    CHECK(cli.assignments().size() == 4);
    CHECK(cli.assignmentPosts() == 4);
    // The refresh-token grants the sandbox answered (each issues a new refresh token): several per run.
    CHECK(cli.server->login().refreshTokens().size() - grantsBefore >= 4);
}

TEST_CASE("cli rollout with the refresh token revoked during the watch stops, and goes on after login",
    "[integration][cli][rollout][signin]")
{
    CliRolloutSession cli(kTokenLifetimeSeconds);
    cli.setUpRollout();
    const qint64 seq = cli.lastSeq();
    const std::unique_ptr<QProcess> process = cli.start(runArguments());
    // Watching: the job was started and its logs read; no cycle runs until the test says so.
    REQUIRE(SignalWaiter::waitUntil([&] {
        return cli.countRequests(QStringLiteral("GET"), QStringLiteral("*/auditLogs/provisioning"), seq) >= 1
            || process->state() == QProcess::NotRunning;
    }));
    REQUIRE(process->state() == QProcess::Running);
    cli.revokeSourceAdmin();
    REQUIRE(SignalWaiter::waitUntil([&] { return process->state() == QProcess::NotRunning; }));
    const CliRun stopped = CliRun::of(*process);
    INFO("stdout: " << stopped.out.toStdString() << "\nstderr: " << stopped.err.toStdString());
    checkStoppedForSignIn(stopped);
    const RolloutPlan paused = cli.storedPlan();
    CHECK(paused.stages.at(0).state == State::Watching);
    CHECK(paused.stages.at(0).waitsForSignIn);
    CHECK(cli.assignments().size() == 1); // the stage's assignment, kept
    checkNoOpenBatch(cli.journal(paused.id));

    cli.login(QStringLiteral("source"), QStringLiteral("contoso.onmicrosoft.com"));
    const CliRun again = cli.runWithCycles(runArguments());
    REQUIRE(again.exitCode == 0);
    CHECK(again.err.contains(QStringLiteral("stopped for a sign-in; it goes on where it stopped")));
    const RolloutPlan done = cli.storedPlan();
    CHECK(done.stages.at(0).state == State::Done);
    CHECK_FALSE(done.stages.at(0).waitsForSignIn);
    CHECK(done.stages.at(0).watchStartedAt == paused.stages.at(0).watchStartedAt); // the same watch went on
    CHECK(cli.assignmentPosts() == 1);
    CHECK(cli.countRequests(QStringLiteral("POST"), QStringLiteral("*/synchronization/jobs/*/start")) == 1);
}

TEST_CASE("cli rollout with the refresh token revoked before it sends stops, and goes on after login",
    "[integration][cli][rollout][signin]")
{
    CliRolloutSession cli(kTokenLifetimeSeconds);
    cli.setUpRollout();
    // The runner's read of the assignments (the estimate's comes first) is answered 5 s late; the revocation lands
    // meanwhile, so the batch that follows gets no token.
    cli.holdAnswer(QStringLiteral("GET"), QStringLiteral("*/servicePrincipals/*/appRoleAssignedTo"), 5000, 1);
    const std::unique_ptr<QProcess> process = cli.start(runArguments());
    REQUIRE(SignalWaiter::waitUntil([&] { return cli.holdFired() || process->state() == QProcess::NotRunning; }));
    REQUIRE(process->state() == QProcess::Running);
    cli.revokeSourceAdmin();
    REQUIRE(SignalWaiter::waitUntil([&] { return process->state() == QProcess::NotRunning; }));
    cli.server->faultPlan().clear();
    const CliRun stopped = CliRun::of(*process);
    INFO("stdout: " << stopped.out.toStdString() << "\nstderr: " << stopped.err.toStdString());
    checkStoppedForSignIn(stopped);
    const RolloutPlan paused = cli.storedPlan();
    CHECK(paused.stages.at(0).state == State::Assigning);
    CHECK(paused.stages.at(0).waitsForSignIn);
    CHECK(cli.assignmentPosts() == 0);
    checkNoOpenBatch(cli.journal(paused.id));

    cli.login(QStringLiteral("source"), QStringLiteral("contoso.onmicrosoft.com"));
    REQUIRE(cli.runWithCycles(runArguments()).exitCode == 0);
    REQUIRE(cli.runWithCycles(runArguments()).exitCode == 0);
    const RolloutPlan done = cli.storedPlan();
    CHECK(done.stages.at(0).state == State::Done);
    CHECK(done.stages.at(1).state == State::Done);
    CHECK(cli.assignments().size() == 4);
    CHECK(cli.assignmentPosts() == 4);
    checkNoOpenBatch(cli.journal(done.id));
}
