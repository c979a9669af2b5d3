// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// tenantbridge-cli preview against a sandbox on 127.0.0.1: bad usage, no configuration yet, then after
// `apply --yes` a table and JSON for users named on the command line, in a file (plain or the portal's CSV) or by
// group, without a single write to the sandbox.
#include "tests/integration/cli/CliSession.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using tb::test::CliRun;
using tb::test::CliSession;

namespace {

const QString kAdele = QStringLiteral("adele.vance@contoso.onmicrosoft.com");
const QString kMegan = QStringLiteral("megan.bowen@contoso.onmicrosoft.com");

QStringList args(std::initializer_list<const char*> words)
{
    QStringList list;
    for (const char* word : words) {
        list.append(QString::fromLatin1(word));
    }
    return list;
}

QString writeFile(const CliSession& cli, const QString& name, const QByteArray& content)
{
    const QString path = cli.home.filePath(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
    return path;
}

// Writes counted by the sandbox over all tenants (/_sandbox/stats).
qint64 writes(const CliSession& cli)
{
    qint64 total = 0;
    const QJsonObject tenants
        = cli.control(QStringLiteral("/_sandbox/stats")).value(QLatin1String("tenants")).toObject();
    for (auto it = tenants.begin(); it != tenants.end(); ++it) {
        total += it.value().toObject().value(QLatin1String("writes")).toInteger();
    }
    return total;
}

} // namespace

TEST_CASE("cli preview explains bad usage with exit code 2", "[integration][cli][preview]")
{
    CliSession cli;
    const CliRun bare = cli.run(args({"preview"}));
    CHECK(bare.exitCode == 2);
    CHECK(bare.err.contains(QStringLiteral("--users FILE, --user UPN")));
    const CliRun both = cli.run(args({"preview", "--user", "a@b.c", "--group", "Sales"}));
    CHECK(both.exitCode == 2);
    CHECK(both.err.contains(QStringLiteral("not several")));
    const CliRun missing = cli.run(
        {QStringLiteral("preview"), QStringLiteral("--users"), cli.home.filePath(QStringLiteral("none.txt"))});
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.contains(QStringLiteral("cannot read the users file")));
    const QString empty = writeFile(cli, QStringLiteral("empty.txt"), "# nobody yet\n\n");
    const CliRun nobody = cli.run({QStringLiteral("preview"), QStringLiteral("--users"), empty});
    CHECK(nobody.exitCode == 2);
    CHECK(nobody.err.contains(QStringLiteral("names nobody")));
    const QString csv = writeFile(cli, QStringLiteral("bad.csv"), "displayName,mail\nAdele,adele@x\n");
    const CliRun noColumn = cli.run({QStringLiteral("preview"), QStringLiteral("--users"), csv});
    CHECK(noColumn.exitCode == 2);
    CHECK(noColumn.err.contains(QStringLiteral("no userPrincipalName column")));
    const CliRun notSignedIn = cli.run(args({"preview", "--user", "adele.vance@contoso.onmicrosoft.com"}));
    CHECK(notSignedIn.exitCode == 2);
    CHECK(notSignedIn.err.contains(QStringLiteral("login")));
}

TEST_CASE(
    "cli preview prints what sync would do, as a table and as JSON, writing nothing", "[integration][cli][preview]")
{
    CliSession cli;
    cli.loginBoth();

    const CliRun none = cli.run(args({"preview", "--user", "adele.vance@contoso.onmicrosoft.com"}));
    CHECK(none.exitCode == 3);
    CHECK(none.err.contains(QStringLiteral("run 'apply' first")));

    REQUIRE(cli.run(args({"apply", "--yes"})).exitCode == 0);
    const qint64 before = writes(cli);

    const CliRun table = cli.run(args(
        {"preview", "--user", "adele.vance@contoso.onmicrosoft.com", "--user", "megan.bowen@contoso.onmicrosoft.com"}));
    INFO(table.err.toStdString());
    INFO(table.out.toStdString());
    REQUIRE(table.exitCode == 0);
    CHECK(table.out.contains(QStringLiteral("Preview of \"Contoso to Fabrikam\"")));
    CHECK(table.out.contains(kAdele));
    CHECK(table.out.contains(kMegan));
    // As test-sync will treat them: it assigns them first, so they are in scope and would be created.
    CHECK(table.out.contains(QStringLiteral("create")));
    CHECK_FALSE(table.out.contains(QStringLiteral("not assigned")));
    // As they are today: not assigned, so the next cycle skips them.
    const CliRun asIs = cli.run(args({"preview", "--as-is", "--user", "adele.vance@contoso.onmicrosoft.com"}));
    INFO(asIs.out.toStdString());
    REQUIRE(asIs.exitCode == 0);
    CHECK(asIs.out.contains(QStringLiteral("out: not assigned to the configuration")));
    CHECK(asIs.out.contains(QStringLiteral("skip")));

    // The Entra portal's bulk CSV (a version line, then the template's headers and its example row).
    const QString csv = writeFile(cli, QStringLiteral("users.csv"),
        "version:v1.0\n"
        "Name [displayName] Required,User name [userPrincipalName] Required,Initial password [passwordProfile] "
        "Required\n"
        "Example: Chris Green,chris@contoso.com,myPassword1234\n"
        "Adele Vance,adele.vance@contoso.onmicrosoft.com,\"x,y\"\n");
    const CliRun json = cli.run({QStringLiteral("--json"), QStringLiteral("preview"), QStringLiteral("--users"), csv});
    INFO(json.err.toStdString());
    REQUIRE(json.exitCode == 0);
    const QJsonDocument document = QJsonDocument::fromJson(json.out.toUtf8());
    REQUIRE(document.isArray());
    REQUIRE(document.array().size() == 1);
    const QJsonObject adele = document.array().first().toObject();
    CHECK(adele.value(QLatin1String("userPrincipalName")).toString() == kAdele);
    CHECK(adele.value(QLatin1String("action")).toString() == QStringLiteral("create"));
    CHECK(adele.value(QLatin1String("match")).toString() == QStringLiteral("new"));
    CHECK(adele.value(QLatin1String("hasP1")).toBool());
    CHECK_FALSE(adele.value(QLatin1String("attributes")).toArray().isEmpty());

    // A plain list with comments, and a group by name.
    const QString list = writeFile(cli, QStringLiteral("users.txt"),
        "# test users\nzainab.okafor@contoso.onmicrosoft.com\n\nbianca.berg@contoso.onmicrosoft.com\n");
    const CliRun plain = cli.run({QStringLiteral("preview"), QStringLiteral("--users"), list});
    INFO(plain.out.toStdString());
    REQUIRE(plain.exitCode == 0);
    CHECK(plain.out.contains(QStringLiteral("existing guest")));
    CHECK(plain.out.contains(QStringLiteral("pending guest")));
    CHECK(plain.out.contains(QStringLiteral("Warning: the target holds a pending invitation")));

    const CliRun group = cli.run(args({"--json", "preview", "--group", "CTS Pilot"}));
    INFO(group.err.toStdString());
    REQUIRE(group.exitCode == 0);
    CHECK(QJsonDocument::fromJson(group.out.toUtf8()).array().size() == 5);
    const CliRun noGroup = cli.run(args({"preview", "--group", "No Such Group"}));
    CHECK(noGroup.exitCode == 2);
    CHECK(noGroup.err.contains(QStringLiteral("no group named \"No Such Group\"")));

    CHECK(writes(cli) == before);
}
