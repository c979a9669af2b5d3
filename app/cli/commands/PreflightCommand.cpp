// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/PreflightCommand.h"

#include "app/cli/CliOutput.h"
#include "app/cli/commands/SetupPair.h"
#include "app/cli/commands/SetupText.h"
#include "core/Workspace.h"
#include "core/auth/SignInService.h"
#include "core/model/TenantRole.h"
#include "core/setup/Preflight.h"
#include "core/setup/SetupStateReader.h"

#include <QJsonObject>

namespace tb::cli {

using model::TenantRole;

PreflightCommand::PreflightCommand(CliOutput& output, QObject* parent)
    : CliCommand(output, parent)
    , m_desiredOptions(false)
{ }

QString PreflightCommand::name() const
{
    return QStringLiteral("preflight");
}

QString PreflightCommand::summary() const
{
    return QStringLiteral("Check whether the signed-in pair can be set up, and audit the target's trusted partners.");
}

void PreflightCommand::addOptions(QCommandLineParser& parser)
{
    m_desiredOptions.addTo(parser);
}

QString PreflightCommand::readOptions(const QCommandLineParser& parser)
{
    return m_desiredOptions.read(parser);
}

void PreflightCommand::run()
{
    QString problem;
    const std::optional<SetupPair> pair = SetupPair::fromWorkspace(workspace(), &problem);
    if (!pair) {
        // Not signed in (or one tenant twice): the preflight's own first check says so, and blocks.
        setup::SetupState state;
        state.source = workspace().tenant(TenantRole::Source).value_or(model::Tenant());
        state.target = workspace().tenant(TenantRole::Target).value_or(model::Tenant());
        runChecks(state);
        return;
    }
    auto* reader = new setup::SetupStateReader(*pair->sourceClient, *pair->targetClient, this);
    connect(reader, &setup::SetupStateReader::finished, this, [this, reader](const setup::SetupState& state) {
        reader->deleteLater();
        runChecks(state);
    });
    connect(reader, &setup::SetupStateReader::failed, this, [this, reader, pair](const QString& message) {
        reader->deleteLater();
        // The checks make their own reads and say what they could not read; the state only adds detail.
        m_output.printNote(tr("Could not read the current settings: %1").arg(message));
        setup::SetupState state;
        state.source = pair->source;
        state.target = pair->target;
        runChecks(state);
    });
    setup::SetupStateReader::Options options;
    options.configurationDisplayName = m_desiredOptions.desiredFor(pair->source, pair->target).configurationDisplayName;
    reader->read(pair->source, pair->target, options);
}

void PreflightCommand::runChecks(const setup::SetupState& state)
{
    const auth::SignInService& signIn = workspace().signIn();
    setup::Preflight::Input input;
    input.state = state;
    input.desired = m_desiredOptions.desiredFor(state.source, state.target);
    input.sourceAccount = signIn.account(TenantRole::Source);
    input.targetAccount = signIn.account(TenantRole::Target);
    input.sourceSetupScopes = Workspace::setupScopes(TenantRole::Source);
    input.targetSetupScopes = Workspace::setupScopes(TenantRole::Target);
    auto* preflight = new setup::Preflight(
        workspace().setupClient(TenantRole::Source), workspace().setupClient(TenantRole::Target), this);
    connect(
        preflight, &setup::Preflight::finished, this, [this, preflight, state](const setup::PreflightReport& report) {
            preflight->deleteLater();
            if (m_output.isJson()) {
                m_output.printJson(QJsonDocument(report.toJson()));
            } else {
                SetupPair pair;
                pair.source = state.source;
                pair.target = state.target;
                SetupText::printPreflight(m_output, report, pair);
            }
            finish(report.isBlocked() ? ExitCode::CheckFailed : ExitCode::Success);
        });
    preflight->run(input);
}

} // namespace tb::cli
