// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/CtsConfiguration.h"
#include "core/model/DesiredSettings.h"
#include "core/model/SyncJob.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>

using tb::model::CtsConfiguration;
using tb::model::DesiredSettings;
using tb::model::SyncJob;

namespace {

QJsonObject object(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

TEST_CASE("CtsConfiguration reads the instantiate answer's application and service principal", "[model][setup]")
{
    const CtsConfiguration configuration = CtsConfiguration::fromInstantiateJson(object(R"({
        "application": {"id": "app-object", "appId": "client", "displayName": "Fabrikam to Contoso", "web": {}},
        "servicePrincipal": {"id": "sp", "appId": "client", "displayName": "Fabrikam to Contoso",
                             "appRoleAssignmentRequired": true, "tags": ["x"]}})"));
    CHECK(configuration.applicationId == QStringLiteral("app-object"));
    CHECK(configuration.servicePrincipalId == QStringLiteral("sp"));
    CHECK(configuration.appId == QStringLiteral("client"));
    CHECK(configuration.displayName == QStringLiteral("Fabrikam to Contoso"));
    CHECK(configuration.hasServicePrincipal());
    CHECK_FALSE(configuration.hasJob());
    CHECK_FALSE(CtsConfiguration::fromInstantiateJson(object(R"({"application":{"id":"a"}})")).hasServicePrincipal());

    CtsConfiguration withJob = configuration;
    withJob.jobId = QStringLiteral("Azure2Azure.abc.def");
    withJob.jobStatusCode = QStringLiteral("Paused");
    CHECK(withJob.hasJob());
    CHECK(CtsConfiguration::fromJson(withJob.toJson()) == withJob);
}

TEST_CASE("DesiredSettings defaults to the complete setup and keeps defaults for missing keys", "[model][setup]")
{
    const DesiredSettings defaults;
    CHECK(defaults.targetAllowsUserSync);
    CHECK(defaults.targetInboundAutoRedeem);
    CHECK(defaults.sourceOutboundAutoRedeem);
    CHECK(defaults.createConfiguration);
    CHECK(defaults.createJob);
    CHECK(defaults.saveCredentials);
    const DesiredSettings partial
        = DesiredSettings::fromJson(object(R"({"createJob":false,"targetAllowsUserSync":"no"})"));
    CHECK_FALSE(partial.createJob);
    CHECK(partial.targetAllowsUserSync); // not a boolean: default kept
    DesiredSettings named;
    named.configurationDisplayName = QStringLiteral("Fabrikam to Contoso");
    named.saveCredentials = false;
    CHECK(DesiredSettings::fromJson(named.toJson()) == named);
}

TEST_CASE("SyncJob reads the CTS job shape, a quarantine and ignores unknown fields", "[model][setup]")
{
    const SyncJob created = SyncJob::fromJson(object(R"({"id":"Azure2Azure.0123.eeee","templateId":"Azure2Azure",
        "schedule":{"expiration":null,"interval":"PT40M","state":"Disabled"},
        "status":{"code":"Paused","quarantine":null,"lastExecution":null,"progress":[]},
        "synchronizationJobSettings":[{"name":"LookaheadQueryEnabled","value":"False"}]})"));
    CHECK(created.id == QStringLiteral("Azure2Azure.0123.eeee"));
    CHECK(created.interval == QStringLiteral("PT40M"));
    CHECK(created.scheduleState == QStringLiteral("Disabled"));
    CHECK(created.statusCode == QStringLiteral("Paused"));
    CHECK(created.quarantineReason.isEmpty());
    CHECK_FALSE(created.isQuarantined());

    const SyncJob quarantined = SyncJob::fromJson(object(R"({"id":"j","status":{"code":"Quarantine","quarantine":{
        "reason":"EncounteredQuarantineException",
        "error":{"code":"AzureDirectoryB2BManagementPolicyCheckFailure","message":"m","tenantActionable":true}}}})"));
    CHECK(quarantined.isQuarantined());
    CHECK(quarantined.quarantineReason == QStringLiteral("EncounteredQuarantineException"));
    CHECK(quarantined.quarantineErrorCode == QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure"));
    CHECK(SyncJob::fromJson(quarantined.toJson()) == quarantined);
    CHECK(SyncJob::fromJson(created.toJson()) == created);
}
