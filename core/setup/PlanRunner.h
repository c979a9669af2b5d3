// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/DesiredSettings.h"
#include "core/setup/PlanStep.h"
#include "core/setup/SetupPlan.h"
#include "core/setup/SetupState.h"
#include "core/store/JournalEntry.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace tb::graph {
class GraphClient;
class GraphResponse;
} // namespace tb::graph

namespace tb::store {
class Journal;
}

namespace tb::setup {

// Applies a SetupPlan to both tenants, one step at a time in plan order, and writes every step to the journal
// before its request is sent (Intent) and after its answer (Done / Failed, with status and request id).
//
// - Idempotent per step: 409 on a create (conflictMeansDone) counts as done after the state is read back; a PUT
//   that answers 409 or a PATCH that answers not-found sends the step's alternative; the 404s of a service
//   principal that was just created (graph-reference.md 2.1 [U]) are retried with back-off for up to
//   Settings::propagationMs.
// - Outputs (the service principal id, the job id) fill the placeholders of later steps (PlanStep::withValues).
// - Cancellable between steps: cancel() lets the request in flight finish, then stops with Outcome::Cancelled.
// - A crash loses nothing: resume(runId) reads the journal (the desired settings and names are in the run's first
//   row), reads both tenants again (expecting a configuration when an instantiate was in flight) and applies
//   what is left of a plan built afresh, under the same run id.
// - A failure that a fresh read would misjudge leaves the run resumable like a crash (no end row, so
//   interruptedRuns() lists it): an answer lost to a dropped connection or a timeout (the step's intent stays open:
//   the instantiate may have created a configuration that is not listed yet), or a job whose connection test or
//   credentials were not confirmed (Graph shows neither, and a fresh plan takes an existing job for a finished
//   setup). Other failures end the run; the next apply plans afresh.
// QObject, main thread; clients and journal must outlive it.
class PlanRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanRunner)

public:
    enum class Outcome { Succeeded, Failed, Cancelled };

    struct Settings
    {
        int propagationMs = 60000; // how long a new service principal may answer 404
        int propagationPollMs = 1000;
    };

    struct StepResult
    {
        QString stepId;
        bool sent = false; // false: satisfied when the runner reached it
        int httpStatus = 0;
        QString requestId;
        QString message; // a sentence; the error and what to do when it failed
    };

    struct Result
    {
        Outcome outcome = Outcome::Failed;
        QString runId;
        QList<StepResult> steps;
        QString failedStepId;
        QString message; // for a person: what happened and, on failure, what to do
        [[nodiscard]] QJsonObject toJson() const;
    };

    PlanRunner(graph::GraphClient& source, graph::GraphClient& target, store::Journal& journal, Settings settings,
        QObject* parent = nullptr);
    PlanRunner(
        graph::GraphClient& source, graph::GraphClient& target, store::Journal& journal, QObject* parent = nullptr);
    ~PlanRunner() override;

    // A new run: returns its id (also in every journal row). The state is the one the plan was built from.
    QString start(const model::DesiredSettings& desired, const SetupState& state);
    // Continues an interrupted run (Journal::interruptedRuns()); its tenants come from the journal.
    void resume(const QString& runId, const model::Tenant& source, const model::Tenant& target);
    void cancel();
    [[nodiscard]] bool isRunning() const;

    // Interrupted setup runs in this journal for this pair, newest first.
    [[nodiscard]] static QStringList interruptedRuns(
        store::Journal& journal, const QString& sourceTenantId, const QString& targetTenantId);

signals:
    void stepStarted(const QString& stepId, int index, int count);
    void stepFinished(const tb::setup::PlanRunner::StepResult& result);
    // A line of progress for a person ("Waiting for the new configuration to appear (3 s)…").
    void progressMessage(const QString& message);
    void finished(const tb::setup::PlanRunner::Result& result);

private:
    struct Run;
    void setUpRun();
    void buildSteps();
    void nextStep();
    void sendCurrent();
    void handleAnswer(const graph::GraphResponse& response);
    // AnswerLost: the request may have been done (the connection failed or no answer came in time).
    enum class FailureKind { Refused, AnswerLost };
    void completeStep(const StepResult& result);
    void failStep(
        int httpStatus, const QString& requestId, const QString& message, FailureKind kind = FailureKind::Refused);
    // True while the configuration has a job and the connection test or the credentials are still to be sent.
    [[nodiscard]] bool leavesUnreadableSteps() const;
    // createdPath: the path of the object the step created (the configuration's service principal), kept in the
    // row's path so that a resumed run finds it.
    void recordOutcome(store::JournalEntry::Phase phase, int httpStatus, const QString& requestId,
        const QString& detail, const QString& createdPath = {});
    // Nothing when written, else the sentence saying the journal failed.
    [[nodiscard]] std::optional<QString> record(store::JournalEntry entry);
    void finish(Outcome outcome, const QString& message, bool writeRunEnd);
    [[nodiscard]] QString cancelledMessage() const;
    [[nodiscard]] graph::GraphClient& clientFor(model::TenantRole role) const;
    [[nodiscard]] const model::Tenant& tenantFor(model::TenantRole role) const;

    graph::GraphClient& m_source;
    graph::GraphClient& m_target;
    store::Journal& m_journal;
    Settings m_settings;
    std::unique_ptr<Run> m_run;
};

} // namespace tb::setup
