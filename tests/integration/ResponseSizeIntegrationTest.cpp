// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Absurd sizes from the services (issue 9): a 100 MB Graph answer, and login-host answers of a megabyte (a user code
// of a million characters among them), from a bare HTTP server on 127.0.0.1 (StreamingHttpServer), since neither
// Graph nor the sandbox sends such things. Each is refused as soon as its size is known, with a sentence that says
// what happened and what to check; nothing of it is shown, and it is not asked for again.
#include "core/SystemClock.h"
#include "core/auth/AuthSettings.h"
#include "core/auth/Authority.h"
#include "core/auth/DeviceCodeFlow.h"
#include "core/auth/OAuthReply.h"
#include "core/auth/StaticTokenSource.h"
#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "tests/support/SignalWaiter.h"
#include "tests/support/StreamingHttpServer.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>

#include <optional>

using tb::auth::AuthError;
using tb::auth::DeviceCodeFlow;
using tb::auth::DeviceCodePrompt;
using tb::auth::OAuthReply;
using tb::graph::GraphCall;
using tb::graph::GraphClient;
using tb::graph::GraphError;
using tb::graph::GraphRequest;
using tb::graph::GraphResponse;
using tb::test::SignalWaiter;
using tb::test::StreamingHttpServer;

namespace {

constexpr qint64 kHundredMegabytes = 100LL * 1024 * 1024;
const QString kTenant = QStringLiteral("11111111-2222-3333-4444-555555555555");

GraphResponse fetch(StreamingHttpServer& server, const GraphRequest& request)
{
    QNetworkAccessManager network;
    tb::SystemClock clock;
    tb::auth::StaticTokenSource tokens({{kTenant, QStringLiteral("token")}});
    GraphClient::Settings settings;
    settings.baseUrl = server.url(QStringLiteral("/") + kTenant);
    settings.tenantId = kTenant;
    GraphClient client(network, tokens, clock, settings);
    GraphCall* call = client.send(request);
    QSignalSpy finished(call, &GraphCall::finished);
    REQUIRE(SignalWaiter::waitForCount(finished));
    CHECK(finished.size() == 1);
    return finished.first().first().value<GraphResponse>();
}

struct FlowOutcome
{
    std::optional<AuthError> error;
    QList<DeviceCodePrompt> prompts;
};

FlowOutcome runFlow(StreamingHttpServer& server)
{
    QNetworkAccessManager network;
    tb::auth::AuthorityInfo authority;
    authority.tenantId = kTenant;
    authority.deviceAuthorizationEndpoint = server.url(QStringLiteral("/t/oauth2/v2.0/devicecode"));
    authority.tokenEndpoint = server.url(QStringLiteral("/t/oauth2/v2.0/token"));
    DeviceCodeFlow flow(
        network, authority, QStringLiteral("14d82eec-204b-4c2f-b7e8-296a70dab67e"), {QStringLiteral("User.Read")});
    FlowOutcome outcome;
    QObject::connect(&flow, &DeviceCodeFlow::promptReady, [&](const DeviceCodePrompt& prompt) {
        outcome.prompts.append(prompt);
        flow.cancel();
    });
    QObject::connect(&flow, &DeviceCodeFlow::finished,
        [&](const tb::auth::TokenResponse&, const AuthError& error) { outcome.error = error; });
    flow.start();
    REQUIRE(SignalWaiter::waitUntil([&] { return outcome.error.has_value(); }));
    return outcome;
}

StreamingHttpServer::Answer deviceCodeAnswer(qint64 userCodeLength)
{
    StreamingHttpServer::Answer answer;
    answer.prefix = QByteArrayLiteral(R"({"device_code":"dc-1","user_code":")");
    answer.fillBytes = userCodeLength;
    answer.fill = 'B';
    answer.suffix = QByteArrayLiteral(
        R"(","verification_uri":"https://microsoft.com/devicelogin","expires_in":900,"interval":5})");
    return answer;
}

} // namespace

TEST_CASE("A Graph answer above 64 MB is refused as soon as its size is known, unread and not asked for again",
    "[integration][graph][limits]")
{
    StreamingHttpServer server;
    REQUIRE(server.isListening());
    StreamingHttpServer::Answer huge;
    huge.prefix = QByteArrayLiteral(R"({"value":[{"id":")");
    huge.fillBytes = kHundredMegabytes;
    huge.suffix = QByteArrayLiteral(R"("}]})");
    qint64 sentAtMost = 0;
    SECTION("with a Content-Length of 100 MB: refused at the headers")
    {
        server.setAnswer(QStringLiteral("/"), huge);
        sentAtMost = 16LL * 1024 * 1024; // what the server queued before it saw the client go
    }
    SECTION("chunked, its size unknown until the end: refused once 64 MB have arrived")
    {
        huge.chunked = true;
        server.setAnswer(QStringLiteral("/"), huge);
        sentAtMost = GraphCall::kMaxResponseBytes + 16LL * 1024 * 1024;
    }

    const GraphResponse response = fetch(server, GraphRequest::get(QStringLiteral("/users")));
    const GraphError& error = response.error();
    INFO(error.userMessage().toStdString());
    CHECK(error.kind() == GraphError::Kind::ResponseTooLarge);
    CHECK(error.userMessage().contains(QStringLiteral("above the 64 MB TenantBridge reads")));
    CHECK(error.userMessage().contains(QStringLiteral("Check that the Graph address")));
    CHECK(response.json().isEmpty());
    CHECK(response.attempts() == 1);
    CHECK(server.requestPaths().size() == 1);
    // The client hung up: the server did not get to send the 100 MB.
    REQUIRE(SignalWaiter::waitUntil([&] { return server.answersCutShort() == 1; }));
    CHECK(server.bodyBytesSent() < sentAtMost);
}

TEST_CASE("A Graph answer of a few megabytes is read as before", "[integration][graph][limits]")
{
    StreamingHttpServer server;
    StreamingHttpServer::Answer page;
    page.prefix = QByteArrayLiteral(R"({"value":[{"id":")");
    page.fillBytes = 4LL * 1024 * 1024;
    page.suffix = QByteArrayLiteral(R"("}]})");
    server.setAnswer(QStringLiteral("/"), page);
    const GraphResponse response = fetch(server, GraphRequest::get(QStringLiteral("/users")));
    INFO(response.error().userMessage().toStdString());
    CHECK(response.isSuccess());
    CHECK(response.json()
              .value(QStringLiteral("value"))
              .toArray()
              .first()
              .toObject()
              .value(QStringLiteral("id"))
              .toString()
              .size()
        == page.fillBytes);
}

TEST_CASE("A device code answer of a megabyte, or with an overlong user code, stops sign-in before the code is shown",
    "[integration][auth][limits]")
{
    StreamingHttpServer server;
    SECTION("a user code of a million characters: the answer is too large to read")
    {
        server.setAnswer(QStringLiteral("/t/oauth2/v2.0/devicecode"), deviceCodeAnswer(1024 * 1024));
        const FlowOutcome outcome = runFlow(server);
        CHECK(outcome.prompts.isEmpty());
        INFO(outcome.error->userMessage.toStdString());
        CHECK(outcome.error->code == QStringLiteral("answer_too_large"));
        CHECK(outcome.error->userMessage.contains(QStringLiteral("far larger than it ever sends")));
        CHECK(outcome.error->userMessage.contains(QStringLiteral("Check the login host")));
        CHECK(outcome.error->userMessage.size() < 500); // the sentence, not the code
        CHECK(server.requestPaths().size() == 1); // no poll followed
    }
    SECTION("a user code of 300 characters in a small answer: refused by its length")
    {
        server.setAnswer(QStringLiteral("/t/oauth2/v2.0/devicecode"), deviceCodeAnswer(300));
        const FlowOutcome outcome = runFlow(server);
        CHECK(outcome.prompts.isEmpty());
        INFO(outcome.error->userMessage.toStdString());
        CHECK(outcome.error->code == QStringLiteral("malformed_device_code"));
        CHECK(outcome.error->userMessage.contains(QStringLiteral("user code of 300 characters")));
        CHECK(outcome.error->userMessage.contains(QStringLiteral("at most 32")));
        CHECK(server.requestPaths().size() == 1);
    }
    SECTION("Entra's 9-character code is shown as always")
    {
        server.setAnswer(QStringLiteral("/t/oauth2/v2.0/devicecode"), deviceCodeAnswer(9));
        const FlowOutcome outcome = runFlow(server);
        REQUIRE(outcome.prompts.size() == 1);
        CHECK(outcome.prompts.first().userCode == QStringLiteral("BBBBBBBBB"));
        CHECK(outcome.error->kind == AuthError::Kind::Cancelled);
    }
}

TEST_CASE("A discovery document of a megabyte is refused with a sentence naming the login host",
    "[integration][auth][limits]")
{
    StreamingHttpServer server;
    StreamingHttpServer::Answer document;
    document.prefix = QByteArrayLiteral(R"({"issuer":")");
    document.fillBytes = 1024 * 1024;
    document.suffix = QByteArrayLiteral(R"("})");
    server.setAnswer(QStringLiteral("/"), document);
    QNetworkAccessManager network;
    tb::auth::AuthSettings settings;
    settings.loginHost = server.url(QString());
    tb::auth::Authority authority(network, settings, QStringLiteral("contoso.onmicrosoft.com"));
    std::optional<AuthError> error;
    QObject::connect(&authority, &tb::auth::Authority::finished,
        [&](const tb::auth::AuthorityInfo&, const AuthError& failed) { error = failed; });
    authority.start();
    REQUIRE(SignalWaiter::waitUntil([&] { return error.has_value(); }));
    INFO(error->userMessage.toStdString());
    CHECK(error->isError());
    CHECK(error->userMessage.contains(QStringLiteral("far more than the sign-in service sends")));
    CHECK(error->userMessage.contains(QStringLiteral("at most %1 KB").arg(OAuthReply::kMaxBodyBytes / 1024)));
}
