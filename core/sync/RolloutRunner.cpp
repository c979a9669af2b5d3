// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/RolloutRunner.h"

#include "core/CoreLogging.h"
#include "core/graph/BatchRequest.h"
#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/AppRoleAssignmentEndpoints.h"
#include "core/store/Journal.h"
#include "core/sync/RolloutEstimator.h"
#include "core/sync/RolloutJournal.h"
#include "core/sync/RolloutPacer.h"
#include "core/sync/RolloutStore.h"
#include "core/sync/RolloutWatcher.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>

namespace tb::sync {

namespace {

using Phase = store::JournalEntry::Phase;

// Graph refuses a second identical assignment with 400 "Permission being assigned already exists on the object"
// (some services answer 409): either way the principal is assigned, which is what the stage wanted.
bool alreadyExists(const graph::GraphResponse& response)
{
    if (response.httpStatus() == 409) {
        return true;
    }
    const QString text = response.error().message() + QLatin1Char(' ')
        + response.json().value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
    return response.httpStatus() == 400 && text.contains(QLatin1String("already exists"), Qt::CaseInsensitive);
}

QString describe(const graph::GraphResponse& response)
{
    return QStringLiteral("HTTP %1: %2").arg(response.httpStatus()).arg(response.error().userMessage());
}

} // namespace

RolloutRunner::RolloutRunner(graph::GraphClient& sourceClient, graph::GraphClient& targetClient,
    store::Journal& journal, RolloutStore& store, QObject* parent)
    : QObject(parent)
    , m_source(sourceClient)
    , m_target(targetClient)
    , m_journal(journal)
    , m_store(store)
    , m_paceTimer(new QTimer(this))
{
    m_paceTimer->setSingleShot(true);
    m_paceTimer->setTimerType(Qt::PreciseTimer);
    connect(m_paceTimer, &QTimer::timeout, this, &RolloutRunner::sendBatches);
}

RolloutRunner::~RolloutRunner()
{
    // Batches still in flight are cancelled with their children; their journal keeps the intent, which is what a
    // resumed runner checks against the tenant.
    for (const QPointer<graph::BatchRequest>& batch : std::as_const(m_batchRequests)) {
        if (batch) {
            disconnect(batch, nullptr, this, nullptr);
            batch->cancel();
        }
    }
}

void RolloutRunner::setSettings(const Settings& settings)
{
    m_settings = settings;
    m_settings.concurrentBatches = std::max(1, settings.concurrentBatches);
    m_pacer = RolloutPacer(settings.paceGrowth);
}

void RolloutRunner::open(const RolloutPlan& plan)
{
    m_plan = plan;
    m_journal.setRun(plan.id, plan.sourceTenantId);
}

QString RolloutRunner::undoWarning(int stage) const
{
    if (stage < 0 || stage >= m_plan.stages.size()) {
        return {};
    }
    return RolloutPlan::undoWarning(m_plan.stages.at(stage));
}

bool RolloutRunner::needsSignIn(const graph::GraphError& error)
{
    if (error.kind() != graph::GraphError::Kind::Auth) {
        return false;
    }
    // The token source's codes (auth::TokenCache): "try_later" and "configuration" are not cured by a sign-in.
    return error.httpStatus() == 401 || error.code() == QLatin1String("sign_in_required")
        || error.code() == QLatin1String("no_account");
}

bool RolloutRunner::refuseWhenBusy()
{
    if (m_action == Action::None) {
        return false;
    }
    emit actionFailed(QStringLiteral("The rollout is busy with another step; wait for it to finish."));
    return true;
}

bool RolloutRunner::saveOrReport()
{
    if (const auto error = m_store.save(m_plan)) {
        emit actionFailed(QStringLiteral("Could not save the rollout: %1").arg(error->detail()));
        return false;
    }
    emit planChanged(m_plan);
    return true;
}

void RolloutRunner::endAction()
{
    m_action = Action::None;
    m_batches.clear();
    m_batchRequests.clear();
}

void RolloutRunner::fail(int stage, const QString& message)
{
    qCWarning(lcSync) << "rollout" << m_plan.id << "stage" << stage << "failed:" << message;
    if (stage >= 0 && stage < m_plan.stages.size()) {
        RolloutStage& s = m_plan.stages[stage];
        s.moveTo(RolloutStage::State::Failed);
        s.message = message;
        s.waitsForSignIn = false;
        (void)saveOrReport();
    }
    const bool assigning = m_action == Action::Assigning || m_action == Action::Estimating;
    endAction();
    if (assigning) {
        emit assigned(stage, false, message);
    }
    emit stageFinished(stage, RolloutStage::State::Failed, message);
}

void RolloutRunner::stopForSignIn(int stage, const graph::GraphError& error)
{
    const Action action = m_action;
    if (m_watcher) {
        m_watcher->stop();
    }
    m_paceTimer->stop();
    const QString message = action == Action::Undoing
        ? QStringLiteral("Undo stopped until you sign in again: %1 Then undo the stage again; it removes only the "
                         "assignments that are left.")
              .arg(error.userMessage())
        : QStringLiteral("Stopped until you sign in again: %1 After the sign-in the stage goes on where it stopped; "
                         "what it did so far is kept and not sent again.")
              .arg(error.userMessage());
    qCWarning(lcSync) << "rollout" << m_plan.id << "stage" << stage << "stopped: sign-in needed;"
                      << error.toLogString();
    if (stage >= 0 && stage < m_plan.stages.size()) {
        RolloutStage& s = m_plan.stages[stage];
        s.waitsForSignIn = true;
        s.message = message;
        (void)saveOrReport();
    }
    endAction();
    if (action == Action::Assigning || action == Action::Estimating) {
        emit assigned(stage, false, message);
    }
    emit signInRequired(stage, message);
}

void RolloutRunner::runNextStage()
{
    if (refuseWhenBusy()) {
        return;
    }
    const int stage = m_plan.nextStage();
    if (stage < 0) {
        emit actionFailed(QStringLiteral("Every stage of this rollout has run; plan a new stage to go on."));
        return;
    }
    const RolloutStage::State state = m_plan.stages.at(stage).state;
    m_watchAfterAssigning = true;
    if (state == RolloutStage::State::Watching) {
        beginWatching(stage);
    } else if (state == RolloutStage::State::Paused) {
        emit actionFailed(
            QStringLiteral("Stage \"%1\" is paused; resume it (or undo it) first.").arg(m_plan.stages.at(stage).name));
    } else if (state == RolloutStage::State::Assigning) {
        beginAssigning(stage, true);
    } else {
        estimateThenAssign(stage);
    }
}

void RolloutRunner::assignNextStage()
{
    if (refuseWhenBusy()) {
        return;
    }
    const int stage = m_plan.nextStage();
    if (stage < 0 || m_plan.stages.at(stage).state == RolloutStage::State::Watching
        || m_plan.stages.at(stage).state == RolloutStage::State::Paused) {
        emit actionFailed(QStringLiteral("No stage is waiting to be assigned."));
        return;
    }
    m_watchAfterAssigning = false;
    if (m_plan.stages.at(stage).state == RolloutStage::State::Assigning) {
        beginAssigning(stage, false);
    } else {
        estimateThenAssign(stage);
    }
}

void RolloutRunner::estimateThenAssign(int stage)
{
    if (!m_settings.estimateFirst && m_plan.stages.at(stage).estimate.known) {
        beginAssigning(stage, m_watchAfterAssigning);
        return;
    }
    m_action = Action::Estimating;
    m_stage = stage;
    auto* estimator = new RolloutEstimator(m_source, m_target, this);
    connect(estimator, &RolloutEstimator::finished, this,
        [this, estimator, stage](const RolloutPlan& estimated, bool succeeded, const QString& problem) {
            estimator->deleteLater();
            if (!succeeded && needsSignIn(estimator->error())) {
                stopForSignIn(stage, estimator->error());
                return;
            }
            if (!succeeded) {
                fail(stage, QStringLiteral("Could not work out what the stage brings: %1").arg(problem));
                return;
            }
            m_plan.stages[stage].estimate = estimated.stages.at(stage).estimate;
            m_plan.stages[stage].progress.expected = m_plan.stages.at(stage).estimate.users;
            beginAssigning(stage, m_watchAfterAssigning);
        });
    estimator->start(m_plan, stage);
}

void RolloutRunner::beginAssigning(int stage, bool watchAfter)
{
    m_action = Action::Assigning;
    m_stage = stage;
    m_watchAfterAssigning = watchAfter;
    RolloutStage& s = m_plan.stages[stage];
    if (s.state != RolloutStage::State::Assigning && !s.moveTo(RolloutStage::State::Assigning)) {
        fail(stage,
            QStringLiteral("Stage \"%1\" cannot be assigned from state %2.")
                .arg(s.name, RolloutStage::stateName(s.state)));
        return;
    }
    s.message = QStringLiteral("Assigning %1 principal(s) to the configuration").arg(s.principals.size());
    s.waitsForSignIn = false;
    if (!saveOrReport()) {
        endAction();
        return;
    }
    // The role comes from the configuration's service principal: its id differs per configuration.
    graph::GraphRequest request = graph::GraphRequest::get(
        QStringLiteral("/servicePrincipals/") + graph::GraphRequest::pathSegment(m_plan.servicePrincipalId));
    request.setPathTemplate(QStringLiteral("/servicePrincipals/{id}"));
    request.addQueryItem(QStringLiteral("$select"), QStringLiteral("id,appRoles"));
    m_source.send(request, this, [this, stage](const graph::GraphResponse& response) {
        if (!response.isSuccess() && needsSignIn(response.error())) {
            stopForSignIn(stage, response.error());
            return;
        }
        if (!response.isSuccess()) {
            fail(stage,
                QStringLiteral("Could not read the configuration's service principal: %1")
                    .arg(response.error().userMessage()));
            return;
        }
        m_roleId = graph::AppRoleAssignmentEndpoints::msiamAccessRoleId(response.json());
        if (m_roleId.isEmpty()) {
            fail(stage, QStringLiteral("The configuration's service principal has no msiam_access app role."));
            return;
        }
        readAssignmentsThen([this, stage](const QHash<QString, QString>& current) { planBatches(stage, current); });
    });
}

void RolloutRunner::readAssignmentsThen(const std::function<void(const QHash<QString, QString>&)>& then)
{
    auto current = std::make_shared<QHash<QString, QString>>();
    graph::AppRoleAssignmentEndpoints endpoints(m_source);
    graph::PageReader* reader = endpoints.listAssignments(m_plan.servicePrincipalId, this);
    connect(reader, &graph::PageReader::pageReceived, this, [current](const QJsonArray& page) {
        for (const model::AppRoleAssignment& a : graph::AppRoleAssignmentEndpoints::parseAssignments(page)) {
            current->insert(a.principalId, a.id);
        }
    });
    const int stage = m_stage;
    connect(reader, &graph::PageReader::finished, this, [this, current, then, stage](const graph::PageReadResult& r) {
        if (!r.isComplete()) {
            const QString problem
                = QStringLiteral("Could not read the configuration's assignments: %1").arg(r.error.userMessage());
            if (needsSignIn(r.error)) {
                stopForSignIn(stage, r.error);
            } else if (m_action == Action::Undoing) {
                undoFailed(problem);
            } else {
                fail(stage, problem);
            }
            return;
        }
        then(*current);
    });
    reader->start();
}

bool RolloutRunner::closeLostSteps(const QList<RolloutJournal::OpenStep>& open,
    const std::function<bool(const QString&)>& endedAsAsked, LostStepKind kind)
{
    const bool undo = kind == LostStepKind::Undo;
    for (const RolloutJournal::OpenStep& step : open) {
        int pending = 0;
        for (const QString& id : step.principalIds) {
            pending += endedAsAsked(id) ? 0 : 1;
        }
        const auto total = step.principalIds.size();
        QString detail;
        if (pending == 0) {
            detail = undo ? QStringLiteral("removed %1 (the answer was lost when the rollout stopped; the tenant no "
                                           "longer holds them)")
                                .arg(total)
                          : QStringLiteral("assigned %1 (the answer was lost when the rollout stopped; the tenant "
                                           "holds them)")
                                .arg(total);
        } else {
            detail = undo ? QStringLiteral("the answer was lost when the rollout stopped; %1 of %2 still assigned, "
                                           "removed again")
                                .arg(pending)
                                .arg(total)
                          : QStringLiteral("the answer was lost when the rollout stopped; %1 of %2 not in the "
                                           "tenant, sent again")
                                .arg(pending)
                                .arg(total);
        }
        if (!journal(step.stepKey, pending == 0 ? Phase::Done : Phase::Failed, detail, step.principalIds,
                undo ? QStringLiteral("DELETE") : QStringLiteral("POST"))) {
            return false;
        }
    }
    return true;
}

bool RolloutRunner::journal(
    const QString& stepKey, Phase phase, const QString& detail, const QStringList& principalIds, const QString& method)
{
    const QString problem = m_journal.record(stepKey, phase, m_stage, principalIds, method, detail);
    if (!problem.isEmpty()) {
        m_problems.append(problem);
    }
    return problem.isEmpty();
}

void RolloutRunner::resetBatches()
{
    m_batches.clear();
    m_unknownIds.clear();
    m_problems.clear();
    m_signInError = graph::GraphError();
    m_batchRequests.clear();
    m_nextBatch = 0;
    m_batchesInFlight = 0;
    m_itemsToSend = 0;
    m_itemsDone = 0;
}

void RolloutRunner::planBatches(int stage, const QHash<QString, QString>& current)
{
    resetBatches();
    const RolloutStage& s = m_plan.stages.at(stage);
    const auto stored = m_store.assignments(m_plan.id, stage);
    if (std::holds_alternative<store::StoreError>(stored)) {
        fail(stage, std::get<store::StoreError>(stored).detail());
        return;
    }
    QSet<QString> recorded;
    for (const RolloutStore::Assignment& a : std::get<QList<RolloutStore::Assignment>>(stored)) {
        if (!a.removed) {
            recorded.insert(a.principalId);
        }
    }
    const QList<RolloutJournal::OpenStep> open = m_journal.openSteps(stage, QStringLiteral("assign"));
    QSet<QString> interrupted;
    for (const RolloutJournal::OpenStep& step : open) {
        for (const QString& id : step.principalIds) {
            interrupted.insert(id);
        }
    }
    QList<RolloutStore::Assignment> adopted; // ours, though the answer never arrived
    QStringList toSend;
    int before = 0;
    for (const RolloutPrincipal& principal : s.principals) {
        if (recorded.contains(principal.id)) {
            continue;
        }
        if (current.contains(principal.id)) {
            if (interrupted.contains(principal.id)) {
                adopted.append({stage, principal.id, current.value(principal.id), false});
            } else {
                ++before; // assigned before the rollout: not this stage's to undo
            }
            continue;
        }
        toSend.append(principal.id);
    }
    if (!adopted.isEmpty()) {
        if (const auto error = m_store.recordAssignments(m_plan.id, adopted)) {
            fail(stage, error->detail());
            return;
        }
    }
    // The batches whose answer was lost get their outcome, as read from the tenant now.
    if (!closeLostSteps(
            open, [&current](const QString& id) { return current.contains(id); }, LostStepKind::Assign)) {
        fail(stage, m_problems.join(QLatin1Char(' ')));
        return;
    }
    m_plan.stages[stage].assignmentsAdded = static_cast<int>(recorded.size() + adopted.size());
    if (before > 0) {
        m_plan.stages[stage].message
            = QStringLiteral("%1 principal(s) were assigned before this stage; they are left as they are.").arg(before);
    }
    m_pacer = RolloutPacer(m_settings.paceGrowth); // each stage learns the service's limit afresh
    m_itemsToSend = static_cast<int>(toSend.size());
    const int size = std::clamp(m_plan.settings.batchSize, 1, graph::BatchRequest::kMaxBatchSize);
    for (qsizetype i = 0; i < toSend.size(); i += size) {
        Batch batch;
        batch.principalIds = toSend.mid(i, size);
        batch.stepKey = m_journal.nextStepKey(stage, QStringLiteral("assign"), static_cast<int>(m_batches.size()));
        m_batches.append(batch);
    }
    sendBatches();
}

void RolloutRunner::sendBatches()
{
    // Paced, the pace limits the rate; a throttled batch then waits out its Retry-After without holding back the
    // next ones (a batch waiting to retry holds no connection).
    const int inFlightCap
        = m_pacer.isPacing() ? std::max(m_settings.concurrentBatches, 16) : m_settings.concurrentBatches;
    // After a lost sign-in nothing more is sent: the batches in flight end, then the action stops.
    while (!m_signInError.isError() && m_batchesInFlight < inFlightCap && m_nextBatch < m_batches.size()) {
        if (const qint64 wait = m_pacer.waitBeforeSending(
                static_cast<int>(m_batches.at(m_nextBatch).principalIds.size()), RolloutPacer::nowMs());
            wait > 0) {
            m_paceTimer->start(static_cast<int>(wait));
            return;
        }
        const int index = m_nextBatch++;
        m_batches[index].sentAtMs = RolloutPacer::nowMs();
        const Batch& batch = m_batches.at(index);
        const bool undoing = m_action == Action::Undoing;
        QList<graph::GraphRequest> requests;
        const auto stored = undoing ? m_store.assignments(m_plan.id, m_stage)
                                    : std::variant<QList<RolloutStore::Assignment>, store::StoreError>();
        QHash<QString, QString> assignmentIds;
        if (undoing && std::holds_alternative<QList<RolloutStore::Assignment>>(stored)) {
            for (const RolloutStore::Assignment& a : std::get<QList<RolloutStore::Assignment>>(stored)) {
                assignmentIds.insert(a.principalId, a.assignmentId);
            }
        }
        for (const QString& principalId : batch.principalIds) {
            requests.append(undoing ? graph::AppRoleAssignmentEndpoints::removeAssignmentRequest(
                                m_plan.servicePrincipalId, assignmentIds.value(principalId))
                                    : graph::AppRoleAssignmentEndpoints::addAssignmentRequest(
                                        m_plan.servicePrincipalId, principalId, m_roleId));
        }
        // Intent first: if the process dies after this, the next runner checks the tenant for these principals.
        if (!journal(batch.stepKey, Phase::Intent,
                undoing ? QStringLiteral("remove %1 assignment(s)").arg(requests.size())
                        : QStringLiteral("assign %1 principal(s)").arg(requests.size()),
                batch.principalIds, undoing ? QStringLiteral("DELETE") : QStringLiteral("POST"))) {
            fail(m_stage, m_problems.join(QLatin1Char(' ')));
            return;
        }
        auto* request = new graph::BatchRequest(m_source, requests, this);
        m_batchRequests.append(request);
        ++m_batchesInFlight;
        connect(request, &graph::BatchRequest::finished, this,
            [this, index, request](const QList<graph::GraphResponse>& responses) {
                m_batchesSent += request->batchesSent();
                --m_batchesInFlight;
                if (m_action == Action::Undoing) {
                    finishUndoBatch(index, responses);
                } else {
                    finishBatch(index, responses);
                }
            });
        request->start();
    }
    if (m_batchesInFlight == 0 && (m_nextBatch >= m_batches.size() || m_signInError.isError())) {
        if (m_action == Action::Undoing) {
            finishUndo();
        } else {
            finishAssigning();
        }
    }
}

void RolloutRunner::finishBatch(int batchIndex, const QList<graph::GraphResponse>& responses)
{
    const Batch batch = m_batches.at(batchIndex);
    QList<RolloutStore::Assignment> added;
    QStringList failures;
    QStringList notSent; // the sign-in was lost: nothing of these reached the tenant
    bool throttled = false;
    int firstTime = 0;
    int afterRetry = 0;
    for (int i = 0; i < batch.principalIds.size(); ++i) {
        const QString& principalId = batch.principalIds.at(i);
        const graph::GraphResponse response = i < responses.size() ? responses.at(i) : graph::GraphResponse();
        throttled = throttled || response.attempts() > 1;
        if (response.isSuccess() || alreadyExists(response)) {
            ++(response.attempts() > 1 ? afterRetry : firstTime);
        }
        if (response.isSuccess()) {
            const auto assignment = graph::AppRoleAssignmentEndpoints::parseAssignment(response);
            if (assignment) {
                added.append({m_stage, principalId, assignment->id, false});
            } else {
                m_unknownIds.append(principalId);
            }
        } else if (alreadyExists(response)) {
            m_unknownIds.append(principalId);
        } else if (needsSignIn(response.error())) {
            if (!m_signInError.isError()) {
                m_signInError = response.error();
            }
            notSent.append(principalId);
        } else {
            ++m_failedItems;
            failures.append(QStringLiteral("%1 (%2)").arg(principalId, describe(response)));
        }
    }
    if (!added.isEmpty()) {
        if (const auto error = m_store.recordAssignments(m_plan.id, added)) {
            m_problems.append(error->detail());
        }
    }
    m_itemsDone += static_cast<int>(batch.principalIds.size());
    m_plan.stages[m_stage].assignmentsAdded += static_cast<int>(added.size());
    if (m_settings.paceGrowth > 0.0) {
        const bool wasPacing = m_pacer.isPacing();
        m_pacer.noteBatch(batch.sentAtMs, firstTime, afterRetry, throttled, RolloutPacer::nowMs());
        if (throttled && m_pacer.isPacing()) {
            qCInfo(lcSync) << "rollout: throttled;" << (wasPacing ? "pacing at" : "pacing from now at")
                           << m_pacer.itemsPerSecond() << "assignments per second";
        }
    }
    QStringList outcome;
    if (!failures.isEmpty()) {
        outcome.append(QStringLiteral("not assigned: %1").arg(failures.join(QStringLiteral("; "))));
    }
    if (!notSent.isEmpty()) {
        outcome.append(QStringLiteral("not sent, the sign-in was lost: %1").arg(notSent.join(QStringLiteral(", "))));
    }
    (void)journal(batch.stepKey, outcome.isEmpty() ? Phase::Done : Phase::Failed,
        outcome.isEmpty() ? QStringLiteral("assigned %1").arg(batch.principalIds.size())
                          : outcome.join(QStringLiteral("; ")),
        batch.principalIds, QStringLiteral("POST"));
    if (!failures.isEmpty()) {
        m_problems.append(QStringLiteral("%1 assignment(s) failed: %2")
                              .arg(failures.size())
                              .arg(failures.join(QStringLiteral("; "))));
    }
    emit assignmentProgress(m_stage, m_itemsDone, m_itemsToSend);
    sendBatches();
}

void RolloutRunner::finishAssigning()
{
    const int stage = m_stage;
    if (m_signInError.isError()) {
        // What went through is recorded; the next runner lists the tenant and sends only the rest.
        stopForSignIn(stage, m_signInError);
        return;
    }
    const auto conclude = [this, stage] {
        RolloutStage& s = m_plan.stages[stage];
        if (!m_problems.isEmpty()) {
            fail(stage, m_problems.join(QLatin1Char(' ')));
            return;
        }
        s.message = QStringLiteral("Assigned: %1 assignment(s) added").arg(s.assignmentsAdded);
        if (!m_watchAfterAssigning) {
            (void)saveOrReport();
            endAction();
            emit assigned(stage, true, s.message);
            return;
        }
        endAction();
        emit assigned(stage, true, s.message);
        beginWatching(stage);
    };
    if (m_unknownIds.isEmpty()) {
        conclude();
        return;
    }
    // "Already exists" answers carry no id: read them from the configuration, so undo can remove them.
    readAssignmentsThen([this, stage, conclude](const QHash<QString, QString>& current) {
        QList<RolloutStore::Assignment> found;
        for (const QString& principalId : std::as_const(m_unknownIds)) {
            if (current.contains(principalId)) {
                found.append({stage, principalId, current.value(principalId), false});
            } else {
                m_problems.append(QStringLiteral("%1 was reported assigned but is not.").arg(principalId));
            }
        }
        if (const auto error = m_store.recordAssignments(m_plan.id, found)) {
            m_problems.append(error->detail());
        }
        m_plan.stages[stage].assignmentsAdded += static_cast<int>(found.size());
        m_unknownIds.clear();
        conclude();
    });
}

void RolloutRunner::beginWatching(int stage)
{
    m_action = Action::Watching;
    m_stage = stage;
    RolloutStage& s = m_plan.stages[stage];
    if (s.state != RolloutStage::State::Watching) {
        s.moveTo(RolloutStage::State::Watching);
        s.watchStartedAt = QDateTime::currentDateTimeUtc();
        s.progress.cyclesCompleted = 0;
    }
    if (!s.watchStartedAt.isValid()) {
        s.watchStartedAt = QDateTime::currentDateTimeUtc();
    }
    s.progress.expected = s.estimate.users;
    s.message = QStringLiteral("Watching the job's cycles");
    s.waitsForSignIn = false;
    if (!saveOrReport()) {
        endAction();
        return;
    }
    ensureWatcher();
    m_watcher->start(s.watchStartedAt, s.estimate.userIds);
}

void RolloutRunner::ensureWatcher()
{
    if (m_watcher) {
        return;
    }
    m_watcher = new RolloutWatcher(m_source, m_plan.servicePrincipalId, m_plan.jobId, m_settings.monitorTiming, this);
    connect(m_watcher, &RolloutWatcher::progressRead, this, [this](const RolloutProgress& progress) {
        if (m_action == Action::Watching) {
            evaluate(progress);
        }
    });
    connect(m_watcher, &RolloutWatcher::failed, this, [this](const QString&, const graph::GraphError& error) {
        // Other failures pass: the watch reads again with its back-off.
        if (m_action == Action::Watching && needsSignIn(error)) {
            stopForSignIn(m_stage, error);
        }
    });
    connect(m_watcher, &RolloutWatcher::jobCommandFinished, this,
        [this](JobMonitor::Command command, bool succeeded, const QString& message) {
            if (!succeeded) {
                const int watched = m_stage;
                const QString what
                    = command == JobMonitor::Command::Pause ? QStringLiteral("pause") : QStringLiteral("start");
                if (watched >= 0 && watched < m_plan.stages.size() && !m_plan.stages.at(watched).waitsForSignIn) {
                    m_plan.stages[watched].message += QStringLiteral(" Could not %1 the job: %2").arg(what, message);
                    (void)saveOrReport();
                }
            }
            emit jobCommandFinished(command, succeeded, message);
        });
}

void RolloutRunner::stopWatching()
{
    if (m_watcher) {
        m_watcher->stop();
    }
    if (m_action == Action::Watching) {
        endAction();
    }
}

void RolloutRunner::evaluate(const RolloutProgress& progress)
{
    RolloutStage& s = m_plan.stages[m_stage];
    const int cyclesCompleted = progress.cyclesCompleted;
    const bool changed = !(progress == s.progress);
    s.progress = progress;
    if (m_plan.settings.thresholdPassed(progress)) {
        s.moveTo(RolloutStage::State::Paused);
        s.message = QStringLiteral("Paused: %1 of %2 processed user(s) failed (%3%, threshold %4% and at least %5).")
                        .arg(progress.failed)
                        .arg(progress.processed)
                        .arg(progress.errorRate() * 100.0, 0, 'f', 1)
                        .arg(m_plan.settings.errorRateThreshold * 100.0, 0, 'f', 1)
                        .arg(m_plan.settings.minimumFailures);
        (void)saveOrReport();
        m_watcher->pauseJob();
        m_watcher->stop();
        endAction();
        emit progressChanged(m_stage, progress);
        emit stageFinished(m_stage, RolloutStage::State::Paused, s.message);
        return;
    }
    if (cyclesCompleted >= m_plan.settings.cyclesToWatch) {
        s.moveTo(RolloutStage::State::Done);
        s.message = QStringLiteral("Done: %1 of %2 user(s) processed, %3 failed, in %4 cycle(s).")
                        .arg(progress.processed)
                        .arg(progress.expected)
                        .arg(progress.failed)
                        .arg(cyclesCompleted);
        (void)saveOrReport();
        m_watcher->stop();
        endAction();
        emit progressChanged(m_stage, progress);
        emit stageFinished(m_stage, RolloutStage::State::Done, s.message);
        return;
    }
    if (changed) {
        (void)saveOrReport();
        emit progressChanged(m_stage, progress);
    }
}

void RolloutRunner::resume()
{
    if (refuseWhenBusy()) {
        return;
    }
    const int stage = m_plan.activeStage();
    if (stage < 0 || m_plan.stages.at(stage).state != RolloutStage::State::Paused) {
        emit actionFailed(QStringLiteral("No stage is paused."));
        return;
    }
    RolloutStage& s = m_plan.stages[stage];
    s.moveTo(RolloutStage::State::Watching);
    // Only what happens from now counts: the failures that paused it are the reason it was fixed.
    s.watchStartedAt = QDateTime::currentDateTimeUtc();
    s.progress = RolloutProgress();
    beginWatching(stage); // starts the job on its first read (it is paused)
}

void RolloutRunner::pause()
{
    const int stage = m_plan.activeStage();
    if (stage < 0 || m_plan.stages.at(stage).state != RolloutStage::State::Watching) {
        emit actionFailed(QStringLiteral("No stage is being watched."));
        return;
    }
    RolloutStage& s = m_plan.stages[stage];
    s.moveTo(RolloutStage::State::Paused);
    s.message = QStringLiteral("Paused by you.");
    (void)saveOrReport();
    ensureWatcher();
    m_watcher->pauseJob();
    stopWatching();
    emit stageFinished(stage, RolloutStage::State::Paused, s.message);
}

void RolloutRunner::undo(int stage)
{
    if (stage < 0 || stage >= m_plan.stages.size()) {
        emit actionFailed(QStringLiteral("There is no such stage."));
        return;
    }
    if (m_action == Action::Watching && m_stage == stage) {
        stopWatching();
    }
    if (refuseWhenBusy()) {
        return;
    }
    RolloutStage& s = m_plan.stages[stage];
    if (!RolloutStage::canMove(s.state, RolloutStage::State::Undone)) {
        emit actionFailed(
            QStringLiteral("Stage \"%1\" is %2: nothing to undo.").arg(s.name, RolloutStage::stateName(s.state)));
        return;
    }
    m_action = Action::Undoing;
    m_stage = stage;
    resetBatches();
    s.waitsForSignIn = false;
    // What the tenant holds now: an assignment gone already (an undo whose answer was lost, the portal) is not
    // removed again.
    readAssignmentsThen([this, stage](const QHash<QString, QString>& current) { planUndo(stage, current); });
}

void RolloutRunner::undoFailed(const QString& problem)
{
    const int stage = m_stage;
    endAction();
    if (stage >= 0 && stage < m_plan.stages.size()) {
        m_plan.stages[stage].message = QStringLiteral("Undo incomplete: %1").arg(problem);
        (void)saveOrReport();
    }
    emit actionFailed(QStringLiteral("Undo incomplete: %1").arg(problem));
}

void RolloutRunner::planUndo(int stage, const QHash<QString, QString>& current)
{
    const auto stored = m_store.assignments(m_plan.id, stage);
    if (std::holds_alternative<store::StoreError>(stored)) {
        undoFailed(std::get<store::StoreError>(stored).detail());
        return;
    }
    QStringList principals;
    QStringList gone;
    for (const RolloutStore::Assignment& a : std::get<QList<RolloutStore::Assignment>>(stored)) {
        if (a.removed) {
            continue;
        }
        const bool held = current.contains(a.principalId)
            && (a.assignmentId.isEmpty() || current.value(a.principalId) == a.assignmentId);
        (held ? principals : gone).append(a.principalId);
    }
    if (!gone.isEmpty()) {
        if (const auto error = m_store.markRemoved(m_plan.id, gone)) {
            undoFailed(error->detail());
            return;
        }
        m_plan.stages[stage].assignmentsRemoved += static_cast<int>(gone.size());
    }
    // The removals whose answer was lost get their outcome, as read from the tenant now.
    if (!closeLostSteps(
            m_journal.openSteps(stage, QStringLiteral("undo")),
            [&principals](const QString& id) { return !principals.contains(id); }, LostStepKind::Undo)) {
        undoFailed(m_problems.join(QLatin1Char(' ')));
        return;
    }
    m_itemsToSend = static_cast<int>(principals.size());
    const int size = std::clamp(m_plan.settings.batchSize, 1, graph::BatchRequest::kMaxBatchSize);
    for (qsizetype i = 0; i < principals.size(); i += size) {
        Batch batch;
        batch.principalIds = principals.mid(i, size);
        batch.stepKey = m_journal.nextStepKey(stage, QStringLiteral("undo"), static_cast<int>(m_batches.size()));
        m_batches.append(batch);
    }
    sendBatches();
}

void RolloutRunner::finishUndoBatch(int batchIndex, const QList<graph::GraphResponse>& responses)
{
    const Batch batch = m_batches.at(batchIndex);
    QStringList removed;
    QStringList failures;
    QStringList notSent;
    for (int i = 0; i < batch.principalIds.size(); ++i) {
        const graph::GraphResponse response = i < responses.size() ? responses.at(i) : graph::GraphResponse();
        // 404: gone already (removed in the portal, or by an undo whose answer was lost).
        if (response.isSuccess() || response.httpStatus() == 404) {
            removed.append(batch.principalIds.at(i));
        } else if (needsSignIn(response.error())) {
            if (!m_signInError.isError()) {
                m_signInError = response.error();
            }
            notSent.append(batch.principalIds.at(i));
        } else {
            failures.append(QStringLiteral("%1 (%2)").arg(batch.principalIds.at(i), describe(response)));
        }
    }
    if (const auto error = m_store.markRemoved(m_plan.id, removed)) {
        m_problems.append(error->detail());
    }
    m_plan.stages[m_stage].assignmentsRemoved += static_cast<int>(removed.size());
    m_itemsDone += static_cast<int>(batch.principalIds.size());
    QStringList outcome;
    if (!failures.isEmpty()) {
        outcome.append(QStringLiteral("not removed: %1").arg(failures.join(QStringLiteral("; "))));
    }
    if (!notSent.isEmpty()) {
        outcome.append(QStringLiteral("not sent, the sign-in was lost: %1").arg(notSent.join(QStringLiteral(", "))));
    }
    (void)journal(batch.stepKey, outcome.isEmpty() ? Phase::Done : Phase::Failed,
        outcome.isEmpty() ? QStringLiteral("removed %1").arg(removed.size()) : outcome.join(QStringLiteral("; ")),
        batch.principalIds, QStringLiteral("DELETE"));
    if (!failures.isEmpty()) {
        m_problems.append(QStringLiteral("%1 assignment(s) not removed: %2")
                              .arg(failures.size())
                              .arg(failures.join(QStringLiteral("; "))));
    }
    emit assignmentProgress(m_stage, m_itemsDone, m_itemsToSend);
    sendBatches();
}

void RolloutRunner::finishUndo()
{
    const int stage = m_stage;
    if (m_signInError.isError()) {
        stopForSignIn(stage, m_signInError);
        return;
    }
    RolloutStage& s = m_plan.stages[stage];
    endAction();
    if (!m_problems.isEmpty()) {
        s.message = QStringLiteral("Undo incomplete: %1").arg(m_problems.join(QLatin1Char(' ')));
        (void)saveOrReport();
        emit actionFailed(s.message);
        return;
    }
    s.moveTo(RolloutStage::State::Undone);
    s.message = QStringLiteral("Undone: %1 assignment(s) removed. Users that left scope are soft-deleted in the "
                               "target on the job's next cycle (restorable for 30 days); a paused job does this only "
                               "once it is started again.")
                    .arg(s.assignmentsRemoved);
    (void)saveOrReport();
    emit stageFinished(stage, RolloutStage::State::Undone, s.message);
}

} // namespace tb::sync
