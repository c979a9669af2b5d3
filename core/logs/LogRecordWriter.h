// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/LogRecordRow.h"
#include "core/store/StoreError.h"

#include <QList>
#include <QString>

#include <optional>
#include <variant>

struct sqlite3;
struct sqlite3_stmt;

namespace tb::logs {

// Writes provisioning log rows into a profile's database through SQLite's C API, on a connection of its own. The
// rows arrive as UTF-8 bytes (LogRecordRow) and are bound without copies or QVariants: QtSql's binding and
// conversions cost more than SQLite's own work for a record (issue 7: a million records at 50,000 per second).
// Its own connection also leaves the profile's QtSql connection alone: no handle of another SQLite copy is shared,
// and the bulk settings (no fsync per commit, a large cache) end with this object.
//
// The database must exist and be migrated (store::Database::open did it). Each write is one transaction; a row
// whose (set, record id) is stored already is skipped. Used on one thread; the file may be open elsewhere (WAL:
// readers go on while it writes, another writer waits up to 10 s).
class LogRecordWriter final
{
public:
    enum class Mode {
        Normal, // the profile's usual settings: synchronous=NORMAL
        Bulk, // a large import or fetch: a transaction spans writes and commits every 100,000 rows and in finish();
              // a set empty when first written to gets its text index filled at once in finish() (until then a
              // free-text search does not find its rows);
              // synchronous=OFF, a 256 MB cache, checkpoints every 40 MB of WAL, and one checkpoint when closed. A
              // power loss can lose the last transactions, never corrupt the file (WAL).
    };

    LogRecordWriter(QString databasePath, Mode mode);
    ~LogRecordWriter();
    LogRecordWriter(const LogRecordWriter&) = delete;
    LogRecordWriter& operator=(const LogRecordWriter&) = delete;

    [[nodiscard]] std::optional<store::StoreError> open();
    // Commits what bulk mode has not committed yet, after indexing the text of the sets it deferred. Without it,
    // close() leaves such a set listed as deferred: delete it (LogStore::deleteSet), as a failed import does.
    [[nodiscard]] std::optional<store::StoreError> finish();
    // Rolls back what was not committed, then closes the connection (checkpointing first in bulk mode); open() may
    // follow.
    void close();
    [[nodiscard]] bool isOpen() const { return m_db != nullptr; }

    // Stores rows into set setId in one transaction (bulk mode: in the open one) and returns how many were new. Nothing
    // of this write is stored when the set does not exist, a row has no record id, or SQLite fails (the disk is full,
    // the file read-only); in bulk mode, nothing since the last commit either.
    [[nodiscard]] std::variant<int, store::StoreError> write(qint64 setId, const QList<LogRecordRow>& rows);

private:
    [[nodiscard]] store::StoreError error(const QString& what) const;
    [[nodiscard]] std::optional<store::StoreError> execute(const char* sql);
    [[nodiscard]] std::optional<store::StoreError> prepare(sqlite3_stmt** statement, const char* sql);
    [[nodiscard]] bool bindRow(qint64 setId, const LogRecordRow& row);
    [[nodiscard]] std::optional<store::StoreError> commit();
    // Runs sql with setId bound to its one parameter, ignoring rows.
    [[nodiscard]] std::optional<store::StoreError> runWithSet(const char* sql, qint64 setId);
    // Bulk mode, first write to a set: an empty set is listed in log_fts_deferred, so its rows skip the text index
    // trigger and finish() indexes them in one statement (Migrations step 5).
    [[nodiscard]] std::optional<store::StoreError> deferTextIndex(qint64 setId);
    // error(what), then rollback().
    [[nodiscard]] store::StoreError abandon(const QString& what);
    void rollback();

    QString m_path;
    Mode m_mode;
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_findSet = nullptr;
    sqlite3_stmt* m_insertRecord = nullptr;
    sqlite3_stmt* m_insertBody = nullptr;
    qsizetype m_uncommitted = 0; // rows written since the last commit (bulk mode)
    QList<qint64> m_seenSets; // bulk mode: sets written to since open()
    QList<qint64> m_deferredSets; // bulk mode: sets whose text index finish() fills
    qsizetype m_committedSeenSets = 0; // how many of m_seenSets and m_deferredSets a commit made final
    qsizetype m_committedDeferredSets = 0;
};

} // namespace tb::logs
