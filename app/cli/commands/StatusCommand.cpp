// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/StatusCommand.h"

#include "app/cli/CliOutput.h"
#include "app/cli/commands/SetupPair.h"
#include "app/cli/commands/SetupText.h"
#include "core/Workspace.h"
#include "core/setup/PlanRunner.h"
#include "core/setup/SetupPlan.h"
#include "core/setup/SetupStateReader.h"
#include "core/store/Journal.h"

#include <QJsonArray>
#include <QJsonObject>

namespace tb::cli {

StatusCommand::StatusCommand(CliOutput& output, QObject* parent)
    : CliCommand(output, parent)
    , m_desiredOptions(false)
{ }

QString StatusCommand::name() const
{
    return QStringLiteral("status");
}

QString StatusCommand::summary() const
{
    return QStringLiteral("Show how both tenants are set up for cross-tenant synchronization today.");
}

void StatusCommand::addOptions(QCommandLineParser& parser)
{
    m_desiredOptions.addTo(parser);
}

QString StatusCommand::readOptions(const QCommandLineParser& parser)
{
    return m_desiredOptions.read(parser);
}

void StatusCommand::run()
{
    QString problem;
    const std::optional<SetupPair> pair = SetupPair::fromWorkspace(workspace(), &problem);
    if (!pair) {
        m_output.printError(problem);
        finish(ExitCode::Usage);
        return;
    }
    auto* reader = new setup::SetupStateReader(*pair->sourceClient, *pair->targetClient, this);
    connect(reader, &setup::SetupStateReader::finished, this, [this, reader, pair](const setup::SetupState& state) {
        reader->deleteLater();
        print(*pair, state);
        finish(ExitCode::Success);
    });
    connect(reader, &setup::SetupStateReader::failed, this, [this, reader](const QString& message) {
        reader->deleteLater();
        m_output.printError(message);
        finish(ExitCode::ServiceError);
    });
    setup::SetupStateReader::Options options;
    options.configurationDisplayName = m_desiredOptions.desiredFor(pair->source, pair->target).configurationDisplayName;
    reader->read(pair->source, pair->target, options);
}

void StatusCommand::print(const SetupPair& pair, const setup::SetupState& state)
{
    const model::DesiredSettings desired = m_desiredOptions.desiredFor(pair.source, pair.target);
    const setup::SetupPlan plan = setup::SetupPlan::build(desired, state);
    store::Journal journal(workspace().database());
    const QStringList interrupted = setup::PlanRunner::interruptedRuns(journal, pair.source.id, pair.target.id);
    QStringList pending;
    for (const setup::PlanStep& step : plan.pendingSteps()) {
        pending.append(step.id);
    }
    if (m_output.isJson()) {
        QJsonObject json = state.toJson();
        json.insert(QStringLiteral("desired"), desired.toJson());
        json.insert(QStringLiteral("plan"),
            QJsonObject {{QStringLiteral("pendingSteps"), QJsonArray::fromStringList(pending)},
                {QStringLiteral("nothingToDo"), pending.isEmpty()},
                {QStringLiteral("interruptedRuns"), QJsonArray::fromStringList(interrupted)}});
        m_output.printJson(QJsonDocument(json));
        return;
    }
    SetupText::printState(m_output, state, desired.configurationDisplayName);
    m_output.printLine(QString());
    if (pending.isEmpty()) {
        m_output.printLine(tr("Set up as desired: 'apply' has nothing to do."));
    } else {
        m_output.printLine(tr("'apply' would make %n change(s): %1.", nullptr, static_cast<int>(pending.size()))
                               .arg(pending.join(QStringLiteral(", "))));
    }
    if (!interrupted.isEmpty()) {
        m_output.printLine(tr("An earlier apply to these tenants was interrupted (run %1); 'apply' finishes it first.")
                               .arg(interrupted.first()));
    }
}

} // namespace tb::cli
