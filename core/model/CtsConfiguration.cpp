// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/CtsConfiguration.h"

namespace tb::model {

CtsConfiguration CtsConfiguration::fromInstantiateJson(const QJsonObject& json)
{
    const QJsonObject application = json.value(QStringLiteral("application")).toObject();
    CtsConfiguration configuration
        = fromServicePrincipalJson(json.value(QStringLiteral("servicePrincipal")).toObject());
    configuration.applicationId = application.value(QStringLiteral("id")).toString();
    if (configuration.appId.isEmpty()) {
        configuration.appId = application.value(QStringLiteral("appId")).toString();
    }
    if (configuration.displayName.isEmpty()) {
        configuration.displayName = application.value(QStringLiteral("displayName")).toString();
    }
    return configuration;
}

CtsConfiguration CtsConfiguration::fromServicePrincipalJson(const QJsonObject& json)
{
    CtsConfiguration configuration;
    configuration.servicePrincipalId = json.value(QStringLiteral("id")).toString();
    configuration.appId = json.value(QStringLiteral("appId")).toString();
    configuration.displayName = json.value(QStringLiteral("displayName")).toString();
    return configuration;
}

CtsConfiguration CtsConfiguration::fromJson(const QJsonObject& json)
{
    CtsConfiguration configuration;
    configuration.applicationId = json.value(QStringLiteral("applicationId")).toString();
    configuration.appId = json.value(QStringLiteral("appId")).toString();
    configuration.servicePrincipalId = json.value(QStringLiteral("servicePrincipalId")).toString();
    configuration.displayName = json.value(QStringLiteral("displayName")).toString();
    configuration.jobId = json.value(QStringLiteral("jobId")).toString();
    configuration.jobStatusCode = json.value(QStringLiteral("jobStatusCode")).toString();
    return configuration;
}

QJsonObject CtsConfiguration::toJson() const
{
    return {{QStringLiteral("applicationId"), applicationId}, {QStringLiteral("appId"), appId},
        {QStringLiteral("servicePrincipalId"), servicePrincipalId}, {QStringLiteral("displayName"), displayName},
        {QStringLiteral("jobId"), jobId}, {QStringLiteral("jobStatusCode"), jobStatusCode}};
}

} // namespace tb::model
