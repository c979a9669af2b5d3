// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/RolloutPlan.h"

#include "core/sync/ErrorCatalogue.h"

#include <QJsonArray>

#include <algorithm>

namespace tb::sync {

namespace {

const QString kPlanP1 = QStringLiteral("41781fb2-bc02-4b7c-bd55-b576c07bb09d"); // AAD_PREMIUM
const QString kPlanP2 = QStringLiteral("eec0eb4f-6444-4f95-aba0-50c24d67f998"); // AAD_PREMIUM_P2

QString timeText(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QJsonValue& value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

template <typename T>
QJsonArray arrayOf(const QList<T>& items)
{
    QJsonArray array;
    for (const T& item : items) {
        array.append(item.toJson());
    }
    return array;
}

template <typename T>
QList<T> listOf(const QJsonValue& value)
{
    QList<T> items;
    const QJsonArray array = value.toArray();
    for (const QJsonValue& item : array) {
        items.append(T::fromJson(item.toObject()));
    }
    return items;
}

const QList<QPair<RolloutStage::State, QString>>& stateNames()
{
    static const QList<QPair<RolloutStage::State, QString>> names {
        {RolloutStage::State::Planned, QStringLiteral("planned")},
        {RolloutStage::State::Assigning, QStringLiteral("assigning")},
        {RolloutStage::State::Watching, QStringLiteral("watching")},
        {RolloutStage::State::Paused, QStringLiteral("paused")},
        {RolloutStage::State::Done, QStringLiteral("done")},
        {RolloutStage::State::Undone, QStringLiteral("undone")},
        {RolloutStage::State::Failed, QStringLiteral("failed")},
    };
    return names;
}

} // namespace

QString RolloutPrincipal::typeName(Type type)
{
    return type == Type::User ? QStringLiteral("User") : QStringLiteral("Group");
}

QJsonObject RolloutPrincipal::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("type"), typeName(type)},
        {QStringLiteral("displayName"), displayName}};
}

RolloutPrincipal RolloutPrincipal::fromJson(const QJsonObject& json)
{
    RolloutPrincipal principal;
    principal.id = json.value(QLatin1String("id")).toString();
    principal.type
        = json.value(QLatin1String("type")).toString().compare(QLatin1String("User"), Qt::CaseInsensitive) == 0
        ? Type::User
        : Type::Group;
    principal.displayName = json.value(QLatin1String("displayName")).toString();
    return principal;
}

QJsonObject RolloutEstimate::toJson() const
{
    return {{QStringLiteral("known"), known}, {QStringLiteral("users"), users},
        {QStringLiteral("newInTarget"), newInTarget}, {QStringLiteral("existingInTarget"), existingInTarget},
        {QStringLiteral("withoutP1"), withoutP1}, {QStringLiteral("userIds"), QJsonArray::fromStringList(userIds)}};
}

RolloutEstimate RolloutEstimate::fromJson(const QJsonObject& json)
{
    RolloutEstimate estimate;
    estimate.known = json.value(QLatin1String("known")).toBool();
    estimate.users = json.value(QLatin1String("users")).toInt();
    estimate.newInTarget = json.value(QLatin1String("newInTarget")).toInt();
    estimate.existingInTarget = json.value(QLatin1String("existingInTarget")).toInt();
    estimate.withoutP1 = json.value(QLatin1String("withoutP1")).toInt();
    for (const QJsonValue& id : json.value(QLatin1String("userIds")).toArray()) {
        estimate.userIds.append(id.toString());
    }
    return estimate;
}

QJsonObject RolloutFailure::toJson() const
{
    return {{QStringLiteral("userId"), userId}, {QStringLiteral("userPrincipalName"), userPrincipalName},
        {QStringLiteral("code"), code}, {QStringLiteral("reason"), reason},
        {QStringLiteral("explanation"), explanation}};
}

RolloutFailure RolloutFailure::fromJson(const QJsonObject& json)
{
    RolloutFailure failure;
    failure.userId = json.value(QLatin1String("userId")).toString();
    failure.userPrincipalName = json.value(QLatin1String("userPrincipalName")).toString();
    failure.code = json.value(QLatin1String("code")).toString();
    failure.reason = json.value(QLatin1String("reason")).toString();
    failure.explanation = json.value(QLatin1String("explanation")).toString();
    return failure;
}

double RolloutProgress::errorRate() const
{
    return processed > 0 ? static_cast<double>(failed) / processed : 0.0;
}

RolloutProgress RolloutProgress::fromLogs(
    const QList<model::ProvisioningLogEntry>& entries, const QStringList& expectedUserIds, int cyclesCompleted)
{
    const QSet<QString> expected(expectedUserIds.cbegin(), expectedUserIds.cend());
    QList<model::ProvisioningLogEntry> sorted = entries;
    std::stable_sort(sorted.begin(), sorted.end(),
        [](const auto& a, const auto& b) { return a.activityDateTime > b.activityDateTime; });
    QSet<QString> seen;
    RolloutProgress progress;
    progress.expected = static_cast<int>(expectedUserIds.size());
    progress.cyclesCompleted = cyclesCompleted;
    for (const model::ProvisioningLogEntry& entry : std::as_const(sorted)) {
        const QString userId = entry.sourceIdentity.id;
        if (!expected.contains(userId) || seen.contains(userId)) {
            continue;
        }
        seen.insert(userId);
        ++progress.processed;
        if (!entry.isFailure()) {
            continue;
        }
        ++progress.failed;
        const ErrorCatalogue::Explanation explanation = ErrorCatalogue::builtIn().explainError(entry.error.code);
        RolloutFailure failure;
        failure.userId = userId;
        failure.userPrincipalName = entry.sourceIdentity.displayName;
        for (const auto& [key, value] : entry.sourceIdentity.details) {
            if (key.compare(QLatin1String("UserPrincipalName"), Qt::CaseInsensitive) == 0) {
                failure.userPrincipalName = value;
            }
        }
        failure.code = entry.error.code;
        failure.reason = entry.error.reason;
        failure.explanation = explanation.action.isEmpty()
            ? explanation.meaning
            : QStringLiteral("%1 %2").arg(explanation.meaning, explanation.action);
        progress.failures.append(failure);
    }
    return progress;
}

QJsonObject RolloutProgress::toJson() const
{
    return {{QStringLiteral("expected"), expected}, {QStringLiteral("processed"), processed},
        {QStringLiteral("failed"), failed}, {QStringLiteral("cyclesCompleted"), cyclesCompleted},
        {QStringLiteral("failures"), arrayOf(failures)}};
}

RolloutProgress RolloutProgress::fromJson(const QJsonObject& json)
{
    RolloutProgress progress;
    progress.expected = json.value(QLatin1String("expected")).toInt();
    progress.processed = json.value(QLatin1String("processed")).toInt();
    progress.failed = json.value(QLatin1String("failed")).toInt();
    progress.cyclesCompleted = json.value(QLatin1String("cyclesCompleted")).toInt();
    progress.failures = listOf<RolloutFailure>(json.value(QLatin1String("failures")));
    return progress;
}

bool RolloutSettings::thresholdPassed(const RolloutProgress& progress) const
{
    return progress.failed >= minimumFailures && progress.errorRate() > errorRateThreshold;
}

QJsonObject RolloutSettings::toJson() const
{
    return {{QStringLiteral("errorRateThreshold"), errorRateThreshold},
        {QStringLiteral("minimumFailures"), minimumFailures}, {QStringLiteral("batchSize"), batchSize},
        {QStringLiteral("cyclesToWatch"), cyclesToWatch}};
}

RolloutSettings RolloutSettings::fromJson(const QJsonObject& json)
{
    RolloutSettings settings;
    settings.errorRateThreshold = json.value(QLatin1String("errorRateThreshold")).toDouble(settings.errorRateThreshold);
    settings.minimumFailures = json.value(QLatin1String("minimumFailures")).toInt(settings.minimumFailures);
    settings.batchSize = std::clamp(json.value(QLatin1String("batchSize")).toInt(settings.batchSize), 1, 20);
    settings.cyclesToWatch = std::max(1, json.value(QLatin1String("cyclesToWatch")).toInt(settings.cyclesToWatch));
    return settings;
}

QString RolloutStage::stateName(State state)
{
    for (const auto& [value, name] : stateNames()) {
        if (value == state) {
            return name;
        }
    }
    return QStringLiteral("failed");
}

RolloutStage::State RolloutStage::stateFromName(const QString& name)
{
    for (const auto& [value, text] : stateNames()) {
        if (text.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return State::Failed;
}

bool RolloutStage::canMove(State from, State to)
{
    switch (to) {
    case State::Planned:
        return false;
    case State::Assigning:
        return from == State::Planned || from == State::Failed || from == State::Assigning;
    case State::Watching:
        return from == State::Assigning || from == State::Paused || from == State::Watching;
    case State::Paused:
        return from == State::Watching || from == State::Paused;
    case State::Done:
        return from == State::Watching;
    case State::Failed:
        return from == State::Assigning || from == State::Watching;
    case State::Undone:
        return from != State::Planned && from != State::Undone;
    }
    return false;
}

bool RolloutStage::moveTo(State to)
{
    if (!canMove(state, to)) {
        return false;
    }
    state = to;
    return true;
}

bool RolloutStage::isActive() const
{
    return state == State::Assigning || state == State::Watching || state == State::Paused;
}

QJsonObject RolloutStage::toJson() const
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("principals"), arrayOf(principals)},
        {QStringLiteral("state"), stateName(state)}, {QStringLiteral("estimate"), estimate.toJson()},
        {QStringLiteral("progress"), progress.toJson()}, {QStringLiteral("assignmentsAdded"), assignmentsAdded},
        {QStringLiteral("assignmentsRemoved"), assignmentsRemoved},
        {QStringLiteral("watchStartedAt"), timeText(watchStartedAt)}, {QStringLiteral("message"), message},
        {QStringLiteral("waitsForSignIn"), waitsForSignIn}};
}

RolloutStage RolloutStage::fromJson(const QJsonObject& json)
{
    RolloutStage stage;
    stage.name = json.value(QLatin1String("name")).toString();
    stage.principals = listOf<RolloutPrincipal>(json.value(QLatin1String("principals")));
    stage.state = stateFromName(json.value(QLatin1String("state")).toString());
    stage.estimate = RolloutEstimate::fromJson(json.value(QLatin1String("estimate")).toObject());
    stage.progress = RolloutProgress::fromJson(json.value(QLatin1String("progress")).toObject());
    stage.assignmentsAdded = json.value(QLatin1String("assignmentsAdded")).toInt();
    stage.assignmentsRemoved = json.value(QLatin1String("assignmentsRemoved")).toInt();
    stage.watchStartedAt = timeFrom(json.value(QLatin1String("watchStartedAt")));
    stage.message = json.value(QLatin1String("message")).toString();
    stage.waitsForSignIn = json.value(QLatin1String("waitsForSignIn")).toBool();
    return stage;
}

int RolloutPlan::activeStage() const
{
    for (int i = 0; i < stages.size(); ++i) {
        if (stages.at(i).isActive()) {
            return i;
        }
    }
    return -1;
}

int RolloutPlan::nextStage() const
{
    const int active = activeStage();
    if (active >= 0) {
        return active;
    }
    for (int i = 0; i < stages.size(); ++i) {
        const RolloutStage::State state = stages.at(i).state;
        if (state == RolloutStage::State::Planned || state == RolloutStage::State::Failed) {
            return i;
        }
    }
    return -1;
}

int RolloutPlan::stageIndex(const QString& name) const
{
    for (int i = 0; i < stages.size(); ++i) {
        if (stages.at(i).name.compare(name, Qt::CaseInsensitive) == 0) {
            return i;
        }
    }
    return -1;
}

QString RolloutPlan::stateSummary() const
{
    int index = activeStage();
    if (index < 0) {
        index = nextStage();
    }
    if (index < 0) {
        return QStringLiteral("all %1 stages are through").arg(stages.size());
    }
    const RolloutStage& stage = stages.at(index);
    return QStringLiteral("stage %1 of %2 (%3): %4%5")
        .arg(index + 1)
        .arg(stages.size())
        .arg(stage.name, RolloutStage::stateName(stage.state),
            stage.waitsForSignIn ? QStringLiteral(", stopped until you sign in again") : QString());
}

QJsonObject RolloutPlan::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("createdAt"), timeText(createdAt)},
        {QStringLiteral("sourceTenantId"), sourceTenantId}, {QStringLiteral("targetTenantId"), targetTenantId},
        {QStringLiteral("servicePrincipalId"), servicePrincipalId}, {QStringLiteral("jobId"), jobId},
        {QStringLiteral("settings"), settings.toJson()}, {QStringLiteral("stages"), arrayOf(stages)}};
}

RolloutPlan RolloutPlan::fromJson(const QJsonObject& json)
{
    RolloutPlan plan;
    plan.id = json.value(QLatin1String("id")).toString();
    plan.createdAt = timeFrom(json.value(QLatin1String("createdAt")));
    plan.sourceTenantId = json.value(QLatin1String("sourceTenantId")).toString();
    plan.targetTenantId = json.value(QLatin1String("targetTenantId")).toString();
    plan.servicePrincipalId = json.value(QLatin1String("servicePrincipalId")).toString();
    plan.jobId = json.value(QLatin1String("jobId")).toString();
    plan.settings = RolloutSettings::fromJson(json.value(QLatin1String("settings")).toObject());
    plan.stages = listOf<RolloutStage>(json.value(QLatin1String("stages")));
    return plan;
}

bool RolloutPlan::matches(const model::DirectoryUser& source, const model::DirectoryUser& target)
{
    if (target.creationType.compare(QLatin1String("Invitation"), Qt::CaseInsensitive) != 0
        || target.externalUserState.compare(QLatin1String("PendingAcceptance"), Qt::CaseInsensitive) == 0) {
        return false;
    }
    const QString mail = source.mail.isEmpty() ? source.userPrincipalName : source.mail;
    return !mail.isEmpty() && target.mail.compare(mail, Qt::CaseInsensitive) == 0;
}

bool RolloutPlan::hasP1(const model::DirectoryUser& user)
{
    return user.hasEnabledPlan(kPlanP1) || user.hasEnabledPlan(kPlanP2);
}

RolloutEstimate RolloutPlan::estimate(const QList<model::DirectoryUser>& stageUsers,
    const QSet<QString>& alreadyInScope, const QList<model::DirectoryUser>& targetUsers)
{
    // Index the target's B2B accounts by mail once: a stage can hold thousands of users.
    QHash<QString, bool> targetMails;
    for (const model::DirectoryUser& target : targetUsers) {
        if (!target.mail.isEmpty()) {
            model::DirectoryUser probe;
            probe.mail = target.mail;
            if (matches(probe, target)) {
                targetMails.insert(target.mail.toLower(), true);
            }
        }
    }
    RolloutEstimate estimate;
    estimate.known = true;
    QSet<QString> seen;
    for (const model::DirectoryUser& user : stageUsers) {
        if (user.id.isEmpty() || alreadyInScope.contains(user.id) || seen.contains(user.id)) {
            continue;
        }
        seen.insert(user.id);
        ++estimate.users;
        estimate.userIds.append(user.id);
        if (!hasP1(user)) {
            ++estimate.withoutP1;
        }
        const QString mail = (user.mail.isEmpty() ? user.userPrincipalName : user.mail).toLower();
        if (!mail.isEmpty() && targetMails.contains(mail)) {
            ++estimate.existingInTarget;
        } else if (!user.isGuest() && user.accountEnabled.value_or(true)) {
            ++estimate.newInTarget;
        }
    }
    return estimate;
}

QString RolloutPlan::undoWarning(const RolloutStage& stage)
{
    return QStringLiteral(
        "Undo removes the %1 assignment(s) stage \"%2\" added to the configuration, and nothing else. On the next "
        "cycle the users that leave the configuration's scope through this are soft-deleted in the target tenant: "
        "they lose access there at once and can be restored from its deleted users for 30 days, after which they are "
        "gone for good. Users that are still in scope through another group or stage stay. While the job is paused "
        "nothing is deleted: the next cycle after it is started does it.")
        .arg(stage.assignmentsAdded - stage.assignmentsRemoved)
        .arg(stage.name);
}

} // namespace tb::sync
