// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/SetupPair.h"

#include "app/cli/CliOutput.h"
#include "core/Workspace.h"
#include "core/model/TenantRole.h"
#include "core/setup/SetupStateReader.h"

namespace tb::cli {

std::optional<SetupPair> SetupPair::fromWorkspace(const Workspace& workspace, QString* problem)
{
    QStringList missing;
    for (const model::TenantRole role : {model::TenantRole::Source, model::TenantRole::Target}) {
        if (!workspace.tenant(role) || !workspace.setupClient(role)) {
            missing.append(model::tenantRoleName(role));
        }
    }
    if (!missing.isEmpty()) {
        *problem = missing.size() == 2
            ? tr("neither tenant is signed in; run 'tenantbridge-cli login --role source --tenant ID-OR-DOMAIN' and "
                 "'tenantbridge-cli login --role target --tenant ID-OR-DOMAIN' first.")
            : tr("the %1 tenant is not signed in; run 'tenantbridge-cli login --role %1 --tenant ID-OR-DOMAIN' first.")
                  .arg(missing.first());
        return std::nullopt;
    }
    SetupPair pair;
    pair.source = *workspace.tenant(model::TenantRole::Source);
    pair.target = *workspace.tenant(model::TenantRole::Target);
    pair.sourceClient = workspace.setupClient(model::TenantRole::Source);
    pair.targetClient = workspace.setupClient(model::TenantRole::Target);
    if (pair.source.id.compare(pair.target.id, Qt::CaseInsensitive) == 0) {
        *problem = tr("the source and the target are the same tenant (%1); sign in to another tenant with "
                      "'tenantbridge-cli login --role target --tenant ID-OR-DOMAIN'.")
                       .arg(pair.source.readableName());
        return std::nullopt;
    }
    return pair;
}

std::optional<SetupPair> SetupPair::fromWorkspace(const Workspace& workspace, const CliOutput& output)
{
    QString problem;
    std::optional<SetupPair> pair = fromWorkspace(workspace, &problem);
    if (!pair) {
        output.printError(problem);
    }
    return pair;
}

void SetupPair::readConfigurationWithJob(QObject* context, const CliOutput& output,
    const QString& configurationDisplayName, std::function<void(const model::CtsConfiguration&)> withJob,
    std::function<void(ExitCode)> finish, const QString& noJobMessage) const
{
    auto* reader = new setup::SetupStateReader(*sourceClient, *targetClient, context);
    // The pair is copied into the callback: some commands hold theirs in a local of run().
    QObject::connect(reader, &setup::SetupStateReader::finished, context,
        [pair = *this, reader, &output, withJob, finish, noJobMessage](const setup::SetupState& state) {
            reader->deleteLater();
            if (!state.configuration || !state.configuration->hasJob()) {
                if (!noJobMessage.isEmpty()) {
                    output.printError(noJobMessage);
                } else {
                    output.printError(state.configuration
                            ? tr("the configuration \"%1\" has no synchronization job; run 'apply' to create it.")
                                  .arg(state.configuration->displayName)
                            : tr("%1 has no cross-tenant synchronization configuration for %2; run 'apply' first.")
                                  .arg(pair.source.readableName(), pair.target.readableName()));
                }
                finish(ExitCode::CheckFailed);
                return;
            }
            withJob(*state.configuration);
        });
    QObject::connect(
        reader, &setup::SetupStateReader::failed, context, [reader, &output, finish](const QString& message) {
            reader->deleteLater();
            output.printError(message);
            finish(ExitCode::ServiceError);
        });
    setup::SetupStateReader::Options options;
    options.configurationDisplayName = configurationDisplayName;
    reader->read(source, target, options);
}

QString SetupPair::title() const
{
    return QStringLiteral("%1 \u2192 %2").arg(source.readableName(), target.readableName());
}

} // namespace tb::cli
