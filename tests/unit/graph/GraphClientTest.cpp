// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/GraphClient.h"

#include "core/SystemClock.h"
#include "core/auth/StaticTokenSource.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QNetworkAccessManager>
#include <QSignalSpy>

using tb::graph::GraphCall;
using tb::graph::GraphClient;
using tb::graph::GraphError;
using tb::graph::GraphRequest;
using tb::graph::GraphResponse;

TEST_CASE("GraphClient allows https anywhere and http only to loopback hosts", "[graph][client]")
{
    CHECK_FALSE(GraphClient::checkUrl(QUrl(QStringLiteral("https://graph.microsoft.com"))).has_value());
    CHECK_FALSE(GraphClient::checkUrl(QUrl(QStringLiteral("http://127.0.0.1:8080/t"))).has_value());
    CHECK_FALSE(GraphClient::checkUrl(QUrl(QStringLiteral("http://127.8.9.10/t"))).has_value());
    CHECK_FALSE(GraphClient::checkUrl(QUrl(QStringLiteral("http://[::1]:99/t"))).has_value());
    CHECK_FALSE(GraphClient::checkUrl(QUrl(QStringLiteral("http://LOCALHOST:99"))).has_value());
    for (const QString& bad : {QStringLiteral("http://graph.example.com"),
             QStringLiteral("http://127.0.0.1.example.com"), QStringLiteral("http://localhost.example.com"),
             QStringLiteral("http://10.0.0.1"), QStringLiteral("ftp://127.0.0.1"), QStringLiteral("http://[::2]"),
             QStringLiteral("not a url"), QString()}) {
        INFO(bad.toStdString());
        const auto error = GraphClient::checkUrl(QUrl(bad));
        REQUIRE(error.has_value());
        CHECK(error->kind() == GraphError::Kind::InsecureUrl);
    }
}

TEST_CASE("GraphClient compares origins by scheme, host and port", "[graph][client]")
{
    const QUrl base(QStringLiteral("https://graph.microsoft.com/v1.0/users"));
    CHECK(GraphClient::isSameOrigin(base, QUrl(QStringLiteral("https://GRAPH.microsoft.com:443/x?y"))));
    CHECK_FALSE(GraphClient::isSameOrigin(base, QUrl(QStringLiteral("http://graph.microsoft.com/x"))));
    CHECK_FALSE(GraphClient::isSameOrigin(base, QUrl(QStringLiteral("https://graph.microsoft.com:8443/x"))));
    CHECK_FALSE(GraphClient::isSameOrigin(base, QUrl(QStringLiteral("https://evil.example/x"))));
}

TEST_CASE("GraphClient refuses http to a non-loopback host before sending anything", "[graph][client]")
{
    QNetworkAccessManager network;
    QSignalSpy sent(&network, &QNetworkAccessManager::finished);
    tb::SystemClock clock;
    tb::auth::StaticTokenSource tokens({{QStringLiteral("t1"), QStringLiteral("secret")}});
    GraphClient::Settings settings;
    settings.baseUrl = QUrl(QStringLiteral("http://graph.example.com"));
    settings.tenantId = QStringLiteral("t1");
    GraphClient client(network, tokens, clock, settings);
    REQUIRE(client.baseUrlError().has_value());

    GraphCall* call = client.send(GraphRequest::get(QStringLiteral("/users")));
    QSignalSpy finished(call, &GraphCall::finished);
    REQUIRE(tb::test::SignalWaiter::waitForCount(finished));
    const auto response = finished.first().first().value<GraphResponse>();
    CHECK(response.error().kind() == GraphError::Kind::InsecureUrl);
    CHECK(response.attempts() == 0);
    CHECK(response.error().userMessage().contains(QStringLiteral("graph.example.com")));
    CHECK(sent.isEmpty());
    CHECK(finished.size() == 1);
}

TEST_CASE("GraphClient reports a missing token as an Auth error without sending", "[graph][client]")
{
    QNetworkAccessManager network;
    QSignalSpy sent(&network, &QNetworkAccessManager::finished);
    tb::SystemClock clock;
    tb::auth::StaticTokenSource tokens;
    GraphClient::Settings settings;
    settings.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    settings.tenantId = QStringLiteral("nobody");
    GraphClient client(network, tokens, clock, settings);

    GraphResponse received;
    int calls = 0;
    QObject context;
    client.send(GraphRequest::get(QStringLiteral("/users")), &context, [&](const GraphResponse& response) {
        received = response;
        ++calls;
    });
    REQUIRE(tb::test::SignalWaiter::waitUntil([&] { return calls > 0; }));
    CHECK(received.error().kind() == GraphError::Kind::Auth);
    CHECK(received.error().code() == QStringLiteral("no_token"));
    CHECK(received.error().userMessage().contains(QStringLiteral("nobody")));
    CHECK_FALSE(received.clientRequestId().isEmpty());
    CHECK(sent.isEmpty());
}

TEST_CASE("GraphClient finishes an invalid request with InvalidRequest and no send", "[graph][client]")
{
    QNetworkAccessManager network;
    QSignalSpy sent(&network, &QNetworkAccessManager::finished);
    tb::SystemClock clock;
    tb::auth::StaticTokenSource tokens({{QStringLiteral("t"), QStringLiteral("x")}});
    GraphClient::Settings settings;
    settings.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/t"));
    settings.tenantId = QStringLiteral("t");
    GraphClient client(network, tokens, clock, settings);
    GraphCall* call = client.send(GraphRequest::get(QStringLiteral("/users")).setInvalidReason(QStringLiteral("nope")));
    QSignalSpy finished(call, &GraphCall::finished);
    REQUIRE(tb::test::SignalWaiter::waitForCount(finished));
    CHECK(finished.first().first().value<GraphResponse>().error().kind() == GraphError::Kind::InvalidRequest);
    CHECK(sent.isEmpty());
}

TEST_CASE("GraphClient delivers nothing to a context destroyed before the answer", "[graph][client]")
{
    QNetworkAccessManager network;
    tb::SystemClock clock;
    tb::auth::StaticTokenSource tokens;
    GraphClient::Settings settings;
    settings.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/t"));
    settings.tenantId = QStringLiteral("t");
    GraphClient client(network, tokens, clock, settings);
    int delivered = 0;
    auto* context = new QObject;
    GraphCall* call
        = client.send(GraphRequest::get(QStringLiteral("/users")), context, [&](const GraphResponse&) { ++delivered; });
    QSignalSpy finished(call, &GraphCall::finished);
    delete context;
    REQUIRE(tb::test::SignalWaiter::waitForCount(finished));
    CHECK(delivered == 0);
}

TEST_CASE("GraphCall cancelled before it starts finishes once with Cancelled", "[graph][client]")
{
    QNetworkAccessManager network;
    QSignalSpy sent(&network, &QNetworkAccessManager::finished);
    tb::SystemClock clock;
    tb::auth::StaticTokenSource tokens({{QStringLiteral("t"), QStringLiteral("x")}});
    GraphClient::Settings settings;
    settings.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/t"));
    settings.tenantId = QStringLiteral("t");
    GraphClient client(network, tokens, clock, settings);
    GraphCall* call = client.send(GraphRequest::get(QStringLiteral("/users")));
    QSignalSpy finished(call, &GraphCall::finished);
    QSignalSpy destroyed(call, &QObject::destroyed);
    call->cancel();
    call->cancel();
    REQUIRE(tb::test::SignalWaiter::waitForCount(destroyed));
    REQUIRE(finished.size() == 1);
    CHECK(finished.first().first().value<GraphResponse>().error().kind() == GraphError::Kind::Cancelled);
    CHECK(sent.isEmpty());
}
