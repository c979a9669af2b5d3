// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/DesiredSettings.h"
#include "core/setup/SetupState.h"
#include "ui/topology/SettingStatus.h"

#include <QGraphicsView>
#include <QList>

namespace tb::ui {

class AccessSettingToggle;
class StateLegend;
class SynchronizationBox;
class TenantBox;
class TopologyDiagram;

// The topology diagram of DESIGN.md drawn with QGraphicsView: the source tenant with its outbound access
// setting ("Automatically redeem invitations"), the cross-tenant synchronization (configuration and job), and
// the target tenant with its inbound access settings ("Allow users sync into this tenant", "Automatically
// redeem invitations"). Each setting is a checkbox that says what is wanted (DesiredSettings) and is coloured
// by what the tenants have (SetupState): applied, pending change, or blocked. The diagram keeps its aspect
// and scales to the view. Shows; reads and sends nothing. GUI thread.
class TopologyView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyView)

public:
    explicit TopologyView(QWidget* parent = nullptr);
    ~TopologyView() override;

    void setState(const setup::SetupState& state);
    [[nodiscard]] const setup::SetupState& state() const { return m_state; }
    void setDesired(const model::DesiredSettings& desired);
    [[nodiscard]] const model::DesiredSettings& desired() const { return m_desired; }
    // Blocked: every setting that would change shows as blocked, with reason as its status line.
    void setBlocked(bool blocked, const QString& reason = {});
    [[nodiscard]] bool isBlocked() const { return m_blocked; }

    // The setting of a plan step id (PlanStep::kTargetUserSync, kTargetInboundAutoRedeem,
    // kSourceOutboundAutoRedeem, kSourceConfiguration), or null.
    [[nodiscard]] AccessSettingToggle* toggle(const QString& stepId) const;
    [[nodiscard]] QList<AccessSettingToggle*> toggles() const { return m_toggles; }
    [[nodiscard]] SettingStatus status(const QString& stepId) const;

signals:
    // The administrator ticked or unticked a setting.
    void desiredChanged(const tb::model::DesiredSettings& desired);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void takeToggle(AccessSettingToggle* toggle);
    void readToggles();
    void showStatuses();
    void fitDiagram();
    void applyPalette();

    QGraphicsScene* m_scene;
    TenantBox* m_sourceBox;
    SynchronizationBox* m_synchronizationBox;
    TenantBox* m_targetBox;
    StateLegend* m_legend;
    TopologyDiagram* m_diagram;
    QList<AccessSettingToggle*> m_toggles;
    setup::SetupState m_state;
    model::DesiredSettings m_desired;
    bool m_blocked = false;
    QString m_blockedReason;
};

} // namespace tb::ui
