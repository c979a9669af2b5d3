// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/LogRecordRow.h"
#include "core/model/ProvisioningLogEntry.h"

#include <QByteArrayView>
#include <QIODevice>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

// What the Entra admin center lets an administrator download (Monitoring & health > Provisioning logs >
// Download), as far as it could be established. [C] confirmed by Microsoft's documentation, [O] observed in
// community code or one source, [U] unconfirmed guess.
//
// - [C] Two formats, CSV and JSON, chosen from the Download button; the current filter applies; timestamps are
//   UTC; downloads above about 250,000 records time out in the browser (use Graph instead). (entra-docs
//   howto-download-logs.md, howto-analyze-provisioning-logs.md)
// - [C] The CSV download is THREE files: "ProvisioningLogs" (every field except the steps and the modified
//   properties: the summary), "ProvisioningLogs_ProvisioningSteps" (steps + change ID) and
//   "ProvisioningLogs_ModifiedProperties" (changed attributes + change ID), joined by the change ID.
//   (howto-analyze-provisioning-logs.md "CSV format")
// - [U] The exact column captions of those files are published nowhere we could find. The importer therefore
//   matches headers loosely with aliases (LogCsvColumns): Graph names flat or as paths, likely captions, and
//   Azure Monitor's AADProvisioningLogs columns [C, learn.microsoft.com tables/aadprovisioninglogs], whose
//   CSV export has JSON-valued cells. The two companion files are recognised and refused with a message that
//   says to import the summary file or the JSON download (joining three files is left for later).
// - [O] The JSON download is one compact top-level array of records in Graph's provisioningObjectSummary shape
//   (camelCase: activityDateTime, provisioningStatusInfo.errorInformation, provisioningSteps[].details as an
//   object, modifiedProperties[]): FIMTooler/EntraIDProvisioningLogsReporter reads it as Hashtable[] with
//   exactly those keys; the docs loop over the parsed file as a list. [O] The docs' own example reads
//   $item.action -eq 'Create', the legacy beta name and casing, which ProvisioningLogEntry::fromJson accepts.
// - Also read: a Graph answer saved as is ({"value": [...], "@odata.context": ...}) and a single record.
// - [U] Whether the portal's CSV escapes formulas: our own exports do (CsvFormulaGuard) and read back exactly.

namespace tb::logs {

// Imports a downloaded provisioning-log file (JSON or CSV, see above) as ProvisioningLogEntry records, streamed:
// the file is read once, in chunks, with one record (JSON) or one CSV line in memory plus three batches at most, so
// a 1 GB download takes no more memory than a small one. Records go to the caller in batches of
// Options::batchSize through a BatchSink; progress is reported in bytes. A second thread parses while the sink runs
// (on the calling thread, as does the progress sink).
//
// ALL OR NOTHING. A broken file is found only when the parser reaches the broken place, so batches delivered
// before it are provisional. The caller must make them final only when importDevice() returns a Result with
// ok == true: open a transaction before the import, insert each batch, commit on ok, roll back otherwise (this
// is what the log store does). A sink that cannot roll back sets Options::validateFirst: the file is then read
// twice, first without delivering anything, and a broken file delivers no batch at all.
//
// Checks, each failing the whole import with a message that names the line (CSV) or the record and its line
// (JSON): syntax (unterminated quote, truncated JSON, text after the end), a record that is not an object, a
// missing or unparsable date, a missing status, a record without an id (CSV: change ID is used when there is no Id
// column), a field of the wrong type (duration not a number, steps not an array, a status that is not one of Graph's
// provisioningResult values, in either format), a missing required CSV column (date, status, and Id or Change ID),
// size limits (Options). Synchronous; run it on a worker thread for large files. Not thread-safe; one import at a
// time per object.
class LogImporter
{
public:
    enum class Format { Unknown, Json, Csv };

    struct Options
    {
        int batchSize = 5000;
        qint64 maxFieldBytes = 1024 * 1024; // one CSV field or JSON string
        qint64 maxRecordBytes = 16 * 1024 * 1024; // one CSV record (line, with quoted newlines) or JSON record
        bool validateFirst = false; // read the file twice; deliver nothing from a broken file
    };

    struct Result
    {
        bool ok = false;
        bool cancelled = false; // the sink returned false
        Format format = Format::Unknown;
        QString error; // "line 7: Date (UTC): 'yesterday' is not a date and time ..."; empty when ok
        qint64 line = 0; // where the error is, 1-based; 0 when it is about no line
        qint64 record = 0; // the record the error is in (1-based), 0 when none
        qint64 recordsDelivered = 0; // provisional unless ok
        qint64 bytesRead = 0;
        QStringList ignoredColumns; // CSV headers that name no field we keep, as written
    };

    // A batch of records; return false to cancel the import.
    using BatchSink = std::function<bool(const QList<model::ProvisioningLogEntry>& batch)>;
    // A batch of the store's rows (LogRecordRow), made on the parsing thread: a JSON record's row keeps the text it
    // was read from as its body; a CSV record's body is its entry's JSON. Return false to cancel the import.
    using RowSink = std::function<bool(const QList<LogRecordRow>& rows)>;
    // Called after each batch and at the end; total is -1 when the device's size is unknown.
    using ProgressSink = std::function<void(qint64 bytesRead, qint64 bytesTotal)>;

    LogImporter();
    explicit LogImporter(Options options);

    void setProgressSink(ProgressSink progress) { m_progress = std::move(progress); }

    // Opens and imports a file; the error names the file when it cannot be opened.
    [[nodiscard]] Result importFile(const QString& path, const BatchSink& sink);
    // Imports from an open, readable device; with validateFirst it must also be able to seek back to the start.
    [[nodiscard]] Result importDevice(QIODevice& device, const BatchSink& sink);
    // The same, as the log store's rows (see RowSink): what LogFileImport uses.
    [[nodiscard]] Result importFileAsRows(const QString& path, const RowSink& sink);
    [[nodiscard]] Result importDeviceAsRows(QIODevice& device, const RowSink& sink);

    // JSON when the first character after a byte order mark and whitespace is [ or {, CSV otherwise (a header
    // line), Unknown when there is nothing but whitespace.
    [[nodiscard]] static Format detectFormat(QByteArrayView head);

    // Convenience for tests and small files: every record into records (left empty when not ok).
    [[nodiscard]] static Result readAll(QIODevice& device, QList<model::ProvisioningLogEntry>& records);
    [[nodiscard]] static Result readAll(
        QIODevice& device, QList<model::ProvisioningLogEntry>& records, Options options);

private:
    struct Batch;
    class BatchQueue;
    class Delivery;

    // What a batch carries: parsed entries, or the store's rows.
    enum class Shape { Entries, Rows };
    using Consumer = std::function<bool(const Batch& batch)>;

    Result importFile(const QString& path, const Consumer& sink, Shape shape);
    Result importDevice(QIODevice& device, const Consumer& sink, Shape shape);
    // Parses on a second thread and calls the sink on this one.
    Result deliver(QIODevice& device, Format format, const Consumer& sink, Shape shape);
    // Parses on this thread; batches go to the queue, or nowhere without one (the check pass of validateFirst).
    Result parse(QIODevice& device, Format format, BatchQueue* queue, Shape shape);
    Result runJson(QIODevice& device, BatchQueue* queue, Shape shape);
    Result runCsv(QIODevice& device, BatchQueue* queue, Shape shape);

    Options m_options;
    ProgressSink m_progress;
};

} // namespace tb::logs
