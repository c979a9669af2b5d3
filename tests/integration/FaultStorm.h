// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <string>

class QNetworkAccessManager;

namespace tb::graph {
class GraphClient;
class GraphRequest;
} // namespace tb::graph

namespace tb::test {

class SandboxFixture;

// What the whole-flow fault tests (FaultStormIntegrationTest, FaultStormSyncIntegrationTest) share: the sandbox fault
// plans of issue 9, the reading of the sandbox's request log into calls, sends and retries, and the checks every
// flow must pass (retries bounded, a message a person can act on). The checks use Catch2, so call them inside a test
// case; test thread only.
class FaultStorm final
{
public:
    FaultStorm() = delete;

    static constexpr int kFaultSeed = 9;
    static constexpr int kSlowAnswerMs = 1500; // the sandbox's latency in the "slow" fault
    static constexpr int kShortTimeoutMs = 300; // the client's timeout in the "slow" fault: well below the latency
    static constexpr int kNormalTimeoutMs = 30000; // what SandboxFixture's clients wait

    // A fault that does not go away by itself.
    struct LastingFault
    {
        QString name;
        QJsonObject plan;
        bool slow = false; // the flow must run on clients with kShortTimeoutMs
    };

    // What the sandbox's request log says about the Graph traffic after a seq.
    struct Traffic
    {
        int calls = 0; // distinct client-request-ids of top-level requests: one per GraphCall
        int sends = 0; // top-level requests, retries included
        int maxSendsPerCall = 0;
        int throttled = 0; // 429 answers, top-level or $batch item
        int injected = 0; // 5xx answers of the fault plan
        int earlyRetries = 0; // a send of a call sooner after a 429 than its Retry-After
        QHash<QString, int> writes; // "POST /path" -> top-level sends, for "sent only once"

        [[nodiscard]] int retries() const { return sends - calls; }
        // Top-level sends with this method whose path ends so.
        [[nodiscard]] int writesTo(const QString& method, const QString& pathEnd) const;
    };

    // The storm: per tenant 4 requests per 500 ms and 429 with Retry-After 1 s beyond; 30 % of what gets through
    // answers 503. Drawn with kFaultSeed.
    [[nodiscard]] static QJsonObject stormPlan();
    // Lasting faults on every request whose path matches the glob.
    [[nodiscard]] static LastingFault unavailable(const QString& pattern = QStringLiteral("*")); // 503
    [[nodiscard]] static LastingFault serverError(const QString& pattern = QStringLiteral("*")); // 500
    [[nodiscard]] static LastingFault dropped(const QString& pattern); // the answer cut off mid-way
    [[nodiscard]] static LastingFault malformed(const QString& pattern = QStringLiteral("*")); // a 200 body cut short
    // Every answer kSlowAnswerMs late; the flow's clients wait kShortTimeoutMs.
    [[nodiscard]] static LastingFault slow();
    // The four every flow meets on all its requests: 503, answers cut off, bodies cut short, slow. A test makes one
    // SECTION per fault (named by the fault) from this list.
    [[nodiscard]] static QList<LastingFault> everyRequestFaults();

    [[nodiscard]] static Traffic trafficSince(SandboxFixture& fixture, qint64 since);
    // The retries are bounded: the storm happened, no call more than the fault-free run made, each sent at most
    // maxAttempts times, and a throttled call never again before its Retry-After.
    static void checkBounded(const Traffic& storm, int faultFreeCalls, int maxAttempts);
    // A sentence a person can act on: not empty, not the transport's words alone, and saying what to do next.
    static void checkClearMessage(const QString& message);
    // One line on stdout for the report of issue 9: "storm: <what>: N requests for M calls ...".
    static void report(const std::string& what, const Traffic& traffic, qint64 elapsedMs);

    // A GET that must succeed.
    [[nodiscard]] static QJsonObject getJson(graph::GraphClient& client, const graph::GraphRequest& request);
    // GET /_sandbox/stats: one tenant's entry ("users", "crossTenant": {...}).
    [[nodiscard]] static QJsonObject tenantStats(
        SandboxFixture& fixture, QNetworkAccessManager& network, const QString& tenantId);
    // One of the tenant's "crossTenant" counts (partners, identitySynchronizations, applications,
    // servicePrincipals, synchronizationJobs); -1 when missing.
    [[nodiscard]] static int crossTenant(const QJsonObject& stats, const char* key);
};

} // namespace tb::test
