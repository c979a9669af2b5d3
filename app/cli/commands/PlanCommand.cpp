// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/PlanCommand.h"

#include "app/cli/CliOutput.h"
#include "app/cli/commands/SetupPair.h"
#include "app/cli/commands/SetupText.h"
#include "core/Workspace.h"
#include "core/setup/SetupPlan.h"
#include "core/setup/SetupStateReader.h"

#include <QCommandLineParser>
#include <QJsonObject>

namespace tb::cli {

PlanCommand::PlanCommand(CliOutput& output, QObject* parent)
    : CliCommand(output, parent)
    , m_desiredOptions(true)
    , m_showRequestsOption(QStringLiteral("show-requests"),
          QStringLiteral("Show the exact request of each step: method, path and body."))
{ }

QString PlanCommand::name() const
{
    return QStringLiteral("plan");
}

QString PlanCommand::summary() const
{
    return QStringLiteral("Show the steps that would set up the signed-in pair as desired; sends nothing.");
}

void PlanCommand::addOptions(QCommandLineParser& parser)
{
    m_desiredOptions.addTo(parser);
    parser.addOption(m_showRequestsOption);
}

QString PlanCommand::readOptions(const QCommandLineParser& parser)
{
    m_showRequests = parser.isSet(m_showRequestsOption);
    return m_desiredOptions.read(parser);
}

void PlanCommand::run()
{
    QString problem;
    const std::optional<SetupPair> pair = SetupPair::fromWorkspace(workspace(), &problem);
    if (!pair) {
        m_output.printError(problem);
        finish(ExitCode::Usage);
        return;
    }
    const model::DesiredSettings desired = m_desiredOptions.desiredFor(pair->source, pair->target);
    auto* reader = new setup::SetupStateReader(*pair->sourceClient, *pair->targetClient, this);
    connect(reader, &setup::SetupStateReader::finished, this,
        [this, reader, pair, desired](const setup::SetupState& state) {
            reader->deleteLater();
            const setup::SetupPlan plan = setup::SetupPlan::build(desired, state);
            if (m_output.isJson()) {
                m_output.printJson(QJsonDocument(plan.toJson()));
            } else {
                SetupText::printPlan(m_output, plan, *pair, m_showRequests);
            }
            finish(ExitCode::Success);
        });
    connect(reader, &setup::SetupStateReader::failed, this, [this, reader](const QString& message) {
        reader->deleteLater();
        m_output.printError(message);
        finish(ExitCode::ServiceError);
    });
    setup::SetupStateReader::Options options;
    options.configurationDisplayName = desired.configurationDisplayName;
    reader->read(pair->source, pair->target, options);
}

} // namespace tb::cli
