// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/BatchRequest.h"
#include "core/graph/GraphClient.h"
#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/AppRoleAssignmentEndpoints.h"
#include "core/graph/endpoints/ProvisioningLogEndpoints.h"
#include "core/graph/endpoints/SynchronizationEndpoints.h"
#include "core/graph/endpoints/SynchronizationSchemaEndpoints.h"
#include "tests/support/ConfiguredPair.h"
#include "tests/support/GraphWait.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

#include <optional>

using tb::graph::AppRoleAssignmentEndpoints;
using tb::graph::BatchRequest;
using tb::graph::GraphRequest;
using tb::graph::GraphResponse;
using tb::graph::ProvisioningLogEndpoints;
using tb::graph::SynchronizationEndpoints;
using tb::graph::SynchronizationSchemaEndpoints;
using tb::model::AppRoleAssignment;
using tb::model::ProvisioningLogEntry;
using tb::test::GraphWait;

namespace {

const QString kAdele = QStringLiteral("adele.vance@contoso.onmicrosoft.com");
const QString kChristie = QStringLiteral("christie.hubert@contoso.onmicrosoft.com");

// The configured pair of tests/support with cycles only when the test asks (POST /_sandbox/synchronization/runCycle),
// plus the typed reads this test checks.
struct SyncPair : tb::test::ConfiguredPair
{
    SyncPair()
        : ConfiguredPair(onDemandCycles())
    { }

    // The answer of one call, which must succeed.
    static GraphResponse succeed(tb::graph::GraphCall* call)
    {
        const std::optional<GraphResponse> response = GraphWait::response(call);
        REQUIRE(response.has_value());
        INFO(response->error().userMessage().toStdString());
        REQUIRE(response->isSuccess());
        return *response;
    }

    // Hides ConfiguredPair's: here the user must exist.
    QString sourceUserId(const QString& userPrincipalName) const
    {
        return succeed(sourceClient->send(
                           GraphRequest::get(QStringLiteral("/users/") + GraphRequest::pathSegment(userPrincipalName))))
            .json()
            .value(QLatin1String("id"))
            .toString();
    }

    QList<AppRoleAssignment> assignments() const
    {
        const AppRoleAssignmentEndpoints endpoints(*sourceClient);
        const GraphWait::Pages pages = GraphWait::readAll(endpoints.listAssignments(servicePrincipalId, nullptr));
        REQUIRE(pages.result.has_value());
        REQUIRE(pages.result->isComplete());
        return AppRoleAssignmentEndpoints::parseAssignments(toArray(pages.items));
    }

    QList<ProvisioningLogEntry> logs(const ProvisioningLogEndpoints::ProvisioningLogQuery& query) const
    {
        const ProvisioningLogEndpoints endpoints(*sourceClient);
        const GraphWait::Pages pages = GraphWait::readAll(endpoints.provisioningLogs(query, nullptr));
        REQUIRE(pages.result.has_value());
        INFO(pages.result->error.userMessage().toStdString());
        REQUIRE(pages.result->isComplete());
        return ProvisioningLogEndpoints::parseProvisioningLogs(toArray(pages.items));
    }

    static QJsonArray toArray(const QList<QJsonObject>& items)
    {
        QJsonArray array;
        for (const QJsonObject& item : items) {
            array.append(item);
        }
        return array;
    }
};

const ProvisioningLogEntry* entryFor(const QList<ProvisioningLogEntry>& entries, const QString& sourceId)
{
    for (const ProvisioningLogEntry& entry : entries) {
        if (entry.sourceIdentity.id == sourceId) {
            return &entry;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE(
    "SyncEndpoints: assignments, a cycle, its logs, the schema and provision on demand through the typed endpoints",
    "[integration][sync]")
{
    SyncPair pair;
    const SynchronizationEndpoints sync(*pair.sourceClient);
    const AppRoleAssignmentEndpoints assignments(*pair.sourceClient);

    // The msiam_access role of this configuration, read from its service principal.
    const GraphResponse principal = SyncPair::succeed(sync.getServicePrincipal(pair.servicePrincipalId));
    const QString roleId = AppRoleAssignmentEndpoints::msiamAccessRoleId(principal.json());
    REQUIRE_FALSE(roleId.isEmpty());

    const QString adele = pair.sourceUserId(kAdele);
    const QString christie = pair.sourceUserId(kChristie);
    REQUIRE_FALSE(adele.isEmpty());
    REQUIRE_FALSE(christie.isEmpty());

    // Both assignments in one $batch: the builders are plain requests.
    auto* batch = new BatchRequest(*pair.sourceClient,
        {AppRoleAssignmentEndpoints::addAssignmentRequest(pair.servicePrincipalId, adele, roleId),
            AppRoleAssignmentEndpoints::addAssignmentRequest(pair.servicePrincipalId, christie, roleId)});
    const GraphWait::Batch added = GraphWait::run(batch);
    REQUIRE(added.responses.size() == 2);
    for (const GraphResponse& response : added.responses) {
        INFO(response.error().userMessage().toStdString());
        CHECK(response.httpStatus() == 201);
        const auto assignment = AppRoleAssignmentEndpoints::parseAssignment(response);
        REQUIRE(assignment.has_value());
        CHECK(assignment->appRoleId.compare(roleId, Qt::CaseInsensitive) == 0);
        CHECK(assignment->resourceId == pair.servicePrincipalId);
    }
    // A duplicate is refused by the service.
    const auto duplicate = GraphWait::response(assignments.addAssignment(pair.servicePrincipalId, adele, roleId));
    REQUIRE(duplicate.has_value());
    CHECK(duplicate->httpStatus() == 400);

    QList<AppRoleAssignment> listed = pair.assignments();
    REQUIRE(listed.size() == 2);
    QStringList principals;
    for (const AppRoleAssignment& assignment : listed) {
        principals.append(assignment.principalId);
        CHECK(assignment.isUser());
        CHECK(assignment.createdDateTime.isValid());
    }
    CHECK(principals.contains(adele));
    CHECK(principals.contains(christie));

    // One cycle of the started job creates both in Fabrikam; the logs say so.
    SyncPair::succeed(sync.startJob(pair.servicePrincipalId, pair.jobId));
    INFO(pair.fixture.errorMessage().toStdString());
    REQUIRE(pair.fixture.runSyncCycle() == 1);

    ProvisioningLogEndpoints::ProvisioningLogQuery byJob;
    byJob.jobId = pair.jobId;
    const QList<ProvisioningLogEntry> jobLogs = pair.logs(byJob);
    for (const QString& id : {adele, christie}) {
        const ProvisioningLogEntry* entry = entryFor(jobLogs, id);
        REQUIRE(entry != nullptr);
        CHECK(entry->action == QStringLiteral("create"));
        CHECK(entry->status == QStringLiteral("success"));
        CHECK(entry->jobId == pair.jobId);
        CHECK(entry->servicePrincipal.id == pair.servicePrincipalId);
        CHECK(entry->activityDateTime.isValid());
        CHECK_FALSE(entry->targetIdentity.id.isEmpty());
        CHECK_FALSE(entry->steps.isEmpty());
        // What the app stores is what it read.
        CHECK(ProvisioningLogEntry::fromJson(entry->toJson()) == *entry);
    }

    ProvisioningLogEndpoints::ProvisioningLogQuery byUser;
    byUser.sourceIdentityId = adele;
    byUser.since = QDateTime::currentDateTimeUtc().addSecs(-3600);
    const QList<ProvisioningLogEntry> adeleLogs = pair.logs(byUser);
    REQUIRE(adeleLogs.size() == 1);
    CHECK(adeleLogs.first().sourceIdentity.id == adele);
    CHECK(adeleLogs.first().action == QStringLiteral("create"));
    CHECK(adeleLogs.first().status == QStringLiteral("success"));
    const QString adeleTargetId = adeleLogs.first().targetIdentity.id;

    // A quote in a filter value reaches the service as text, not as syntax: nothing matches, nothing fails.
    ProvisioningLogEndpoints::ProvisioningLogQuery hostile;
    hostile.sourceIdentityId = QStringLiteral("x') or (jobId ne '");
    CHECK(pair.logs(hostile).isEmpty());

    // The target's own audit of the add, found by the log's changeId.
    ProvisioningLogEndpoints::DirectoryAuditQuery audits;
    audits.correlationId = adeleLogs.first().changeId;
    const ProvisioningLogEndpoints targetLogs(*pair.targetClient);
    const GraphWait::Pages auditPages = GraphWait::readAll(targetLogs.directoryAudits(audits, nullptr));
    REQUIRE(auditPages.result.has_value());
    INFO(auditPages.result->error.userMessage().toStdString());
    REQUIRE(auditPages.result->isComplete());
    const auto auditEntries = ProvisioningLogEndpoints::parseDirectoryAudits(SyncPair::toArray(auditPages.items));
    REQUIRE(auditEntries.size() == 1);
    CHECK(auditEntries.first().concerns(adeleTargetId));
    CHECK(auditEntries.first().correlationId == adeleLogs.first().changeId);

    // The schema: the CTS user mapping, userType a Constant "Member", and the rule provision on demand takes.
    const SynchronizationSchemaEndpoints schemas(*pair.sourceClient);
    const auto schema = SynchronizationSchemaEndpoints::parseSchema(
        SyncPair::succeed(schemas.getSchema(pair.servicePrincipalId, pair.jobId)));
    REQUIRE(schema.has_value());
    CHECK_FALSE(schema->version().isEmpty());
    const auto users = schema->userMapping();
    REQUIRE(users.has_value());
    const auto userType = users->mappingFor(QStringLiteral("userType"));
    REQUIRE(userType.has_value());
    REQUIRE(userType->source.has_value());
    CHECK(userType->source->type == tb::model::SynchronizationSchema::AttributeMappingSource::Type::Constant);
    CHECK(userType->source->name == QStringLiteral("Member"));
    const QString ruleId = schema->userRuleId();
    REQUIRE_FALSE(ruleId.isEmpty());

    // Provision on demand: Adele again is already in sync (skipped, RedundantExport) ...
    QString problem;
    const auto again = SynchronizationSchemaEndpoints::parseProvisionOnDemand(
        SyncPair::succeed(schemas.provisionOnDemand(pair.servicePrincipalId, pair.jobId, ruleId, adele)), &problem);
    INFO(problem.toStdString());
    REQUIRE(again.has_value());
    CHECK(again->isSkipped());
    CHECK(again->skipReason == QStringLiteral("RedundantExport"));

    // ... and a newly assigned user is created, step by step.
    const GraphResponse members = SyncPair::succeed(pair.sourceClient->send(
        GraphRequest::get(QStringLiteral("/users"))
            .addQueryItem(QStringLiteral("$select"), QStringLiteral("id,userPrincipalName,userType,accountEnabled"))
            .addQueryItem(QStringLiteral("$top"), QStringLiteral("60"))));
    QString third;
    for (const QJsonValue& value : members.json().value(QLatin1String("value")).toArray()) {
        const QJsonObject user = value.toObject();
        const QString upn = user.value(QLatin1String("userPrincipalName")).toString();
        if (user.value(QLatin1String("userType")).toString() == QLatin1String("Member")
            && user.value(QLatin1String("accountEnabled")).toBool(true)
            && upn.endsWith(QLatin1String("@contoso.onmicrosoft.com")) && upn != kAdele && upn != kChristie
            && !upn.startsWith(QLatin1String("admin")) && !upn.startsWith(QLatin1String("zainab"))
            && !upn.startsWith(QLatin1String("bianca"))) {
            third = user.value(QLatin1String("id")).toString();
            break;
        }
    }
    REQUIRE_FALSE(third.isEmpty());
    SyncPair::succeed(assignments.addAssignment(pair.servicePrincipalId, third, roleId));
    const auto created = SynchronizationSchemaEndpoints::parseProvisionOnDemand(
        SyncPair::succeed(schemas.provisionOnDemand(pair.servicePrincipalId, pair.jobId, ruleId, third)), &problem);
    INFO(problem.toStdString());
    REQUIRE(created.has_value());
    CHECK(created->isSuccess());
    CHECK(created->action == QStringLiteral("create"));
    CHECK(created->sourceUserId == third);
    CHECK_FALSE(created->targetUserId.isEmpty());
    for (const char* type : {"import", "scoping", "matching", "export"}) {
        INFO(type);
        const auto* step = created->stepOfType(QString::fromLatin1(type));
        REQUIRE(step != nullptr);
        CHECK(step->status != QStringLiteral("failure"));
    }
    CHECK(created->stepOfType(QStringLiteral("export"))->status == QStringLiteral("success"));
    CHECK(created->stepOfType(QStringLiteral("scoping"))->detail(QStringLiteral("Assigned to the application"))
        == QStringLiteral("True"));

    // Unassigning Adele: the list shrinks by one.
    const QString adeleAssignment = [&] {
        for (const AppRoleAssignment& assignment : pair.assignments()) {
            if (assignment.principalId == adele) {
                return assignment.id;
            }
        }
        return QString();
    }();
    REQUIRE_FALSE(adeleAssignment.isEmpty());
    const GraphResponse removed
        = SyncPair::succeed(assignments.removeAssignment(pair.servicePrincipalId, adeleAssignment));
    CHECK(removed.httpStatus() == 204);
    listed = pair.assignments();
    CHECK(listed.size() == 2);
    for (const AppRoleAssignment& assignment : listed) {
        CHECK(assignment.principalId != adele);
    }
}

TEST_CASE("SyncEndpoints: a schema edit is PUT back whole and DELETE resets it", "[integration][sync]")
{
    SyncPair pair;
    const SynchronizationSchemaEndpoints schemas(*pair.sourceClient);
    const auto read = [&] {
        const auto schema = SynchronizationSchemaEndpoints::parseSchema(
            SyncPair::succeed(schemas.getSchema(pair.servicePrincipalId, pair.jobId)));
        REQUIRE(schema.has_value());
        REQUIRE(schema->userMapping().has_value());
        return *schema;
    };
    using tb::model::SynchronizationSchema;
    SynchronizationSchema schema = read();
    const QJsonObject original = schema.toJson();
    const SynchronizationSchema::ObjectMapping users = *schema.userMapping();
    SynchronizationSchema::AttributeMapping userType = *users.mappingFor(QStringLiteral("userType"));
    REQUIRE(userType.flowType != QStringLiteral("Always"));
    const QString defaultFlow = userType.flowType;

    // Existing guests become members too (graph-reference.md 2.6): the mapping flows Always.
    userType.flowType = QStringLiteral("Always");
    REQUIRE(schema.setAttributeMapping(schema.userRuleId(), users.name, userType));
    const GraphResponse put = SyncPair::succeed(schemas.putSchema(pair.servicePrincipalId, pair.jobId, schema));
    CHECK(put.httpStatus() == 204);

    const SynchronizationSchema edited = read();
    CHECK(edited.userMapping()->mappingFor(QStringLiteral("userType"))->flowType == QStringLiteral("Always"));
    CHECK(edited.userMapping()->attributeMappings.size() == users.attributeMappings.size());
    CHECK(edited.userMapping()->scopeGroups == users.scopeGroups);
    CHECK(edited.toJson().value(QStringLiteral("directories")) == original.value(QStringLiteral("directories")));

    const GraphResponse reset = SyncPair::succeed(schemas.resetSchema(pair.servicePrincipalId, pair.jobId));
    CHECK(reset.httpStatus() == 204);
    CHECK(read().userMapping()->mappingFor(QStringLiteral("userType"))->flowType == defaultFlow);
}
