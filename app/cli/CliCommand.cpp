// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliCommand.h"

namespace tb::cli {

CliCommand::CliCommand(CliOutput& output, QObject* parent)
    : QObject(parent)
    , m_output(output)
{ }

void CliCommand::start(Workspace& workspace)
{
    m_workspace = &workspace;
    run();
}

void CliCommand::finish(ExitCode code)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    emit finished(code);
}

} // namespace tb::cli
