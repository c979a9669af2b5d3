// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// A real `kill -9` of tenantbridge-cli apply at each step in turn, after the tenant changed but before the client
// heard (the sandbox holds that answer back), then apply again: it resumes from the journal and the pair ends
// with exactly one partner each side, one configuration and one job.
#include "core/sandbox/FaultPlan.h"
#include "core/store/Database.h"
#include "core/store/Journal.h"
#include "tests/integration/cli/CliSession.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>

using tb::test::CliRun;
using tb::test::CliSession;
using tb::test::parseJson;
using tb::test::SignalWaiter;

namespace {

const QString kContosoId = QStringLiteral("6f1c2a3e-0c5b-4d2a-9a41-1c0a7e5b2c01");
const QString kFabrikamId = QStringLiteral("8b3e4d5f-2d6c-4e3b-8b52-2d1b8f6c3d02");
// Far longer than the test waits: the client is killed while the answer is held.
constexpr int kHoldMs = 120000;

// The write of one plan step, as the sandbox sees it. Both partner POSTs have the same path (the tenant is in the
// token), so the source's is the second one: `skip` earlier matches pass with a token hold of 1 ms.
struct StepWrite
{
    const char* stepId;
    const char* method;
    QString pathPattern;
    int skip = 0;
};

QList<StepWrite> stepWrites()
{
    const QString partners = QStringLiteral("*/policies/crossTenantAccessPolicy/partners");
    return {
        {"target.partner", "POST", partners, 0},
        {"target.userSync", "PUT",
            partners + QLatin1Char('/') + kContosoId + QStringLiteral("/identitySynchronization")},
        {"target.inboundAutoRedeem", "PATCH", partners + QLatin1Char('/') + kContosoId},
        {"source.partner", "POST", partners, 1},
        {"source.outboundAutoRedeem", "PATCH", partners + QLatin1Char('/') + kFabrikamId},
        {"source.configuration", "POST", QStringLiteral("*/applicationTemplates/*/instantiate")},
        {"source.validateCredentials", "POST", QStringLiteral("*/synchronization/jobs/validateCredentials")},
        {"source.job", "POST", QStringLiteral("*/synchronization/jobs")},
        {"source.secrets", "PUT", QStringLiteral("*/synchronization/secrets")},
    };
}

QJsonObject holdPlan(const StepWrite& write)
{
    QJsonArray holds;
    const auto hold = [&write](int ms) {
        return QJsonObject {{QStringLiteral("pathPattern"), write.pathPattern},
            {QStringLiteral("method"), QString::fromLatin1(write.method)}, {QStringLiteral("ms"), ms},
            {QStringLiteral("count"), 1}};
    };
    for (int i = 0; i < write.skip; ++i) {
        holds.append(hold(1));
    }
    holds.append(hold(kHoldMs));
    return QJsonObject {{QStringLiteral("holds"), holds}};
}

bool holdFired(tbsandbox::SandboxServer& server)
{
    const QJsonArray holds = server.faultPlan().toJson().value(QLatin1String("holds")).toArray();
    return !holds.isEmpty() && holds.last().toObject().value(QLatin1String("count")).toInt() == 0;
}

int countRequests(CliSession& cli, const QString& method, const QString& pathGlob)
{
    const QRegularExpression path = tbsandbox::FaultPlan::globToRegularExpression(pathGlob);
    int count = 0;
    for (const QJsonValue& value :
        cli.control(QStringLiteral("/_sandbox/requests?since=0")).value(QLatin1String("requests")).toArray()) {
        const QJsonObject entry = value.toObject();
        const QString target = entry.value(QLatin1String("target")).toString().section(QLatin1Char('?'), 0, 0);
        count += entry.value(QLatin1String("method")).toString() == method && path.match(target).hasMatch() ? 1 : 0;
    }
    return count;
}

void killAndResumeAt(int stepIndex)
{
    const StepWrite write = stepWrites().at(stepIndex);
    INFO("killed at " << write.stepId);
    CliSession cli;
    cli.loginBoth();
    const int targetPartnersBefore = cli.crossTenantCounts(kFabrikamId).value(QLatin1String("partners")).toInt();

    QString problem;
    REQUIRE(cli.server->faultPlan().load(holdPlan(write), &problem));
    QProcess apply;
    apply.setProcessEnvironment(cli.environment());
    apply.start(CliSession::program(), cli.fullArguments({QStringLiteral("apply"), QStringLiteral("--yes")}));
    REQUIRE(apply.waitForStarted());
    // The sandbox has handled the step's request (the tenant changed) and holds the answer back.
    REQUIRE(SignalWaiter::waitUntil(
        [&] { return holdFired(*cli.server) || apply.state() == QProcess::NotRunning; }, 60000));
    INFO("first run's stdout: " << QString::fromUtf8(apply.readAllStandardOutput()).toStdString());
    REQUIRE(holdFired(*cli.server));
    REQUIRE(apply.state() == QProcess::Running);
    apply.kill(); // SIGKILL on Unix: no handler, no clean-up, the journal left as it was
    REQUIRE(SignalWaiter::waitUntil([&] { return apply.state() == QProcess::NotRunning; }, 10000));
    CHECK(apply.exitStatus() == QProcess::CrashExit);
    cli.server->faultPlan().clear();

    const CliRun again = cli.run({QStringLiteral("--json"), QStringLiteral("apply"), QStringLiteral("--yes")});
    REQUIRE(again.exitCode == 0);
    CHECK(again.err.contains(QStringLiteral("resuming it first")));
    const QJsonObject result = parseJson(again.out);
    const QString runId = result.value(QLatin1String("resumedRunId")).toString();
    REQUIRE_FALSE(runId.isEmpty());

    // Exactly one of everything, each created once.
    const QJsonObject source = cli.crossTenantCounts(kContosoId);
    const QJsonObject target = cli.crossTenantCounts(kFabrikamId);
    CHECK(target.value(QLatin1String("partners")).toInt() == targetPartnersBefore + 1);
    CHECK(source.value(QLatin1String("partners")).toInt() == 1);
    CHECK(source.value(QLatin1String("applications")).toInt() == 1);
    CHECK(source.value(QLatin1String("servicePrincipals")).toInt() == 1);
    CHECK(source.value(QLatin1String("synchronizationJobs")).toInt() == 1);
    CHECK(countRequests(cli, QStringLiteral("POST"), QStringLiteral("*/applicationTemplates/*/instantiate")) == 1);
    CHECK(countRequests(cli, QStringLiteral("POST"), QStringLiteral("*/synchronization/jobs")) == 1);
    // Whatever step the kill hit, the job ends with its credentials saved and tested.
    CHECK(countRequests(cli, QStringLiteral("PUT"), QStringLiteral("*/synchronization/secrets")) >= 1);
    CHECK(
        countRequests(cli, QStringLiteral("POST"), QStringLiteral("*/synchronization/jobs/validateCredentials")) >= 1);

    // The journal has the run with every step done, and its end.
    const QString databasePath = cli.databasePath();
    REQUIRE_FALSE(databasePath.isEmpty());
    tb::store::Database database(databasePath);
    REQUIRE_FALSE(database.open().has_value());
    tb::store::Journal journal(database);
    const auto rows = journal.entries(runId);
    REQUIRE(std::holds_alternative<QList<tb::store::JournalEntry>>(rows));
    const QList<tb::store::JournalEntry>& entries = std::get<QList<tb::store::JournalEntry>>(rows);
    const auto lastPhase = [&entries](const QString& stepKey) -> std::optional<tb::store::JournalEntry::Phase> {
        for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
            if (it->stepKey == stepKey) {
                return it->phase;
            }
        }
        return std::nullopt;
    };
    for (const StepWrite& step : stepWrites()) {
        INFO("journal step " << step.stepId);
        CHECK(lastPhase(QString::fromLatin1(step.stepId)) == tb::store::JournalEntry::Phase::Done);
    }
    CHECK(lastPhase(QStringLiteral("run")) == tb::store::JournalEntry::Phase::Done);
    const auto interrupted = journal.interruptedRuns();
    REQUIRE(std::holds_alternative<QStringList>(interrupted));
    CHECK_FALSE(std::get<QStringList>(interrupted).contains(runId));

    // And a third apply finds nothing to do.
    const CliRun third = cli.run({QStringLiteral("apply"), QStringLiteral("--yes")});
    CHECK(third.exitCode == 0);
    CHECK(third.out.contains(QStringLiteral("Nothing to do")));
}

} // namespace

TEST_CASE("cli apply killed at target.partner resumes to one of everything", "[integration][cli][kill]")
{
    killAndResumeAt(0);
}

TEST_CASE("cli apply killed at target.userSync resumes to one of everything", "[integration][cli][kill]")
{
    killAndResumeAt(1);
}

TEST_CASE("cli apply killed at target.inboundAutoRedeem resumes to one of everything", "[integration][cli][kill]")
{
    killAndResumeAt(2);
}

TEST_CASE("cli apply killed at source.partner resumes to one of everything", "[integration][cli][kill]")
{
    killAndResumeAt(3);
}

TEST_CASE("cli apply killed at source.outboundAutoRedeem resumes to one of everything", "[integration][cli][kill]")
{
    killAndResumeAt(4);
}

TEST_CASE("cli apply killed at source.configuration resumes to one of everything", "[integration][cli][kill]")
{
    killAndResumeAt(5);
}

TEST_CASE("cli apply killed at source.validateCredentials resumes to one of everything", "[integration][cli][kill]")
{
    killAndResumeAt(6);
}

TEST_CASE("cli apply killed at source.job resumes to one of everything", "[integration][cli][kill]")
{
    killAndResumeAt(7);
}

TEST_CASE("cli apply killed at source.secrets resumes to one of everything", "[integration][cli][kill]")
{
    killAndResumeAt(8);
}
