// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Found by LogJsonImportFuzz: the JSON import took a record without a status, or with one that is not Graph's
// (provisioningResult), which the CSV import refuses; exported to CSV, such a record made a file TenantBridge could
// not import again. Both imports now apply the same status rule.
#include "core/logs/LogExporter.h"
#include "core/logs/LogImporter.h"

#include <catch2/catch.hpp>

#include <QBuffer>

using tb::logs::LogExporter;
using tb::logs::LogImporter;
using Entry = tb::model::ProvisioningLogEntry;

namespace {

LogImporter::Result importBytes(const QByteArray& bytes, QList<Entry>& records)
{
    QBuffer buffer;
    buffer.setData(bytes);
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    return LogImporter::readAll(buffer, records);
}

QByteArray exported(const QList<Entry>& records, LogExporter::Format format)
{
    QBuffer buffer;
    REQUIRE(buffer.open(QIODevice::WriteOnly));
    LogExporter exporter(buffer, {format, false});
    REQUIRE(exporter.begin());
    REQUIRE(exporter.write(records));
    REQUIRE(exporter.finish());
    return buffer.data();
}

QByteArray record(const QByteArray& statusInfo)
{
    return R"([{"id":"11aa22bb-0000-0000-0000-000000000001","activityDateTime":"2026-11-20T10:01:37Z",)" + statusInfo
        + "}]";
}

} // namespace

TEST_CASE("The JSON import refuses a record without a status or with one Graph does not send", "[logs][import]")
{
    QList<Entry> records;
    LogImporter::Result result = importBytes(record(R"("provisioningAction":"create")"), records);
    CHECK_FALSE(result.ok);
    CHECK(result.error.contains(QLatin1String("record 1 (line 1)")));
    CHECK(result.error.contains(QLatin1String("no status")));

    result = importBytes(record(R"("provisioningStatusInfo":{"status":"banana"})"), records);
    CHECK_FALSE(result.ok);
    CHECK(result.error.contains(QLatin1String("'banana' is not a status")));

    // Graph's values in any case, and the legacy statusInfo, are read.
    result = importBytes(record(R"("statusInfo":{"status":"Warning"})"), records);
    REQUIRE(result.ok);
    CHECK(records.first().status == QLatin1String("warning"));
}

TEST_CASE("Whatever the JSON import takes, its CSV export imports again", "[logs][import]")
{
    QList<Entry> records;
    for (const char* status : {"success", "Failure", "skipped", "warning", "unknownFutureValue"}) {
        const LogImporter::Result json
            = importBytes(record(R"("provisioningStatusInfo":{"status":")" + QByteArray(status) + R"("})"), records);
        INFO(status << ": " << json.error.toStdString());
        REQUIRE(json.ok);
        QList<Entry> again;
        const LogImporter::Result csv = importBytes(exported(records, LogExporter::Format::Csv), again);
        INFO(csv.error.toStdString());
        REQUIRE(csv.ok);
        CHECK(again.first().status == records.first().status);
    }
}
