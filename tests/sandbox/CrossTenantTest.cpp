// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Cross-tenant access policies, the CTS configuration (template, jobs, validateCredentials, secrets), directory
// roles of the admins and the counts the control surface reports, through real HTTP (graph-reference 1 and 2).
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/state/StateFile.h"
#include "tests/sandbox/RunningSandbox.h"
#include "tests/sandbox/SandboxTestData.h"
#include "tests/sandbox/StateTestSupport.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace tb::test;

namespace {

const QString kPartners = QStringLiteral("/v1.0/policies/crossTenantAccessPolicy/partners");
const QString kCtsTemplate = QStringLiteral("518e5f48-1fc8-4c48-9387-9fdf28b0dfe7");

tbsandbox::SandboxOptions ctsOptions(int propagationMs = 0)
{
    tbsandbox::SandboxOptions options;
    options.servicePrincipalPropagationMs = propagationMs;
    return options;
}

struct CtsSandbox : RunningSandbox
{
    CtsSandbox()
        : RunningSandbox(ctsOptions())
    { }
};

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

SandboxAnswer post(SandboxTestClient& client, const QString& domain, const QString& path, const QJsonObject& body)
{
    return client.graph(domain, QByteArrayLiteral("POST"), path, {}, json(body));
}

// Fabrikam's seed holds one partner with an identitySynchronization (the "Tailspin Toys" entry the trust audit
// of issue 4 shows), so its counts start at one.
constexpr int kFabrikamSeededPartners = 1;

QJsonObject counts(SandboxTestClient& client, const QString& domain)
{
    return client.send(QByteArrayLiteral("GET"), QStringLiteral("/_sandbox/stats"))
        .json()
        .value(QLatin1String("tenants"))
        .toObject()
        .value(client.tenantIdFor(domain))
        .toObject()
        .value(QLatin1String("crossTenant"))
        .toObject();
}

QString instantiate(SandboxTestClient& client, const QString& displayName = QStringLiteral("Contoso to Fabrikam"))
{
    const SandboxAnswer answer
        = post(client, kContoso, QStringLiteral("/v1.0/applicationTemplates/%1/instantiate").arg(kCtsTemplate),
            QJsonObject {{QStringLiteral("displayName"), displayName}});
    REQUIRE(answer.status == 201);
    return answer.json().value(QLatin1String("servicePrincipal")).toObject().value(QLatin1String("id")).toString();
}

SandboxAnswer validate(SandboxTestClient& client, const QString& spId, const QString& targetId)
{
    return post(client, kContoso,
        QStringLiteral("/v1.0/servicePrincipals/%1/synchronization/jobs/validateCredentials").arg(spId),
        QJsonObject {{QStringLiteral("useSavedCredentials"), false},
            {QStringLiteral("templateId"), QStringLiteral("Azure2Azure")},
            {QStringLiteral("credentials"),
                QJsonArray {QJsonObject {{QStringLiteral("key"), QStringLiteral("CompanyId")},
                                {QStringLiteral("value"), targetId}},
                    QJsonObject {{QStringLiteral("key"), QStringLiteral("AuthenticationType")},
                        {QStringLiteral("value"), QStringLiteral("SyncPolicy")}}}}});
}

// Steps 2 to 6 of graph-reference 0, optionally without the target's inbound sync switch.
void configurePolicies(SandboxTestClient& client, bool allowInboundSync)
{
    const QString source = client.tenantIdFor(kContoso);
    const QString target = client.tenantIdFor(kFabrikam);
    REQUIRE(post(client, kFabrikam, kPartners, QJsonObject {{QStringLiteral("tenantId"), source}}).status == 201);
    if (allowInboundSync) {
        REQUIRE(client
                    .graph(kFabrikam, QByteArrayLiteral("PUT"),
                        kPartners + QStringLiteral("/%1/identitySynchronization").arg(source), {},
                        QByteArrayLiteral(R"({"displayName":"Contoso","userSyncInbound":{"isSyncAllowed":true}})"))
                    .status
            == 204);
    }
    REQUIRE(
        client
            .graph(kFabrikam, QByteArrayLiteral("PATCH"), kPartners + QLatin1Char('/') + source, {},
                QByteArrayLiteral(R"({"automaticUserConsentSettings":{"inboundAllowed":true},"inboundTrust":null})"))
            .status
        == 204);
    REQUIRE(post(client, kContoso, kPartners, QJsonObject {{QStringLiteral("tenantId"), target}}).status == 201);
    REQUIRE(client
                .graph(kContoso, QByteArrayLiteral("PATCH"), kPartners + QLatin1Char('/') + target, {},
                    QByteArrayLiteral(R"({"automaticUserConsentSettings":{"outboundAllowed":true}})"))
                .status
        == 204);
}

} // namespace

TEST_CASE_METHOD(
    CtsSandbox, "Partners: POST creates with nulls, a second POST is a 409, PATCH merges", "[sandbox][cts]")
{
    const QString source = client.tenantIdFor(kContoso);
    const SandboxAnswer created
        = post(client, kFabrikam, kPartners, QJsonObject {{QStringLiteral("tenantId"), source}});
    REQUIRE(created.status == 201);
    const QJsonObject partner = created.json();
    CHECK(partner.value(QLatin1String("tenantId")).toString() == source);
    CHECK(partner.value(QLatin1String("isServiceProvider")).isNull());
    CHECK(partner.value(QLatin1String("b2bCollaborationInbound")).isNull());
    const QJsonObject consent = partner.value(QLatin1String("automaticUserConsentSettings")).toObject();
    CHECK(consent.value(QLatin1String("inboundAllowed")).isNull());
    CHECK(consent.value(QLatin1String("outboundAllowed")).isNull());

    const SandboxAnswer again = post(client, kFabrikam, kPartners, QJsonObject {{QStringLiteral("tenantId"), source}});
    CHECK(again.status == 409);
    CHECK(again.errorCode() == QLatin1String("Request_MultipleObjectsWithSameKeyValue"));
    CHECK(again.json()
              .value(QLatin1String("error"))
              .toObject()
              .value(QLatin1String("details"))
              .toArray()
              .first()
              .toObject()
              .value(QLatin1String("code"))
              .toString()
        == QLatin1String("ConflictingObjects"));

    const QString one = kPartners + QLatin1Char('/') + source;
    CHECK(client
              .graph(kFabrikam, QByteArrayLiteral("PATCH"), one, {},
                  QByteArrayLiteral(R"({"automaticUserConsentSettings":{"inboundAllowed":true}})"))
              .status
        == 204);
    CHECK(
        client.graph(kFabrikam, QByteArrayLiteral("PATCH"), one, {}, QByteArrayLiteral(R"({"isServiceProvider":true})"))
            .status
        == 204);
    const QJsonObject read = client.get(kFabrikam, one).json();
    const QJsonObject merged = read.value(QLatin1String("automaticUserConsentSettings")).toObject();
    CHECK(merged.value(QLatin1String("inboundAllowed")).toBool());
    CHECK(merged.value(QLatin1String("outboundAllowed")).isNull());
    CHECK(read.value(QLatin1String("isServiceProvider")).toBool());
    CHECK(read.value(QLatin1String("inboundTrust")).isNull());
    CHECK(client.get(kFabrikam, kPartners).json().value(QLatin1String("value")).toArray().size()
        == 1 + kFabrikamSeededPartners);
    CHECK(counts(client, kFabrikam).value(QLatin1String("partners")).toInt() == 1 + kFabrikamSeededPartners);
    CHECK(counts(client, kContoso).value(QLatin1String("partners")).toInt() == 0);

    CHECK(client.graph(kFabrikam, QByteArrayLiteral("DELETE"), one).status == 204);
    const SandboxAnswer gone = client.get(kFabrikam, one);
    CHECK(gone.status == 404);
    CHECK(gone.errorCode() == QLatin1String("Request_ResourceNotFound"));
    CHECK(client.graph(kFabrikam, QByteArrayLiteral("PUT"), one).status == 405);
}

TEST_CASE_METHOD(CtsSandbox, "The default configuration reads as the service default until patched", "[sandbox][cts]")
{
    const QString path = QStringLiteral("/v1.0/policies/crossTenantAccessPolicy/default");
    const QJsonObject before = client.get(kContoso, path).json();
    CHECK(before.value(QLatin1String("isServiceDefault")).toBool());
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/policies/crossTenantAccessPolicy")).status == 200);
    CHECK(
        client
            .graph(kContoso, QByteArrayLiteral("PATCH"), path, {},
                QByteArrayLiteral(
                    R"({"inboundTrust":{"isMfaAccepted":true},"automaticUserConsentSettings":{"inboundAllowed":true}})"))
            .status
        == 204);
    const QJsonObject after = client.get(kContoso, path).json();
    CHECK_FALSE(after.value(QLatin1String("isServiceDefault")).toBool());
    CHECK(after.value(QLatin1String("inboundTrust")).toObject().value(QLatin1String("isMfaAccepted")).toBool());
    CHECK_FALSE(after.value(QLatin1String("inboundTrust"))
                    .toObject()
                    .value(QLatin1String("isCompliantDeviceAccepted"))
                    .toBool());
    // Read-only on the default (graph-reference 1.2).
    CHECK(after.value(QLatin1String("automaticUserConsentSettings")).toObject().value(QLatin1String("inboundAllowed"))
        == QJsonValue(false));
}

TEST_CASE_METHOD(CtsSandbox,
    "identitySynchronization: PATCH before PUT fails, PUT creates once, then GET, PATCH, DELETE", "[sandbox][cts]")
{
    const QString source = client.tenantIdFor(kContoso);
    REQUIRE(post(client, kFabrikam, kPartners, QJsonObject {{QStringLiteral("tenantId"), source}}).status == 201);
    const QString path = kPartners + QStringLiteral("/%1/identitySynchronization").arg(source);
    const SandboxAnswer early = client.graph(kFabrikam, QByteArrayLiteral("PATCH"), path, {},
        QByteArrayLiteral(R"({"userSyncInbound":{"isSyncAllowed":true}})"));
    CHECK(early.status == 404);
    CHECK(early.errorCode() == QLatin1String("Directory_ObjectNotFound"));
    CHECK(client.get(kFabrikam, path).status == 404);

    const QByteArray body = R"({"displayName":"Contoso","userSyncInbound":{"isSyncAllowed":true}})";
    CHECK(client.graph(kFabrikam, QByteArrayLiteral("PUT"), path, {}, body).status == 204);
    const SandboxAnswer second = client.graph(kFabrikam, QByteArrayLiteral("PUT"), path, {}, body);
    CHECK(second.status == 409);
    CHECK(second.errorCode() == QLatin1String("Request_MultipleObjectsWithSameKeyValue"));
    QJsonObject read = client.get(kFabrikam, path).json();
    CHECK(read.value(QLatin1String("tenantId")).toString() == source);
    CHECK(read.value(QLatin1String("displayName")).toString() == QLatin1String("Contoso"));
    CHECK(read.value(QLatin1String("userSyncInbound")).toObject().value(QLatin1String("isSyncAllowed")).toBool());

    CHECK(client
              .graph(kFabrikam, QByteArrayLiteral("PATCH"), path, {},
                  QByteArrayLiteral(R"({"userSyncInbound":{"isSyncAllowed":false}})"))
              .status
        == 204);
    read = client.get(kFabrikam, path).json();
    CHECK_FALSE(read.value(QLatin1String("userSyncInbound")).toObject().value(QLatin1String("isSyncAllowed")).toBool());
    CHECK(read.value(QLatin1String("displayName")).toString() == QLatin1String("Contoso"));
    CHECK(counts(client, kFabrikam).value(QLatin1String("identitySynchronizations")).toInt()
        == 1 + kFabrikamSeededPartners);
    CHECK(client.graph(kFabrikam, QByteArrayLiteral("DELETE"), path).status == 204);
    CHECK(client.get(kFabrikam, path).status == 404);
}

TEST_CASE("identitySynchronization's [U] statuses follow the options", "[sandbox][cts]")
{
    tbsandbox::SandboxOptions options = ctsOptions();
    options.identitySyncPutConflicts = false;
    options.identitySyncPatchMissingStatus = 400;
    RunningSandbox sandbox(options);
    SandboxTestClient& client = sandbox.client;
    const QString source = client.tenantIdFor(kContoso);
    REQUIRE(post(client, kFabrikam, kPartners, QJsonObject {{QStringLiteral("tenantId"), source}}).status == 201);
    const QString path = kPartners + QStringLiteral("/%1/identitySynchronization").arg(source);
    CHECK(client.graph(kFabrikam, QByteArrayLiteral("PATCH"), path, {}, QByteArrayLiteral("{}")).status == 400);
    CHECK(client.graph(kFabrikam, QByteArrayLiteral("PUT"), path, {}, QByteArrayLiteral("{}")).status == 204);
    CHECK(client
              .graph(kFabrikam, QByteArrayLiteral("PUT"), path, {},
                  QByteArrayLiteral(R"({"userSyncInbound":{"isSyncAllowed":true}})"))
              .status
        == 204);
    CHECK(client.get(kFabrikam, path)
              .json()
              .value(QLatin1String("userSyncInbound"))
              .toObject()
              .value(QLatin1String("isSyncAllowed"))
              .toBool());
}

TEST_CASE_METHOD(CtsSandbox, "Tenant lookup by id and by domain over the sandbox's tenants", "[sandbox][cts]")
{
    const QString fabrikam = client.tenantIdFor(kFabrikam);
    const QJsonObject byId
        = client
              .get(kContoso,
                  QStringLiteral("/v1.0/tenantRelationships/findTenantInformationByTenantId(tenantId='%1')")
                      .arg(fabrikam))
              .json();
    CHECK(byId.value(QLatin1String("tenantId")).toString() == fabrikam);
    CHECK(byId.value(QLatin1String("displayName")).toString() == QLatin1String("Fabrikam"));
    CHECK(byId.value(QLatin1String("defaultDomainName")).toString() == kFabrikam);
    CHECK(byId.value(QLatin1String("federationBrandName")).isNull());
    const QJsonObject byDomain
        = client
              .get(kContoso,
                  QStringLiteral("/v1.0/tenantRelationships/findTenantInformationByDomainName(domainName='%1')")
                      .arg(kFabrikam))
              .json();
    CHECK(byDomain.value(QLatin1String("tenantId")).toString() == fabrikam);
    const SandboxAnswer unknown = client.get(kContoso,
        QStringLiteral("/v1.0/tenantRelationships/"
                       "findTenantInformationByTenantId(tenantId='00000000-1111-2222-3333-444444444444')"));
    CHECK(unknown.status == 404);
    CHECK(unknown.errorCode() == QLatin1String("Request_ResourceNotFound"));
}

TEST_CASE("A new service principal misses on its paths until it has propagated", "[sandbox][cts]")
{
    RunningSandbox sandbox(ctsOptions(1000));
    SandboxTestClient& client = sandbox.client;
    const SandboxAnswer answer
        = post(client, kContoso, QStringLiteral("/v1.0/applicationTemplates/%1/instantiate").arg(kCtsTemplate),
            QJsonObject {{QStringLiteral("displayName"), QStringLiteral("Contoso to Fabrikam")}});
    REQUIRE(answer.status == 201);
    const QJsonObject application = answer.json().value(QLatin1String("application")).toObject();
    const QJsonObject principal = answer.json().value(QLatin1String("servicePrincipal")).toObject();
    CHECK(application.value(QLatin1String("applicationTemplateId")).toString() == kCtsTemplate);
    CHECK(principal.value(QLatin1String("applicationTemplateId")).toString() == kCtsTemplate);
    CHECK(principal.value(QLatin1String("appId")) == application.value(QLatin1String("appId")));
    CHECK(principal.value(QLatin1String("appRoleAssignmentRequired")).toBool());
    CHECK(principal.value(QLatin1String("appRoles"))
              .toArray()
              .first()
              .toObject()
              .value(QLatin1String("displayName"))
              .toString()
        == QLatin1String("msiam_access"));
    const QString id = principal.value(QLatin1String("id")).toString();
    const QString jobs = QStringLiteral("/v1.0/servicePrincipals/%1/synchronization/jobs").arg(id);
    const SandboxAnswer early = client.get(kContoso, jobs);
    CHECK(early.status == 404);
    CHECK(early.errorCode() == QLatin1String("Request_ResourceNotFound"));
    CHECK(SignalWaiter::waitUntil([&] { return client.get(kContoso, jobs).status == 200; }));
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/servicePrincipals/") + id).status == 200);
}

TEST_CASE_METHOD(CtsSandbox, "Service principals: filter by template, templates, jobs created paused, read and deleted",
    "[sandbox][cts]")
{
    const QString id = instantiate(client);
    const QJsonArray found
        = client
              .get(kContoso,
                  QStringLiteral("/v1.0/servicePrincipals?$filter=applicationTemplateId eq '%1'").arg(kCtsTemplate))
              .json()
              .value(QLatin1String("value"))
              .toArray();
    REQUIRE(found.size() == 1);
    CHECK(found.first().toObject().value(QLatin1String("id")).toString() == id);
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/servicePrincipals?$filter=startswith(displayName,'C')")).status
        == 400);
    const QJsonArray templates
        = client.get(kContoso, QStringLiteral("/v1.0/servicePrincipals/%1/synchronization/templates").arg(id))
              .json()
              .value(QLatin1String("value"))
              .toArray();
    CHECK(templates.first().toObject().value(QLatin1String("id")).toString() == QLatin1String("Azure2Azure"));

    const QString jobs = QStringLiteral("/v1.0/servicePrincipals/%1/synchronization/jobs").arg(id);
    CHECK(post(client, kContoso, jobs, QJsonObject {{QStringLiteral("templateId"), QStringLiteral("Other")}}).status
        == 400);
    const SandboxAnswer created
        = post(client, kContoso, jobs, QJsonObject {{QStringLiteral("templateId"), QStringLiteral("Azure2Azure")}});
    REQUIRE(created.status == 201);
    const QJsonObject job = created.json();
    const QString jobId = job.value(QLatin1String("id")).toString();
    CHECK(jobId.startsWith(QLatin1String("Azure2Azure.")));
    CHECK(job.value(QLatin1String("schedule")).toObject().value(QLatin1String("state")).toString()
        == QLatin1String("Disabled"));
    CHECK(job.value(QLatin1String("schedule")).toObject().value(QLatin1String("interval")).toString()
        == QLatin1String("PT40M"));
    CHECK(job.value(QLatin1String("status")).toObject().value(QLatin1String("code")).toString()
        == QLatin1String("Paused"));
    CHECK(client.get(kContoso, jobs).json().value(QLatin1String("value")).toArray().size() == 1);
    CHECK(client.get(kContoso, jobs + QLatin1Char('/') + jobId).json().value(QLatin1String("id")).toString() == jobId);
    const QJsonObject during = counts(client, kContoso);
    CHECK(during.value(QLatin1String("servicePrincipals")).toInt() == 1);
    CHECK(during.value(QLatin1String("applications")).toInt() == 1);
    CHECK(during.value(QLatin1String("synchronizationJobs")).toInt() == 1);

    CHECK(client.graph(kContoso, QByteArrayLiteral("DELETE"), jobs + QLatin1Char('/') + jobId).status == 204);
    CHECK(client.get(kContoso, jobs + QLatin1Char('/') + jobId).status == 404);
    CHECK(counts(client, kContoso).value(QLatin1String("synchronizationJobs")).toInt() == 0);

    const QString applicationId = client.get(kContoso, QStringLiteral("/v1.0/servicePrincipals/") + id)
                                      .json()
                                      .value(QLatin1String("appId"))
                                      .toString();
    CHECK_FALSE(applicationId.isEmpty());
    CHECK(client.graph(kContoso, QByteArrayLiteral("DELETE"), QStringLiteral("/v1.0/servicePrincipals/") + id).status
        == 204);
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/servicePrincipals/") + id).status == 404);
    const QJsonObject after = counts(client, kContoso);
    CHECK(after.value(QLatin1String("servicePrincipals")).toInt() == 0);
    CHECK(after.value(QLatin1String("applications")).toInt() == 1);
}

TEST_CASE_METHOD(
    CtsSandbox, "validateCredentials fails until the target allows inbound sync, then passes", "[sandbox][cts]")
{
    const QString target = client.tenantIdFor(kFabrikam);
    const QString id = instantiate(client);
    const SandboxAnswer bare = validate(client, id, target);
    CHECK(bare.status == 400);
    CHECK(bare.errorCode() == QLatin1String("AzureDirectoryB2BManagementPolicyCheckFailure"));

    configurePolicies(client, false); // everything but the inbound sync switch
    const SandboxAnswer withoutSync = validate(client, id, target);
    CHECK(withoutSync.status == 400);
    CHECK(withoutSync.errorCode() == QLatin1String("AzureDirectoryB2BManagementPolicyCheckFailure"));

    const QString source = client.tenantIdFor(kContoso);
    REQUIRE(client
                .graph(kFabrikam, QByteArrayLiteral("PUT"),
                    kPartners + QStringLiteral("/%1/identitySynchronization").arg(source), {},
                    QByteArrayLiteral(R"({"userSyncInbound":{"isSyncAllowed":true}})"))
                .status
        == 204);
    const SandboxAnswer passed = validate(client, id, target);
    CHECK(passed.status == 204);
    CHECK(passed.body.isEmpty());

    // The outbound switch in the source counts too (graph-reference 10.3).
    REQUIRE(client
                .graph(kContoso, QByteArrayLiteral("PATCH"), kPartners + QLatin1Char('/') + target, {},
                    QByteArrayLiteral(R"({"automaticUserConsentSettings":{"outboundAllowed":false}})"))
                .status
        == 204);
    CHECK(validate(client, id, target).status == 400);
}

TEST_CASE_METHOD(CtsSandbox, "Secrets are stored as given and used by a job's validateCredentials", "[sandbox][cts]")
{
    configurePolicies(client, true);
    const QString target = client.tenantIdFor(kFabrikam);
    const QString id = instantiate(client);
    const QString jobs = QStringLiteral("/v1.0/servicePrincipals/%1/synchronization/jobs").arg(id);
    const QString jobId
        = post(client, kContoso, jobs, QJsonObject {{QStringLiteral("templateId"), QStringLiteral("Azure2Azure")}})
              .json()
              .value(QLatin1String("id"))
              .toString();
    const QString jobValidate = jobs + QStringLiteral("/%1/validateCredentials").arg(jobId);
    CHECK(
        post(client, kContoso, jobValidate, QJsonObject {{QStringLiteral("useSavedCredentials"), true}}).status == 400);
    const QByteArray secrets = QStringLiteral(R"({"value":[{"key":"AuthenticationType","value":"SyncPolicy"},)"
                                              R"({"key":"CompanyId","value":"%1"},{"key":"SyncAll","value":"false"}]})")
                                   .arg(target)
                                   .toUtf8();
    CHECK(client
              .graph(kContoso, QByteArrayLiteral("PUT"),
                  QStringLiteral("/v1.0/servicePrincipals/%1/synchronization/secrets").arg(id), {}, secrets)
              .status
        == 204);
    const QJsonArray stored
        = client.get(kContoso, QStringLiteral("/v1.0/servicePrincipals/%1/synchronization/secrets").arg(id))
              .json()
              .value(QLatin1String("value"))
              .toArray();
    CHECK(stored.size() == 3);
    CHECK(
        post(client, kContoso, jobValidate, QJsonObject {{QStringLiteral("useSavedCredentials"), true}}).status == 204);
}

TEST_CASE_METHOD(CtsSandbox, "The admins hold the CTS roles; other users hold none", "[sandbox][cts]")
{
    const QJsonArray roles
        = client.get(kContoso, QStringLiteral("/v1.0/me/memberOf")).json().value(QLatin1String("value")).toArray();
    QStringList templates;
    for (const QJsonValue& role : roles) {
        if (role.toObject().value(QLatin1String("@odata.type")).toString()
            == QLatin1String("#microsoft.graph.directoryRole")) {
            templates.append(role.toObject().value(QLatin1String("roleTemplateId")).toString());
        }
    }
    templates.sort();
    CHECK(templates
        == QStringList {QStringLiteral("158c047a-c907-4556-b7ef-446551a6b5f7"),
            QStringLiteral("194ae4cb-b126-40b2-bd5b-6091b380977d"),
            QStringLiteral("8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2"),
            QStringLiteral("e8611ab8-c189-46e8-94e1-60213ab1f814")});
    CHECK(client.get(kFabrikam, QStringLiteral("/v1.0/me/transitiveMemberOf"))
              .json()
              .value(QLatin1String("value"))
              .toArray()
              .size()
        >= 4);

    const QString user = firstUserId(client, kContoso);
    const QString token = client.signIn(kContoso, QStringLiteral("openid User.Read"), user)
                              .json()
                              .value(QLatin1String("access_token"))
                              .toString();
    REQUIRE_FALSE(token.isEmpty());
    const SandboxAnswer own = client.send(QByteArrayLiteral("GET"), QStringLiteral("/v1.0/me/memberOf"),
        {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token.toLatin1()}});
    REQUIRE(own.status == 200);
    for (const QJsonValue& entry : own.json().value(QLatin1String("value")).toArray()) {
        CHECK(entry.toObject().value(QLatin1String("@odata.type")).toString()
            != QLatin1String("#microsoft.graph.directoryRole"));
    }
}

TEST_CASE_METHOD(CtsSandbox, "Policy and application calls need their scopes", "[sandbox][cts]")
{
    const QString token = client.signIn(kContoso, QStringLiteral("openid User.Read.All"))
                              .json()
                              .value(QLatin1String("access_token"))
                              .toString();
    REQUIRE_FALSE(token.isEmpty());
    const QList<QPair<QByteArray, QByteArray>> bearer {
        {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token.toLatin1()}};
    const SandboxAnswer policies = client.send(QByteArrayLiteral("GET"), kPartners, bearer);
    CHECK(policies.status == 403);
    CHECK(policies.errorCode() == QLatin1String("Authorization_RequestDenied"));
    CHECK(client
              .send(QByteArrayLiteral("POST"),
                  QStringLiteral("/v1.0/applicationTemplates/%1/instantiate").arg(kCtsTemplate), bearer,
                  QByteArrayLiteral(R"({"displayName":"x"})"))
              .status
        == 403);
    CHECK(client.send(QByteArrayLiteral("GET"), QStringLiteral("/v1.0/servicePrincipals"), bearer).status == 403);
    const QString readOnly = client.signIn(kContoso, QStringLiteral("openid Policy.Read.All"))
                                 .json()
                                 .value(QLatin1String("access_token"))
                                 .toString();
    const QList<QPair<QByteArray, QByteArray>> reader {
        {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + readOnly.toLatin1()}};
    CHECK(client.send(QByteArrayLiteral("GET"), kPartners, reader).status == 200);
    CHECK(client
              .send(QByteArrayLiteral("POST"), kPartners, reader,
                  QByteArrayLiteral(R"({"tenantId":"00000000-1111-2222-3333-444444444444"})"))
              .status
        == 403);
}

TEST_CASE("Partners, identitySynchronization, service principals, secrets and jobs survive a restart",
    "[sandbox][cts][state]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("state.json"));
    tbsandbox::SandboxOptions options = stateOptions(path);
    options.servicePrincipalPropagationMs = 0;
    QString id;
    QString jobId;
    {
        RunningSandbox sandbox(options);
        configurePolicies(sandbox.client, true);
        id = instantiate(sandbox.client);
        jobId
            = post(sandbox.client, kContoso, QStringLiteral("/v1.0/servicePrincipals/%1/synchronization/jobs").arg(id),
                QJsonObject {{QStringLiteral("templateId"), QStringLiteral("Azure2Azure")}})
                  .json()
                  .value(QLatin1String("id"))
                  .toString();
        REQUIRE_FALSE(jobId.isEmpty());
        CHECK(sandbox.client
                  .graph(kContoso, QByteArrayLiteral("PUT"),
                      QStringLiteral("/v1.0/servicePrincipals/%1/synchronization/secrets").arg(id), {},
                      QStringLiteral(R"({"value":[{"key":"CompanyId","value":"%1"}]})")
                          .arg(sandbox.client.tenantIdFor(kFabrikam))
                          .toUtf8())
                  .status
            == 204);
    }
    RunningSandbox sandbox(options);
    REQUIRE(sandbox.server.stateFile()->wasLoaded());
    SandboxTestClient& client = sandbox.client;
    const QJsonObject source = counts(client, kContoso);
    CHECK(source.value(QLatin1String("partners")).toInt() == 1);
    CHECK(source.value(QLatin1String("servicePrincipals")).toInt() == 1);
    CHECK(source.value(QLatin1String("synchronizationJobs")).toInt() == 1);
    const QJsonObject target = counts(client, kFabrikam);
    CHECK(target.value(QLatin1String("partners")).toInt() == 1 + kFabrikamSeededPartners);
    CHECK(target.value(QLatin1String("identitySynchronizations")).toInt() == 1 + kFabrikamSeededPartners);
    CHECK(
        client.get(kContoso, QStringLiteral("/v1.0/servicePrincipals/%1/synchronization/jobs/%2").arg(id, jobId)).status
        == 200);
    const QString jobs = QStringLiteral("/v1.0/servicePrincipals/%1/synchronization/jobs").arg(id);
    CHECK(post(client, kContoso, jobs + QStringLiteral("/%1/validateCredentials").arg(jobId),
              QJsonObject {{QStringLiteral("useSavedCredentials"), true}})
              .status
        == 204);
    // The admin's roles come through the tenant snapshot.
    CHECK(
        client.get(kContoso, QStringLiteral("/v1.0/me/memberOf")).json().value(QLatin1String("value")).toArray().size()
        >= 4);
}

TEST_CASE("The sp-propagation option sets the propagation delay and refuses what is not milliseconds", "[sandbox][cts]")
{
    QString error;
    const std::optional<tbsandbox::SandboxOptions> parsed
        = tbsandbox::SandboxOptions::fromArguments({QStringLiteral("--sp-propagation"), QStringLiteral("0")}, &error);
    REQUIRE(parsed);
    CHECK(parsed->servicePrincipalPropagationMs == 0);
    CHECK(tbsandbox::SandboxOptions().servicePrincipalPropagationMs == 300);
    CHECK_FALSE(tbsandbox::SandboxOptions::fromArguments({QStringLiteral("--sp-propagation=soon")}, &error));
    CHECK(error.contains(QLatin1String("--sp-propagation")));
}
