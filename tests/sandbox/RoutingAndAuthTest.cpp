// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/sandbox/RunningSandbox.h"
#include "tests/sandbox/SandboxTestData.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QUuid>

using namespace tb::test;

namespace {

void checkGraphErrorShape(const SandboxAnswer& answer)
{
    const QJsonObject error = answer.json().value(QLatin1String("error")).toObject();
    CHECK(!error.value(QLatin1String("code")).toString().isEmpty());
    CHECK(!error.value(QLatin1String("message")).toString().isEmpty());
    const QJsonObject inner = error.value(QLatin1String("innerError")).toObject();
    CHECK(!inner.value(QLatin1String("date")).toString().isEmpty());
    CHECK(inner.value(QLatin1String("request-id")).toString() == QString::fromLatin1(answer.header("request-id")));
    CHECK(!inner.value(QLatin1String("client-request-id")).toString().isEmpty());
}

} // namespace

TEST_CASE_METHOD(
    RunningSandbox, "Graph answers 401 with WWW-Authenticate when the bearer token is missing or unknown", "[sandbox]")
{
    const SandboxAnswer missing = client.send(QByteArrayLiteral("GET"), QStringLiteral("/v1.0/users"));
    CHECK(missing.status == 401);
    CHECK(missing.errorCode() == QLatin1String("InvalidAuthenticationToken"));
    CHECK(missing.header("WWW-Authenticate").startsWith("Bearer"));
    checkGraphErrorShape(missing);
    const SandboxAnswer unknown = client.send(QByteArrayLiteral("GET"), QStringLiteral("/v1.0/users"),
        {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer nope")}});
    CHECK(unknown.status == 401);
    CHECK(unknown.errorCode() == QLatin1String("InvalidAuthenticationToken"));
}

TEST_CASE_METHOD(RunningSandbox, "A token of one tenant is refused with 403 under another tenant's prefix", "[sandbox]")
{
    const SandboxAnswer byDomain = client.get(kContoso, QStringLiteral("/fabrikam.onmicrosoft.com/v1.0/users"));
    CHECK(byDomain.status == 403);
    CHECK(byDomain.errorCode() == QLatin1String("Authorization_RequestDenied"));
    checkGraphErrorShape(byDomain);
    const SandboxAnswer byId
        = client.get(kContoso, QStringLiteral("/%1/v1.0/organization").arg(client.tenantIdFor(kFabrikam)));
    CHECK(byId.status == 403);
    const SandboxAnswer own
        = client.get(kContoso, QStringLiteral("/%1/v1.0/organization").arg(client.tenantIdFor(kContoso)));
    CHECK(own.status == 200);
}

TEST_CASE_METHOD(
    RunningSandbox, "An unknown tenant in the prefix, an unknown path and an unknown user give 404", "[sandbox]")
{
    const SandboxAnswer tenant = client.get(kContoso, QStringLiteral("/nowhere.onmicrosoft.com/v1.0/users"));
    CHECK(tenant.status == 404);
    CHECK(tenant.json()
              .value(QLatin1String("error"))
              .toObject()
              .value(QLatin1String("message"))
              .toString()
              .contains(QLatin1String("nowhere.onmicrosoft.com")));
    const SandboxAnswer path = client.get(kContoso, QStringLiteral("/v1.0/printers"));
    CHECK(path.status == 404);
    CHECK(path.errorCode() == QLatin1String("Request_ResourceNotFound"));
    const SandboxAnswer user = client.get(
        kContoso, QStringLiteral("/v1.0/users/%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    CHECK(user.status == 404);
    CHECK(user.errorCode() == QLatin1String("Request_ResourceNotFound"));
    const SandboxAnswer notGraph = client.send(QByteArrayLiteral("GET"), QStringLiteral("/favicon.ico"));
    CHECK(notGraph.status == 404);
}

TEST_CASE_METHOD(RunningSandbox, "A wrong method on a known path gives 405 with Allow", "[sandbox]")
{
    const SandboxAnswer answer = client.graph(kContoso, QByteArrayLiteral("DELETE"), QStringLiteral("/v1.0/users"));
    CHECK(answer.status == 405);
    CHECK(answer.header("Allow") == "GET");
    checkGraphErrorShape(answer);
    const SandboxAnswer post = client.graph(
        kContoso, QByteArrayLiteral("POST"), QStringLiteral("/v1.0/organization"), {}, QByteArrayLiteral("{}"));
    CHECK(post.status == 405);
}

TEST_CASE_METHOD(RunningSandbox, "Both path forms and the beta version reach the same tenant", "[sandbox]")
{
    const QString id = client.tenantIdFor(kContoso);
    for (const QString& path : {QStringLiteral("/v1.0/organization"), QStringLiteral("/beta/organization"),
             QStringLiteral("/contoso.onmicrosoft.com/v1.0/organization"),
             QStringLiteral("/%1/beta/organization").arg(id)}) {
        const SandboxAnswer answer = client.get(kContoso, path);
        INFO(path.toStdString());
        CHECK(answer.status == 200);
        CHECK(answer.json()
                  .value(QLatin1String("value"))
                  .toArray()
                  .first()
                  .toObject()
                  .value(QLatin1String("id"))
                  .toString()
            == id);
        CHECK(answer.json().value(QLatin1String("@odata.context")).toString().startsWith(server.baseUrl().toString()));
    }
}

TEST_CASE_METHOD(RunningSandbox,
    "Every answer carries a fresh request-id, echoes client-request-id and Graph's content type", "[sandbox]")
{
    const SandboxAnswer first = client.get(kContoso, QStringLiteral("/v1.0/users?$top=1"),
        {{QByteArrayLiteral("client-request-id"), QByteArrayLiteral("abc-123")}});
    const SandboxAnswer second = client.get(kContoso, QStringLiteral("/v1.0/users?$top=1"));
    CHECK(first.header("client-request-id") == "abc-123");
    CHECK(!QUuid::fromString(QString::fromLatin1(first.header("request-id"))).isNull());
    CHECK(first.header("request-id") != second.header("request-id"));
    CHECK(first.header("Content-Type")
        == "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8");
    const SandboxAnswer failed = client.get(kContoso, QStringLiteral("/v1.0/users?$top=0"),
        {{QByteArrayLiteral("client-request-id"), QByteArrayLiteral("xyz-9")}});
    CHECK(failed.json()
              .value(QLatin1String("error"))
              .toObject()
              .value(QLatin1String("innerError"))
              .toObject()
              .value(QLatin1String("client-request-id"))
              .toString()
        == QLatin1String("xyz-9"));
}

TEST_CASE_METHOD(
    RunningSandbox, "A user is found by id and by userPrincipalName with the default property set", "[sandbox]")
{
    const QJsonObject listed = client.get(kContoso, QStringLiteral("/v1.0/users?$top=1"))
                                   .json()
                                   .value(QLatin1String("value"))
                                   .toArray()
                                   .first()
                                   .toObject();
    const QStringList expected = {QStringLiteral("businessPhones"), QStringLiteral("displayName"),
        QStringLiteral("givenName"), QStringLiteral("id"), QStringLiteral("jobTitle"), QStringLiteral("mail"),
        QStringLiteral("mobilePhone"), QStringLiteral("officeLocation"), QStringLiteral("preferredLanguage"),
        QStringLiteral("surname"), QStringLiteral("userPrincipalName")};
    CHECK(listed.keys() == expected);
    const SandboxAnswer byId
        = client.get(kContoso, QStringLiteral("/v1.0/users/%1").arg(listed.value(QLatin1String("id")).toString()));
    const SandboxAnswer byUpn = client.get(
        kContoso, QStringLiteral("/v1.0/users/%1").arg(listed.value(QLatin1String("userPrincipalName")).toString()));
    REQUIRE(byId.status == 200);
    REQUIRE(byUpn.status == 200);
    CHECK(byId.json().value(QLatin1String("id")) == byUpn.json().value(QLatin1String("id")));
    CHECK(byId.json().value(QLatin1String("@odata.context")).toString().endsWith(QLatin1String("#users/$entity")));
    const SandboxAnswer licences = client.get(
        kContoso, QStringLiteral("/v1.0/users/%1/licenseDetails").arg(listed.value(QLatin1String("id")).toString()));
    REQUIRE(licences.status == 200);
    const QJsonArray details = valueOf(licences);
    REQUIRE(!details.isEmpty());
    CHECK(!details.first().toObject().value(QLatin1String("skuPartNumber")).toString().isEmpty());
    CHECK(!details.first().toObject().value(QLatin1String("servicePlans")).toArray().isEmpty());
}
