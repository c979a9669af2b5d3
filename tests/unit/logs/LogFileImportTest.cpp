// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// logs::LogFileImport and logs::LogFileExport on a real profile database, run on a worker thread with their own
// connection as the GUI runs them: a good file becomes one set; a broken one, a cancel, or a process that died
// halfway leaves no set; an export writes the query's records (read back by the importer) or no file at all.
#include "core/logs/LogFileImport.h"
#include "core/logs/LogFileExport.h"
#include "core/logs/LogStore.h"
#include "core/store/Database.h"
#include "core/store/ProfileSettings.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <thread>

using tb::logs::LogFileExport;
using tb::logs::LogFileImport;
using tb::logs::LogImporter;
using tb::logs::LogQuery;
using tb::logs::LogSet;
using tb::logs::LogStore;
using tb::store::Database;

namespace {

QString sample(const char* name)
{
    return QStringLiteral(TB_SOURCE_DIR "/tests/data/logs/") + QString::fromLatin1(name);
}

// Runs on a thread of its own, as QtConcurrent would.
template <typename Result, typename Work>
Result onWorker(Work work)
{
    Result result;
    std::thread worker([&] { result = work(); });
    worker.join();
    return result;
}

QList<LogSet> importSets(Database& database)
{
    const auto sets = LogStore(database).sets();
    REQUIRE(std::holds_alternative<QList<LogSet>>(sets));
    QList<LogSet> imports;
    for (const LogSet& set : std::get<QList<LogSet>>(sets)) {
        if (set.kind == LogSet::Kind::Import) {
            imports.append(set);
        }
    }
    return imports;
}

qint64 countOf(Database& database, qint64 setId)
{
    const auto count = LogStore(database).count(setId);
    REQUIRE(std::holds_alternative<qint64>(count));
    return std::get<qint64>(count);
}

struct Store
{
    QTemporaryDir directory;
    QString path = directory.filePath(QStringLiteral("profile.sqlite"));
    Database database {path};

    Store() { REQUIRE_FALSE(database.open().has_value()); }
};

} // namespace

TEST_CASE("LogFileImport imports a download into a new set on a worker thread", "[unit][logs][import]")
{
    Store store;
    QList<LogImporter::Format> formats;
    int progressCalls = 0;
    LogFileImport::Options options;
    options.progress = [&](qint64 read, qint64 total, qint64) {
        ++progressCalls;
        CHECK(read <= total);
    };
    const auto result = onWorker<LogFileImport::Result>(
        [&] { return LogFileImport::run(store.path, sample("admin-center-download.json"), options); });
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    CHECK(result.format == LogImporter::Format::Json);
    CHECK(result.records > 0);
    CHECK(result.records == result.importer.recordsDelivered);
    CHECK(progressCalls >= 1);
    const QList<LogSet> sets = importSets(store.database);
    REQUIRE(sets.size() == 1);
    CHECK(sets.first().id == result.setId);
    CHECK(sets.first().fileName == QStringLiteral("admin-center-download.json"));
    CHECK(countOf(store.database, result.setId) == result.records);
    // No marker stays behind.
    const auto marker = tb::store::ProfileSettings(store.database)
                            .value(LogFileImport::kPendingKeyPrefix + QString::number(result.setId));
    REQUIRE(std::holds_alternative<std::optional<QString>>(marker));
    CHECK_FALSE(std::get<std::optional<QString>>(marker).has_value());
}

TEST_CASE("LogFileImport of a broken file or a cancelled import leaves no set", "[unit][logs][import]")
{
    Store store;
    for (const char* name : {"broken-truncated.json", "broken-short-row.csv", "broken-bad-date.csv",
             "broken-not-a-record.json", "no-such-file.json"}) {
        INFO(name);
        LogFileImport::Options options;
        options.importer.batchSize = 1; // batches were stored before the broken place
        const auto result
            = onWorker<LogFileImport::Result>([&] { return LogFileImport::run(store.path, sample(name), options); });
        CHECK_FALSE(result.ok);
        CHECK(result.setId == 0);
        CHECK(result.records == 0);
        CHECK(result.error.startsWith(QStringLiteral("Nothing was imported from ") + QString::fromLatin1(name)));
        if (QFile::exists(sample(name))) {
            CHECK((result.importer.line > 0 || result.importer.record > 0));
            CHECK((result.error.contains(QStringLiteral("line ")) || result.error.contains(QStringLiteral("record "))));
        }
        CHECK(importSets(store.database).isEmpty());
    }

    LogFileImport::Options cancelling;
    cancelling.importer.batchSize = 1;
    cancelling.cancelRequested = [] { return true; };
    const auto cancelled = LogFileImport::run(store.database, sample("admin-center-download.json"), cancelling);
    CHECK_FALSE(cancelled.ok);
    CHECK(cancelled.cancelled);
    CHECK(cancelled.error.contains(QStringLiteral("cancelled")));
    CHECK(importSets(store.database).isEmpty());
}

TEST_CASE("LogFileImport removes the half-done set of a process that died", "[unit][logs][import]")
{
    Store store;
    LogStore logs(store.database);
    const auto set = logs.createImportSet(QStringLiteral("half.json"), QDateTime::currentDateTimeUtc());
    REQUIRE(std::holds_alternative<LogSet>(set));
    const qint64 setId = std::get<LogSet>(set).id;
    tb::store::ProfileSettings settings(store.database);
    // Another process (no real pid is this large) was importing into it.
    REQUIRE_FALSE(settings.setValue(LogFileImport::kPendingKeyPrefix + QString::number(setId), QStringLiteral("-7")));
    // This process's own marker is an import still running on another thread: left alone.
    const auto running = logs.createImportSet(QStringLiteral("running.json"), QDateTime::currentDateTimeUtc());
    REQUIRE(std::holds_alternative<LogSet>(running));
    const qint64 runningId = std::get<LogSet>(running).id;
    REQUIRE_FALSE(settings.setValue(LogFileImport::kPendingKeyPrefix + QString::number(runningId),
        QString::number(QCoreApplication::applicationPid())));

    CHECK(LogFileImport::removeInterrupted(store.database) == 1);
    const QList<LogSet> left = importSets(store.database);
    REQUIRE(left.size() == 1);
    CHECK(left.first().id == runningId);
}

TEST_CASE("LogFileExport writes a query's records on a worker thread, or no file", "[unit][logs][export]")
{
    Store store;
    const auto imported = LogFileImport::run(store.database, sample("admin-center-download.json"), {});
    REQUIRE(imported.ok);
    LogQuery query;
    query.setId = imported.setId;
    const QString json = store.directory.filePath(QStringLiteral("export.json"));
    LogFileExport::Options options;
    options.exporter.format = tb::logs::LogExporter::Format::Json;
    qint64 lastTotal = -1;
    options.progress = [&](qint64, qint64 total) { lastTotal = total; };
    const auto exported
        = onWorker<LogFileExport::Result>([&] { return LogFileExport::run(store.path, query, json, options); });
    INFO(exported.error.toStdString());
    REQUIRE(exported.ok);
    CHECK(exported.records == imported.records);
    CHECK(lastTotal == imported.records);
    QFile file(json);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QList<tb::model::ProvisioningLogEntry> records;
    REQUIRE(LogImporter::readAll(file, records).ok);
    CHECK(records.size() == imported.records);

    // A limit, and the query's filter.
    options.limit = 1;
    options.progress = nullptr;
    LogStore logs(store.database);
    const auto one = LogFileExport::run(logs, query, json, options);
    REQUIRE(one.ok);
    CHECK(one.records == 1);

    // Cancelled: the file is as it was (one record), nothing half-written.
    options.limit = 0;
    options.cancelRequested = [] { return true; };
    const auto cancelled = LogFileExport::run(logs, query, json, options);
    CHECK_FALSE(cancelled.ok);
    CHECK(cancelled.cancelled);
    QFile again(json);
    REQUIRE(again.open(QIODevice::ReadOnly));
    records.clear();
    REQUIRE(LogImporter::readAll(again, records).ok);
    CHECK(records.size() == 1);
}
