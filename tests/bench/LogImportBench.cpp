// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Import of a downloaded provisioning log file into a fresh profile store, as the app does it (issue 7: one million
// records at 50,000 records/s or faster). Writes N generated records (default 1,000,000, 40,000 users, the mix of
// ProvisioningLogGenerator, about 1.5 KB of JSON each) as the admin center's JSON download (one top-level array)
// and as its CSV summary file; the writing is not timed. Then, for each file:
//  1. parsing alone: LogImporter over the file with a sink that keeps nothing;
//  2. JSON: the whole import into a new store as rows (LogImporter::importFileAsRows into LogStore::insert, in bulk
//     mode, as LogFileImport does it, without its set bookkeeping), so that schema experiments can run first;
//  3. the whole import into a new store (LogFileImport::run, the app's path): records/s by the wall clock and by the
//     CPU time of the process (on a shared machine the wall clock also counts the waits for a core);
//  4. the file size, the database size after the import, the peak resident set size so far.
// Prints figures; asserts no times. Release builds only give figures worth quoting.
//
//   LogImportBench [--records N] [--users N] [--dir PATH] [--formats json,csv] [--skip-parse] [--skip-app]
//                  [--existing FILE --formats json|csv]
// Experiments on part 2: TB_BENCH_SQL="stmt;stmt" runs on the new store first (e.g. DROP TRIGGER
// log_records_fts_insert), TB_BENCH_BATCH=N sets the importer's batch size.

#include "BenchMeasures.h"
#include "ProvisioningLogGenerator.h"
#include "core/logs/LogExporter.h"
#include "core/logs/LogFileImport.h"
#include "core/logs/LogImporter.h"
#include "core/logs/LogStore.h"
#include "core/store/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

using tb::bench::databaseSize;
using tb::bench::figure;
using tb::bench::Generator;
using tb::bench::megabytes;
using tb::bench::out;
using tb::bench::peakRssMb;
using tb::bench::processCpuS;
using tb::logs::LogExporter;
using tb::logs::LogFileImport;
using tb::logs::LogImporter;
using tb::logs::LogStore;
using tb::model::ProvisioningLogEntry;

namespace {

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly)) {
        return QStringLiteral("?");
    }
    return QString::fromLatin1(file.readLine()).section(QLatin1Char(' '), 0, 2);
}

QString rate(qint64 records, double seconds)
{
    return QString::number(static_cast<double>(records) / std::max(seconds, 1e-9), 'f', 0);
}

bool writeFile(const QString& path, LogExporter::Format format, qint64 records, int users)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        out() << "cannot write " << path << ": " << file.errorString() << Qt::endl;
        return false;
    }
    LogExporter exporter(file, {format, false});
    Generator generator(users, records);
    while (true) {
        const QList<ProvisioningLogEntry> batch = generator.next(5000);
        if (batch.isEmpty()) {
            break;
        }
        if (!exporter.write(batch)) {
            out() << "cannot write " << path << ": " << exporter.errorString() << Qt::endl;
            return false;
        }
    }
    return exporter.finish();
}

// Parsing alone (the sink keeps nothing), as entries and as the store's rows (their making, compression included, is
// the parsing thread's share of an import).
void parseOnly(const QString& path)
{
    for (const bool asRows : {false, true}) {
        LogImporter importer;
        qint64 records = 0;
        const double cpuBefore = processCpuS();
        QElapsedTimer timer;
        timer.start();
        const LogImporter::Result result = asRows
            ? importer.importFileAsRows(path,
                [&](const QList<tb::logs::LogRecordRow>& rows) {
                    records += rows.size();
                    return true;
                })
            : importer.importFile(path, [&](const QList<ProvisioningLogEntry>& batch) {
                  records += batch.size();
                  return true;
              });
        const double wallS = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        const double cpuS = processCpuS() - cpuBefore;
        out() << (asRows ? "  parse into rows only: " : "  parse only: ") << records << " records"
              << (result.ok ? QString() : QStringLiteral(" FAILED: ") + result.error) << ", "
              << QString::number(wallS, 'f', 1) << " s => " << rate(records, wallS) << " records/s wall, "
              << rate(records, cpuS) << " records/s CPU (load " << loadAverage() << ")" << Qt::endl;
    }
}

void importIntoFreshStore(const QString& path, const QString& databasePath)
{
    {
        tb::store::Database database(databasePath);
        if (const auto error = database.open()) {
            out() << "cannot open: " << error->detail() << Qt::endl;
            return;
        }
        const double cpuBefore = processCpuS();
        QElapsedTimer timer;
        timer.start();
        const LogFileImport::Result result = LogFileImport::run(database, path, {});
        const double wallS = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        const double cpuS = processCpuS() - cpuBefore;
        out() << "  import into a new store (LogFileImport): " << result.records << " records"
              << (result.ok ? QString() : QStringLiteral(" FAILED: ") + result.error) << ", "
              << QString::number(wallS, 'f', 1) << " s => " << rate(result.records, wallS)
              << " records/s wall (target >= 50000), " << rate(result.records, cpuS) << " records/s CPU ("
              << QString::number(cpuS, 'f', 1) << " s CPU; load " << loadAverage() << ")" << Qt::endl;
        figure(QStringLiteral("Log import, %1 file into a new store (%2 records)")
                   .arg(QFileInfo(path).suffix().toUpper())
                   .arg(result.records),
            static_cast<double>(result.records) / std::max(wallS, 1e-9), QStringLiteral("records/s"),
            QStringLiteral(">= 50000"), 0);
    }
    out() << "  database size: " << megabytes(databaseSize(databasePath)) << ", peak RSS so far "
          << QString::number(peakRssMb(), 'f', 0) << " MB" << Qt::endl;
}

// The glue of LogFileImport (a new import set, bulk mode, batches of rows into the store) on a store that
// TB_BENCH_SQL may change first.
void importRowsIntoFreshStore(const QString& path, const QString& databasePath)
{
    {
        tb::store::Database database(databasePath);
        if (const auto error = database.open()) {
            out() << "cannot open: " << error->detail() << Qt::endl;
            return;
        }
        // Experiments on the schema: statements run on the new store before the import (';'-separated).
        for (const QString& statement :
            qEnvironmentVariable("TB_BENCH_SQL").split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            QSqlQuery query(database.connection());
            if (!query.exec(statement)) {
                out() << "  TB_BENCH_SQL failed: " << statement << Qt::endl;
            }
        }
        const double cpuBefore = processCpuS();
        QElapsedTimer timer;
        timer.start();
        LogStore store(database);
        const auto set = store.createImportSet(QFileInfo(path).fileName(), QDateTime::currentDateTimeUtc());
        if (std::holds_alternative<tb::store::StoreError>(set) || store.beginBulkInsert()) {
            out() << "cannot start the import" << Qt::endl;
            return;
        }
        const qint64 setId = std::get<tb::logs::LogSet>(set).id;
        qint64 stored = 0;
        QString failure;
        LogImporter::Options options;
        options.batchSize = qEnvironmentVariableIntValue("TB_BENCH_BATCH") > 0
            ? qEnvironmentVariableIntValue("TB_BENCH_BATCH")
            : options.batchSize;
        LogImporter importer(options);
        const LogImporter::Result result
            = importer.importFileAsRows(path, [&](const QList<tb::logs::LogRecordRow>& rows) {
                  const auto inserted = store.insert(setId, rows);
                  if (const auto* error = std::get_if<tb::store::StoreError>(&inserted)) {
                      failure = error->detail();
                      return false;
                  }
                  stored += std::get<int>(inserted);
                  return true;
              });
        const bool ended = !store.endBulkInsert();
        const double wallS = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        const double cpuS = processCpuS() - cpuBefore;
        out() << "  import as rows (importFileAsRows + LogStore::insert): " << stored << " records"
              << (result.ok && ended && failure.isEmpty() ? QString()
                                                          : QStringLiteral(" FAILED: ") + result.error + failure)
              << ", " << QString::number(wallS, 'f', 1) << " s => " << rate(stored, wallS)
              << " records/s wall (target >= 50000), " << rate(stored, cpuS) << " records/s CPU ("
              << QString::number(cpuS, 'f', 1) << " s CPU; load " << loadAverage() << ")" << Qt::endl;
    }
    out() << "  database size: " << megabytes(databaseSize(databasePath)) << ", peak RSS so far "
          << QString::number(peakRssMb(), 'f', 0) << " MB" << Qt::endl;
    if (!qEnvironmentVariableIsSet("TB_BENCH_KEEP")) {
        QFile::remove(databasePath);
        QFile::remove(databasePath + QStringLiteral("-wal"));
        QFile::remove(databasePath + QStringLiteral("-shm"));
    }
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    qint64 records = 1000000;
    int users = 40000;
    QString dir;
    QStringList formats {QStringLiteral("json"), QStringLiteral("csv")};
    bool parse = true;
    bool viaApp = true;
    QString existing; // a file an earlier run kept (TB_BENCH_KEEP=1): imported instead of a new one
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        const QString value = i + 1 < args.size() ? args.at(i + 1) : QString();
        if (arg == QLatin1String("--skip-parse")) {
            parse = false;
            continue;
        }
        if (arg == QLatin1String("--skip-app")) {
            viaApp = false;
            continue;
        }
        if (arg == QLatin1String("--records")) {
            records = value.toLongLong();
        } else if (arg == QLatin1String("--users")) {
            users = value.toInt();
        } else if (arg == QLatin1String("--dir")) {
            dir = value;
        } else if (arg == QLatin1String("--existing")) {
            existing = value;
        } else if (arg == QLatin1String("--formats")) {
            formats = value.split(QLatin1Char(','));
        }
        ++i;
    }
    QTemporaryDir temporary((dir.isEmpty() ? QDir::tempPath() : dir) + QStringLiteral("/logimportbench-XXXXXX"));
    temporary.setAutoRemove(!qEnvironmentVariableIsSet("TB_BENCH_KEEP"));
    out() << "LogImportBench: " << records << " records, " << users << " users, in " << temporary.path() << " (load "
          << loadAverage() << ")" << Qt::endl;

    for (const QString& format : std::as_const(formats)) {
        const bool json = format == QLatin1String("json");
        const QString file
            = existing.isEmpty() ? temporary.filePath(QStringLiteral("ProvisioningLogs.") + format) : existing;
        QElapsedTimer timer;
        timer.start();
        if (existing.isEmpty()
            && !writeFile(file, json ? LogExporter::Format::Json : LogExporter::Format::Csv, records, users)) {
            return 1;
        }
        out() << format.toUpper() << ": " << megabytes(QFileInfo(file).size()) << " ("
              << QFileInfo(file).size() / std::max<qint64>(records, 1) << " bytes per record), written in "
              << QString::number(static_cast<double>(timer.nsecsElapsed()) / 1e9, 'f', 1) << " s (not counted)"
              << Qt::endl;
        if (parse) {
            parseOnly(file);
        }
        if (json || !qEnvironmentVariableIsEmpty("TB_BENCH_SQL")) {
            importRowsIntoFreshStore(file, temporary.filePath(format + QStringLiteral("-raw-profile.sqlite")));
        }
        if (viaApp) {
            importIntoFreshStore(file, temporary.filePath(format + QStringLiteral("-profile.sqlite")));
        }
        if (existing.isEmpty() && temporary.autoRemove()) {
            QFile::remove(file);
        }
    }
    out() << "peak RSS: " << QString::number(peakRssMb(), 'f', 0) << " MB" << Qt::endl;
    return 0;
}
