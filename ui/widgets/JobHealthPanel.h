// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/SyncJob.h"

#include <QGroupBox>
#include <QMessageBox>
#include <QPointer>

#include <optional>

class QLabel;
class QPushButton;

namespace tb::sync {
class JobMonitor;
}

namespace tb::ui {

class MessageBanner;

// The health of one synchronization job: its state in words, the last cycle (when, how it ended, its counts),
// the last successful one, steady state, the users it keeps in the target, and when quarantined the reason, the
// error behind it and what to do (all explained by sync::ErrorCatalogue); with Start, Pause and Restart, each
// after a confirmation that names the configuration and the target. Shows what a sync::JobMonitor reads and
// sends its commands through it; watches the job (so the monitor polls) only while the panel is visible.
// Reusable: the topology page shows it under the diagram, the rollout page will too. GUI thread; the monitor is
// borrowed and may be replaced or go away.
class JobHealthPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobHealthPanel)

public:
    explicit JobHealthPanel(QWidget* parent = nullptr);
    ~JobHealthPanel() override;

    // The monitor to show and command; null shows "no job".
    void setMonitor(sync::JobMonitor* monitor);
    [[nodiscard]] sync::JobMonitor* monitor() const { return m_monitor.data(); }
    // Named in the confirmations: "Start synchronization of “Contoso to Fabrikam” into Fabrikam?".
    void setNames(const QString& configurationName, const QString& targetName);

    // What the monitor signals; public so the panel can be shown with a job built elsewhere.
    void showJob(const model::SyncJob& job);
    [[nodiscard]] const std::optional<model::SyncJob>& job() const { return m_job; }

    // Ask for confirmation (confirmation() while it is open); the command is sent when it is accepted.
    void requestStart();
    void requestPause();
    void requestRestart();
    [[nodiscard]] QMessageBox* confirmation() const { return m_confirmation.data(); }
    [[nodiscard]] MessageBanner* banner() const { return m_banner; }

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    enum class Action { Start, Pause, Restart };
    void confirm(Action action);
    void showCommandFinished(bool succeeded, const QString& userMessage);
    void showFailure(const QString& userMessage);
    void updateButtons();
    [[nodiscard]] static QString when(const QDateTime& time);
    [[nodiscard]] static QString executionText(const model::SyncExecution& execution);

    QPointer<sync::JobMonitor> m_monitor;
    QString m_configurationName;
    QString m_targetName;
    std::optional<model::SyncJob> m_job;
    bool m_commandPending = false;

    MessageBanner* m_banner;
    QLabel* m_state;
    QLabel* m_stateMeaning;
    QLabel* m_lastCycle;
    QLabel* m_lastSuccess;
    QLabel* m_lastChanges;
    QLabel* m_steadyState;
    QLabel* m_synchronized;
    QGroupBox* m_quarantineBox;
    QLabel* m_quarantineReason;
    QLabel* m_quarantineError;
    QLabel* m_quarantineFix;
    QLabel* m_quarantineTimes;
    QPushButton* m_startButton;
    QPushButton* m_pauseButton;
    QPushButton* m_restartButton;
    QPointer<QMessageBox> m_confirmation;
};

} // namespace tb::ui
