// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/sandbox/RunningSandbox.h"
#include "tests/sandbox/SandboxTestData.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

using namespace tb::test;

namespace {

QJsonObject tenantStats(SandboxTestClient& client)
{
    return client.send(QByteArrayLiteral("GET"), QStringLiteral("/_sandbox/stats"))
        .json()
        .value(QLatin1String("tenants"))
        .toObject()
        .value(client.tenantIdFor(kContoso))
        .toObject();
}

} // namespace

TEST_CASE_METHOD(
    RunningSandbox, "PATCH on a user changes writable properties, answers 204 and counts as a write", "[sandbox]")
{
    const QString id = firstUserId(client, kContoso);
    const QJsonObject before = tenantStats(client);
    const SandboxAnswer patch = client.graph(kContoso, QByteArrayLiteral("PATCH"), QStringLiteral("/v1.0/users/") + id,
        {},
        QByteArrayLiteral(
            R"({"jobTitle":"Chief Sandbox Officer","accountEnabled":false,"usageLocation":"NO","mobilePhone":null})"));
    CHECK(patch.status == 204);
    CHECK(patch.body.isEmpty());
    const QJsonObject after
        = client
              .get(kContoso,
                  QStringLiteral("/v1.0/users/%1?$select=jobTitle,accountEnabled,usageLocation,mobilePhone").arg(id))
              .json();
    CHECK(after.value(QLatin1String("jobTitle")).toString() == QLatin1String("Chief Sandbox Officer"));
    CHECK(after.value(QLatin1String("accountEnabled")).toBool() == false);
    CHECK(after.value(QLatin1String("usageLocation")).toString() == QLatin1String("NO"));
    CHECK(after.value(QLatin1String("mobilePhone")).isNull());
    const QJsonObject stats = tenantStats(client);
    CHECK(stats.value(QLatin1String("writes")).toInt() == before.value(QLatin1String("writes")).toInt() + 1);
    CHECK(stats.value(QLatin1String("reads")).toInt() == before.value(QLatin1String("reads")).toInt() + 1);
}

TEST_CASE_METHOD(
    RunningSandbox, "PATCH refuses read-only, unknown and mistyped properties without changing anything", "[sandbox]")
{
    const QJsonObject user = client.get(kContoso, QStringLiteral("/v1.0/users?$top=1&$select=id,jobTitle"))
                                 .json()
                                 .value(QLatin1String("value"))
                                 .toArray()
                                 .first()
                                 .toObject();
    const QString path = QStringLiteral("/v1.0/users/") + user.value(QLatin1String("id")).toString();
    for (const QByteArray& body :
        {QByteArrayLiteral(R"({"jobTitle":"x","userPrincipalName":"evil@contoso.onmicrosoft.com"})"),
            QByteArrayLiteral(R"({"jobTitle":"x","favouriteColour":"green"})"),
            QByteArrayLiteral(R"({"jobTitle":"x","accountEnabled":"yes"})"), QByteArrayLiteral("not json")}) {
        const SandboxAnswer answer = client.graph(kContoso, QByteArrayLiteral("PATCH"), path, {}, body);
        INFO(body.toStdString());
        CHECK(answer.status == 400);
    }
    CHECK(client.get(kContoso, path + QStringLiteral("?$select=jobTitle")).json().value(QLatin1String("jobTitle"))
        == user.value(QLatin1String("jobTitle")));
    CHECK(client
              .graph(kContoso, QByteArrayLiteral("PATCH"), QStringLiteral("/v1.0/users/nobody@contoso.onmicrosoft.com"),
                  {}, QByteArrayLiteral(R"({"jobTitle":"x"})"))
              .status
        == 404);
}
