// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// tenantbridge-cli preview and test-sync given 10,000 users in a file (issue 9): both refuse at once, before signing
// in or asking anything of a tenant, with exit 2 and a sentence that says how many users a test takes and why.
#include "core/sandbox/RequestLog.h"
#include "core/sandbox/SandboxServer.h"
#include "core/sync/TestUserLimit.h"
#include "tests/integration/cli/CliSession.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>

using tb::test::CliRun;
using tb::test::CliSession;

TEST_CASE("cli preview and test-sync refuse 10,000 users from a file with exit 2, saying how many a test takes",
    "[integration][cli][preview]")
{
    CliSession cli;
    const QString path = QDir(cli.home.path()).filePath(QStringLiteral("users.txt"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    for (int i = 0; i < 10000; ++i) {
        file.write(QStringLiteral("user%1@contoso.onmicrosoft.com\n").arg(i).toUtf8());
    }
    file.close();
    const qint64 requestsBefore = cli.server->requestLog().total();

    for (const QString& command : {QStringLiteral("preview"), QStringLiteral("test-sync")}) {
        const CliRun run = cli.run({command, QStringLiteral("--users"), path});
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(QStringLiteral("users are listed, but a preview or test sync takes at most %1")
                                   .arg(tb::sync::TestUserLimit::kMaxUsers)));
        CHECK(run.err.contains(QStringLiteral("staged rollout")));
    }
    CHECK(cli.server->requestLog().total() == requestsBefore);
}
