// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Database.h"

#include "core/CoreLogging.h"
#include "core/store/Migrations.h"
#include "core/store/SqliteFailure.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include <sqlite3.h>

namespace tb::store {

namespace {

const QString kDriver = QStringLiteral("QSQLITE");

// Files up to this size are checked whole when opened.
constexpr qint64 kQuickCheckBytes = 64LL * 1024 * 1024;

// Reads one value from a statement that returns a single row; on failure, the error (of kind otherwise unless the disk
// or the permissions are to blame).
std::variant<QVariant, StoreError> singleValue(
    QSqlDatabase& db, const QString& sql, const QString& filePath, StoreError::Kind otherwise)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        return SqliteFailure::fromQuery(db, query.lastError(), filePath, otherwise);
    }
    if (!query.next()) {
        return StoreError(otherwise, filePath, QStringLiteral("no answer to %1").arg(sql));
    }
    return query.value(0);
}

} // namespace

QString Database::defaultFilePath(const QString& profile)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(base).filePath(QStringLiteral("profiles/%1.sqlite").arg(profile));
}

Database::Database(QString filePath)
    : m_filePath(std::move(filePath))
    , m_connectionName(QStringLiteral("tb-store-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

Database::~Database()
{
    close();
}

std::optional<StoreError> Database::open()
{
    if (!QSqlDatabase::isDriverAvailable(kDriver)) {
        return StoreError(StoreError::Kind::DriverMissing, m_filePath,
            QStringLiteral("the Qt SQLite driver (plugin qsqlite) is not installed"));
    }
    const QFileInfo info(m_filePath);
    if (info.exists() && !info.isFile()) {
        return StoreError(StoreError::Kind::CannotOpen, m_filePath, QStringLiteral("the path is not a regular file"));
    }
    if (!info.exists() && !QDir().mkpath(info.absolutePath())) {
        return StoreError(StoreError::Kind::CannotOpen, m_filePath,
            QStringLiteral("cannot create the folder %1").arg(info.absolutePath()));
    }
    if (info.exists() && !info.isReadable()) {
        return StoreError(StoreError::Kind::CannotOpen, m_filePath, QStringLiteral("no permission to read the file"));
    }
    if (info.exists() && !info.isWritable()) {
        return StoreError(StoreError::Kind::ReadOnly, m_filePath, QStringLiteral("the file is read-only"));
    }

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(kDriver, m_connectionName);
        db.setDatabaseName(m_filePath);
        // A busy timeout lets a second process (the CLI next to the GUI) wait for a lock instead of failing.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            const StoreError error
                = SqliteFailure::fromQuery(db, db.lastError(), m_filePath, StoreError::Kind::CannotOpen);
            close();
            return error;
        }
    }
    if (auto error = checkReadable()) {
        close();
        return error;
    }
    if (auto error = checkWritable()) {
        close();
        return error;
    }
    if (auto error = configure()) {
        close();
        return error;
    }
    QSqlDatabase db = connection();
    if (auto error = Migrations::apply(db, m_filePath)) {
        close();
        return error;
    }
    qCInfo(lcStore) << "opened" << m_filePath << "schema" << schemaVersion();
    return std::nullopt;
}

// SQLite opens anything lazily: the first read of the schema is what tells a database from another file.
// Only reads happen here, so a damaged file is left exactly as it was.
std::optional<StoreError> Database::checkReadable()
{
    QSqlDatabase db = connection();
    if (auto schema
        = singleValue(db, QStringLiteral("PRAGMA schema_version"), m_filePath, StoreError::Kind::NotADatabase);
        std::holds_alternative<StoreError>(schema)) {
        return std::get<StoreError>(schema);
    }
    // quick_check reads every page: 0.6 s for a 400 MB profile (200,000 log records) with the file in the page
    // cache, seconds for a million records from a cold disk, at every start. A larger file relies on SQLite's checks
    // of each page it reads: a damaged one fails its query (SQLITE_CORRUPT) with a StoreError saying so.
    if (QFileInfo(m_filePath).size() <= kQuickCheckBytes) {
        const auto check
            = singleValue(db, QStringLiteral("PRAGMA quick_check"), m_filePath, StoreError::Kind::NotADatabase);
        if (const auto* error = std::get_if<StoreError>(&check)) {
            return *error;
        }
        if (std::get<QVariant>(check).toString() != QStringLiteral("ok")) {
            return StoreError(StoreError::Kind::NotADatabase, m_filePath, std::get<QVariant>(check).toString());
        }
    }
    const auto version
        = singleValue(db, QStringLiteral("PRAGMA user_version"), m_filePath, StoreError::Kind::NotADatabase);
    if (const auto* error = std::get_if<StoreError>(&version)) {
        return *error;
    }
    if (std::get<QVariant>(version).toInt() > Migrations::latestVersion()) {
        return StoreError(StoreError::Kind::NewerSchema, m_filePath,
            QStringLiteral("schema %1, this version knows up to %2")
                .arg(std::get<QVariant>(version).toInt())
                .arg(Migrations::latestVersion()));
    }
    return std::nullopt;
}

// SQLite opens a file it may not write read-only without a word (unixOpen falls back to O_RDONLY), and a file
// access() calls writable may still refuse a write (root without CAP_DAC_OVERRIDE, a read-only mount). Every change
// to a tenant is journalled here first, so a store that cannot take a write is refused at once, with a sentence,
// rather than failing at the first apply. Only the file's mode is asked (no lock is taken: a second process may be
// writing).
std::optional<StoreError> Database::checkWritable()
{
    sqlite3* handle = SqliteFailure::handleOf(connection());
    if (handle != nullptr && sqlite3_db_readonly(handle, "main") == 1) {
        return StoreError(
            StoreError::Kind::ReadOnly, m_filePath, QStringLiteral("the file can only be opened for reading"));
    }
    return std::nullopt;
}

std::optional<StoreError> Database::configure()
{
    QSqlDatabase db = connection();
    // WAL: readers never block the writer, and a crash mid-write leaves the last committed state.
    const auto mode
        = singleValue(db, QStringLiteral("PRAGMA journal_mode=WAL"), m_filePath, StoreError::Kind::CannotOpen);
    if (const auto* error = std::get_if<StoreError>(&mode)) {
        return *error;
    }
    if (std::get<QVariant>(mode).toString().toLower() != QStringLiteral("wal")) {
        return StoreError(StoreError::Kind::CannotOpen, m_filePath,
            QStringLiteral("WAL mode refused (journal mode is %1)").arg(std::get<QVariant>(mode).toString()));
    }
    QSqlQuery query(db);
    for (const QString& pragma :
        {QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA synchronous=NORMAL")}) {
        if (!query.exec(pragma)) {
            return SqliteFailure::fromQuery(db, query.lastError(), m_filePath, StoreError::Kind::CannotOpen);
        }
    }
    return std::nullopt;
}

void Database::close()
{
    if (!QSqlDatabase::contains(m_connectionName)) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && QSqlDatabase::database(m_connectionName, false).isOpen();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const
{
    QSqlQuery query(connection());
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next()) {
        return query.value(0).toInt();
    }
    return -1;
}

QString Database::journalMode() const
{
    QSqlQuery query(connection());
    if (query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next()) {
        return query.value(0).toString().toLower();
    }
    return {};
}

} // namespace tb::store
