// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// tenantbridge-cli job status, start, pause and restart against a sandbox on 127.0.0.1, after `apply --yes` has
// set up Contoso to Fabrikam.
#include "tests/integration/cli/CliSession.h"

#include <catch2/catch.hpp>

#include <QJsonObject>

using tb::test::CliRun;
using tb::test::CliSession;
using tb::test::parseJson;

namespace {

QStringList args(std::initializer_list<const char*> words)
{
    QStringList list;
    for (const char* word : words) {
        list.append(QString::fromLatin1(word));
    }
    return list;
}

QJsonObject status(const QJsonObject& json)
{
    return json.value(QLatin1String("job")).toObject().value(QLatin1String("status")).toObject();
}

QString scheduleState(const QJsonObject& json)
{
    return json.value(QLatin1String("job"))
        .toObject()
        .value(QLatin1String("schedule"))
        .toObject()
        .value(QLatin1String("state"))
        .toString();
}

} // namespace

TEST_CASE("cli job shows the new job's health, and starts and pauses it after apply", "[integration][cli][sync]")
{
    CliSession cli;
    cli.loginBoth();

    // Before apply there is no configuration: a "no" answer, exit 3, and what to run.
    const CliRun none = cli.run(args({"job", "status"}));
    CHECK(none.exitCode == 3);
    CHECK(none.err.contains(QStringLiteral("run 'apply'")));

    REQUIRE(cli.run(args({"apply", "--yes"})).exitCode == 0);

    const CliRun table = cli.run(args({"job", "status"}));
    INFO(table.err.toStdString());
    REQUIRE(table.exitCode == 0);
    CHECK(table.out.contains(QStringLiteral("Job of \"Contoso to Fabrikam\" into Fabrikam: Paused")));
    CHECK(table.out.contains(QStringLiteral("Last cycle")));
    CHECK(table.out.contains(QStringLiteral("none yet")));

    const CliRun json = cli.run(args({"--json", "job", "status"}));
    REQUIRE(json.exitCode == 0);
    const QJsonObject before = parseJson(json.out);
    CHECK(before.value(QLatin1String("configuration")).toObject().value(QLatin1String("displayName"))
        == QStringLiteral("Contoso to Fabrikam"));
    CHECK(status(before).value(QLatin1String("code")) == QStringLiteral("Paused"));
    CHECK(before.value(QLatin1String("explanation"))
              .toObject()
              .value(QLatin1String("state"))
              .toObject()
              .value(QLatin1String("title"))
        == QStringLiteral("Paused"));
    CHECK_FALSE(before.contains(QLatin1String("command")));

    // Standard input of a test's child process is a pipe: start cannot ask, so it needs --yes.
    const CliRun noYes = cli.run(args({"job", "start"}));
    CHECK(noYes.exitCode == 2);
    CHECK(noYes.err.contains(QStringLiteral("--yes")));
    CHECK(status(parseJson(cli.run(args({"--json", "job", "status"})).out)).value(QLatin1String("code"))
        == QStringLiteral("Paused"));

    const CliRun start = cli.run(args({"job", "start", "--yes"}));
    INFO(start.err.toStdString());
    REQUIRE(start.exitCode == 0);
    CHECK(start.out.contains(QStringLiteral("The job accepted start.")));
    const QJsonObject started = parseJson(cli.run(args({"--json", "job", "status"})).out);
    CHECK(scheduleState(started) == QStringLiteral("Active"));
    CHECK(status(started).value(QLatin1String("code")) != QStringLiteral("Paused"));

    const CliRun pause = cli.run(args({"--json", "job", "pause", "--yes"}));
    INFO(pause.err.toStdString());
    REQUIRE(pause.exitCode == 0);
    const QJsonObject paused = parseJson(pause.out);
    CHECK(paused.value(QLatin1String("command")) == QStringLiteral("pause"));
    CHECK(paused.value(QLatin1String("accepted")).toBool());
    CHECK(status(paused).value(QLatin1String("code")) == QStringLiteral("Paused"));
    CHECK(scheduleState(paused) == QStringLiteral("Paused"));

    const CliRun restart = cli.run(args({"--json", "job", "restart", "--reset-scope", "Watermark,Escrows", "--yes"}));
    INFO(restart.err.toStdString());
    CHECK(restart.exitCode == 0);
    CHECK(parseJson(restart.out).value(QLatin1String("accepted")).toBool());
}

TEST_CASE("cli job explains bad usage with exit code 2", "[integration][cli][sync]")
{
    CliSession cli;
    const CliRun bare = cli.run(args({"job"}));
    CHECK(bare.exitCode == 2);
    CHECK(bare.err.contains(QStringLiteral("status, start, pause, restart")));
    const CliRun unknown = cli.run(args({"job", "explode"}));
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(QStringLiteral("explode")));
    const CliRun twoWords = cli.run(args({"job", "status", "now"}));
    CHECK(twoWords.exitCode == 2);
    CHECK(twoWords.err.contains(QStringLiteral("\"now\"")));
    const CliRun scopeOnStatus = cli.run(args({"job", "status", "--reset-scope", "Full"}));
    CHECK(scopeOnStatus.exitCode == 2);
    CHECK(scopeOnStatus.err.contains(QStringLiteral("restart only")));
    const CliRun badScope = cli.run(args({"job", "restart", "--reset-scope", "Everything", "--yes"}));
    CHECK(badScope.exitCode == 2);
    CHECK(badScope.err.contains(QStringLiteral("Everything")));
    // Not signed in: which login to run, as the other setup commands say.
    const CliRun notSignedIn = cli.run(args({"job", "status"}));
    CHECK(notSignedIn.exitCode == 2);
    CHECK(notSignedIn.err.contains(QStringLiteral("login")));
}
