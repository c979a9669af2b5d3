// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace tb::model {

// What the administrator ticks on the topology diagram: the three access settings of a CTS pair and how much
// of the source's configuration to create. SetupPlan compares it with the current state. The defaults are
// the complete, working setup. Value type, any thread.
struct DesiredSettings
{
    bool targetAllowsUserSync = true; // target: "Allow users sync into this tenant" for the source
    bool targetInboundAutoRedeem = true; // target: inbound "Automatically redeem invitations" for the source
    bool sourceOutboundAutoRedeem = true; // source: outbound "Automatically redeem invitations" for the target
    bool createConfiguration = true; // source: instantiate the CTS gallery application
    QString configurationDisplayName; // its name, e.g. "Fabrikam to Contoso"
    bool createJob = true; // source: the Azure2Azure synchronization job
    bool saveCredentials = true; // source: the job's secrets (CompanyId, AuthenticationType SyncPolicy, ...)

    // Missing keys keep the defaults above; round-trips with toJson().
    [[nodiscard]] static DesiredSettings fromJson(const QJsonObject& json);
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const DesiredSettings& a, const DesiredSettings& b) = default;
};

} // namespace tb::model
