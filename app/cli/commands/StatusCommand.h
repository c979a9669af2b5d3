// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/commands/DesiredSettingsOptions.h"

namespace tb::setup {
struct SetupState;
}

namespace tb::cli {

struct SetupPair;

// `status [--name TEXT]`: how both tenants are set today for cross-tenant sync — the partner entries and the
// three access settings each side, this pair's configuration and job, the source's other configurations — and
// what an apply with the defaults would change. `--json`: SetupState::toJson() plus "desired" and "plan".
class StatusCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusCommand)

public:
    explicit StatusCommand(CliOutput& output, QObject* parent = nullptr);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    [[nodiscard]] QString readOptions(const QCommandLineParser& parser) override;

private:
    void run() override;
    void print(const SetupPair& pair, const setup::SetupState& state);

    DesiredSettingsOptions m_desiredOptions;
};

} // namespace tb::cli
