// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The checks of the log-import fuzz targets (LogJsonImportFuzz.cpp, LogCsvImportFuzz.cpp; core/logs/LogImporter),
// which differ in their seeds and in the reader they also check on its own. Any input is imported as a file,
// several ways (the plain import and one other, picked by the input), and the ways must agree:
// - with batches of 2 and of 5000, and with validateFirst (read twice), the same verdict, error and records; a
//   broken file read with validateFirst delivers nothing;
// - as the store's rows (importDeviceAsRows): one row per record, whose stored body reads back to the same record;
// - a file that imports is exported again (JSON: every field; CSV: the columns the CSV carries, with details) and
//   that export imports to the same records;
// - a refused file says why.
// The CSV target also reads the input with CsvRecordReader and writes every record back with LogExporter::csvLine:
// read again, it gives the same fields (behind the formula guard). The JSON target walks the input with
// JsonRecordScanner: every record it cuts out starts and ends where a JSON value does.
#include "tests/fuzz/LogImportFuzz.h"

#include "core/logs/CsvFormulaGuard.h"
#include "core/logs/CsvRecordReader.h"
#include "core/logs/JsonRecordScanner.h"
#include "core/logs/LogCsvColumns.h"
#include "core/logs/LogExporter.h"
#include "core/logs/LogImporter.h"
#include "core/logs/LogRecordRow.h"
#include "core/model/ProvisioningLogEntry.h"
#include "tests/fuzz/FuzzCheck.h"

#include <QBuffer>
#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QList>

#include <cstddef>
#include <cstdint>

using namespace tb;
using Entry = model::ProvisioningLogEntry;
using logs::LogImporter;

namespace {

// Small limits, so that inputs of a few KiB reach them.
LogImporter::Options options(int batchSize, bool validateFirst)
{
    LogImporter::Options result;
    result.batchSize = batchSize;
    result.maxFieldBytes = 512;
    result.maxRecordBytes = 2048;
    result.validateFirst = validateFirst;
    return result;
}

struct Import
{
    LogImporter::Result result;
    QList<Entry> entries;
    qint64 batches = 0;
};

Import importBytes(const QByteArray& bytes, const LogImporter::Options& importOptions)
{
    Import import;
    QBuffer buffer;
    buffer.setData(bytes);
    TB_FUZZ_CHECK(buffer.open(QIODevice::ReadOnly));
    LogImporter importer(importOptions);
    import.result = importer.importDevice(buffer, [&import](const QList<Entry>& batch) {
        TB_FUZZ_CHECK(!batch.isEmpty());
    import.entries.append(batch);
    ++import.batches;
    return true;
});
return import;
} // namespace

void checkSameVerdict(const Import& a, const Import& b)
{
    TB_FUZZ_CHECK(a.result.ok == b.result.ok);
    TB_FUZZ_CHECK(a.result.error == b.result.error);
    TB_FUZZ_CHECK(a.result.line == b.result.line);
    TB_FUZZ_CHECK(a.result.format == b.result.format);
    if (a.result.ok) {
        TB_FUZZ_CHECK(a.entries == b.entries);
    }
}

void checkRows(const QByteArray& bytes, const Import& reference)
{
    QBuffer buffer;
    buffer.setData(bytes);
    TB_FUZZ_CHECK(buffer.open(QIODevice::ReadOnly));
    LogImporter importer(options(5000, false));
    QList<logs::LogRecordRow> rows;
    const LogImporter::Result result
        = importer.importDeviceAsRows(buffer, [&rows](const QList<logs::LogRecordRow>& batch) {
              rows.append(batch);
              return true;
          });
    TB_FUZZ_CHECK(result.ok == reference.result.ok);
    if (!result.ok) {
        return;
    }
    TB_FUZZ_CHECK(rows.size() == reference.entries.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const logs::LogRecordRow& row = rows.at(i);
        const Entry& entry = reference.entries.at(i);
        TB_FUZZ_CHECK(row.recordId == entry.id.toUtf8());
        // What the store keeps is what it gives back: the stored body reads to the same record.
        const QJsonDocument stored = QJsonDocument::fromJson(logs::LogRecordRow::jsonOf(row.body));
        TB_FUZZ_CHECK(stored.isObject());
        TB_FUZZ_CHECK(Entry::fromJson(stored.object()) == entry);
    }
}

QByteArray exportEntries(const QList<Entry>& entries, logs::LogExporter::Format format)
{
    QBuffer buffer;
    TB_FUZZ_CHECK(buffer.open(QIODevice::WriteOnly));
    logs::LogExporter exporter(buffer, {format, true});
    TB_FUZZ_CHECK(exporter.begin());
    TB_FUZZ_CHECK(exporter.write(entries));
    TB_FUZZ_CHECK(exporter.finish());
    return buffer.data();
}

void checkExportRoundTrip(const QList<Entry>& entries)
{
    LogImporter::Options generous = options(5000, false);
    generous.maxFieldBytes = 64 * 1024 * 1024;
    generous.maxRecordBytes = 64 * 1024 * 1024;

    const QByteArray jsonExport = exportEntries(entries, logs::LogExporter::Format::Json);
    const Import json = importBytes(jsonExport, generous);
    TB_FUZZ_CHECK_SAYING(
        json.result.ok, qPrintable(json.result.error + QLatin1Char('\n') + QString::fromUtf8(jsonExport)));
    TB_FUZZ_CHECK(json.entries == entries);

    const QByteArray csvExport = exportEntries(entries, logs::LogExporter::Format::Csv);
    const Import csv = importBytes(csvExport, generous);
    TB_FUZZ_CHECK_SAYING(
        csv.result.ok, qPrintable(csv.result.error + QLatin1Char('\n') + QString::fromUtf8(csvExport)));
    TB_FUZZ_CHECK(csv.entries.size() == entries.size());
    const QList<logs::LogCsvColumns::Field> fields = logs::LogCsvColumns::exportedFields(true);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        for (const logs::LogCsvColumns::Field field : fields) {
            const QString read = logs::LogCsvColumns::cell(csv.entries.at(i), field);
            // The CSV is UTF-8 text: a lone surrogate (JSON's "\ud800") cannot be written and reads back as U+FFFD.
            const QString written = QString::fromUtf8(logs::LogCsvColumns::cell(entries.at(i), field).toUtf8());
            TB_FUZZ_CHECK_SAYING(read == written,
                qPrintable(logs::LogCsvColumns::header(field) + QStringLiteral(": wrote '") + written
                    + QStringLiteral("', read '") + read + QLatin1Char('\'')));
        }
    }
}

// Every record the reader gives, written with the exporter's csvLine and read again, gives the same fields.
void checkCsvReader(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    TB_FUZZ_CHECK(buffer.open(QIODevice::ReadOnly));
    logs::CsvRecordReader reader(buffer, 512, 2048);
    QStringList fields;
    QList<QStringList> records;
    QByteArray written;
    while (reader.next(fields)) {
        TB_FUZZ_CHECK(!fields.isEmpty());
        TB_FUZZ_CHECK(reader.bytesRead() <= bytes.size());
        records.append(fields);
        written += logs::LogExporter::csvLine(fields);
    }
    TB_FUZZ_CHECK(reader.hasError() == !reader.errorString().isEmpty());
    QBuffer again;
    again.setData(written);
    TB_FUZZ_CHECK(again.open(QIODevice::ReadOnly));
    logs::CsvRecordReader rereader(again, 64 * 1024 * 1024, 64 * 1024 * 1024);
    for (const QStringList& record : std::as_const(records)) {
        QStringList read;
        TB_FUZZ_CHECK(rereader.next(read));
        TB_FUZZ_CHECK(read.size() == record.size());
        for (qsizetype i = 0; i < read.size(); ++i) {
            TB_FUZZ_CHECK(logs::CsvFormulaGuard::unprotect(read.at(i)) == record.at(i));
        }
    }
    QStringList rest;
    TB_FUZZ_CHECK_SAYING(!rereader.next(rest) && !rereader.hasError(),
        qPrintable(rest.join(QLatin1Char('|')) + QLatin1Char('\n') + rereader.errorString() + QLatin1Char('\n')
            + QString::fromUtf8(written)));
}

// Every record the scanner cuts out is one JSON value as far as the scanner can tell: it is not empty and, when it
// starts as an object or array, it ends with a closing bracket.
void checkJsonScanner(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    TB_FUZZ_CHECK(buffer.open(QIODevice::ReadOnly));
    logs::JsonRecordScanner scanner(buffer, 2048, 512);
    QByteArray record;
    qint64 index = 0;
    while (true) {
        const logs::JsonRecordScanner::Step step = scanner.next(record);
        if (step != logs::JsonRecordScanner::Step::Record) {
            TB_FUZZ_CHECK((step == logs::JsonRecordScanner::Step::Error) == !scanner.errorString().isEmpty());
            break;
        }
        ++index;
        TB_FUZZ_CHECK(scanner.recordIndex() == index);
        TB_FUZZ_CHECK(scanner.recordLine() >= 1);
        TB_FUZZ_CHECK(scanner.bytesRead() <= bytes.size());
        TB_FUZZ_CHECK(record.size() <= 2048);
        const QByteArray text = record.trimmed();
        TB_FUZZ_CHECK(!text.isEmpty());
        // The scanner only counts brackets (the JSON parser checks the rest), so "{...]" may come back.
        if (text.front() == '{' || text.front() == '[') {
            TB_FUZZ_CHECK(text.back() == '}' || text.back() == ']');
        }
    }
}

} // namespace

int fuzzLogImport(const uint8_t* data, size_t size, LogFuzzFormat format)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    if (format == LogFuzzFormat::Csv) {
        checkCsvReader(bytes);
    } else {
        checkJsonScanner(bytes);
    }

    const Import whole = importBytes(bytes, options(5000, false));
    TB_FUZZ_CHECK(whole.result.ok == whole.result.error.isEmpty());
    TB_FUZZ_CHECK(whole.result.bytesRead <= bytes.size());
    TB_FUZZ_CHECK(whole.result.recordsDelivered == whole.entries.size());
    TB_FUZZ_CHECK(whole.result.line >= 0 && whole.result.record >= 0);

    // Each import runs a second thread; one other way per input (picked by the input, so a crash replays) keeps
    // the target fast, and the corpus holds thousands of inputs.
    switch (qHash(bytes, 0) % 3) {
    case 0:
        checkSameVerdict(whole, importBytes(bytes, options(2, false)));
        break;
    case 1: {
        const Import checkedFirst = importBytes(bytes, options(5000, true));
        checkSameVerdict(whole, checkedFirst);
        if (!checkedFirst.result.ok) {
            TB_FUZZ_CHECK(checkedFirst.batches == 0);
        }
        break;
    }
    default:
        checkRows(bytes, whole);
        break;
    }
    if (whole.result.ok) {
        for (const Entry& entry : whole.entries) {
            TB_FUZZ_CHECK(!entry.id.isEmpty());
            TB_FUZZ_CHECK(entry.activityDateTime.isValid());
        }
        checkExportRoundTrip(whole.entries);
    }
    return 0;
}
