// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/integration/FaultStorm.h"

#include "core/graph/GraphClient.h"
#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "tests/support/GraphWait.h"
#include "tests/support/SandboxFixture.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

#include <algorithm>
#include <iostream>

namespace tb::test {

namespace {

QJsonObject errorRule(const QString& pattern, int status, double rate = 1.0)
{
    return QJsonObject {
        {QStringLiteral("pathPattern"), pattern}, {QStringLiteral("status"), status}, {QStringLiteral("rate"), rate}};
}

QJsonObject pathRules(const QString& kind, const QString& pattern)
{
    return QJsonObject {{kind, QJsonArray {QJsonObject {{QStringLiteral("pathPattern"), pattern}}}}};
}

QString where(const QString& pattern)
{
    return pattern == QLatin1String("*") ? QStringLiteral("every request") : pattern;
}

} // namespace

int FaultStorm::Traffic::writesTo(const QString& method, const QString& pathEnd) const
{
    int count = 0;
    for (auto it = writes.cbegin(); it != writes.cend(); ++it) {
        if (it.key().startsWith(method + QLatin1Char(' ')) && it.key().endsWith(pathEnd)) {
            count += it.value();
        }
    }
    return count;
}

QJsonObject FaultStorm::stormPlan()
{
    return QJsonObject {{QStringLiteral("seed"), kFaultSeed},
        {QStringLiteral("throttle"),
            QJsonObject {{QStringLiteral("limit"), 4}, {QStringLiteral("windowMs"), 500},
                {QStringLiteral("retryAfterSeconds"), 1}}},
        {QStringLiteral("errors"), QJsonArray {errorRule(QStringLiteral("*"), 503, 0.3)}}};
}

FaultStorm::LastingFault FaultStorm::unavailable(const QString& pattern)
{
    return {QStringLiteral("503 on %1").arg(where(pattern)),
        QJsonObject {{QStringLiteral("errors"), QJsonArray {errorRule(pattern, 503)}}}};
}

FaultStorm::LastingFault FaultStorm::serverError(const QString& pattern)
{
    return {QStringLiteral("500 on %1").arg(where(pattern)),
        QJsonObject {{QStringLiteral("errors"), QJsonArray {errorRule(pattern, 500)}}}};
}

FaultStorm::LastingFault FaultStorm::dropped(const QString& pattern)
{
    return {QStringLiteral("answer cut off on %1").arg(where(pattern)), pathRules(QStringLiteral("drops"), pattern)};
}

FaultStorm::LastingFault FaultStorm::malformed(const QString& pattern)
{
    return {QStringLiteral("JSON body cut short on %1").arg(where(pattern)),
        pathRules(QStringLiteral("malformed"), pattern)};
}

FaultStorm::LastingFault FaultStorm::slow()
{
    return {QStringLiteral("every answer after %1 ms, the client waits %2 ms").arg(kSlowAnswerMs).arg(kShortTimeoutMs),
        QJsonObject {{QStringLiteral("latencyMs"), kSlowAnswerMs}}, true};
}

QList<FaultStorm::LastingFault> FaultStorm::everyRequestFaults()
{
    return {unavailable(), dropped(QStringLiteral("*")), malformed(), slow()};
}

FaultStorm::Traffic FaultStorm::trafficSince(SandboxFixture& fixture, qint64 since)
{
    Traffic traffic;
    QHash<QString, QList<SandboxLogEntry>> byCall;
    for (const SandboxLogEntry& entry : fixture.requestLog(since)) {
        traffic.throttled += entry.status == 429 ? 1 : 0;
        traffic.injected += entry.fault == QLatin1String("error") ? 1 : 0;
        // A $batch item is logged with its own relative url; a top-level request with the tenant's prefix.
        if (!entry.target.startsWith(QLatin1Char('/') + entry.tenantId + QLatin1Char('/'))) {
            continue;
        }
        ++traffic.sends;
        byCall[entry.clientRequestId].append(entry);
        if (entry.method != QLatin1String("GET")) {
            traffic.writes[entry.method + QLatin1Char(' ') + entry.path()] += 1;
        }
    }
    traffic.calls = static_cast<int>(byCall.size());
    for (const QList<SandboxLogEntry>& sends : std::as_const(byCall)) {
        traffic.maxSendsPerCall = std::max(traffic.maxSendsPerCall, static_cast<int>(sends.size()));
        for (qsizetype i = 1; i < sends.size(); ++i) {
            const SandboxLogEntry& previous = sends.at(i - 1);
            if (previous.status == 429
                && sends.at(i).receivedAtMs - previous.receivedAtMs < previous.retryAfterSeconds * 1000LL) {
                ++traffic.earlyRetries;
            }
        }
    }
    return traffic;
}

void FaultStorm::checkBounded(const Traffic& storm, int faultFreeCalls, int maxAttempts)
{
    INFO("calls " << storm.calls << " (fault-free " << faultFreeCalls << "), sends " << storm.sends << ", at most "
                  << storm.maxSendsPerCall << " per call");
    CHECK(storm.throttled + storm.injected > 0); // the storm did happen
    CHECK(storm.calls <= faultFreeCalls);
    CHECK(storm.maxSendsPerCall <= maxAttempts);
    CHECK(storm.sends <= faultFreeCalls * maxAttempts);
    CHECK(storm.earlyRetries == 0);
}

void FaultStorm::checkClearMessage(const QString& message)
{
    INFO("message: " << message.toStdString());
    REQUIRE_FALSE(message.trimmed().isEmpty());
    static const QStringList rawQtErrors {QStringLiteral("Connection closed"), QStringLiteral("Remote host closed"),
        QStringLiteral("Operation canceled"), QStringLiteral("Error transferring"),
        QStringLiteral("Socket operation timed out"), QStringLiteral("Error receiving")};
    for (const QString& raw : rawQtErrors) {
        CHECK_FALSE(message.startsWith(raw, Qt::CaseInsensitive));
    }
    static const QStringList whatToDo {QStringLiteral("try again"), QStringLiteral("apply the plan again"),
        QStringLiteral("the next fetch"), QStringLiteral("check your network"), QStringLiteral("run the preview"),
        QStringLiteral("test again"), QStringLiteral("service health")};
    const bool says = std::any_of(whatToDo.cbegin(), whatToDo.cend(),
        [&message](const QString& phrase) { return message.contains(phrase, Qt::CaseInsensitive); });
    CHECK(says);
}

void FaultStorm::report(const std::string& what, const Traffic& traffic, qint64 elapsedMs)
{
    std::cout << "storm: " << what << ": " << traffic.sends << " requests for " << traffic.calls << " calls ("
              << traffic.retries() << " retries, at most " << traffic.maxSendsPerCall << " sends per call), "
              << traffic.throttled << " answered 429, " << traffic.injected << " answered 5xx by the plan, "
              << elapsedMs << " ms\n";
}

QJsonObject FaultStorm::getJson(graph::GraphClient& client, const graph::GraphRequest& request)
{
    const auto response = GraphWait::response(client.send(request));
    REQUIRE(response.has_value());
    INFO(response->error().userMessage().toStdString());
    REQUIRE(response->isSuccess());
    return response->json();
}

QJsonObject FaultStorm::tenantStats(SandboxFixture& fixture, QNetworkAccessManager& network, const QString& tenantId)
{
    QUrl url = fixture.sandboxUrl();
    url.setPath(QStringLiteral("/_sandbox/stats"));
    QPointer<QNetworkReply> reply = network.get(QNetworkRequest(url));
    REQUIRE(SignalWaiter::waitUntil([&] { return reply.isNull() || reply->isFinished(); }));
    REQUIRE_FALSE(reply.isNull());
    const QJsonObject stats = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return stats.value(QStringLiteral("tenants")).toObject().value(tenantId).toObject();
}

int FaultStorm::crossTenant(const QJsonObject& stats, const char* key)
{
    return stats.value(QStringLiteral("crossTenant")).toObject().value(QLatin1String(key)).toInt(-1);
}

} // namespace tb::test
