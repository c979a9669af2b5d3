// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/commands/DesiredSettingsOptions.h"

namespace tb::setup {
struct SetupState;
}

namespace tb::cli {

// `preflight [--name TEXT]`: whether the signed-in pair can be set up as desired — each check as pass, warn or
// block with its sentence and fix — and the target's trust audit. Exit 3 (CheckFailed) when a check blocks.
// `--json`: PreflightReport::toJson(). Runs even when a role is not signed in, to say so.
class PreflightCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreflightCommand)

public:
    explicit PreflightCommand(CliOutput& output, QObject* parent = nullptr);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    [[nodiscard]] QString readOptions(const QCommandLineParser& parser) override;

private:
    void run() override;
    void runChecks(const setup::SetupState& state);

    DesiredSettingsOptions m_desiredOptions;
};

} // namespace tb::cli
