// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/setup/PlanRunner.h"

#include "core/CoreLogging.h"
#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/endpoints/PolicyEndpoints.h"
#include "core/graph/endpoints/SynchronizationEndpoints.h"
#include "core/setup/SetupStateReader.h"
#include "core/store/Journal.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <algorithm>

namespace tb::setup {

namespace {

using graph::GraphCall;
using graph::GraphError;
using graph::GraphRequest;
using graph::GraphResponse;
using graph::PolicyEndpoints;
using graph::SynchronizationEndpoints;
using store::JournalEntry;

const QString kRunStep = QStringLiteral("run");

QString nameOf(const model::Tenant& tenant)
{
    return tenant.displayName.isEmpty() ? tenant.id : tenant.displayName;
}

QString outcomeName(PlanRunner::Outcome outcome)
{
    switch (outcome) {
    case PlanRunner::Outcome::Succeeded:
        return QStringLiteral("succeeded");
    case PlanRunner::Outcome::Failed:
        return QStringLiteral("failed");
    case PlanRunner::Outcome::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString bodyText(const GraphRequest& request)
{
    return request.body() ? QString::fromUtf8(QJsonDocument(*request.body()).toJson(QJsonDocument::Compact))
                          : QString();
}

// The Done row of the configuration step has the path of the service principal it created (not a sentence,
// which may be translated); a resumed run reads the id back from it.
QString servicePrincipalIdIn(const QString& path)
{
    static const QString prefix = QStringLiteral("/servicePrincipals/");
    return path.startsWith(prefix) ? QUrl::fromPercentEncoding(path.mid(prefix.size()).toUtf8()) : QString();
}

// The access settings the connection test needs that the run does not turn on (graph-reference.md 2.4).
QStringList missingForValidation(const model::DesiredSettings& desired, const SetupState& state)
{
    QStringList missing;
    if (!desired.targetAllowsUserSync) {
        missing.append(QStringLiteral("user sync into %1 for %2 (target, inbound)")
                           .arg(nameOf(state.target), nameOf(state.source)));
    }
    if (!desired.targetInboundAutoRedeem) {
        missing.append(QStringLiteral("automatic redemption in %1 for users from %2 (target, inbound)")
                           .arg(nameOf(state.target), nameOf(state.source)));
    }
    if (!desired.sourceOutboundAutoRedeem) {
        missing.append(QStringLiteral("automatic redemption in %1 for users going to %2 (source, outbound)")
                           .arg(nameOf(state.source), nameOf(state.target)));
    }
    return missing;
}

} // namespace

QJsonObject PlanRunner::Result::toJson() const
{
    QJsonArray stepArray;
    for (const StepResult& step : steps) {
        QJsonObject json {{QStringLiteral("id"), step.stepId}, {QStringLiteral("sent"), step.sent},
            {QStringLiteral("message"), step.message}};
        if (step.sent) {
            json.insert(QStringLiteral("httpStatus"), step.httpStatus);
            json.insert(QStringLiteral("requestId"), step.requestId);
        }
        stepArray.append(json);
    }
    QJsonObject json {{QStringLiteral("outcome"), outcomeName(outcome)}, {QStringLiteral("runId"), runId},
        {QStringLiteral("steps"), stepArray}, {QStringLiteral("message"), message}};
    if (!failedStepId.isEmpty()) {
        json.insert(QStringLiteral("failedStepId"), failedStepId);
    }
    return json;
}

struct PlanRunner::Run
{
    QString runId;
    model::DesiredSettings desired;
    SetupState state;
    QList<PlanStep> steps;
    qsizetype index = 0;
    QHash<QString, QString> values; // outputs of earlier steps, by placeholder name
    Result result;
    bool cancelRequested = false;
    bool finished = false;
    // The step in progress.
    PlanStep current;
    bool usingAlternative = false;
    bool intentRecorded = false;
    QElapsedTimer propagation; // since the step's first 404 of a new service principal
    QPointer<GraphCall> call;
    QTimer retryTimer;
    std::unique_ptr<SetupStateReader> reader; // resume: reading both tenants again
    // Resume: steps the journal planned or started whose effect cannot be read back and that never finished
    // (SetupPlan::build's unconfirmedSteps), and steps whose last row is an intent (closed with a Done row when
    // the tenant turns out to have the change).
    QStringList unconfirmedSteps;
    QStringList openIntents;
    // The context of every connection of this run: a finished run drops whatever arrives late.
    QObject guard;
};

PlanRunner::PlanRunner(
    graph::GraphClient& source, graph::GraphClient& target, store::Journal& journal, Settings settings, QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_target(target)
    , m_journal(journal)
    , m_settings(settings)
{ }

PlanRunner::PlanRunner(graph::GraphClient& source, graph::GraphClient& target, store::Journal& journal, QObject* parent)
    : PlanRunner(source, target, journal, Settings {}, parent)
{ }

PlanRunner::~PlanRunner()
{
    if (m_run && m_run->call) {
        // The request may still reach the service; its outcome stays unknown and the run stays resumable.
        m_run->call->disconnect(&m_run->guard);
    }
}

bool PlanRunner::isRunning() const
{
    return m_run && !m_run->finished;
}

QString PlanRunner::start(const model::DesiredSettings& desired, const SetupState& state)
{
    if (isRunning() || !state.isValid()) {
        return {};
    }
    m_run = std::make_unique<Run>();
    Run& run = *m_run;
    run.runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    run.result.runId = run.runId;
    run.desired = desired;
    run.state = state;
    setUpRun();

    // The pending steps go into the run's first row: a resumed run re-sends those it cannot read back.
    QJsonArray planned;
    const SetupPlan plan = SetupPlan::build(desired, state);
    for (const PlanStep& step : plan.pendingSteps()) {
        planned.append(step.id);
    }
    const QJsonObject detail {{QStringLiteral("desired"), desired.toJson()},
        {QStringLiteral("source"), state.source.toJson()}, {QStringLiteral("target"), state.target.toJson()},
        {QStringLiteral("configurationDisplayName"), desired.configurationDisplayName},
        {QStringLiteral("plannedSteps"), planned}};
    JournalEntry entry;
    entry.stepKey = kRunStep;
    entry.tenantId = state.source.id;
    entry.phase = JournalEntry::Phase::Intent;
    entry.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    const std::optional<QString> journalError = record(entry);
    // Answers go out on the next event-loop turn, so the caller can connect to the signals first.
    QTimer::singleShot(0, &run.guard, [this, journalError] {
        if (journalError) {
            finish(Outcome::Failed, *journalError, false);
            return;
        }
        buildSteps();
        nextStep();
    });
    return run.runId;
}

void PlanRunner::setUpRun()
{
    Run& run = *m_run;
    run.retryTimer.setSingleShot(true);
    connect(&run.retryTimer, &QTimer::timeout, &run.guard, [this] { sendCurrent(); });
}

void PlanRunner::resume(const QString& runId, const model::Tenant& source, const model::Tenant& target)
{
    if (isRunning()) {
        return;
    }
    m_run = std::make_unique<Run>();
    Run& run = *m_run;
    run.runId = runId;
    run.result.runId = runId;
    run.state.source = source;
    run.state.target = target;
    setUpRun();

    QString problem;
    QString knownServicePrincipalId;
    bool expectConfiguration = false;
    const auto rows = m_journal.entries(runId);
    if (const auto* error = std::get_if<store::StoreError>(&rows)) {
        problem = tr("The journal could not be read: %1").arg(error->userMessage());
    } else {
        const QList<JournalEntry>& entries = std::get<QList<JournalEntry>>(rows);
        const auto first = std::find_if(
            entries.begin(), entries.end(), [](const JournalEntry& entry) { return entry.stepKey == kRunStep; });
        const auto last = std::find_if(
            entries.rbegin(), entries.rend(), [](const JournalEntry& entry) { return entry.stepKey == kRunStep; });
        const QJsonObject detail
            = first == entries.end() ? QJsonObject() : QJsonDocument::fromJson(first->detail.toUtf8()).object();
        if (detail.isEmpty()) {
            problem = tr("The journal has no setup run %1.").arg(runId);
        } else if (last->phase != JournalEntry::Phase::Intent) {
            problem = tr("The setup run %1 has already ended; there is nothing to resume.").arg(runId);
        } else if (model::Tenant::fromJson(detail.value(QStringLiteral("source")).toObject()).id != source.id
            || model::Tenant::fromJson(detail.value(QStringLiteral("target")).toObject()).id != target.id) {
            problem = tr("The setup run %1 was for another pair of tenants.").arg(runId);
        } else {
            run.desired = model::DesiredSettings::fromJson(detail.value(QStringLiteral("desired")).toObject());
            const QString name = detail.value(QStringLiteral("configurationDisplayName")).toString();
            if (!name.isEmpty()) {
                run.desired.configurationDisplayName = name;
            }
            QHash<QString, JournalEntry::Phase> lastPhase;
            for (const JournalEntry& entry : entries) {
                lastPhase.insert(entry.stepKey, entry.phase);
            }
            QStringList planned;
            for (const QJsonValue& stepId : detail.value(QStringLiteral("plannedSteps")).toArray()) {
                planned.append(stepId.toString());
            }
            for (const char* stepId : {PlanStep::kSourceValidateCredentials, PlanStep::kSourceSecrets}) {
                const QString key = QString::fromLatin1(stepId);
                const bool started = lastPhase.contains(key);
                if ((planned.contains(key) || started) && lastPhase.value(key) != JournalEntry::Phase::Done) {
                    run.unconfirmedSteps.append(key);
                }
            }
            for (auto it = lastPhase.cbegin(); it != lastPhase.cend(); ++it) {
                if (it.key() != kRunStep && it.value() == JournalEntry::Phase::Intent) {
                    run.openIntents.append(it.key());
                }
            }
            for (const JournalEntry& entry : entries) {
                if (entry.stepKey != QLatin1String(PlanStep::kSourceConfiguration)) {
                    continue;
                }
                // An intent with no outcome: the configuration may exist without our knowing its id yet.
                expectConfiguration = entry.phase == JournalEntry::Phase::Intent;
                if (entry.phase == JournalEntry::Phase::Done) {
                    knownServicePrincipalId = servicePrincipalIdIn(entry.path);
                    expectConfiguration = true;
                }
            }
        }
    }
    if (!problem.isEmpty()) {
        QTimer::singleShot(0, &run.guard, [this, problem] { finish(Outcome::Failed, problem, false); });
        return;
    }

    JournalEntry entry;
    entry.stepKey = kRunStep;
    entry.tenantId = source.id;
    entry.phase = JournalEntry::Phase::Intent;
    entry.detail = tr("Resumed after an interruption: reading both tenants again.");
    if (const std::optional<QString> journalError = record(entry)) {
        QTimer::singleShot(0, &run.guard, [this, journalError] { finish(Outcome::Failed, *journalError, false); });
        return;
    }

    run.reader = std::make_unique<SetupStateReader>(m_source, m_target);
    connect(run.reader.get(), &SetupStateReader::finished, &run.guard, [this](const SetupState& state) {
        m_run->state = state;
        if (m_run->cancelRequested) {
            finish(Outcome::Cancelled, tr("Setup was cancelled before anything more was sent."), false);
            return;
        }
        buildSteps();
        nextStep();
    });
    connect(run.reader.get(), &SetupStateReader::failed, &run.guard,
        [this](const QString& message, const GraphError& error) {
            // Not written as the run's end: the run stays resumable once the tenants can be read.
            if (error.kind() == GraphError::Kind::Cancelled) {
                finish(Outcome::Cancelled, tr("Setup was cancelled before anything more was sent."), false);
                return;
            }
            finish(Outcome::Failed, message, false);
        });
    SetupStateReader::Options options;
    options.configurationDisplayName = run.desired.configurationDisplayName;
    options.knownServicePrincipalId = knownServicePrincipalId;
    options.expectConfiguration = expectConfiguration;
    options.settleMs = m_settings.propagationMs;
    options.settlePollMs = m_settings.propagationPollMs;
    if (expectConfiguration) {
        emit progressMessage(tr("Looking for the configuration \"%1\" the interrupted run was creating…")
                                 .arg(run.desired.configurationDisplayName));
    }
    run.reader->read(source, target, options);
}

void PlanRunner::cancel()
{
    if (!isRunning()) {
        return;
    }
    m_run->cancelRequested = true;
    if (m_run->reader && m_run->reader->isReading()) {
        m_run->reader->cancel();
        return;
    }
    if (m_run->retryTimer.isActive()) {
        // Nothing in flight: the step waited for a new service principal to appear.
        m_run->retryTimer.stop();
        recordOutcome(JournalEntry::Phase::Failed, 0, QString(), tr("Cancelled while waiting to send this step."));
        finish(Outcome::Cancelled, cancelledMessage(), true);
    }
    // Otherwise the request in flight finishes first; nextStep() stops there.
}

QString PlanRunner::cancelledMessage() const
{
    const Run& run = *m_run;
    return tr("Setup was cancelled after %1 of %2 steps; nothing more was sent. Apply the plan again to finish it.")
        .arg(run.index)
        .arg(run.steps.size());
}

QStringList PlanRunner::interruptedRuns(
    store::Journal& journal, const QString& sourceTenantId, const QString& targetTenantId)
{
    const auto candidates = journal.interruptedRuns();
    if (std::holds_alternative<store::StoreError>(candidates)) {
        return {};
    }
    QList<QPair<qint64, QString>> found; // (id of the run's last "run" row, run id)
    for (const QString& runId : std::get<QStringList>(candidates)) {
        const auto rows = journal.entries(runId);
        if (std::holds_alternative<store::StoreError>(rows)) {
            continue;
        }
        const QList<JournalEntry>& entries = std::get<QList<JournalEntry>>(rows);
        const JournalEntry* first = nullptr;
        const JournalEntry* last = nullptr;
        for (const JournalEntry& entry : entries) {
            if (entry.stepKey == kRunStep) {
                first = first ? first : &entry;
                last = &entry;
            }
        }
        // Only setup runs (others journal without a "run" row) that never wrote their end.
        if (!first || last->phase != JournalEntry::Phase::Intent) {
            continue;
        }
        const QJsonObject detail = QJsonDocument::fromJson(first->detail.toUtf8()).object();
        if (model::Tenant::fromJson(detail.value(QStringLiteral("source")).toObject()).id != sourceTenantId
            || model::Tenant::fromJson(detail.value(QStringLiteral("target")).toObject()).id != targetTenantId) {
            continue;
        }
        found.append({entries.last().id, runId});
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    QStringList runs;
    for (const auto& [lastId, runId] : std::as_const(found)) {
        runs.append(runId);
    }
    return runs;
}

void PlanRunner::buildSteps()
{
    Run& run = *m_run;
    const SetupPlan plan = SetupPlan::build(run.desired, run.state, run.unconfirmedSteps);
    run.steps = plan.steps();
    run.index = 0;
    if (run.state.configuration && run.state.configuration->hasServicePrincipal()) {
        run.values.insert(
            QString::fromLatin1(PlanStep::kServicePrincipalId), run.state.configuration->servicePrincipalId);
        if (run.state.configuration->hasJob()) {
            run.values.insert(QString::fromLatin1(PlanStep::kJobId), run.state.configuration->jobId);
        }
    }
}

void PlanRunner::nextStep()
{
    Run& run = *m_run;
    if (run.cancelRequested) {
        finish(Outcome::Cancelled, cancelledMessage(), true);
        return;
    }
    if (run.index >= run.steps.size()) {
        qsizetype sent = 0;
        for (const StepResult& step : std::as_const(run.result.steps)) {
            sent += step.sent ? 1 : 0;
        }
        finish(Outcome::Succeeded,
            tr("Setup of %1 to %2 is complete: %3 steps sent, %4 already as desired.")
                .arg(nameOf(run.state.source), nameOf(run.state.target))
                .arg(sent)
                .arg(run.result.steps.size() - sent),
            true);
        return;
    }
    run.current = run.steps.at(run.index).withValues(run.values);
    run.usingAlternative = false;
    run.intentRecorded = false;
    run.propagation.invalidate();
    const QPointer<PlanRunner> self(this);
    emit stepStarted(run.current.id, static_cast<int>(run.index), static_cast<int>(run.steps.size()));
    if (!self || !isRunning()) {
        return;
    }
    if (run.current.satisfied) {
        StepResult result;
        result.stepId = run.current.id;
        result.message = tr("Already as desired: nothing to send.");
        if (run.openIntents.contains(run.current.id)) {
            // The interrupted run sent this step and the tenant has the change: close its intent.
            result.message = tr("Done before the interruption: the tenant already has this change.");
            recordOutcome(JournalEntry::Phase::Done, 0, QString(), result.message);
        }
        completeStep(result);
        return;
    }
    if (run.current.hasPlaceholders()) {
        failStep(0, QString(),
            tr("This step needs %1 from an earlier step, which did not provide it. Read both tenants again and "
               "apply the plan again.")
                .arg(run.current.placeholders.join(QStringLiteral(", "))));
        return;
    }
    sendCurrent();
}

graph::GraphClient& PlanRunner::clientFor(model::TenantRole role) const
{
    return role == model::TenantRole::Source ? m_source : m_target;
}

const model::Tenant& PlanRunner::tenantFor(model::TenantRole role) const
{
    return role == model::TenantRole::Source ? m_run->state.source : m_run->state.target;
}

void PlanRunner::sendCurrent()
{
    Run& run = *m_run;
    const GraphRequest& request
        = run.usingAlternative && run.current.alternative ? *run.current.alternative : run.current.request;
    if (!run.intentRecorded) {
        // Written and committed before the request leaves: a crash after this point is visible in the journal.
        JournalEntry entry;
        entry.stepKey = run.current.id;
        entry.tenantId = tenantFor(run.current.role).id;
        entry.phase = JournalEntry::Phase::Intent;
        entry.method = QString::fromLatin1(GraphRequest::methodName(request.method()));
        entry.path = request.relativeUrl();
        entry.requestBody = bodyText(request);
        entry.detail = run.current.description;
        if (const std::optional<QString> journalError = record(entry)) {
            StepResult result;
            result.stepId = run.current.id;
            result.message = *journalError;
            run.result.failedStepId = run.current.id;
            run.result.steps.append(result);
            emit stepFinished(result);
            finish(Outcome::Failed, *journalError, false);
            return;
        }
        run.intentRecorded = true;
    }
    run.call = clientFor(run.current.role).send(request);
    connect(
        run.call, &GraphCall::finished, &run.guard, [this](const GraphResponse& response) { handleAnswer(response); });
}

void PlanRunner::handleAnswer(const GraphResponse& response)
{
    Run& run = *m_run;
    run.call.clear();
    const PlanStep& step = run.current;
    const GraphRequest& sent = run.usingAlternative && step.alternative ? *step.alternative : step.request;

    if (response.isSuccess()) {
        StepResult result;
        result.stepId = step.id;
        result.sent = true;
        result.httpStatus = response.httpStatus();
        result.requestId = response.requestId();
        result.message = tr("Done: %1").arg(step.description);
        QString createdPath; // the object the step created, when it made one other steps refer to
        if (step.produces == QLatin1String(PlanStep::kServicePrincipalId)) {
            const std::optional<model::CtsConfiguration> created = SynchronizationEndpoints::parseInstantiate(response);
            if (!created) {
                failStep(response.httpStatus(), response.requestId(),
                    tr("The configuration was created but Microsoft Graph's answer did not name its service "
                       "principal. Read both tenants again and apply the plan again; it will not be created twice."));
                return;
            }
            run.values.insert(step.produces, created->servicePrincipalId);
            run.state.configuration = *created;
            createdPath
                = QStringLiteral("/servicePrincipals/") + GraphRequest::pathSegment(created->servicePrincipalId);
            result.message = tr("Created the configuration \"%1\" (service principal %2).")
                                 .arg(created->displayName, created->servicePrincipalId);
        } else if (step.produces == QLatin1String(PlanStep::kJobId)) {
            const std::optional<model::SyncJob> job = SynchronizationEndpoints::parseJob(response);
            if (job) {
                run.values.insert(step.produces, job->id);
                if (run.state.configuration) {
                    run.state.configuration->jobId = job->id;
                    run.state.configuration->jobStatusCode = job->statusCode;
                }
                result.message = tr("Created the synchronization job %1 (paused until you start it).").arg(job->id);
            }
        }
        recordOutcome(JournalEntry::Phase::Done, result.httpStatus, result.requestId, result.message, createdPath);
        completeStep(result);
        return;
    }

    const bool conflict = response.httpStatus() == 409 || PolicyEndpoints::isAlreadyExists(response);
    if (conflict && step.conflictMeansDone) {
        StepResult result;
        result.stepId = step.id;
        result.sent = true;
        result.httpStatus = response.httpStatus();
        result.requestId = response.requestId();
        result.message = tr("Already there (someone created it meanwhile): %1").arg(step.description);
        recordOutcome(JournalEntry::Phase::Done, result.httpStatus, result.requestId, result.message);
        completeStep(result);
        return;
    }
    const bool wrongVerb = (sent.method() == GraphRequest::Method::Put && conflict)
        || (sent.method() == GraphRequest::Method::Patch && PolicyEndpoints::isNotFound(response));
    if (wrongVerb && step.alternative && !run.usingAlternative) {
        // The tenant changed since it was read: the object is there after all (or gone). Send the other form.
        recordOutcome(JournalEntry::Phase::Failed, response.httpStatus(), response.requestId(),
            tr("HTTP %1: the policy is not in the state that was read; sending the other request instead.")
                .arg(response.httpStatus()));
        run.usingAlternative = true;
        run.intentRecorded = false;
        sendCurrent();
        return;
    }
    if (PolicyEndpoints::isNotFound(response) && sent.path().startsWith(QLatin1String("/servicePrincipals/"))) {
        if (!run.propagation.isValid()) {
            run.propagation.start();
        }
        if (run.propagation.elapsed() < m_settings.propagationMs && !run.cancelRequested) {
            // A new service principal is not visible everywhere at once (graph-reference.md 2.1 [U]).
            emit progressMessage(tr("Waiting for the new configuration to appear (%1 s)…")
                                     .arg((run.propagation.elapsed() + 500) / 1000));
            run.retryTimer.start(std::max(0, m_settings.propagationPollMs));
            return;
        }
    }
    if (step.id == QLatin1String(PlanStep::kSourceValidateCredentials)
        && SynchronizationEndpoints::isAutoRedeemPolicyMissing(response)) {
        const QStringList missing = missingForValidation(run.desired, run.state);
        const QString sentence = missing.isEmpty()
            ? tr("The connection test failed because %1 does not yet see the access settings this run turned on "
                 "(AzureDirectoryB2BManagementPolicyCheckFailure). Changes can take a few minutes to apply: apply "
                 "the plan again shortly.")
                  .arg(nameOf(run.state.target))
            : tr("The connection test failed (AzureDirectoryB2BManagementPolicyCheckFailure) because these access "
                 "settings are off: %1. Tick them and apply the plan again.")
                  .arg(missing.join(QStringLiteral("; ")));
        failStep(response.httpStatus(), response.requestId(), sentence);
        return;
    }
    const GraphError::Kind kind = response.error().kind();
    if (kind == GraphError::Kind::Network || kind == GraphError::Kind::Timeout) {
        // The request may have reached the tenant and been done; only reading both tenants can tell. The step's
        // intent stays open, as after a crash, so the next apply resumes this run: resume() reads both tenants
        // first and waits for a configuration that may still be propagating, so nothing is made twice.
        failStep(response.httpStatus(), response.requestId(),
            tr("The answer to \"%1\" in %2 was lost, so it may have been done. %3")
                .arg(step.description, nameOf(tenantFor(step.role)), response.error().userMessage()),
            FailureKind::AnswerLost);
        return;
    }
    failStep(response.httpStatus(), response.requestId(),
        tr("%1 could not be done in %2. %3")
            .arg(step.description, nameOf(tenantFor(step.role)), response.error().userMessage()));
}

void PlanRunner::completeStep(const StepResult& result)
{
    Run& run = *m_run;
    run.result.steps.append(result);
    ++run.index;
    const QPointer<PlanRunner> self(this);
    emit stepFinished(result);
    if (self && isRunning()) {
        nextStep();
    }
}

bool PlanRunner::leavesUnreadableSteps() const
{
    const Run& run = *m_run;
    if (!run.values.contains(QString::fromLatin1(PlanStep::kJobId))) {
        return false;
    }
    for (qsizetype i = run.index; i < run.steps.size(); ++i) {
        const PlanStep& step = run.steps.at(i);
        if (!step.satisfied
            && (step.id == QLatin1String(PlanStep::kSourceValidateCredentials)
                || step.id == QLatin1String(PlanStep::kSourceSecrets))) {
            return true;
        }
    }
    return false;
}

void PlanRunner::failStep(int httpStatus, const QString& requestId, const QString& message, FailureKind kind)
{
    Run& run = *m_run;
    // A run whose rest a fresh read would misjudge stays resumable instead of ending: a lost answer (the step may
    // be done), or a job without its confirmed credentials or connection test (Graph shows neither, and a fresh plan
    // takes an existing job for a finished setup).
    const bool resumable = kind == FailureKind::AnswerLost || leavesUnreadableSteps();
    const QString sentence = resumable ? message + QLatin1Char(' ')
            + tr("Once that is fixed, apply the plan again: TenantBridge resumes this run, reads both tenants first "
                 "and sends only what is missing, so nothing is made twice.")
                                       : message;
    StepResult result;
    result.stepId = run.current.id;
    result.sent = run.intentRecorded;
    result.httpStatus = httpStatus;
    result.requestId = requestId;
    result.message = sentence;
    if (run.intentRecorded && kind != FailureKind::AnswerLost) {
        recordOutcome(JournalEntry::Phase::Failed, httpStatus, requestId, sentence);
    }
    run.result.steps.append(result);
    run.result.failedStepId = run.current.id;
    const QPointer<PlanRunner> self(this);
    emit stepFinished(result);
    if (self && isRunning()) {
        finish(Outcome::Failed, sentence, !resumable);
    }
}

void PlanRunner::recordOutcome(JournalEntry::Phase phase, int httpStatus, const QString& requestId,
    const QString& detail, const QString& createdPath)
{
    const Run& run = *m_run;
    JournalEntry entry;
    entry.stepKey = run.current.id;
    entry.tenantId = tenantFor(run.current.role).id;
    entry.phase = phase;
    entry.httpStatus = httpStatus;
    entry.requestId = requestId;
    entry.detail = detail;
    entry.path = createdPath;
    if (const std::optional<QString> journalError = record(entry)) {
        // The request is done either way; a resumed run reads the tenants again, so nothing is sent twice.
        qCWarning(lcSetup) << "journal:" << *journalError;
    }
}

std::optional<QString> PlanRunner::record(JournalEntry entry)
{
    entry.runId = m_run->runId;
    const auto written = m_journal.record(std::move(entry));
    if (const auto* error = std::get_if<store::StoreError>(&written)) {
        return tr("The journal could not be written, so nothing was sent: %1").arg(error->userMessage());
    }
    return std::nullopt;
}

void PlanRunner::finish(Outcome outcome, const QString& message, bool writeRunEnd)
{
    Run& run = *m_run;
    if (run.finished) {
        return;
    }
    run.finished = true;
    run.retryTimer.stop();
    run.result.outcome = outcome;
    run.result.message = message;
    if (writeRunEnd) {
        JournalEntry entry;
        entry.stepKey = kRunStep;
        entry.tenantId = run.state.source.id;
        entry.phase = outcome == Outcome::Succeeded ? JournalEntry::Phase::Done : JournalEntry::Phase::Failed;
        entry.detail = outcome == Outcome::Cancelled ? tr("Cancelled: %1").arg(message) : message;
        if (const std::optional<QString> journalError = record(entry)) {
            qCWarning(lcSetup) << "journal:" << *journalError;
        }
    }
    const Result result = run.result;
    emit finished(result);
}

} // namespace tb::setup
