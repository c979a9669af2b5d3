// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphError.h"
#include "core/graph/GraphResponse.h"
#include "core/store/JournalEntry.h"
#include "core/sync/JobMonitor.h"
#include "core/sync/RolloutJournal.h"
#include "core/sync/RolloutPacer.h"
#include "core/sync/RolloutPlan.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <functional>

namespace tb::graph {
class GraphClient;
class PageReader;
class BatchRequest;
} // namespace tb::graph

class QTimer;

namespace tb::store {
class Journal;
}

namespace tb::sync {

class RolloutStore;
class RolloutWatcher;

// Runs a staged rollout (issue 6), one stage at a time:
//  1. estimate the stage again (RolloutEstimator), so it counts what earlier stages assigned meanwhile;
//  2. assign its principals in $batch requests of settings.batchSize (msiam_access role), a few batches in flight,
//     each batch journalled under the rollout's id (intent before, done or failed after) and each assignment id kept
//     in the store; "already exists" counts as assigned;
//  3. start the job if it is not active, then watch it (JobMonitor) and the cycle's provisioning logs (by jobId,
//     since the watch began) for progress and error rate;
//  4. pause the job itself when the error rate passes the threshold, with the failing users explained;
//     resume() starts it again; undo(stage) removes exactly the assignments the stage added.
// Crash-safe: the plan and every added assignment are in the store and every batch in the journal, so a new runner
// opened on the stored plan continues the stage. Before sending it lists the configuration's assignments: a principal
// recorded already is not sent again, one assigned now whose batch has an intent but no outcome (the answer was lost)
// is recorded as this stage's, and one assigned now without such an intent was assigned before the rollout and is
// left alone (undo must not remove it). Undo lists them too: an assignment gone already (its removal's answer was
// lost) is not removed again. Either way the batch left open is closed in the journal with what became of it.
//
// A lost sign-in (an account's refresh token revoked or expired, so a call gets no token or a 401) stops the action
// where it is, never failing the stage: what was assigned or removed is kept, the stage keeps its state with
// waitsForSignIn set and a message that says to sign in again, and signInRequired() is emitted. After the sign-in,
// runNextStage() (or undo()) goes on from there, sending nothing twice. An access token that merely expires is renewed
// by the token source without the runner noticing.
//
// QObject on the clients' thread; the clients, journal and store must outlive it. One action at a time: a call while
// one is under way is refused with actionFailed().
class RolloutRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutRunner)

public:
    struct Settings
    {
        int concurrentBatches = 4; // $batch requests in flight (the client limits its calls anyway)
        // Estimate a planned stage again right before assigning it (step 1). Off only where the caller estimated
        // just before (the benchmark, which counts the assignment requests alone).
        bool estimateFirst = true;
        // After the service throttles an assignment, pace the batches instead of bursting into the limit again:
        // the rate drops to 95% of what the service accepted in the last second, and grows by paceGrowth per batch
        // that goes through untouched, so it settles just under the limit whatever it is. Off: 0.
        double paceGrowth = 0.003;
        JobMonitor::Timing monitorTiming;
    };

    RolloutRunner(graph::GraphClient& sourceClient, graph::GraphClient& targetClient, store::Journal& journal,
        RolloutStore& store, QObject* parent = nullptr);
    ~RolloutRunner() override;

    void setSettings(const Settings& settings);
    // The rollout to run, as stored (the store keeps what the runner changes).
    void open(const RolloutPlan& plan);
    [[nodiscard]] const RolloutPlan& plan() const { return m_plan; }
    [[nodiscard]] bool isBusy() const { return m_action != Action::None; }

    // Continues the active stage (assigning or watching; a paused one waits for resume()), else starts the next
    // planned or failed stage. Ends with stageFinished (done, paused or failed).
    void runNextStage();
    // Only the assignment part of the next stage, without starting or watching the job (the benchmark, or a caller
    // that watches itself): ends with assigned().
    void assignNextStage();
    // The paused stage: starts the job again and watches it. Right after a pause (the runner's own or pause()) whose
    // answer has not come yet, the start is queued and sent once the pause has answered, in that order.
    void resume();
    // Pauses the job and the watched stage (a person asked).
    void pause();
    // Removes the assignments the stage added. Only after the person confirmed undoWarning(stage).
    void undo(int stage);
    // Stops watching (the job keeps its state); the stage stays watching in the store.
    void stopWatching();
    [[nodiscard]] QString undoWarning(int stage) const;

    // Whether a failed call means an account must sign in again: no token (sign-in required, no account) or a 401
    // the token source had nothing newer for.
    [[nodiscard]] static bool needsSignIn(const graph::GraphError& error);

    // $batch requests sent so far by this runner (retried rounds included), and assignment items that failed.
    [[nodiscard]] int batchesSent() const { return m_batchesSent; }
    [[nodiscard]] int failedAssignments() const { return m_failedItems; }

signals:
    void planChanged(const tb::sync::RolloutPlan& plan);
    // After each batch: assignments recorded so far for the stage, of those to send.
    void assignmentProgress(int stage, int done, int total);
    void assigned(int stage, bool succeeded, const QString& message);
    void progressChanged(int stage, const tb::sync::RolloutProgress& progress);
    // The stage reached done, paused or failed (or undone after undo()).
    void stageFinished(int stage, tb::sync::RolloutStage::State state, const QString& message);
    // A start or pause the runner sent to the job was accepted or refused, in the order they were sent.
    void jobCommandFinished(tb::sync::JobMonitor::Command command, bool succeeded, const QString& message);
    // An action could not start or stopped on an error that is not the stage's (store, refusal).
    void actionFailed(const QString& message);
    // The action stopped because an account must sign in again (see the class comment); message says so and what
    // happens after the sign-in. The stage's waitsForSignIn is set and saved.
    void signInRequired(int stage, const QString& message);

private:
    enum class Action { None, Estimating, Assigning, Watching, Undoing };
    struct Batch
    {
        QString stepKey;
        QStringList principalIds; // same order as the requests
        qint64 sentAtMs = 0; // monotonic
    };

    void estimateThenAssign(int stage);
    void beginAssigning(int stage, bool watchAfter);
    void readAssignmentsThen(const std::function<void(const QHash<QString, QString>&)>& then);
    void planBatches(int stage, const QHash<QString, QString>& current);
    void planUndo(int stage, const QHash<QString, QString>& current);
    void resetBatches();
    void sendBatches();
    void finishBatch(int batchIndex, const QList<graph::GraphResponse>& responses);
    void finishAssigning();
    void beginWatching(int stage);
    void ensureWatcher();
    void evaluate(const RolloutProgress& progress);
    void sendUndoBatches();
    void finishUndoBatch(int batchIndex, const QList<graph::GraphResponse>& responses);
    void finishUndo();
    void endAction();
    void fail(int stage, const QString& message);
    void stopForSignIn(int stage, const graph::GraphError& error);
    void undoFailed(const QString& problem);
    [[nodiscard]] bool saveOrReport();
    [[nodiscard]] bool refuseWhenBusy();
    enum class LostStepKind { Assign, Undo };
    // Closes the journal steps whose answer was lost, as the tenant shows them now: Done when every principal of a
    // step ended as it asked (endedAsAsked: assigned for Assign, gone for Undo), else Failed, to be sent again.
    // False when the journal could not be written (m_problems says why).
    bool closeLostSteps(const QList<RolloutJournal::OpenStep>& open,
        const std::function<bool(const QString&)>& endedAsAsked, LostStepKind kind);
    bool journal(const QString& stepKey, store::JournalEntry::Phase phase, const QString& detail,
        const QStringList& principalIds, const QString& method);

    graph::GraphClient& m_source;
    graph::GraphClient& m_target;
    RolloutJournal m_journal;
    RolloutStore& m_store;
    Settings m_settings;
    RolloutPlan m_plan;
    Action m_action = Action::None;
    int m_stage = -1;
    bool m_watchAfterAssigning = true;
    QString m_roleId;

    // Assigning / undoing.
    QList<Batch> m_batches;
    int m_nextBatch = 0;
    int m_batchesInFlight = 0;
    int m_itemsToSend = 0;
    int m_itemsDone = 0;
    QStringList m_unknownIds; // assigned ("already exists") without an id in the answer
    QStringList m_problems;
    graph::GraphError m_signInError; // the first call of the action that found the sign-in lost
    QList<QPointer<graph::BatchRequest>> m_batchRequests;

    QPointer<RolloutWatcher> m_watcher;

    RolloutPacer m_pacer; // after throttling (Settings::paceGrowth)
    QTimer* m_paceTimer = nullptr;

    int m_batchesSent = 0;
    int m_failedItems = 0;
};

} // namespace tb::sync
