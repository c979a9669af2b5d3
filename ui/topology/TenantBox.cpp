// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/topology/TenantBox.h"

#include "ui/topology/AccessSettingToggle.h"

#include <QLabel>
#include <QVBoxLayout>

namespace tb::ui {

TenantBox::TenantBox(model::TenantRole role, QWidget* parent)
    : DiagramNode(role == model::TenantRole::Source ? tr("Source tenant") : tr("Target tenant"), parent)
    , m_role(role)
    , m_name(addLine(model::tenantRoleName(role) + QStringLiteral("TenantName")))
    , m_domain(addLine(model::tenantRoleName(role) + QStringLiteral("TenantDomain"), true))
    , m_cloud(addLine(model::tenantRoleName(role) + QStringLiteral("TenantCloud"), true))
    , m_settings(new DiagramNode(
          role == model::TenantRole::Source ? tr("Outbound access settings") : tr("Inbound access settings"), this))
    , m_partner(m_settings->addLine(model::tenantRoleName(role) + QStringLiteral("SettingsPartner"), true))
{
    setObjectName(model::tenantRoleName(role) + QStringLiteral("TenantBox"));
    m_settings->setObjectName(model::tenantRoleName(role) + QStringLiteral("AccessSettings"));
    QFont large = m_name->font();
    large.setPointSizeF(large.pointSizeF() * 1.3);
    large.setBold(true);
    m_name->setFont(large);
    body()->addSpacing(6);
    // The settings box takes the height left, so the diagram's arrows meet it at the middle of the row.
    body()->addWidget(m_settings, 1);
    m_settings->body()->addStretch(1);
    setTenant({}, {});
}

void TenantBox::setTenant(const model::Tenant& tenant, const QString& partnerName)
{
    m_name->setText(
        tenant.displayName.isEmpty() ? (tenant.id.isEmpty() ? tr("Not signed in") : tenant.id) : tenant.displayName);
    m_domain->setText(tenant.initialDomain.isEmpty() ? tr("Domain not known yet") : tenant.initialDomain);
    m_cloud->setText(tenant.isValid() ? tenant.cloud.displayName() : tr("Cloud not known yet"));
    m_cloud->setAccessibleName(tr("Cloud"));
    const QString partner = partnerName.isEmpty() ? tr("the other tenant") : partnerName;
    m_partner->setText(m_role == model::TenantRole::Source ? tr("for users going to %1").arg(partner)
                                                           : tr("for users coming from %1").arg(partner));
}

void TenantBox::addToggle(AccessSettingToggle* toggle)
{
    toggle->setParent(m_settings);
    m_settings->body()->insertWidget(m_settings->body()->count() - 1, toggle); // above the stretch
}

QString TenantBox::nameText() const
{
    return m_name->text();
}

} // namespace tb::ui
