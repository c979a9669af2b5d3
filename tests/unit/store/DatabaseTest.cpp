// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Database.h"
#include "core/store/Migrations.h"

#include <catch2/catch.hpp>

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

using tb::store::Database;
using tb::store::StoreError;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(content) == content.size());
}

QStringList tableNames(const Database& db)
{
    QSqlQuery query(db.connection());
    REQUIRE(query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")));
    QStringList names;
    while (query.next()) {
        names.append(query.value(0).toString());
    }
    return names;
}

} // namespace

TEST_CASE("A new profile database is created in WAL mode at the latest schema", "[store]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("profiles/new/default.sqlite"));
    Database db(path);
    const auto error = db.open();
    REQUIRE_FALSE(error.has_value());
    CHECK(QFile::exists(path));
    CHECK(db.journalMode() == QStringLiteral("wal"));
    CHECK(db.schemaVersion() == tb::store::Migrations::latestVersion());
    CHECK(tableNames(db).contains(QStringLiteral("journal")));
}

TEST_CASE("Opening a migrated database again changes nothing", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.sqlite"));
    {
        Database db(path);
        REQUIRE_FALSE(db.open().has_value());
        QSqlQuery query(db.connection());
        REQUIRE(query.exec(QStringLiteral("INSERT INTO profile_meta (key, value) VALUES ('k', 'v')")));
    }
    Database again(path);
    REQUIRE_FALSE(again.open().has_value());
    CHECK(again.schemaVersion() == tb::store::Migrations::latestVersion());
    QSqlQuery query(again.connection());
    REQUIRE(query.exec(QStringLiteral("SELECT value FROM profile_meta WHERE key = 'k'")));
    REQUIRE(query.next());
    CHECK(query.value(0).toString() == QStringLiteral("v"));
}

TEST_CASE("A file that is not a database is reported and left untouched", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.sqlite"));
    QByteArray garbage;
    for (int i = 0; i < 8192; ++i) {
        garbage.append(static_cast<char>((i * 37 + 11) % 251));
    }
    writeFile(path, garbage);
    const QByteArray before = fileHash(path);

    Database db(path);
    const auto error = db.open();
    REQUIRE(error.has_value());
    CHECK(error->kind() == StoreError::Kind::NotADatabase);
    CHECK(error->userMessage().contains(QStringLiteral("left untouched")));
    CHECK_FALSE(db.isOpen());
    CHECK(fileHash(path) == before);
    CHECK_FALSE(QFile::exists(path + QStringLiteral("-wal")));
}

TEST_CASE("A database truncated in the middle of its pages is reported and left untouched", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cut.sqlite"));
    {
        Database db(path);
        REQUIRE_FALSE(db.open().has_value());
        QSqlQuery query(db.connection());
        for (int i = 0; i < 200; ++i) {
            REQUIRE(query.exec(QStringLiteral("INSERT INTO profile_meta (key, value) VALUES ('k%1', '%2')")
                                   .arg(i)
                                   .arg(QString(500, QLatin1Char('x')))));
        }
        REQUIRE(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadWrite));
    const QByteArray content = file.readAll();
    REQUIRE(content.size() > 8192);
    // Keep the header, overwrite the pages after the first two with noise.
    QByteArray damaged = content.left(8192);
    damaged.append(QByteArray(content.size() - 8192, '\x5a'));
    file.seek(0);
    file.write(damaged);
    file.close();
    const QByteArray before = fileHash(path);

    Database db(path);
    const auto error = db.open();
    REQUIRE(error.has_value());
    CHECK(error->kind() == StoreError::Kind::NotADatabase);
    CHECK(fileHash(path) == before);
}

TEST_CASE("A database from a newer version is refused and left untouched", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("newer.sqlite"));
    {
        Database db(path);
        REQUIRE_FALSE(db.open().has_value());
        QSqlQuery query(db.connection());
        REQUIRE(query.exec(QStringLiteral("PRAGMA user_version = 999")));
        REQUIRE(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    const QByteArray before = fileHash(path);
    Database db(path);
    const auto error = db.open();
    REQUIRE(error.has_value());
    CHECK(error->kind() == StoreError::Kind::NewerSchema);
    CHECK(error->userMessage().contains(QStringLiteral("newer version")));
    CHECK(fileHash(path) == before);
}

TEST_CASE("A database in a place that cannot be created gives a clear error", "[store]")
{
    QTemporaryDir dir;
    // A regular file where a folder should be: no user, not even root, can create the folder.
    const QString blocker = dir.filePath(QStringLiteral("blocker"));
    writeFile(blocker, QByteArrayLiteral("x"));
    Database db(blocker + QStringLiteral("/profiles/p.sqlite"));
    const auto error = db.open();
    REQUIRE(error.has_value());
    CHECK(error->kind() == StoreError::Kind::CannotOpen);
    CHECK(error->userMessage().contains(QStringLiteral("cannot be opened")));
}

TEST_CASE("The default database path is per profile under the application data folder", "[store]")
{
    const QString a = Database::defaultFilePath(QStringLiteral("alpha"));
    const QString b = Database::defaultFilePath(QStringLiteral("beta"));
    CHECK(a != b);
    CHECK(a.endsWith(QStringLiteral("profiles/alpha.sqlite")));
}

TEST_CASE(
    "A missing SQLite driver is told as such, with the package to install and no advice about the folder", "[store]")
{
    const StoreError error(StoreError::Kind::DriverMissing, QStringLiteral("/home/ann/profiles/default.sqlite"),
        QStringLiteral("the Qt SQLite driver (plugin qsqlite) is not installed"));
    const QString message = error.userMessage();
    CHECK(message.contains(QStringLiteral("plugin qsqlite) is not installed")));
    CHECK(message.contains(QStringLiteral("libqt6sql6-sqlite")));
    CHECK_FALSE(message.contains(QStringLiteral("folder")));
}
