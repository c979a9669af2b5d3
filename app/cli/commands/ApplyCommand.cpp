// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/ApplyCommand.h"

#include "app/cli/CliConfirmation.h"
#include "app/cli/CliOutput.h"
#include "app/cli/commands/SetupText.h"
#include "core/Workspace.h"
#include "core/auth/SignInService.h"
#include "core/model/TenantRole.h"
#include "core/setup/Preflight.h"
#include "core/setup/SetupStateReader.h"
#include "core/store/Journal.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace tb::cli {

namespace {

using model::TenantRole;

} // namespace

ApplyCommand::ApplyCommand(CliOutput& output, QObject* parent)
    : CliCommand(output, parent)
    , m_desiredOptions(true)
    , m_yesOption(QStringLiteral("yes"), QStringLiteral("Apply without asking (needed when not run from a terminal)."))
{ }

ApplyCommand::~ApplyCommand() = default;

QString ApplyCommand::name() const
{
    return QStringLiteral("apply");
}

QString ApplyCommand::summary() const
{
    return QStringLiteral("Set up the signed-in pair as desired: preflight, plan, confirm, apply.");
}

void ApplyCommand::addOptions(QCommandLineParser& parser)
{
    m_desiredOptions.addTo(parser);
    parser.addOption(m_yesOption);
}

QString ApplyCommand::readOptions(const QCommandLineParser& parser)
{
    m_yes = parser.isSet(m_yesOption);
    if (const QString problem = m_desiredOptions.read(parser); !problem.isEmpty()) {
        return problem;
    }
    if (!m_yes && !CliConfirmation::inputIsTerminal()) {
        return tr("apply asks before it changes the tenants, and standard input is not a terminal; pass --yes to "
                  "apply without asking.");
    }
    return {};
}

void ApplyCommand::run()
{
    QString problem;
    m_pair = SetupPair::fromWorkspace(workspace(), &problem);
    if (!m_pair) {
        m_output.printError(problem);
        finish(ExitCode::Usage);
        return;
    }
    m_desired = m_desiredOptions.desiredFor(m_pair->source, m_pair->target);
    m_journal = std::make_unique<store::Journal>(workspace().database());
    readState([this](const setup::SetupState& state) { runPreflight(state); });
}

void ApplyCommand::readState(const std::function<void(const setup::SetupState&)>& then)
{
    auto* reader = new setup::SetupStateReader(*m_pair->sourceClient, *m_pair->targetClient, this);
    connect(reader, &setup::SetupStateReader::finished, this, [reader, then](const setup::SetupState& state) {
        reader->deleteLater();
        then(state);
    });
    connect(reader, &setup::SetupStateReader::failed, this, [this, reader](const QString& message) {
        reader->deleteLater();
        m_output.printError(message);
        finish(ExitCode::ServiceError);
    });
    setup::SetupStateReader::Options options;
    options.configurationDisplayName = m_desired.configurationDisplayName;
    reader->read(m_pair->source, m_pair->target, options);
}

void ApplyCommand::runPreflight(const setup::SetupState& state)
{
    const auth::SignInService& signIn = workspace().signIn();
    setup::Preflight::Input input;
    input.state = state;
    input.desired = m_desired;
    input.sourceAccount = signIn.account(TenantRole::Source);
    input.targetAccount = signIn.account(TenantRole::Target);
    input.sourceSetupScopes = Workspace::setupScopes(TenantRole::Source);
    input.targetSetupScopes = Workspace::setupScopes(TenantRole::Target);
    auto* preflight = new setup::Preflight(m_pair->sourceClient, m_pair->targetClient, this);
    connect(
        preflight, &setup::Preflight::finished, this, [this, preflight, state](const setup::PreflightReport& report) {
            preflight->deleteLater();
            if (!preflightAllows(report)) {
                return;
            }
            // Descriptions for the progress lines, also of a resumed run (its plan is built by the runner).
            const setup::SetupPlan plan = setup::SetupPlan::build(m_desired, state);
            for (const setup::PlanStep& step : plan.steps()) {
                m_descriptions.insert(step.id, step.description);
            }
            const QStringList interrupted
                = setup::PlanRunner::interruptedRuns(*m_journal, m_pair->source.id, m_pair->target.id);
            if (interrupted.isEmpty()) {
                applyPlan(state);
            } else {
                resumeInterrupted(interrupted.first());
            }
        });
    preflight->run(input);
}

bool ApplyCommand::preflightAllows(const setup::PreflightReport& report)
{
    if (report.isBlocked()) {
        if (m_output.isJson()) {
            printJsonResult(QJsonObject {{QStringLiteral("outcome"), QStringLiteral("blocked")},
                {QStringLiteral("preflight"), report.toJson()}});
        } else {
            SetupText::printPreflight(m_output, report, *m_pair);
        }
        m_output.printError(tr("the preflight blocks this setup, so nothing was changed; fix what it says and run "
                               "apply again."));
        finish(ExitCode::CheckFailed);
        return false;
    }
    if (m_output.isJson()) {
        return true;
    }
    int warnings = 0;
    for (const setup::PreflightCheck& check : report.checks) {
        if (check.outcome != setup::PreflightCheck::Outcome::Warn) {
            continue;
        }
        ++warnings;
        m_output.printLine(tr("Preflight warning: %1: %2").arg(check.title, check.sentence));
        if (!check.fix.isEmpty()) {
            m_output.printLine(tr("  Fix: %1").arg(check.fix));
        }
    }
    m_output.printLine(warnings == 0 ? tr("Preflight: every check passes.")
                                     : tr("Preflight: nothing blocks (%n warning(s) above).", nullptr, warnings));
    return true;
}

void ApplyCommand::resumeInterrupted(const QString& runId)
{
    const QString source = m_pair->source.readableName();
    const QString target = m_pair->target.readableName();
    m_output.printNote(
        tr("An earlier apply to %1 and %2 was interrupted (run %3); resuming it first.").arg(source, target, runId));
    if (!m_yes && !CliConfirmation::ask(tr("Finish the interrupted apply to %1 and %2? [y/N] ").arg(source, target))) {
        m_output.printNote(tr("Nothing was changed."));
        finish(ExitCode::Success);
        return;
    }
    m_resuming = true;
    m_resumedRunId = runId;
    watchRunner();
    m_runner->resume(runId, m_pair->source, m_pair->target);
}

void ApplyCommand::applyPlan(const setup::SetupState& state)
{
    const setup::SetupPlan plan = setup::SetupPlan::build(m_desired, state);
    for (const setup::PlanStep& step : plan.steps()) {
        m_descriptions.insert(step.id, step.description);
    }
    const QString source = m_pair->source.readableName();
    const QString target = m_pair->target.readableName();
    const qsizetype pending = plan.pendingSteps().size();
    if (pending == 0) {
        if (m_output.isJson()) {
            printJsonResult(QJsonObject {{QStringLiteral("outcome"), QStringLiteral("nothingToDo")},
                {QStringLiteral("runId"), QString()}, {QStringLiteral("steps"), QJsonArray()}});
        } else {
            m_output.printLine(tr("Nothing to do: %1 and %2 are already set up as desired.").arg(source, target));
        }
        finish(ExitCode::Success);
        return;
    }
    if (!m_output.isJson()) {
        SetupText::printPlan(m_output, plan, *m_pair, false);
    }
    m_changes = static_cast<int>(pending);
    if (!m_yes
        && !CliConfirmation::ask(
            tr("Apply %n change(s) to %1 and %2? [y/N] ", nullptr, m_changes).arg(source, target))) {
        m_output.printNote(tr("Nothing was changed."));
        finish(ExitCode::Success);
        return;
    }
    watchRunner();
    m_runner->start(m_desired, state);
}

void ApplyCommand::watchRunner()
{
    if (m_runner) {
        m_runner->deleteLater();
    }
    m_runner = new setup::PlanRunner(*m_pair->sourceClient, *m_pair->targetClient, *m_journal, this);
    connect(m_runner, &setup::PlanRunner::stepStarted, this, [this](const QString& stepId, int index, int count) {
        if (!m_output.isJson()) {
            m_output.printLine(QStringLiteral("[%1/%2] %3").arg(index + 1).arg(count).arg(stepId));
        }
    });
    // The runner's sentence says what happened ("Done: …", "Already there …", the error and what to do).
    connect(m_runner, &setup::PlanRunner::stepFinished, this, [this](const setup::PlanRunner::StepResult& result) {
        if (m_output.isJson()) {
            return;
        }
        QStringList facts;
        if (result.sent) {
            facts.append(tr("HTTP %1").arg(result.httpStatus));
        }
        if (!result.requestId.isEmpty()) {
            facts.append(tr("request id %1").arg(result.requestId));
        }
        QString line = QStringLiteral("      ")
            + (result.message.isEmpty() ? m_descriptions.value(result.stepId) : result.message);
        if (!facts.isEmpty()) {
            line += QStringLiteral(" (%1)").arg(facts.join(QStringLiteral(", ")));
        }
        m_output.printLine(line);
    });
    connect(m_runner, &setup::PlanRunner::progressMessage, this,
        [this](const QString& message) { m_output.printNote(message); });
    connect(m_runner, &setup::PlanRunner::finished, this, &ApplyCommand::runnerFinished);
}

void ApplyCommand::runnerFinished(const setup::PlanRunner::Result& result)
{
    const QString source = m_pair->source.readableName();
    const QString target = m_pair->target.readableName();
    if (result.outcome != setup::PlanRunner::Outcome::Succeeded) {
        if (m_output.isJson()) {
            printJsonResult(result.toJson());
        }
        m_output.printError(result.message.isEmpty()
                ? tr("the apply stopped at %1; run apply again to finish it.").arg(result.failedStepId)
                : result.message);
        finish(ExitCode::ServiceError);
        return;
    }
    if (m_resuming) {
        m_resuming = false;
        m_output.printNote(tr("Resumed and finished the interrupted apply (run %1).").arg(result.runId));
        // The plan is built afresh from what the tenants have now: usually nothing is left.
        readState([this](const setup::SetupState& state) { applyPlan(state); });
        return;
    }
    if (m_output.isJson()) {
        printJsonResult(result.toJson());
    } else {
        m_output.printLine(
            tr("Applied %n change(s) to %1 and %2 (run %3).", nullptr, m_changes).arg(source, target, result.runId));
    }
    finish(ExitCode::Success);
}

void ApplyCommand::printJsonResult(const QJsonObject& result)
{
    QJsonObject json = result;
    if (!m_resumedRunId.isEmpty()) {
        json.insert(QStringLiteral("resumedRunId"), m_resumedRunId);
    }
    m_output.printJson(QJsonDocument(json));
}

} // namespace tb::cli
