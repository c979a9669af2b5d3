// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/RolloutPlan.h"
#include "core/model/DirectoryUser.h"
#include "core/store/Database.h"
#include "core/sync/RolloutPacer.h"
#include "core/sync/RolloutStore.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

using tb::model::DirectoryUser;
using tb::sync::RolloutEstimate;
using tb::sync::RolloutPlan;
using tb::sync::RolloutPrincipal;
using tb::sync::RolloutProgress;
using tb::sync::RolloutSettings;
using tb::sync::RolloutStage;
using State = tb::sync::RolloutStage::State;

namespace {

const QString kP1 = QStringLiteral("41781fb2-bc02-4b7c-bd55-b576c07bb09d");
const QString kP2 = QStringLiteral("eec0eb4f-6444-4f95-aba0-50c24d67f998");

DirectoryUser sourceUser(const QString& id, const QString& mail, const QString& plan = kP1,
    const QString& status = QStringLiteral("Enabled"))
{
    DirectoryUser user;
    user.id = id;
    user.userPrincipalName = id + QStringLiteral("@contoso.example");
    user.mail = mail;
    user.userType = QStringLiteral("Member");
    user.accountEnabled = true;
    if (!plan.isEmpty()) {
        tb::model::AssignedPlan assigned;
        assigned.servicePlanId = plan;
        assigned.capabilityStatus = status;
        user.assignedPlans.append(assigned);
    }
    return user;
}

DirectoryUser targetUser(const QString& mail, const QString& creationType, const QString& state)
{
    DirectoryUser user;
    user.id = QStringLiteral("t-") + mail;
    user.mail = mail;
    user.creationType = creationType;
    user.externalUserState = state;
    return user;
}

RolloutProgress progress(int processed, int failed)
{
    RolloutProgress p;
    p.processed = processed;
    p.failed = failed;
    return p;
}

} // namespace

TEST_CASE("The default threshold pauses above 10% with at least 3 failures", "[unit][sync][rollout]")
{
    const RolloutSettings settings;
    CHECK(settings.errorRateThreshold == Approx(0.10));
    CHECK(settings.minimumFailures == 3);
    CHECK(settings.batchSize == 20);

    CHECK_FALSE(settings.thresholdPassed(progress(0, 0)));
    // Small stages: one or two failures are a high share but no pattern.
    CHECK_FALSE(settings.thresholdPassed(progress(5, 1)));
    CHECK_FALSE(settings.thresholdPassed(progress(5, 2)));
    CHECK(settings.thresholdPassed(progress(5, 3)));
    // Exactly 10% is not more than 10%.
    CHECK_FALSE(settings.thresholdPassed(progress(30, 3)));
    CHECK(settings.thresholdPassed(progress(27, 3)));
    // Large stages: a handful of odd users does not stop thousands.
    CHECK_FALSE(settings.thresholdPassed(progress(1000, 50)));
    CHECK(settings.thresholdPassed(progress(1000, 101)));

    RolloutSettings strict;
    strict.errorRateThreshold = 0.0;
    strict.minimumFailures = 1;
    CHECK(strict.thresholdPassed(progress(1000, 1)));
    CHECK(progress(4, 1).errorRate() == Approx(0.25));
    CHECK(progress(0, 0).errorRate() == 0.0);
}

TEST_CASE("Rollout stages move only along the allowed states", "[unit][sync][rollout]")
{
    RolloutStage stage;
    CHECK(stage.state == State::Planned);
    CHECK_FALSE(stage.isActive());
    CHECK_FALSE(stage.moveTo(State::Watching)); // must be assigned first
    CHECK_FALSE(stage.moveTo(State::Undone)); // nothing to undo
    CHECK(stage.moveTo(State::Assigning));
    CHECK(stage.isActive());
    CHECK_FALSE(stage.moveTo(State::Done)); // not watched yet
    CHECK(stage.moveTo(State::Watching));
    CHECK(stage.moveTo(State::Paused));
    CHECK_FALSE(stage.moveTo(State::Done)); // resume first
    CHECK(stage.moveTo(State::Watching));
    CHECK(stage.moveTo(State::Done));
    CHECK_FALSE(stage.isActive());
    CHECK_FALSE(stage.moveTo(State::Assigning));
    CHECK(stage.moveTo(State::Undone));
    CHECK_FALSE(stage.moveTo(State::Undone));
    CHECK_FALSE(stage.moveTo(State::Planned));

    RolloutStage failed;
    CHECK(failed.moveTo(State::Assigning));
    CHECK(failed.moveTo(State::Failed));
    CHECK(failed.moveTo(State::Assigning)); // run again
    CHECK(failed.state == State::Assigning);

    for (const State state :
        {State::Planned, State::Assigning, State::Watching, State::Paused, State::Done, State::Undone, State::Failed}) {
        CHECK(RolloutStage::stateFromName(RolloutStage::stateName(state)) == state);
    }
}

TEST_CASE("The plan finds the active and the next stage", "[unit][sync][rollout]")
{
    RolloutPlan plan;
    plan.stages.resize(3);
    plan.stages[0].name = QStringLiteral("Pilot");
    plan.stages[1].name = QStringLiteral("Sales");
    plan.stages[2].name = QStringLiteral("All");
    CHECK(plan.activeStage() == -1);
    CHECK(plan.nextStage() == 0);
    plan.stages[0].state = State::Done;
    CHECK(plan.nextStage() == 1);
    plan.stages[1].state = State::Paused;
    CHECK(plan.activeStage() == 1);
    CHECK(plan.nextStage() == 1);
    CHECK(plan.stateSummary() == QStringLiteral("stage 2 of 3 (Sales): paused"));
    plan.stages[1].state = State::Undone;
    CHECK(plan.nextStage() == 2);
    plan.stages[2].state = State::Done;
    CHECK(plan.nextStage() == -1);
    CHECK(plan.stageIndex(QStringLiteral("sales")) == 1);
    CHECK(plan.stageIndex(QStringLiteral("nobody")) == -1);
}

TEST_CASE("A stage's estimate counts new, existing and unlicensed users once", "[unit][sync][rollout]")
{
    const QList<DirectoryUser> target {
        targetUser(QStringLiteral("zainab@contoso.example"), QStringLiteral("Invitation"), QStringLiteral("Accepted")),
        // Pending invitations are not matched: the service creates a second account.
        targetUser(QStringLiteral("bianca@contoso.example"), QStringLiteral("Invitation"),
            QStringLiteral("PendingAcceptance")),
        // A target-internal user with the same mail is never taken over.
        targetUser(QStringLiteral("adele@contoso.example"), QString(), QString()),
        // Created by sync earlier: a B2B member, matched (linked) again.
        targetUser(
            QStringLiteral("CHRISTIE@contoso.example"), QStringLiteral("Invitation"), QStringLiteral("Accepted")),
    };
    DirectoryUser guest = sourceUser(QStringLiteral("g"), QStringLiteral("guest@else.example"));
    guest.userType = QStringLiteral("Guest");
    DirectoryUser disabled = sourceUser(QStringLiteral("d"), QStringLiteral("d@contoso.example"));
    disabled.accountEnabled = false;
    DirectoryUser noMail = sourceUser(QStringLiteral("n"), QString(), QString());
    const QList<DirectoryUser> stageUsers {
        sourceUser(QStringLiteral("z"), QStringLiteral("zainab@contoso.example")),
        sourceUser(QStringLiteral("b"), QStringLiteral("bianca@contoso.example"), kP2),
        sourceUser(QStringLiteral("a"), QStringLiteral("adele@contoso.example"), kP1, QStringLiteral("Suspended")),
        sourceUser(QStringLiteral("c"), QStringLiteral("christie@contoso.example")),
        sourceUser(QStringLiteral("z"), QStringLiteral("zainab@contoso.example")), // in two of the stage's groups
        sourceUser(QStringLiteral("e"), QStringLiteral("emily@contoso.example")), // assigned already
        guest,
        disabled,
        noMail,
    };
    const RolloutEstimate estimate = RolloutPlan::estimate(stageUsers, {QStringLiteral("e")}, target);
    CHECK(estimate.known);
    CHECK(estimate.users == 7); // z b a c g d n
    CHECK(estimate.userIds
        == QStringList {QStringLiteral("z"), QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c"),
            QStringLiteral("g"), QStringLiteral("d"), QStringLiteral("n")});
    CHECK(estimate.existingInTarget == 2); // z (accepted guest), c (linked earlier)
    CHECK(estimate.newInTarget == 3); // b, a, n; not the guest, not the disabled user
    CHECK(estimate.withoutP1 == 2); // a (suspended plan), n (none)

    CHECK(RolloutPlan::hasP1(sourceUser(QStringLiteral("x"), QString(), kP2)));
    CHECK_FALSE(RolloutPlan::hasP1(sourceUser(QStringLiteral("x"), QString(), QStringLiteral("other"))));
    CHECK(RolloutPlan::estimate({}, {}, target).users == 0);
}

TEST_CASE("A rollout round-trips through JSON and the store", "[unit][sync][rollout]")
{
    RolloutPlan plan;
    plan.id = QStringLiteral("rollout-1");
    plan.createdAt = QDateTime(QDate(2026, 11, 1), QTime(10, 0), Qt::UTC);
    plan.sourceTenantId = QStringLiteral("src");
    plan.targetTenantId = QStringLiteral("tgt");
    plan.servicePrincipalId = QStringLiteral("sp");
    plan.jobId = QStringLiteral("job");
    plan.settings.errorRateThreshold = 0.25;
    RolloutStage pilot;
    pilot.name = QStringLiteral("Pilot");
    pilot.principals = {{QStringLiteral("g1"), RolloutPrincipal::Type::Group, QStringLiteral("CTS Pilot")},
        {QStringLiteral("u1"), RolloutPrincipal::Type::User, QStringLiteral("Zainab")}};
    pilot.state = State::Paused;
    pilot.estimate = RolloutPlan::estimate({sourceUser(QStringLiteral("u1"), QStringLiteral("u@x"))}, {}, {});
    pilot.progress = progress(5, 3);
    pilot.progress.failures.append({QStringLiteral("u1"), QStringLiteral("u1@x"), QStringLiteral("Code"),
        QStringLiteral("reason"), QStringLiteral("explained")});
    pilot.watchStartedAt = QDateTime(QDate(2026, 11, 1), QTime(10, 5, 1, 250), Qt::UTC);
    pilot.assignmentsAdded = 2;
    pilot.message = QStringLiteral("Paused");
    RolloutStage later;
    later.name = QStringLiteral("Later");
    plan.stages = {pilot, later};

    const RolloutPlan copy = RolloutPlan::fromJson(plan.toJson());
    CHECK(copy.toJson() == plan.toJson());
    CHECK(copy.stages.at(0) == pilot);
    CHECK(copy.settings == plan.settings);

    QTemporaryDir directory;
    REQUIRE(directory.isValid());
    tb::store::Database database(directory.filePath(QStringLiteral("profile.sqlite")));
    REQUIRE_FALSE(database.open().has_value());
    tb::sync::RolloutStore store(database);
    REQUIRE_FALSE(store.save(plan).has_value());
    REQUIRE_FALSE(store
                      .recordAssignments(plan.id,
                          {{0, QStringLiteral("g1"), QStringLiteral("a1"), false},
                              {0, QStringLiteral("u1"), QStringLiteral("a2"), false}})
                      .has_value());
    // Saving again (a state change) keeps the recorded assignments.
    plan.stages[0].state = State::Watching;
    REQUIRE_FALSE(store.save(plan).has_value());
    const auto loaded = store.load(plan.id);
    REQUIRE(std::holds_alternative<std::optional<RolloutPlan>>(loaded));
    REQUIRE(std::get<std::optional<RolloutPlan>>(loaded).has_value());
    CHECK(std::get<std::optional<RolloutPlan>>(loaded)->toJson() == plan.toJson());
    const auto latest = store.latest(QStringLiteral("sp"));
    REQUIRE(std::get<std::optional<RolloutPlan>>(latest).has_value());
    CHECK(std::get<std::optional<RolloutPlan>>(latest)->id == plan.id);

    REQUIRE_FALSE(store.markRemoved(plan.id, {QStringLiteral("u1")}).has_value());
    const auto assignments = store.assignments(plan.id, 0);
    REQUIRE(std::holds_alternative<QList<tb::sync::RolloutStore::Assignment>>(assignments));
    const auto& list = std::get<QList<tb::sync::RolloutStore::Assignment>>(assignments);
    REQUIRE(list.size() == 2);
    CHECK(list.at(0).assignmentId == QStringLiteral("a1"));
    CHECK_FALSE(list.at(0).removed);
    CHECK(list.at(1).removed);
    CHECK(std::get<QList<tb::sync::RolloutStore::Assignment>>(store.assignments(plan.id, 1)).isEmpty());
    CHECK(RolloutPlan::undoWarning(plan.stages.at(0)).contains(QStringLiteral("30 days")));
}

TEST_CASE("Progress counts each expected user's newest log entry once", "[unit][sync][rollout]")
{
    const auto entry = [](const QString& user, int minute, const QString& status, const QString& code = {}) {
        tb::model::ProvisioningLogEntry e;
        e.id = user + QString::number(minute);
        e.sourceIdentity.id = user;
        e.sourceIdentity.displayName = user.toUpper();
        e.activityDateTime = QDateTime(QDate(2026, 11, 1), QTime(10, minute), Qt::UTC);
        e.status = status;
        e.error.code = code;
        return e;
    };
    const QList<tb::model::ProvisioningLogEntry> logs {
        entry(QStringLiteral("a"), 1, QStringLiteral("failure"), QStringLiteral("AzureActiveDirectoryConflictEntry")),
        entry(QStringLiteral("a"), 2, QStringLiteral("success")), // fixed since: the newest counts
        entry(QStringLiteral("b"), 3, QStringLiteral("failure"), QStringLiteral("AzureActiveDirectoryConflictEntry")),
        entry(QStringLiteral("b"), 1, QStringLiteral("success")),
        entry(QStringLiteral("c"), 1, QStringLiteral("skipped")),
        entry(QStringLiteral("other"), 1, QStringLiteral("failure"), QStringLiteral("X")), // not this stage's
    };
    const RolloutProgress progress = RolloutProgress::fromLogs(
        logs, {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}, 1);
    CHECK(progress.expected == 4);
    CHECK(progress.processed == 3);
    CHECK(progress.failed == 1);
    CHECK(progress.cyclesCompleted == 1);
    REQUIRE(progress.failures.size() == 1);
    CHECK(progress.failures.first().userId == QStringLiteral("b"));
    CHECK(progress.failures.first().userPrincipalName == QStringLiteral("B"));
    CHECK(progress.failures.first().code == QStringLiteral("AzureActiveDirectoryConflictEntry"));
    CHECK_FALSE(progress.failures.first().explanation.isEmpty());
}

TEST_CASE("The pacer starts unpaced, settles under the limit after throttling and grows back", "[unit][sync][rollout]")
{
    tb::sync::RolloutPacer pacer(0.01);
    CHECK_FALSE(pacer.isPacing());
    CHECK(pacer.waitBeforeSending(20, 0) == 0);
    // A burst of 100 accepted at t=0..50, then a batch sent at t=60 is throttled and comes back at t=1300.
    pacer.noteBatch(0, 40, 0, false, 80);
    pacer.noteBatch(50, 60, 0, false, 120);
    CHECK_FALSE(pacer.isPacing());
    pacer.noteBatch(60, 0, 20, true, 1300);
    REQUIRE(pacer.isPacing());
    CHECK(pacer.itemsPerSecond() == Approx(95.0)); // 95% of the 100 taken in the second before it went out
    // Another batch of the same burst does not cut again.
    pacer.noteBatch(70, 0, 20, true, 1350);
    CHECK(pacer.itemsPerSecond() == Approx(95.0));
    // Paced: 20 items at 95 per second are 210 ms apart.
    CHECK(pacer.waitBeforeSending(20, 2000) == 0);
    CHECK(pacer.waitBeforeSending(20, 2100) == 110);
    pacer.noteBatch(2000, 20, 0, false, 2100);
    CHECK(pacer.itemsPerSecond() == Approx(95.95));
    tb::sync::RolloutPacer off(0.0);
    off.noteBatch(0, 0, 20, true, 1000);
    CHECK_FALSE(off.isPacing());
}
