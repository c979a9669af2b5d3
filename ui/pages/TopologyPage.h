// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/DesiredSettings.h"
#include "core/model/TenantRole.h"
#include "core/setup/PlanRunner.h"
#include "core/setup/PreflightReport.h"
#include "core/setup/SetupPlan.h"
#include "core/setup/SetupState.h"
#include "core/sync/JobMonitor.h"

#include <QHash>
#include <QMessageBox>
#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QScrollArea;

namespace tb::graph {
class GraphClient;
}

class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace tb {
class Workspace;
}

namespace tb::auth {
struct AuthError;
struct DeviceCodePrompt;
} // namespace tb::auth

namespace tb::store {
class Journal;
}

namespace tb::setup {
class Preflight;
class SetupStateReader;
} // namespace tb::setup

namespace tb::ui {

class DeviceCodeDialog;
class JobHealthPanel;
class MessageBanner;
class TopologyView;

// Setting up cross-tenant synchronization for the signed-in pair: the topology diagram with its checkboxes,
// and beside it the preflight checks (with the target's trust audit) and the plan that the ticks and the
// tenants' state make, each step with its request. Refresh reads both tenants (SetupStateReader on the
// workspace's setup clients), Run preflight checks them (Preflight), Apply asks for confirmation and runs the
// plan (PlanRunner, journalled in the profile database) with progress per step and Cancel; afterwards both
// tenants are read again. An apply that was interrupted (the app was closed or crashed) is offered for
// resuming. When an account has not granted the setup permissions, a button signs it in again to grant them.
// Holds no Graph or SQL code: everything goes through core's setup services. GUI thread; the Workspace is
// borrowed.
class TopologyPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyPage)

public:
    explicit TopologyPage(Workspace& workspace, QWidget* parent = nullptr);
    ~TopologyPage() override;

    // Reads both tenants again (what Refresh does); then the plan is rebuilt and preflight runs.
    void refresh();
    void runPreflight();
    // Asks for confirmation (applyConfirmation()); the plan runs when it is accepted.
    void apply();
    void cancelApply();
    // Continues the newest interrupted apply of this pair.
    void resumeInterrupted();
    // Signs the accounts that lack them in again, asking for Workspace::setupScopes.
    void grantSetupPermissions();

    [[nodiscard]] TopologyView* view() const { return m_view; }
    // Under the diagram once this pair's configuration has a job: its health, Start, Pause and Restart.
    [[nodiscard]] JobHealthPanel* jobPanel() const { return m_jobPanel; }
    [[nodiscard]] const setup::SetupState& state() const { return m_state; }
    [[nodiscard]] const model::DesiredSettings& desired() const { return m_desired; }
    [[nodiscard]] const setup::SetupPlan& plan() const { return m_plan; }
    [[nodiscard]] const std::optional<setup::PreflightReport>& preflightReport() const { return m_report; }
    [[nodiscard]] MessageBanner* banner() const { return m_banner; }
    [[nodiscard]] MessageBanner* interruptedBanner() const { return m_interruptedBanner; }
    // The confirmation of an apply while it is open, else null.
    [[nodiscard]] QMessageBox* applyConfirmation() const { return m_confirmation.data(); }
    [[nodiscard]] bool isApplying() const;
    [[nodiscard]] bool isReading() const;
    // The roles whose account lacks scopes that setting up needs.
    [[nodiscard]] QList<model::TenantRole> rolesMissingSetupScopes() const;

signals:
    void stateRead();
    void stateReadFailed(const QString& userMessage);
    void planChanged();
    void preflightFinished();
    void applyFinished(bool succeeded);

protected:
    void showEvent(QShowEvent* event) override;

private:
    // The tenants and setup clients a read was made for: a change of either makes the read stale.
    struct Pair
    {
        QString sourceId;
        QString targetId;
        const graph::GraphClient* sourceClient = nullptr;
        const graph::GraphClient* targetClient = nullptr;
        friend bool operator==(const Pair& a, const Pair& b) = default;
    };
    [[nodiscard]] Pair currentPair() const;
    [[nodiscard]] bool pairChanged() const;
    // Cancels the read (or preflight) under way, if any, and lets it go: whatever it still sends is ignored.
    void dropRead();
    void dropPreflight();

    void showState(const setup::SetupState& state);
    void showJobPanel();
    void setDesired(const model::DesiredSettings& desired);
    void rebuildPlan();
    void showPlan();
    void showPreflight();
    void showInterrupted();
    void startRun(const QString& resumeRunId);
    void showStepStarted(const QString& stepId, int index, int count);
    void showStepFinished(const setup::PlanRunner::StepResult& result);
    void showRunFinished(const setup::PlanRunner::Result& result);
    void grantNext();
    void showGrantPrompt(model::TenantRole role, const auth::DeviceCodePrompt& prompt);
    void showGrantFailed(model::TenantRole role, const auth::AuthError& error);
    void showGrantDone(model::TenantRole role);
    void updateButtons();
    [[nodiscard]] store::Journal& journal();
    [[nodiscard]] QString defaultConfigurationName() const;

    Workspace& m_workspace;
    MessageBanner* m_banner;
    MessageBanner* m_interruptedBanner;
    QPushButton* m_resumeButton;
    TopologyView* m_view;
    JobHealthPanel* m_jobPanel;
    QScrollArea* m_jobScroll = nullptr; // holds m_jobPanel
    QLabel* m_preflightSummary;
    QVBoxLayout* m_preflightList;
    QLabel* m_planSummary;
    QVBoxLayout* m_planList;
    QPushButton* m_refreshButton;
    QPushButton* m_preflightButton;
    QPushButton* m_grantButton;
    QPushButton* m_applyButton;
    QPushButton* m_cancelButton;
    QProgressBar* m_progress;
    QLabel* m_progressLabel;

    QPointer<setup::SetupStateReader> m_reader;
    QPointer<setup::Preflight> m_preflight;
    QPointer<setup::PlanRunner> m_runner;
    QPointer<sync::JobMonitor> m_jobMonitor; // on m_jobClient, the source's setup client
    const graph::GraphClient* m_jobClient = nullptr;
    std::unique_ptr<store::Journal> m_journal;
    QPointer<QMessageBox> m_confirmation;
    QPointer<DeviceCodeDialog> m_grantDialog;
    std::optional<model::TenantRole> m_grantRole;

    setup::SetupState m_state;
    model::DesiredSettings m_desired;
    bool m_nameIsDefault = true; // the configuration name follows the tenants' names
    setup::SetupPlan m_plan;
    std::optional<setup::PreflightReport> m_report;
    QHash<QString, QLabel*> m_stepStatus; // plan step id -> its status label
    QString m_interruptedRunId;
    bool m_refreshWanted = true; // read again when the page is next shown
    Pair m_readPair; // what the last read was started for
    bool m_keepBannerOnRead = false; // the outcome of an apply stays while the tenants are read again
};

} // namespace tb::ui
