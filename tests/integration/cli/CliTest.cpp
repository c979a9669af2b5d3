// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// tenantbridge-cli run as a user would run it: a real process, against a sandbox on 127.0.0.1.
#include "core/sandbox/SandboxServer.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using tb::test::SignalWaiter;

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the CLI with a private data folder; the event loop keeps turning so an in-process sandbox answers.
CliRun runCli(const QStringList& arguments)
{
    QTemporaryDir home;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    process.setProcessEnvironment(environment);
    process.start(QDir(QStringLiteral(TB_BINARY_DIR)).filePath(QStringLiteral("tenantbridge-cli")), arguments);
    REQUIRE(process.waitForStarted());
    REQUIRE(SignalWaiter::waitUntil([&process] { return process.state() == QProcess::NotRunning; }));
    CliRun run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    INFO("stderr: " << run.err.toStdString());
    return run;
}

struct SandboxForCli
{
    tbsandbox::SandboxServer server {tbsandbox::SandboxOptions {}};
    QString url;

    SandboxForCli()
    {
        QString error;
        REQUIRE(server.start(&error));
        url = server.baseUrl().toString();
    }
};

QJsonObject parseJson(const QString& text)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    INFO("output: " << text.toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    REQUIRE(document.isObject());
    return document.object();
}

} // namespace

TEST_CASE("cli tenants lists the four seed tenants as a table", "[integration][cli]")
{
    SandboxForCli sandbox;
    const CliRun run = runCli({QStringLiteral("--sandbox"), sandbox.url, QStringLiteral("tenants")});
    CHECK(run.exitCode == 0);
    for (const char* expected : {"Contoso", "contoso.onmicrosoft.com", "fabrikam.onmicrosoft.com",
             "northwindgov.onmicrosoft.us", "woodgrovecn.partner.onmschina.cn"}) {
        CHECK(run.out.contains(QString::fromLatin1(expected)));
    }
    CHECK(run.out.startsWith(QStringLiteral("NAME")));
}

TEST_CASE("cli tenants --json gives each tenant with its cloud and user count", "[integration][cli]")
{
    SandboxForCli sandbox;
    const CliRun run
        = runCli({QStringLiteral("--sandbox"), sandbox.url, QStringLiteral("--json"), QStringLiteral("tenants")});
    REQUIRE(run.exitCode == 0);
    const QJsonArray tenants = parseJson(run.out).value(QStringLiteral("tenants")).toArray();
    REQUIRE(tenants.size() == 4);
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
    CHECK_FALSE(run.out.contains(QStringLiteral("staticToken")));
}

TEST_CASE("cli users lists the members of a group", "[integration][cli]")
{
    SandboxForCli sandbox;
    const CliRun run = runCli({QStringLiteral("--sandbox"), sandbox.url, QStringLiteral("--json"),
        QStringLiteral("users"), QStringLiteral("--tenant"), QStringLiteral("contoso"), QStringLiteral("--group"),
        QStringLiteral("CTS Pilot")});
    REQUIRE(run.exitCode == 0);
    const QJsonObject result = parseJson(run.out);
    CHECK(result.value(QStringLiteral("count")).toInt() == 5);
    CHECK(result.value(QStringLiteral("users")).toArray().size() == 5);
}

TEST_CASE("cli users with a search finds users by name prefix and honours --limit", "[integration][cli]")
{
    SandboxForCli sandbox;
    const CliRun all = runCli({QStringLiteral("--sandbox"), sandbox.url, QStringLiteral("--json"),
        QStringLiteral("users"), QStringLiteral("--tenant"), QStringLiteral("Contoso")});
    REQUIRE(all.exitCode == 0);
    const QJsonArray users = parseJson(all.out).value(QStringLiteral("users")).toArray();
    REQUIRE(users.size() >= 200);
    const QString name = users.at(7).toObject().value(QStringLiteral("displayName")).toString();
    const QString prefix = name.left(4);

    const CliRun searched
        = runCli({QStringLiteral("--sandbox"), sandbox.url, QStringLiteral("--json"), QStringLiteral("users"),
            QStringLiteral("--tenant"), QStringLiteral("Contoso"), QStringLiteral("--search"), prefix});
    REQUIRE(searched.exitCode == 0);
    const QJsonArray found = parseJson(searched.out).value(QStringLiteral("users")).toArray();
    REQUIRE_FALSE(found.isEmpty());
    CHECK(found.size() < users.size());
    bool containsName = false;
    for (const QJsonValue& user : found) {
        containsName = containsName || user.toObject().value(QStringLiteral("displayName")).toString() == name;
    }
    CHECK(containsName);

    const CliRun limited
        = runCli({QStringLiteral("--sandbox"), sandbox.url, QStringLiteral("--json"), QStringLiteral("users"),
            QStringLiteral("--tenant"), QStringLiteral("Contoso"), QStringLiteral("--limit"), QStringLiteral("7")});
    REQUIRE(limited.exitCode == 0);
    CHECK(parseJson(limited.out).value(QStringLiteral("users")).toArray().size() == 7);
}

TEST_CASE("cli users treats a quote in the search text as text", "[integration][cli]")
{
    SandboxForCli sandbox;
    const CliRun run
        = runCli({QStringLiteral("--sandbox"), sandbox.url, QStringLiteral("users"), QStringLiteral("--tenant"),
            QStringLiteral("Contoso"), QStringLiteral("--search"), QStringLiteral("x') or startswith(displayName,'")});
    CHECK(run.exitCode == 3);
    CHECK(run.err.contains(QStringLiteral("No user")));
}

TEST_CASE("cli explains bad usage with exit code 2", "[integration][cli]")
{
    SandboxForCli sandbox;
    const CliRun noTenant = runCli({QStringLiteral("--sandbox"), sandbox.url, QStringLiteral("users")});
    CHECK(noTenant.exitCode == 2);
    CHECK(noTenant.err.contains(QStringLiteral("--tenant")));

    const CliRun unknown = runCli({QStringLiteral("--sandbox"), sandbox.url, QStringLiteral("frobnicate")});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(QStringLiteral("unknown command")));

    const CliRun badLimit = runCli({QStringLiteral("--sandbox"), sandbox.url, QStringLiteral("users"),
        QStringLiteral("--tenant"), QStringLiteral("Contoso"), QStringLiteral("--limit"), QStringLiteral("lots")});
    CHECK(badLimit.exitCode == 2);
    CHECK(badLimit.err.contains(QStringLiteral("--limit")));

    const CliRun noSuchTenant = runCli({QStringLiteral("--sandbox"), sandbox.url, QStringLiteral("users"),
        QStringLiteral("--tenant"), QStringLiteral("Tailspin")});
    CHECK(noSuchTenant.exitCode == 2);
    CHECK(noSuchTenant.err.contains(QStringLiteral("Contoso")));

    const CliRun noGroup
        = runCli({QStringLiteral("--sandbox"), sandbox.url, QStringLiteral("users"), QStringLiteral("--tenant"),
            QStringLiteral("Contoso"), QStringLiteral("--group"), QStringLiteral("Nobody Here")});
    CHECK(noGroup.exitCode == 3);
    CHECK(noGroup.err.contains(QStringLiteral("no group named")));
}

TEST_CASE("cli reports an unreachable sandbox as a service error", "[integration][cli]")
{
    const CliRun run
        = runCli({QStringLiteral("--sandbox"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("tenants")});
    CHECK(run.exitCode == 4);
    CHECK(run.err.contains(QStringLiteral("127.0.0.1:1")));
}

TEST_CASE("cli starts the built-in sandbox when none is given and says so", "[integration][cli]")
{
    const CliRun run = runCli({QStringLiteral("tenants")});
    CHECK(run.exitCode == 0);
    CHECK(run.err.contains(QStringLiteral("built-in sandbox")));
    CHECK(run.out.contains(QStringLiteral("Fabrikam")));
}
