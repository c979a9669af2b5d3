// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/World.h"
#include "tests/sandbox/RunningSandbox.h"
#include "tests/sandbox/SandboxTestData.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QSet>
#include <QUrlQuery>

using namespace tb::test;
using tbsandbox::SandboxOptions;

namespace {

QSet<QString> idsOf(const QList<QJsonObject>& items)
{
    QSet<QString> ids;
    for (const QJsonObject& item : items) {
        ids.insert(item.value(QLatin1String("id")).toString());
    }
    return ids;
}

} // namespace

TEST_CASE_METHOD(
    RunningSandbox, "Paging through all Contoso users with nextLink returns each seeded user once", "[sandbox]")
{
    const auto seeded = static_cast<qsizetype>(server.world().tenantByIdOrDomain(kContoso)->users().size());
    int pages = 0;
    const QList<QJsonObject> byDefault = client.pageAll(kContoso, QStringLiteral("/v1.0/users"), &pages);
    CHECK(byDefault.size() == seeded);
    CHECK(idsOf(byDefault).size() == seeded);
    CHECK(pages == 3); // default page size 100
    const QList<QJsonObject> small
        = client.pageAll(kContoso, QStringLiteral("/contoso.onmicrosoft.com/v1.0/users?$top=7&$select=id"), &pages);
    CHECK(small.size() == seeded);
    CHECK(idsOf(small).size() == seeded);
    CHECK(pages == static_cast<int>((seeded + 6) / 7));
}

TEST_CASE_METHOD(
    RunningSandbox, "nextLink is absolute and keeps the path form and the query of the request", "[sandbox]")
{
    const SandboxAnswer first = client.get(kContoso,
        QStringLiteral(
            "/contoso.onmicrosoft.com/v1.0/users?$select=id,displayName&$top=50&$filter=accountEnabled eq true"));
    REQUIRE(first.status == 200);
    const QUrl next(first.json().value(QLatin1String("@odata.nextLink")).toString(), QUrl::StrictMode);
    REQUIRE(next.isValid());
    CHECK(next.scheme() == QLatin1String("http"));
    CHECK(next.host() == QLatin1String("127.0.0.1"));
    CHECK(next.port() == server.port());
    CHECK(next.path() == QLatin1String("/contoso.onmicrosoft.com/v1.0/users"));
    const QUrlQuery query(next);
    CHECK(query.queryItemValue(QStringLiteral("$select")) == QLatin1String("id,displayName"));
    CHECK(query.queryItemValue(QStringLiteral("$top")) == QLatin1String("50"));
    CHECK(
        query.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded) == QLatin1String("accountEnabled eq true"));
    CHECK(!query.queryItemValue(QStringLiteral("$skiptoken")).isEmpty());
    const SandboxAnswer second = client.get(kContoso, next.toString(QUrl::FullyEncoded));
    INFO(second.body.toStdString());
    CHECK(second.status == 200);
    CHECK(second.json().value(QLatin1String("value")).toArray().size() == 50);
}

TEST_CASE_METHOD(RunningSandbox, "A tampered $skiptoken is refused with 400", "[sandbox]")
{
    const QString next = client.get(kContoso, QStringLiteral("/v1.0/users?$top=10"))
                             .json()
                             .value(QLatin1String("@odata.nextLink"))
                             .toString();
    REQUIRE(!next.isEmpty());
    QString tampered = next;
    const qsizetype at = tampered.indexOf(QLatin1String("$skiptoken=")) + 20;
    tampered[at] = tampered.at(at) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    CHECK(client.get(kContoso, tampered).status == 400);
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/users?$skiptoken=garbage")).status == 400);
    // A token of one query does not page another.
    const QString token = QUrlQuery(QUrl(next)).queryItemValue(QStringLiteral("$skiptoken"));
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/groups?$skiptoken=") + token).status == 400);
}

TEST_CASE("A generated tenant of 5000 users pages completely with $top=999", "[sandbox]")
{
    SandboxOptions options;
    options.loadSeeds = false;
    options.generatedTenants.append({QStringLiteral("gen"), 5000});
    RunningSandbox sandbox(options);
    SandboxTestClient& client = sandbox.client;
    const QString domain = QStringLiteral("gen.onmicrosoft.com");
    int pages = 0;
    const QList<QJsonObject> users = client.pageAll(domain,
        QStringLiteral("/gen.onmicrosoft.com/v1.0/users?$select=id,displayName,userPrincipalName&$top=999"), &pages);
    CHECK(users.size() == 5000);
    CHECK(idsOf(users).size() == 5000);
    CHECK(pages == 6);
    CHECK(users.first().keys()
        == QStringList({QStringLiteral("displayName"), QStringLiteral("id"), QStringLiteral("userPrincipalName")}));
    CHECK(users.first()
              .value(QLatin1String("userPrincipalName"))
              .toString()
              .endsWith(QLatin1String("@gen.onmicrosoft.com")));

    // Deterministic: a second server generates the same ids.
    RunningSandbox again(options);
    SandboxTestClient& otherClient = again.client;
    CHECK(otherClient.tenantIdFor(domain) == client.tenantIdFor(domain));
    const QJsonObject firstAgain
        = valueOf(otherClient.get(domain, QStringLiteral("/v1.0/users?$top=1&$select=id"))).first().toObject();
    CHECK(firstAgain.value(QLatin1String("id")) == users.first().value(QLatin1String("id")));
}
