// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/BatchAnswer.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>

using tb::graph::BatchAnswer;
using tb::graph::GraphError;
using tb::graph::GraphResponse;

namespace {

QJsonObject json(const char* text)
{
    return QJsonDocument::fromJson(text).object();
}

GraphResponse outerBatch()
{
    GraphResponse outer;
    outer.setHttpStatus(200);
    outer.setRequestId(QStringLiteral("batch-request"));
    outer.setClientRequestId(QStringLiteral("client-request"));
    return outer;
}

const QDateTime kNow(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC);

} // namespace

TEST_CASE("BatchAnswer finds each answer by its id, ignoring case", "[graph]")
{
    const auto answers = BatchAnswer::answersById(json(R"({"responses":[{"id":"2","status":204},
        {"id":"A1","status":200},{"status":500},"not an object"]})"));
    CHECK(answers.value(QStringLiteral("2")).value(QStringLiteral("status")).toInt() == 204);
    CHECK(answers.value(QStringLiteral("a1")).value(QStringLiteral("status")).toInt() == 200);
    CHECK_FALSE(answers.contains(QStringLiteral("A1")));
    CHECK(BatchAnswer::answersById(json(R"({"value":[]})")).isEmpty());
}

TEST_CASE("BatchAnswer turns an item's answer into the response its caller gets", "[graph]")
{
    const GraphResponse created = BatchAnswer::itemResponse(json(R"({"id":"1","status":201,
        "headers":{"Content-Type":"application/json","Request-Id":"inner-1"},"body":{"tenantId":"t"}})"),
        QStringLiteral("1"), outerBatch(), 2, kNow);
    CHECK(created.isSuccess());
    CHECK(created.httpStatus() == 201);
    CHECK(created.json().value(QStringLiteral("tenantId")).toString() == QStringLiteral("t"));
    CHECK(created.header("content-type") == "application/json");
    CHECK(created.requestId() == QStringLiteral("inner-1"));
    CHECK(created.clientRequestId() == QStringLiteral("client-request"));
    CHECK(created.attempts() == 2);

    const GraphResponse throttled = BatchAnswer::itemResponse(json(R"({"id":"2","status":429,
        "headers":{"Retry-After":"5"},"body":{"error":{"code":"TooManyRequests","message":"slow down"}}})"),
        QStringLiteral("2"), outerBatch(), 1, kNow);
    CHECK_FALSE(throttled.isSuccess());
    CHECK(throttled.error().kind() == GraphError::Kind::Throttled);
    CHECK(throttled.error().code() == QStringLiteral("TooManyRequests"));
    CHECK(throttled.error().retryAfterMs() == 5000);
    CHECK(throttled.error().requestId() == QStringLiteral("batch-request"));

    const GraphResponse noStatus
        = BatchAnswer::itemResponse(json(R"({"id":"3","body":"text"})"), QStringLiteral("3"), outerBatch(), 1, kNow);
    CHECK(noStatus.error().kind() == GraphError::Kind::MalformedResponse);
    CHECK(noStatus.error().message().contains(QStringLiteral("item 3")));
    CHECK(noStatus.rawBody() == "text");
}
