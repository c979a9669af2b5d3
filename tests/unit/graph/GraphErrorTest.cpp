// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/GraphError.h"

#include <catch2/catch.hpp>

using tb::graph::GraphError;

TEST_CASE("GraphError reads Graph's error body with innerError", "[graph][error]")
{
    const QByteArray body = R"({"error":{"code":"Request_ResourceNotFound","message":"Resource 'x' does not exist.",
        "innerError":{"date":"2025-01-10T10:17:05","request-id":"93b6f17e-1","client-request-id":"e70c5c1b-2"}}})";
    const GraphError error = GraphError::fromHttp(404, body);
    CHECK(error.kind() == GraphError::Kind::NotFound);
    CHECK(error.httpStatus() == 404);
    CHECK(error.code() == QStringLiteral("Request_ResourceNotFound"));
    CHECK(error.message() == QStringLiteral("Resource 'x' does not exist."));
    CHECK(error.requestId() == QStringLiteral("93b6f17e-1"));
    CHECK(error.clientRequestId() == QStringLiteral("e70c5c1b-2"));
    CHECK(error.date() == QStringLiteral("2025-01-10T10:17:05"));
    CHECK(error.userMessage().contains(QStringLiteral("93b6f17e-1")));
}

TEST_CASE("GraphError follows nested innerError objects and reads details", "[graph][error]")
{
    const QByteArray body = R"({"error":{"code":"Request_MultipleObjectsWithSameKeyValue","message":"Conflict",
        "details":[{"code":"ConflictingObjects","message":"two"}],
        "innererror":{"request-id":"r1","innerError":{"code":"ObjectConflict","innerError":{"code":"Deepest"}}}}})";
    const GraphError error = GraphError::fromHttp(409, body);
    CHECK(error.kind() == GraphError::Kind::Http);
    CHECK(error.requestId() == QStringLiteral("r1"));
    CHECK(error.innerCode() == QStringLiteral("Deepest"));
    REQUIRE(error.details().size() == 1);
    CHECK(error.details().first().code == QStringLiteral("ConflictingObjects"));
}

TEST_CASE("GraphError maps statuses to kinds", "[graph][error]")
{
    CHECK(GraphError::kindForStatus(401) == GraphError::Kind::Auth);
    CHECK(GraphError::kindForStatus(403) == GraphError::Kind::AccessDenied);
    CHECK(GraphError::kindForStatus(404) == GraphError::Kind::NotFound);
    CHECK(GraphError::kindForStatus(424) == GraphError::Kind::FailedDependency);
    CHECK(GraphError::kindForStatus(429) == GraphError::Kind::Throttled);
    CHECK(GraphError::kindForStatus(500) == GraphError::Kind::Http);
    CHECK(GraphError::kindForStatus(200) == GraphError::Kind::None);
}

TEST_CASE("GraphError keeps a short excerpt of a body that is not JSON", "[graph][error]")
{
    const QByteArray html = "<html><body>Bad gateway " + QByteArray(1000, 'x') + "</body></html>";
    const GraphError error = GraphError::fromHttp(502, html);
    CHECK(error.kind() == GraphError::Kind::Http);
    CHECK(error.code().isEmpty());
    CHECK(error.message().startsWith(QStringLiteral("<html>")));
    CHECK(error.message().size() <= 200);
    CHECK(error.userMessage().contains(QStringLiteral("502")));
}

TEST_CASE("GraphError copes with an empty, cut-off or oddly shaped body", "[graph][error]")
{
    const GraphError empty = GraphError::fromHttp(503, QByteArray());
    CHECK(empty.kind() == GraphError::Kind::Http);
    CHECK(empty.message().isEmpty());
    CHECK_FALSE(empty.userMessage().isEmpty());

    const GraphError cut = GraphError::fromHttp(400, QByteArray(R"({"error":{"code":"Request_Bad)"));
    CHECK(cut.code().isEmpty());
    CHECK(cut.kind() == GraphError::Kind::Http);

    const GraphError odd = GraphError::fromHttp(400, QByteArray(R"({"error":"just a string","x":[1,2]})"));
    CHECK(odd.code().isEmpty());
    const GraphError wrongTypes = GraphError::fromHttp(400, QByteArray(R"({"error":{"code":5,"innerError":[1]}})"));
    CHECK(wrongTypes.code().isEmpty());
    CHECK(wrongTypes.requestId().isEmpty());
}

TEST_CASE("GraphError says what to do in its user message", "[graph][error]")
{
    const GraphError auth = GraphError::fromHttp(401, QByteArray(R"({"error":{"code":"InvalidAuthenticationToken",
        "message":"Access token is empty."}})"));
    CHECK(auth.userMessage().contains(QStringLiteral("Sign in")));
    CHECK(auth.userMessage().contains(QStringLiteral("InvalidAuthenticationToken")));
    GraphError throttled = GraphError::fromHttp(429, QByteArray());
    throttled.setRetryAfterMs(2500);
    CHECK(throttled.userMessage().contains(QStringLiteral("3 seconds")));
    const GraphError insecure(GraphError::Kind::InsecureUrl, QStringLiteral("the address is not https."));
    CHECK(insecure.userMessage().contains(QStringLiteral("https")));
    CHECK(GraphError().userMessage().isEmpty());
    CHECK_FALSE(GraphError().isError());
}

TEST_CASE("GraphError never repeats a token that ended up in a message", "[graph][error]")
{
    const GraphError error
        = GraphError::fromHttp(400, QByteArray(R"({"error":{"code":"x","message":"bad header Bearer abc.def.ghi"}})"));
    CHECK_FALSE(error.userMessage().contains(QStringLiteral("abc.def.ghi")));
    CHECK_FALSE(error.toLogString().contains(QStringLiteral("abc.def.ghi")));
}
