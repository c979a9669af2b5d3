// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// tenantbridge-cli trace against a sandbox on 127.0.0.1: bad usage (2), no configuration (3), a blocked user (3) as
// text and JSON, and a user nothing blocks (0) after a test sync assigned them and the job was started.
#include "tests/integration/cli/CliSession.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
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

} // namespace

TEST_CASE("cli trace explains bad usage with exit code 2", "[integration][cli][trace]")
{
    CliSession cli;
    const CliRun bare = cli.run(args({"trace"}));
    CHECK(bare.exitCode == 2);
    CHECK(bare.err.contains(QStringLiteral("trace needs the source user")));
    const CliRun two = cli.run(args({"trace", "a@b.c", "d@e.f"}));
    CHECK(two.exitCode == 2);
    const CliRun notSignedIn = cli.run(args({"trace", "adele.vance@contoso.onmicrosoft.com"}));
    CHECK(notSignedIn.exitCode == 2);
    CHECK(notSignedIn.err.contains(QStringLiteral("login")));
}

TEST_CASE("cli trace names the blocker with exit 3, and exits 0 when nothing blocks", "[integration][cli][trace]")
{
    CliSession cli;
    cli.loginBoth();

    const CliRun none = cli.run(args({"trace", "adele.vance@contoso.onmicrosoft.com"}));
    CHECK(none.exitCode == 3);
    CHECK(none.err.contains(QStringLiteral("run 'apply' first")));

    REQUIRE(cli.run(args({"apply", "--yes"})).exitCode == 0);

    const CliRun megan = cli.run(args({"trace", "megan.bowen@contoso.onmicrosoft.com"}));
    INFO(megan.err.toStdString());
    INFO(megan.out.toStdString());
    CHECK(megan.exitCode == 3);
    CHECK(megan.out.contains(QStringLiteral("PASS  Source user: ")));
    CHECK(megan.out.contains(QStringLiteral("FAIL  Assignment: ")));
    CHECK(megan.out.contains(QStringLiteral("Blocked by: Assignment: ")));
    CHECK(megan.out.contains(QStringLiteral("Fix: Assign ") + kMegan));

    const CliRun json = cli.run(args({"--json", "trace", "megan.bowen@contoso.onmicrosoft.com"}));
    INFO(json.err.toStdString());
    CHECK(json.exitCode == 3);
    const QJsonObject result = tb::test::parseJson(json.out);
    CHECK(result.value(QLatin1String("blocked")).toBool());
    CHECK(result.value(QLatin1String("blocker")).toObject().value(QLatin1String("check")).toString()
        == QStringLiteral("Assignment"));
    CHECK(result.value(QLatin1String("userPrincipalName")).toString() == kMegan);
    CHECK_FALSE(result.value(QLatin1String("steps")).toArray().isEmpty());

    const CliRun nobody = cli.run(args({"trace", "nobody@contoso.onmicrosoft.com"}));
    CHECK(nobody.exitCode == 3);
    CHECK(nobody.out.contains(QStringLiteral("Blocked by: Source user")));

    // A test sync assigns Adele and provisions her; with the job started nothing blocks her.
    const CliRun testSync = cli.run(args({"test-sync", "--user", "adele.vance@contoso.onmicrosoft.com", "--yes"}));
    INFO(testSync.err.toStdString());
    REQUIRE(testSync.exitCode != 2);
    REQUIRE(cli.run(args({"job", "start", "--yes"})).exitCode == 0);
    const CliRun adele = cli.run(args({"trace", "adele.vance@contoso.onmicrosoft.com"}));
    INFO(adele.err.toStdString());
    INFO(adele.out.toStdString());
    CHECK(adele.exitCode == 0);
    CHECK(adele.out.contains(QStringLiteral("Nothing blocks ") + kAdele));
    CHECK(adele.out.contains(QStringLiteral("PASS  Assignment: ")));
}
