// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// tenantbridge-cli test-sync against a sandbox on 127.0.0.1, after `apply --yes` has set up Contoso to Fabrikam:
// the preview, the real sync of the test users, and the comparison, end to end through the binary.
#include "tests/integration/cli/CliSession.h"

#include <catch2/catch.hpp>

#include <QFile>
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
        list.append(QString::fromLatin1(word));
    }
    return list;
}

} // namespace

TEST_CASE("cli test-sync previews, syncs and compares the test users, asking first", "[integration][cli][sync]")
{
    CliSession cli;
    cli.loginBoth();

    // It writes to the target: without a terminal to ask on, --yes is required (nothing is sent).
    const CliRun refused = cli.run(args({"test-sync", "--user", "adele.vance@contoso.onmicrosoft.com"}));
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(QStringLiteral("--yes")));
    const CliRun noUsers = cli.run(args({"test-sync", "--yes"}));
    CHECK(noUsers.exitCode == 2);

    const CliRun none = cli.run(args({"test-sync", "--user", "adele.vance@contoso.onmicrosoft.com", "--yes"}));
    CHECK(none.exitCode == 3);
    CHECK(none.err.contains(QStringLiteral("run 'apply'")));

    REQUIRE(cli.run(args({"apply", "--yes"})).exitCode == 0);

    const CliRun json = cli.run(args({"test-sync", "--user", "adele.vance@contoso.onmicrosoft.com", "--user",
        "zainab.okafor@contoso.onmicrosoft.com", "--require", "department,mail", "--yes", "--json"}));
    INFO(json.out.toStdString());
    INFO(json.err.toStdString());
    const QJsonObject result = parseJson(json.out);
    CHECK_FALSE(result.value(QLatin1String("runId")).toString().isEmpty());
    CHECK(result.value(QLatin1String("requiredAttributes")).toArray()
        == QJsonArray {QStringLiteral("department"), QStringLiteral("mail")});
    const QJsonArray outcomes = result.value(QLatin1String("outcomes")).toArray();
    REQUIRE(outcomes.size() == 2);
    for (const QJsonValue& value : outcomes) {
        const QJsonObject outcome = value.toObject();
        INFO(outcome.value(QLatin1String("userPrincipalName")).toString().toStdString());
        CHECK(outcome.value(QLatin1String("verdict")).toString() == QStringLiteral("asPredicted"));
        CHECK(outcome.value(QLatin1String("assignedByTestSync")).toBool());
        CHECK_FALSE(outcome.value(QLatin1String("timeline")).toArray().isEmpty());
    }
    CHECK(json.exitCode == 0);

    // Text, with the steps under --verbose; the required attributes chosen above are kept for the profile.
    const CliRun text
        = cli.run(args({"test-sync", "--user", "christie.hubert@contoso.onmicrosoft.com", "--yes", "--verbose"}));
    INFO(text.out.toStdString());
    INFO(text.err.toStdString());
    CHECK(text.exitCode == 0);
    CHECK(text.out.contains(QStringLiteral("christie.hubert@contoso.onmicrosoft.com: as predicted — created")));
    CHECK(text.out.contains(QStringLiteral("    | Import: ")));
    CHECK(text.out.contains(QStringLiteral("1 users were assigned to \"Contoso to Fabrikam\" by this test sync")));

    // A group's members (CTS Pilot has five), through the same limit of 5 provisionOnDemand calls per 10 s.
    const CliRun group = cli.run(args({"test-sync", "--group", "CTS Pilot", "--yes", "--json"}));
    INFO(group.err.toStdString());
    const QJsonArray groupOutcomes = parseJson(group.out).value(QLatin1String("outcomes")).toArray();
    CHECK(groupOutcomes.size() == 5);
    for (const QJsonValue& value : groupOutcomes) {
        CHECK(value.toObject().value(QLatin1String("verdict")).toString() != QStringLiteral("failed"));
    }
    CHECK(group.exitCode != 4);

    // A file of users (comments and blank lines skipped) naming somebody Contoso does not have: that user fails,
    // exit 4.
    const QString file = cli.home.filePath(QStringLiteral("users.txt"));
    QFile users(file);
    REQUIRE(users.open(QIODevice::WriteOnly | QIODevice::Text));
    users.write("# test users\n\nnobody.here@contoso.onmicrosoft.com\n");
    users.close();
    const CliRun unknown
        = cli.run({QStringLiteral("test-sync"), QStringLiteral("--users"), file, QStringLiteral("--yes")});
    INFO(unknown.out.toStdString());
    CHECK(unknown.exitCode == 4);
    CHECK(unknown.out.contains(QStringLiteral("nobody.here@contoso.onmicrosoft.com: failed")));
}
