// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/ProvisionOnDemandResult.h"
#include "core/model/ProvisioningLogEntry.h"
#include "core/model/SynchronizationSchema.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>

using tb::model::ProvisioningLogEntry;
using tb::model::ProvisionOnDemandResult;
using tb::model::SynchronizationSchema;

namespace {

QJsonObject object(const char* json)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    INFO(error.errorString().toStdString());
    REQUIRE(document.isObject());
    return document.object();
}

QString compact(const QJsonObject& json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

// graph-reference.md 4, the composed CTS log entry.
const char* const kLogEntry = R"json({
  "id": "11aa22bb-0000-0000-0000-000000000001",
  "activityDateTime": "2025-01-10T10:01:37Z",
  "tenantId": "22222222-2222-2222-2222-222222222222",
  "jobId": "Azure2Azure.0123cdef.eeee0005",
  "cycleId": "33cc44dd-0000-0000-0000-000000000003",
  "changeId": "55ee66ff-0000-0000-0000-000000000005",
  "provisioningAction": "create",
  "durationInMilliseconds": 4375,
  "servicePrincipal": { "id": "dddddddd-0000-0000-0000-000000000004", "displayName": "Fabrikam to Contoso" },
  "sourceSystem": { "id": "77", "displayName": "Azure Active Directory", "details": {} },
  "targetSystem": { "id": "88", "displayName": "Azure Active Directory (target tenant)",
                    "details": { "ApplicationId": "bbbbbbbb", "ServicePrincipalId": "dddddddd",
                                 "ServicePrincipalDisplayName": "Fabrikam to Contoso" } },
  "initiatedBy": { "id": "", "displayName": "Azure AD Provisioning Service", "initiatorType": "system" },
  "sourceIdentity": { "id": "99999999-0000-0000-0000-000000000009", "displayName": "User4", "identityType": "User",
                      "details": { "id": "99999999-0000-0000-0000-000000000009", "odatatype": "User",
                                   "DisplayName": "User4", "UserPrincipalName": "user4@fabrikam.com" } },
  "targetIdentity": { "id": "aaaa1111-0000-0000-0000-000000000001", "displayName": "", "identityType": "User",
                      "details": {} },
  "provisioningStatusInfo": { "status": "success", "errorInformation": null },
  "provisioningSteps": [
    { "name": "EntryImportAdd", "provisioningStepType": "import", "status": "success",
      "description": "<received change of type Add>",
      "details": { "objectId": "99999999-0000-0000-0000-000000000009", "accountEnabled": "True", "netId": "1003",
                   "alternativeSecurityIds": "None", "IsSoftDeleted": "False", "appRoleAssignments": "msiam_access" } },
    { "name": "EntrySynchronizationScoping", "provisioningStepType": "scoping", "status": "success",
      "details": { "Active in the source system": "True", "Assigned to the application": "True",
                   "User has the required role": "True", "Scoping filter evaluation passed": "True",
                   "ScopeEvaluationResult": "{\"Marketing department filter.department EQUALS 'Marketing'\":true}" } },
    { "name": "EntrySynchronizationAdd", "provisioningStepType": "matching", "status": "success", "details": {} },
    { "name": "EntryExportAdd", "provisioningStepType": "export", "status": "success", "details": {} }
  ],
  "modifiedProperties": [ { "displayName": "userType", "oldValue": null, "newValue": "Member" } ]
})json";

// The documented inconsistencies and a failure (graph-reference.md 4).
const char* const kFailureEntry = R"json({
  "id": "failed-1",
  "activityDateTime": "2025-01-10T10:05:00.1234567Z",
  "action": "Create",
  "durationInMilliseconds": 12,
  "servicePrincipal": [ { "id": "sp-in-a-collection", "displayName": "C to F" } ],
  "initiatedBy": { "id": "u1", "displayName": "Admin", "initiatingType": "user" },
  "sourceIdentity": { "id": "s1", "identityType": "User", "details": [ {"key": "b", "value": "2"},
                                                                        {"key": "a", "value": true} ] },
  "provisioningStatusInfo": { "status": "failure",
    "errorInformation": { "errorCode": "AzureActiveDirectoryForbidden", "reason": "<text>",
                          "additionalDetails": null, "errorCategory": "nonServiceFailure", "recommendedAction": null } },
  "provisioningSteps": [
    { "name": "EntryImport", "provisioningStepType": "Import", "status": "Success", "details": {} },
    { "name": "EntryExportAdd", "provisioningStepType": "Export", "status": "Failure", "details": { "n": 3 } }
  ]
})json";

// Shape B as the sandbox answers it (SynchronizationController / ProvisioningService): key and value JSON strings.
QJsonObject shapeB(const QJsonObject& key, const QJsonObject& value)
{
    return {{QStringLiteral("@odata.context"), QStringLiteral("x#microsoft.graph.stringKeyStringValuePair")},
        {QStringLiteral("key"), compact(key)}, {QStringLiteral("value"), compact(value)}};
}

const char* const kShapeBValue = R"json({
  "action": "Create", "changeId": "guid", "startTime": "2025-01-10T10:00:00.0000000Z",
  "endTime": "2025-01-10T10:00:01.0000000Z", "reportableIdentifier": "user1@fabrikam.com",
  "statusInfo": { "status": "Success", "errorCode": null, "reason": null, "additionalDetails": null,
                  "errorCategory": null, "recommendedAction": null },
  "sourceIdentity": { "id": "src-guid", "type": "User", "displayName": null, "details": null },
  "targetIdentity": { "id": "tgt-guid", "type": "User", "displayName": null, "details": null },
  "sourceSystem": { "id": null, "name": "Azure Active Directory", "details": null },
  "targetSystem": { "id": null, "name": "Azure Active Directory (target tenant)", "details": null },
  "modifiedProperties": [ { "displayName": "displayName", "oldValue": null, "newValue": "User One" } ],
  "provisioningSteps": [
    { "name": "EntryImport", "type": "Import", "status": "Success", "description": "<text>",
      "timestamp": "2025-01-10T10:00:00.1Z",
      "details": { "objectId": "src-guid", "accountEnabled": "True", "displayName": "User One" } },
    { "name": "EntrySynchronizationScoping", "type": "Scoping", "status": "Success",
      "details": { "Active in the source system": "True", "Assigned to the application": "True" } },
    { "name": "EntryImport", "type": "Matching", "status": "Success", "details": { } },
    { "name": "EntryExportAdd", "type": "Export", "status": "Success", "details": { } }
  ]
})json";

// graph-reference.md 2.6 and the sandbox's default schema, trimmed, with fields the view does not model.
const char* const kSchema = R"json({
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#schema",
  "id": "Azure2Azure.job", "version": "v1.0", "futureField": {"kept": true},
  "directories": [ { "name": "Azure Active Directory", "objects": [] } ],
  "synchronizationRules": [ {
    "id": "rule-1", "name": "USER_INBOUND_USER", "editable": true, "priority": 1,
    "sourceDirectoryName": "Azure Active Directory", "targetDirectoryName": "Azure Active Directory (target tenant)",
    "containerFilter": null, "groupFilter": null,
    "metadata": [ { "key": "supportsProvisionOnDemand", "value": "true" } ],
    "objectMappings": [
      { "name": "Disabled groups", "enabled": false, "sourceObjectName": "User", "targetObjectName": "User",
        "attributeMappings": [] },
      { "name": "Provision Azure Active Directory Users", "enabled": true, "flowTypes": "Add, Update, Delete",
        "metadata": [ { "key": "Disposition", "value": "Normal" } ],
        "sourceObjectName": "User", "targetObjectName": "User",
        "scope": { "groups": [ { "name": "Filter external users", "clauses": [ { "operatorName": "EQUALS",
                     "sourceOperandName": "alternativeSecurityIds", "targetOperand": { "values": ["None"] } } ] } ],
                   "inputFilterGroups": [], "categoryFilterGroups": [] },
        "attributeMappings": [
          { "targetAttributeName": "alternativeSecurityIds",
            "source": { "type": "Function", "name": "AltSecIdFromNetId", "expression": "AltSecIdFromNetId([netId])",
                        "parameters": [ { "key": "netId", "value": { "type": "Attribute", "name": "netId",
                                          "expression": "[netId]", "parameters": [] } } ] },
            "defaultValue": null, "flowBehavior": "FlowWhenChanged", "flowType": "Always", "matchingPriority": 1,
            "exportMissingReferences": false },
          { "targetAttributeName": "userType",
            "source": { "type": "Constant", "name": "Member", "expression": "\"Member\"", "parameters": [] },
            "defaultValue": null, "flowBehavior": "FlowWhenChanged", "flowType": "ObjectAddOnly",
            "matchingPriority": 0, "exportMissingReferences": false }
        ] }
    ] } ]
})json";

} // namespace

TEST_CASE("ProvisioningModels: ProvisioningLogEntry reads the reference's CTS log entry", "[model][provisioning]")
{
    const ProvisioningLogEntry entry = ProvisioningLogEntry::fromJson(object(kLogEntry));
    CHECK(entry.id == QStringLiteral("11aa22bb-0000-0000-0000-000000000001"));
    CHECK(entry.activityDateTime == QDateTime(QDate(2025, 1, 10), QTime(10, 1, 37), Qt::UTC));
    CHECK(entry.activityDateTime.timeSpec() == Qt::UTC);
    CHECK(entry.tenantId == QStringLiteral("22222222-2222-2222-2222-222222222222"));
    CHECK(entry.jobId == QStringLiteral("Azure2Azure.0123cdef.eeee0005"));
    CHECK(entry.cycleId == QStringLiteral("33cc44dd-0000-0000-0000-000000000003"));
    CHECK(entry.changeId == QStringLiteral("55ee66ff-0000-0000-0000-000000000005"));
    CHECK(entry.durationMs == 4375);
    CHECK(entry.action == QStringLiteral("create"));
    CHECK(entry.initiatedBy.displayName == QStringLiteral("Azure AD Provisioning Service"));
    CHECK(entry.initiatedBy.type == QStringLiteral("system"));
    CHECK(entry.servicePrincipal.id == QStringLiteral("dddddddd-0000-0000-0000-000000000004"));
    CHECK(entry.servicePrincipal.displayName == QStringLiteral("Fabrikam to Contoso"));
    CHECK(entry.sourceIdentity.id == QStringLiteral("99999999-0000-0000-0000-000000000009"));
    CHECK(entry.sourceIdentity.displayName == QStringLiteral("User4"));
    CHECK(entry.sourceIdentity.identityType == QStringLiteral("User"));
    CHECK(entry.sourceIdentity.details.contains(
        {QStringLiteral("UserPrincipalName"), QStringLiteral("user4@fabrikam.com")}));
    CHECK(entry.targetIdentity.id == QStringLiteral("aaaa1111-0000-0000-0000-000000000001"));
    CHECK(entry.sourceSystemName == QStringLiteral("Azure Active Directory"));
    CHECK(entry.targetSystemName == QStringLiteral("Azure Active Directory (target tenant)"));
    CHECK(entry.status == QStringLiteral("success"));
    CHECK_FALSE(entry.isFailure());
    CHECK(entry.error.isEmpty());
    REQUIRE(entry.steps.size() == 4);
    QStringList types;
    for (const auto& step : entry.steps) {
        types.append(step.type);
    }
    CHECK(types
        == QStringList {
            QStringLiteral("import"), QStringLiteral("scoping"), QStringLiteral("matching"), QStringLiteral("export")});
    CHECK(entry.steps.at(0).detail(QStringLiteral("appRoleAssignments")) == QStringLiteral("msiam_access"));
    CHECK(entry.steps.at(0).detail(QStringLiteral("issoftdeleted")) == QStringLiteral("False"));
    CHECK(entry.steps.at(1).detail(QStringLiteral("ScopeEvaluationResult")).contains(QStringLiteral("EQUALS")));
    REQUIRE(entry.modifiedProperties.size() == 1);
    CHECK(entry.modifiedProperties.first().name == QStringLiteral("userType"));
    CHECK_FALSE(entry.modifiedProperties.first().oldValue.has_value());
    CHECK(entry.modifiedProperties.first().newValue == QStringLiteral("Member"));
}

TEST_CASE("ProvisioningModels: ProvisioningLogEntry tolerates the documented inconsistencies and reads a failure",
    "[model][provisioning]")
{
    const ProvisioningLogEntry entry = ProvisioningLogEntry::fromJson(object(kFailureEntry));
    CHECK(entry.activityDateTime == QDateTime(QDate(2025, 1, 10), QTime(10, 5, 0, 123), Qt::UTC));
    CHECK(entry.action == QStringLiteral("create"));
    CHECK(entry.servicePrincipal.id == QStringLiteral("sp-in-a-collection"));
    CHECK(entry.initiatedBy.type == QStringLiteral("user"));
    CHECK(entry.isFailure());
    CHECK(entry.error.code == QStringLiteral("AzureActiveDirectoryForbidden"));
    CHECK(entry.error.reason == QStringLiteral("<text>"));
    CHECK(entry.error.category == QStringLiteral("nonServiceFailure"));
    CHECK(entry.error.additionalDetails.isEmpty());
    REQUIRE(entry.steps.size() == 2);
    CHECK(entry.steps.at(0).type == QStringLiteral("import"));
    CHECK(entry.steps.at(1).type == QStringLiteral("export"));
    CHECK(entry.steps.at(1).status == QStringLiteral("failure"));
    CHECK(entry.steps.at(1).detail(QStringLiteral("n")) == QStringLiteral("3"));
    // Pairs keep the order they were sent in; non-strings become their JSON text.
    CHECK(entry.sourceIdentity.details
        == ProvisioningLogEntry::Details {
            {QStringLiteral("b"), QStringLiteral("2")}, {QStringLiteral("a"), QStringLiteral("true")}});

    QJsonObject errorInfo = object(kFailureEntry);
    QJsonObject status = errorInfo.value(QStringLiteral("provisioningStatusInfo")).toObject();
    status.insert(QStringLiteral("errorInfo"), status.take(QStringLiteral("errorInformation")));
    errorInfo.insert(QStringLiteral("provisioningStatusInfo"), status);
    CHECK(ProvisioningLogEntry::fromJson(errorInfo).error.code == QStringLiteral("AzureActiveDirectoryForbidden"));
}

TEST_CASE("ProvisioningModels: ProvisioningLogEntry::toJson round-trips through fromJson", "[model][provisioning]")
{
    for (const char* json : {kLogEntry, kFailureEntry}) {
        INFO(json);
        const ProvisioningLogEntry entry = ProvisioningLogEntry::fromJson(object(json));
        const QJsonObject written = entry.toJson();
        CHECK(ProvisioningLogEntry::fromJson(written) == entry);
        // And through text, as the store keeps it.
        const QJsonObject reread = QJsonDocument::fromJson(QJsonDocument(written).toJson()).object();
        CHECK(ProvisioningLogEntry::fromJson(reread) == entry);
    }
    const QJsonObject written = ProvisioningLogEntry::fromJson(object(kFailureEntry)).toJson();
    CHECK(written.value(QStringLiteral("provisioningStatusInfo"))
              .toObject()
              .value(QStringLiteral("errorInformation"))
              .toObject()
              .value(QStringLiteral("errorCode"))
        == QStringLiteral("AzureActiveDirectoryForbidden"));
    CHECK(written.value(QStringLiteral("initiatedBy")).toObject().value(QStringLiteral("initiatorType"))
        == QStringLiteral("user"));
    CHECK(ProvisioningLogEntry::fromJson(object(kLogEntry))
              .toJson()
              .value(QStringLiteral("provisioningStatusInfo"))
              .toObject()
              .value(QStringLiteral("errorInformation"))
              .isNull());
    CHECK(ProvisioningLogEntry::fromJson(ProvisioningLogEntry().toJson()) == ProvisioningLogEntry());
}

TEST_CASE("ProvisioningModels: ProvisionOnDemandResult reads shape B (the Graph reference and the sandbox)",
    "[model][provisioning]")
{
    const QJsonObject key = object(R"({"result": "Success", "details": {"errorCode": null, "errorMessage": null}})");
    QString problem;
    const auto result = ProvisionOnDemandResult::fromJson(shapeB(key, object(kShapeBValue)), &problem);
    INFO(problem.toStdString());
    REQUIRE(result.has_value());
    CHECK(result->shape == ProvisionOnDemandResult::Shape::KeyValueObjects);
    CHECK(result->isSuccess());
    CHECK(result->action == QStringLiteral("create"));
    CHECK(result->sourceUserId == QStringLiteral("src-guid"));
    CHECK(result->targetUserId == QStringLiteral("tgt-guid"));
    CHECK(result->reportableIdentifier == QStringLiteral("user1@fabrikam.com"));
    CHECK(result->errorCode.isEmpty());
    CHECK(result->skipReason.isEmpty());
    REQUIRE(result->steps.size() == 4);
    CHECK(result->steps.at(0).type == QStringLiteral("import"));
    CHECK(result->steps.at(0).status == QStringLiteral("success"));
    CHECK(result->steps.at(0).detail(QStringLiteral("displayName")) == QStringLiteral("User One"));
    REQUIRE(result->stepOfType(QStringLiteral("Scoping")) != nullptr);
    CHECK(result->stepOfType(QStringLiteral("scoping"))->detail(QStringLiteral("Assigned to the application"))
        == QStringLiteral("True"));
    CHECK(result->stepOfType(QStringLiteral("matching")) != nullptr);
    CHECK(result->stepOfType(QStringLiteral("export")) != nullptr);
    CHECK(result->stepOfType(QStringLiteral("referenceresolution")) == nullptr);
    REQUIRE(result->modifiedProperties.size() == 1);
    CHECK(result->modifiedProperties.first().newValue == QStringLiteral("User One"));
}

TEST_CASE("ProvisioningModels: ProvisionOnDemandResult finds the skip reason in a step or in the key",
    "[model][provisioning]")
{
    // RedundantExport on an EntrySynchronizationSkip step (the sandbox's processing step).
    QJsonObject value = object(kShapeBValue);
    QJsonArray steps = value.value(QStringLiteral("provisioningSteps")).toArray();
    steps.removeLast();
    steps.append(object(R"({"name": "EntrySynchronizationSkip", "type": "Processing", "status": "Skipped",
        "details": {"SkipReason": "RedundantExport"}})"));
    value.insert(QStringLiteral("provisioningSteps"), steps);
    value.insert(QStringLiteral("statusInfo"), object(R"({"status": "Skipped"})"));
    const auto redundant
        = ProvisionOnDemandResult::fromJson(shapeB(object(R"({"result": "Skipped", "details": {}})"), value));
    REQUIRE(redundant.has_value());
    CHECK(redundant->isSkipped());
    CHECK(redundant->skipReason == QStringLiteral("RedundantExport"));

    // NotEffectivelyEntitled only as the key's error code.
    const auto notEntitled = ProvisionOnDemandResult::fromJson(
        shapeB(object(R"({"result": "Skipped", "details": {"errorCode": "NotEffectivelyEntitled",
                   "errorMessage": "not in scope"}})"),
            object(R"({"action": "Other", "provisioningSteps": [{"name": "EntrySynchronizationScoping",
                   "type": "Scoping", "status": "Skipped", "details": {"Assigned to the application": "False",
                   "IsInProvisioningScope": "False"}}]})")));
    REQUIRE(notEntitled.has_value());
    CHECK(notEntitled->isSkipped());
    CHECK(notEntitled->skipReason == QStringLiteral("NotEffectivelyEntitled"));
    CHECK(notEntitled->errorMessage == QStringLiteral("not in scope"));
    CHECK(notEntitled->action == QStringLiteral("other"));
}

TEST_CASE("ProvisioningModels: ProvisionOnDemandResult reads shape A (the CTS how-to)", "[model][provisioning]")
{
    const QJsonArray value {object(R"({"provisioningSteps": [
        {"name": "EntryImport", "type": "Import", "status": "Success", "details": {"objectId": "u1"}},
        {"name": "EntrySynchronizationScoping", "type": "Scoping", "status": "Success", "details": {}},
        {"name": "EntrySynchronizationAdd", "type": "Matching", "status": "Success", "details": {}},
        {"name": "EntryExportAdd", "type": "Export", "status": "Success",
         "details": {"targetObjectId": "t1", "ReportableIdentifier": "u1@contoso.com"}}]})")};
    const QJsonObject answer {
        {QStringLiteral("key"),
            QStringLiteral("Microsoft.Identity.Health.CPP.Common.DataContracts.SyncFabric.StatusInfo")},
        {QStringLiteral("value"), QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact))}};
    const auto result = ProvisionOnDemandResult::fromJson(answer);
    REQUIRE(result.has_value());
    CHECK(result->shape == ProvisionOnDemandResult::Shape::StatusInfoArray);
    CHECK(result->isSuccess()); // from the steps
    CHECK(result->steps.size() == 4);
    CHECK(result->targetUserId == QStringLiteral("t1"));
    CHECK(result->reportableIdentifier == QStringLiteral("u1@contoso.com"));

    // A failing step makes the whole result a failure.
    QJsonObject failing = value.first().toObject();
    QJsonArray steps = failing.value(QStringLiteral("provisioningSteps")).toArray();
    QJsonObject last = steps.last().toObject();
    last.insert(QStringLiteral("status"), QStringLiteral("Failure"));
    steps.replace(steps.size() - 1, last);
    failing.insert(QStringLiteral("provisioningSteps"), steps);
    QJsonObject failedAnswer = answer;
    failedAnswer.insert(
        QStringLiteral("value"), QString::fromUtf8(QJsonDocument(QJsonArray {failing}).toJson(QJsonDocument::Compact)));
    CHECK(ProvisionOnDemandResult::fromJson(failedAnswer)->isFailure());
}

TEST_CASE(
    "ProvisioningModels: ProvisionOnDemandResult refuses what it cannot read, with a reason", "[model][provisioning]")
{
    QString problem;
    CHECK_FALSE(ProvisionOnDemandResult::fromJson(QJsonObject(), &problem).has_value());
    CHECK_FALSE(problem.isEmpty());
    problem.clear();
    CHECK_FALSE(ProvisionOnDemandResult::fromJson(
        {{QStringLiteral("key"), QStringLiteral("{}")}, {QStringLiteral("value"), QStringLiteral("{not json")}},
        &problem)
                    .has_value());
    CHECK(problem.contains(QStringLiteral("not JSON")));
    problem.clear();
    CHECK_FALSE(ProvisionOnDemandResult::fromJson(
        {{QStringLiteral("key"), QStringLiteral("Contract")}, {QStringLiteral("value"), QStringLiteral("{}")}},
        &problem)
                    .has_value());
    CHECK_FALSE(problem.isEmpty());
    problem.clear();
    CHECK_FALSE(ProvisionOnDemandResult::fromJson(
        {{QStringLiteral("key"), QStringLiteral("{}")}, {QStringLiteral("value"), QStringLiteral("{}")}}, &problem)
                    .has_value());
    CHECK_FALSE(problem.isEmpty());
}

TEST_CASE("ProvisioningModels: SynchronizationSchema reads rules, the user mapping and its sources", "[model][schema]")
{
    const SynchronizationSchema schema = SynchronizationSchema::fromJson(object(kSchema));
    CHECK(schema.id() == QStringLiteral("Azure2Azure.job"));
    CHECK(schema.version() == QStringLiteral("v1.0"));
    const auto rules = schema.rules();
    REQUIRE(rules.size() == 1);
    CHECK(rules.first().id == QStringLiteral("rule-1"));
    CHECK(rules.first().name == QStringLiteral("USER_INBOUND_USER"));
    CHECK(rules.first().targetDirectoryName == QStringLiteral("Azure Active Directory (target tenant)"));
    CHECK(rules.first().objectMappings.size() == 2);
    CHECK(schema.userRuleId() == QStringLiteral("rule-1"));

    const auto users = schema.userMapping();
    REQUIRE(users.has_value());
    CHECK(users->name == QStringLiteral("Provision Azure Active Directory Users")); // the enabled one
    CHECK(users->flowTypes == QStringLiteral("Add, Update, Delete"));
    REQUIRE(users->scopeGroups.size() == 1);
    CHECK(users->scopeGroups.first().name == QStringLiteral("Filter external users"));
    REQUIRE(users->scopeGroups.first().clauses.size() == 1);
    CHECK(users->scopeGroups.first().clauses.first().operatorName == QStringLiteral("EQUALS"));
    CHECK(users->scopeGroups.first().clauses.first().values == QStringList {QStringLiteral("None")});

    const auto userType = users->mappingFor(QStringLiteral("usertype"));
    REQUIRE(userType.has_value());
    REQUIRE(userType->source.has_value());
    CHECK(userType->source->type == SynchronizationSchema::AttributeMappingSource::Type::Constant);
    CHECK(userType->source->name == QStringLiteral("Member"));
    CHECK(userType->flowType == QStringLiteral("ObjectAddOnly"));
    CHECK_FALSE(userType->defaultValue.has_value());
    CHECK(userType->extra.value(QStringLiteral("exportMissingReferences")) == QJsonValue(false));

    const auto anchor = users->mappingFor(QStringLiteral("alternativeSecurityIds"));
    REQUIRE(anchor.has_value());
    CHECK(anchor->matchingPriority == 1);
    REQUIRE(anchor->source.has_value());
    CHECK(anchor->source->type == SynchronizationSchema::AttributeMappingSource::Type::Function);
    REQUIRE(anchor->source->parameters.size() == 1);
    CHECK(anchor->source->parameters.front().key == QStringLiteral("netId"));
    CHECK(anchor->source->parameters.front().value.expression == QStringLiteral("[netId]"));
}

TEST_CASE("ProvisioningModels: SynchronizationSchema round-trips and keeps what it does not model", "[model][schema]")
{
    const SynchronizationSchema schema = SynchronizationSchema::fromJson(object(kSchema));
    QJsonObject expected = object(kSchema);
    expected.remove(QStringLiteral("@odata.context"));
    CHECK(schema.toJson() == expected);

    // Typed values written back give the same JSON.
    SynchronizationSchema edited = schema;
    const auto users = *schema.userMapping();
    REQUIRE(edited.setAttributeMappings(QStringLiteral("rule-1"), users.name, users.attributeMappings));
    REQUIRE(edited.setScopeGroups(QStringLiteral("rule-1"), users.name, users.scopeGroups));
    CHECK(edited.toJson() == expected);

    // An edit: userType flows Always, a new clause; everything else stays, the unknown field included.
    auto userType = *users.mappingFor(QStringLiteral("userType"));
    userType.flowType = QStringLiteral("Always");
    REQUIRE(edited.setAttributeMapping(QStringLiteral("rule-1"), users.name, userType));
    auto groups = users.scopeGroups;
    groups.first().clauses.append(
        {QStringLiteral("EQUALS"), QStringLiteral("department"), {QStringLiteral("Sales")}, {}});
    REQUIRE(edited.setScopeGroups(QStringLiteral("rule-1"), users.name, groups));
    CHECK_FALSE(edited.setScopeGroups(QStringLiteral("no-such-rule"), users.name, groups));
    CHECK_FALSE(edited.setAttributeMappings(QStringLiteral("rule-1"), QStringLiteral("no such mapping"), {}));

    const QJsonObject written = edited.toJson();
    CHECK(written.value(QStringLiteral("futureField")) == object(R"({"kept": true})"));
    CHECK(written.value(QStringLiteral("directories")) == expected.value(QStringLiteral("directories")));
    const SynchronizationSchema reread = SynchronizationSchema::fromJson(written);
    const auto after = *reread.userMapping();
    CHECK(after.mappingFor(QStringLiteral("userType"))->flowType == QStringLiteral("Always"));
    CHECK(after.mappingFor(QStringLiteral("userType"))->extra.contains(QStringLiteral("exportMissingReferences")));
    CHECK(after.attributeMappings.size() == 2);
    REQUIRE(after.scopeGroups.first().clauses.size() == 2);
    CHECK(after.scopeGroups.first().clauses.at(1).values == QStringList {QStringLiteral("Sales")});
    const QJsonObject rule = written.value(QStringLiteral("synchronizationRules")).toArray().first().toObject();
    CHECK(rule.value(QStringLiteral("metadata")).toArray().size() == 1);
    const QJsonObject mapping = rule.value(QStringLiteral("objectMappings")).toArray().at(1).toObject();
    CHECK(mapping.value(QStringLiteral("metadata")).toArray().size() == 1);
    CHECK(mapping.value(QStringLiteral("scope")).toObject().contains(QStringLiteral("inputFilterGroups")));

    // A new mapping is appended.
    SynchronizationSchema::AttributeMapping jobTitle;
    jobTitle.targetAttributeName = QStringLiteral("jobTitle");
    jobTitle.source = SynchronizationSchema::AttributeMappingSource::attribute(QStringLiteral("jobTitle"));
    REQUIRE(edited.setAttributeMapping(QStringLiteral("rule-1"), users.name, jobTitle));
    CHECK(edited.userMapping()->attributeMappings.size() == 3);
    CHECK(*edited.userMapping()->mappingFor(QStringLiteral("jobTitle")) == jobTitle);
}

TEST_CASE("ProvisioningModels: A function source with nested parameters copies deeply", "[model][schema]")
{
    using Source = SynchronizationSchema::AttributeMappingSource;
    Source inner = Source::attribute(QStringLiteral("userPrincipalName"));
    Source mid;
    mid.type = Source::Type::Function;
    mid.name = QStringLiteral("Mid");
    mid.expression = QStringLiteral("Mid([userPrincipalName], 1, 8)");
    mid.parameters.push_back({QStringLiteral("source"), inner});
    mid.parameters.push_back({QStringLiteral("start"), Source::constant(QStringLiteral("1"))});
    Source outer;
    outer.type = Source::Type::Function;
    outer.name = QStringLiteral("ToLower");
    outer.parameters.push_back({QStringLiteral("source"), mid});

    Source copy = outer;
    CHECK(copy == outer);
    copy.parameters.front().value.parameters.front().value.name = QStringLiteral("mail");
    CHECK_FALSE(copy == outer);
    CHECK(outer.parameters.front().value.parameters.front().value.name == QStringLiteral("userPrincipalName"));

    const Source reread = Source::fromJson(outer.toJson());
    CHECK(reread == outer);
    CHECK(outer.toJson()
              .value(QStringLiteral("parameters"))
              .toArray()
              .first()
              .toObject()
              .value(QStringLiteral("value"))
              .toObject()
              .value(QStringLiteral("type"))
        == QStringLiteral("Function"));
    Source assigned;
    assigned = reread;
    CHECK(assigned == outer);
}
