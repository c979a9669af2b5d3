// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// CSV formula injection in the one CSV the product writes (issue 9): `logs export --format csv`, which the GUI's Sync
// logs page writes through the same core/logs/LogFileExport and LogExporter. The audit found no other CSV writer
// (the CLI's tables and --json, `schema get --output` and the JSON export are not CSV; the GUI copies no tables).
// Records whose every free-text field starts with =, +, -, @, a tab, a carriage return or an apostrophe are imported
// offline and exported: no cell of the file starts with one of the formula characters (each gets an apostrophe in
// front, CsvFormulaGuard), and the file imports back to the very same texts.
#include "tests/integration/cli/CliSession.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using tb::test::CliRun;
using tb::test::CliSession;
using tb::test::parseJson;

namespace {

// What a cell may start with in a spreadsheet that runs it (OWASP "CSV Injection").
const QList<QChar> kTriggers {
    QLatin1Char('='), QLatin1Char('+'), QLatin1Char('-'), QLatin1Char('@'), QLatin1Char('\t'), QLatin1Char('\r')};

// One provisioning log record as the admin center's JSON download has it, every free text starting with start.
QJsonObject record(int index, const QString& start)
{
    const auto text = [&start, index](const char* what) {
        return start
            + QStringLiteral("HYPERLINK(\"http://evil.example/?%1\",\"%2\")").arg(index).arg(QLatin1String(what));
    };
    const auto identity = [&text](const char* id, const char* name) {
        return QJsonObject {{QStringLiteral("id"), text(id)}, {QStringLiteral("displayName"), text(name)},
            {QStringLiteral("identityType"), text("type")}};
    };
    return QJsonObject {{QStringLiteral("id"), text("id")},
        {QStringLiteral("activityDateTime"),
            QStringLiteral("2026-11-20T10:00:%1Z").arg(index, 2, 10, QLatin1Char('0'))},
        {QStringLiteral("tenantId"), text("tenant")}, {QStringLiteral("jobId"), text("job")},
        {QStringLiteral("cycleId"), text("cycle")}, {QStringLiteral("changeId"), text("change")},
        {QStringLiteral("provisioningAction"), QStringLiteral("create")},
        {QStringLiteral("servicePrincipal"), identity("sp", "spName")},
        {QStringLiteral("sourceSystem"), identity("sourceSystemId", "sourceSystem")},
        {QStringLiteral("targetSystem"), identity("targetSystemId", "targetSystem")},
        {QStringLiteral("initiatedBy"),
            QJsonObject {{QStringLiteral("id"), text("initiatorId")},
                {QStringLiteral("displayName"), text("initiator")},
                {QStringLiteral("initiatorType"), text("initiatorType")}}},
        {QStringLiteral("sourceIdentity"), identity("sourceId", "source")},
        {QStringLiteral("targetIdentity"), identity("targetId", "target")},
        {QStringLiteral("provisioningStatusInfo"),
            QJsonObject {{QStringLiteral("status"), QStringLiteral("failure")},
                {QStringLiteral("errorInformation"),
                    QJsonObject {{QStringLiteral("errorCode"), text("code")},
                        {QStringLiteral("reason"), text("reason")},
                        {QStringLiteral("additionalDetails"), text("details")},
                        {QStringLiteral("errorCategory"), text("category")},
                        {QStringLiteral("recommendedAction"), text("action")}}}}}};
}

// RFC 4180 as LogExporter writes it: every field quoted, "" for a quote, CRLF between records (a BOM first).
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    qsizetype i = text.startsWith(QChar(0xfeff)) ? 1 : 0;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                cell.append(c);
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell.append(c);
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(cell);
            cell.clear();
        } else if (c == QLatin1Char('\n')) {
            row.append(cell);
            rows.append(row);
            row.clear();
            cell.clear();
        } else if (c != QLatin1Char('\r')) {
            cell.append(c);
        }
    }
    return rows;
}

} // namespace

TEST_CASE("cli logs export writes no CSV cell that starts a formula, and reads every text back as it was",
    "[integration][cli][logs][csv]")
{
    CliSession cli(false); // offline: an imported file needs no tenant
    QStringList starts;
    for (const QChar trigger : kTriggers) {
        starts.append(QString(trigger));
    }
    starts.append(QStringLiteral("'")); // the guard's own escape character, doubled so it reads back
    starts.append(QStringLiteral("'=")); // a value that already looks protected
    QJsonArray records;
    for (int i = 0; i < starts.size(); ++i) {
        records.append(record(i, starts.at(i)));
    }
    const QString download = cli.home.filePath(QStringLiteral("download.json"));
    QFile file(download);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(records).toJson());
    file.close();

    const CliRun imported
        = cli.run({QStringLiteral("--json"), QStringLiteral("logs"), QStringLiteral("import"), download});
    REQUIRE(imported.exitCode == 0);
    const qint64 setId = parseJson(imported.out).value(QLatin1String("setId")).toInteger();
    const QString csv = cli.home.filePath(QStringLiteral("export.csv"));
    REQUIRE(cli.run({QStringLiteral("logs"), QStringLiteral("export"), QStringLiteral("--set"), QString::number(setId),
                        QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"), csv})
                .exitCode
        == 0);

    QFile exported(csv);
    REQUIRE(exported.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(exported.readAll()));
    REQUIRE(rows.size() == starts.size() + 1);
    int protectedCells = 0;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        for (qsizetype c = 0; c < rows.at(r).size(); ++c) {
            const QString& cell = rows.at(r).at(c);
            INFO("row " << r << ", column " << rows.first().value(c).toStdString() << ": " << cell.toStdString());
            CHECK_FALSE((!cell.isEmpty() && kTriggers.contains(cell.front())));
            protectedCells += cell.startsWith(QLatin1Char('\'')) ? 1 : 0;
        }
    }
    // Every free text of every record: ids, names, types, systems, initiator, service principal and the error.
    CHECK(protectedCells >= static_cast<int>(starts.size()) * 20);

    // And back: the texts are the ones imported, apostrophes and all.
    const CliRun back = cli.run({QStringLiteral("--json"), QStringLiteral("logs"), QStringLiteral("import"), csv});
    REQUIRE(back.exitCode == 0);
    const qint64 backSet = parseJson(back.out).value(QLatin1String("setId")).toInteger();
    const CliRun query = cli.run({QStringLiteral("--json"), QStringLiteral("logs"), QStringLiteral("query"),
        QStringLiteral("--set"), QString::number(backSet), QStringLiteral("--sort"), QStringLiteral("time:asc")});
    REQUIRE(query.exitCode == 0);
    const QJsonArray readBack = parseJson(query.out).value(QLatin1String("records")).toArray();
    REQUIRE(readBack.size() == records.size());
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QJsonObject original = records.at(i).toObject();
        const QJsonObject again = readBack.at(i).toObject();
        INFO("record " << i);
        CHECK(again.value(QLatin1String("id")).toString() == original.value(QLatin1String("id")).toString());
        for (const char* part : {"sourceIdentity", "targetIdentity", "servicePrincipal"}) {
            CHECK(again.value(QLatin1String(part)).toObject().value(QLatin1String("displayName"))
                == original.value(QLatin1String(part)).toObject().value(QLatin1String("displayName")));
        }
        const auto error = [](const QJsonObject& json) {
            return json.value(QLatin1String("provisioningStatusInfo"))
                .toObject()
                .value(QLatin1String("errorInformation"))
                .toObject();
        };
        CHECK(error(again).value(QLatin1String("reason")) == error(original).value(QLatin1String("reason")));
        CHECK(error(again).value(QLatin1String("errorCode")) == error(original).value(QLatin1String("errorCode")));
    }
}
