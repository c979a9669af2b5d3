// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/topology/SynchronizationBox.h"

#include "ui/topology/AccessSettingToggle.h"

#include <QLabel>
#include <QVBoxLayout>

namespace tb::ui {

SynchronizationBox::SynchronizationBox(QWidget* parent)
    : DiagramNode(tr("Cross-tenant synchronization"), parent)
    , m_configuration(addLine(QStringLiteral("configurationLabel")))
    , m_job(addLine(QStringLiteral("jobLabel")))
    , m_others(addLine(QStringLiteral("otherConfigurationsLabel"), true))
{
    setObjectName(QStringLiteral("synchronizationBox"));
    setConfiguration(std::nullopt, {}, 0);
}

void SynchronizationBox::setConfiguration(
    const std::optional<model::CtsConfiguration>& configuration, const QString& desiredName, int otherCount)
{
    if (configuration && configuration->hasServicePrincipal()) {
        m_configuration->setText(tr("Configuration: %1").arg(configuration->displayName));
        m_job->setText(configuration->hasJob()
                ? tr("Job: %1").arg(
                    configuration->jobStatusCode.isEmpty() ? tr("status not known") : configuration->jobStatusCode)
                : tr("Job: none yet"));
    } else {
        m_configuration->setText(desiredName.isEmpty()
                ? tr("Configuration: none yet")
                : tr("Configuration: none yet (would be \"%1\")").arg(desiredName));
        m_job->setText(tr("Job: none yet"));
    }
    m_others->setText(tr("%n other configuration(s) in the source, left as they are.", nullptr, otherCount));
    m_others->setVisible(otherCount > 0);
}

void SynchronizationBox::addToggle(AccessSettingToggle* toggle)
{
    toggle->setParent(this);
    body()->addWidget(toggle);
}

QString SynchronizationBox::configurationText() const
{
    return m_configuration->text();
}

QString SynchronizationBox::jobText() const
{
    return m_job->text();
}

} // namespace tb::ui
