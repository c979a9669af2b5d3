// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/commands/DesiredSettingsOptions.h"
#include "app/cli/commands/SetupPair.h"
#include "core/model/CtsConfiguration.h"
#include "core/sync/RolloutPlan.h"

#include <QCommandLineOption>
#include <QList>
#include <QPair>
#include <QStringList>

#include <memory>
#include <optional>

namespace tb::store {
class Journal;
}

namespace tb::sync {
class RolloutRunner;
class RolloutStore;
} // namespace tb::sync

namespace tb::cli {

// `rollout plan --stage NAME=GROUP[,GROUP…]… | run [--yes] [--threshold PCT] | status | pause | undo STAGE [--yes]`:
// the staged rollout of the pair's configuration (sync::RolloutRunner). plan resolves the groups (by display name or
// id), estimates each stage (users it brings, new users in the target, users without P1) and saves the plan; run
// assigns the next stage (or resumes the paused one: starts the job again) and watches it until its cycle completes or
// it pauses itself; status shows the stages;
// pause pauses the job and the watched stage; undo removes the assignments a stage added. run and undo ask first
// unless --yes, and need --yes when standard input is not a terminal. --json: the plan (RolloutPlan::toJson()).
// When an account's sign-in is lost during run or undo (its refresh token revoked or expired), the step stops where
// it is and says which account to sign in again and how; after `login`, the same command goes on from there.
// Exit: 0; 2 bad usage; 3 no configuration, no plan, or the stage paused itself; 4 Graph failed, or the step stopped
// until an account signs in again; 5 the store failed.
class RolloutCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutCommand)

public:
    explicit RolloutCommand(CliOutput& output, QObject* parent = nullptr);
    ~RolloutCommand() override;

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] int positionalCount() const override;
    void addOptions(QCommandLineParser& parser) override;
    [[nodiscard]] QString readOptions(const QCommandLineParser& parser) override;

private:
    void run() override;
    void withConfiguration(const model::CtsConfiguration& configuration);
    void plan(const model::CtsConfiguration& configuration);
    void resolveNextGroup(sync::RolloutPlan plan, int stage, int group);
    void estimateAndSave(const sync::RolloutPlan& plan);
    void runStage();
    void pause();
    void undo();
    void printPlan(const sync::RolloutPlan& plan) const;
    void printFailures(const sync::RolloutStage& stage) const;
    // The runner stopped for a lost sign-in: the stage's message, which account to sign in again, then exit 4.
    void stoppedForSignIn(int stage, const QString& message, const QString& again);
    [[nodiscard]] QString loginHint() const;
    [[nodiscard]] std::optional<sync::RolloutPlan> loadPlan(const QString& servicePrincipalId);
    [[nodiscard]] sync::RolloutRunner* makeRunner();

    DesiredSettingsOptions m_desiredOptions;
    QCommandLineOption m_stageOption;
    QCommandLineOption m_thresholdOption;
    QCommandLineOption m_yesOption;
    QString m_action; // plan, run, status, pause, undo
    QList<QPair<QString, QStringList>> m_stages; // plan: name -> groups
    QString m_undoStage;
    std::optional<double> m_threshold; // a share, 0..1
    bool m_yes = false;
    std::optional<SetupPair> m_pair;
    std::unique_ptr<store::Journal> m_journal;
    std::unique_ptr<sync::RolloutStore> m_store;
    sync::RolloutRunner* m_runner = nullptr;
    std::optional<sync::RolloutPlan> m_plan;
};

} // namespace tb::cli
