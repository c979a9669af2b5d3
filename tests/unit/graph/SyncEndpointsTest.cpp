// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/endpoints/AppRoleAssignmentEndpoints.h"
#include "core/graph/endpoints/CtsCall.h"
#include "core/graph/endpoints/ProvisioningLogEndpoints.h"
#include "core/graph/endpoints/SynchronizationSchemaEndpoints.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>

using tb::graph::AppRoleAssignmentEndpoints;
using tb::graph::CtsCall;
using tb::graph::GraphRequest;
using tb::graph::GraphResponse;
using tb::graph::ProvisioningLogEndpoints;
using tb::graph::SynchronizationSchemaEndpoints;
using tb::model::SynchronizationSchema;
using tb::model::TenantRole;

namespace {

const QString kSp = QStringLiteral("dddddddd-0000-0000-0000-000000000004");
const QString kJob = QStringLiteral("Azure2Azure.0123abcd.eeee0005");
const QString kUser = QStringLiteral("99999999-0000-0000-0000-000000000009");
const QString kRole = QStringLiteral("cccccccc-0000-0000-0000-000000000003");

QJsonObject object(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

TEST_CASE(
    "SyncEndpoints: AppRoleAssignmentEndpoints builds list, add and remove on the resource's path", "[graph][sync]")
{
    const GraphRequest list = AppRoleAssignmentEndpoints::listAssignmentsRequest(kSp);
    CHECK(list.isValid());
    CHECK(list.method() == GraphRequest::Method::Get);
    CHECK(list.path() == QStringLiteral("/servicePrincipals/%1/appRoleAssignedTo").arg(kSp));
    CHECK(list.queryValue(QStringLiteral("$top")) == QStringLiteral("999"));
    CHECK(AppRoleAssignmentEndpoints::listAssignmentsRequest(kSp, 5000).queryValue(QStringLiteral("$top"))
        == QStringLiteral("999"));

    const GraphRequest add = AppRoleAssignmentEndpoints::addAssignmentRequest(kSp, kUser, kRole);
    CHECK(add.isValid());
    CHECK(add.method() == GraphRequest::Method::Post);
    CHECK(add.path() == QStringLiteral("/servicePrincipals/%1/appRoleAssignedTo").arg(kSp));
    REQUIRE(add.body().has_value());
    CHECK(*add.body()
        == QJsonObject {{QStringLiteral("principalId"), kUser}, {QStringLiteral("resourceId"), kSp},
            {QStringLiteral("appRoleId"), kRole}});
    CHECK_FALSE(add.isRetrySafe());
    CHECK(add.relativeUrl() == QStringLiteral("/servicePrincipals/%1/appRoleAssignedTo").arg(kSp)); // $batch item

    // Assignment ids are base64url-like: a '/' or '?' in one must not leave its segment.
    const GraphRequest remove = AppRoleAssignmentEndpoints::removeAssignmentRequest(kSp, QStringLiteral("a/b?c"));
    CHECK(remove.isValid());
    CHECK(remove.method() == GraphRequest::Method::Delete);
    CHECK(remove.path() == QStringLiteral("/servicePrincipals/%1/appRoleAssignedTo/a%2Fb%3Fc").arg(kSp));
    CHECK(remove.isRetrySafe());
}

TEST_CASE("SyncEndpoints: AppRoleAssignmentEndpoints refuses empty ids", "[graph][sync]")
{
    CHECK_FALSE(AppRoleAssignmentEndpoints::listAssignmentsRequest(QStringLiteral(" ")).isValid());
    CHECK_FALSE(AppRoleAssignmentEndpoints::addAssignmentRequest({}, kUser, kRole).isValid());
    CHECK_FALSE(AppRoleAssignmentEndpoints::addAssignmentRequest(kSp, {}, kRole).isValid());
    CHECK_FALSE(AppRoleAssignmentEndpoints::addAssignmentRequest(kSp, kUser, {}).isValid());
    CHECK_FALSE(AppRoleAssignmentEndpoints::removeAssignmentRequest(kSp, {}).isValid());
    CHECK_FALSE(AppRoleAssignmentEndpoints::removeAssignmentRequest({}, QStringLiteral("x")).isValid());
}

TEST_CASE(
    "SyncEndpoints: AppRoleAssignmentEndpoints finds the msiam_access role and parses assignments", "[graph][sync]")
{
    const QJsonObject servicePrincipal = object(R"({"id": "sp", "appRoles": [
        {"id": "11111111-0000-0000-0000-000000000001", "displayName": "User", "value": "user"},
        {"id": "22222222-0000-0000-0000-000000000002", "displayName": "msiam_access", "value": null}]})");
    CHECK(AppRoleAssignmentEndpoints::msiamAccessRoleId(servicePrincipal)
        == QStringLiteral("22222222-0000-0000-0000-000000000002"));
    CHECK(AppRoleAssignmentEndpoints::msiamAccessRoleId(object(R"({"appRoles": [
        {"id": "33333333-0000-0000-0000-000000000003", "displayName": "Access", "value": "MSIAM_ACCESS"}]})"))
        == QStringLiteral("33333333-0000-0000-0000-000000000003"));
    CHECK(AppRoleAssignmentEndpoints::msiamAccessRoleId(object(R"({"appRoles": []})")).isEmpty());

    // graph-reference.md 3's answer, and an older one with creationTimestamp.
    const QJsonArray page = QJsonDocument::fromJson(R"([
      {"id": "-WmtM5na7Uus0D8kI1yylpU9Mdo0Pb9OoBJvd3T5eKc", "deletedDateTime": null,
       "appRoleId": "cccccccc-0000-0000-0000-000000000003", "createdDateTime": "2025-01-10T09:00:00.0000000Z",
       "principalDisplayName": "User1", "principalId": "99999999-0000-0000-0000-000000000009",
       "principalType": "User", "resourceDisplayName": "Fabrikam to Contoso",
       "resourceId": "dddddddd-0000-0000-0000-000000000004"},
      {"id": "old", "principalType": "Group", "creationTimestamp": "2024-05-01T08:00:00Z"},
      {"principalType": "User"}])")
                                .array();
    const auto assignments = AppRoleAssignmentEndpoints::parseAssignments(page);
    REQUIRE(assignments.size() == 2);
    CHECK(assignments.at(0).id == QStringLiteral("-WmtM5na7Uus0D8kI1yylpU9Mdo0Pb9OoBJvd3T5eKc"));
    CHECK(assignments.at(0).isUser());
    CHECK(assignments.at(0).principalDisplayName == QStringLiteral("User1"));
    CHECK(assignments.at(0).resourceId == kSp);
    CHECK(assignments.at(0).appRoleId == kRole);
    CHECK(assignments.at(0).createdDateTime == QDateTime(QDate(2025, 1, 10), QTime(9, 0), Qt::UTC));
    CHECK(assignments.at(1).isGroup());
    CHECK(assignments.at(1).createdDateTime == QDateTime(QDate(2024, 5, 1), QTime(8, 0), Qt::UTC));
}

TEST_CASE("SyncEndpoints: SynchronizationSchemaEndpoints builds schema and provisionOnDemand calls", "[graph][sync]")
{
    const QString base = QStringLiteral("/servicePrincipals/%1/synchronization/jobs/%2/").arg(kSp, kJob);
    const GraphRequest get = SynchronizationSchemaEndpoints::getSchemaRequest(kSp, kJob);
    CHECK(get.isValid());
    CHECK(get.method() == GraphRequest::Method::Get);
    CHECK(get.path() == base + QStringLiteral("schema"));

    const SynchronizationSchema schema = SynchronizationSchema::fromJson(object(
        R"({"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#x", "id": "j", "version": "v1.0",
            "synchronizationRules": [], "directories": [{"name": "kept"}]})"));
    const GraphRequest put = SynchronizationSchemaEndpoints::putSchemaRequest(kSp, kJob, schema);
    CHECK(put.isValid());
    CHECK(put.method() == GraphRequest::Method::Put);
    CHECK(put.path() == base + QStringLiteral("schema"));
    REQUIRE(put.body().has_value());
    CHECK_FALSE(put.body()->contains(QStringLiteral("@odata.context")));
    CHECK(put.body()->value(QStringLiteral("directories")).toArray().size() == 1);
    CHECK_FALSE(SynchronizationSchemaEndpoints::putSchemaRequest(kSp, kJob, SynchronizationSchema()).isValid());

    const GraphRequest reset = SynchronizationSchemaEndpoints::resetSchemaRequest(kSp, kJob);
    CHECK(reset.method() == GraphRequest::Method::Delete);
    CHECK(reset.path() == base + QStringLiteral("schema"));

    const GraphRequest onDemand
        = SynchronizationSchemaEndpoints::provisionOnDemandRequest(kSp, kJob, QStringLiteral("0b3a8c2e-rule"), kUser);
    CHECK(onDemand.isValid());
    CHECK(onDemand.method() == GraphRequest::Method::Post);
    CHECK(onDemand.path() == base + QStringLiteral("provisionOnDemand"));
    CHECK_FALSE(onDemand.isRetrySafe());
    REQUIRE(onDemand.body().has_value());
    // Exactly graph-reference.md 2.7's body.
    CHECK(*onDemand.body() == object(R"({"parameters": [{"ruleId": "0b3a8c2e-rule",
        "subjects": [{"objectId": "99999999-0000-0000-0000-000000000009", "objectTypeName": "User"}]}]})"));

    // A job id with a '/' stays one segment.
    CHECK(SynchronizationSchemaEndpoints::getSchemaRequest(kSp, QStringLiteral("a/b"))
              .path()
              .endsWith(QStringLiteral("/jobs/a%2Fb/schema")));
}

TEST_CASE("SyncEndpoints: SynchronizationSchemaEndpoints refuses empty ids", "[graph][sync]")
{
    CHECK_FALSE(SynchronizationSchemaEndpoints::getSchemaRequest({}, kJob).isValid());
    CHECK_FALSE(SynchronizationSchemaEndpoints::getSchemaRequest(kSp, {}).isValid());
    CHECK_FALSE(SynchronizationSchemaEndpoints::resetSchemaRequest(kSp, QStringLiteral("  ")).isValid());
    CHECK_FALSE(SynchronizationSchemaEndpoints::provisionOnDemandRequest(kSp, kJob, {}, kUser).isValid());
    CHECK_FALSE(SynchronizationSchemaEndpoints::provisionOnDemandRequest(kSp, kJob, QStringLiteral("r"), {}).isValid());
    CHECK_FALSE(
        SynchronizationSchemaEndpoints::provisionOnDemandRequest({}, kJob, QStringLiteral("r"), kUser).isValid());
}

TEST_CASE("SyncEndpoints: SynchronizationSchemaEndpoints parses answers and failures", "[graph][sync]")
{
    GraphResponse schema;
    schema.setHttpStatus(200);
    schema.setJson(object(R"({"id": "j", "version": "v1.0", "synchronizationRules": []})"));
    REQUIRE(SynchronizationSchemaEndpoints::parseSchema(schema).has_value());
    CHECK(SynchronizationSchemaEndpoints::parseSchema(schema)->version() == QStringLiteral("v1.0"));
    GraphResponse notSchema;
    notSchema.setHttpStatus(200);
    notSchema.setJson(object(R"({"id": "j"})"));
    CHECK_FALSE(SynchronizationSchemaEndpoints::parseSchema(notSchema).has_value());

    GraphResponse failed;
    failed.setHttpStatus(400);
    failed.setError(tb::graph::GraphError::fromHttp(
        400, QByteArrayLiteral(R"({"error":{"code":"BadRequest","message":"ruleId is not a rule"}})")));
    QString problem;
    CHECK_FALSE(SynchronizationSchemaEndpoints::parseProvisionOnDemand(failed, &problem).has_value());
    CHECK_FALSE(problem.isEmpty());
}

TEST_CASE("SyncEndpoints: ProvisioningLogEndpoints builds the filter with user text escaped", "[graph][sync]")
{
    ProvisioningLogEndpoints::ProvisioningLogQuery query;
    const GraphRequest plain = ProvisioningLogEndpoints::provisioningLogsRequest(query);
    CHECK(plain.isValid());
    CHECK(plain.method() == GraphRequest::Method::Get);
    CHECK(plain.path() == QStringLiteral("/auditLogs/provisioning"));
    CHECK(plain.queryValue(QStringLiteral("$filter")).isEmpty());
    CHECK(plain.queryValue(QStringLiteral("$top")) == QStringLiteral("500"));
    CHECK(plain.queryValue(QStringLiteral("$orderby")) == QStringLiteral("activityDateTime desc"));

    query.jobId = kJob;
    CHECK(ProvisioningLogEndpoints::provisioningLogsRequest(query).queryValue(QStringLiteral("$filter"))
        == QStringLiteral("jobId eq '%1'").arg(kJob));

    query.sourceIdentityId = QStringLiteral("o'brien') or (1 eq 1");
    query.status = QStringLiteral("Failure");
    query.since = QDateTime(QDate(2025, 1, 9), QTime(10, 0), Qt::UTC);
    query.until = QDateTime(QDate(2025, 1, 10), QTime(0, 0), Qt::UTC);
    query.top = 5000;
    query.newestFirst = false;
    const GraphRequest full = ProvisioningLogEndpoints::provisioningLogsRequest(query);
    CHECK(full.isValid());
    CHECK(full.queryValue(QStringLiteral("$filter"))
        == QStringLiteral("(jobId eq '%1') and (sourceIdentity/id eq 'o''brien'') or (1 eq 1') and "
                          "(provisioningStatusInfo/status eq 'failure') and "
                          "(activityDateTime ge 2025-01-09T10:00:00.000Z) and "
                          "(activityDateTime le 2025-01-10T00:00:00.000Z)")
               .arg(kJob));
    CHECK(full.queryValue(QStringLiteral("$top")) == QStringLiteral("1000"));
    CHECK(full.queryValue(QStringLiteral("$orderby")) == QStringLiteral("activityDateTime asc"));

    ProvisioningLogEndpoints::ProvisioningLogQuery byPrincipal;
    byPrincipal.servicePrincipalId = kSp;
    byPrincipal.cycleId = QStringLiteral("cycle");
    CHECK(ProvisioningLogEndpoints::provisioningLogsRequest(byPrincipal).queryValue(QStringLiteral("$filter"))
        == QStringLiteral("(servicePrincipal/id eq '%1') and (cycleId eq 'cycle')").arg(kSp));
}

TEST_CASE("SyncEndpoints: ProvisioningLogEndpoints reads the target's directory audits", "[graph][sync]")
{
    ProvisioningLogEndpoints::DirectoryAuditQuery query;
    query.category = QStringLiteral("User'Management");
    query.correlationId = QStringLiteral("55ee66ff");
    const GraphRequest request = ProvisioningLogEndpoints::directoryAuditsRequest(query);
    CHECK(request.isValid());
    CHECK(request.path() == QStringLiteral("/auditLogs/directoryAudits"));
    CHECK(request.queryValue(QStringLiteral("$filter"))
        == QStringLiteral("(category eq 'User''Management') and (correlationId eq '55ee66ff')"));

    const QJsonArray page = QJsonDocument::fromJson(R"([{"id": "Directory_1", "category": "UserManagement",
        "correlationId": "55ee66ff", "result": "success", "resultReason": "", "activityDisplayName": "Add user",
        "activityDateTime": "2025-01-10T10:01:38.1234567Z", "loggedByService": "Core Directory",
        "initiatedBy": {"user": null, "app": {"appId": "a", "displayName": "Contoso to Fabrikam"}},
        "targetResources": [{"id": "aaaa1111", "displayName": null, "type": "User",
            "userPrincipalName": "adele#EXT#@fabrikam.onmicrosoft.com",
            "modifiedProperties": [{"displayName": "userType", "oldValue": null, "newValue": "[\"Member\"]"}]}]},
        {"category": "no id"}])")
                                .array();
    const auto entries = ProvisioningLogEndpoints::parseDirectoryAudits(page);
    REQUIRE(entries.size() == 1);
    const auto& entry = entries.first();
    CHECK(entry.activityDisplayName == QStringLiteral("Add user"));
    CHECK(entry.initiatedByDisplayName == QStringLiteral("Contoso to Fabrikam"));
    CHECK(entry.activityDateTime == QDateTime(QDate(2025, 1, 10), QTime(10, 1, 38, 123), Qt::UTC));
    REQUIRE(entry.targetResources.size() == 1);
    CHECK(entry.concerns(QStringLiteral("AAAA1111")));
    CHECK_FALSE(entry.concerns(QStringLiteral("other")));
    REQUIRE(entry.targetResources.first().modifiedProperties.size() == 1);
    CHECK_FALSE(entry.targetResources.first().modifiedProperties.first().oldValue.has_value());
    CHECK(entry.targetResources.first().modifiedProperties.first().newValue == QStringLiteral("[\"Member\"]"));
}

TEST_CASE("SyncEndpoints: CtsCall names the scopes of running the sync", "[graph][scopes][sync]")
{
    using Kind = CtsCall::Kind;
    CHECK(CtsCall::requiredScopes(Kind::ReadAssignments) == QStringList {QStringLiteral("Application.Read.All")});
    CHECK(CtsCall::requiredScopes(Kind::AssignUsers).contains(QStringLiteral("AppRoleAssignment.ReadWrite.All")));
    CHECK(CtsCall::requiredScopes(Kind::ReadSchema) == QStringList {QStringLiteral("Synchronization.Read.All")});
    for (const Kind kind : {Kind::WriteSchema, Kind::ProvisionOnDemand}) {
        CHECK(CtsCall::requiredScopes(kind) == QStringList {QStringLiteral("Synchronization.ReadWrite.All")});
    }
    CHECK(CtsCall::requiredScopes(Kind::ReadProvisioningLogs) == QStringList {QStringLiteral("AuditLog.Read.All")});

    const QStringList source = CtsCall::setupScopes(TenantRole::Source);
    for (const char* scope : {"Application.Read.All", "AppRoleAssignment.ReadWrite.All", "Synchronization.Read.All",
             "Synchronization.ReadWrite.All", "AuditLog.Read.All"}) {
        CHECK(source.count(QString::fromLatin1(scope)) == 1);
    }
    const QStringList target = CtsCall::setupScopes(TenantRole::Target);
    CHECK(target.contains(QStringLiteral("AuditLog.Read.All")));
    CHECK_FALSE(target.contains(QStringLiteral("AppRoleAssignment.ReadWrite.All")));
}
