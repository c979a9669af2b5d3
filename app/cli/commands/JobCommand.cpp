// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/JobCommand.h"

#include "app/cli/CliConfirmation.h"
#include "app/cli/CliOutput.h"
#include "app/cli/commands/SetupPair.h"
#include "core/Workspace.h"
#include "core/graph/GraphRequest.h"
#include "core/graph/endpoints/SynchronizationEndpoints.h"
#include "core/model/SyncJob.h"
#include "core/sync/ErrorCatalogue.h"
#include "core/sync/JobMonitor.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace tb::cli {

namespace {

using graph::SynchronizationEndpoints;
using sync::ErrorCatalogue;

const QStringList kActions {
    QStringLiteral("status"), QStringLiteral("start"), QStringLiteral("pause"), QStringLiteral("restart")};

QString when(const QDateTime& time)
{
    // Scripts read --json; people read their own time zone.
    return QLocale::c().toString(time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QJsonObject explanationJson(const ErrorCatalogue::Explanation& explanation)
{
    return {{QStringLiteral("code"), explanation.code}, {QStringLiteral("title"), explanation.title},
        {QStringLiteral("meaning"), explanation.meaning}, {QStringLiteral("action"), explanation.action},
        {QStringLiteral("known"), explanation.known}};
}

QString executionLine(const model::SyncExecution& execution)
{
    QString line = execution.hasEnded() ? JobCommand::tr("ended %1").arg(when(execution.timeEnded))
                                        : JobCommand::tr("running since %1").arg(when(execution.timeBegan));
    if (!execution.state.isEmpty()) {
        line += QStringLiteral(", ") + execution.state;
    }
    line += JobCommand::tr("; %1 in scope, %2 of %3 changes written, %4 failed, %5 read")
                .arg(execution.countEntitled)
                .arg(execution.countExported)
                .arg(execution.countExports)
                .arg(execution.countEscrowed)
                .arg(execution.countImported);
    if (execution.error.isError()) {
        line += JobCommand::tr("; error %1").arg(execution.error.code);
    }
    return line;
}

} // namespace

JobCommand::JobCommand(CliOutput& output, QObject* parent)
    : CliCommand(output, parent)
    , m_desiredOptions(false)
    , m_resetScopeOption(QStringLiteral("reset-scope"),
          QStringLiteral("restart: what to reset, comma-separated: %1 (default: %2).")
              .arg(SynchronizationEndpoints::resetScopeValues().join(QStringLiteral(", ")),
                  SynchronizationEndpoints::defaultResetScope().join(QStringLiteral(","))),
          QStringLiteral("LIST"))
    , m_yesOption(QStringLiteral("yes"),
          QStringLiteral("Send the command without asking (needed when not run from a terminal)."))
{ }

JobCommand::~JobCommand() = default;

QString JobCommand::name() const
{
    return QStringLiteral("job");
}

QString JobCommand::summary() const
{
    return QStringLiteral("status | start | pause | restart: the pair's synchronization job.");
}

int JobCommand::positionalCount() const
{
    return 1;
}

void JobCommand::addOptions(QCommandLineParser& parser)
{
    m_desiredOptions.addTo(parser);
    parser.addOption(m_resetScopeOption);
    parser.addOption(m_yesOption);
}

QString JobCommand::readOptions(const QCommandLineParser& parser)
{
    if (const QString problem = m_desiredOptions.read(parser); !problem.isEmpty()) {
        return problem;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2) {
        return tr("job needs what to do: %1.").arg(kActions.join(QStringLiteral(", ")));
    }
    m_action = positional.at(1).toLower();
    if (!kActions.contains(m_action)) {
        return tr("job does not know \"%1\"; use one of %2.")
            .arg(positional.at(1), kActions.join(QStringLiteral(", ")));
    }
    m_yes = parser.isSet(m_yesOption);
    if (parser.isSet(m_resetScopeOption)) {
        if (m_action != QStringLiteral("restart")) {
            return tr("--reset-scope goes with restart only.");
        }
        m_resetScope = parser.value(m_resetScopeOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
        const graph::GraphRequest check = SynchronizationEndpoints::restartJobRequest(
            QStringLiteral("check"), QStringLiteral("check"), m_resetScope);
        if (!check.isValid()) {
            return check.invalidReason();
        }
    } else {
        m_resetScope = SynchronizationEndpoints::defaultResetScope();
    }
    if (m_action != QStringLiteral("status") && !m_yes && !CliConfirmation::inputIsTerminal()) {
        return tr("job %1 asks before it changes the job, and standard input is not a terminal; pass --yes to send "
                  "it without asking.")
            .arg(m_action);
    }
    return {};
}

void JobCommand::run()
{
    const std::optional<SetupPair> pair = SetupPair::fromWorkspace(workspace(), m_output);
    if (!pair) {
        finish(ExitCode::Usage);
        return;
    }
    m_targetName = pair->target.readableName();
    pair->readConfigurationWithJob(
        this, m_output, m_desiredOptions.desiredFor(pair->source, pair->target).configurationDisplayName,
        [this, pair](const model::CtsConfiguration& configuration) { withJob(*pair, configuration); },
        [this](ExitCode code) { finish(code); });
}

void JobCommand::withJob(const SetupPair& pair, const model::CtsConfiguration& configuration)
{
    m_configuration = configuration;
    m_monitor = new sync::JobMonitor(*pair.sourceClient, this);
    m_monitor->setJob(configuration.servicePrincipalId, configuration.jobId);
    connect(m_monitor, &sync::JobMonitor::failed, this, [this](const QString& message) {
        m_output.printError(message);
        finish(ExitCode::ServiceError);
    });
    connect(m_monitor, &sync::JobMonitor::jobRead, this, [this](const model::SyncJob& job) {
        if (m_action == QStringLiteral("status") || m_commandSent) {
            print(job);
            finish(ExitCode::Success);
            return;
        }
        sendCommand(job);
    });
    connect(m_monitor, &sync::JobMonitor::commandFinished, this,
        [this](sync::JobMonitor::Command, bool succeeded) { m_accepted = succeeded; });
    m_monitor->refresh();
}

void JobCommand::sendCommand(const model::SyncJob& job)
{
    const QString configurationName = m_configuration->displayName;
    const QString state = ErrorCatalogue::builtIn().explainState(job.statusCode).title;
    QString question;
    if (m_action == QStringLiteral("start")) {
        question = tr("Start synchronization of \"%1\" into %2 (now: %3)? [y/N] ");
    } else if (m_action == QStringLiteral("pause")) {
        question = tr("Pause synchronization of \"%1\" into %2 (now: %3)? [y/N] ");
    } else {
        question
            = tr("Restart synchronization of \"%1\" into %2 (now: %3), resetting %4? [y/N] ")
                  .arg(QStringLiteral("%1"), QStringLiteral("%2"), QStringLiteral("%3"),
                      m_resetScope.isEmpty() ? tr("the service's default") : m_resetScope.join(QStringLiteral(", ")));
    }
    if (!m_yes && !CliConfirmation::ask(question.arg(configurationName, m_targetName, state))) {
        m_output.printNote(tr("Nothing was sent."));
        finish(ExitCode::Success);
        return;
    }
    m_commandSent = true;
    if (m_action == QStringLiteral("start")) {
        m_monitor->start();
    } else if (m_action == QStringLiteral("pause")) {
        m_monitor->pause();
    } else {
        m_monitor->restart(m_resetScope);
    }
}

void JobCommand::print(const model::SyncJob& job)
{
    const ErrorCatalogue& catalogue = ErrorCatalogue::builtIn();
    const ErrorCatalogue::Explanation state = catalogue.explainState(job.statusCode);
    if (m_output.isJson()) {
        QJsonObject explanation {{QStringLiteral("state"), explanationJson(state)}};
        if (job.quarantine) {
            explanation.insert(QStringLiteral("quarantineReason"),
                explanationJson(catalogue.explainQuarantineReason(job.quarantine->reason)));
            if (job.quarantine->error.isError()) {
                explanation.insert(QStringLiteral("quarantineError"),
                    explanationJson(catalogue.explainError(job.quarantine->error.code)));
            }
        }
        QJsonObject json {{QStringLiteral("configuration"),
                              QJsonObject {{QStringLiteral("displayName"), m_configuration->displayName},
                                  {QStringLiteral("servicePrincipalId"), m_configuration->servicePrincipalId},
                                  {QStringLiteral("jobId"), m_configuration->jobId}}},
            {QStringLiteral("job"), job.toJson()}, {QStringLiteral("explanation"), explanation}};
        if (m_commandSent) {
            json.insert(QStringLiteral("command"), m_action);
            json.insert(QStringLiteral("accepted"), m_accepted);
        }
        m_output.printJson(QJsonDocument(json));
        return;
    }
    if (m_commandSent) {
        m_output.printLine(tr("The job accepted %1.").arg(m_action));
    }
    m_output.printLine(tr("Job of \"%1\" into %2: %3").arg(m_configuration->displayName, m_targetName, state.title));
    m_output.printLine(QStringLiteral("  ") + state.meaning);
    QList<QStringList> rows;
    rows.append({tr("Schedule"),
        job.scheduleState + (job.interval.isEmpty() ? QString() : QStringLiteral(", every ") + job.interval)});
    rows.append({tr("Last cycle"), job.lastExecution ? executionLine(*job.lastExecution) : tr("none yet")});
    rows.append({tr("Last success"),
        job.lastSuccessfulExecution && job.lastSuccessfulExecution->hasEnded()
            ? when(job.lastSuccessfulExecution->timeEnded)
            : tr("none yet")});
    rows.append({tr("Steady state"),
        job.hasReachedSteadyState() ? tr("reached %1").arg(when(job.steadyStateLastAchieved)) : tr("not reached yet")});
    rows.append({tr("Users in sync"), QString::number(job.synchronizedCount(QStringLiteral("User")))});
    if (job.quarantine) {
        const auto reason = catalogue.explainQuarantineReason(job.quarantine->reason);
        rows.append({tr("Quarantine"), tr("%1 (%2): %3").arg(reason.title, job.quarantine->reason, reason.meaning)});
        QString fix = reason.action;
        if (job.quarantine->error.isError()) {
            const auto error = catalogue.explainError(job.quarantine->error.code);
            rows.append({tr("Error"), tr("%1 (%2): %3").arg(error.title, job.quarantine->error.code, error.meaning)});
            if (!error.action.isEmpty()) {
                fix = error.action;
            }
        }
        rows.append({tr("What to do"), fix});
        if (job.quarantine->nextAttempt.isValid()) {
            rows.append({tr("Next attempt"), when(job.quarantine->nextAttempt)});
        }
    }
    m_output.printTable({tr("Fact"), tr("Value")}, rows);
}

} // namespace tb::cli
