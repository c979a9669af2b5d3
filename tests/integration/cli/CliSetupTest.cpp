// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// tenantbridge-cli status, preflight, plan and apply as a user would run them, against a sandbox on 127.0.0.1.
#include "tests/integration/cli/CliSession.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

using tb::test::CliRun;
using tb::test::CliSession;
using tb::test::parseJson;

namespace {

const QString kContosoId = QStringLiteral("6f1c2a3e-0c5b-4d2a-9a41-1c0a7e5b2c01");
const QString kFabrikamId = QStringLiteral("8b3e4d5f-2d6c-4e3b-8b52-2d1b8f6c3d02");

const QStringList kStepOrder {QStringLiteral("target.partner"), QStringLiteral("target.userSync"),
    QStringLiteral("target.inboundAutoRedeem"), QStringLiteral("source.partner"),
    QStringLiteral("source.outboundAutoRedeem"), QStringLiteral("source.configuration"),
    QStringLiteral("source.validateCredentials"), QStringLiteral("source.job"), QStringLiteral("source.secrets")};

int writesOf(CliSession& cli, const QString& tenantId)
{
    return cli.control(QStringLiteral("/_sandbox/stats"))
        .value(QLatin1String("tenants"))
        .toObject()
        .value(tenantId)
        .toObject()
        .value(QLatin1String("writes"))
        .toInt(-1);
}

} // namespace

TEST_CASE("cli status, plan and apply take an unconfigured pair to a working configuration, and a second apply "
          "changes nothing",
    "[integration][cli][setup]")
{
    CliSession cli;
    cli.loginBoth();
    const QJsonObject partnersBefore = cli.crossTenantCounts(kFabrikamId);

    const CliRun before = cli.run({QStringLiteral("--json"), QStringLiteral("status")});
    REQUIRE(before.exitCode == 0);
    const QJsonObject beforeJson = parseJson(before.out);
    CHECK(beforeJson.value(QLatin1String("source")).toObject().value(QLatin1String("id")).toString() == kContosoId);
    CHECK(beforeJson.value(QLatin1String("target")).toObject().value(QLatin1String("id")).toString() == kFabrikamId);
    CHECK_FALSE(
        beforeJson.value(QLatin1String("targetSide")).toObject().value(QLatin1String("partnerExists")).toBool());
    CHECK(beforeJson.value(QLatin1String("configuration")).isNull());
    CHECK(beforeJson.value(QLatin1String("desired")).isObject());
    const QJsonObject planSummary = beforeJson.value(QLatin1String("plan")).toObject();
    CHECK(planSummary.value(QLatin1String("pendingSteps")).toArray().size() == kStepOrder.size());
    CHECK_FALSE(planSummary.value(QLatin1String("nothingToDo")).toBool());

    const CliRun table = cli.run({QStringLiteral("status")});
    REQUIRE(table.exitCode == 0);
    CHECK(table.out.contains(QStringLiteral("Allow users sync into this tenant")));
    CHECK(table.out.contains(QStringLiteral("Configuration \"Contoso to Fabrikam\": none")));

    const CliRun plan = cli.run({QStringLiteral("--json"), QStringLiteral("plan")});
    REQUIRE(plan.exitCode == 0);
    QStringList stepIds;
    for (const QJsonValue& step : parseJson(plan.out).value(QLatin1String("steps")).toArray()) {
        stepIds.append(step.toObject().value(QLatin1String("id")).toString());
        CHECK_FALSE(step.toObject().value(QLatin1String("satisfied")).toBool());
    }
    CHECK(stepIds == kStepOrder);

    const CliRun requests = cli.run({QStringLiteral("plan"), QStringLiteral("--show-requests")});
    REQUIRE(requests.exitCode == 0);
    CHECK(requests.out.contains(QStringLiteral("POST /v1.0/policies/crossTenantAccessPolicy/partners")));
    CHECK(requests.out.contains(QStringLiteral("{\"userSyncInbound\":{\"isSyncAllowed\":true}}")));

    // Nothing in the plan run, nor in status, wrote anything.
    CHECK(cli.crossTenantCounts(kFabrikamId) == partnersBefore);

    const CliRun apply = cli.run({QStringLiteral("apply"), QStringLiteral("--yes")});
    REQUIRE(apply.exitCode == 0);
    CHECK(apply.out.contains(QStringLiteral("[9/9] source.secrets")));
    CHECK(apply.out.contains(QStringLiteral("Applied 9 change(s) to Contoso and Fabrikam")));
    const QJsonObject target = cli.crossTenantCounts(kFabrikamId);
    const QJsonObject source = cli.crossTenantCounts(kContosoId);
    CHECK(
        target.value(QLatin1String("partners")).toInt() == partnersBefore.value(QLatin1String("partners")).toInt() + 1);
    CHECK(source.value(QLatin1String("partners")).toInt() == 1);
    CHECK(source.value(QLatin1String("servicePrincipals")).toInt() == 1);
    CHECK(source.value(QLatin1String("synchronizationJobs")).toInt() == 1);

    // Again: nothing to do, and not one write reaches either tenant.
    const int sourceWrites = writesOf(cli, kContosoId);
    const int targetWrites = writesOf(cli, kFabrikamId);
    const CliRun again = cli.run({QStringLiteral("apply"), QStringLiteral("--yes")});
    CHECK(again.exitCode == 0);
    CHECK(again.out.contains(QStringLiteral("Nothing to do")));
    CHECK(writesOf(cli, kContosoId) == sourceWrites);
    CHECK(writesOf(cli, kFabrikamId) == targetWrites);
    const CliRun againJson = cli.run({QStringLiteral("--json"), QStringLiteral("apply"), QStringLiteral("--yes")});
    CHECK(againJson.exitCode == 0);
    CHECK(parseJson(againJson.out).value(QLatin1String("outcome")).toString() == QStringLiteral("nothingToDo"));

    const QJsonObject after = parseJson(cli.run({QStringLiteral("--json"), QStringLiteral("status")}).out);
    const QJsonObject targetSide = after.value(QLatin1String("targetSide")).toObject();
    CHECK(targetSide.value(QLatin1String("partnerExists")).toBool());
    CHECK(targetSide.value(QLatin1String("userSyncInboundAllowed")).toBool());
    CHECK(targetSide.value(QLatin1String("inboundAutoRedeem")).toBool());
    CHECK(after.value(QLatin1String("sourceSide")).toObject().value(QLatin1String("outboundAutoRedeem")).toBool());
    const QJsonObject configuration = after.value(QLatin1String("configuration")).toObject();
    CHECK(configuration.value(QLatin1String("displayName")).toString() == QStringLiteral("Contoso to Fabrikam"));
    CHECK_FALSE(configuration.value(QLatin1String("jobId")).toString().isEmpty());
    CHECK(after.value(QLatin1String("plan")).toObject().value(QLatin1String("nothingToDo")).toBool());

    // No run printed a token.
    static const QRegularExpression jwt(QStringLiteral("eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"));
    for (const CliRun& run : std::as_const(cli.runs)) {
        CHECK_FALSE(jwt.match(run.out + run.err).hasMatch());
    }
}

TEST_CASE(
    "cli preflight blocks Contoso to Northwind Gov with exit 3, and apply sends nothing", "[integration][cli][setup]")
{
    CliSession cli;
    cli.login(QStringLiteral("source"), QStringLiteral("contoso.onmicrosoft.com"));
    cli.login(QStringLiteral("target"), QStringLiteral("northwindgov.onmicrosoft.us"));

    const CliRun preflight = cli.run({QStringLiteral("preflight")});
    CHECK(preflight.exitCode == 3);
    CHECK(preflight.out.contains(QStringLiteral("BLOCK")));
    CHECK(preflight.out.contains(QStringLiteral("Blocked")));

    const CliRun json = cli.run({QStringLiteral("--json"), QStringLiteral("preflight")});
    CHECK(json.exitCode == 3);
    const QJsonObject report = parseJson(json.out);
    CHECK(report.value(QLatin1String("blocked")).toBool());
    bool cloudPairBlocks = false;
    for (const QJsonValue& check : report.value(QLatin1String("checks")).toArray()) {
        cloudPairBlocks = cloudPairBlocks
            || (check.toObject().value(QLatin1String("id")).toString() == QStringLiteral("cloudPair")
                && check.toObject().value(QLatin1String("outcome")).toString() == QStringLiteral("block"));
    }
    CHECK(cloudPairBlocks);

    const int requestsBefore = cli.control(QStringLiteral("/_sandbox/stats")).value(QLatin1String("requests")).toInt();
    const CliRun apply = cli.run({QStringLiteral("apply"), QStringLiteral("--yes")});
    CHECK(apply.exitCode == 3);
    CHECK(apply.err.contains(QStringLiteral("nothing was changed")));
    // Reads only: no request of that run was a write ($batch items are logged one by one).
    const QJsonArray log = cli.control(QStringLiteral("/_sandbox/requests?since=%1").arg(requestsBefore))
                               .value(QLatin1String("requests"))
                               .toArray();
    CHECK_FALSE(log.isEmpty());
    for (const QJsonValue& entry : log) {
        const QString target = entry.toObject().value(QLatin1String("target")).toString();
        INFO(target.toStdString());
        CHECK((entry.toObject().value(QLatin1String("method")).toString() == QStringLiteral("GET")
            || target.contains(QStringLiteral("$batch"))));
    }
}

TEST_CASE("cli setup commands explain bad usage with exit code 2", "[integration][cli][setup]")
{
    CliSession cli;
    // Standard input of a test's child process is a pipe, not a terminal: apply cannot ask.
    const CliRun noYes = cli.run({QStringLiteral("apply")});
    CHECK(noYes.exitCode == 2);
    CHECK(noYes.err.contains(QStringLiteral("--yes")));

    const CliRun unknown = cli.run({QStringLiteral("plan"), QStringLiteral("--no-such-thing")});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(QStringLiteral("no-such-thing")));

    const CliRun emptyName
        = cli.run({QStringLiteral("plan"), QStringLiteral("--name"), QStringLiteral(" "), QStringLiteral("--json")});
    CHECK(emptyName.exitCode == 2);
    CHECK(emptyName.err.contains(QStringLiteral("--name")));

    // status knows no --no-job: only plan and apply take the desired settings.
    const CliRun statusSwitch = cli.run({QStringLiteral("status"), QStringLiteral("--no-job")});
    CHECK(statusSwitch.exitCode == 2);

    const CliRun notSignedIn = cli.run({QStringLiteral("status")});
    CHECK(notSignedIn.exitCode == 2);
    CHECK(notSignedIn.err.contains(QStringLiteral("login")));
}
