// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/TopologyView.h"

#include "core/setup/PlanStep.h"
#include "core/setup/SetupPlan.h"
#include "ui/topology/AccessSettingToggle.h"
#include "ui/topology/StateLegend.h"
#include "ui/topology/SynchronizationBox.h"
#include "ui/topology/TenantBox.h"
#include "ui/topology/TopologyDiagram.h"

#include <QCheckBox>
#include <QEvent>
#include <QGraphicsScene>

namespace tb::ui {

namespace {

using setup::PlanStep;

QString id(const char* name)
{
    return QString::fromLatin1(name);
}

// What a setting does, for its tooltip.
QString explanation(const QString& stepId, const QString& source, const QString& target)
{
    if (stepId == id(PlanStep::kTargetUserSync)) {
        return TopologyView::tr("Lets the cross-tenant synchronization of %1 create and update users in %2 "
                                "(inbound user sync in %2's cross-tenant access settings for %1).")
            .arg(source, target);
    }
    if (stepId == id(PlanStep::kTargetInboundAutoRedeem)) {
        return TopologyView::tr("Users from %1 arrive in %2 without a consent prompt. Synchronization needs it "
                                "on both sides.")
            .arg(source, target);
    }
    if (stepId == id(PlanStep::kSourceOutboundAutoRedeem)) {
        return TopologyView::tr("Users of %1 go to %2 without a consent prompt. Synchronization needs it on both "
                                "sides.")
            .arg(source, target);
    }
    return TopologyView::tr("Creates the cross-tenant synchronization configuration in %1 (an application from "
                            "the Microsoft gallery), tests its connection to %2, creates its job (paused until "
                            "you start it) and saves its credentials.")
        .arg(source, target);
}

} // namespace

TopologyView::TopologyView(QWidget* parent)
    : QGraphicsView(parent)
    , m_scene(new QGraphicsScene(this))
    , m_sourceBox(new TenantBox(model::TenantRole::Source))
    , m_synchronizationBox(new SynchronizationBox)
    , m_targetBox(new TenantBox(model::TenantRole::Target))
    , m_legend(new StateLegend)
    , m_diagram(nullptr)
{
    setObjectName(QStringLiteral("topologyView"));
    setAccessibleName(tr("Topology of the two tenants"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(360, 220);

    auto* outbound
        = new AccessSettingToggle(id(PlanStep::kSourceOutboundAutoRedeem), tr("Automatically redeem invitations"));
    outbound->checkBox()->setAccessibleName(tr("Source tenant, outbound: automatically redeem invitations"));
    auto* userSync = new AccessSettingToggle(id(PlanStep::kTargetUserSync), tr("Allow users sync into this tenant"));
    userSync->checkBox()->setAccessibleName(tr("Target tenant, inbound: allow users sync into this tenant"));
    auto* inbound
        = new AccessSettingToggle(id(PlanStep::kTargetInboundAutoRedeem), tr("Automatically redeem invitations"));
    inbound->checkBox()->setAccessibleName(tr("Target tenant, inbound: automatically redeem invitations"));
    auto* configuration
        = new AccessSettingToggle(id(PlanStep::kSourceConfiguration), tr("Create the configuration and its job"));
    m_sourceBox->addToggle(outbound);
    m_synchronizationBox->addToggle(configuration);
    m_targetBox->addToggle(userSync);
    m_targetBox->addToggle(inbound);
    // Tab order follows the diagram from left to right.
    for (AccessSettingToggle* toggle : {outbound, configuration, userSync, inbound}) {
        takeToggle(toggle);
    }

    m_diagram = new TopologyDiagram(m_sourceBox, m_synchronizationBox, m_targetBox, m_legend);
    m_scene->addItem(m_diagram);
    connect(m_diagram, &QGraphicsWidget::geometryChanged, this, &TopologyView::fitDiagram);
    setScene(m_scene);
    applyPalette();
    setDesired(m_desired);
}

TopologyView::~TopologyView() = default;

void TopologyView::takeToggle(AccessSettingToggle* toggle)
{
    m_toggles.append(toggle);
    connect(toggle, &AccessSettingToggle::toggled, this, [this] {
        readToggles();
        showStatuses();
        emit desiredChanged(m_desired);
    });
}

void TopologyView::setState(const setup::SetupState& state)
{
    m_state = state;
    showStatuses();
}

void TopologyView::setDesired(const model::DesiredSettings& desired)
{
    m_desired = desired;
    toggle(id(PlanStep::kTargetUserSync))->setChecked(desired.targetAllowsUserSync);
    toggle(id(PlanStep::kTargetInboundAutoRedeem))->setChecked(desired.targetInboundAutoRedeem);
    toggle(id(PlanStep::kSourceOutboundAutoRedeem))->setChecked(desired.sourceOutboundAutoRedeem);
    toggle(id(PlanStep::kSourceConfiguration))
        ->setChecked(desired.createConfiguration && desired.createJob && desired.saveCredentials);
    showStatuses();
}

void TopologyView::setBlocked(bool blocked, const QString& reason)
{
    m_blocked = blocked;
    m_blockedReason = reason;
    showStatuses();
}

AccessSettingToggle* TopologyView::toggle(const QString& stepId) const
{
    for (AccessSettingToggle* candidate : m_toggles) {
        if (candidate->settingId() == stepId) {
            return candidate;
        }
    }
    return nullptr;
}

SettingStatus TopologyView::status(const QString& stepId) const
{
    const AccessSettingToggle* found = toggle(stepId);
    return found ? found->status() : SettingStatus::Unknown;
}

void TopologyView::readToggles()
{
    m_desired.targetAllowsUserSync = toggle(id(PlanStep::kTargetUserSync))->isChecked();
    m_desired.targetInboundAutoRedeem = toggle(id(PlanStep::kTargetInboundAutoRedeem))->isChecked();
    m_desired.sourceOutboundAutoRedeem = toggle(id(PlanStep::kSourceOutboundAutoRedeem))->isChecked();
    const bool configuration = toggle(id(PlanStep::kSourceConfiguration))->isChecked();
    m_desired.createConfiguration = configuration;
    m_desired.createJob = configuration;
    m_desired.saveCredentials = configuration;
}

void TopologyView::showStatuses()
{
    if (!m_diagram) {
        return; // still being built
    }
    // Tenants without readAt: signed in, not read yet (the boxes show their names, the settings "not read").
    const bool known = m_state.isValid() && m_state.readAt.isValid();
    const QString source = known ? m_state.source.readableName() : tr("the source tenant");
    const QString target = known ? m_state.target.readableName() : tr("the target tenant");

    const auto show = [&](const QString& stepId, bool current, bool wanted, const QString& tenant) {
        AccessSettingToggle* setting = toggle(stepId);
        QString tip = explanation(stepId, source, target);
        if (!wanted) {
            const QString warning = setup::SetupPlan::turningOffWarning(stepId);
            if (!warning.isEmpty()) {
                tip += QStringLiteral("\n\n") + tr("When off: %1").arg(warning);
            }
        }
        setting->setExplanation(tip);
        if (!known) {
            setting->setStatus(SettingStatus::Unknown, tr("Not read yet: refresh to read both tenants."));
        } else if (current == wanted) {
            setting->setStatus(current ? SettingStatus::Applied : SettingStatus::Off,
                current ? tr("Applied: on in %1.").arg(tenant) : tr("Off in %1, stays off.").arg(tenant));
        } else if (m_blocked) {
            setting->setStatus(SettingStatus::Blocked,
                m_blockedReason.isEmpty() ? tr("Blocked: preflight does not allow this change.")
                                          : tr("Blocked: %1").arg(m_blockedReason));
        } else {
            setting->setStatus(SettingStatus::Pending,
                wanted ? tr("Pending: will be turned on in %1.").arg(tenant)
                       : tr("Pending: will be turned off in %1.").arg(tenant));
        }
    };
    show(id(PlanStep::kTargetUserSync), m_state.targetSide.isUserSyncInboundOn(), m_desired.targetAllowsUserSync,
        target);
    show(id(PlanStep::kTargetInboundAutoRedeem), m_state.targetSide.isInboundAutoRedeemOn(),
        m_desired.targetInboundAutoRedeem, target);
    show(id(PlanStep::kSourceOutboundAutoRedeem), m_state.sourceSide.isOutboundAutoRedeemOn(),
        m_desired.sourceOutboundAutoRedeem, source);

    // The configuration: the plan never deletes it, so once it has its job the checkbox only says so.
    AccessSettingToggle* configuration = toggle(id(PlanStep::kSourceConfiguration));
    const bool complete
        = m_state.configuration && m_state.configuration->hasServicePrincipal() && m_state.configuration->hasJob();
    const bool wanted = m_desired.createConfiguration;
    show(id(PlanStep::kSourceConfiguration), complete, wanted, source);
    if (known && complete) {
        configuration->setChecked(true);
        configuration->setStatus(SettingStatus::Applied, tr("Applied: the configuration and its job exist."));
        configuration->setExplanation(explanation(id(PlanStep::kSourceConfiguration), source, target)
            + QStringLiteral("\n\n") + tr("TenantBridge never deletes a configuration; do that in the portal."));
    }
    configuration->checkBox()->setEnabled(!(known && complete));

    m_sourceBox->setTenant(m_state.source, known ? target : QString());
    m_targetBox->setTenant(m_state.target, known ? source : QString());
    m_synchronizationBox->setConfiguration(m_state.configuration, m_desired.configurationDisplayName,
        static_cast<int>(m_state.otherConfigurations.size()));
    const SettingStatus synchronizationStatus = configuration->status();
    m_synchronizationBox->setAccent(
        synchronizationStatus == SettingStatus::Off || synchronizationStatus == SettingStatus::Unknown
            ? QColor()
            : SettingStatusStyle::color(synchronizationStatus, palette()));
    m_diagram->relayout();
    fitDiagram();
}

void TopologyView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    fitDiagram();
}

void TopologyView::showEvent(QShowEvent* event)
{
    QGraphicsView::showEvent(event);
    m_diagram->relayout();
    fitDiagram();
}

void TopologyView::changeEvent(QEvent* event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyPalette();
        showStatuses();
    }
}

void TopologyView::fitDiagram()
{
    if (!m_diagram) {
        return;
    }
    const QRectF bounds = m_diagram->geometry().adjusted(-12, -12, 12, 12);
    m_scene->setSceneRect(bounds);
    fitInView(bounds, Qt::KeepAspectRatio);
}

void TopologyView::applyPalette()
{
    // The scene passes its palette and font to the boxes in their proxies.
    m_scene->setPalette(palette());
    m_scene->setFont(font());
    setBackgroundBrush(palette().color(QPalette::Window));
}

} // namespace tb::ui
