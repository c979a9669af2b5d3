// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The rollout counterpart of CliKillResumeTest: a real `kill -9` of tenantbridge-cli rollout at each kind of point of
// a two-stage rollout (Pilot: CTS Pilot; Wave: Engineering, Sales, CTS Wave 2), while the sandbox holds one answer
// back (the request handled, the tenant changed, the client not told), then the same command again and the rest of
// the rollout: the configuration ends with exactly the planned assignments, each POSTed once (or, after an undo,
// exactly the first stage's, each removal sent once), the job started once, and the rollout's journal has every
// batch's intent followed by its outcome, in stage order, none left open.
#include "core/sandbox/FaultPlan.h"
#include "core/store/Database.h"
#include "core/store/Journal.h"
#include "core/sync/RolloutPlan.h"
#include "tests/integration/cli/CliRolloutSession.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QHash>
#include <QRegularExpression>

using tb::store::JournalEntry;
using tb::sync::RolloutPlan;
using tb::test::CliRolloutSession;
using tb::test::CliRun;
using tb::test::SignalWaiter;
using State = tb::sync::RolloutStage::State;

namespace {

// Far longer than the test waits: the client is killed while the answer is held.
constexpr int kHoldMs = 120000;

struct KillPoint
{
    const char* name;
    int stagesBefore; // stages run to the end before the killed command
    bool undo; // the killed command is `rollout undo Wave`, else `rollout run`
    const char* method;
    const char* pathGlob;
    int skip; // earlier matches answered at once
    State stateAfterKill; // of the stage the command works on: where the kill landed
};

QList<KillPoint> killPoints()
{
    return {
        {"stage 1's assignment batch", 0, false, "POST", "*/$batch", 0, State::Assigning},
        {"stage 1's job start", 0, false, "POST", "*/synchronization/jobs/*/start", 0, State::Watching},
        {"stage 1's watch", 0, false, "GET", "*/auditLogs/provisioning", 0, State::Watching},
        {"stage 2's estimate, between the stages", 1, false, "GET", "*/servicePrincipals/*/appRoleAssignedTo", 0,
            State::Planned},
        {"stage 2's read of the assignments before it sends", 1, false, "GET",
            "*/servicePrincipals/*/appRoleAssignedTo", 1, State::Assigning},
        {"stage 2's assignment batch", 1, false, "POST", "*/$batch", 0, State::Assigning},
        {"stage 2's watch", 1, false, "GET", "*/auditLogs/provisioning", 0, State::Watching},
        {"stage 2's undo batch", 2, true, "POST", "*/$batch", 0, State::Done},
    };
}

QStringList runArguments()
{
    return {QStringLiteral("rollout"), QStringLiteral("run"), QStringLiteral("--yes")};
}

QStringList undoArguments()
{
    return {QStringLiteral("rollout"), QStringLiteral("undo"), QStringLiteral("Wave"), QStringLiteral("--yes")};
}

// Every batch step has its intent, then one outcome (done), nothing after; steps begin in stage order, assignments
// before the undo.
void checkJournal(const QList<JournalEntry>& rows)
{
    REQUIRE_FALSE(rows.isEmpty());
    QStringList order;
    QHash<QString, QList<JournalEntry>> byStep;
    for (const JournalEntry& row : rows) {
        if (!byStep.contains(row.stepKey)) {
            order.append(row.stepKey);
        }
        byStep[row.stepKey].append(row);
    }
    const QRegularExpression key(QStringLiteral("^stage(\\d+)\\.(assign|undo)\\.(\\d+)$"));
    int lastRank = -1;
    for (const QString& step : std::as_const(order)) {
        INFO("journal step " << step.toStdString());
        const QRegularExpressionMatch match = key.match(step);
        REQUIRE(match.hasMatch());
        const int rank = match.captured(1).toInt() * 2 + (match.captured(2) == QLatin1String("undo") ? 1 : 0);
        CHECK(rank >= lastRank);
        lastRank = rank;
        const QList<JournalEntry>& stepRows = byStep.value(step);
        REQUIRE(stepRows.size() == 2);
        CHECK(stepRows.at(0).phase == JournalEntry::Phase::Intent);
        CHECK(stepRows.at(1).phase == JournalEntry::Phase::Done);
        INFO("outcome: " << stepRows.at(1).detail.toStdString());
        CHECK(stepRows.at(0).id < stepRows.at(1).id);
    }
}

void killAndResumeAt(int index)
{
    const KillPoint point = killPoints().at(index);
    INFO("killed at " << point.name);
    CliRolloutSession cli;
    cli.setUpRollout();
    const QString pilot = cli.groupId(QStringLiteral("CTS Pilot"));
    const QStringList wave {cli.groupId(QStringLiteral("Engineering")), cli.groupId(QStringLiteral("Sales")),
        cli.groupId(QStringLiteral("CTS Wave 2"))};
    for (int i = 0; i < point.stagesBefore; ++i) {
        REQUIRE(cli.runWithCycles(runArguments()).exitCode == 0);
    }
    const int stage = point.undo ? 1 : point.stagesBefore;

    cli.holdAnswer(QString::fromLatin1(point.method), QString::fromLatin1(point.pathGlob), kHoldMs, point.skip);
    const QStringList killed = point.undo ? undoArguments() : runArguments();
    const std::unique_ptr<QProcess> process = cli.start(killed);
    REQUIRE(
        SignalWaiter::waitUntil([&] { return cli.holdFired() || process->state() == QProcess::NotRunning; }, 60000));
    INFO("first run's stdout: " << QString::fromUtf8(process->readAllStandardOutput()).toStdString());
    INFO("first run's stderr: " << QString::fromUtf8(process->readAllStandardError()).toStdString());
    REQUIRE(cli.holdFired());
    REQUIRE(process->state() == QProcess::Running);
    CliRolloutSession::kill(*process);
    cli.server->faultPlan().clear();
    // The kill landed where it was meant to: the stored stage says so.
    CHECK(cli.storedPlan().stages.at(stage).state == point.stateAfterKill);

    // The same command again, then whatever is left of the rollout.
    const CliRun again = cli.runWithCycles(killed);
    REQUIRE(again.exitCode == 0);
    for (int round = 0; round < 2 && cli.storedPlan().nextStage() >= 0; ++round) {
        REQUIRE(cli.runWithCycles(runArguments()).exitCode == 0);
    }

    const RolloutPlan plan = cli.storedPlan();
    REQUIRE(plan.stages.size() == 2);
    CHECK(plan.stages.at(0).state == State::Done);
    CHECK(plan.stages.at(1).state == (point.undo ? State::Undone : State::Done));
    CHECK(plan.stages.at(0).assignmentsAdded == 1);
    CHECK(plan.stages.at(1).assignmentsAdded == 3);
    CHECK_FALSE(plan.stages.at(0).waitsForSignIn);
    CHECK_FALSE(plan.stages.at(1).waitsForSignIn);

    // Exactly the planned assignments, each created once; the job started once.
    const QHash<QString, QString> now = cli.assignments();
    QStringList expected {pilot};
    if (!point.undo) {
        expected += wave;
    }
    CHECK(now.size() == expected.size());
    for (const QString& principal : std::as_const(expected)) {
        INFO("principal " << principal.toStdString());
        CHECK(now.contains(principal));
    }
    CHECK(cli.assignmentPosts() == 4);
    CHECK(cli.countRequests(QStringLiteral("POST"), QStringLiteral("*/synchronization/jobs/*/start")) == 1);
    if (point.undo) {
        CHECK(plan.stages.at(1).assignmentsRemoved == 3);
        CHECK(cli.countRequests(QStringLiteral("DELETE"), QStringLiteral("*/servicePrincipals/*/appRoleAssignedTo/*"))
            == 3);
    }

    // The journal: complete and in order, and nothing of the rollout left looking interrupted.
    checkJournal(cli.journal(plan.id));
    tb::store::Database database(cli.databasePath());
    REQUIRE_FALSE(database.open().has_value());
    const auto interrupted = tb::store::Journal(database).interruptedRuns();
    REQUIRE(std::holds_alternative<QStringList>(interrupted));
    CHECK_FALSE(std::get<QStringList>(interrupted).contains(plan.id));
}

} // namespace

TEST_CASE("cli rollout killed in stage 1's assignment batch resumes to the planned assignments",
    "[integration][cli][kill][rollout]")
{
    killAndResumeAt(0);
}

TEST_CASE(
    "cli rollout killed in stage 1's job start resumes to the planned assignments", "[integration][cli][kill][rollout]")
{
    killAndResumeAt(1);
}

TEST_CASE(
    "cli rollout killed during stage 1's watch resumes to the planned assignments", "[integration][cli][kill][rollout]")
{
    killAndResumeAt(2);
}

TEST_CASE(
    "cli rollout killed between the stages resumes to the planned assignments", "[integration][cli][kill][rollout]")
{
    killAndResumeAt(3);
}

TEST_CASE(
    "cli rollout killed before stage 2 sends resumes to the planned assignments", "[integration][cli][kill][rollout]")
{
    killAndResumeAt(4);
}

TEST_CASE("cli rollout killed in stage 2's assignment batch resumes to the planned assignments",
    "[integration][cli][kill][rollout]")
{
    killAndResumeAt(5);
}

TEST_CASE(
    "cli rollout killed during stage 2's watch resumes to the planned assignments", "[integration][cli][kill][rollout]")
{
    killAndResumeAt(6);
}

TEST_CASE("cli rollout undo killed in its removal batch resumes to the first stage's assignments",
    "[integration][cli][kill][rollout]")
{
    killAndResumeAt(7);
}
