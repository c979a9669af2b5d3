// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/DesiredSettings.h"

namespace tb::model {

DesiredSettings DesiredSettings::fromJson(const QJsonObject& json)
{
    DesiredSettings settings;
    const auto readBool = [&json](const QString& key, bool& field) {
        if (json.value(key).isBool()) {
            field = json.value(key).toBool();
        }
    };
    readBool(QStringLiteral("targetAllowsUserSync"), settings.targetAllowsUserSync);
    readBool(QStringLiteral("targetInboundAutoRedeem"), settings.targetInboundAutoRedeem);
    readBool(QStringLiteral("sourceOutboundAutoRedeem"), settings.sourceOutboundAutoRedeem);
    readBool(QStringLiteral("createConfiguration"), settings.createConfiguration);
    readBool(QStringLiteral("createJob"), settings.createJob);
    readBool(QStringLiteral("saveCredentials"), settings.saveCredentials);
    settings.configurationDisplayName = json.value(QStringLiteral("configurationDisplayName")).toString();
    return settings;
}

QJsonObject DesiredSettings::toJson() const
{
    return {{QStringLiteral("targetAllowsUserSync"), targetAllowsUserSync},
        {QStringLiteral("targetInboundAutoRedeem"), targetInboundAutoRedeem},
        {QStringLiteral("sourceOutboundAutoRedeem"), sourceOutboundAutoRedeem},
        {QStringLiteral("createConfiguration"), createConfiguration},
        {QStringLiteral("configurationDisplayName"), configurationDisplayName},
        {QStringLiteral("createJob"), createJob}, {QStringLiteral("saveCredentials"), saveCredentials}};
}

} // namespace tb::model
