// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/LogExporter.h"
#include "core/logs/LogQuery.h"

#include <QString>

#include <functional>

namespace tb::store {
class Database;
}

namespace tb::logs {

class LogStore;

// Writes the records of a query (the logs page's current filter and sort, `logs export`) to a file with
// LogExporter, streamed: a page of rows at a time (LogStore::rows), turned into full records (LogStore::record) a batch
// at a time, written and let go, so a million records take the memory of one page of rows and one batch. The file
// appears complete or not at all (QSaveFile: written beside it, renamed at the end); a cancel or an error leaves
// whatever was there before.
//
// THREADS: as LogFileImport. run(databasePath, ...) opens its own connection on the calling thread (a worker's)
// and closes it before it returns; run(store, ...) uses a store on this thread's connection.
class LogFileExport final
{
public:
    // Rows are read kRowPageSize at a time (LogStore::rows by offset: each page walks past the rows before it, so
    // fewer, larger pages of the light LogRow), their full records kRecordBatch at a time (those are the heavy part).
    static constexpr int kRowPageSize = 20000;
    static constexpr int kRecordBatch = 1000;

    struct Options
    {
        LogExporter::Options exporter;
        // After each batch: records written so far, and how many will be (the query's total, or the limit).
        std::function<void(qint64 written, qint64 total)> progress;
        // Asked after each batch; true stops the export (and no file is written).
        std::function<bool()> cancelRequested;
        // At most this many records, in the query's order; 0: all.
        qint64 limit = 0;
    };

    struct Result
    {
        bool ok = false;
        bool cancelled = false;
        qint64 records = 0;
        QString error; // a sentence naming the file; empty when ok
    };

    [[nodiscard]] static Result run(
        const QString& databasePath, const LogQuery& query, const QString& filePath, const Options& options);
    [[nodiscard]] static Result run(
        LogStore& store, const LogQuery& query, const QString& filePath, const Options& options);
};

} // namespace tb::logs
