// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/LogImporter.h"

#include <QString>

#include <functional>

namespace tb::store {
class Database;
}

namespace tb::logs {

// Imports one downloaded file (LogImporter: the admin center's JSON or CSV) into a new Import set of the log store,
// all or nothing: the set holds every record of the file, or the set is gone.
//
// How. LogStore::insert commits each batch in its own transaction (it cannot join one of the caller's), so a
// broken file, a cancel or a store error removes the new set and every record in it (LogStore::deleteSet) rather
// than rolling one transaction back. A process that dies halfway leaves a marker in profile_meta
// ("logs.importPending.<setId>" = its process id): the next import, and removeInterrupted(), delete the sets of
// markers whose process is no longer this one. Records go in with the store's bulk mode (LogStore::beginBulkInsert).
//
// THREADS. A QSqlDatabase connection belongs to the thread that opened it. run(databasePath, ...) opens its own
// store::Database on the calling thread (a worker's: QtConcurrent::run or a QThread; Database::open checks it as the
// workspace does) and closes it before it returns; the GUI's own connection sees the new set once run() has returned
// (WAL lets it read meanwhile). run(database, ...) uses a database already open on the
// calling thread. Progress and cancel are called on the importing thread.
class LogFileImport final
{
public:
    static inline const QString kPendingKeyPrefix = QStringLiteral("logs.importPending.");

    struct Options
    {
        LogImporter::Options importer;
        // After each stored batch and at the end: bytes read of the file's size (-1 unknown), records stored so far.
        std::function<void(qint64 bytesRead, qint64 bytesTotal, qint64 records)> progress;
        // Asked after each batch; true stops the import (and nothing stays).
        std::function<bool()> cancelRequested;
    };

    struct Result
    {
        bool ok = false;
        bool cancelled = false;
        bool storeFailed = false; // the database failed (not the file): error says how
        qint64 setId = 0; // the new set; 0 unless ok
        qint64 records = 0; // records stored (a record given twice in the file is stored once)
        LogImporter::Format format = LogImporter::Format::Unknown;
        // What went wrong, for a person: "Nothing was imported from X: line 7: ..." (the importer names the line or
        // record); empty when ok.
        QString error;
        LogImporter::Result importer; // the importer's own result: line, record, ignored columns
    };

    // Opens its own connection to the profile database at databasePath (see THREADS).
    [[nodiscard]] static Result run(const QString& databasePath, const QString& filePath, const Options& options);
    // On a database open on this thread.
    [[nodiscard]] static Result run(store::Database& database, const QString& filePath, const Options& options);

    // Deletes the sets of imports that a process which has ended left half done; returns how many, or -1 when the
    // store could not be read.
    static int removeInterrupted(store::Database& database);
};

} // namespace tb::logs
