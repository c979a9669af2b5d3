// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/commands/DesiredSettingsOptions.h"

#include <QCommandLineOption>

namespace tb::cli {

// `plan [--show-requests] [--no-… options] [--name TEXT]`: the ordered steps that would make both tenants as
// desired, each satisfied or pending, and the warnings; nothing is sent. `--show-requests` adds each step's
// method, path and body; `--json` prints SetupPlan::toJson().
class PlanCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanCommand)

public:
    explicit PlanCommand(CliOutput& output, QObject* parent = nullptr);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    [[nodiscard]] QString readOptions(const QCommandLineParser& parser) override;

private:
    void run() override;

    DesiredSettingsOptions m_desiredOptions;
    QCommandLineOption m_showRequestsOption;
    bool m_showRequests = false;
};

} // namespace tb::cli
