// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/LogQuery.h"
#include "core/logs/LogRecordRow.h"
#include "core/model/ProvisioningLogEntry.h"
#include "core/store/StoreError.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <variant>

class QSqlError;

namespace tb::store {
class Database;
}

namespace tb::logs {

class LogRecordWriter;

// A group of provisioning log records that are always looked at apart from others: the logs fetched for one
// provisioning job, or one file an administrator imported (Migrations step 4, table log_sets).
struct LogSet
{
    enum class Kind { Job, Import };

    qint64 id = 0;
    Kind kind = Kind::Job;
    QString servicePrincipalId; // Job
    QString jobId; // Job
    QString fileName; // Import: the file's name as the user picked it
    QDateTime importedAt; // Import, UTC
    QDateTime createdAt; // UTC

    friend bool operator==(const LogSet& a, const LogSet& b) = default;
};

// One line of the logs table: the columns a list shows, without the steps and properties of the full record
// (LogStore::record reads those for the detail pane).
struct LogRow
{
    qint64 rowId = 0; // the store's key, for LogStore::record
    QString recordId; // Graph's id
    QDateTime activityTime; // UTC, millisecond precision
    QString status;
    QString action;
    QString cycleId;
    QString sourceId;
    QString sourceName;
    QString sourceUserPrincipalName;
    QString targetId;
    QString targetName;
    QString errorCode;
    QString errorReason;
    qint64 durationMs = 0;

    friend bool operator==(const LogRow& a, const LogRow& b) = default;
};

struct ErrorCodeCount
{
    QString errorCode;
    qint64 count = 0;

    friend bool operator==(const ErrorCodeCount& a, const ErrorCodeCount& b) = default;
};

// The provisioning logs of a profile: sets, de-duplicated inserts, and the queries of the logs page (a page of
// rows at any offset for a table that fetches lazily, the total, one full record, counts per error code).
// In core/logs rather than core/store because it stores log values (store knows no model of the logs).
// Borrows the Database and uses it on its thread.
class LogStore final
{
public:
    explicit LogStore(store::Database& database);
    ~LogStore();
    LogStore(const LogStore&) = delete;
    LogStore& operator=(const LogStore&) = delete;

    // The set of one job's fetched logs, created on first use.
    [[nodiscard]] std::variant<LogSet, store::StoreError> jobSet(
        const QString& servicePrincipalId, const QString& jobId);
    // A new set for an imported file; importing the same file twice gives two sets.
    [[nodiscard]] std::variant<LogSet, store::StoreError> createImportSet(
        const QString& fileName, const QDateTime& importedAt);
    // Every set, fetched jobs first, then imports newest first.
    [[nodiscard]] std::variant<QList<LogSet>, store::StoreError> sets() const;
    [[nodiscard]] std::variant<std::optional<LogSet>, store::StoreError> findSet(qint64 setId) const;
    // Removes a set and every record in it.
    [[nodiscard]] std::optional<store::StoreError> deleteSet(qint64 setId);

    // Stores the entries in one transaction; an entry whose id the set already holds is skipped (fetches overlap on
    // purpose). Returns how many were new. An entry without an id is refused, and then nothing is stored.
    [[nodiscard]] std::variant<int, store::StoreError> insert(
        qint64 setId, const QList<model::ProvisioningLogEntry>& entries);
    // The same, with each record's JSON text as read (a downloaded file, a Graph page): json.at(i) must be the text
    // entries.at(i) was made from (ProvisioningLogEntry::fromJson), and is stored instead of JSON built from the entry,
    // so that record() gives back what fromJson gives. An empty json list, or an empty text, means "build it".
    [[nodiscard]] std::variant<int, store::StoreError> insert(
        qint64 setId, const QList<model::ProvisioningLogEntry>& entries, const QList<QByteArray>& json);
    // The same with rows made already (LogRecordRow::from, on the thread that read the records). The rows are
    // written through SQLite's C API on a connection of the writer's own (LogRecordWriter).
    [[nodiscard]] std::variant<int, store::StoreError> insert(qint64 setId, const QList<LogRecordRow>& rows);
    // The newest activity time stored in the set, where the next incremental fetch starts; invalid when empty.
    [[nodiscard]] std::variant<QDateTime, store::StoreError> newestActivityTime(qint64 setId) const;
    // Records in the set.
    [[nodiscard]] std::variant<qint64, store::StoreError> count(qint64 setId) const;

    // Rows [offset, offset + limit) of the query's result in its sort order (ties broken by time, then insertion).
    [[nodiscard]] std::variant<QList<LogRow>, store::StoreError> rows(
        const LogQuery& query, qint64 offset, int limit) const;
    // rows(query, 0, query.pageSize).
    [[nodiscard]] std::variant<QList<LogRow>, store::StoreError> firstPage(const LogQuery& query) const;
    [[nodiscard]] std::variant<qint64, store::StoreError> totalCount(const LogQuery& query) const;
    // The full record behind a row; std::nullopt when the row is gone.
    [[nodiscard]] std::variant<std::optional<model::ProvisioningLogEntry>, store::StoreError> record(
        qint64 rowId) const;
    // How many of the query's records carry each error code, most frequent first (records without a code are left
    // out). The query's own error code filter is ignored, so the view can drill down and come back.
    [[nodiscard]] std::variant<QList<ErrorCodeCount>, store::StoreError> countsByErrorCode(const LogQuery& query) const;

    // Bulk mode for a large fetch or import: inserts go through one writer connection kept open, in transactions of
    // 100,000 rows, with no fsync per commit and a large page cache (LogRecordWriter::Mode::Bulk). Until it ends,
    // other connections (this store's queries too) may not see the last rows. A power loss during bulk mode can lose
    // the last transactions (never corrupt the file: WAL). Ending it commits the rest, checkpoints and closes that
    // connection; its error means the rows since the last commit were not stored.
    [[nodiscard]] std::optional<store::StoreError> beginBulkInsert();
    [[nodiscard]] std::optional<store::StoreError> endBulkInsert();

private:
    [[nodiscard]] store::StoreError queryError(const QString& detail) const;
    // The statement's error on the database's connection, classified (SqliteFailure).
    [[nodiscard]] store::StoreError queryError(const QSqlError& error) const;

    store::Database& m_database;
    std::unique_ptr<LogRecordWriter> m_bulkWriter; // between beginBulkInsert and endBulkInsert
};

} // namespace tb::logs
