// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/commands/DesiredSettingsOptions.h"
#include "app/cli/commands/SetupPair.h"
#include "core/sync/TraceResult.h"

#include <QString>

#include <optional>

namespace tb::sync {
class Trace;
}

namespace tb::cli {

// `trace USER [--name TEXT]`: why one source user (UPN or object id) is or is not synced (sync::Trace, issue 6).
// Finds the pair's configuration and job as `preview` does, then prints each check as a PASS/WARN/FAIL/???? line,
// then "Blocked by: … Fix: …" or "Nothing blocks …", and the user's latest provisioning log records; --json: the
// TraceResult. Exit: 0 nothing blocks, 3 something blocks (also: no configuration or job), 2 bad usage, 4 Graph
// failed.
class TraceCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraceCommand)

public:
    explicit TraceCommand(CliOutput& output, QObject* parent = nullptr);
    ~TraceCommand() override;

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] int positionalCount() const override { return 1; }
    void addOptions(QCommandLineParser& parser) override;
    [[nodiscard]] QString readOptions(const QCommandLineParser& parser) override;

private:
    void run() override;
    void print(const sync::TraceResult& result);

    DesiredSettingsOptions m_desiredOptions;
    QString m_user;
    std::optional<SetupPair> m_pair;
    QString m_configurationName;
    sync::Trace* m_trace = nullptr;
};

} // namespace tb::cli
