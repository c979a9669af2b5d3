// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/TraceCommand.h"

#include "app/cli/CliOutput.h"
#include "core/Workspace.h"
#include "core/model/CtsConfiguration.h"
#include "core/sync/Trace.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace tb::cli {

namespace {

using sync::TraceResult;

QString stateLabel(TraceResult::State state)
{
    switch (state) {
    case TraceResult::State::Pass:
        return QStringLiteral("PASS");
    case TraceResult::State::Warn:
        return QStringLiteral("WARN");
    case TraceResult::State::Fail:
        return QStringLiteral("FAIL");
    case TraceResult::State::Unknown:
        break;
    }
    return QStringLiteral("????");
}

} // namespace

TraceCommand::TraceCommand(CliOutput& output, QObject* parent)
    : CliCommand(output, parent)
    , m_desiredOptions(false)
{ }

TraceCommand::~TraceCommand() = default;

QString TraceCommand::name() const
{
    return QStringLiteral("trace");
}

QString TraceCommand::summary() const
{
    return QStringLiteral("Why a source user is or is not synced, and the fix.");
}

void TraceCommand::addOptions(QCommandLineParser& parser)
{
    m_desiredOptions.addTo(parser);
}

QString TraceCommand::readOptions(const QCommandLineParser& parser)
{
    if (const QString problem = m_desiredOptions.read(parser); !problem.isEmpty()) {
        return problem;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2 || positional.at(1).trimmed().isEmpty()) {
        return tr("trace needs the source user: trace USER (a user principal name or object id).");
    }
    m_user = positional.at(1).trimmed();
    return {};
}

void TraceCommand::run()
{
    m_pair = SetupPair::fromWorkspace(workspace(), m_output);
    if (!m_pair) {
        finish(ExitCode::Usage);
        return;
    }
    m_pair->readConfigurationWithJob(
        this, m_output, m_desiredOptions.desiredFor(m_pair->source, m_pair->target).configurationDisplayName,
        [this](const model::CtsConfiguration& configuration) {
            m_configurationName = configuration.displayName;
            m_trace = new sync::Trace(*m_pair->sourceClient, *m_pair->targetClient, this);
            connect(m_trace, &sync::Trace::failed, this, [this](const QString& message) {
                m_output.printError(message);
                finish(ExitCode::ServiceError);
            });
            connect(m_trace, &sync::Trace::finished, this, [this](const TraceResult& result) {
                print(result);
                finish(result.isBlocked() ? ExitCode::CheckFailed : ExitCode::Success);
            });
            const sync::Trace::Target target {configuration.servicePrincipalId, configuration.jobId,
                configuration.displayName, m_pair->source.readableName(), m_pair->target.readableName()};
            m_trace->start(target, m_user);
        },
        [this](ExitCode code) { finish(code); });
}

void TraceCommand::print(const TraceResult& result)
{
    if (m_output.isJson()) {
        m_output.printJson(QJsonDocument(result.toJson()));
        return;
    }
    m_output.printLine(tr("Trace of %1 in \"%2\" (%3); nothing was written.")
                           .arg(result.userPrincipalName.isEmpty() ? result.user : result.userPrincipalName,
                               m_configurationName, m_pair->title()));
    for (const TraceResult::Step& step : result.steps) {
        m_output.printLine(QStringLiteral("%1  %2: %3").arg(stateLabel(step.state), step.check, step.detail));
    }
    m_output.printLine(QString());
    if (const TraceResult::Step* blocker = result.blockingStep()) {
        m_output.printLine(tr("Blocked by: %1: %2").arg(blocker->check, blocker->detail));
        m_output.printLine(tr("Fix: %1").arg(blocker->fix));
    } else {
        m_output.printLine(
            tr("Nothing blocks %1. %2")
                .arg(result.userPrincipalName.isEmpty() ? result.user : result.userPrincipalName, result.conclusion));
    }
    if (!result.logs.isEmpty()) {
        m_output.printLine(QString());
        m_output.printLine(tr("Latest provisioning log records:"));
        for (const TraceResult::LogRecord& record : result.logs) {
            QString line = QStringLiteral("  %1  %2  %3")
                               .arg(record.activityDateTime.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                   record.action, record.status);
            if (!record.code.isEmpty()) {
                line += QStringLiteral("  ") + record.code;
            }
            if (!record.reason.isEmpty()) {
                line += QStringLiteral("  ") + record.reason;
            }
            m_output.printLine(line);
        }
    }
}

} // namespace tb::cli
