// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/commands/DesiredSettingsOptions.h"
#include "app/cli/commands/SetupPair.h"
#include "core/setup/PlanRunner.h"
#include "core/setup/SetupPlan.h"
#include "core/setup/SetupState.h"

#include <QCommandLineOption>
#include <QHash>

#include <functional>
#include <memory>
#include <optional>

namespace tb::store {
class Journal;
}

namespace tb::setup {
struct PreflightReport;
}

namespace tb::cli {

// `apply [--yes] [--no-… options] [--name TEXT]`: sets up the signed-in pair as desired. In order: reads both
// tenants, runs the preflight (a blocking check: exit 3, nothing sent), finishes an interrupted apply of this pair
// from the journal (and says so), builds the plan afresh, prints it, asks "Apply N changes to <source> and
// <target>? [y/N]" on the terminal unless --yes, and runs it with PlanRunner, printing each step as it goes.
// A failed step: exit 4 with its sentence. Without --yes, standard input must be a terminal (else exit 2), so a
// script never hangs on a question. `--json` prints the PlanRunner::Result.
class ApplyCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApplyCommand)

public:
    explicit ApplyCommand(CliOutput& output, QObject* parent = nullptr);
    ~ApplyCommand() override;

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    [[nodiscard]] QString readOptions(const QCommandLineParser& parser) override;

private:
    void run() override;
    void readState(const std::function<void(const setup::SetupState&)>& then);
    void runPreflight(const setup::SetupState& state);
    // Prints what the preflight found; false (and finished with exit 3) when a check blocks.
    [[nodiscard]] bool preflightAllows(const setup::PreflightReport& report);
    void resumeInterrupted(const QString& runId);
    void applyPlan(const setup::SetupState& state);
    void watchRunner();
    void runnerFinished(const setup::PlanRunner::Result& result);
    void printJsonResult(const QJsonObject& result);

    DesiredSettingsOptions m_desiredOptions;
    QCommandLineOption m_yesOption;
    bool m_yes = false;
    std::optional<SetupPair> m_pair;
    model::DesiredSettings m_desired;
    std::unique_ptr<store::Journal> m_journal;
    setup::PlanRunner* m_runner = nullptr;
    QHash<QString, QString> m_descriptions; // step id -> sentence, for the progress lines
    QString m_resumedRunId; // the interrupted run finished before this apply's own, if any
    bool m_resuming = false;
    int m_changes = 0;
};

} // namespace tb::cli
