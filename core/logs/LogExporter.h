// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/ProvisioningLogEntry.h"

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QString>
#include <QStringList>

namespace tb::logs {

// Writes provisioning-log records to a device as CSV or JSON, a batch at a time, so that the store can page a
// million rows out without holding them: begin(), write(batch) as often as needed, finish().
//
// CSV: the summary columns of LogCsvColumns (the admin center's ProvisioningLogs file leaves steps and
// modified properties out; Options::withDetails adds both as JSON cells), UTF-8 with a byte order mark so Excel
// reads non-ASCII names right, RFC 4180: every field in double quotes, "" for a quote, CRLF between records,
// newlines inside a field kept. Every cell goes through CsvFormulaGuard first, so nothing a display name or
// error reason holds runs as a formula; LogImporter reads the file back to the same records (for the fields
// the CSV carries).
//
// JSON: one array of Graph-shaped records (ProvisioningLogEntry::toJson, one compact record per line), which
// LogImporter and any tool that reads the admin center's JSON download read back in full.
//
// A write error of the device stops the export: every call after it returns false and errorString() says why.
// Not thread-safe; the device must stay open until finish().
class LogExporter
{
public:
    enum class Format { Csv, Json };

    struct Options
    {
        Format format = Format::Csv;
        bool withDetails = false; // CSV: add the steps and modified properties as JSON columns
    };

    LogExporter(QIODevice& device, Options options);

    // The byte order mark and header (CSV) or the opening [ (JSON).
    [[nodiscard]] bool begin();
    [[nodiscard]] bool write(const QList<model::ProvisioningLogEntry>& batch);
    // The closing ] (JSON); flushes nothing else, the device stays open.
    [[nodiscard]] bool finish();

    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] qint64 recordsWritten() const { return m_records; }

    // One CSV line, CRLF-terminated: each cell protected against formulas, quoted, quotes doubled.
    [[nodiscard]] static QByteArray csvLine(const QStringList& cells);

private:
    bool put(const QByteArray& bytes);

    QIODevice& m_device;
    Options m_options;
    qint64 m_records = 0;
    bool m_begun = false;
    bool m_finished = false;
    QString m_error;
};

} // namespace tb::logs
