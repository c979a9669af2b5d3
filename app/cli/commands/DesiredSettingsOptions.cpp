// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/DesiredSettingsOptions.h"

#include "core/setup/SetupPlan.h"

#include <QCommandLineParser>

namespace tb::cli {

namespace {

// A sanity bound on what a person types; a name this long is a mistake (a pasted file), not a name.
constexpr qsizetype kMaxNameLength = 256;

} // namespace

DesiredSettingsOptions::DesiredSettingsOptions(bool withSwitches)
    : m_withSwitches(withSwitches)
    , m_noUserSync(QStringLiteral("no-user-sync"),
          QStringLiteral("Turn off \"Allow users sync into this tenant\" in the target (default: on)."))
    , m_noInboundAutoRedeem(QStringLiteral("no-inbound-auto-redeem"),
          QStringLiteral("Turn off the target's inbound \"Automatically redeem invitations\" (default: on)."))
    , m_noOutboundAutoRedeem(QStringLiteral("no-outbound-auto-redeem"),
          QStringLiteral("Turn off the source's outbound \"Automatically redeem invitations\" (default: on)."))
    , m_noJob(QStringLiteral("no-job"),
          QStringLiteral("Create the configuration without its synchronization job and credentials."))
    , m_name(QStringLiteral("name"),
          QStringLiteral("The configuration's display name (default: \"<source> to <target>\")."),
          QStringLiteral("text"))
{ }

void DesiredSettingsOptions::addTo(QCommandLineParser& parser) const
{
    if (m_withSwitches) {
        parser.addOption(m_noUserSync);
        parser.addOption(m_noInboundAutoRedeem);
        parser.addOption(m_noOutboundAutoRedeem);
        parser.addOption(m_noJob);
    }
    parser.addOption(m_name);
}

QString DesiredSettingsOptions::read(const QCommandLineParser& parser)
{
    m_desired = {};
    if (m_withSwitches) {
        m_desired.targetAllowsUserSync = !parser.isSet(m_noUserSync);
        m_desired.targetInboundAutoRedeem = !parser.isSet(m_noInboundAutoRedeem);
        m_desired.sourceOutboundAutoRedeem = !parser.isSet(m_noOutboundAutoRedeem);
        // Credentials belong to the job: without a job there is nothing to save them on.
        m_desired.createJob = !parser.isSet(m_noJob);
        m_desired.saveCredentials = m_desired.createJob;
    }
    if (parser.isSet(m_name)) {
        const QString name = parser.value(m_name).trimmed();
        if (name.isEmpty()) {
            return tr("--name needs the configuration's display name, e.g. --name \"Contoso to Fabrikam\".");
        }
        if (name.size() > kMaxNameLength) {
            return tr("--name takes at most %1 characters; this one has %2.").arg(kMaxNameLength).arg(name.size());
        }
        m_desired.configurationDisplayName = name;
    }
    return {};
}

model::DesiredSettings DesiredSettingsOptions::desiredFor(
    const model::Tenant& source, const model::Tenant& target) const
{
    model::DesiredSettings desired = m_desired;
    if (desired.configurationDisplayName.isEmpty()) {
        desired.configurationDisplayName = defaultConfigurationName(source, target);
    }
    return desired;
}

QString DesiredSettingsOptions::defaultConfigurationName(const model::Tenant& source, const model::Tenant& target)
{
    return setup::SetupPlan::defaultConfigurationName(source.readableName(), target.readableName());
}

} // namespace tb::cli
