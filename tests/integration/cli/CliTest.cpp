// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// tenantbridge-cli run as a user would run it: a real process, against a sandbox on 127.0.0.1.
#include "tests/integration/cli/CliSession.h"
#include "tests/support/SignInTestSupport.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUuid>

using tb::test::CliRun;
using tb::test::CliSession;
using tb::test::parseJson;
using tb::test::SignalWaiter;
using tb::test::SignInTestSupport;

namespace {

CliRun runCli(const QStringList& arguments)
{
    CliSession session(false);
    return session.run(arguments);
}

// Every file under folder whose bytes hold something shaped like a token: a JWT (access or id token) or an
// Entra-style refresh token ("1." and a long base64url run). Databases and state files included.
QStringList filesHoldingTokens(const QString& folder)
{
    static const QRegularExpression jwt(QStringLiteral("eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"));
    static const QRegularExpression refreshToken(QStringLiteral("(^|[^0-9A-Za-z.])1\\.[A-Za-z0-9_-]{30,}"));
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromLatin1(file.readAll());
        if (jwt.match(text).hasMatch() || refreshToken.match(text).hasMatch()) {
            found.append(path);
        }
    }
    return found;
}

} // namespace

TEST_CASE(
    "cli login signs in each role with a code on stderr, and whoami shows both in later runs", "[integration][cli]")
{
    CliSession cli;
    const CliRun login = cli.run({QStringLiteral("login"), QStringLiteral("--role"), QStringLiteral("source"),
        QStringLiteral("--tenant"), QStringLiteral("contoso.onmicrosoft.com")});
    REQUIRE(login.exitCode == 0);
    // The person's part goes to stderr: the page and the short user code.
    CHECK(login.err.contains(cli.url + QStringLiteral("/devicelogin")));
    static const QRegularExpression userCode(QStringLiteral("enter the code [BCDFGHJKLMNPQRSTVWXZ]{8}\\b"));
    CHECK(userCode.match(login.err).hasMatch());
    CHECK(login.out.contains(QStringLiteral("admin@contoso.onmicrosoft.com")));
    cli.login(QStringLiteral("target"), QStringLiteral("fabrikam.onmicrosoft.com"));

    const CliRun whoami = cli.run({QStringLiteral("--json"), QStringLiteral("whoami")});
    REQUIRE(whoami.exitCode == 0);
    const QJsonObject json = parseJson(whoami.out);
    CHECK(json.value(QStringLiteral("remembered")).toBool());
    const QJsonObject source = json.value(QStringLiteral("source")).toObject();
    CHECK(source.value(QStringLiteral("username")).toString() == QStringLiteral("admin@contoso.onmicrosoft.com"));
    CHECK(
        source.value(QStringLiteral("tenantId")).toString() == QStringLiteral("6f1c2a3e-0c5b-4d2a-9a41-1c0a7e5b2c01"));
    CHECK(source.value(QStringLiteral("cloud")).toString() == QStringLiteral("Global"));
    CHECK(source.value(QStringLiteral("state")).toString() == QStringLiteral("signed-in"));
    CHECK(json.value(QStringLiteral("target")).toObject().value(QStringLiteral("username")).toString()
        == QStringLiteral("admin@fabrikam.onmicrosoft.com"));

    const CliRun table = cli.run({QStringLiteral("whoami")});
    CHECK(table.exitCode == 0);
    CHECK(table.out.startsWith(QStringLiteral("ROLE")));

    // Logging out of one role forgets it, and only it.
    CHECK(cli.run({QStringLiteral("logout"), QStringLiteral("--role"), QStringLiteral("target")}).exitCode == 0);
    const QJsonObject after = parseJson(cli.run({QStringLiteral("--json"), QStringLiteral("whoami")}).out);
    CHECK(after.value(QStringLiteral("target")).isNull());
    CHECK(after.value(QStringLiteral("source")).isObject());

    // Nothing any run printed holds a token: no JWT, no refresh token, no device code.
    static const QRegularExpression jwt(QStringLiteral("eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"));
    for (const CliRun& run : std::as_const(cli.runs)) {
        CHECK_FALSE(jwt.match(run.out + run.err).hasMatch());
        CHECK_FALSE(run.err.contains(QStringLiteral("device_code")));
        CHECK_FALSE(run.out.contains(QStringLiteral("refresh")));
    }
    // Nor does any file the CLI wrote: the profile database, settings, logs.
    CHECK(filesHoldingTokens(cli.home.path()).isEmpty());
}

TEST_CASE("cli whoami says 'sign in again' once the refresh token is revoked", "[integration][cli]")
{
    CliSession cli;
    cli.login(QStringLiteral("source"), QStringLiteral("contoso.onmicrosoft.com"));
    REQUIRE(SignInTestSupport::revoke(QUrl(cli.url), QStringLiteral("contoso.onmicrosoft.com"),
                QStringLiteral("admin@contoso.onmicrosoft.com"))
                .status
        == 200);

    const CliRun whoami = cli.run({QStringLiteral("--json"), QStringLiteral("whoami")});
    CHECK(whoami.exitCode == 3);
    const QJsonObject source = parseJson(whoami.out).value(QStringLiteral("source")).toObject();
    CHECK(source.value(QStringLiteral("state")).toString() == QStringLiteral("sign-in-required"));
    CHECK(source.value(QStringLiteral("problem")).toString().contains(QStringLiteral("sign in"), Qt::CaseInsensitive));
    const CliRun tenants = cli.run({QStringLiteral("tenants")});
    CHECK(tenants.exitCode == 4);
    CHECK(tenants.err.contains(QStringLiteral("sign in"), Qt::CaseInsensitive));
}

TEST_CASE("cli tenants with nobody signed in says how to sign in", "[integration][cli]")
{
    CliSession cli;
    const CliRun run = cli.run({QStringLiteral("tenants")});
    CHECK(run.exitCode == 3);
    CHECK(run.err.contains(QStringLiteral("nobody is signed in")));
    CHECK(run.err.contains(QStringLiteral("tenantbridge-cli login --role source")));
}

TEST_CASE("cli tenants lists the signed-in tenants as a table", "[integration][cli]")
{
    CliSession cli;
    cli.loginBoth();
    const CliRun run = cli.run({QStringLiteral("tenants")});
    CHECK(run.exitCode == 0);
    for (const char* expected : {"Contoso", "contoso.onmicrosoft.com", "fabrikam.onmicrosoft.com"}) {
        CHECK(run.out.contains(QString::fromLatin1(expected)));
    }
    CHECK_FALSE(run.out.contains(QStringLiteral("northwindgov")));
    CHECK(run.out.startsWith(QStringLiteral("NAME")));
}

TEST_CASE("cli tenants --json gives each tenant with its cloud and user count", "[integration][cli]")
{
    CliSession cli;
    cli.loginBoth();
    const CliRun run = cli.run({QStringLiteral("--json"), QStringLiteral("tenants")});
    REQUIRE(run.exitCode == 0);
    const QJsonArray tenants = parseJson(run.out).value(QStringLiteral("tenants")).toArray();
    REQUIRE(tenants.size() == 2);
    bool sawContoso = false;
    for (const QJsonValue& value : tenants) {
        const QJsonObject tenant = value.toObject();
        CHECK_FALSE(tenant.value(QStringLiteral("id")).toString().isEmpty());
        CHECK(tenant.value(QStringLiteral("users")).toInt() > 0);
        if (tenant.value(QStringLiteral("initialDomain")).toString() == QStringLiteral("contoso.onmicrosoft.com")) {
            sawContoso = true;
            CHECK(tenant.value(QStringLiteral("users")).toInt() >= 200);
        }
    }
    CHECK(sawContoso);
}

TEST_CASE("cli users lists the members of a group", "[integration][cli]")
{
    CliSession cli;
    cli.login(QStringLiteral("source"), QStringLiteral("contoso.onmicrosoft.com"));
    const CliRun run = cli.run({QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("--tenant"),
        QStringLiteral("contoso"), QStringLiteral("--group"), QStringLiteral("CTS Pilot")});
    REQUIRE(run.exitCode == 0);
    const QJsonObject result = parseJson(run.out);
    CHECK(result.value(QStringLiteral("count")).toInt() == 5);
    CHECK(result.value(QStringLiteral("users")).toArray().size() == 5);
}

TEST_CASE("cli users with a search finds users by name prefix and honours --limit", "[integration][cli]")
{
    CliSession cli;
    cli.login(QStringLiteral("source"), QStringLiteral("contoso.onmicrosoft.com"));
    const CliRun all = cli.run(
        {QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("--tenant"), QStringLiteral("Contoso")});
    REQUIRE(all.exitCode == 0);
    const QJsonArray users = parseJson(all.out).value(QStringLiteral("users")).toArray();
    REQUIRE(users.size() >= 200);
    const QString name = users.at(7).toObject().value(QStringLiteral("displayName")).toString();
    const QString prefix = name.left(4);

    const CliRun searched = cli.run({QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("--tenant"),
        QStringLiteral("Contoso"), QStringLiteral("--search"), prefix});
    REQUIRE(searched.exitCode == 0);
    const QJsonArray found = parseJson(searched.out).value(QStringLiteral("users")).toArray();
    REQUIRE_FALSE(found.isEmpty());
    CHECK(found.size() < users.size());
    bool containsName = false;
    for (const QJsonValue& user : found) {
        containsName = containsName || user.toObject().value(QStringLiteral("displayName")).toString() == name;
    }
    CHECK(containsName);

    const CliRun limited = cli.run({QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("--tenant"),
        QStringLiteral("Contoso"), QStringLiteral("--limit"), QStringLiteral("7")});
    REQUIRE(limited.exitCode == 0);
    CHECK(parseJson(limited.out).value(QStringLiteral("users")).toArray().size() == 7);

    // A quote in the search text is text, not OData.
    const CliRun quoted = cli.run({QStringLiteral("users"), QStringLiteral("--tenant"), QStringLiteral("Contoso"),
        QStringLiteral("--search"), QStringLiteral("x') or startswith(displayName,'")});
    CHECK(quoted.exitCode == 3);
    CHECK(quoted.err.contains(QStringLiteral("No user")));
}

TEST_CASE("cli explains bad usage with exit code 2", "[integration][cli]")
{
    CliSession cli;
    const CliRun noTenant = cli.run({QStringLiteral("users")});
    CHECK(noTenant.exitCode == 2);
    CHECK(noTenant.err.contains(QStringLiteral("--tenant")));

    const CliRun unknown = cli.run({QStringLiteral("frobnicate")});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(QStringLiteral("unknown command")));

    const CliRun noRole
        = cli.run({QStringLiteral("login"), QStringLiteral("--tenant"), QStringLiteral("contoso.onmicrosoft.com")});
    CHECK(noRole.exitCode == 2);
    CHECK(noRole.err.contains(QStringLiteral("--role")));

    const CliRun account = cli.run({QStringLiteral("login"), QStringLiteral("--role"), QStringLiteral("source"),
        QStringLiteral("--tenant"), QStringLiteral("admin@contoso.onmicrosoft.com")});
    CHECK(account.exitCode == 2);
    CHECK(account.err.contains(QStringLiteral("after the @")));

    const CliRun insecure = cli.run(
        {QStringLiteral("--login-host"), QStringLiteral("http://login.example.com"), QStringLiteral("whoami")});
    CHECK(insecure.exitCode == 2);

    const CliRun notSignedIn
        = cli.run({QStringLiteral("users"), QStringLiteral("--tenant"), QStringLiteral("Contoso")});
    CHECK(notSignedIn.exitCode == 2);
    CHECK(notSignedIn.err.contains(QStringLiteral("login")));

    cli.login(QStringLiteral("source"), QStringLiteral("contoso.onmicrosoft.com"));
    const CliRun badLimit = cli.run({QStringLiteral("users"), QStringLiteral("--tenant"), QStringLiteral("Contoso"),
        QStringLiteral("--limit"), QStringLiteral("lots")});
    CHECK(badLimit.exitCode == 2);
    CHECK(badLimit.err.contains(QStringLiteral("--limit")));

    const CliRun noSuchTenant
        = cli.run({QStringLiteral("users"), QStringLiteral("--tenant"), QStringLiteral("Tailspin")});
    CHECK(noSuchTenant.exitCode == 2);
    CHECK(noSuchTenant.err.contains(QStringLiteral("Contoso")));

    const CliRun noGroup = cli.run({QStringLiteral("users"), QStringLiteral("--tenant"), QStringLiteral("Contoso"),
        QStringLiteral("--group"), QStringLiteral("Nobody Here")});
    CHECK(noGroup.exitCode == 3);
    CHECK(noGroup.err.contains(QStringLiteral("no group named")));
}

TEST_CASE("cli login names a tenant the login service does not know", "[integration][cli]")
{
    CliSession cli;
    const CliRun run = cli.run({QStringLiteral("login"), QStringLiteral("--role"), QStringLiteral("target"),
        QStringLiteral("--tenant"), QStringLiteral("tailspin.onmicrosoft.com")});
    CHECK(run.exitCode == 4);
    CHECK(run.err.contains(QStringLiteral("tailspin.onmicrosoft.com")));
}

TEST_CASE("cli reports an unreachable sandbox as a service error", "[integration][cli]")
{
    const CliRun run
        = runCli({QStringLiteral("--sandbox"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("tenants")});
    CHECK(run.exitCode == 4);
    CHECK(run.err.contains(QStringLiteral("127.0.0.1:1")));
}

TEST_CASE("cli starts the built-in sandbox, which approves a sign-in by itself and keeps it across runs",
    "[integration][cli]")
{
    CliSession cli(false);
    const CliRun login = cli.run({QStringLiteral("login"), QStringLiteral("--role"), QStringLiteral("target"),
        QStringLiteral("--tenant"), QStringLiteral("fabrikam.onmicrosoft.com")});
    REQUIRE(login.exitCode == 0);
    CHECK(login.err.contains(QStringLiteral("built-in sandbox")));
    // A new process, a new sandbox port: the session comes back from the keychain and the sandbox's state file.
    const CliRun tenants = cli.run({QStringLiteral("tenants")});
    CHECK(tenants.exitCode == 0);
    CHECK(tenants.out.contains(QStringLiteral("Fabrikam")));
    // The built-in sandbox's state file sits under the profile: it keeps hashes of what it issued, no token.
    QStringList stateFiles;
    QDirIterator it(cli.home.path(), {QStringLiteral("*.sandbox.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        stateFiles.append(it.next());
    }
    CHECK(stateFiles.size() == 1);
    CHECK(filesHoldingTokens(cli.home.path()).isEmpty());
}
