// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/LogRecordWriter.h"

#include "core/store/SqliteFailure.h"

#include <QFile>

#include <sqlite3.h>

namespace tb::logs {

using store::StoreError;

namespace {

constexpr int kBusyTimeoutMs = 10000;

// Bulk mode commits after this many rows rather than after every write: each commit writes every index page the
// transaction touched, and the identity and text indexes touch pages all over their trees.
constexpr qsizetype kBulkCommitRows = 100000;

bool bindText(sqlite3_stmt* statement, int index, const QByteArray& text)
{
    // constData() of an empty QByteArray is "", so the NOT NULL text columns get '' rather than NULL.
    return sqlite3_bind_text(statement, index, text.constData(), static_cast<int>(text.size()), SQLITE_STATIC)
        == SQLITE_OK;
}

} // namespace

LogRecordWriter::LogRecordWriter(QString databasePath, Mode mode)
    : m_path(std::move(databasePath))
    , m_mode(mode)
{ }

LogRecordWriter::~LogRecordWriter()
{
    close();
}

StoreError LogRecordWriter::error(const QString& what) const
{
    // A full disk or a file that cannot be written gets its own kind and sentence (issue 9).
    return store::SqliteFailure::fromHandle(m_db, m_path, what, StoreError::Kind::QueryFailed);
}

std::optional<StoreError> LogRecordWriter::execute(const char* sql)
{
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
        return error(QString::fromUtf8(sql));
    }
    return std::nullopt;
}

std::optional<StoreError> LogRecordWriter::prepare(sqlite3_stmt** statement, const char* sql)
{
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, statement, nullptr) != SQLITE_OK) {
        return error(QString::fromUtf8(sql));
    }
    return std::nullopt;
}

std::optional<StoreError> LogRecordWriter::open()
{
    if (m_db) {
        return std::nullopt;
    }
    // Never creates the file: a missing one means the profile's database is gone, not that an empty one is wanted.
    const QByteArray path = QFile::encodeName(m_path);
    if (sqlite3_open_v2(path.constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        const StoreError failed = m_db
            ? store::SqliteFailure::fromHandle(m_db, m_path, QStringLiteral("opening"), StoreError::Kind::CannotOpen)
            : StoreError(StoreError::Kind::CannotOpen, m_path, QStringLiteral("out of memory"));
        close();
        return failed;
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
    const bool bulk = m_mode == Mode::Bulk;
    // foreign_keys: a row must name an existing set, and deleting a set deletes its rows (as on the QtSql side).
    for (const char* pragma : {"PRAGMA foreign_keys=ON", bulk ? "PRAGMA synchronous=OFF" : "PRAGMA synchronous=NORMAL",
             bulk ? "PRAGMA cache_size=-262144" : "PRAGMA cache_size=-2000",
             bulk ? "PRAGMA wal_autocheckpoint=10000" : "PRAGMA wal_autocheckpoint=1000"}) {
        if (std::optional<StoreError> failed = execute(pragma)) {
            close();
            return failed;
        }
    }
    std::optional<StoreError> failed = prepare(&m_findSet, "SELECT 1 FROM log_sets WHERE id = ?");
    if (!failed) {
        failed = prepare(&m_insertRecord,
            "INSERT OR IGNORE INTO log_records (set_id, record_id, activity_ms, status, action, cycle_id, change_id,"
            " job_id, source_id, source_name, source_upn, target_id, target_name, target_upn, error_code,"
            " error_reason, error_details, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }
    if (!failed) {
        failed = prepare(&m_insertBody, "INSERT INTO log_record_bodies (record_rowid, body) VALUES (?, ?)");
    }
    if (failed) {
        close();
    }
    return failed;
}

void LogRecordWriter::close()
{
    if (!m_db) {
        return;
    }
    rollback(); // what finish() did not commit
    for (sqlite3_stmt** statement : {&m_findSet, &m_insertRecord, &m_insertBody}) {
        sqlite3_finalize(*statement);
        *statement = nullptr;
    }
    m_uncommitted = 0;
    m_seenSets.clear();
    m_deferredSets.clear();
    m_committedSeenSets = 0;
    m_committedDeferredSets = 0;
    if (m_mode == Mode::Bulk) {
        // Leave a short WAL behind. SQLITE_BUSY (a reader elsewhere still needs old pages) only means the WAL
        // is truncated later, by the next checkpoint.
        sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    }
    sqlite3_close_v2(m_db);
    m_db = nullptr;
}

std::optional<StoreError> LogRecordWriter::runWithSet(const char* sql, qint64 setId)
{
    sqlite3_stmt* statement = nullptr;
    if (std::optional<StoreError> failed = prepare(&statement, sql)) {
        return failed;
    }
    sqlite3_bind_int64(statement, 1, setId);
    int step = sqlite3_step(statement);
    while (step == SQLITE_ROW) {
        step = sqlite3_step(statement);
    }
    std::optional<StoreError> failed;
    if (step != SQLITE_DONE) {
        failed = error(QString::fromUtf8(sql));
    }
    sqlite3_finalize(statement);
    return failed;
}

std::optional<StoreError> LogRecordWriter::deferTextIndex(qint64 setId)
{
    // Only a set with no records yet: one with records has them in the text index already, and filling it at the
    // end would index them twice.
    sqlite3_stmt* statement = nullptr;
    if (std::optional<StoreError> failed
        = prepare(&statement, "SELECT EXISTS (SELECT 1 FROM log_records WHERE set_id = ?)")) {
        return failed;
    }
    sqlite3_bind_int64(statement, 1, setId);
    const int step = sqlite3_step(statement);
    const bool hasRecords = step == SQLITE_ROW && sqlite3_column_int(statement, 0) != 0;
    sqlite3_finalize(statement);
    if (step != SQLITE_ROW) {
        return error(QStringLiteral("looking into log set %1").arg(setId));
    }
    if (hasRecords) {
        return std::nullopt;
    }
    if (std::optional<StoreError> failed
        = runWithSet("INSERT OR IGNORE INTO log_fts_deferred (set_id) VALUES (?)", setId)) {
        return failed;
    }
    m_deferredSets.append(setId);
    return std::nullopt;
}

std::optional<StoreError> LogRecordWriter::finish()
{
    if (!m_db) {
        return std::nullopt;
    }
    if (!m_deferredSets.isEmpty() && sqlite3_get_autocommit(m_db)) {
        if (std::optional<StoreError> failed = execute("BEGIN IMMEDIATE")) {
            return failed;
        }
    }
    // The deferred sets' rows into the text index in one statement each, in the transaction that ends the deferral.
    for (const qint64 setId : std::as_const(m_deferredSets)) {
        for (const char* sql :
            {"INSERT INTO log_fts (rowid, source_id, source_name, source_upn, target_id, target_name, target_upn,"
             " error_code, error_reason, error_details) SELECT id, source_id, source_name, source_upn, target_id,"
             " target_name, target_upn, error_code, error_reason, error_details FROM log_records WHERE set_id = ?",
                "DELETE FROM log_fts_deferred WHERE set_id = ?"}) {
            if (std::optional<StoreError> failed = runWithSet(sql, setId)) {
                rollback();
                return failed;
            }
        }
    }
    if (std::optional<StoreError> failed = commit()) {
        return failed; // rolled back: the sets stay listed, their rows unindexed, as before
    }
    m_deferredSets.clear();
    m_committedDeferredSets = 0;
    return std::nullopt;
}

std::optional<StoreError> LogRecordWriter::commit()
{
    m_uncommitted = 0;
    if (sqlite3_get_autocommit(m_db)) {
        return std::nullopt;
    }
    if (std::optional<StoreError> failed = execute("COMMIT")) {
        rollback();
        return failed;
    }
    m_committedSeenSets = m_seenSets.size();
    m_committedDeferredSets = m_deferredSets.size();
    return std::nullopt;
}

StoreError LogRecordWriter::abandon(const QString& what)
{
    StoreError failed = error(what); // before the rollback replaces SQLite's message
    rollback();
    return failed;
}

void LogRecordWriter::rollback()
{
    for (sqlite3_stmt* statement : {m_findSet, m_insertRecord, m_insertBody}) {
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
    }
    if (!sqlite3_get_autocommit(m_db)) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    // What the rolled back transaction listed in log_fts_deferred is gone with it: forget it here too, or a later
    // write would list the set again and finish() would index its rows twice.
    m_seenSets.resize(m_committedSeenSets);
    m_deferredSets.resize(m_committedDeferredSets);
    m_uncommitted = 0;
}

bool LogRecordWriter::bindRow(qint64 setId, const LogRecordRow& row)
{
    sqlite3_stmt* const s = m_insertRecord;
    return sqlite3_bind_int64(s, 1, setId) == SQLITE_OK && bindText(s, 2, row.recordId)
        && sqlite3_bind_int64(s, 3, row.activityMs) == SQLITE_OK && bindText(s, 4, row.status)
        && bindText(s, 5, row.action) && bindText(s, 6, row.cycleId) && bindText(s, 7, row.changeId)
        && bindText(s, 8, row.jobId) && bindText(s, 9, row.sourceId) && bindText(s, 10, row.sourceName)
        && bindText(s, 11, row.sourceUpn) && bindText(s, 12, row.targetId) && bindText(s, 13, row.targetName)
        && bindText(s, 14, row.targetUpn) && bindText(s, 15, row.errorCode) && bindText(s, 16, row.errorReason)
        && bindText(s, 17, row.errorDetails) && sqlite3_bind_int64(s, 18, row.durationMs) == SQLITE_OK;
}

std::variant<int, StoreError> LogRecordWriter::write(qint64 setId, const QList<LogRecordRow>& rows)
{
    if (rows.isEmpty()) {
        return 0;
    }
    if (const std::optional<StoreError> failed = open()) {
        return *failed;
    }
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows.at(i).recordId.isEmpty()) {
            return StoreError(StoreError::Kind::QueryFailed, m_path,
                QStringLiteral("log record %1 of %2 has no id").arg(i + 1).arg(rows.size()));
        }
    }
    if (sqlite3_get_autocommit(m_db)) {
        if (std::optional<StoreError> failed = execute("BEGIN IMMEDIATE")) {
            return *failed;
        }
    }
    sqlite3_bind_int64(m_findSet, 1, setId);
    const int found = sqlite3_step(m_findSet);
    if (found != SQLITE_ROW) {
        const StoreError failed = found == SQLITE_DONE
            ? StoreError(StoreError::Kind::QueryFailed, m_path, QStringLiteral("no log set %1").arg(setId))
            : error(QStringLiteral("finding log set %1").arg(setId));
        rollback();
        return failed;
    }
    sqlite3_reset(m_findSet);
    if (m_mode == Mode::Bulk && !m_seenSets.contains(setId)) {
        if (std::optional<StoreError> failed = deferTextIndex(setId)) {
            rollback();
            return *failed;
        }
        m_seenSets.append(setId);
    }

    int added = 0;
    for (const LogRecordRow& row : rows) {
        if (!bindRow(setId, row)) {
            return abandon(QStringLiteral("binding a log record"));
        }
        if (sqlite3_step(m_insertRecord) != SQLITE_DONE) {
            return abandon(QStringLiteral("storing log record %1").arg(QString::fromUtf8(row.recordId)));
        }
        sqlite3_reset(m_insertRecord);
        if (sqlite3_changes(m_db) != 1) {
            continue; // stored already: fetches overlap on purpose
        }
        ++added;
        // Right after its row, so log_record_bodies is appended to in rowid order.
        sqlite3_bind_int64(m_insertBody, 1, sqlite3_last_insert_rowid(m_db));
        sqlite3_bind_blob(m_insertBody, 2, row.body.constData(), static_cast<int>(row.body.size()), SQLITE_STATIC);
        if (sqlite3_step(m_insertBody) != SQLITE_DONE) {
            return abandon(QStringLiteral("storing the body of log record %1").arg(QString::fromUtf8(row.recordId)));
        }
        sqlite3_reset(m_insertBody);
    }
    m_uncommitted += rows.size();
    if (m_mode == Mode::Normal || m_uncommitted >= kBulkCommitRows) {
        if (std::optional<StoreError> failed = commit()) {
            return *failed;
        }
    }
    return added;
}

} // namespace tb::logs
