// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The sandbox's per-job synchronization schema through HTTP (graph-reference 2.6, 2.7, 9.1): GET, PUT and DELETE
// with their checks, the engine applying the stored mappings and scoping filter, the per-user error test route and
// provisionOnDemand's rate limit.
#include "core/sandbox/sync/MappingExpression.h"
#include "core/sandbox/sync/ScopeFilter.h"
#include "tests/sandbox/CtsSandboxSetup.h"
#include "tests/sandbox/StateTestSupport.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QTemporaryDir>

#include <functional>

using namespace tb::test;

namespace {

QJsonObject getSchema(SandboxTestClient& client, const Configuration& configuration)
{
    const SandboxAnswer answer = client.get(kContoso, configuration.jobPath(QStringLiteral("/schema")));
    REQUIRE(answer.status == 200);
    return answer.json();
}

SandboxAnswer putSchema(SandboxTestClient& client, const Configuration& configuration, const QByteArray& body)
{
    return client.graph(kContoso, QByteArrayLiteral("PUT"), configuration.jobPath(QStringLiteral("/schema")), {}, body);
}

// The schema with its first object mapping changed by edit.
QJsonObject editedMapping(QJsonObject schema, const std::function<void(QJsonObject&)>& edit)
{
    QJsonArray rules = schema.value(QLatin1String("synchronizationRules")).toArray();
    QJsonObject rule = rules.at(0).toObject();
    QJsonArray objectMappings = rule.value(QLatin1String("objectMappings")).toArray();
    QJsonObject objectMapping = objectMappings.at(0).toObject();
    edit(objectMapping);
    objectMappings.replace(0, objectMapping);
    rule.insert(QStringLiteral("objectMappings"), objectMappings);
    rules.replace(0, rule);
    schema.insert(QStringLiteral("synchronizationRules"), rules);
    return schema;
}

QJsonObject source(const QString& type, const QString& name, const QJsonArray& parameters = {})
{
    return QJsonObject {
        {QStringLiteral("type"), type}, {QStringLiteral("name"), name}, {QStringLiteral("parameters"), parameters}};
}

QJsonObject parameter(const QString& key, const QJsonObject& value)
{
    return QJsonObject {{QStringLiteral("key"), key}, {QStringLiteral("value"), value}};
}

// Replaces the mapping of target (or appends one) with this source and flow type.
QJsonObject withMapping(const QJsonObject& schema, const QString& target, const QJsonObject& mappingSource,
    const QString& flowType = QStringLiteral("Always"), int matchingPriority = 0)
{
    return editedMapping(schema, [&](QJsonObject& objectMapping) {
        QJsonArray mappings = objectMapping.value(QLatin1String("attributeMappings")).toArray();
        const QJsonObject mapping {{QStringLiteral("targetAttributeName"), target},
            {QStringLiteral("source"), mappingSource}, {QStringLiteral("defaultValue"), QJsonValue::Null},
            {QStringLiteral("flowBehavior"), QStringLiteral("FlowWhenChanged")}, {QStringLiteral("flowType"), flowType},
            {QStringLiteral("matchingPriority"), matchingPriority}};
        bool replaced = false;
        for (qsizetype i = 0; i < mappings.size(); ++i) {
            if (mappings.at(i).toObject().value(QLatin1String("targetAttributeName")).toString() == target) {
                mappings.replace(i, mapping);
                replaced = true;
            }
        }
        if (!replaced) {
            mappings.append(mapping);
        }
        objectMapping.insert(QStringLiteral("attributeMappings"), mappings);
    });
}

QJsonObject contosoUser(SandboxTestClient& client, const QString& upn)
{
    const SandboxAnswer answer
        = client.get(kContoso, QStringLiteral("/v1.0/users/%1?$select=id,department,surname").arg(upn));
    REQUIRE(answer.status == 200);
    return answer.json();
}

QJsonObject onDemandBody(const QString& objectId)
{
    return QJsonObject {{QStringLiteral("parameters"),
        QJsonArray {QJsonObject {{QStringLiteral("ruleId"), QStringLiteral("USER_INBOUND_USER")},
            {QStringLiteral("subjects"),
                QJsonArray {QJsonObject {{QStringLiteral("objectId"), objectId},
                    {QStringLiteral("objectTypeName"), QStringLiteral("User")}}}}}}}};
}

QString scopeEvaluation(const QJsonObject& record)
{
    for (const QJsonValue& step : record.value(QLatin1String("provisioningSteps")).toArray()) {
        if (step.toObject().value(QLatin1String("provisioningStepType")).toString() == QLatin1String("scoping")) {
            return step.toObject()
                .value(QLatin1String("details"))
                .toObject()
                .value(QLatin1String("ScopeEvaluationResult"))
                .toString();
        }
    }
    return {};
}

} // namespace

TEST_CASE_METHOD(
    SyncSandbox, "Schema: GET, PUT and DELETE round trip; the version changes on every change", "[sandbox][schema]")
{
    const Configuration configuration = configure(client);
    const QJsonObject original = getSchema(client, configuration);
    CHECK(original.value(QLatin1String("id")).toString() == configuration.jobId);
    const QString firstVersion = original.value(QLatin1String("version")).toString();
    CHECK_FALSE(firstVersion.isEmpty());

    const QJsonObject changed = withMapping(
        original, QStringLiteral("jobTitle"), source(QStringLiteral("Constant"), QStringLiteral("Contractor")));
    REQUIRE(putSchema(client, configuration, json(changed)).status == 204);
    const QJsonObject stored = getSchema(client, configuration);
    const QString secondVersion = stored.value(QLatin1String("version")).toString();
    CHECK(secondVersion != firstVersion);
    CHECK(QJsonDocument(stored).toJson().contains("Contractor"));
    REQUIRE(putSchema(client, configuration, json(changed)).status == 204);
    const QString thirdVersion = getSchema(client, configuration).value(QLatin1String("version")).toString();
    CHECK(thirdVersion != secondVersion);

    // DELETE goes back to the template's default.
    REQUIRE(client.graph(kContoso, QByteArrayLiteral("DELETE"), configuration.jobPath(QStringLiteral("/schema"))).status
        == 204);
    const QJsonObject reset = getSchema(client, configuration);
    CHECK_FALSE(QJsonDocument(reset).toJson().contains("Contractor"));
    CHECK(reset.value(QLatin1String("synchronizationRules")) == original.value(QLatin1String("synchronizationRules")));
    CHECK(reset.value(QLatin1String("version")).toString() != thirdVersion);

    // Refused bodies, with Graph's error shape.
    const SandboxAnswer malformed = putSchema(client, configuration, QByteArrayLiteral("{\"synchronizationRules\":["));
    CHECK(malformed.status == 400);
    CHECK_FALSE(malformed.errorCode().isEmpty());
    const SandboxAnswer noRules = putSchema(client, configuration, QByteArrayLiteral(R"({"id":"x"})"));
    CHECK(noRules.status == 400);
    CHECK(messageOf(noRules).contains(QLatin1String("synchronizationRules")));
    const SandboxAnswer unknownFunction = putSchema(client, configuration,
        json(withMapping(original, QStringLiteral("jobTitle"),
            source(QStringLiteral("Function"), QStringLiteral("Frobnicate"),
                QJsonArray {parameter(
                    QStringLiteral("source"), source(QStringLiteral("Attribute"), QStringLiteral("jobTitle")))}))));
    CHECK(unknownFunction.status == 400);
    CHECK(messageOf(unknownFunction).contains(QLatin1String("Frobnicate")));
    CHECK(getSchema(client, configuration).value(QLatin1String("version")) == reset.value(QLatin1String("version")));

    // The lists the portal offers.
    const QJsonArray operators
        = valueOf(client.get(kContoso, configuration.jobPath(QStringLiteral("/schema/filterOperators"))));
    const QJsonArray functions
        = valueOf(client.get(kContoso, configuration.jobPath(QStringLiteral("/schema/functions"))));
    QStringList operatorNames;
    for (const QJsonValue& entry : operators) {
        operatorNames.append(entry.toObject().value(QLatin1String("name")).toString());
    }
    QStringList functionNames;
    for (const QJsonValue& entry : functions) {
        functionNames.append(entry.toObject().value(QLatin1String("name")).toString());
    }
    CHECK(operatorNames.contains(QLatin1String("EQUALS")));
    CHECK(operatorNames.contains(QLatin1String("REGEX MATCH")));
    CHECK(functionNames.contains(QLatin1String("Join")));
    CHECK(functionNames.contains(QLatin1String("NormalizeDiacritics")));

    // Reads need Synchronization.Read.All, writes Synchronization.ReadWrite.All.
    const SandboxAnswer narrow = client.signIn(kContoso, QStringLiteral("offline_access Synchronization.Read.All"), {},
        QStringLiteral("0f3b5b7e-1c2d-4e5f-8a9b-0c1d2e3f4a5c"));
    REQUIRE(narrow.status == 200);
    const QByteArray bearer = "Bearer " + narrow.json().value(QLatin1String("access_token")).toString().toLatin1();
    const QString path = QLatin1Char('/') + kContoso + configuration.jobPath(QStringLiteral("/schema"));
    CHECK(client.send(QByteArrayLiteral("GET"), path, {{QByteArrayLiteral("Authorization"), bearer}}).status == 200);
    CHECK(client
              .send(QByteArrayLiteral("PUT"), path,
                  {{QByteArrayLiteral("Authorization"), bearer},
                      {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}},
                  json(original))
              .status
        == 403);
}

TEST_CASE_METHOD(SyncSandbox, "Schema: the matching attribute cannot change (schemaInvalid)", "[sandbox][schema]")
{
    const Configuration configuration = configure(client);
    const QJsonObject original = getSchema(client, configuration);
    const QJsonObject altSecId = source(QStringLiteral("Function"), QStringLiteral("AltSecIdFromNetId"),
        QJsonArray {parameter(QStringLiteral("netId"), source(QStringLiteral("Attribute"), QStringLiteral("netId")))});

    const SandboxAnswer otherPriority = putSchema(client, configuration,
        json(withMapping(original, QStringLiteral("alternativeSecurityIds"), altSecId, QStringLiteral("Always"), 2)));
    CHECK(otherPriority.status == 400);
    CHECK(otherPriority.errorCode() == QLatin1String("schemaInvalid"));

    const SandboxAnswer otherSource = putSchema(client, configuration,
        json(withMapping(original, QStringLiteral("alternativeSecurityIds"),
            source(QStringLiteral("Attribute"), QStringLiteral("mail")), QStringLiteral("Always"), 1)));
    CHECK(otherSource.errorCode() == QLatin1String("schemaInvalid"));

    const SandboxAnswer secondMatch = putSchema(client, configuration,
        json(withMapping(original, QStringLiteral("mail"), source(QStringLiteral("Attribute"), QStringLiteral("mail")),
            QStringLiteral("Always"), 2)));
    CHECK(secondMatch.status == 400);
    CHECK(secondMatch.errorCode() == QLatin1String("schemaInvalid"));

    // The same matching mapping written out again (its expression text aside) is accepted.
    CHECK(putSchema(client, configuration,
              json(withMapping(
                  original, QStringLiteral("alternativeSecurityIds"), altSecId, QStringLiteral("Always"), 1)))
              .status
        == 204);
}

TEST_CASE_METHOD(
    SyncSandbox, "Schema: a Constant mapping flows on the next cycle and is logged as modified", "[sandbox][schema]")
{
    const Configuration configuration = configure(client);
    REQUIRE(assign(client, configuration, contosoUserId(client, kAdele)).status == 201);
    runCycle(client);
    REQUIRE(fabrikamUsersWithMail(client, kAdele).first().toObject().value(QLatin1String("jobTitle")).toString()
        == QLatin1String("Account Executive"));

    REQUIRE(putSchema(client, configuration,
                json(withMapping(getSchema(client, configuration), QStringLiteral("jobTitle"),
                    source(QStringLiteral("Constant"), QStringLiteral("Contractor")))))
                .status
        == 204);
    runCycle(client);
    CHECK(fabrikamUsersWithMail(client, kAdele).first().toObject().value(QLatin1String("jobTitle")).toString()
        == QLatin1String("Contractor"));
    const QList<QJsonObject> updates = provisioningLogs(client, QStringLiteral("provisioningAction eq 'update'"));
    REQUIRE(updates.size() == 1);
    const QJsonArray modified = updates.first().value(QLatin1String("modifiedProperties")).toArray();
    REQUIRE(modified.size() == 1);
    CHECK(modified.first().toObject().value(QLatin1String("displayName")).toString() == QLatin1String("jobTitle"));
    CHECK(
        modified.first().toObject().value(QLatin1String("oldValue")).toString() == QLatin1String("Account Executive"));
    CHECK(modified.first().toObject().value(QLatin1String("newValue")).toString() == QLatin1String("Contractor"));

    // A mapping to an attribute the target's user does not have fails that user with SchemaAttributeNotFound.
    REQUIRE(putSchema(client, configuration,
                json(withMapping(getSchema(client, configuration), QStringLiteral("employeeHireDate"),
                    source(QStringLiteral("Constant"), QStringLiteral("2026-01-01")))))
                .status
        == 204);
    runCycle(client);
    const QList<QJsonObject> failures
        = provisioningLogs(client, QStringLiteral("provisioningStatusInfo/status eq 'failure'"));
    REQUIRE(failures.size() == 1);
    CHECK(failures.first()
              .value(QLatin1String("provisioningStatusInfo"))
              .toObject()
              .value(QLatin1String("errorInformation"))
              .toObject()
              .value(QLatin1String("errorCode"))
              .toString()
        == QLatin1String("SchemaAttributeNotFound"));
}

TEST_CASE_METHOD(
    SyncSandbox, "Schema: Join and ToLower mappings arrive evaluated, defaultValue fills a null", "[sandbox][schema]")
{
    const Configuration configuration = configure(client);
    const QJsonObject adele = contosoUser(client, kAdele);
    REQUIRE(assign(client, configuration, adele.value(QLatin1String("id")).toString()).status == 201);
    const QJsonObject joined = source(QStringLiteral("Function"), QStringLiteral("Join"),
        QJsonArray {parameter(QStringLiteral("separator"), source(QStringLiteral("Constant"), QStringLiteral(" / "))),
            parameter(QStringLiteral("source1"),
                source(QStringLiteral("Function"), QStringLiteral("ToLower"),
                    QJsonArray {parameter(
                        QStringLiteral("source"), source(QStringLiteral("Attribute"), QStringLiteral("department")))})),
            parameter(QStringLiteral("source2"), source(QStringLiteral("Attribute"), QStringLiteral("surname")))});
    QJsonObject schema = withMapping(getSchema(client, configuration), QStringLiteral("companyName"), joined);
    // officeLocation from an attribute the user lacks: the defaultValue is used.
    schema = editedMapping(schema, [](QJsonObject& objectMapping) {
        QJsonArray mappings = objectMapping.value(QLatin1String("attributeMappings")).toArray();
        mappings.append(QJsonObject {{QStringLiteral("targetAttributeName"), QStringLiteral("officeLocation")},
            {QStringLiteral("source"), source(QStringLiteral("Attribute"), QStringLiteral("extensionAttribute9"))},
            {QStringLiteral("defaultValue"), QStringLiteral("Remote")},
            {QStringLiteral("flowType"), QStringLiteral("Always")}, {QStringLiteral("matchingPriority"), 0}});
        for (qsizetype i = 0; i < mappings.size(); ++i) {
            if (mappings.at(i).toObject().value(QLatin1String("targetAttributeName")).toString()
                    == QLatin1String("officeLocation")
                && i + 1 < mappings.size()) {
                mappings.removeAt(i); // the default's mapping; the appended one stays
                break;
            }
        }
        objectMapping.insert(QStringLiteral("attributeMappings"), mappings);
    });
    REQUIRE(putSchema(client, configuration, json(schema)).status == 204);
    runCycle(client);
    const SandboxAnswer target = client.get(
        kFabrikam, QStringLiteral("/v1.0/users?$filter=mail eq '%1'&$select=companyName,officeLocation").arg(kAdele));
    REQUIRE(valueOf(target).size() == 1);
    const QJsonObject user = valueOf(target).first().toObject();
    const QString expected = adele.value(QLatin1String("department")).toString().toLower() + QStringLiteral(" / ")
        + adele.value(QLatin1String("surname")).toString();
    CHECK(user.value(QLatin1String("companyName")).toString() == expected);
    CHECK(user.value(QLatin1String("officeLocation")).toString() == QLatin1String("Remote"));
}

TEST_CASE_METHOD(SyncSandbox, "Schema: a scoping group keeps only Sales users; one who leaves Sales is soft-deleted",
    "[sandbox][schema]")
{
    const Configuration configuration = configure(client);
    REQUIRE(assign(client, configuration, kPilotGroup).status == 201); // Adele (Sales) and four others
    const QString tomas = contosoUserId(client, QStringLiteral("tomas.fernandez@contoso.onmicrosoft.com")); // Sales
    REQUIRE(assign(client, configuration, tomas).status == 201);
    const QJsonObject schema = editedMapping(getSchema(client, configuration), [](QJsonObject& objectMapping) {
        QJsonObject scope = objectMapping.value(QLatin1String("scope")).toObject();
        QJsonArray groups = scope.value(QLatin1String("groups")).toArray();
        groups.append(QJsonObject {{QStringLiteral("name"), QStringLiteral("Sales only")},
            {QStringLiteral("clauses"),
                QJsonArray {QJsonObject {{QStringLiteral("operatorName"), QStringLiteral("EQUALS")},
                    {QStringLiteral("sourceOperandName"), QStringLiteral("department")},
                    {QStringLiteral("targetOperand"),
                        QJsonObject {{QStringLiteral("values"), QJsonArray {QStringLiteral("Sales")}}}}}}}});
        scope.insert(QStringLiteral("groups"), groups);
        objectMapping.insert(QStringLiteral("scope"), scope);
    });
    REQUIRE(putSchema(client, configuration, json(schema)).status == 204);
    runCycle(client);

    CHECK(fabrikamUsersWithMail(client, kAdele).size() == 1);
    CHECK(fabrikamUsersWithMail(client, QStringLiteral("tomas.fernandez@contoso.onmicrosoft.com")).size() == 1);
    CHECK(fabrikamUsersWithMail(client, QStringLiteral("emily.graham@contoso.onmicrosoft.com")).isEmpty());
    const QString emily = contosoUserId(client, QStringLiteral("emily.graham@contoso.onmicrosoft.com"));
    const QList<QJsonObject> emilyLogs
        = provisioningLogs(client, QStringLiteral("sourceIdentity/id eq '%1'").arg(emily));
    REQUIRE(emilyLogs.size() == 1);
    CHECK(emilyLogs.first().value(QLatin1String("provisioningStatusInfo")).toObject().value(QLatin1String("status"))
        == QLatin1String("skipped"));
    const QJsonObject evaluation = QJsonDocument::fromJson(scopeEvaluation(emilyLogs.first()).toUtf8()).object();
    CHECK(evaluation.value(QLatin1String("Sales only.department EQUALS 'Sales'")) == QJsonValue(false));
    CHECK(evaluation.value(QLatin1String("Filter external users.alternativeSecurityIds EQUALS 'None'"))
        == QJsonValue(true));
    const QJsonObject adeleEvaluation = QJsonDocument::fromJson(
        scopeEvaluation(
            provisioningLogs(client, QStringLiteral("sourceIdentity/id eq '%1'").arg(contosoUserId(client, kAdele)))
                .first())
            .toUtf8())
                                            .object();
    CHECK(adeleEvaluation.value(QLatin1String("Sales only.department EQUALS 'Sales'")) == QJsonValue(true));

    // Tomas moves to Marketing: out of scope on the next cycle, soft-deleted in the target.
    REQUIRE(client
                .graph(kContoso, QByteArrayLiteral("PATCH"), QStringLiteral("/v1.0/users/%1").arg(tomas), {},
                    QByteArrayLiteral(R"({"department":"Marketing"})"))
                .status
        == 204);
    runCycle(client);
    CHECK(fabrikamUsersWithMail(client, QStringLiteral("tomas.fernandez@contoso.onmicrosoft.com")).isEmpty());
    const QList<QJsonObject> deletes = provisioningLogs(
        client, QStringLiteral("provisioningAction eq 'delete' and sourceIdentity/id eq '%1'").arg(tomas));
    CHECK(deletes.size() == 1);
    CHECK(fabrikamUsersWithMail(client, kAdele).size() == 1);
}

TEST_CASE_METHOD(SyncSandbox, "Schema tests' error route: an injected per-user error fails one user, others succeed",
    "[sandbox][schema]")
{
    const Configuration configuration = configure(client);
    const QStringList users {kAdele, QStringLiteral("tomas.fernandez@contoso.onmicrosoft.com"),
        QStringLiteral("isaiah.cline@contoso.onmicrosoft.com")};
    for (const QString& upn : users) {
        REQUIRE(assign(client, configuration, contosoUserId(client, upn)).status == 201);
    }
    const SandboxAnswer injected
        = client.send(QByteArrayLiteral("POST"), QStringLiteral("/_sandbox/synchronization/userErrors"), {},
            json(QJsonObject {{QStringLiteral("userPrincipalNames"), QJsonArray {users.at(1)}},
                {QStringLiteral("code"), QStringLiteral("AzureActiveDirectoryConflictEntry")},
                {QStringLiteral("count"), 1}}));
    REQUIRE(injected.status == 200);
    CHECK(injected.json().value(QLatin1String("added")).toInt() == 1);
    CHECK(client
              .send(QByteArrayLiteral("POST"), QStringLiteral("/_sandbox/synchronization/userErrors"), {},
                  QByteArrayLiteral(R"({"code":"X"})"))
              .status
        == 400);

    runCycle(client);
    CHECK(fabrikamUsersWithMail(client, users.at(0)).size() == 1);
    CHECK(fabrikamUsersWithMail(client, users.at(1)).isEmpty());
    CHECK(fabrikamUsersWithMail(client, users.at(2)).size() == 1);
    const QList<QJsonObject> failures
        = provisioningLogs(client, QStringLiteral("provisioningStatusInfo/status eq 'failure'"));
    REQUIRE(failures.size() == 1);
    const QJsonObject status = failures.first().value(QLatin1String("provisioningStatusInfo")).toObject();
    CHECK(status.value(QLatin1String("errorInformation")).toObject().value(QLatin1String("errorCode")).toString()
        == QLatin1String("AzureActiveDirectoryConflictEntry"));
    CHECK(failures.first().value(QLatin1String("sourceIdentity")).toObject().value(QLatin1String("id")).toString()
        == contosoUserId(client, users.at(1)));
    const QJsonObject execution = jobStatus(client, configuration).value(QLatin1String("lastExecution")).toObject();
    CHECK(execution.value(QLatin1String("state")).toString() == QLatin1String("EntryLevelErrors"));
    CHECK(execution.value(QLatin1String("countEscrowed")).toInt() == 1);

    // count 1: the retry on the next cycle goes through.
    runCycle(client);
    CHECK(fabrikamUsersWithMail(client, users.at(1)).size() == 1);
    CHECK(client.send(QByteArrayLiteral("DELETE"), QStringLiteral("/_sandbox/synchronization/userErrors"))
              .json()
              .value(QLatin1String("userErrors"))
              .toArray()
              .isEmpty());
}

TEST_CASE_METHOD(SyncSandbox,
    "Schema tests' rate limit: a sixth provisionOnDemand within 10 s gets 429 with Retry-After", "[sandbox][schema]")
{
    const Configuration configuration = configure(client);
    const QString adele = contosoUserId(client, kAdele);
    for (int call = 1; call <= 5; ++call) {
        CHECK(post(client, kContoso, configuration.jobPath(QStringLiteral("/provisionOnDemand")), onDemandBody(adele))
                  .status
            == 200);
    }
    const SandboxAnswer sixth
        = post(client, kContoso, configuration.jobPath(QStringLiteral("/provisionOnDemand")), onDemandBody(adele));
    CHECK(sixth.status == 429);
    CHECK(sixth.errorCode() == QLatin1String("TooManyRequests"));
    CHECK(sixth.header(QByteArrayLiteral("Retry-After")).toInt() >= 1);
    CHECK(sixth.header(QByteArrayLiteral("Retry-After")).toInt() <= 10);
}

TEST_CASE("Schema tests' rate limit is an option: 0 turns it off", "[sandbox][schema]")
{
    tbsandbox::SandboxOptions options = syncOptions();
    options.provisionOnDemandLimit = 0;
    RunningSandbox sandbox(options);
    const Configuration configuration = configure(sandbox.client);
    const QString adele = contosoUserId(sandbox.client, kAdele);
    for (int call = 1; call <= 7; ++call) {
        CHECK(post(sandbox.client, kContoso, configuration.jobPath(QStringLiteral("/provisionOnDemand")),
                  onDemandBody(adele))
                  .status
            == 200);
    }
}

TEST_CASE("Schema: a stored schema and its version survive a restart with a state file", "[sandbox][schema][state]")
{
    QTemporaryDir directory;
    REQUIRE(directory.isValid());
    tbsandbox::SandboxOptions options = stateOptions(directory.filePath(QStringLiteral("state.json")));
    options.servicePrincipalPropagationMs = 0;
    options.syncIntervalMs = 0;
    Configuration configuration;
    QJsonObject stored;
    {
        RunningSandbox first(options);
        configuration = configure(first.client);
        REQUIRE(putSchema(first.client, configuration,
                    json(withMapping(getSchema(first.client, configuration), QStringLiteral("jobTitle"),
                        source(QStringLiteral("Constant"), QStringLiteral("Contractor")))))
                    .status
            == 204);
        stored = getSchema(first.client, configuration);
    }
    RunningSandbox second(options);
    const QJsonObject restored = getSchema(second.client, configuration);
    CHECK(restored.value(QLatin1String("version")) == stored.value(QLatin1String("version")));
    CHECK(restored.value(QLatin1String("synchronizationRules")) == stored.value(QLatin1String("synchronizationRules")));
    // And the engine applies it after the restart.
    REQUIRE(assign(second.client, configuration, contosoUserId(second.client, kAdele)).status == 201);
    runCycle(second.client);
    CHECK(fabrikamUsersWithMail(second.client, kAdele).first().toObject().value(QLatin1String("jobTitle")).toString()
        == QLatin1String("Contractor"));
}

TEST_CASE("Schema: the engine's functions and scoping operators", "[sandbox][schema]")
{
    using tbsandbox::MappingExpression;
    const QJsonObject attributes {{QStringLiteral("givenName"), QStringLiteral("Zoë")},
        {QStringLiteral("surname"), QStringLiteral("  Åberg Núñez ")}, {QStringLiteral("department"), QJsonValue::Null},
        {QStringLiteral("accountEnabled"), true}, {QStringLiteral("employeeId"), QStringLiteral("42")},
        {QStringLiteral("proxyAddresses"), QJsonArray {QStringLiteral("SMTP:a@x"), QStringLiteral("smtp:b@x")}}};
    const auto attribute = [](const QString& name) { return source(QStringLiteral("Attribute"), name); };
    const auto constant = [](const QString& value) { return source(QStringLiteral("Constant"), value); };
    const auto function = [](const QString& name, const QList<QJsonObject>& arguments) {
        QJsonArray parameters;
        for (const QJsonObject& argument : arguments) {
            parameters.append(parameter(QString(), argument));
        }
        return source(QStringLiteral("Function"), name, parameters);
    };
    const auto eval
        = [&](const QJsonObject& expression) { return MappingExpression::evaluate(expression, attributes); };

    CHECK(eval(function(
              QStringLiteral("Append"), {attribute(QStringLiteral("givenName")), constant(QStringLiteral("!"))}))
        == QJsonValue(QStringLiteral("Zoë!")));
    CHECK(eval(function(QStringLiteral("Coalesce"),
              {attribute(QStringLiteral("department")), attribute(QStringLiteral("givenName"))}))
        == QJsonValue(QStringLiteral("Zoë")));
    CHECK(eval(function(QStringLiteral("IIF"),
              {attribute(QStringLiteral("accountEnabled")), constant(QStringLiteral("yes")),
                  constant(QStringLiteral("no"))}))
        == QJsonValue(QStringLiteral("yes")));
    CHECK(
        eval(function(QStringLiteral("IsNullOrEmpty"), {attribute(QStringLiteral("department"))})) == QJsonValue(true));
    CHECK(eval(function(QStringLiteral("IsPresent"), {attribute(QStringLiteral("givenName"))})) == QJsonValue(true));
    CHECK(eval(function(QStringLiteral("Join"),
              {constant(QStringLiteral(";")), attribute(QStringLiteral("proxyAddresses")),
                  attribute(QStringLiteral("department")), attribute(QStringLiteral("employeeId"))}))
        == QJsonValue(QStringLiteral("SMTP:a@x;smtp:b@x;42")));
    CHECK(
        eval(function(QStringLiteral("Left"), {attribute(QStringLiteral("givenName")), constant(QStringLiteral("2"))}))
        == QJsonValue(QStringLiteral("Zo")));
    CHECK(eval(function(QStringLiteral("Mid"),
              {constant(QStringLiteral("abcdef")), constant(QStringLiteral("2")), constant(QStringLiteral("3"))}))
        == QJsonValue(QStringLiteral("bcd")));
    CHECK(eval(function(QStringLiteral("Not"), {attribute(QStringLiteral("accountEnabled"))})) == QJsonValue(false));
    CHECK(eval(function(QStringLiteral("Replace"),
              {constant(QStringLiteral("a.b.c")), constant(QStringLiteral(".")), constant(QStringLiteral("-"))}))
        == QJsonValue(QStringLiteral("a-b-c")));
    CHECK(eval(function(QStringLiteral("StripSpaces"), {attribute(QStringLiteral("surname"))}))
        == QJsonValue(QStringLiteral("ÅbergNúñez")));
    CHECK(
        eval(function(QStringLiteral("Switch"),
            {attribute(QStringLiteral("employeeId")), constant(QStringLiteral("other")), constant(QStringLiteral("41")),
                constant(QStringLiteral("a")), constant(QStringLiteral("42")), constant(QStringLiteral("b"))}))
        == QJsonValue(QStringLiteral("b")));
    CHECK(eval(function(QStringLiteral("Switch"),
              {attribute(QStringLiteral("department")), constant(QStringLiteral("other")),
                  constant(QStringLiteral("41")), constant(QStringLiteral("a"))}))
        == QJsonValue(QStringLiteral("other")));
    CHECK(eval(function(QStringLiteral("ToUpper"), {attribute(QStringLiteral("givenName"))}))
        == QJsonValue(QStringLiteral("ZOË")));
    CHECK(eval(function(QStringLiteral("ToLower"), {attribute(QStringLiteral("department"))})).isNull());
    CHECK(eval(function(QStringLiteral("Trim"), {attribute(QStringLiteral("surname"))}))
        == QJsonValue(QStringLiteral("Åberg Núñez")));
    CHECK(
        eval(function(QStringLiteral("Word"),
            {constant(QStringLiteral("one,two;three")), constant(QStringLiteral("3")), constant(QStringLiteral(",;"))}))
        == QJsonValue(QStringLiteral("three")));
    CHECK(eval(function(QStringLiteral("Word"),
              {constant(QStringLiteral("one")), constant(QStringLiteral("2")), constant(QStringLiteral(" "))}))
        == QJsonValue(QString()));
    CHECK(eval(function(QStringLiteral("NormalizeDiacritics"), {attribute(QStringLiteral("surname"))}))
        == QJsonValue(QStringLiteral("  Aberg Nunez ")));
    CHECK(eval(function(QStringLiteral("CStr"), {attribute(QStringLiteral("accountEnabled"))}))
        == QJsonValue(QStringLiteral("True")));
    CHECK(eval(function(QStringLiteral("CBool"), {constant(QStringLiteral("false"))})) == QJsonValue(false));
    CHECK(eval(function(QStringLiteral("CBool"), {attribute(QStringLiteral("employeeId"))})) == QJsonValue(true));
    CHECK(MappingExpression::problem(function(QStringLiteral("Left"), {constant(QStringLiteral("x"))})).has_value());

    const auto clause = [](const QString& op, const QString& operand, const QStringList& values = {}) {
        QJsonArray list;
        for (const QString& value : values) {
            list.append(value);
        }
        return QJsonObject {{QStringLiteral("operatorName"), op}, {QStringLiteral("sourceOperandName"), operand},
            {QStringLiteral("targetOperand"), QJsonObject {{QStringLiteral("values"), list}}}};
    };
    const auto passes = [&](const QList<QJsonObject>& clauses) {
        QJsonArray list;
        for (const QJsonObject& entry : clauses) {
            list.append(entry);
        }
        const QJsonObject scope {{QStringLiteral("groups"),
            QJsonArray {
                QJsonObject {{QStringLiteral("name"), QStringLiteral("g")}, {QStringLiteral("clauses"), list}}}}};
        return tbsandbox::ScopeFilter::evaluate(scope, attributes).passed;
    };
    CHECK(passes({clause(QStringLiteral("EQUALS"), QStringLiteral("givenName"), {QStringLiteral("Zoë")})}));
    // EQUALS is exact and case-sensitive (Microsoft's scoping-filter article; the client's ScopingOperator agrees).
    CHECK_FALSE(passes({clause(QStringLiteral("EQUALS"), QStringLiteral("givenName"), {QStringLiteral("zoë")})}));
    CHECK(passes({clause(QStringLiteral("NOT_EQUALS"), QStringLiteral("givenName"), {QStringLiteral("Ann")})}));
    CHECK(passes({clause(QStringLiteral("is true"), QStringLiteral("accountEnabled"))}));
    CHECK_FALSE(passes({clause(QStringLiteral("IS FALSE"), QStringLiteral("accountEnabled"))}));
    CHECK(passes({clause(QStringLiteral("IS NULL"), QStringLiteral("department"))}));
    CHECK(passes({clause(QStringLiteral("IS NOT NULL"), QStringLiteral("surname"))}));
    CHECK(passes({clause(QStringLiteral("REGEX MATCH"), QStringLiteral("employeeId"), {QStringLiteral("^4\\d$")})}));
    CHECK(passes({clause(QStringLiteral("NOT REGEX MATCH"), QStringLiteral("employeeId"), {QStringLiteral("^5")})}));
    CHECK(passes({clause(QStringLiteral("Greater_Than"), QStringLiteral("employeeId"), {QStringLiteral("41")})}));
    CHECK_FALSE(passes({clause(QStringLiteral("GREATER THAN"), QStringLiteral("employeeId"), {QStringLiteral("42")})}));
    CHECK(passes({clause(QStringLiteral("Includes"), QStringLiteral("proxyAddresses"), {QStringLiteral("smtp:b@x")})}));
    // ALL clauses of a group.
    CHECK_FALSE(passes({clause(QStringLiteral("IS NULL"), QStringLiteral("department")),
        clause(QStringLiteral("IS NULL"), QStringLiteral("givenName"))}));
}
