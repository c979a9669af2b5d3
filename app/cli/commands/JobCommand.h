// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/commands/DesiredSettingsOptions.h"
#include "core/model/CtsConfiguration.h"

#include <QCommandLineOption>
#include <QStringList>

#include <optional>

namespace tb::model {
struct SyncJob;
}

namespace tb::sync {
class JobMonitor;
}

namespace tb::cli {

struct SetupPair;

// `job status|start|pause|restart [--reset-scope LIST] [--yes] [--name TEXT]`: the health of this pair's
// synchronization job (state, last cycle with counts, steady state, quarantine with what it means and what to do,
// from sync::ErrorCatalogue), and the commands of graph-reference.md 2.3. Finds the pair's configuration as
// `status` does (SetupStateReader, by the configuration's name). start, pause and restart ask first unless --yes,
// and need --yes when standard input is not a terminal. --json: {configuration, job (Graph's shape),
// explanation, command?, accepted?}. Exit: 0, 2 bad usage, 3 no configuration or job, 4 Graph failed.
class JobCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobCommand)

public:
    explicit JobCommand(CliOutput& output, QObject* parent = nullptr);
    ~JobCommand() override;

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] int positionalCount() const override;
    void addOptions(QCommandLineParser& parser) override;
    [[nodiscard]] QString readOptions(const QCommandLineParser& parser) override;

private:
    void run() override;
    void withJob(const SetupPair& pair, const model::CtsConfiguration& configuration);
    void sendCommand(const model::SyncJob& job);
    void print(const model::SyncJob& job);

    DesiredSettingsOptions m_desiredOptions;
    QCommandLineOption m_resetScopeOption;
    QCommandLineOption m_yesOption;
    QString m_action; // status, start, pause, restart
    QStringList m_resetScope;
    bool m_yes = false;
    std::optional<model::CtsConfiguration> m_configuration;
    QString m_targetName;
    sync::JobMonitor* m_monitor = nullptr;
    bool m_commandSent = false;
    bool m_accepted = false;
};

} // namespace tb::cli
