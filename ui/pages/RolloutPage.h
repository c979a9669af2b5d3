// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/setup/SetupState.h"
#include "core/sync/RolloutPlan.h"
#include "core/sync/RolloutRunner.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QMessageBox;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace tb {
class Workspace;
}

namespace tb::graph {
class GraphClient;
}

namespace tb::setup { }

namespace tb::store {
class Journal;
}

namespace tb::sync {
class JobMonitor;
class RolloutEstimator;
class RolloutStore;
} // namespace tb::sync

namespace tb::ui {

class JobHealthPanel;
class MessageBanner;
class RolloutFailureTree;
class PairConfigurationReader;

// "Roll out in stages" (issue 6): the administrator lists the stages (a name and the source's groups, by exact
// display name, or users, by sign-in name), estimates what each brings into the target (users, how many are new
// there and count toward its External ID monthly-active-user billing, how many lack Entra ID P1), sets the error
// rate at which a stage pauses itself, and runs one stage at a time (core's RolloutRunner, after a confirmation
// naming the target and the counts), watching its progress, the job's health, and pausing, resuming or undoing it
// (after the runner's warning of what undo does in the target). The rollout is kept in the profile database
// (RolloutStore), so the page shows it again after a restart. Stages that have run are read-only. Finds the pair's
// configuration itself (PairConfigurationReader) unless the topology page hands its state over. When an account's
// sign-in is lost mid-stage, the runner stops where it is; the page says to sign in again and, once both accounts are
// signed in, goes on with what stopped (the stage, or its undo) by itself. GUI thread.
class RolloutPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutPage)

public:
    explicit RolloutPage(Workspace& workspace, QWidget* parent = nullptr);
    ~RolloutPage() override;

    // What the topology page read: the configuration and job to roll out; loads its newest rollout.
    void setSetupState(const setup::SetupState& state);
    // How the runner polls the job (tests make it fast); applies to the runner made next and the current one.
    void setRunnerSettings(const sync::RolloutRunner::Settings& settings);
    [[nodiscard]] const sync::RolloutPlan& plan() const { return m_plan; }

    // Adds a planned stage after resolving its principals: groups by exact display name (or object id), users by
    // sign-in name (anything with an @). Ends with stageAdded, or a banner naming what was not found.
    void addStage(const QString& name, const QStringList& principals);
    void removeStage(int stage);
    void moveStage(int stage, int by);
    void estimate();
    // Ask first (return with the confirmation open; confirmation() is it, for tests).
    void runNextStage();
    void requestUndo(int stage);
    void pause();
    void resume();
    [[nodiscard]] QMessageBox* confirmation() const { return m_confirmation; }
    [[nodiscard]] JobHealthPanel* jobPanel() const { return m_jobPanel; }
    [[nodiscard]] bool isBusy() const;

signals:
    void stageAdded(int stage);
    void estimateFinished(bool succeeded);
    void stageFinished(int stage, tb::sync::RolloutStage::State state);
    void planChanged();
    // The runner stopped the stage (or its undo) until an account signs in again; the banner says so.
    void stageStopped(int stage);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void loadPlan();
    void ensureRunner();
    void ensureJobMonitor();
    void editPlan(const sync::RolloutPlan& plan);
    void showPlan();
    void showCurrentStage();
    void updateButtons();
    // After a sign-in: goes on with what the runner stopped for it, once no account needs one.
    void continueAfterSignIn();
    [[nodiscard]] bool anyAccountNeedsSignIn() const;
    void confirm(const QString& title, const QString& text, const QString& details, const QString& goText,
        const std::function<void()>& go);
    void resolveNext(sync::RolloutStage stage, QStringList left);
    void addFromFields();
    [[nodiscard]] int selectedStage() const;
    [[nodiscard]] bool hasJob() const;
    [[nodiscard]] bool isEditable(int stage) const;
    [[nodiscard]] QString targetName() const;

    Workspace& m_workspace;
    PairConfigurationReader* m_configurationReader;
    setup::SetupState m_state;
    bool m_stateKnown = false;
    sync::RolloutPlan m_plan;
    sync::RolloutRunner::Settings m_runnerSettings;
    std::unique_ptr<store::Journal> m_journal;
    std::unique_ptr<sync::RolloutStore> m_store;

    MessageBanner* m_banner;
    QTableWidget* m_stages;
    QLineEdit* m_stageNameEdit;
    QLineEdit* m_principalsEdit;
    QPushButton* m_addButton;
    QPushButton* m_removeButton;
    QPushButton* m_upButton;
    QPushButton* m_downButton;
    QSpinBox* m_thresholdSpin;
    QPushButton* m_estimateButton;
    QPushButton* m_runButton;
    QPushButton* m_pauseButton;
    QPushButton* m_resumeButton;
    QPushButton* m_undoButton;
    QLabel* m_currentLabel;
    QProgressBar* m_progress;
    QLabel* m_errorRateLabel;
    RolloutFailureTree* m_failures; // grouped by error code
    JobHealthPanel* m_jobPanel;

    QPointer<sync::RolloutEstimator> m_estimator;
    QPointer<sync::RolloutRunner> m_runner;
    QPointer<sync::JobMonitor> m_jobMonitor;
    graph::GraphClient* m_runnerSource = nullptr; // the clients the runner and the monitor were made with
    graph::GraphClient* m_runnerTarget = nullptr;
    graph::GraphClient* m_monitorClient = nullptr;
    bool m_resolving = false;
    // What the runner was doing when it stopped for a sign-in, to do again after it: run (assign or watch) or undo.
    enum class AfterSignIn { Nothing, Run, Undo };
    AfterSignIn m_afterSignIn = AfterSignIn::Nothing;
    int m_undoing = -1; // the stage whose undo this page asked for last
    int m_stoppedStage = -1;
    QPointer<QMessageBox> m_confirmation;
};

} // namespace tb::ui
