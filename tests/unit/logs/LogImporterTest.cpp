// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/LogImporter.h"
#include "core/logs/CsvRecordReader.h"
#include "core/logs/LogCsvColumns.h"
#include "core/logs/LogExporter.h"
#include "core/logs/LogRecordRow.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using tb::logs::CsvRecordReader;
using tb::logs::LogCsvColumns;
using tb::logs::LogExporter;
using tb::logs::LogImporter;
using tb::logs::LogRecordRow;
using Entry = tb::model::ProvisioningLogEntry;

namespace {

QString sample(const char* name)
{
    return QStringLiteral(TB_SOURCE_DIR "/tests/data/logs/") + QString::fromLatin1(name);
}

LogImporter::Result importSample(const char* name, QList<Entry>& records, LogImporter::Options options = {})
{
    QFile file(sample(name));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return LogImporter::readAll(file, records, options);
}

QList<Entry> jsonDownload()
{
    QList<Entry> records;
    const LogImporter::Result result = importSample("admin-center-download.json", records);
    REQUIRE(result.ok);
    return records;
}

// What the admin center's summary CSV sample carries of an entry.
Entry summaryOf(Entry entry)
{
    entry.steps.clear();
    entry.modifiedProperties.clear();
    entry.sourceIdentity.details.clear();
    entry.targetIdentity.details.clear();
    entry.initiatedBy.id.clear();
    entry.initiatedBy.type.clear();
    return entry;
}

LogImporter::Result importBytes(const QByteArray& bytes, QList<Entry>& records, LogImporter::Options options = {})
{
    QBuffer buffer;
    buffer.setData(bytes);
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    return LogImporter::readAll(buffer, records, options);
}

} // namespace

TEST_CASE("LogImporter reads the admin center's JSON download", "[logs][import]")
{
    QList<Entry> records;
    const LogImporter::Result result = importSample("admin-center-download.json", records);
    REQUIRE(result.ok);
    CHECK(result.error.isEmpty());
    CHECK(result.format == LogImporter::Format::Json);
    CHECK(result.recordsDelivered == 4);
    REQUIRE(records.size() == 4);

    const Entry& created = records.at(0);
    CHECK(created.id == QLatin1String("11aa22bb-0000-0000-0000-000000000001"));
    CHECK(created.activityDateTime
        == QDateTime::fromString(QStringLiteral("2026-11-20T10:01:37.123Z"), Qt::ISODateWithMs));
    CHECK(created.action == QLatin1String("create"));
    CHECK(created.status == QLatin1String("success"));
    CHECK(created.durationMs == 4375);
    CHECK(created.sourceIdentity.displayName == QStringLiteral("Zo\u00eb \u00c5ngstr\u00f6m"));
    CHECK(created.steps.size() == 3);
    CHECK(created.modifiedProperties.size() == 2);
    CHECK_FALSE(created.modifiedProperties.at(0).oldValue.has_value());

    const Entry& failed = records.at(1);
    CHECK(failed.isFailure());
    CHECK(failed.error.code == QLatin1String("AzureDirectoryB2BManagementPolicyCheckFailure"));
    CHECK(failed.error.reason.contains(QStringLiteral("\"\u5c71\u7530 \u592a\u90ce\", because")));
    CHECK(failed.error.reason.contains(QLatin1Char('\n')));
    CHECK(failed.error.category == QLatin1String("nonServiceFailure"));

    CHECK(records.at(2).isSkipped());

    // The legacy names of the docs' own example: action "Update", statusInfo, initiatingType, a principal list.
    const Entry& legacy = records.at(3);
    CHECK(legacy.action == QLatin1String("update"));
    CHECK(legacy.status == QLatin1String("warning"));
    CHECK(legacy.initiatedBy.type == QLatin1String("system"));
    CHECK(legacy.servicePrincipal.displayName == QLatin1String("Contoso to Fabrikam"));
}

TEST_CASE("LogImporter reads a saved Graph page and a single record", "[logs][import]")
{
    const QList<Entry> download = jsonDownload();

    QList<Entry> page;
    REQUIRE(importSample("graph-page.json", page).ok);
    REQUIRE(page.size() == 2);
    CHECK(page.at(0) == download.at(0));
    CHECK(page.at(1) == download.at(1));

    QList<Entry> single;
    REQUIRE(importSample("single-record.json", single).ok);
    REQUIRE(single.size() == 1);
    CHECK(single.at(0) == download.at(0));

    QList<Entry> none;
    const LogImporter::Result empty = importSample("empty-array.json", none);
    CHECK(empty.ok);
    CHECK(none.isEmpty());
}

TEST_CASE("LogImporter reads the admin center's summary CSV to the same records as the JSON", "[logs][import]")
{
    const QList<Entry> download = jsonDownload();
    QList<Entry> records;
    const LogImporter::Result result = importSample("admin-center-summary.csv", records);
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    CHECK(result.format == LogImporter::Format::Csv);
    CHECK(result.ignoredColumns.isEmpty());
    REQUIRE(records.size() == 4);
    for (qsizetype i = 0; i < records.size(); ++i) {
        INFO("record " << i + 1);
        CHECK(records.at(i) == summaryOf(download.at(i)));
    }
    // A formula in the source data is data: read as written, not stripped.
    CHECK(records.at(2).sourceIdentity.displayName.startsWith(QLatin1String("=HYPERLINK(")));
}

TEST_CASE("LogImporter reads an Azure Monitor export with JSON cells", "[logs][import]")
{
    const QList<Entry> download = jsonDownload();
    QList<Entry> records;
    const LogImporter::Result result = importSample("log-analytics-export.csv", records);
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    CHECK(result.ignoredColumns == QStringList {QStringLiteral("Category"), QStringLiteral("OperationName")});
    REQUIRE(records.size() == 2);
    for (qsizetype i = 0; i < records.size(); ++i) {
        INFO("record " << i + 1);
        const Entry& read = records.at(i);
        const Entry& expected = download.at(i);
        CHECK(read.id == expected.id);
        CHECK(read.activityDateTime == expected.activityDateTime);
        CHECK(read.action == expected.action);
        CHECK(read.status == expected.status);
        CHECK(read.sourceIdentity == expected.sourceIdentity);
        CHECK(read.targetIdentity == expected.targetIdentity);
        CHECK(read.servicePrincipal == expected.servicePrincipal);
        CHECK(read.initiatedBy == expected.initiatedBy);
        CHECK(read.steps == expected.steps);
        CHECK(read.modifiedProperties == expected.modifiedProperties);
        CHECK(read.error.code == expected.error.code);
        CHECK(read.error.reason == expected.error.reason);
        CHECK(read.durationMs == expected.durationMs);
    }
}

TEST_CASE("LogImporter refuses the companion files of the CSV download with advice", "[logs][import]")
{
    QList<Entry> records;
    const LogImporter::Result steps = importSample("ProvisioningLogs_ProvisioningSteps.csv", records);
    CHECK_FALSE(steps.ok);
    CHECK(steps.line == 1);
    CHECK(steps.error.contains(QLatin1String("ProvisioningLogs_ProvisioningSteps")));
    CHECK(steps.error.contains(QLatin1String("JSON")));

    const LogImporter::Result properties = importSample("ProvisioningLogs_ModifiedProperties.csv", records);
    CHECK_FALSE(properties.ok);
    CHECK(properties.error.contains(QLatin1String("ProvisioningLogs_ModifiedProperties")));
}

TEST_CASE("LogImporter names the line or record of what is wrong in a broken file and delivers nothing final",
    "[logs][import]")
{
    struct Broken
    {
        const char* file;
        qint64 line;
        qint64 record;
        QStringList says;
    };
    const QList<Broken> cases {
        {"broken-truncated.json", 164, 3,
            {QStringLiteral("record 3 (line 164)"), QStringLiteral("ends inside this record")}},
        {"broken-bad-date.json", 94, 2,
            {QStringLiteral("record 2 (line 94)"), QStringLiteral("activityDateTime"), QStringLiteral("'yesterday'")}},
        {"broken-wrong-type.json", 94, 2,
            {QStringLiteral("record 2 (line 94)"),
                QStringLiteral("durationInMilliseconds: expected a number, found a string")}},
        {"broken-not-a-record.json", 164, 3,
            {QStringLiteral("record 3 (line 164)"), QStringLiteral("expected a provisioning record")}},
        {"broken-syntax.json", 102, 2, {QStringLiteral("record 2 (line 94)"), QStringLiteral("not valid at line 102")}},
        {"broken-bad-date.csv", 3, 2,
            {QStringLiteral("line 3:"), QStringLiteral("Date:"), QStringLiteral("'31/31/2026 25:61'")}},
        {"broken-missing-column.csv", 1, 0, {QStringLiteral("line 1:"), QStringLiteral("no Date (UTC) column")}},
        {"broken-wrong-type.csv", 5, 3,
            {QStringLiteral("line 5:"), QStringLiteral("Duration (ms):"), QStringLiteral("'fast'")}},
        {"broken-bad-status.csv", 3, 2,
            {QStringLiteral("line 3:"), QStringLiteral("Status:"), QStringLiteral("'maybe'")}},
        // The open quote swallows the rest of its line and the line break; the next quote closes it.
        {"broken-unterminated-quote.csv", 3, 2,
            {QStringLiteral("line 5: text after the closing quote of field 20"),
                QStringLiteral("its quote opened on line 3")}},
        {"broken-short-row.csv", 5, 3, {QStringLiteral("line 5:"), QStringLiteral("10 fields")}},
    };
    for (const Broken& broken : cases) {
        INFO(broken.file);
        // Batches of one: whatever came before the error was handed over, and is provisional.
        LogImporter::Options provisional;
        provisional.batchSize = 1;
        QList<Entry> records;
        int delivered = 0;
        QFile file(sample(broken.file));
        REQUIRE(file.open(QIODevice::ReadOnly));
        LogImporter importer(provisional);
        const LogImporter::Result result = importer.importDevice(file, [&](const QList<Entry>& batch) {
            delivered += int(batch.size());
            return true;
        });
        INFO(result.error.toStdString());
        CHECK_FALSE(result.ok);
        CHECK_FALSE(result.cancelled);
        CHECK(result.line == broken.line);
        CHECK(result.record == broken.record);
        CHECK(result.recordsDelivered == delivered);
        for (const QString& words : broken.says) {
            INFO(words.toStdString());
            CHECK(result.error.contains(words));
        }

        // validateFirst: the broken file delivers no batch at all.
        LogImporter::Options checked;
        checked.validateFirst = true;
        int deliveredAfterCheck = 0;
        REQUIRE(file.seek(0));
        LogImporter checking(checked);
        const LogImporter::Result checkedResult = checking.importDevice(file, [&](const QList<Entry>&) {
            ++deliveredAfterCheck;
            return true;
        });
        CHECK_FALSE(checkedResult.ok);
        CHECK(checkedResult.error == result.error);
        CHECK(deliveredAfterCheck == 0);

        // readAll leaves nothing behind.
        REQUIRE(file.seek(0));
        CHECK_FALSE(LogImporter::readAll(file, records).ok);
        CHECK(records.isEmpty());
    }
}

TEST_CASE("LogImporter delivers batches with progress up to the file size, and can be cancelled", "[logs][import]")
{
    const QList<Entry> download = jsonDownload();
    QList<Entry> many;
    for (int i = 0; i < 12345; ++i) {
        Entry entry = download.at(i % download.size());
        entry.id = QStringLiteral("record-%1").arg(i);
        many.append(entry);
    }
    for (const LogExporter::Format format : {LogExporter::Format::Json, LogExporter::Format::Csv}) {
        INFO((format == LogExporter::Format::Json ? "JSON" : "CSV"));
        QBuffer buffer;
        REQUIRE(buffer.open(QIODevice::WriteOnly));
        LogExporter exporter(buffer, {format, false});
        REQUIRE(exporter.begin());
        REQUIRE(exporter.write(many));
        REQUIRE(exporter.finish());
        buffer.close();
        REQUIRE(buffer.open(QIODevice::ReadOnly));
        const qint64 size = buffer.size();

        LogImporter importer; // batches of 5,000 by default
        QList<qsizetype> batches;
        QList<qint64> progress;
        importer.setProgressSink([&](qint64 done, qint64 total) {
            CHECK(total == size);
            progress.append(done);
        });
        const LogImporter::Result result = importer.importDevice(buffer, [&](const QList<Entry>& batch) {
            batches.append(batch.size());
            return true;
        });
        REQUIRE(result.ok);
        CHECK(batches == QList<qsizetype> {5000, 5000, 2345});
        CHECK(result.recordsDelivered == 12345);
        REQUIRE_FALSE(progress.isEmpty());
        CHECK(std::is_sorted(progress.begin(), progress.end()));
        CHECK(progress.last() == size);

        REQUIRE(buffer.seek(0));
        int calls = 0;
        const LogImporter::Result cancelled = importer.importDevice(buffer, [&](const QList<Entry>&) {
            ++calls;
            return false;
        });
        CHECK_FALSE(cancelled.ok);
        CHECK(cancelled.cancelled);
        CHECK(calls == 1);
    }
}

TEST_CASE("LogImporter caps absurd sizes with a clear error", "[logs][import]")
{
    LogImporter::Options small;
    small.maxFieldBytes = 100;
    small.maxRecordBytes = 4000;
    QList<Entry> records;

    const QByteArray longField = "Date,Id,Status\r\n2026-11-20T10:00:00Z,\"" + QByteArray(200, 'x') + "\",success\r\n";
    LogImporter::Result result = importBytes(longField, records, small);
    CHECK_FALSE(result.ok);
    CHECK(result.error.contains(QLatin1String("line 2: field 2 is longer than")));

    const QByteArray unclosed = "Date,Id,Status\r\n2026-11-20T10:00:00Z,\"abc,success\r\n";
    result = importBytes(unclosed, records, small);
    CHECK_FALSE(result.ok);
    CHECK(result.line == 2);
    CHECK(result.error.contains(QLatin1String("a quoted field is never closed (its quote opened on line 2)")));

    const QByteArray runaway = "Date,Id,Status\r\n2026-11-20T10:00:00Z,\"a" + QByteArray(5000, '\n') + "\",success\r\n";
    small.maxFieldBytes = 100000;
    result = importBytes(runaway, records, small);
    CHECK_FALSE(result.ok);
    CHECK(result.error.contains(QLatin1String("line 2: the record is longer than")));

    small.maxFieldBytes = 100;
    const QByteArray longString
        = "[{\"id\":\"a\",\"activityDateTime\":\"2026-11-20T10:00:00Z\",\"x\":\"" + QByteArray(200, 'y') + "\"}]";
    result = importBytes(longString, records, small);
    CHECK_FALSE(result.ok);
    CHECK(result.error.contains(QLatin1String("record 1 (line 1): a text value is longer than")));

    small.maxFieldBytes = 100000;
    QByteArray bigRecord = "[{\"id\":\"a\",\"activityDateTime\":\"2026-11-20T10:00:00Z\",\"x\":[";
    for (int i = 0; i < 3000; ++i) {
        bigRecord += "1,";
    }
    bigRecord += "1]}]";
    result = importBytes(bigRecord, records, small);
    CHECK_FALSE(result.ok);
    CHECK(result.error.contains(QLatin1String("record 1 (line 1): the record is larger than")));
}

TEST_CASE("LogImporter detects the format and refuses an empty file", "[logs][import]")
{
    CHECK(LogImporter::detectFormat("\xEF\xBB\xBF \r\n[") == LogImporter::Format::Json);
    CHECK(LogImporter::detectFormat("  {\"value\":[]}") == LogImporter::Format::Json);
    CHECK(LogImporter::detectFormat("\xEF\xBB\xBF"
                                    "Date,Id")
        == LogImporter::Format::Csv);
    CHECK(LogImporter::detectFormat(" \n ") == LogImporter::Format::Unknown);

    QList<Entry> records;
    const LogImporter::Result empty = importBytes("\xEF\xBB\xBF\r\n", records);
    CHECK_FALSE(empty.ok);
    CHECK(empty.error == QLatin1String("the file is empty"));

    const LogImporter::Result trailing = importBytes("[] x", records);
    CHECK_FALSE(trailing.ok);
    CHECK(trailing.error.contains(QLatin1String("after the end of the JSON")));

    const LogImporter::Result unclosed = importBytes("[{\"id\":\"a\",\"activityDateTime\":\"2026-11-20T10:00:00Z\","
                                                     "\"provisioningStatusInfo\":{\"status\":\"success\"}}",
        records);
    CHECK_FALSE(unclosed.ok);
    CHECK(unclosed.error.contains(QLatin1String("without the ] that closes the list")));
}

TEST_CASE("CsvRecordReader follows RFC 4180 with a BOM, CRLF and quoted newlines", "[logs][import]")
{
    QBuffer buffer;
    buffer.setData("\xEF\xBB\xBF"
                   "a,\"b \"\"quoted\"\", with comma\",c\r\n"
                   "\r\n"
                   "\"multi\r\nline\",  \"spaced\" ,\r\n"
                   "x\"y,\"\",last");
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    CsvRecordReader reader(buffer, 1000, 10000);
    QStringList fields;
    REQUIRE(reader.next(fields));
    CHECK(fields == QStringList {QStringLiteral("a"), QStringLiteral("b \"quoted\", with comma"), QStringLiteral("c")});
    CHECK(reader.recordLine() == 1);
    REQUIRE(reader.next(fields));
    CHECK(fields == QStringList {QStringLiteral("multi\r\nline"), QStringLiteral("spaced"), QString()});
    CHECK(reader.recordLine() == 3);
    REQUIRE(reader.next(fields));
    CHECK(fields == QStringList {QStringLiteral("x\"y"), QString(), QStringLiteral("last")});
    CHECK(reader.recordLine() == 5);
    CHECK_FALSE(reader.next(fields));
    CHECK_FALSE(reader.hasError());
    CHECK(reader.bytesRead() == buffer.size());

    QBuffer bad;
    bad.setData("\"closed\"junk,b\n");
    REQUIRE(bad.open(QIODevice::ReadOnly));
    CsvRecordReader badReader(bad, 1000, 10000);
    CHECK_FALSE(badReader.next(fields));
    CHECK(badReader.errorString().contains(QLatin1String("line 1: text after the closing quote of field 1")));
}

TEST_CASE("LogCsvColumns matches headers loosely and reads names that look like JSON as text", "[logs][import]")
{
    using Field = LogCsvColumns::Field;
    CHECK(LogCsvColumns::fieldForHeader(QStringLiteral("Date (UTC)")) == Field::ActivityDateTime);
    CHECK(LogCsvColumns::fieldForHeader(QStringLiteral("activityDateTime")) == Field::ActivityDateTime);
    CHECK(LogCsvColumns::fieldForHeader(QStringLiteral("TimeGenerated [UTC]")) == Field::ActivityDateTime);
    CHECK(LogCsvColumns::fieldForHeader(QStringLiteral("provisioningStatusInfo/status")) == Field::Status);
    CHECK(LogCsvColumns::fieldForHeader(QStringLiteral("sourceIdentity.displayName")) == Field::SourceName);
    CHECK(LogCsvColumns::fieldForHeader(QStringLiteral("ERROR_CODE")) == Field::ErrorCode);
    CHECK_FALSE(LogCsvColumns::fieldForHeader(QStringLiteral("Favourite colour")).has_value());
    for (const Field field : LogCsvColumns::exportedFields(true)) {
        CHECK(LogCsvColumns::fieldForHeader(LogCsvColumns::header(field)) == field);
    }

    QList<Entry> records;
    const LogImporter::Result result = importBytes("Date,Id,Status,Source identity name,Duration\n"
                                                   "2026-11-20T10:00:00Z,a,Success,[Contractor] Ana,\n",
        records);
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    REQUIRE(records.size() == 1);
    CHECK(records.at(0).sourceIdentity.displayName == QLatin1String("[Contractor] Ana"));
    CHECK(records.at(0).status == QLatin1String("success"));
    CHECK(records.at(0).durationMs == 0);
}

TEST_CASE("LogImporter hands over the store's rows, a JSON record's own text as its body", "[logs][import]")
{
    for (const char* name :
        {"admin-center-download.json", "graph-page.json", "single-record.json", "admin-center-summary.csv"}) {
        INFO(name);
        QList<Entry> records;
        LogImporter importer;
        REQUIRE(importer
                    .importFile(sample(name),
                        [&](const QList<Entry>& batch) {
                            records.append(batch);
                            return true;
                        })
                    .ok);
        QList<LogRecordRow> rows;
        LogImporter::Options options;
        options.batchSize = 2; // several batches
        LogImporter rowImporter(options);
        const LogImporter::Result result
            = rowImporter.importFileAsRows(sample(name), [&](const QList<LogRecordRow>& batch) {
                  CHECK(batch.size() <= 2);
                  rows.append(batch);
                  return true;
              });
        REQUIRE(result.ok);
        CHECK(result.recordsDelivered == rows.size());
        REQUIRE_FALSE(records.isEmpty());
        REQUIRE(rows.size() == records.size());
        const bool json = QByteArray(name).endsWith(".json");
        QFile file(sample(name));
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QByteArray whole = file.readAll();
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const LogRecordRow& row = rows.at(i);
            const Entry& entry = records.at(i);
            CHECK(row.recordId == entry.id.toUtf8());
            CHECK(row.activityMs == entry.activityDateTime.toMSecsSinceEpoch());
            CHECK(row.status == entry.status.toUtf8());
            CHECK(row.errorCode == entry.error.code.toUtf8());
            CHECK(row.sourceName == entry.sourceIdentity.displayName.toUtf8());
            const QByteArray body = LogRecordRow::jsonOf(row.body);
            const QJsonDocument document = QJsonDocument::fromJson(body);
            REQUIRE(document.isObject());
            CHECK(Entry::fromJson(document.object()) == entry);
            if (json) {
                // The record's text exactly as the file holds it, not JSON built again.
                CHECK(whole.contains(body.trimmed()));
            }
        }
    }
}
