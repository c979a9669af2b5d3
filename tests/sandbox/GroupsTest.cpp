// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/sandbox/RunningSandbox.h"
#include "tests/sandbox/SandboxTestData.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

using namespace tb::test;

namespace {

QString groupId(SandboxTestClient& client, const QString& name)
{
    const SandboxAnswer answer
        = client.get(kContoso, QStringLiteral("/v1.0/groups?$filter=displayName eq '%1'&$select=id").arg(name));
    const QJsonArray value = valueOf(answer);
    return value.size() == 1 ? value.first().toObject().value(QLatin1String("id")).toString() : QString();
}

QStringList typesOf(const SandboxAnswer& answer)
{
    QStringList types;
    for (const QJsonValue& value : valueOf(answer)) {
        types.append(value.toObject().value(QLatin1String("@odata.type")).toString());
    }
    return types;
}

} // namespace

TEST_CASE_METHOD(RunningSandbox, "Contoso has the CTS Pilot group with exactly five user members", "[sandbox]")
{
    const QString pilot = groupId(client, QStringLiteral("CTS Pilot"));
    REQUIRE(!pilot.isEmpty());
    CHECK(!groupId(client, QStringLiteral("Sales")).isEmpty());
    CHECK(!groupId(client, QStringLiteral("Engineering")).isEmpty());
    const SandboxAnswer members = client.get(kContoso, QStringLiteral("/v1.0/groups/%1/members").arg(pilot));
    REQUIRE(members.status == 200);
    CHECK(typesOf(members) == QStringList(5, QStringLiteral("#microsoft.graph.user")));
    const SandboxAnswer group = client.get(kContoso, QStringLiteral("/v1.0/groups/%1").arg(pilot));
    CHECK(group.json().value(QLatin1String("displayName")).toString() == QLatin1String("CTS Pilot"));
}

TEST_CASE_METHOD(
    RunningSandbox, "transitiveMembers walks nested groups while members lists only direct members", "[sandbox]")
{
    const QString wave = groupId(client, QStringLiteral("CTS Wave 2"));
    REQUIRE(!wave.isEmpty());
    const SandboxAnswer direct = client.get(kContoso, QStringLiteral("/v1.0/groups/%1/members").arg(wave));
    const SandboxAnswer transitive
        = client.get(kContoso, QStringLiteral("/v1.0/groups/%1/transitiveMembers").arg(wave));
    REQUIRE(direct.status == 200);
    REQUIRE(transitive.status == 200);
    const QStringList directTypes = typesOf(direct);
    const QStringList transitiveTypes = typesOf(transitive);
    CHECK(directTypes.count(QStringLiteral("#microsoft.graph.group")) == 1);
    CHECK(directTypes.count(QStringLiteral("#microsoft.graph.user")) == 3);
    CHECK(transitiveTypes.count(QStringLiteral("#microsoft.graph.group")) == 1);
    CHECK(transitiveTypes.count(QStringLiteral("#microsoft.graph.user")) == 8); // 3 direct + the pilot's 5
    const SandboxAnswer selected = client.get(kContoso,
        QStringLiteral("/v1.0/groups/%1/transitiveMembers?$select=id,displayName&$top=2&$count=true").arg(wave),
        kEventual);
    CHECK(selected.json().value(QLatin1String("@odata.count")).toInt() == 9);
    CHECK(selected.json().value(QLatin1String("value")).toArray().size() == 2);
    CHECK(selected.json()
              .value(QLatin1String("@odata.nextLink"))
              .toString()
              .contains(QLatin1String("transitiveMembers")));
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/groups/%1/members?$select=nope").arg(wave)).status == 400);
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/groups/not-a-guid/members")).status == 404);
}
