// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// tenantbridge-cli rollout plan, status, run and undo against a sandbox on 127.0.0.1, after `apply --yes` has set up
// Contoso to Fabrikam. The sandbox's clock runs, so the started job's first cycle follows within seconds.
#include "tests/integration/cli/CliSession.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>

using tb::test::CliRun;
using tb::test::CliSession;
using tb::test::parseJson;

namespace {

QStringList args(std::initializer_list<const char*> words)
{
    QStringList list;
    for (const char* word : words) {
        list.append(QString::fromUtf8(word));
    }
    return list;
}

QJsonObject stage(const QJsonObject& plan, int index)
{
    return plan.value(QLatin1String("stages")).toArray().at(index).toObject();
}

} // namespace

TEST_CASE("cli rollout plans two stages, runs the first and undoes it", "[integration][cli][rollout]")
{
    CliSession cli;
    cli.loginBoth();

    const CliRun none = cli.run(args({"rollout", "status"}));
    CHECK(none.exitCode == 3);
    REQUIRE(cli.run(args({"apply", "--yes"})).exitCode == 0);
    CHECK(cli.run(args({"rollout", "status"})).exitCode == 3); // no plan yet
    CHECK(cli.run(args({"rollout", "plan"})).exitCode == 2); // no stage

    const CliRun planned
        = cli.run(args({"--json", "rollout", "plan", "--stage", "Pilot=CTS Pilot", "--stage", "Wave=Engineering"}));
    INFO(planned.err.toStdString());
    REQUIRE(planned.exitCode == 0);
    const QJsonObject plan = parseJson(planned.out);
    const QJsonObject pilotEstimate = stage(plan, 0).value(QLatin1String("estimate")).toObject();
    CHECK(pilotEstimate.value(QLatin1String("users")).toInt() == 5);
    CHECK(pilotEstimate.value(QLatin1String("newInTarget")).toInt() == 5);
    const QJsonObject waveEstimate = stage(plan, 1).value(QLatin1String("estimate")).toObject();
    CHECK(waveEstimate.value(QLatin1String("users")).toInt() == 26); // Christie comes with the pilot
    CHECK(waveEstimate.value(QLatin1String("existingInTarget")).toInt() == 1); // Ines, an accepted guest

    const CliRun table = cli.run(args({"rollout", "status"}));
    REQUIRE(table.exitCode == 0);
    CHECK(table.out.contains(QStringLiteral("CTS Pilot")));
    CHECK(table.out.contains(QStringLiteral("planned")));

    // Standard input is not a terminal: it must not go ahead without --yes.
    CHECK(cli.run(args({"rollout", "run"})).exitCode == 2);
    const CliRun ran = cli.run(args({"--json", "rollout", "run", "--yes"}));
    INFO(ran.err.toStdString());
    REQUIRE(ran.exitCode == 0);
    const QJsonObject afterRun = parseJson(ran.out);
    CHECK(stage(afterRun, 0).value(QLatin1String("state")).toString() == QStringLiteral("done"));
    CHECK(
        stage(afterRun, 0).value(QLatin1String("progress")).toObject().value(QLatin1String("processed")).toInt() == 5);
    CHECK(stage(afterRun, 0).value(QLatin1String("assignmentsAdded")).toInt() == 1);

    CHECK(cli.run(args({"rollout", "undo", "Pilot"})).exitCode == 2);
    const CliRun undone = cli.run(args({"rollout", "undo", "Pilot", "--yes"}));
    INFO(undone.err.toStdString());
    REQUIRE(undone.exitCode == 0);
    CHECK(undone.out.contains(QStringLiteral("soft-deleted")));
    const QJsonObject afterUndo = parseJson(cli.run(args({"--json", "rollout", "status"})).out);
    CHECK(stage(afterUndo, 0).value(QLatin1String("state")).toString() == QStringLiteral("undone"));
    CHECK(stage(afterUndo, 0).value(QLatin1String("assignmentsRemoved")).toInt() == 1);
}
