// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/sandbox/RunningSandbox.h"
#include "tests/sandbox/SandboxTestData.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

using namespace tb::test;

TEST_CASE_METHOD(RunningSandbox, "$select returns only the named properties and refuses unknown ones", "[sandbox]")
{
    const SandboxAnswer answer
        = client.get(kContoso, QStringLiteral("/v1.0/users?$select=id,department,accountEnabled&$top=3"));
    REQUIRE(answer.status == 200);
    for (const QJsonValue& value : valueOf(answer)) {
        CHECK(value.toObject().keys()
            == QStringList({QStringLiteral("accountEnabled"), QStringLiteral("department"), QStringLiteral("id")}));
    }
    const SandboxAnswer unknown = client.get(kContoso, QStringLiteral("/v1.0/users?$select=id,shoeSize"));
    CHECK(unknown.status == 400);
    CHECK(messageOf(unknown).contains(QLatin1String("shoeSize")));
}

TEST_CASE_METHOD(
    RunningSandbox, "$filter supports eq, in, startswith, and, or, parentheses and the licence lambda", "[sandbox]")
{
    const auto count = [&](const QString& filter) {
        const SandboxAnswer answer
            = client.get(kContoso, QStringLiteral("/v1.0/users/$count?$filter=") + filter, kEventual);
        INFO(filter.toStdString() << " -> " << answer.body.toStdString());
        REQUIRE(answer.status == 200);
        return answer.body.toInt();
    };
    const int sales = count(QStringLiteral("department eq 'Sales'"));
    const int engineering = count(QStringLiteral("department eq 'engineering'")); // case-insensitive, as Graph
    CHECK(sales > 0);
    CHECK(engineering > 0);
    CHECK(count(QStringLiteral("department in ('Sales','Engineering')")) == sales + engineering);
    CHECK(count(QStringLiteral("(department eq 'Sales' or department eq 'Engineering') and accountEnabled eq true"))
        <= sales + engineering);
    CHECK(count(QStringLiteral("startswith(displayName,'Adele')")) > 0);
    CHECK(count(QStringLiteral("department eq 'Sales' and not (accountEnabled eq true)"))
        == sales - count(QStringLiteral("department eq 'Sales' and accountEnabled eq true")));
    CHECK(count(QStringLiteral("mail eq null")) > 0);
    const int total = count(QStringLiteral("accountEnabled eq true or accountEnabled eq false"));
    CHECK(total == 241);
    const int p1 = count(QStringLiteral("assignedLicenses/any(x:x/skuId eq 078d2b04-f1bd-4111-bbd4-b4b1b354cef4)"));
    const int none = count(QStringLiteral("not assignedLicenses/any()"));
    CHECK(p1 > 0);
    CHECK(none > 0);
    CHECK(p1 + none < total);
}

TEST_CASE_METHOD(
    RunningSandbox, "A quote escaped as '' in a $filter literal is literal text, never syntax", "[sandbox]")
{
    const QString id = firstUserId(client, kContoso);
    REQUIRE(client
                .graph(kContoso, QByteArrayLiteral("PATCH"), QStringLiteral("/v1.0/users/") + id, {},
                    QByteArrayLiteral("{\"displayName\":\"Aoife O'Brien\"}"))
                .status
        == 204);
    const SandboxAnswer exact
        = client.get(kContoso, QStringLiteral("/v1.0/users?$filter=displayName eq 'Aoife O''Brien'"));
    REQUIRE(exact.status == 200);
    REQUIRE(valueOf(exact).size() == 1);
    CHECK(valueOf(exact).first().toObject().value(QLatin1String("id")).toString() == id);
    // User text "x' or displayName ne '" escaped by a careful client stays one literal and matches nobody.
    const SandboxAnswer injected = client.get(
        kContoso, QStringLiteral("/v1.0/users?$filter=displayName eq 'x'' or displayName ne '''"), kEventual);
    REQUIRE(injected.status == 200);
    CHECK(valueOf(injected).isEmpty());
    // The same text left unescaped is syntax: ne without ConsistencyLevel is refused rather than run.
    const SandboxAnswer unescaped
        = client.get(kContoso, QStringLiteral("/v1.0/users?$filter=displayName eq 'x' or displayName ne ''"));
    CHECK(unescaped.status == 400);
}

TEST_CASE_METHOD(
    RunningSandbox, "$filter syntax errors give 400 with a message naming the offending token", "[sandbox]")
{
    const SandboxAnswer unclosed = client.get(kContoso, QStringLiteral("/v1.0/users?$filter=displayName eq 'Adele"));
    CHECK(unclosed.status == 400);
    CHECK(unclosed.errorCode() == QLatin1String("Request_BadRequest"));
    const SandboxAnswer badOperator
        = client.get(kContoso, QStringLiteral("/v1.0/users?$filter=displayName equals 'A'"));
    CHECK(badOperator.status == 400);
    CHECK(messageOf(badOperator).contains(QLatin1String("'equals'")));
    const SandboxAnswer unknownProperty = client.get(kContoso, QStringLiteral("/v1.0/users?$filter=shoeSize eq 42"));
    CHECK(unknownProperty.status == 400);
    CHECK(unknownProperty.errorCode() == QLatin1String("Request_UnsupportedQuery"));
    CHECK(messageOf(unknownProperty).contains(QLatin1String("shoeSize")));
    const SandboxAnswer dangling = client.get(kContoso, QStringLiteral("/v1.0/users?$filter=(department eq 'Sales'"));
    CHECK(dangling.status == 400);
    const SandboxAnswer junk = client.get(kContoso, QStringLiteral("/v1.0/users?$filter=department eq 'Sales' %23"));
    CHECK(junk.status == 400);
    CHECK(messageOf(junk).contains(QLatin1String("'#'")));
}

TEST_CASE_METHOD(RunningSandbox, "$top accepts 1 to 999 and refuses anything else", "[sandbox]")
{
    CHECK(valueOf(client.get(kContoso, QStringLiteral("/v1.0/users?$top=1"))).size() == 1);
    CHECK(valueOf(client.get(kContoso, QStringLiteral("/v1.0/users?$top=999"))).size() == 241);
    CHECK(valueOf(client.get(kContoso, QStringLiteral("/v1.0/users"))).size() == 100);
    for (const QString& top :
        {QStringLiteral("0"), QStringLiteral("1000"), QStringLiteral("-5"), QStringLiteral("ten")}) {
        const SandboxAnswer answer = client.get(kContoso, QStringLiteral("/v1.0/users?$top=") + top);
        CHECK(answer.status == 400);
        CHECK(messageOf(answer).startsWith(QLatin1String("Invalid page size specified")));
    }
}

TEST_CASE_METHOD(RunningSandbox, "$count and $search need ConsistencyLevel: eventual", "[sandbox]")
{
    const SandboxAnswer countWithout = client.get(kContoso, QStringLiteral("/v1.0/users?$count=true"));
    CHECK(countWithout.status == 400);
    CHECK(countWithout.errorCode() == QLatin1String("Request_UnsupportedQuery"));
    const SandboxAnswer countWith = client.get(kContoso, QStringLiteral("/v1.0/users?$count=true&$top=5"), kEventual);
    CHECK(countWith.status == 200);
    CHECK(countWith.json().value(QLatin1String("@odata.count")).toInt() == 241);

    const SandboxAnswer plainCountWithout = client.get(kContoso, QStringLiteral("/v1.0/users/$count"));
    CHECK(plainCountWithout.status == 400);
    CHECK(messageOf(plainCountWithout) == QLatin1String("$count is not currently supported."));
    const SandboxAnswer plainCount = client.get(kContoso, QStringLiteral("/v1.0/users/$count"), kEventual);
    CHECK(plainCount.status == 200);
    CHECK(plainCount.header("Content-Type").startsWith("text/plain"));
    CHECK(plainCount.body == "241");

    const SandboxAnswer searchWithout
        = client.get(kContoso, QStringLiteral("/v1.0/users?$search=\"displayName:adel\""));
    CHECK(searchWithout.status == 400);
    CHECK(searchWithout.errorCode() == QLatin1String("Request_UnsupportedQuery"));
    CHECK(messageOf(searchWithout).contains(QLatin1String("ConsistencyLevel")));
    const SandboxAnswer search = client.get(
        kContoso, QStringLiteral("/v1.0/users?$search=\"displayName:adel\"&$select=displayName&$top=999"), kEventual);
    REQUIRE(search.status == 200);
    REQUIRE(!valueOf(search).isEmpty());
    for (const QJsonValue& value : valueOf(search)) {
        CHECK(value.toObject().value(QLatin1String("displayName")).toString().startsWith(QLatin1String("Adele")));
    }
    // Word prefix: "vance" matches "Adele Vance" by its second word.
    const int vance = static_cast<int>(
        valueOf(client.get(kContoso, QStringLiteral("/v1.0/users?$search=\"displayName:vance\"&$top=999"), kEventual))
            .size());
    CHECK(vance > 0);
    const SandboxAnswer either = client.get(kContoso,
        QStringLiteral("/v1.0/users?$search=\"displayName:adel\" OR \"displayName:vance\"&$top=999&$count=true"),
        kEventual);
    CHECK(either.json().value(QLatin1String("@odata.count")).toInt() >= vance);
    CHECK(either.json().value(QLatin1String("@odata.count")).toInt() >= static_cast<int>(valueOf(search).size()));
    const SandboxAnswer mail
        = client.get(kContoso, QStringLiteral("/v1.0/users?$search=\"mail:adele.van\""), kEventual);
    CHECK(!valueOf(mail).isEmpty());
    const SandboxAnswer badSearch = client.get(kContoso, QStringLiteral("/v1.0/users?$search=adele"), kEventual);
    CHECK(badSearch.status == 400);
}

TEST_CASE_METHOD(
    RunningSandbox, "ne, not and endswith are advanced queries that need ConsistencyLevel and $count", "[sandbox]")
{
    for (const QString& filter :
        {QStringLiteral("department ne 'Sales'"), QStringLiteral("not (department eq 'Sales')"),
            QStringLiteral("endswith(mail,'@contoso.onmicrosoft.com')")}) {
        INFO(filter.toStdString());
        const SandboxAnswer without = client.get(kContoso, QStringLiteral("/v1.0/users?$filter=") + filter);
        CHECK(without.status == 400);
        CHECK(without.errorCode() == QLatin1String("Request_UnsupportedQuery"));
        const SandboxAnswer headerOnly
            = client.get(kContoso, QStringLiteral("/v1.0/users?$filter=") + filter, kEventual);
        CHECK(headerOnly.status == 400);
        CHECK(headerOnly.errorCode() == QLatin1String("Request_UnsupportedQuery"));
        const SandboxAnswer with
            = client.get(kContoso, QStringLiteral("/v1.0/users?$count=true&$filter=") + filter, kEventual);
        CHECK(with.status == 200);
        CHECK(with.json().value(QLatin1String("@odata.count")).toInt() > 0);
    }
}

TEST_CASE_METHOD(RunningSandbox, "$orderby sorts users by displayName in both directions", "[sandbox]")
{
    const QJsonArray ascending = valueOf(
        client.get(kContoso, QStringLiteral("/v1.0/users?$orderby=displayName&$top=999&$select=displayName")));
    const QJsonArray descending = valueOf(
        client.get(kContoso, QStringLiteral("/v1.0/users?$orderby=displayName desc&$top=999&$select=displayName")));
    REQUIRE(ascending.size() == 241);
    for (qsizetype i = 1; i < ascending.size(); ++i) {
        CHECK(
            ascending.at(i - 1)
                .toObject()
                .value(QLatin1String("displayName"))
                .toString()
                .compare(ascending.at(i).toObject().value(QLatin1String("displayName")).toString(), Qt::CaseInsensitive)
            <= 0);
    }
    CHECK(descending.first() == ascending.last());
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/users?$orderby=jobTitle")).status == 400);
}
