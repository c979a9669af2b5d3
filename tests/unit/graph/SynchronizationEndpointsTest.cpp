// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/endpoints/SynchronizationEndpoints.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>

using tb::graph::GraphError;
using tb::graph::GraphRequest;
using tb::graph::GraphResponse;
using tb::graph::SynchronizationEndpoints;

namespace {

const QString kSp = QStringLiteral("dddddddd-0000-0000-0000-000000000004");
const QString kTarget = QStringLiteral("22222222-2222-2222-2222-222222222222");

QJsonObject object(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

GraphResponse success(int status, const char* json)
{
    GraphResponse response;
    response.setHttpStatus(status);
    response.setJson(object(json));
    return response;
}

} // namespace

TEST_CASE("SynchronizationEndpoints instantiates the CTS gallery application (step 7)", "[graph][synchronization]")
{
    const GraphRequest request = SynchronizationEndpoints::instantiateRequest(QStringLiteral(" Fabrikam to Contoso "));
    CHECK(request.isValid());
    CHECK(request.method() == GraphRequest::Method::Post);
    CHECK(request.path() == QStringLiteral("/applicationTemplates/518e5f48-1fc8-4c48-9387-9fdf28b0dfe7/instantiate"));
    CHECK(*request.body() == object(R"({"displayName":"Fabrikam to Contoso"})"));
    CHECK_FALSE(request.isRetrySafe());
    CHECK_FALSE(SynchronizationEndpoints::instantiateRequest(QStringLiteral("  ")).isValid());

    const auto configuration = SynchronizationEndpoints::parseInstantiate(success(201, R"({
        "@odata.context":"x","application":{"id":"aaaaaaaa-0000-0000-0000-000000000001",
        "appId":"bbbbbbbb-0000-0000-0000-000000000002","displayName":"Fabrikam to Contoso"},
        "servicePrincipal":{"id":"dddddddd-0000-0000-0000-000000000004","appId":"bbbbbbbb-0000-0000-0000-000000000002",
        "displayName":"Fabrikam to Contoso","appRoles":[{"value":null}]}})"));
    REQUIRE(configuration.has_value());
    CHECK(configuration->servicePrincipalId == kSp);
    CHECK(configuration->applicationId == QStringLiteral("aaaaaaaa-0000-0000-0000-000000000001"));
    CHECK_FALSE(SynchronizationEndpoints::parseInstantiate(success(201, R"({"application":{"id":"a"}})")).has_value());
}

TEST_CASE("SynchronizationEndpoints reads the service principal and its jobs", "[graph][synchronization]")
{
    const GraphRequest sp = SynchronizationEndpoints::getServicePrincipalRequest(kSp);
    CHECK(sp.method() == GraphRequest::Method::Get);
    CHECK(sp.path() == QStringLiteral("/servicePrincipals/") + kSp);
    CHECK(sp.logDescription() == QStringLiteral("GET /v1.0/servicePrincipals/{id}"));
    const auto parsed = SynchronizationEndpoints::parseServicePrincipal(
        success(200, R"({"id":"sp1","appId":"a1","displayName":"X","tags":[]})"));
    REQUIRE(parsed.has_value());
    CHECK(parsed->servicePrincipalId == QStringLiteral("sp1"));

    CHECK(SynchronizationEndpoints::listJobsRequest(kSp).path()
        == QStringLiteral("/servicePrincipals/%1/synchronization/jobs").arg(kSp));
    const QString jobId = QStringLiteral("Azure2Azure.0123.eeee");
    const GraphRequest get = SynchronizationEndpoints::getJobRequest(kSp, jobId);
    CHECK(get.path() == QStringLiteral("/servicePrincipals/%1/synchronization/jobs/%2").arg(kSp, jobId));
    CHECK(get.logDescription() == QStringLiteral("GET /v1.0/servicePrincipals/{id}/synchronization/jobs/{jobId}"));
    const GraphRequest del = SynchronizationEndpoints::deleteJobRequest(kSp, jobId);
    CHECK(del.method() == GraphRequest::Method::Delete);
    CHECK(del.path() == get.path());
    CHECK_FALSE(SynchronizationEndpoints::getJobRequest(kSp, QString()).isValid());
    CHECK_FALSE(SynchronizationEndpoints::listJobsRequest(QString()).isValid());

    const auto jobs = SynchronizationEndpoints::parseJobs(success(200, R"({"value":[
        {"id":"other.1","templateId":"other"},{"templateId":"Azure2Azure"},
        {"id":"Azure2Azure.1","templateId":"Azure2Azure","status":{"code":"Active","quarantine":null},"new":1}]})"));
    REQUIRE(jobs.size() == 2);
    const auto cts = SynchronizationEndpoints::findCtsJob(jobs);
    REQUIRE(cts.has_value());
    CHECK(cts->id == QStringLiteral("Azure2Azure.1"));
    CHECK(cts->statusCode == QStringLiteral("Active"));
    CHECK_FALSE(SynchronizationEndpoints::findCtsJob({jobs.at(0)}).has_value());
    CHECK(SynchronizationEndpoints::parseJob(success(201, R"({"id":"j","templateId":"Azure2Azure"})")).has_value());
    CHECK_FALSE(SynchronizationEndpoints::parseJob(success(200, R"({"templateId":"Azure2Azure"})")).has_value());
}

TEST_CASE("SynchronizationEndpoints creates the job with the Azure2Azure template (step 9)", "[graph][synchronization]")
{
    const GraphRequest request = SynchronizationEndpoints::createJobRequest(kSp);
    CHECK(request.method() == GraphRequest::Method::Post);
    CHECK(request.path() == QStringLiteral("/servicePrincipals/%1/synchronization/jobs").arg(kSp));
    CHECK(*request.body() == object(R"({"templateId":"Azure2Azure"})"));
}

TEST_CASE(
    "SynchronizationEndpoints sends exactly the how-to's validateCredentials body (step 8)", "[graph][synchronization]")
{
    const GraphRequest request = SynchronizationEndpoints::validateCredentialsRequest(kSp, kTarget);
    CHECK(request.isValid());
    CHECK(request.method() == GraphRequest::Method::Post);
    CHECK(request.path() == QStringLiteral("/servicePrincipals/%1/synchronization/jobs/validateCredentials").arg(kSp));
    CHECK(*request.body() == object(R"({
        "useSavedCredentials": false,
        "templateId": "Azure2Azure",
        "credentials": [
            { "key": "CompanyId", "value": "22222222-2222-2222-2222-222222222222" },
            { "key": "AuthenticationType", "value": "SyncPolicy" }
        ]})"));
    CHECK_FALSE(SynchronizationEndpoints::validateCredentialsRequest(kSp, QString()).isValid());

    GraphResponse failed;
    failed.setHttpStatus(400);
    failed.setError(GraphError::fromHttp(
        400, QByteArray(R"({"error":{"code":"AzureDirectoryB2BManagementPolicyCheckFailure","message":"policy"}})")));
    CHECK(SynchronizationEndpoints::isAutoRedeemPolicyMissing(failed));
    CHECK_FALSE(SynchronizationEndpoints::isAutoRedeemPolicyMissing(success(204, "{}")));
}

TEST_CASE("SynchronizationEndpoints saves the reference's secrets with PUT (step 10)", "[graph][synchronization]")
{
    const GraphRequest request = SynchronizationEndpoints::saveSecretsRequest(kSp, kTarget);
    CHECK(request.method() == GraphRequest::Method::Put);
    CHECK(request.path() == QStringLiteral("/servicePrincipals/%1/synchronization/secrets").arg(kSp));
    CHECK(*request.body() == object(R"({"value":[
        { "key": "AuthenticationType", "value": "SyncPolicy" },
        { "key": "CompanyId", "value": "22222222-2222-2222-2222-222222222222" },
        { "key": "SyncNotificationSettings", "value": "{\"DeleteThresholdEnabled\":false,\"Enabled\":false,\"HumanResourcesLookaheadQueryEnabled\":false}" },
        { "key": "SyncAll", "value": "false" }]})"));
    const QJsonArray all = SynchronizationEndpoints::saveSecretsRequest(kSp, kTarget, true)
                               .body()
                               ->value(QStringLiteral("value"))
                               .toArray();
    CHECK(all.at(3).toObject().value(QStringLiteral("value")) == QStringLiteral("true"));
    // The notification settings are a JSON string with the three documented keys.
    const QJsonObject notifications = QJsonDocument::fromJson(request.body()
                                                                  ->value(QStringLiteral("value"))
                                                                  .toArray()
                                                                  .at(2)
                                                                  .toObject()
                                                                  .value(QStringLiteral("value"))
                                                                  .toString()
                                                                  .toUtf8())
                                          .object();
    CHECK(notifications
        == object(R"({"Enabled":false,"DeleteThresholdEnabled":false,"HumanResourcesLookaheadQueryEnabled":false})"));
}
