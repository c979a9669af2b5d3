// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/FaultPlan.h"
#include "tests/sandbox/RunningSandbox.h"
#include "tests/sandbox/SandboxTestData.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>

using namespace tb::test;

namespace {

QJsonObject getItem(const QString& id, const QString& url)
{
    return QJsonObject {
        {QStringLiteral("id"), id}, {QStringLiteral("method"), QStringLiteral("GET")}, {QStringLiteral("url"), url}};
}

SandboxAnswer postBatch(SandboxTestClient& client, const QJsonArray& requests,
    const QString& path = QStringLiteral("/contoso.onmicrosoft.com/v1.0/$batch"))
{
    return client.graph(kContoso, QByteArrayLiteral("POST"), path, {},
        QJsonDocument(QJsonObject {{QStringLiteral("requests"), requests}}).toJson());
}

QJsonObject responseFor(const SandboxAnswer& answer, const QString& id)
{
    for (const QJsonValue& value : answer.json().value(QLatin1String("responses")).toArray()) {
        if (value.toObject().value(QLatin1String("id")).toString() == id) {
            return value.toObject();
        }
    }
    return {};
}

} // namespace

TEST_CASE_METHOD(RunningSandbox, "A batch of 20 requests is answered item by item", "[sandbox]")
{
    QJsonArray requests;
    for (int i = 0; i < 20; ++i) {
        requests.append(getItem(
            QString::number(i), i % 2 ? QStringLiteral("/users?$top=2&$select=id") : QStringLiteral("organization")));
    }
    const SandboxAnswer answer = postBatch(client, requests);
    REQUIRE(answer.status == 200);
    const QJsonArray responses = answer.json().value(QLatin1String("responses")).toArray();
    REQUIRE(responses.size() == 20);
    for (const QJsonValue& value : responses) {
        const QJsonObject response = value.toObject();
        CHECK(response.value(QLatin1String("status")).toInt() == 200);
        CHECK(response.value(QLatin1String("headers"))
                  .toObject()
                  .value(QLatin1String("Content-Type"))
                  .toString()
                  .startsWith(QLatin1String("application/json")));
        CHECK(response.value(QLatin1String("body")).isObject());
    }
    const QJsonObject users = responseFor(answer, QStringLiteral("1")).value(QLatin1String("body")).toObject();
    CHECK(users.value(QLatin1String("value")).toArray().size() == 2);
    // A nextLink inside a batch item keeps the outer path form.
    CHECK(users.value(QLatin1String("@odata.nextLink"))
              .toString()
              .startsWith(server.baseUrl().toString() + QStringLiteral("/contoso.onmicrosoft.com/v1.0/users?")));
}

TEST_CASE_METHOD(RunningSandbox,
    "A batch is refused whole for 21 requests, duplicate ids, versioned urls or a body without Content-Type",
    "[sandbox]")
{
    QJsonArray tooMany;
    for (int i = 0; i < 21; ++i) {
        tooMany.append(getItem(QString::number(i), QStringLiteral("/organization")));
    }
    const SandboxAnswer answer = postBatch(client, tooMany);
    CHECK(answer.status == 400);
    CHECK(answer.json()
              .value(QLatin1String("error"))
              .toObject()
              .value(QLatin1String("message"))
              .toString()
              .contains(QLatin1String("20")));
    CHECK(postBatch(client,
              {getItem(QStringLiteral("a"), QStringLiteral("/organization")),
                  getItem(QStringLiteral("A"), QStringLiteral("/organization"))})
              .status
        == 400);
    CHECK(postBatch(client, {getItem(QStringLiteral("1"), QStringLiteral("/v1.0/organization"))}).status == 400);
    QJsonObject withBody {{QStringLiteral("id"), QStringLiteral("1")},
        {QStringLiteral("method"), QStringLiteral("PATCH")}, {QStringLiteral("url"), QStringLiteral("/users/x")},
        {QStringLiteral("body"), QJsonObject {{QStringLiteral("jobTitle"), QStringLiteral("y")}}}};
    CHECK(postBatch(client, {withBody}).status == 400);
    CHECK(
        client.graph(kContoso, QByteArrayLiteral("POST"), QStringLiteral("/v1.0/$batch"), {}, QByteArrayLiteral("[1,2"))
            .status
        == 400);
}

TEST_CASE_METHOD(RunningSandbox, "dependsOn orders batch items and a failed dependency gives 424", "[sandbox]")
{
    const QString id = firstUserId(client, kContoso);
    // "read" depends on "write", listed first: the write must run before it.
    QJsonObject read = getItem(QStringLiteral("read"), QStringLiteral("/users/%1?$select=jobTitle").arg(id));
    read.insert(QStringLiteral("dependsOn"), QJsonArray {QStringLiteral("write")});
    const QJsonObject write {{QStringLiteral("id"), QStringLiteral("write")},
        {QStringLiteral("method"), QStringLiteral("PATCH")}, {QStringLiteral("url"), QStringLiteral("/users/") + id},
        {QStringLiteral("headers"), QJsonObject {{QStringLiteral("Content-Type"), QStringLiteral("application/json")}}},
        {QStringLiteral("body"), QJsonObject {{QStringLiteral("jobTitle"), QStringLiteral("Batched")}}}};
    QJsonObject missing = getItem(QStringLiteral("missing"), QStringLiteral("/users/nobody@contoso.onmicrosoft.com"));
    QJsonObject dependent = getItem(QStringLiteral("dependent"), QStringLiteral("/organization"));
    dependent.insert(QStringLiteral("dependsOn"), QJsonArray {QStringLiteral("missing")});
    const SandboxAnswer answer = postBatch(client, {read, write, missing, dependent});
    REQUIRE(answer.status == 200);
    CHECK(responseFor(answer, QStringLiteral("write")).value(QLatin1String("status")).toInt() == 204);
    CHECK(responseFor(answer, QStringLiteral("read"))
              .value(QLatin1String("body"))
              .toObject()
              .value(QLatin1String("jobTitle"))
              .toString()
        == QLatin1String("Batched"));
    CHECK(responseFor(answer, QStringLiteral("missing")).value(QLatin1String("status")).toInt() == 404);
    CHECK(responseFor(answer, QStringLiteral("dependent")).value(QLatin1String("status")).toInt() == 424);
    // Answers come back in request order.
    CHECK(answer.json()
              .value(QLatin1String("responses"))
              .toArray()
              .first()
              .toObject()
              .value(QLatin1String("id"))
              .toString()
        == QLatin1String("read"));
    QJsonObject unknownDependency = getItem(QStringLiteral("x"), QStringLiteral("/organization"));
    unknownDependency.insert(QStringLiteral("dependsOn"), QJsonArray {QStringLiteral("nope")});
    CHECK(postBatch(client, {unknownDependency}).status == 400);
}

TEST_CASE_METHOD(
    RunningSandbox, "Batch items are throttled one by one and carry Retry-After in their headers", "[sandbox]")
{
    QString error;
    REQUIRE(server.faultPlan().load(QJsonObject {{QStringLiteral("throttle"),
                                        QJsonObject {{QStringLiteral("limit"), 3}, {QStringLiteral("windowMs"), 60000},
                                            {QStringLiteral("retryAfterSeconds"), 7}}}},
        &error));
    QJsonArray requests;
    for (int i = 0; i < 5; ++i) {
        requests.append(getItem(QString::number(i), QStringLiteral("/organization")));
    }
    const SandboxAnswer answer = postBatch(client, requests, QStringLiteral("/v1.0/$batch"));
    REQUIRE(answer.status == 200);
    int ok = 0;
    int throttled = 0;
    for (const QJsonValue& value : answer.json().value(QLatin1String("responses")).toArray()) {
        const QJsonObject response = value.toObject();
        if (response.value(QLatin1String("status")).toInt() == 429) {
            ++throttled;
            CHECK(response.value(QLatin1String("headers")).toObject().value(QLatin1String("Retry-After")).toString()
                == QLatin1String("7"));
            CHECK(response.value(QLatin1String("body"))
                      .toObject()
                      .value(QLatin1String("error"))
                      .toObject()
                      .value(QLatin1String("code"))
                      .toString()
                == QLatin1String("TooManyRequests"));
        } else {
            ++ok;
        }
    }
    CHECK(ok == 3);
    CHECK(throttled == 2);
    // Every item is in the request log, marked as a batch item.
    const QJsonArray log = requestLog(client);
    int items = 0;
    int throttledItems = 0;
    for (const QJsonValue& value : log) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QLatin1String("batchItem")).toBool()) {
            ++items;
            CHECK(entry.value(QLatin1String("target")).toString() == QLatin1String("/organization"));
            if (entry.value(QLatin1String("fault")).toString() == QLatin1String("throttle")) {
                ++throttledItems;
                CHECK(entry.value(QLatin1String("retryAfterSeconds")).toInt() == 7);
            }
        }
    }
    CHECK(items == 5);
    CHECK(throttledItems == 2);
}

TEST_CASE_METHOD(RunningSandbox, "Error rules match batch items by the outer prefix plus the item path", "[sandbox]")
{
    QString error;
    REQUIRE(server.faultPlan().load(
        QJsonObject {{QStringLiteral("errors"),
            QJsonArray {QJsonObject {
                {QStringLiteral("pathPattern"), QStringLiteral("/contoso.onmicrosoft.com/v1.0/organization")},
                {QStringLiteral("status"), 503}, {QStringLiteral("count"), 1},
                {QStringLiteral("retryAfterSeconds"), 4}}}}},
        &error));
    const SandboxAnswer answer = postBatch(client,
        {getItem(QStringLiteral("1"), QStringLiteral("/organization")),
            getItem(QStringLiteral("2"), QStringLiteral("/organization"))});
    REQUIRE(answer.status == 200);
    const QJsonObject first = responseFor(answer, QStringLiteral("1"));
    CHECK(first.value(QLatin1String("status")).toInt() == 503);
    CHECK(first.value(QLatin1String("headers")).toObject().value(QLatin1String("Retry-After")).toString()
        == QLatin1String("4"));
    CHECK(responseFor(answer, QStringLiteral("2")).value(QLatin1String("status")).toInt() == 200);
}
