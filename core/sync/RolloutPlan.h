// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/DirectoryUser.h"
#include "core/model/ProvisioningLogEntry.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>
#include <QStringList>

namespace tb::sync {

// A group or user a rollout stage assigns to the CTS configuration (graph-reference.md 3).
struct RolloutPrincipal
{
    enum class Type { User, Group };

    QString id;
    Type type = Type::Group;
    QString displayName;

    [[nodiscard]] static QString typeName(Type type); // "User", "Group" (Graph's principalType)
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static RolloutPrincipal fromJson(const QJsonObject& json);
    friend bool operator==(const RolloutPrincipal& a, const RolloutPrincipal& b) = default;
};

// What a stage brings before it runs: worked out from the source (direct members of its groups plus its users, minus
// users already in scope or in an earlier stage) and the target (matching B2B users).
struct RolloutEstimate
{
    bool known = false; // false until estimated
    int users = 0; // users the stage brings into the configuration's scope
    // Users with no matching account in the target: sync creates each as a B2B member, and each then counts toward
    // the target's External ID monthly-active-user billing. Guests and disabled users are not counted: the service
    // never creates them.
    int newInTarget = 0;
    int existingInTarget = 0; // an accepted B2B guest of the same person, or a user synced earlier: taken over
    int withoutP1 = 0; // no enabled AAD_PREMIUM / AAD_PREMIUM_P2 service plan in the source
    QStringList userIds; // the users counted in `users`: what progress is measured against

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static RolloutEstimate fromJson(const QJsonObject& json);
    friend bool operator==(const RolloutEstimate& a, const RolloutEstimate& b) = default;
};

// A stage's users that failed to provision during its watch, with what the code means (ErrorCatalogue).
struct RolloutFailure
{
    QString userId;
    QString userPrincipalName;
    QString code;
    QString reason; // the service's sentence
    QString explanation; // ErrorCatalogue: meaning and what to do

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static RolloutFailure fromJson(const QJsonObject& json);
    friend bool operator==(const RolloutFailure& a, const RolloutFailure& b) = default;
};

// How a stage's users fared in the cycles since the stage began (or was resumed), from the provisioning logs: each
// user's latest entry counts once.
struct RolloutProgress
{
    int expected = 0;
    int processed = 0; // users with any log entry (success, failure, skipped, warning)
    int failed = 0;
    int cyclesCompleted = 0; // cycles that ended after the watch began
    QList<RolloutFailure> failures;

    // failed / processed; 0 when nothing was processed.
    [[nodiscard]] double errorRate() const;
    // From the provisioning logs of the watch (any order): each expected user's newest entry counts once, others are
    // ignored; failures are explained with ErrorCatalogue.
    [[nodiscard]] static RolloutProgress fromLogs(
        const QList<model::ProvisioningLogEntry>& entries, const QStringList& expectedUserIds, int cyclesCompleted);
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static RolloutProgress fromJson(const QJsonObject& json);
    friend bool operator==(const RolloutProgress& a, const RolloutProgress& b) = default;
};

// When a rollout pauses itself, and how it sends.
struct RolloutSettings
{
    // Pause when more than this share of the stage's processed users failed AND at least minimumFailures did. The
    // count guards small stages: in a pilot of 5, one user with a conflict in the target is 20% yet says nothing
    // about the configuration; three independent failures are the least that points at a systematic cause (a
    // mapping, a policy, a missing licence). The share guards large stages, where a handful of odd users is
    // expected and should not stop thousands.
    double errorRateThreshold = 0.10;
    int minimumFailures = 3;
    int batchSize = 20; // assignments per $batch (Graph's limit is 20)
    int cyclesToWatch = 1; // a stage is done after this many completed cycles without passing the threshold

    [[nodiscard]] bool thresholdPassed(const RolloutProgress& progress) const;
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static RolloutSettings fromJson(const QJsonObject& json);
    friend bool operator==(const RolloutSettings& a, const RolloutSettings& b) = default;
};

struct RolloutStage
{
    enum class State { Planned, Assigning, Watching, Paused, Done, Undone, Failed };

    QString name;
    QList<RolloutPrincipal> principals;
    State state = State::Planned;
    RolloutEstimate estimate;
    RolloutProgress progress;
    int assignmentsAdded = 0; // assignments this stage made (what undo removes)
    int assignmentsRemoved = 0;
    QDateTime watchStartedAt; // UTC; logs since then count (reset by resume)
    QString message; // the last thing that happened, for a person
    // The runner stopped this stage's step (its estimate, assignments, watch or undo) because an account must sign
    // in again; the state is what it was, so the same step goes on after the sign-in. Cleared when it does.
    bool waitsForSignIn = false;

    [[nodiscard]] static QString stateName(State state); // planned, assigning, watching, paused, done, undone, failed
    [[nodiscard]] static State stateFromName(const QString& name); // unknown: Failed
    // The allowed moves: planned → assigning → watching → done | paused; paused → watching (resume); assigning or
    // watching → failed (a call failed for good); failed → assigning (run again); assigning, watching, paused, done,
    // failed → undone (undo). Planned and undone stages have nothing to undo.
    [[nodiscard]] static bool canMove(State from, State to);
    // Moves when allowed; false (and no change) otherwise.
    bool moveTo(State to);
    [[nodiscard]] bool isActive() const; // assigning, watching or paused

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static RolloutStage fromJson(const QJsonObject& json);
    friend bool operator==(const RolloutStage& a, const RolloutStage& b) = default;
};

// A staged rollout of one CTS configuration: ordered stages (test users → a pilot group → further groups → all in
// scope), each assigned in batches and watched through cycles. Kept in the store (RolloutStore), so a restarted
// runner resumes it. Value type, any thread.
struct RolloutPlan
{
    QString id; // also the journal's run id
    QDateTime createdAt;
    QString sourceTenantId;
    QString targetTenantId;
    QString servicePrincipalId;
    QString jobId;
    RolloutSettings settings;
    QList<RolloutStage> stages;

    // The stage being assigned, watched or paused; -1 when none.
    [[nodiscard]] int activeStage() const;
    // The stage `run` would start: the active one, else the first planned or failed one; -1 when all are through.
    [[nodiscard]] int nextStage() const;
    // By name, case-insensitive; -1 when none.
    [[nodiscard]] int stageIndex(const QString& name) const;
    [[nodiscard]] QString stateSummary() const; // "stage 2 of 3 (Engineering): watching"

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static RolloutPlan fromJson(const QJsonObject& json);

    // The estimate of one stage. stageUsers: direct members of its groups and its users (duplicates allowed);
    // alreadyInScope: ids of users assigned already or by an earlier stage; targetUsers: the target's users with
    // mail, userPrincipalName, creationType and externalUserState.
    [[nodiscard]] static RolloutEstimate estimate(const QList<model::DirectoryUser>& stageUsers,
        const QSet<QString>& alreadyInScope, const QList<model::DirectoryUser>& targetUsers);
    // The matching rule of the service (and the sandbox): an accepted B2B account (creationType Invitation, not
    // PendingAcceptance) whose mail equals the source user's mail (or UPN when it has none), case-insensitive. Users
    // sync created earlier are such accounts too, so "linked earlier" is covered.
    [[nodiscard]] static bool matches(const model::DirectoryUser& source, const model::DirectoryUser& target);
    // An enabled AAD_PREMIUM (P1) or AAD_PREMIUM_P2 service plan among assignedPlans.
    [[nodiscard]] static bool hasP1(const model::DirectoryUser& user);
    // The undo warning a person confirms.
    [[nodiscard]] static QString undoWarning(const RolloutStage& stage);
};

} // namespace tb::sync

Q_DECLARE_METATYPE(tb::sync::RolloutPlan)
