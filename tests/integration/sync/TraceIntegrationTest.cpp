// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// sync::Trace against the sandbox's CTS engine on a configured Contoso -> Fabrikam pair: the first blocker of an
// unassigned user, of an assigned user while the job is paused, of a user a scoping clause excludes, of a user whose
// export failed in a cycle; nothing blocks a synced user; a user the source does not have. Only GETs are sent.
#include "core/graph/GraphResponse.h"
#include "core/graph/endpoints/SynchronizationSchemaEndpoints.h"
#include "core/model/SynchronizationSchema.h"
#include "core/sync/Trace.h"
#include "core/sync/TraceResult.h"
#include "tests/support/ConfiguredPair.h"
#include "tests/support/GraphWait.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QSignalSpy>

using tb::model::SynchronizationSchema;
using tb::sync::Trace;
using tb::sync::TraceResult;
using tb::test::ConfiguredPair;
using tb::test::GraphWait;
using tb::test::SignalWaiter;

namespace {

const QString kAdele = QStringLiteral("adele.vance@contoso.onmicrosoft.com");
const QString kMegan = QStringLiteral("megan.bowen@contoso.onmicrosoft.com"); // never assigned
const QString kZainab = QStringLiteral("zainab.okafor@contoso.onmicrosoft.com"); // department Legal

struct Run
{
    TraceResult result;
    QString failure;
};

Run trace(const ConfiguredPair& pair, const QString& user)
{
    Trace trace(*pair.sourceClient, *pair.targetClient);
    QSignalSpy finished(&trace, &Trace::finished);
    QSignalSpy failed(&trace, &Trace::failed);
    const Trace::Target target {pair.servicePrincipalId, pair.jobId, QStringLiteral("Contoso to Fabrikam"),
        QStringLiteral("Contoso"), QStringLiteral("Fabrikam")};
    REQUIRE(trace.start(target, user));
    CHECK_FALSE(trace.start(target, user)); // one run at a time
    REQUIRE(SignalWaiter::waitUntil([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 30000));
    Run run;
    if (!failed.isEmpty()) {
        run.failure = failed.first().first().toString();
        return run;
    }
    run.result = finished.first().first().value<TraceResult>();
    CHECK_FALSE(trace.isRunning());
    return run;
}

std::string describe(const Run& run)
{
    QStringList lines {run.failure};
    for (const TraceResult::Step& step : run.result.steps) {
        lines.append(
            TraceResult::stateName(step.state) + QLatin1Char(' ') + step.check + QStringLiteral(": ") + step.detail);
    }
    lines.append(QStringLiteral("=> ") + run.result.conclusion);
    return lines.join(QLatin1Char('\n')).toStdString();
}

QString blockerCheck(const Run& run)
{
    const TraceResult::Step* step = run.result.blockingStep();
    return step ? step->check : QString();
}

} // namespace

TEST_CASE("Trace names the first thing that stops a user, reading only", "[integration][sync][trace]")
{
    ConfiguredPair pair(ConfiguredPair::onDemandCycles());
    pair.assign(pair.sourceUserId(kAdele));
    const qint64 before = pair.fixture.lastSeq();

    // Megan: never assigned (the job is paused as well, but assignment comes first).
    const Run megan = trace(pair, kMegan);
    INFO(describe(megan));
    REQUIRE(megan.failure.isEmpty());
    CHECK(blockerCheck(megan) == QStringLiteral("Assignment"));
    CHECK(megan.result.fix().contains(QStringLiteral("nested groups do not count")));
    CHECK(megan.result.userPrincipalName == kMegan);

    // Adele: assigned, but the job of a fresh configuration is paused and never ran.
    const Run adele = trace(pair, kAdele);
    INFO(describe(adele));
    REQUIRE(adele.failure.isEmpty());
    CHECK(blockerCheck(adele) == QStringLiteral("Job"));
    CHECK(adele.result.blockingStep()->detail.contains(QStringLiteral("paused")));
    CHECK(adele.result.fix().startsWith(QStringLiteral("Start the job")));

    // Someone the source does not have: an answer, not a failure.
    const Run nobody = trace(pair, QStringLiteral("nobody@contoso.onmicrosoft.com"));
    INFO(describe(nobody));
    REQUIRE(nobody.failure.isEmpty());
    CHECK(blockerCheck(nobody) == QStringLiteral("Source user"));

    // Nothing was written.
    QStringList writes;
    for (const tb::test::SandboxLogEntry& entry : pair.fixture.requestLog(before)) {
        if (entry.method != QStringLiteral("GET")) {
            writes.append(entry.method + QLatin1Char(' ') + entry.path());
        }
    }
    INFO(writes.join(QLatin1Char('\n')).toStdString());
    CHECK(writes.isEmpty());

    // After a cycle Adele is synced: nothing blocks, and the last export is named.
    pair.startJob();
    REQUIRE(pair.fixture.runSyncCycle() == 1);
    const Run synced = trace(pair, kAdele);
    INFO(describe(synced));
    REQUIRE(synced.failure.isEmpty());
    CHECK_FALSE(synced.result.isBlocked());
    CHECK(synced.result.conclusion.contains(QStringLiteral("in scope and synced to Fabrikam: last exported")));
    REQUIRE_FALSE(synced.result.logs.isEmpty());
    CHECK(synced.result.logs.first().status == QStringLiteral("success"));
}

TEST_CASE(
    "Trace names a scoping clause with the user's value, and explains a failed export", "[integration][sync][trace]")
{
    ConfiguredPair pair(ConfiguredPair::onDemandCycles());
    pair.assign(pair.sourceUserId(kZainab));

    const tb::graph::SynchronizationSchemaEndpoints schemas(*pair.sourceClient);
    const auto read = GraphWait::response(schemas.getSchema(pair.servicePrincipalId, pair.jobId));
    REQUIRE(read.has_value());
    std::optional<SynchronizationSchema> schema = tb::graph::SynchronizationSchemaEndpoints::parseSchema(*read);
    REQUIRE(schema.has_value());
    QList<SynchronizationSchema::ScopingGroup> groups = schema->userMapping()->scopeGroups;
    SynchronizationSchema::ScopingGroup sales;
    sales.name = QStringLiteral("Sales only");
    SynchronizationSchema::ScopingClause clause;
    clause.operatorName = QStringLiteral("EQUALS");
    clause.sourceOperandName = QStringLiteral("department");
    clause.values = {QStringLiteral("Sales")};
    sales.clauses.append(clause);
    groups.append(sales);
    REQUIRE(schema->setScopeGroups(schema->userRuleId(), schema->userMapping()->name, groups));
    const auto put = GraphWait::response(schemas.putSchema(pair.servicePrincipalId, pair.jobId, *schema));
    REQUIRE(put.has_value());
    REQUIRE(put->isSuccess());

    const Run zainab = trace(pair, kZainab);
    INFO(describe(zainab));
    REQUIRE(zainab.failure.isEmpty());
    CHECK(blockerCheck(zainab) == QStringLiteral("Scoping filter"));
    CHECK(zainab.result.blockingStep()->detail
        == QStringLiteral("the clause Sales only.department EQUALS 'Sales' is false for %1, whose department is "
                          "'Legal'.")
               .arg(kZainab));

    // Adele (department Sales, in scope) fails her export in a cycle: the latest record's code, explained.
    pair.assign(pair.sourceUserId(kAdele));
    REQUIRE(pair.fixture.injectUserErrors({kAdele}, QStringLiteral("AzureActiveDirectoryForbidden")));
    pair.startJob();
    REQUIRE(pair.fixture.runSyncCycle() == 1);
    const Run adele = trace(pair, kAdele);
    INFO(describe(adele));
    REQUIRE(adele.failure.isEmpty());
    REQUIRE(adele.result.isBlocked());
    CHECK(blockerCheck(adele) == QStringLiteral("Provisioning logs"));
    CHECK(adele.result.blockingStep()->detail.contains(QStringLiteral("failed with AzureActiveDirectoryForbidden")));
    CHECK(adele.result.blockingStep()->detail.contains(QStringLiteral("guest invite setting")));
    CHECK(adele.result.fix() == QStringLiteral("Loosen the external collaboration settings in the target tenant."));
    REQUIRE_FALSE(adele.result.logs.isEmpty());
    CHECK(adele.result.logs.first().code == QStringLiteral("AzureActiveDirectoryForbidden"));
}
