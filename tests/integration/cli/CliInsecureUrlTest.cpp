// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Every address a person gives tenantbridge-cli, on the command line or in the saved connection settings, is https
// or http to this machine (issue 9): --sandbox, --login-host and --graph-host with http to another host stop with
// exit 2 and a sentence before anything is started or sent, also for names that only look like loopback; a settings
// file edited by hand to point at http elsewhere is not used (the CLI falls back to the built-in sandbox and says
// so). What the services hand out later (discovery endpoints, next links, redirects) is checked in
// SecurityIntegrationTest and tests/unit/auth/AuthorityInfoTest.
#include "core/sandbox/SandboxOptions.h"
#include "core/sandbox/SandboxServer.h"
#include "tests/integration/cli/CliSession.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QSettings>

using tb::test::CliRun;
using tb::test::CliSession;

TEST_CASE("cli refuses http to another host in --sandbox, --login-host and --graph-host", "[integration][cli][url]")
{
    CliSession cli(false);
    const QList<QStringList> refused {
        {QStringLiteral("--sandbox"), QStringLiteral("http://evil.example:8400")},
        {QStringLiteral("--sandbox"), QStringLiteral("http://127.0.0.1.evil.example:8400")},
        {QStringLiteral("--sandbox"), QStringLiteral("http://10.0.0.1:8400")},
        {QStringLiteral("--login-host"), QStringLiteral("http://evil.example")},
        {QStringLiteral("--cloud"), QStringLiteral("global"), QStringLiteral("--graph-host"),
            QStringLiteral("http://graph.evil.example")},
        {QStringLiteral("--login-host"), QStringLiteral("https://login.microsoftonline.com"),
            QStringLiteral("--graph-host"), QStringLiteral("http://localhost.evil.example")},
        {QStringLiteral("--sandbox"), QStringLiteral("ftp://127.0.0.1:8400")},
    };
    for (const QStringList& options : refused) {
        INFO(options.join(QLatin1Char(' ')).toStdString());
        const CliRun run = cli.run(options + QStringList {QStringLiteral("whoami")});
        CHECK(run.exitCode == 2);
        CHECK((run.err.contains(QStringLiteral("not https")) || run.err.contains(QStringLiteral("needs a URL"))));
        // Refused before the built-in sandbox or anything else started.
        CHECK_FALSE(run.err.contains(QStringLiteral("built-in sandbox")));
    }
    // http to this machine is let through (nothing listens on port 1: a service error, not bad usage).
    for (const QStringList& options : {QStringList {QStringLiteral("--sandbox"), QStringLiteral("http://127.0.0.1:1")},
             QStringList {QStringLiteral("--login-host"), QStringLiteral("http://localhost:1"),
                 QStringLiteral("--graph-host"), QStringLiteral("http://[::1]:1")}}) {
        INFO(options.join(QLatin1Char(' ')).toStdString());
        const CliRun run = cli.run(options + QStringList {QStringLiteral("whoami")});
        CHECK(run.exitCode != 2);
        CHECK_FALSE(run.err.contains(QStringLiteral("not https")));
    }
}

TEST_CASE(
    "cli does not use saved connection settings edited to send tokens over http elsewhere", "[integration][cli][url]")
{
    CliSession cli(false);
    // Where QSettings keeps the CLI's settings (organization and application "TenantBridge") in its XDG folder.
    const QString file = cli.home.filePath(QStringLiteral("config/TenantBridge/TenantBridge.conf"));
    const QString group = QStringLiteral("profiles/%1/connection").arg(cli.profile);
    const QList<QList<QPair<QString, QString>>> tampered {
        {{QStringLiteral("mode"), QStringLiteral("sandbox")},
            {QStringLiteral("sandboxUrl"), QStringLiteral("http://evil.example:8400")}},
        {{QStringLiteral("mode"), QStringLiteral("custom-hosts")},
            {QStringLiteral("loginHost"), QStringLiteral("http://login.evil.example")},
            {QStringLiteral("graphHost"), QStringLiteral("https://graph.microsoft.com")}},
        {{QStringLiteral("mode"), QStringLiteral("custom-hosts")},
            {QStringLiteral("loginHost"), QStringLiteral("https://login.microsoftonline.com")},
            {QStringLiteral("graphHost"), QStringLiteral("http://graph.evil.example")}},
    };
    const auto save = [&file, &group](const QList<QPair<QString, QString>>& values) {
        QSettings settings(file, QSettings::IniFormat);
        settings.remove(group);
        settings.beginGroup(group);
        for (const auto& [key, value] : values) {
            settings.setValue(key, value);
        }
        settings.endGroup();
        settings.sync();
        REQUIRE(settings.status() == QSettings::NoError);
    };
    // Saved settings that are fine are used: a sandbox of this machine, running in this test.
    tbsandbox::SandboxServer sandbox(tbsandbox::SandboxOptions {});
    QString error;
    REQUIRE(sandbox.start(&error));
    save({{QStringLiteral("mode"), QStringLiteral("sandbox")},
        {QStringLiteral("sandboxUrl"), sandbox.baseUrl().toString()}});
    const CliRun used = cli.run({QStringLiteral("--json"), QStringLiteral("whoami")});
    CHECK_FALSE(used.err.contains(QStringLiteral("built-in sandbox")));
    CHECK(used.exitCode != 2);

    for (const auto& values : tampered) {
        save(values);
        INFO(values.last().second.toStdString());
        const CliRun run = cli.run({QStringLiteral("--json"), QStringLiteral("whoami")});
        CHECK(run.err.contains(QStringLiteral("using the built-in sandbox at http://127.0.0.1:")));
        CHECK_FALSE(run.err.contains(QStringLiteral("evil.example")));
        CHECK_FALSE(run.out.contains(QStringLiteral("evil.example")));
    }
}
