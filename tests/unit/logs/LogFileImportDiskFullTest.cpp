// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Importing provisioning logs into a profile whose disk fills up (issue 9): the import fails with a sentence that
// says the disk is full, names the folder and says what to do; it leaves no set and no record behind, the sets
// imported before are untouched, and the same import run again once there is room stores every record. The disk is
// "full" through RLIMIT_FSIZE (FileSizeLimit), which any user can set.
#include "core/logs/LogFileImport.h"
#include "core/logs/LogStore.h"
#include "core/store/Database.h"
#include "core/store/StoreError.h"
#include "tests/support/FileSizeLimit.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>

using tb::logs::LogFileImport;
using tb::logs::LogSet;
using tb::logs::LogStore;
using tb::store::Database;

namespace {

QString sample(const char* name)
{
    return QStringLiteral(TB_SOURCE_DIR "/tests/data/logs/") + QString::fromLatin1(name);
}

// A download of count records: the sample's first record again and again, each with its own id.
QString writeDownload(const QTemporaryDir& dir, int count)
{
    QFile sampleFile(sample("admin-center-download.json"));
    REQUIRE(sampleFile.open(QIODevice::ReadOnly));
    const QJsonObject record = QJsonDocument::fromJson(sampleFile.readAll()).array().first().toObject();
    QJsonArray records;
    for (int i = 0; i < count; ++i) {
        QJsonObject copy = record;
        copy.insert(QStringLiteral("id"), QStringLiteral("disk-full-%1").arg(i));
        records.append(copy);
    }
    const QString path = dir.filePath(QStringLiteral("big-download.json"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(QJsonDocument(records).toJson(QJsonDocument::Compact)) > 0);
    return path;
}

QList<LogSet> setsOf(Database& database)
{
    const auto sets = LogStore(database).sets();
    REQUIRE(std::holds_alternative<QList<LogSet>>(sets));
    return std::get<QList<LogSet>>(sets);
}

qint64 recordsIn(Database& database)
{
    QSqlQuery query(database.connection());
    REQUIRE(query.exec(QStringLiteral("SELECT count(*) FROM log_records")));
    REQUIRE(query.next());
    return query.value(0).toLongLong();
}

} // namespace

TEST_CASE("LogFileImport into a full disk keeps nothing of the file, keeps every earlier set, and succeeds once there "
          "is room",
    "[unit][logs][import]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("profiles"));
    Database database(QDir(folder).filePath(QStringLiteral("default.sqlite")));
    REQUIRE_FALSE(database.open().has_value());

    const LogFileImport::Result earlier = LogFileImport::run(database, sample("admin-center-download.json"), {});
    REQUIRE(earlier.ok);
    const qint64 recordsBefore = recordsIn(database);
    REQUIRE(recordsBefore == earlier.records);
    const QString big = writeDownload(dir, 3000); // about 7 MB of records

    LogFileImport::Result failed;
    {
        // The database file may keep its size; no file may grow past 1 MB.
        tb::test::FileSizeLimit full(std::max<qint64>(QFileInfo(database.filePath()).size(), 1024 * 1024));
        REQUIRE(full.isActive());
        failed = LogFileImport::run(database, big, {});
    }
    INFO(failed.error.toStdString());
    CHECK_FALSE(failed.ok);
    CHECK(failed.storeFailed);
    CHECK(failed.records == 0);
    CHECK(failed.error.contains(QStringLiteral("Nothing was imported from big-download.json")));
    CHECK(
        failed.error.contains(QStringLiteral("The disk that holds %1 is full").arg(QDir::toNativeSeparators(folder))));
    CHECK(failed.error.contains(QStringLiteral("Free some space")));
    // Nothing of the file stays, in no set; the earlier import is whole.
    const QList<LogSet> sets = setsOf(database);
    REQUIRE(sets.size() == 1);
    CHECK(sets.first().id == earlier.setId);
    CHECK(recordsIn(database) == recordsBefore);

    // Room again: the same file goes in whole.
    const LogFileImport::Result retried = LogFileImport::run(database, big, {});
    INFO(retried.error.toStdString());
    REQUIRE(retried.ok);
    CHECK(retried.records == 3000);
    CHECK(recordsIn(database) == recordsBefore + 3000);
    CHECK(setsOf(database).size() == 2);
}
