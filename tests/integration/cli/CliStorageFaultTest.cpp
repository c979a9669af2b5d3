// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// tenantbridge-cli on a profile whose disk is full or whose folder it may not write (issue 9), through the real
// commands. The CLI runs as a child process; only the child gets the fault: its files may not grow past a size
// (RLIMIT_FSIZE, set in the child before exec by FileSizeLimit::applyInChild), or, for a read-only folder, root loses
// CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from its bounding set before exec, so the folder's mode binds it as it
// binds any user (CI runs as root).
#include "core/store/Database.h"
#include "core/store/Journal.h"
#include "tests/integration/cli/CliSession.h"
#include "tests/support/FileSizeLimit.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>

#include <functional>

#ifdef Q_OS_LINUX
#include <linux/capability.h>
#include <sys/prctl.h>
#endif

using tb::test::CliRun;
using tb::test::CliSession;
using tb::test::parseJson;
using tb::test::SignalWaiter;

namespace {

const QString kContosoId = QStringLiteral("6f1c2a3e-0c5b-4d2a-9a41-1c0a7e5b2c01");
const QString kFabrikamId = QStringLiteral("8b3e4d5f-2d6c-4e3b-8b52-2d1b8f6c3d02");

// Runs the CLI as CliSession::run does, with modifier called in the child between fork and exec.
CliRun runWith(CliSession& cli, const QStringList& arguments, const std::function<void()>& modifier)
{
    QProcess process;
    process.setProcessEnvironment(cli.environment());
    process.setChildProcessModifier(modifier);
    process.start(CliSession::program(), cli.fullArguments(arguments));
    REQUIRE(process.waitForStarted());
    REQUIRE(SignalWaiter::waitUntil([&process] { return process.state() == QProcess::NotRunning; }, 120000));
    const CliRun result = CliRun::of(process);
    UNSCOPED_INFO("tenantbridge-cli " << arguments.join(QLatin1Char(' ')).toStdString() << " -> " << result.exitCode
                                      << "\nstdout: " << result.out.toStdString()
                                      << "\nstderr: " << result.err.toStdString());
    return result;
}

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

QJsonArray sets(CliSession& cli)
{
    const CliRun run = cli.run({QStringLiteral("--json"), QStringLiteral("logs"), QStringLiteral("sets")});
    REQUIRE(run.exitCode == 0);
    return parseJson(run.out).value(QLatin1String("sets")).toArray();
}

// A download of count records: the sample's first record again and again, each with its own id.
QString writeDownload(const QString& folder, int count)
{
    QFile sampleFile(QStringLiteral(TB_SOURCE_DIR "/tests/data/logs/admin-center-download.json"));
    REQUIRE(sampleFile.open(QIODevice::ReadOnly));
    const QJsonObject record = QJsonDocument::fromJson(sampleFile.readAll()).array().first().toObject();
    QJsonArray records;
    for (int i = 0; i < count; ++i) {
        QJsonObject copy = record;
        copy.insert(QStringLiteral("id"), QStringLiteral("cli-disk-full-%1").arg(i));
        records.append(copy);
    }
    const QString path = QDir(folder).filePath(QStringLiteral("big-download.json"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(QJsonDocument(records).toJson(QJsonDocument::Compact)) > 0);
    return path;
}

// In the child: no capability that lets root ignore a file's mode survives exec (bounding set), so a read-only
// folder refuses the CLI as it would refuse an ordinary user. Async-signal-safe calls only.
void withoutFileOverride()
{
#ifdef Q_OS_LINUX
    prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0);
    prctl(PR_CAPBSET_DROP, CAP_DAC_READ_SEARCH, 0, 0, 0);
#endif
}

} // namespace

TEST_CASE(
    "cli logs import into a full disk says so, names the folder, keeps nothing of the file and every earlier set, "
    "and the same import succeeds once there is room",
    "[integration][cli][logs]")
{
    CliSession cli(false);
    const CliRun first = cli.run({QStringLiteral("logs"), QStringLiteral("import"),
        QStringLiteral(TB_SOURCE_DIR "/tests/data/logs/admin-center-download.json")});
    REQUIRE(first.exitCode == 0);
    const QJsonArray before = sets(cli);
    REQUIRE(before.size() == 1);
    const QString database = cli.databasePath();
    REQUIRE_FALSE(database.isEmpty());
    const QString folder = QFileInfo(database).absolutePath();
    const QString big = writeDownload(cli.home.path(), 3000);

    // No file of the CLI may grow past 1 MB (the database file itself is smaller).
    REQUIRE(QFileInfo(database).size() < 1024 * 1024);
    const CliRun full = runWith(cli, {QStringLiteral("logs"), QStringLiteral("import"), big},
        [] { tb::test::FileSizeLimit::applyInChild(1024 * 1024); });
    CHECK(full.exitCode == 5);
    CHECK(full.err.contains(QStringLiteral("Nothing was imported from big-download.json")));
    CHECK(full.err.contains(QStringLiteral("The disk that holds %1 is full").arg(QDir::toNativeSeparators(folder))));
    CHECK(full.err.contains(QStringLiteral("Free some space")));
    // The earlier set as it was, and no other.
    CHECK(sets(cli) == before);

    const CliRun retried = cli.run({QStringLiteral("--json"), QStringLiteral("logs"), QStringLiteral("import"), big});
    REQUIRE(retried.exitCode == 0);
    CHECK(parseJson(retried.out).value(QLatin1String("records")).toInt() == 3000);
    const QJsonArray after = sets(cli);
    REQUIRE(after.size() == 2);
    CHECK(after.contains(before.first()));
}

TEST_CASE("cli apply whose journal cannot be written for a full disk stops before sending anything, and runs once "
          "there is room",
    "[integration][cli][setup]")
{
    CliSession cli;
    cli.loginBoth();
    REQUIRE(cli.run({QStringLiteral("status")}).exitCode == 0);
    const QString path = cli.databasePath();
    REQUIRE_FALSE(path.isEmpty());
    const int sourceWrites = writesOf(cli, kContosoId);
    const int targetWrites = writesOf(cli, kFabrikamId);

    qint64 journalRows = -1;
    {
        // Open beside the CLI, as the GUI would be: the -shm file exists, and the CLI's first write starts the WAL at
        // its beginning, where 4 KB hold its header and not one page.
        tb::store::Database open(path);
        REQUIRE_FALSE(open.open().has_value());
        const CliRun apply = runWith(cli, {QStringLiteral("apply"), QStringLiteral("--yes")},
            [] { tb::test::FileSizeLimit::applyInChild(4096); });
        CHECK(apply.exitCode != 0);
        CHECK(apply.err.contains(QStringLiteral("is full")));
        CHECK(apply.err.contains(QStringLiteral("Free some space")));
        CHECK_FALSE(apply.out.contains(QStringLiteral("[1/9]")));
        QSqlQuery rows(open.connection());
        REQUIRE(rows.exec(QStringLiteral("SELECT count(*) FROM journal")));
        REQUIRE(rows.next());
        journalRows = rows.value(0).toLongLong();
    }
    // Not one request that changes something reached either tenant, and nothing was journalled as sent.
    CHECK(writesOf(cli, kContosoId) == sourceWrites);
    CHECK(writesOf(cli, kFabrikamId) == targetWrites);
    CHECK(journalRows == 0);

    const CliRun retried = cli.run({QStringLiteral("apply"), QStringLiteral("--yes")});
    CHECK(retried.exitCode == 0);
    CHECK(retried.out.contains(QStringLiteral("Applied 9 change(s)")));
}

TEST_CASE("cli refuses a profile folder it may not write, naming the folder, and sends nothing", "[integration][cli]")
{
    CliSession cli;
    cli.loginBoth();
    REQUIRE(cli.run({QStringLiteral("status")}).exitCode == 0);
    const QString path = cli.databasePath();
    const QString folder = QFileInfo(path).absolutePath();
    const QByteArray before = [&] {
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        return file.readAll();
    }();
    const int sourceWrites = writesOf(cli, kContosoId);
    const int targetWrites = writesOf(cli, kFabrikamId);

    REQUIRE(QFile::setPermissions(path, QFile::ReadOwner));
    REQUIRE(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
    const CliRun status = runWith(cli, {QStringLiteral("status")}, withoutFileOverride);
    const CliRun apply = runWith(cli, {QStringLiteral("apply"), QStringLiteral("--yes")}, withoutFileOverride);
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

    for (const CliRun& run : {status, apply}) {
        CHECK(run.exitCode != 0); // and it ended: a workspace that fails at start used to leave the CLI waiting
        CHECK(run.err.contains(QStringLiteral("cannot write to the folder %1").arg(QDir::toNativeSeparators(folder))));
        CHECK(run.err.contains(QStringLiteral("writable")));
    }
    CHECK(writesOf(cli, kContosoId) == sourceWrites);
    CHECK(writesOf(cli, kFabrikamId) == targetWrites);
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll() == before);
}
