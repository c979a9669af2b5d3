// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/sandbox/CtsSandboxSetup.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QUrl>

namespace tb::test {

// Cycles only through the test route, so nothing runs behind a test's back.
tbsandbox::SandboxOptions syncOptions()
{
    tbsandbox::SandboxOptions options;
    options.servicePrincipalPropagationMs = 0;
    options.syncIntervalMs = 0;
    return options;
}

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

SandboxAnswer post(SandboxTestClient& client, const QString& domain, const QString& path, const QJsonObject& body)
{
    return client.graph(domain, QByteArrayLiteral("POST"), path, {}, json(body));
}

void allowInboundSync(SandboxTestClient& client, bool allowed)
{
    const QString source = client.tenantIdFor(kContoso);
    REQUIRE(client
                .graph(kFabrikam, QByteArrayLiteral("PATCH"),
                    kPartners + QStringLiteral("/%1/identitySynchronization").arg(source), {},
                    json(QJsonObject {
                        {QStringLiteral("userSyncInbound"), QJsonObject {{QStringLiteral("isSyncAllowed"), allowed}}}}))
                .status
        == 204);
}

// Steps 2 to 6 of graph-reference 0 (the target's inbound switch as asked).
void configurePolicies(SandboxTestClient& client, bool inboundSyncAllowed)
{
    const QString source = client.tenantIdFor(kContoso);
    const QString target = client.tenantIdFor(kFabrikam);
    REQUIRE(post(client, kFabrikam, kPartners, QJsonObject {{QStringLiteral("tenantId"), source}}).status == 201);
    REQUIRE(client
                .graph(kFabrikam, QByteArrayLiteral("PUT"),
                    kPartners + QStringLiteral("/%1/identitySynchronization").arg(source), {},
                    QByteArrayLiteral(R"({"displayName":"Contoso","userSyncInbound":{"isSyncAllowed":false}})"))
                .status
        == 204);
    allowInboundSync(client, inboundSyncAllowed);
    REQUIRE(client
                .graph(kFabrikam, QByteArrayLiteral("PATCH"), kPartners + QLatin1Char('/') + source, {},
                    QByteArrayLiteral(R"({"automaticUserConsentSettings":{"inboundAllowed":true}})"))
                .status
        == 204);
    REQUIRE(post(client, kContoso, kPartners, QJsonObject {{QStringLiteral("tenantId"), target}}).status == 201);
    REQUIRE(client
                .graph(kContoso, QByteArrayLiteral("PATCH"), kPartners + QLatin1Char('/') + target, {},
                    QByteArrayLiteral(R"({"automaticUserConsentSettings":{"outboundAllowed":true}})"))
                .status
        == 204);
}

// A started CTS configuration from Contoso to Fabrikam, with SyncAll as given.
Configuration configure(SandboxTestClient& client, bool inboundSyncAllowed, bool syncAll)
{
    configurePolicies(client, inboundSyncAllowed);
    Configuration configuration;
    const SandboxAnswer instance
        = post(client, kContoso, QStringLiteral("/v1.0/applicationTemplates/%1/instantiate").arg(kCtsTemplate),
            QJsonObject {{QStringLiteral("displayName"), QStringLiteral("Contoso to Fabrikam")}});
    REQUIRE(instance.status == 201);
    const QJsonObject sp = instance.json().value(QLatin1String("servicePrincipal")).toObject();
    configuration.spId = sp.value(QLatin1String("id")).toString();
    configuration.appRoleId
        = sp.value(QLatin1String("appRoles")).toArray().first().toObject().value(QLatin1String("id")).toString();
    const QString target = client.tenantIdFor(kFabrikam);
    REQUIRE(
        client
            .graph(kContoso, QByteArrayLiteral("PUT"),
                QStringLiteral("/v1.0/servicePrincipals/%1/synchronization/secrets").arg(configuration.spId), {},
                json(QJsonObject {{QStringLiteral("value"),
                    QJsonArray {QJsonObject {{QStringLiteral("key"), QStringLiteral("CompanyId")},
                                    {QStringLiteral("value"), target}},
                        QJsonObject {{QStringLiteral("key"), QStringLiteral("AuthenticationType")},
                            {QStringLiteral("value"), QStringLiteral("SyncPolicy")}},
                        QJsonObject {{QStringLiteral("key"), QStringLiteral("SyncAll")},
                            {QStringLiteral("value"), syncAll ? QStringLiteral("true") : QStringLiteral("false")}}}}}))
            .status
        == 204);
    const SandboxAnswer job = post(client, kContoso,
        QStringLiteral("/v1.0/servicePrincipals/%1/synchronization/jobs").arg(configuration.spId),
        QJsonObject {{QStringLiteral("templateId"), QStringLiteral("Azure2Azure")}});
    REQUIRE(job.status == 201);
    configuration.jobId = job.json().value(QLatin1String("id")).toString();
    REQUIRE(post(client, kContoso, configuration.jobPath(QStringLiteral("/start")), {}).status == 204);
    return configuration;
}

int runCycle(SandboxTestClient& client)
{
    const SandboxAnswer answer
        = client.send(QByteArrayLiteral("POST"), QStringLiteral("/_sandbox/synchronization/runCycle"));
    REQUIRE(answer.status == 200);
    return answer.json().value(QLatin1String("jobs")).toInt(-1);
}

QString contosoUserId(SandboxTestClient& client, const QString& upn)
{
    const SandboxAnswer answer = client.get(kContoso, QStringLiteral("/v1.0/users/%1").arg(upn));
    REQUIRE(answer.status == 200);
    return answer.json().value(QLatin1String("id")).toString();
}

SandboxAnswer assign(SandboxTestClient& client, const Configuration& configuration, const QString& principalId)
{
    return post(client, kContoso,
        QStringLiteral("/v1.0/servicePrincipals/%1/appRoleAssignedTo").arg(configuration.spId),
        QJsonObject {{QStringLiteral("principalId"), principalId}, {QStringLiteral("resourceId"), configuration.spId},
            {QStringLiteral("appRoleId"), configuration.appRoleId}});
}

// Fabrikam's users with this mail, with the properties sync sets.
QJsonArray fabrikamUsersWithMail(SandboxTestClient& client, const QString& mail)
{
    const SandboxAnswer answer = client.get(kFabrikam,
        QStringLiteral("/v1.0/users?$filter=mail eq '%1'&$select=id,userPrincipalName,mail,displayName,jobTitle,"
                       "userType,creationType,externalUserState,identities,accountEnabled")
            .arg(mail));
    REQUIRE(answer.status == 200);
    return valueOf(answer);
}

QJsonObject jobStatus(SandboxTestClient& client, const Configuration& configuration)
{
    const SandboxAnswer answer = client.get(kContoso, configuration.jobPath());
    REQUIRE(answer.status == 200);
    return answer.json().value(QLatin1String("status")).toObject();
}

QString encoded(const QString& text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QList<QJsonObject> provisioningLogs(SandboxTestClient& client, const QString& filter)
{
    return client.pageAll(kContoso,
        filter.isEmpty() ? QStringLiteral("/v1.0/auditLogs/provisioning")
                         : QStringLiteral("/v1.0/auditLogs/provisioning?$filter=%1").arg(encoded(filter)));
}

QStringList stepTypes(const QJsonArray& steps, const QString& key)
{
    QStringList types;
    for (const QJsonValue& step : steps) {
        types.append(step.toObject().value(key).toString());
    }
    return types;
}

} // namespace tb::test
