// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/ExitCode.h"
#include "core/model/Tenant.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

class QObject;

namespace tb {
class Workspace;
}

namespace tb::graph {
class GraphClient;
}

namespace tb::model {
struct CtsConfiguration;
}

namespace tb::cli {

class CliOutput;

// The signed-in source and target of the setup commands, with the Graph clients that ask for the setup scopes
// (Workspace::setupClient). Borrowed from the workspace, which must outlive it.
struct SetupPair
{
    Q_DECLARE_TR_FUNCTIONS(SetupPair)

public:
    model::Tenant source;
    model::Tenant target;
    graph::GraphClient* sourceClient = nullptr;
    graph::GraphClient* targetClient = nullptr;

    // Both roles signed in to different tenants; else nothing, and problem says which `login` to run.
    [[nodiscard]] static std::optional<SetupPair> fromWorkspace(const Workspace& workspace, QString* problem);
    // The same, printing the problem to output; the command then finishes with ExitCode::Usage.
    [[nodiscard]] static std::optional<SetupPair> fromWorkspace(const Workspace& workspace, const CliOutput& output);

    // Reads the pair's setup state (the configuration named configurationDisplayName) for the commands that work
    // on an existing synchronization job, and hands withJob a configuration that has one. Otherwise prints why
    // and calls finish: ExitCode::CheckFailed without a configuration or job (noJobMessage, or by default a
    // sentence saying which of the two is missing and to run 'apply'), ExitCode::ServiceError when the read
    // failed. The reader and its callbacks live under context, the command.
    void readConfigurationWithJob(QObject* context, const CliOutput& output, const QString& configurationDisplayName,
        std::function<void(const model::CtsConfiguration&)> withJob, std::function<void(ExitCode)> finish,
        const QString& noJobMessage = {}) const;
    // "Contoso → Fabrikam".
    [[nodiscard]] QString title() const;
};

} // namespace tb::cli
