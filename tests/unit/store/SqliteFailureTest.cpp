// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The profile database on a full disk and in a folder it may not write (issue 9), on real files: the disk is "full"
// through RLIMIT_FSIZE (FileSizeLimit: any user, no mount), and root is made to obey file modes by dropping
// CAP_DAC_OVERRIDE from the test thread (FilePermissionsEnforced), since CI runs as root.
#include "core/store/SqliteFailure.h"
#include "core/store/Database.h"
#include "core/store/Journal.h"
#include "tests/support/FilePermissionsEnforced.h"
#include "tests/support/FileSizeLimit.h"

#include <catch2/catch.hpp>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cerrno>

using tb::store::Database;
using tb::store::Journal;
using tb::store::JournalEntry;
using tb::store::SqliteFailure;
using tb::store::StoreError;
using Kind = tb::store::StoreError::Kind;

namespace {

JournalEntry intent(const QString& run, const QString& step)
{
    JournalEntry entry;
    entry.runId = run;
    entry.stepKey = step;
    entry.tenantId = QStringLiteral("tenant-1");
    entry.phase = JournalEntry::Phase::Intent;
    entry.method = QStringLiteral("POST");
    entry.path = QStringLiteral("/policies/crossTenantAccessPolicy/partners");
    // A body the size of a real step's, so that a row needs more than one page.
    entry.requestBody = QString(6000, QLatin1Char('x'));
    return entry;
}

QList<JournalEntry> entriesOf(Journal& journal, const QString& run)
{
    const auto entries = journal.entries(run);
    REQUIRE(std::holds_alternative<QList<JournalEntry>>(entries));
    return std::get<QList<JournalEntry>>(entries);
}

// Moves everything from the WAL into the database file and empties the WAL, so that the next write starts the WAL
// at offset 0: the file size limit then decides exactly when the disk is "full".
void checkpoint(const Database& db)
{
    QSqlQuery query(db.connection());
    REQUIRE(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
}

QByteArray hashOf(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

TEST_CASE("SqliteFailure tells a full disk and an unwritable store from other failures", "[store]")
{
    // ENOSPC, or a write cut short: SQLITE_FULL.
    CHECK(SqliteFailure::kindOf(SQLITE_FULL, 0, Kind::QueryFailed) == Kind::DiskFull);
    // Any other failed write is SQLITE_IOERR_WRITE; the errno tells a file size limit or a quota from a bad disk.
    CHECK(SqliteFailure::kindOf(SQLITE_IOERR_WRITE, EFBIG, Kind::QueryFailed) == Kind::DiskFull);
    CHECK(SqliteFailure::kindOf(SQLITE_IOERR_WRITE, ENOSPC, Kind::QueryFailed) == Kind::DiskFull);
    CHECK(SqliteFailure::kindOf(SQLITE_IOERR_WRITE, EIO, Kind::QueryFailed) == Kind::QueryFailed);
    CHECK(SqliteFailure::kindOf(SQLITE_READONLY, 0, Kind::QueryFailed) == Kind::ReadOnly);
    CHECK(SqliteFailure::kindOf(SQLITE_READONLY_DBMOVED, 0, Kind::QueryFailed) == Kind::ReadOnly);
    CHECK(SqliteFailure::kindOf(SQLITE_CANTOPEN, EACCES, Kind::CannotOpen) == Kind::ReadOnly);
    CHECK(SqliteFailure::kindOf(SQLITE_CANTOPEN, EROFS, Kind::CannotOpen) == Kind::ReadOnly);
    CHECK(SqliteFailure::kindOf(SQLITE_CANTOPEN, ENOENT, Kind::CannotOpen) == Kind::CannotOpen);
    // A constraint or a syntax error is the statement's fault, whatever errno a file call left behind.
    CHECK(SqliteFailure::kindOf(SQLITE_CONSTRAINT, ENOSPC, Kind::QueryFailed) == Kind::QueryFailed);
    CHECK(SqliteFailure::kindOf(SQLITE_ERROR, EACCES, Kind::QueryFailed) == Kind::QueryFailed);

    const StoreError full(Kind::DiskFull, QStringLiteral("/home/ann/.local/share/TenantBridge/profiles/default.sqlite"),
        QStringLiteral("disk I/O error"));
    CHECK(full.userMessage().contains(QStringLiteral("/home/ann/.local/share/TenantBridge/profiles is full")));
    CHECK(full.userMessage().contains(QStringLiteral("Free some space")));
    CHECK(full.userMessage().contains(QStringLiteral("nothing saved before was lost")));
    const StoreError readOnly(Kind::ReadOnly, QStringLiteral("/srv/tb/profiles/default.sqlite"), QStringLiteral("x"));
    CHECK(readOnly.userMessage().contains(QStringLiteral("cannot write to the folder /srv/tb/profiles")));
    CHECK(readOnly.userMessage().contains(QStringLiteral("writable")));
}

TEST_CASE("A journal entry that does not fit on the disk is refused as DiskFull, and the journal keeps what it had",
    "[store]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    Database db(dir.filePath(QStringLiteral("profiles/default.sqlite")));
    REQUIRE_FALSE(db.open().has_value());
    Journal journal(db);
    REQUIRE(std::holds_alternative<qint64>(journal.record(intent(QStringLiteral("run-1"), QStringLiteral("step-1")))));
    checkpoint(db);

    {
        // Room for the WAL's header and less than one page: the next row cannot be written.
        tb::test::FileSizeLimit full(2048);
        REQUIRE(full.isActive());
        const auto written = journal.record(intent(QStringLiteral("run-1"), QStringLiteral("step-2")));
        REQUIRE(std::holds_alternative<StoreError>(written));
        const StoreError& error = std::get<StoreError>(written);
        INFO(error.userMessage().toStdString());
        CHECK(error.kind() == Kind::DiskFull);
        CHECK(error.userMessage().contains(QDir::toNativeSeparators(dir.filePath(QStringLiteral("profiles")))));
        CHECK(error.userMessage().contains(QStringLiteral("Free some space")));
    }

    // Nothing half-written: the first row as it was, no second one; the file checks out.
    const QList<JournalEntry> entries = entriesOf(journal, QStringLiteral("run-1"));
    REQUIRE(entries.size() == 1);
    CHECK(entries.first().stepKey == QStringLiteral("step-1"));
    QSqlQuery check(db.connection());
    REQUIRE(check.exec(QStringLiteral("PRAGMA integrity_check")));
    REQUIRE(check.next());
    CHECK(check.value(0).toString() == QStringLiteral("ok"));
    // Space freed: the same write goes through.
    CHECK(std::holds_alternative<qint64>(journal.record(intent(QStringLiteral("run-1"), QStringLiteral("step-2")))));
    CHECK(entriesOf(journal, QStringLiteral("run-1")).size() == 2);
}

TEST_CASE("A profile database that cannot be written is refused with a sentence naming its folder", "[store]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("profiles"));
    const QString path = QDir(folder).filePath(QStringLiteral("default.sqlite"));
    {
        Database db(path);
        REQUIRE_FALSE(db.open().has_value());
        Journal journal(db);
        REQUIRE(std::holds_alternative<qint64>(journal.record(intent(QStringLiteral("run-1"), QStringLiteral("s")))));
    } // closed: the WAL is folded in and removed
    const QByteArray before = hashOf(path);

    SECTION("the file is read-only")
    {
        REQUIRE(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    }
    SECTION("the folder is read-only (no -wal or -shm file can be made)")
    {
        REQUIRE(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup));
    }

    std::optional<StoreError> error;
    {
        tb::test::FilePermissionsEnforced enforced;
        REQUIRE(enforced.isActive());
        Database db(path);
        error = db.open();
        CHECK_FALSE(db.isOpen());
    }
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

    REQUIRE(error.has_value());
    INFO(error->userMessage().toStdString());
    CHECK(error->kind() == Kind::ReadOnly);
    CHECK(error->userMessage().contains(QDir::toNativeSeparators(folder)));
    CHECK(error->userMessage().contains(QStringLiteral("writable")));
    // Left exactly as it was, and usable again once it may be written.
    CHECK(hashOf(path) == before);
    Database again(path);
    REQUIRE_FALSE(again.open().has_value());
    Journal journal(again);
    CHECK(entriesOf(journal, QStringLiteral("run-1")).size() == 1);
}
