// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The sandbox's cross-tenant provisioning service through HTTP, as a client sees it (graph-reference 2.2, 2.3, 2.6,
// 2.7, 3, 4, 5.4, 9.1): assignments, cycles run by the test route, matching of existing B2B users, the job
// lifecycle and quarantine, per-user errors, provision on demand, provisioning logs and the target's audits.
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/World.h"
#include "tests/sandbox/CtsSandboxSetup.h"
#include "tests/sandbox/StateTestSupport.h"

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrlQuery>

using namespace tb::test;

TEST_CASE_METHOD(SyncSandbox, "Assignments: add, list, refuse a duplicate, delete", "[sandbox][provisioning]")
{
    const Configuration configuration = configure(client);
    const QString adele = contosoUserId(client, kAdele);
    const SandboxAnswer created = assign(client, configuration, adele);
    REQUIRE(created.status == 201);
    const QJsonObject assignment = created.json();
    CHECK(assignment.value(QLatin1String("principalId")).toString() == adele);
    CHECK(assignment.value(QLatin1String("principalType")).toString() == QLatin1String("User"));
    CHECK(assignment.value(QLatin1String("resourceId")).toString() == configuration.spId);
    CHECK(assignment.value(QLatin1String("appRoleId")).toString() == configuration.appRoleId);
    CHECK(assignment.value(QLatin1String("principalDisplayName")).toString() == QLatin1String("Adele Vance"));
    const QString id = assignment.value(QLatin1String("id")).toString();
    CHECK(QUuid::fromString(id).isNull()); // opaque, not a GUID
    CHECK(assign(client, configuration, adele).status == 400);

    const SandboxAnswer group = assign(client, configuration, kPilotGroup);
    REQUIRE(group.status == 201);
    CHECK(group.json().value(QLatin1String("principalType")).toString() == QLatin1String("Group"));
    CHECK(assign(client, configuration, QStringLiteral("00000000-0000-0000-0000-0000000000aa")).status == 404);

    const QString list = QStringLiteral("/v1.0/servicePrincipals/%1/appRoleAssignedTo").arg(configuration.spId);
    CHECK(valueOf(client.get(kContoso, list)).size() == 2);
    CHECK(client.graph(kContoso, QByteArrayLiteral("DELETE"), list + QLatin1Char('/') + id).status == 204);
    CHECK(valueOf(client.get(kContoso, list)).size() == 1);
    CHECK(client.graph(kContoso, QByteArrayLiteral("DELETE"), list + QLatin1Char('/') + id).status == 404);
}

TEST_CASE_METHOD(SyncSandbox,
    "A cycle creates an assigned user in the target as a B2B member; changes flow, unassigning soft-deletes",
    "[sandbox][provisioning]")
{
    const Configuration configuration = configure(client);
    CHECK(jobStatus(client, configuration).value(QLatin1String("code")).toString() == QLatin1String("NotRun"));
    const QString adele = contosoUserId(client, kAdele);
    const QString assignmentId = assign(client, configuration, adele).json().value(QLatin1String("id")).toString();
    CHECK(fabrikamUsersWithMail(client, kAdele).isEmpty());

    CHECK(runCycle(client) == 1);
    const QJsonArray created = fabrikamUsersWithMail(client, kAdele);
    REQUIRE(created.size() == 1);
    const QJsonObject user = created.first().toObject();
    CHECK(user.value(QLatin1String("userPrincipalName")).toString()
        == QLatin1String("adele.vance_contoso.onmicrosoft.com#EXT#@fabrikam.onmicrosoft.com"));
    CHECK(user.value(QLatin1String("userType")).toString() == QLatin1String("Member"));
    CHECK(user.value(QLatin1String("displayName")).toString() == QLatin1String("Adele Vance"));
    CHECK(user.value(QLatin1String("identities")).toArray().first().toObject().value(QLatin1String("issuer")).toString()
        == QLatin1String("ExternalAzureAD"));
    const QString targetId = user.value(QLatin1String("id")).toString();

    QJsonObject status = jobStatus(client, configuration);
    CHECK(status.value(QLatin1String("code")).toString() == QLatin1String("Active"));
    QJsonObject execution = status.value(QLatin1String("lastExecution")).toObject();
    CHECK(execution.value(QLatin1String("state")).toString() == QLatin1String("Succeeded"));
    CHECK(execution.value(QLatin1String("countExported")).toInt() == 1);
    CHECK(execution.value(QLatin1String("countEntitled")).toInt() == 1);
    CHECK(status.value(QLatin1String("lastSuccessfulExecution")).toObject().value(QLatin1String("activityIdentifier"))
        == execution.value(QLatin1String("activityIdentifier")));
    CHECK_FALSE(
        status.value(QLatin1String("steadyStateFirstAchievedTime")).toString().startsWith(QLatin1String("0001")));

    // The log of the create, in the source.
    QList<QJsonObject> logs = provisioningLogs(client, QStringLiteral("sourceIdentity/id eq '%1'").arg(adele));
    REQUIRE(logs.size() == 1);
    const QJsonObject record = logs.first();
    CHECK(record.value(QLatin1String("provisioningAction")).toString() == QLatin1String("create"));
    CHECK(record.value(QLatin1String("jobId")).toString() == configuration.jobId);
    CHECK(record.value(QLatin1String("cycleId")).toString()
        == execution.value(QLatin1String("activityIdentifier")).toString());
    CHECK(record.value(QLatin1String("provisioningStatusInfo")).toObject().value(QLatin1String("status")).toString()
        == QLatin1String("success"));
    CHECK(record.value(QLatin1String("targetIdentity")).toObject().value(QLatin1String("id")).toString() == targetId);
    CHECK(record.value(QLatin1String("servicePrincipal")).toObject().value(QLatin1String("id")).toString()
        == configuration.spId);
    CHECK(stepTypes(record.value(QLatin1String("provisioningSteps")).toArray(), QStringLiteral("provisioningStepType"))
        == QStringList {QStringLiteral("import"), QStringLiteral("scoping"), QStringLiteral("matching"),
            QStringLiteral("processing"), QStringLiteral("export")});

    // The target's audit of the add, initiated by the configuration's app.
    const QJsonArray audits = valueOf(client.get(kFabrikam, QStringLiteral("/v1.0/auditLogs/directoryAudits")));
    REQUIRE(audits.size() == 1);
    const QJsonObject audit = audits.first().toObject();
    CHECK(audit.value(QLatin1String("activityDisplayName")).toString() == QLatin1String("Add user"));
    CHECK(audit.value(QLatin1String("initiatedBy"))
              .toObject()
              .value(QLatin1String("app"))
              .toObject()
              .value(QLatin1String("displayName"))
        == QLatin1String("Contoso to Fabrikam"));
    CHECK(
        audit.value(QLatin1String("targetResources")).toArray().first().toObject().value(QLatin1String("id")).toString()
        == targetId);

    // An incremental cycle with no change exports nothing and writes nothing.
    CHECK(runCycle(client) == 1);
    execution = jobStatus(client, configuration).value(QLatin1String("lastExecution")).toObject();
    CHECK(execution.value(QLatin1String("countExported")).toInt() == 0);
    CHECK(provisioningLogs(client).size() == 1);

    // A changed source attribute flows on the next cycle.
    REQUIRE(client
                .graph(kContoso, QByteArrayLiteral("PATCH"), QStringLiteral("/v1.0/users/%1").arg(adele), {},
                    QByteArrayLiteral(R"({"jobTitle":"Head of Sync"})"))
                .status
        == 204);
    CHECK(fabrikamUsersWithMail(client, kAdele).first().toObject().value(QLatin1String("jobTitle")).toString()
        != QLatin1String("Head of Sync"));
    runCycle(client);
    CHECK(fabrikamUsersWithMail(client, kAdele).first().toObject().value(QLatin1String("jobTitle")).toString()
        == QLatin1String("Head of Sync"));
    logs = provisioningLogs(client, QStringLiteral("provisioningAction eq 'update'"));
    REQUIRE(logs.size() == 1);
    const QJsonArray modified = logs.first().value(QLatin1String("modifiedProperties")).toArray();
    REQUIRE(modified.size() == 1);
    CHECK(modified.first().toObject().value(QLatin1String("displayName")).toString() == QLatin1String("jobTitle"));
    CHECK(modified.first().toObject().value(QLatin1String("newValue")).toString() == QLatin1String("Head of Sync"));

    // Unassigned: soft-deleted in the target on the next cycle (graph-reference 3).
    REQUIRE(
        client
            .graph(kContoso, QByteArrayLiteral("DELETE"),
                QStringLiteral("/v1.0/servicePrincipals/%1/appRoleAssignedTo/%2").arg(configuration.spId, assignmentId))
            .status
        == 204);
    runCycle(client);
    CHECK(client.get(kFabrikam, QStringLiteral("/v1.0/users/%1").arg(targetId)).status == 404);
    CHECK(provisioningLogs(client, QStringLiteral("provisioningAction eq 'delete'")).size() == 1);
    CHECK(valueOf(client.get(kFabrikam,
                      QStringLiteral("/v1.0/auditLogs/directoryAudits?$filter=%1")
                          .arg(encoded(QStringLiteral("activityDisplayName eq 'Delete user'")))))
              .size()
        == 1);
}

TEST_CASE_METHOD(SyncSandbox, "A group's direct members are in scope", "[sandbox][provisioning]")
{
    const Configuration configuration = configure(client);
    REQUIRE(assign(client, configuration, kPilotGroup).status == 201);
    runCycle(client);
    const QJsonObject execution = jobStatus(client, configuration).value(QLatin1String("lastExecution")).toObject();
    CHECK(execution.value(QLatin1String("countEntitled")).toInt() == 5);
    CHECK(provisioningLogs(client, QStringLiteral("provisioningAction eq 'create'")).size() == 5);
}

TEST_CASE_METHOD(SyncSandbox,
    "An accepted B2B guest is taken over, not duplicated, and keeps Guest; a pending one is "
    "redeemed as an add",
    "[sandbox][provisioning]")
{
    const Configuration configuration = configure(client);
    const QJsonArray before = fabrikamUsersWithMail(client, kZainab);
    REQUIRE(before.size() == 1);
    const QString guestId = before.first().toObject().value(QLatin1String("id")).toString();
    const QString zainab = contosoUserId(client, kZainab);
    const QString bianca = contosoUserId(client, kBianca);
    REQUIRE(assign(client, configuration, zainab).status == 201);
    REQUIRE(assign(client, configuration, bianca).status == 201);
    runCycle(client);

    const QJsonArray after = fabrikamUsersWithMail(client, kZainab);
    REQUIRE(after.size() == 1);
    CHECK(after.first().toObject().value(QLatin1String("id")).toString() == guestId);
    CHECK(after.first().toObject().value(QLatin1String("userType")).toString() == QLatin1String("Guest"));
    const QList<QJsonObject> zainabLogs
        = provisioningLogs(client, QStringLiteral("sourceIdentity/id eq '%1'").arg(zainab));
    REQUIRE(zainabLogs.size() == 1);
    CHECK(zainabLogs.first().value(QLatin1String("targetIdentity")).toObject().value(QLatin1String("id")).toString()
        == guestId);
    CHECK(zainabLogs.first().value(QLatin1String("provisioningAction")).toString() != QLatin1String("create"));

    const QJsonArray pending = fabrikamUsersWithMail(client, kBianca);
    REQUIRE(pending.size() == 1);
    const QJsonObject redeemed = pending.first().toObject();
    CHECK(redeemed.value(QLatin1String("externalUserState")).toString() == QLatin1String("Accepted"));
    CHECK(redeemed.value(QLatin1String("userPrincipalName")).toString()
        == QLatin1String("bianca.berg_contoso.onmicrosoft.com#EXT#@fabrikam.onmicrosoft.com"));
    const QList<QJsonObject> biancaLogs
        = provisioningLogs(client, QStringLiteral("sourceIdentity/id eq '%1'").arg(bianca));
    REQUIRE(biancaLogs.size() == 1);
    CHECK(biancaLogs.first().value(QLatin1String("provisioningAction")).toString() == QLatin1String("create"));
    // Not matched (no altSecId link), then redeemed by the invitation manager (graph-reference 5.4).
    const QJsonObject matching
        = biancaLogs.first().value(QLatin1String("provisioningSteps")).toArray().at(2).toObject();
    CHECK(matching.value(QLatin1String("provisioningStepType")).toString() == QLatin1String("matching"));
    CHECK(matching.value(QLatin1String("status")).toString() == QLatin1String("skipped"));
}

TEST_CASE_METHOD(SyncSandbox, "A paused job does nothing", "[sandbox][provisioning]")
{
    const Configuration configuration = configure(client);
    REQUIRE(post(client, kContoso, configuration.jobPath(QStringLiteral("/pause")), {}).status == 204);
    REQUIRE(assign(client, configuration, contosoUserId(client, kAdele)).status == 201);
    CHECK(runCycle(client) == 0);
    CHECK(fabrikamUsersWithMail(client, kAdele).isEmpty());
    const QJsonObject status = jobStatus(client, configuration);
    CHECK(status.value(QLatin1String("code")).toString() == QLatin1String("Paused"));
    CHECK(status.value(QLatin1String("lastExecution")).isNull());
    CHECK(provisioningLogs(client).isEmpty());

    REQUIRE(post(client, kContoso, configuration.jobPath(QStringLiteral("/start")), {}).status == 204);
    CHECK(runCycle(client) == 1);
    CHECK(fabrikamUsersWithMail(client, kAdele).size() == 1);

    // Paused again, a restart without a body (the portal's restart) resumes it.
    REQUIRE(post(client, kContoso, configuration.jobPath(QStringLiteral("/pause")), {}).status == 204);
    CHECK(runCycle(client) == 0);
    CHECK(client.graph(kContoso, QByteArrayLiteral("POST"), configuration.jobPath(QStringLiteral("/restart"))).status
        == 204);
    CHECK(jobStatus(client, configuration).value(QLatin1String("code")).toString() == QLatin1String("Active"));
    CHECK(runCycle(client) == 1);
}

TEST_CASE_METHOD(
    SyncSandbox, "Quarantine when the target stops inbound sync; start clears it; recovery", "[sandbox][provisioning]")
{
    const Configuration configuration = configure(client);
    REQUIRE(assign(client, configuration, contosoUserId(client, kAdele)).status == 201);
    allowInboundSync(client, false);
    runCycle(client);
    QJsonObject status = jobStatus(client, configuration);
    CHECK(status.value(QLatin1String("code")).toString() == QLatin1String("Quarantine"));
    const QJsonObject quarantine = status.value(QLatin1String("quarantine")).toObject();
    CHECK(quarantine.value(QLatin1String("reason")).toString() == QLatin1String("EncounteredQuarantineException"));
    CHECK(quarantine.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString()
        == QLatin1String("AzureDirectoryB2BManagementPolicyCheckFailure"));
    CHECK_FALSE(quarantine.value(QLatin1String("currentBegan")).toString().isEmpty());
    CHECK(status.value(QLatin1String("lastExecution")).toObject().value(QLatin1String("state")).toString()
        == QLatin1String("Failed"));
    CHECK(status.value(QLatin1String("countSuccessiveCompleteFailures")).toInt() == 1);
    CHECK(fabrikamUsersWithMail(client, kAdele).isEmpty());

    // start clears the quarantine; still not allowed: quarantined again on the next cycle.
    REQUIRE(post(client, kContoso, configuration.jobPath(QStringLiteral("/start")), {}).status == 204);
    status = jobStatus(client, configuration);
    CHECK(status.value(QLatin1String("code")).toString() != QLatin1String("Quarantine"));
    CHECK(status.value(QLatin1String("quarantine")).isNull());
    runCycle(client);
    CHECK(jobStatus(client, configuration).value(QLatin1String("code")).toString() == QLatin1String("Quarantine"));

    // The restart's criteria are checked; the target allows sync again: the job recovers.
    CHECK(post(client, kContoso, configuration.jobPath(QStringLiteral("/restart")),
              QJsonObject {
                  {QStringLiteral("criteria"), QJsonObject {{QStringLiteral("resetScope"), QStringLiteral("Bogus")}}}})
              .status
        == 400);
    allowInboundSync(client, true);
    REQUIRE(
        post(client, kContoso, configuration.jobPath(QStringLiteral("/restart")),
            QJsonObject {{QStringLiteral("criteria"),
                QJsonObject {{QStringLiteral("resetScope"), QStringLiteral("Watermark, Escrows, QuarantineState")}}}})
            .status
        == 204);
    runCycle(client);
    status = jobStatus(client, configuration);
    CHECK(status.value(QLatin1String("code")).toString() == QLatin1String("Active"));
    CHECK(status.value(QLatin1String("quarantine")).isNull());
    CHECK(fabrikamUsersWithMail(client, kAdele).size() == 1);
}

TEST_CASE_METHOD(
    SyncSandbox, "An internal target user with the same address is a per-user error", "[sandbox][provisioning]")
{
    // Fabrikam's own Adele Vance gets the address of Contoso's Christie Hubert (Graph cannot write mail).
    tbsandbox::TenantState* fabrikam = server.world().tenantByIdOrDomain(kFabrikam);
    REQUIRE(fabrikam);
    const qsizetype internal = fabrikam->findUser(QStringLiteral("adele.vance@fabrikam.onmicrosoft.com"));
    REQUIRE(internal >= 0);
    fabrikam->users()[static_cast<size_t>(internal)].mail = kChristie;
    const int usersBefore = static_cast<int>(fabrikam->users().size());

    const Configuration configuration = configure(client);
    const QString christie = contosoUserId(client, kChristie);
    REQUIRE(assign(client, configuration, christie).status == 201);
    REQUIRE(assign(client, configuration, contosoUserId(client, kAdele)).status == 201);
    runCycle(client);
    CHECK(static_cast<int>(fabrikam->users().size()) == usersBefore + 1); // Adele only
    const QJsonObject execution = jobStatus(client, configuration).value(QLatin1String("lastExecution")).toObject();
    CHECK(execution.value(QLatin1String("state")).toString() == QLatin1String("EntryLevelErrors"));
    CHECK(execution.value(QLatin1String("countEscrowed")).toInt() == 1);
    const QList<QJsonObject> failures
        = provisioningLogs(client, QStringLiteral("provisioningStatusInfo/status eq 'failure'"));
    REQUIRE(failures.size() == 1);
    const QJsonObject error = failures.first()
                                  .value(QLatin1String("provisioningStatusInfo"))
                                  .toObject()
                                  .value(QLatin1String("errorInformation"))
                                  .toObject();
    CHECK(
        error.value(QLatin1String("errorCode")).toString() == QLatin1String("InvitationCreationFailureAmbiguousUser"));
    CHECK(failures.first().value(QLatin1String("sourceIdentity")).toObject().value(QLatin1String("id")).toString()
        == christie);
    // Escrowed: retried (and logged) on the next incremental cycle.
    runCycle(client);
    CHECK(provisioningLogs(client, QStringLiteral("provisioningStatusInfo/status eq 'failure'")).size() == 2);
}

TEST_CASE_METHOD(
    SyncSandbox, "A mail on a domain the source does not own is a value the target rejects", "[sandbox][provisioning]")
{
    // Contoso's Christie Hubert gets an address on a domain nobody verified (Graph cannot write mail).
    tbsandbox::TenantState* contoso = server.world().tenantByIdOrDomain(kContoso);
    REQUIRE(contoso);
    const qsizetype christieIndex = contoso->findUser(kChristie);
    REQUIRE(christieIndex >= 0);
    contoso->users()[static_cast<size_t>(christieIndex)].mail = QStringLiteral("christie@unverified.example");

    const Configuration configuration = configure(client);
    const QString christie = contosoUserId(client, kChristie);
    REQUIRE(assign(client, configuration, christie).status == 201);
    runCycle(client);
    CHECK(fabrikamUsersWithMail(client, QStringLiteral("christie@unverified.example")).isEmpty());
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
        == QLatin1String("InvitationCreationFailureInvalidPropertyValue"));
    // Out of scope, the retry is dropped: nothing more is logged for Christie.
    const QString list = QStringLiteral("/v1.0/servicePrincipals/%1/appRoleAssignedTo").arg(configuration.spId);
    const QString assignment
        = valueOf(client.get(kContoso, list)).first().toObject().value(QLatin1String("id")).toString();
    REQUIRE(client.graph(kContoso, QByteArrayLiteral("DELETE"), list + QLatin1Char('/') + assignment).status == 204);
    runCycle(client);
    runCycle(client);
    CHECK(provisioningLogs(client, QStringLiteral("sourceIdentity/id eq '%1'").arg(christie)).size() == 2);
}

TEST_CASE_METHOD(SyncSandbox, "Schema and provision on demand answer the documented shapes", "[sandbox][provisioning]")
{
    const Configuration configuration = configure(client);
    const SandboxAnswer schema = client.get(kContoso, configuration.jobPath(QStringLiteral("/schema")));
    REQUIRE(schema.status == 200);
    const QJsonObject rule = schema.json().value(QLatin1String("synchronizationRules")).toArray().first().toObject();
    const QString ruleId = rule.value(QLatin1String("id")).toString();
    CHECK_FALSE(ruleId.isEmpty());
    QJsonObject userType;
    for (const QJsonValue& mapping : rule.value(QLatin1String("objectMappings"))
                                         .toArray()
                                         .first()
                                         .toObject()
                                         .value(QLatin1String("attributeMappings"))
                                         .toArray()) {
        if (mapping.toObject().value(QLatin1String("targetAttributeName")).toString() == QLatin1String("userType")) {
            userType = mapping.toObject();
        }
    }
    CHECK(userType.value(QLatin1String("source")).toObject().value(QLatin1String("type")).toString()
        == QLatin1String("Constant"));
    CHECK(userType.value(QLatin1String("source")).toObject().value(QLatin1String("name")).toString()
        == QLatin1String("Member"));
    CHECK(userType.value(QLatin1String("flowType")).toString() == QLatin1String("ObjectAddOnly"));

    const QString adele = contosoUserId(client, kAdele);
    REQUIRE(assign(client, configuration, adele).status == 201);
    const auto onDemand = [&](const QString& objectId, const QString& rulePicked) {
        return post(client, kContoso, configuration.jobPath(QStringLiteral("/provisionOnDemand")),
            QJsonObject {{QStringLiteral("parameters"),
                QJsonArray {QJsonObject {{QStringLiteral("ruleId"), rulePicked},
                    {QStringLiteral("subjects"),
                        QJsonArray {QJsonObject {{QStringLiteral("objectId"), objectId},
                            {QStringLiteral("objectTypeName"), QStringLiteral("User")}}}}}}}});
    };
    CHECK(onDemand(adele, QStringLiteral("not-a-rule")).status == 400);
    const SandboxAnswer answer = onDemand(adele, ruleId);
    REQUIRE(answer.status == 200);
    const QJsonObject key
        = QJsonDocument::fromJson(answer.json().value(QLatin1String("key")).toString().toUtf8()).object();
    const QJsonObject value
        = QJsonDocument::fromJson(answer.json().value(QLatin1String("value")).toString().toUtf8()).object();
    CHECK(key.value(QLatin1String("result")).toString() == QLatin1String("Success"));
    CHECK(value.value(QLatin1String("action")).toString() == QLatin1String("Create"));
    CHECK(stepTypes(value.value(QLatin1String("provisioningSteps")).toArray(), QStringLiteral("type"))
        == QStringList {QStringLiteral("Import"), QStringLiteral("Scoping"), QStringLiteral("Matching"),
            QStringLiteral("Processing"), QStringLiteral("Export")});
    CHECK(value.value(QLatin1String("provisioningSteps"))
              .toArray()
              .first()
              .toObject()
              .value(QLatin1String("details"))
              .toObject()
              .value(QLatin1String("userPrincipalName"))
              .toString()
        == kAdele);
    CHECK(fabrikamUsersWithMail(client, kAdele).size() == 1); // applied at once, no cycle
    const QList<QJsonObject> logs = provisioningLogs(client, QStringLiteral("sourceIdentity/id eq '%1'").arg(adele));
    REQUIRE(logs.size() == 1);
    CHECK(logs.first().value(QLatin1String("initiatedBy")).toObject().value(QLatin1String("initiatorType")).toString()
        == QLatin1String("user"));

    // An unassigned user is skipped as not entitled.
    const SandboxAnswer skipped = onDemand(contosoUserId(client, kChristie), ruleId);
    REQUIRE(skipped.status == 200);
    const QJsonObject skippedKey
        = QJsonDocument::fromJson(skipped.json().value(QLatin1String("key")).toString().toUtf8()).object();
    CHECK(skippedKey.value(QLatin1String("result")).toString() == QLatin1String("Skipped"));
    CHECK(skippedKey.value(QLatin1String("details")).toObject().value(QLatin1String("errorCode")).toString()
        == QLatin1String("NotEffectivelyEntitled"));
}

TEST_CASE_METHOD(SyncSandbox, "Provisioning logs: filters, $top paging and errors", "[sandbox][provisioning]")
{
    const QString before = QDateTime::currentDateTimeUtc().addSecs(-1).toString(Qt::ISODate);
    const Configuration configuration = configure(client, true, true); // SyncAll: every user evaluated
    runCycle(client);
    const QList<QJsonObject> all = provisioningLogs(client);
    const int users = static_cast<int>(server.world().tenantByIdOrDomain(kContoso)->users().size());
    CHECK(all.size() == users); // the initial cycle logs every user it evaluated
    const QList<QJsonObject> created = provisioningLogs(client, QStringLiteral("provisioningAction eq 'create'"));
    const QList<QJsonObject> skipped = provisioningLogs(
        client, QStringLiteral("provisioningStatusInfo/status eq microsoft.graph.provisioningResult'skipped'"));
    CHECK(created.size() > 200);
    CHECK(skipped.size() > 0); // the disabled users
    CHECK(created.size() + skipped.size()
            + provisioningLogs(client, QStringLiteral("provisioningAction eq 'update'")).size()
        == all.size());
    CHECK(provisioningLogs(
              client, QStringLiteral("jobId eq '%1' and activityDateTime ge %2").arg(configuration.jobId, before))
              .size()
        == all.size());
    CHECK(provisioningLogs(client, QStringLiteral("activityDateTime lt %1").arg(before)).isEmpty());
    CHECK(provisioningLogs(
              client, QStringLiteral("contains(tolower(servicePrincipal/id), '%1')").arg(configuration.spId.toLower()))
              .size()
        == all.size());

    int pages = 0;
    const QList<QJsonObject> paged
        = client.pageAll(kContoso, QStringLiteral("/v1.0/auditLogs/provisioning?$top=50"), &pages);
    CHECK(paged.size() == all.size());
    CHECK(pages == (all.size() + 49) / 50);
    // Newest first, unless asked otherwise.
    CHECK(paged.first().value(QLatin1String("activityDateTime")).toString()
        >= paged.last().value(QLatin1String("activityDateTime")).toString());

    CHECK(client
              .get(kContoso,
                  QStringLiteral("/v1.0/auditLogs/provisioning?$filter=%1").arg(encoded(QStringLiteral("jobId eq"))))
              .status
        == 400);
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/auditLogs/provisioning?$top=0")).status == 400);
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/auditLogs/provisioning?$top=5&$skiptoken=forged")).status == 400);
}

TEST_CASE("Cycles run on the sandbox's clock, the first one soon after start", "[sandbox][provisioning]")
{
    tbsandbox::SandboxOptions options = syncOptions();
    options.syncIntervalMs = 20;
    RunningSandbox sandbox(options);
    SandboxTestClient& client = sandbox.client;
    const Configuration configuration = configure(client);
    REQUIRE(assign(client, configuration, contosoUserId(client, kAdele)).status == 201);
    // Wait for the clock (no timed assertion: the loop only guards against a clock that never ticks).
    QString code;
    for (int round = 0; round < 500 && code != QLatin1String("Active"); ++round) {
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
        code = jobStatus(client, configuration).value(QLatin1String("code")).toString();
    }
    CHECK(code == QLatin1String("Active"));
    CHECK(fabrikamUsersWithMail(client, kAdele).size() == 1);
}

TEST_CASE("Assignments and what the job linked survive a restart with a state file", "[sandbox][provisioning][state]")
{
    QTemporaryDir directory;
    REQUIRE(directory.isValid());
    const QString file = directory.filePath(QStringLiteral("state.json"));
    tbsandbox::SandboxOptions options = stateOptions(file);
    options.servicePrincipalPropagationMs = 0;
    options.syncIntervalMs = 0;
    Configuration configuration;
    {
        RunningSandbox first(options);
        configuration = configure(first.client);
        REQUIRE(assign(first.client, configuration, contosoUserId(first.client, kAdele)).status == 201);
        runCycle(first.client);
        REQUIRE(fabrikamUsersWithMail(first.client, kAdele).size() == 1);
    }
    RunningSandbox second(options);
    CHECK(valueOf(second.client.get(
                      kContoso, QStringLiteral("/v1.0/servicePrincipals/%1/appRoleAssignedTo").arg(configuration.spId)))
              .size()
        == 1);
    CHECK(runCycle(second.client) == 1);
    CHECK(fabrikamUsersWithMail(second.client, kAdele).size() == 1); // linked: not created twice
    CHECK(jobStatus(second.client, configuration)
              .value(QLatin1String("lastExecution"))
              .toObject()
              .value(QLatin1String("countExported"))
              .toInt()
        == 0);
}

TEST_CASE("The sync interval option sets the clock; 0 leaves cycles to the test route", "[sandbox][provisioning]")
{
    QString error;
    const std::optional<tbsandbox::SandboxOptions> parsed
        = tbsandbox::SandboxOptions::fromArguments({QStringLiteral("--sync-interval-ms"), QStringLiteral("0")}, &error);
    REQUIRE(parsed);
    CHECK(parsed->syncIntervalMs == 0);
    CHECK(tbsandbox::SandboxOptions().syncIntervalMs == 2400000); // the service's 40 minutes
    CHECK_FALSE(tbsandbox::SandboxOptions::fromArguments(
        {QStringLiteral("--sync-interval-ms"), QStringLiteral("soon")}, &error));
    CHECK(error.contains(QLatin1String("--sync-interval-ms")));
}

TEST_CASE_METHOD(SyncSandbox, "Audit logs need AuditLog.Read.All, assignments AppRoleAssignment.ReadWrite.All",
    "[sandbox][provisioning]")
{
    const Configuration configuration = configure(client);
    // Another client: consent is per user and client, and the test client has consented to everything.
    const SandboxAnswer narrow
        = client.signIn(kContoso, QStringLiteral("offline_access User.Read.All Application.Read.All"), {},
            QStringLiteral("0f3b5b7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"));
    REQUIRE(narrow.status == 200);
    const QByteArray bearer = "Bearer " + narrow.json().value(QLatin1String("access_token")).toString().toLatin1();
    const QString prefix = QLatin1Char('/') + kContoso;
    CHECK(client
              .send(QByteArrayLiteral("GET"), prefix + QStringLiteral("/v1.0/auditLogs/provisioning"),
                  {{QByteArrayLiteral("Authorization"), bearer}})
              .status
        == 403);
    CHECK(client
              .send(QByteArrayLiteral("GET"),
                  prefix + QStringLiteral("/v1.0/servicePrincipals/%1/appRoleAssignedTo").arg(configuration.spId),
                  {{QByteArrayLiteral("Authorization"), bearer}})
              .status
        == 200);
    CHECK(client
              .send(QByteArrayLiteral("POST"),
                  prefix + QStringLiteral("/v1.0/servicePrincipals/%1/appRoleAssignedTo").arg(configuration.spId),
                  {{QByteArrayLiteral("Authorization"), bearer},
                      {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}},
                  json(QJsonObject {{QStringLiteral("principalId"), kPilotGroup},
                      {QStringLiteral("resourceId"), configuration.spId},
                      {QStringLiteral("appRoleId"), configuration.appRoleId}}))
              .status
        == 403);
}
