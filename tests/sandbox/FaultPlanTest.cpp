// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/FaultPlan.h"
#include "tests/sandbox/RunningSandbox.h"
#include "tests/sandbox/SandboxTestData.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>

using namespace tb::test;
using tbsandbox::SandboxOptions;

namespace {

void sleepMs(int ms)
{
    QElapsedTimer timer;
    timer.start();
    const bool waited = tb::test::SignalWaiter::waitUntil([&] { return timer.elapsed() >= ms; });
    REQUIRE(waited);
}

} // namespace

TEST_CASE_METHOD(
    RunningSandbox, "Throttling answers 429 with Retry-After and x-ms-throttle headers per tenant", "[sandbox]")
{
    REQUIRE(putFaults(client, R"({"throttle":{"limit":2,"windowMs":3000}})").status == 200);
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/organization")).status == 200);
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/organization")).status == 200);
    const SandboxAnswer throttled = client.get(kContoso, QStringLiteral("/v1.0/organization"));
    CHECK(throttled.status == 429);
    CHECK(throttled.errorCode() == QLatin1String("TooManyRequests"));
    const int retryAfter = throttled.header("Retry-After").toInt();
    CHECK(retryAfter >= 1);
    CHECK(retryAfter <= 3);
    CHECK(throttled.header("x-ms-throttle-scope").startsWith("Tenant_Application/ReadWrite/"));
    CHECK(throttled.header("x-ms-throttle-information") == "ResourceUnitLimitExceeded");
    // Another tenant has its own window.
    CHECK(client.get(kFabrikam, QStringLiteral("/v1.0/organization")).status == 200);
    // Rejected requests do not consume the window: once it slides, two requests pass again.
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/organization")).status == 429);
    sleepMs(3100);
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/organization")).status == 200);
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/organization")).status == 200);
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/organization")).status == 429);
    // Control calls are never throttled.
    CHECK(client.send(QByteArrayLiteral("GET"), QStringLiteral("/_sandbox/stats")).status == 200);
}

TEST_CASE_METHOD(RunningSandbox, "An error rule with a count fails the next N matching requests only", "[sandbox]")
{
    REQUIRE(putFaults(client,
                R"({"errors":[{"pathPattern":"*/users*","status":503,"rate":1.0,"count":2,"retryAfterSeconds":3}]})")
                .status
        == 200);
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/organization")).status == 200); // does not match
    const SandboxAnswer first = client.get(kContoso, QStringLiteral("/v1.0/users?$top=1"));
    CHECK(first.status == 503);
    CHECK(first.errorCode() == QLatin1String("serviceNotAvailable"));
    CHECK(first.header("Retry-After") == "3");
    CHECK(client
              .get(kContoso, QStringLiteral("/contoso.onmicrosoft.com/v1.0/users/$count"),
                  {{QByteArrayLiteral("ConsistencyLevel"), QByteArrayLiteral("eventual")}})
              .status
        == 503);
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/users?$top=1")).status == 200);
    const QJsonObject plan = client.send(QByteArrayLiteral("GET"), QStringLiteral("/_sandbox/faults")).json();
    CHECK(plan.value(QLatin1String("errors")).toArray().first().toObject().value(QLatin1String("count")).toInt() == 0);
}

TEST_CASE_METHOD(
    RunningSandbox, "Error rates are drawn from the seeded generator, so a plan repeats exactly", "[sandbox]")
{
    const QByteArray plan = R"({"seed":7,"errors":[{"pathPattern":"*/organization","status":500,"rate":0.5}]})";
    const auto run = [&] {
        REQUIRE(putFaults(client, plan).status == 200);
        QList<int> statuses;
        for (int i = 0; i < 16; ++i) {
            statuses.append(client.get(kContoso, QStringLiteral("/v1.0/organization")).status);
        }
        return statuses;
    };
    const QList<int> first = run();
    const QList<int> second = run();
    CHECK(first == second);
    CHECK(first.contains(500));
    CHECK(first.contains(200));
}

TEST_CASE_METHOD(
    RunningSandbox, "A drop sends half the answer and closes, and the client sees a network error", "[sandbox]")
{
    REQUIRE(putFaults(client, R"({"drops":[{"pathPattern":"*/users","count":1}]})").status == 200);
    const SandboxAnswer dropped = client.get(kContoso, QStringLiteral("/v1.0/users?$top=50"));
    CHECK(dropped.networkError != QNetworkReply::NoError);
    CHECK(!dropped.parsesAsJson());
    const SandboxAnswer next = client.get(kContoso, QStringLiteral("/v1.0/users?$top=50"));
    CHECK(next.status == 200);
    CHECK(next.parsesAsJson());
    const QJsonArray log = requestLog(client);
    REQUIRE(log.size() == 2);
    CHECK(log.at(0).toObject().value(QLatin1String("fault")).toString() == QLatin1String("drop"));
    CHECK(log.at(1).toObject().value(QLatin1String("fault")).isNull());
}

TEST_CASE_METHOD(RunningSandbox, "A drop of an answer without a body cuts its status line", "[sandbox]")
{
    REQUIRE(putFaults(client, R"({"drops":[{"pathPattern":"*/users/*","count":1}]})").status == 200);
    // A raw socket, because an HTTP client library may resend a request whose answer never began.
    const QByteArray body = QByteArrayLiteral(R"({"jobTitle":"Dropped"})");
    const QByteArray request = "PATCH /v1.0/users/adele.vance@contoso.onmicrosoft.com HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                               "Authorization: Bearer "
        + client.tokenFor(kContoso).toUtf8() + "\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    REQUIRE(socket.waitForConnected(10000));
    socket.write(request);
    QByteArray received;
    REQUIRE(tb::test::SignalWaiter::waitUntil([&] {
        received += socket.readAll();
        return socket.state() == QAbstractSocket::UnconnectedState;
    }));
    received += socket.readAll();
    CHECK(received.startsWith("HTTP/1.1"));
    CHECK_FALSE(received.contains("\r\n"));
    const QJsonArray log = requestLog(client);
    REQUIRE(log.size() == 1);
    CHECK(log.at(0).toObject().value(QLatin1String("fault")).toString() == QLatin1String("drop"));
}

TEST_CASE_METHOD(RunningSandbox, "A malformed answer is a 200 whose JSON body is cut short", "[sandbox]")
{
    REQUIRE(putFaults(client, R"({"malformed":[{"pathPattern":"*/organization","count":1}]})").status == 200);
    const SandboxAnswer malformed = client.get(kContoso, QStringLiteral("/v1.0/organization"));
    CHECK(malformed.status == 200);
    CHECK(malformed.networkError == QNetworkReply::NoError);
    CHECK(malformed.header("Content-Length").toInt() == malformed.body.size());
    CHECK(!malformed.body.isEmpty());
    CHECK(!malformed.parsesAsJson());
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/organization")).parsesAsJson());
    CHECK(requestLog(client).first().toObject().value(QLatin1String("fault")).toString() == QLatin1String("malformed"));
}

TEST_CASE_METHOD(RunningSandbox, "Latency delays Graph answers without blocking the control surface", "[sandbox]")
{
    // Long enough that the control call below surely answers first, even on a busy machine.
    REQUIRE(putFaults(client, R"({"latencyMs":5000})").status == 200);
    QNetworkRequest request(QUrl(server.baseUrl().toString() + QStringLiteral("/v1.0/organization")));
    request.setRawHeader(
        QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + client.tokenFor(kContoso).toLatin1());
    QElapsedTimer timer;
    timer.start();
    QNetworkReply* slow = client.network().get(request);
    // While the Graph answer waits, the control surface answers.
    CHECK(client.send(QByteArrayLiteral("GET"), QStringLiteral("/_sandbox/stats")).status == 200);
    CHECK(!slow->isFinished());
    REQUIRE(tb::test::SignalWaiter::waitUntil([slow] { return slow->isFinished(); }));
    CHECK(timer.elapsed() >= 5000);
    CHECK(slow->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200);
    slow->deleteLater();
}

TEST_CASE_METHOD(RunningSandbox,
    "A hold applies the change at once and writes the answer only later, for the matching method only", "[sandbox]")
{
    const QString partners = QStringLiteral("/v1.0/policies/crossTenantAccessPolicy/partners");
    const auto partnerCount = [this] {
        return client.send(QByteArrayLiteral("GET"), QStringLiteral("/_sandbox/stats"))
            .json()
            .value(QLatin1String("tenants"))
            .toObject()
            .value(client.tenantIdFor(kFabrikam))
            .toObject()
            .value(QLatin1String("crossTenant"))
            .toObject()
            .value(QLatin1String("partners"))
            .toInt();
    };
    REQUIRE(
        putFaults(client,
            R"({"holds":[{"pathPattern":"*/crossTenantAccessPolicy/partners","method":"post","ms":5000,"count":1}]})")
            .status
        == 200);
    const QJsonObject hold = client.send(QByteArrayLiteral("GET"), QStringLiteral("/_sandbox/faults"))
                                 .json()
                                 .value(QLatin1String("holds"))
                                 .toArray()
                                 .first()
                                 .toObject();
    CHECK(hold.value(QLatin1String("method")).toString() == QLatin1String("POST"));
    CHECK(hold.value(QLatin1String("ms")).toInt() == 5000);
    // Another method on the same path is not held.
    CHECK(client.get(kFabrikam, partners).status == 200);
    const int partnersBefore = partnerCount();

    QNetworkRequest request(QUrl(server.baseUrl().toString() + partners));
    request.setRawHeader(
        QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + client.tokenFor(kFabrikam).toLatin1());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("tenantId"), client.tenantIdFor(kContoso)}})
                                .toJson(QJsonDocument::Compact);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply* held = client.network().post(request, body);
    // The tenant changes while the client still waits for its answer.
    REQUIRE(tb::test::SignalWaiter::waitUntil([&] { return partnerCount() == partnersBefore + 1; }));
    CHECK(!held->isFinished());
    const QJsonArray log = requestLog(client);
    REQUIRE_FALSE(log.isEmpty());
    CHECK(log.last().toObject().value(QLatin1String("method")).toString() == QLatin1String("POST"));
    CHECK(log.last().toObject().value(QLatin1String("status")).toInt() == 201);
    REQUIRE(tb::test::SignalWaiter::waitUntil([held] { return held->isFinished(); }));
    CHECK(timer.elapsed() >= 5000);
    CHECK(held->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201);
    held->deleteLater();
    // The count is used up.
    CHECK(client.send(QByteArrayLiteral("GET"), QStringLiteral("/_sandbox/faults"))
              .json()
              .value(QLatin1String("holds"))
              .toArray()
              .first()
              .toObject()
              .value(QLatin1String("count"))
              .toInt()
        == 0);

    CHECK(putFaults(client, R"({"holds":[{"pathPattern":"*"}]})").status == 400);
    CHECK(putFaults(client, R"({"holds":[{"pathPattern":"*","ms":0}]})").status == 400);
    CHECK(putFaults(client, R"({"holds":[{"pathPattern":"*","ms":10,"method":1}]})").status == 400);
}

TEST_CASE_METHOD(RunningSandbox,
    "The fault plan is replaced with PUT, read with GET and cleared with DELETE at run time", "[sandbox]")
{
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/organization")).status == 200);
    const SandboxAnswer put
        = putFaults(client, R"({"seed":42,"errors":[{"pathPattern":"*/organization","status":500}]})");
    REQUIRE(put.status == 200);
    CHECK(put.json().value(QLatin1String("seed")).toInt() == 42);
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/organization")).status == 500);
    const SandboxAnswer bad = putFaults(client, R"({"errors":[{"pathPattern":"*","status":99}]})");
    CHECK(bad.status == 400);
    CHECK(bad.json()
              .value(QLatin1String("error"))
              .toObject()
              .value(QLatin1String("message"))
              .toString()
              .contains(QLatin1String("status")));
    CHECK(putFaults(client, R"({"throttel":{}})").status == 400);
    // A refused plan leaves the previous one in force.
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/organization")).status == 500);
    CHECK(client.send(QByteArrayLiteral("DELETE"), QStringLiteral("/_sandbox/faults")).status == 200);
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/organization")).status == 200);
    CHECK(client.send(QByteArrayLiteral("GET"), QStringLiteral("/_sandbox/faults"))
              .json()
              .value(QLatin1String("errors"))
              .toArray()
              .isEmpty());
}

TEST_CASE("Faults given as start-up options are in force from the first request", "[sandbox]")
{
    QString problem;
    const std::optional<SandboxOptions> options
        = SandboxOptions::fromArguments({QStringLiteral("--error"), QStringLiteral("*/organization=504:1.0:1"),
                                            QStringLiteral("--throttle"), QStringLiteral("100/1000:9")},
            &problem);
    REQUIRE(options.has_value());
    RunningSandbox sandbox(*options);
    auto& [server, client] = sandbox;
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/organization")).status == 504);
    CHECK(client.get(kContoso, QStringLiteral("/v1.0/organization")).status == 200);
    CHECK(server.faultPlan()
              .toJson()
              .value(QLatin1String("throttle"))
              .toObject()
              .value(QLatin1String("retryAfterSeconds"))
              .toInt()
        == 9);
}

TEST_CASE_METHOD(
    RunningSandbox, "The request log records every Graph request with its fields but no control calls", "[sandbox]")
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    REQUIRE(putFaults(client, R"({"throttle":{"limit":1,"windowMs":60000,"retryAfterSeconds":5}})").status == 200);
    const SandboxAnswer ok = client.get(kContoso, QStringLiteral("/v1.0/users?$top=1"),
        {{QByteArrayLiteral("client-request-id"), QByteArrayLiteral("retry-test-1")}});
    const SandboxAnswer retry = client.get(kContoso, QStringLiteral("/v1.0/users?$top=1"),
        {{QByteArrayLiteral("client-request-id"), QByteArrayLiteral("retry-test-1")}});
    REQUIRE(retry.status == 429);
    const SandboxAnswer unauthenticated = client.send(QByteArrayLiteral("GET"), QStringLiteral("/v1.0/users"));
    const QJsonArray log = requestLog(client);
    REQUIRE(log.size() == 3);
    const QJsonObject first = log.at(0).toObject();
    CHECK(first.value(QLatin1String("seq")).toInt() == 1);
    CHECK(first.value(QLatin1String("receivedAtMs")).toInteger() >= before);
    CHECK(first.value(QLatin1String("receivedAtMs")).toInteger() <= QDateTime::currentMSecsSinceEpoch());
    CHECK(first.value(QLatin1String("method")).toString() == QLatin1String("GET"));
    CHECK(first.value(QLatin1String("target")).toString() == QLatin1String("/v1.0/users?$top=1"));
    CHECK(first.value(QLatin1String("tenantId")).toString() == client.tenantIdFor(kContoso));
    CHECK(first.value(QLatin1String("status")).toInt() == 200);
    CHECK(first.value(QLatin1String("clientRequestId")).toString() == QLatin1String("retry-test-1"));
    CHECK(first.value(QLatin1String("requestId")).toString() == QString::fromLatin1(ok.header("request-id")));
    CHECK(first.value(QLatin1String("retryAfterSeconds")).isNull());
    CHECK(first.value(QLatin1String("fault")).isNull());
    const QJsonObject second = log.at(1).toObject();
    CHECK(second.value(QLatin1String("status")).toInt() == 429);
    CHECK(second.value(QLatin1String("retryAfterSeconds")).toInt() == 5);
    CHECK(second.value(QLatin1String("fault")).toString() == QLatin1String("throttle"));
    CHECK(second.value(QLatin1String("clientRequestId")).toString() == QLatin1String("retry-test-1"));
    CHECK(log.at(2).toObject().value(QLatin1String("status")).toInt() == unauthenticated.status);
    CHECK(log.at(2).toObject().value(QLatin1String("tenantId")).isNull());
    CHECK(requestLog(client, 2).size() == 1);
    CHECK(client.send(QByteArrayLiteral("GET"), QStringLiteral("/_sandbox/stats"))
              .json()
              .value(QLatin1String("requests"))
              .toInt()
        == 3);
    CHECK(client.send(QByteArrayLiteral("GET"), QStringLiteral("/_sandbox/requests?since=minus")).status == 400);
}
