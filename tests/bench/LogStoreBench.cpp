// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The provisioning log store with N generated records (default 1,000,000; 40,000 users; a mix of statuses, actions
// and error codes; about 1.5 KB of JSON each) in a profile database:
//  1. insert rate through LogStore::insert in batches inside bulk mode (target >= 50,000 records/s); generation of
//     the records is timed apart and not counted;
//  2. after reopening the file as the app would: a filtered, sorted first page (failures, newest first, 50 rows;
//     target <= 100 ms), free-text first pages (<= 200 ms), the total of a filter, counts by error code, a deep page
//     and one full record;
//  3. the database file size and the peak resident set size of this process.
// Prints figures; asserts no times.
//
//   LogStoreBench [--records N] [--users N] [--batch N] [--dir PATH] [--queries-only FILE]
// --queries-only runs part 2 on a database an earlier run kept (TB_BENCH_KEEP=1 keeps it; same --records/--users).

#include "BenchMeasures.h"
#include "ProvisioningLogGenerator.h"
#include "core/logs/LogStore.h"
#include "core/store/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <time.h>

#include <functional>
#include <memory>
#include <random>

using tb::bench::databaseSize;
using tb::bench::figure;
using tb::bench::Generator;
using tb::bench::megabytes;
using tb::bench::out;
using tb::bench::peakRssMb;
using tb::bench::User;
using tb::logs::ErrorCodeCount;
using tb::logs::LogQuery;
using tb::logs::LogRow;
using tb::logs::LogSet;
using tb::logs::LogStore;
using tb::model::ProvisioningLogEntry;
using tb::store::StoreError;

namespace {

// CPU time of this thread: on a machine shared with other work, wall time also counts the waits for a core.
qint64 threadCpuNs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<qint64>(now.tv_sec) * 1000000000LL + now.tv_nsec;
}

// Runs the query once to warm nothing but the statement path, then reports the median of five runs.
template <typename F>
double timedMs(F&& run, int repeats = 5)
{
    QList<double> times;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        run();
        times.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

template <typename T, typename V>
T valueOrExit(V&& result)
{
    if (const auto* error = std::get_if<StoreError>(&result)) {
        out() << "store error: " << error->detail() << Qt::endl;
        std::exit(1);
    }
    return std::get<T>(std::forward<V>(result));
}

QString planOf(tb::store::Database& database, const QString& sql)
{
    QSqlQuery query(database.connection());
    QStringList lines;
    if (query.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql)) {
        while (query.next()) {
            lines.append(query.value(3).toString());
        }
    }
    return lines.join(QStringLiteral(" | "));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    qint64 records = 1000000;
    int users = 40000;
    int batch = 5000;
    QString dir;
    QString existing;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--records")) {
            records = args.at(i + 1).toLongLong();
        } else if (args.at(i) == QLatin1String("--users")) {
            users = args.at(i + 1).toInt();
        } else if (args.at(i) == QLatin1String("--batch")) {
            batch = args.at(i + 1).toInt();
        } else if (args.at(i) == QLatin1String("--dir")) {
            dir = args.at(i + 1);
        } else if (args.at(i) == QLatin1String("--queries-only")) {
            existing = args.at(i + 1);
        }
    }
    QTemporaryDir temporary(dir.isEmpty() ? QDir::tempPath() + QStringLiteral("/logstorebench-XXXXXX")
                                          : dir + QStringLiteral("/logstorebench-XXXXXX"));
    const QString path = existing.isEmpty() ? temporary.filePath(QStringLiteral("profile.sqlite")) : existing;
    temporary.setAutoRemove(!qEnvironmentVariableIsSet("TB_BENCH_KEEP"));
    out() << "LogStoreBench: " << records << " records, " << users << " users, batches of " << batch << ", " << path
          << Qt::endl;

    Generator generator(users, records);
    qint64 setId = 1; // the first set of a fresh file
    if (existing.isEmpty()) {
        tb::store::Database database(path);
        if (const auto error = database.open()) {
            out() << "cannot open: " << error->detail() << Qt::endl;
            return 1;
        }
        LogStore store(database);
        setId = valueOrExit<LogSet>(store.jobSet(QStringLiteral("sp"), QStringLiteral("job"))).id;
        if (store.beginBulkInsert()) {
            return 1;
        }
        qint64 generateNs = 0;
        qint64 insertNs = 0;
        qint64 insertCpuNs = 0;
        qint64 jsonBytes = 0;
        qint64 jsonSamples = 0;
        qint64 inserted = 0;
        QElapsedTimer timer;
        for (qint64 done = 0; done < records;) {
            timer.start();
            const QList<ProvisioningLogEntry> entries = generator.next(batch);
            if (jsonSamples < 200) {
                for (const ProvisioningLogEntry& entry : entries.mid(0, 20)) {
                    jsonBytes += QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact).size();
                    ++jsonSamples;
                }
            }
            generateNs += timer.nsecsElapsed();
            timer.start();
            const qint64 cpuBefore = threadCpuNs();
            inserted += valueOrExit<int>(store.insert(setId, entries));
            insertCpuNs += threadCpuNs() - cpuBefore;
            insertNs += timer.nsecsElapsed();
            done += entries.size();
            if (entries.isEmpty()) {
                break;
            }
        }
        timer.start();
        if (store.endBulkInsert()) {
            return 1;
        }
        const qint64 endNs = timer.nsecsElapsed();
        const double insertS = static_cast<double>(insertNs + endNs) / 1e9;
        out() << "records inserted: " << inserted
              << ", JSON per record: " << (jsonBytes / std::max<qint64>(jsonSamples, 1)) << " bytes (compact)"
              << Qt::endl;
        out() << "generation (not counted): " << QString::number(static_cast<double>(generateNs) / 1e9, 'f', 1) << " s"
              << Qt::endl;
        out() << "insert: " << QString::number(insertS, 'f', 1) << " s incl. end of bulk mode "
              << QString::number(static_cast<double>(endNs) / 1e9, 'f', 1) << " s => "
              << QString::number(static_cast<double>(inserted) / insertS, 'f', 0)
              << " records/s wall (target >= 50000); CPU "
              << QString::number(static_cast<double>(insertCpuNs) / 1e9, 'f', 1) << " s => "
              << QString::number(static_cast<double>(inserted) / (static_cast<double>(insertCpuNs) / 1e9), 'f', 0)
              << " records/s on one free core" << Qt::endl;
        // What the stored body of a record costs alone (LogStore builds it as compact JSON, qCompress level 1), to tell
        // it from SQLite's share of the insert.
        {
            Generator sample(users, records);
            const QList<ProvisioningLogEntry> entries = sample.next(batch);
            const qint64 cpuBefore = threadCpuNs();
            qint64 bytes = 0;
            for (const ProvisioningLogEntry& entry : entries) {
                bytes += qCompress(QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact), 1).size();
            }
            const double perRecordUs
                = static_cast<double>(threadCpuNs() - cpuBefore) / 1e3 / static_cast<double>(entries.size());
            out() << "JSON + compression alone: " << QString::number(perRecordUs, 'f', 1) << " us CPU per record, "
                  << (bytes / std::max<qsizetype>(entries.size(), 1)) << " bytes compressed" << Qt::endl;
        }
        // Re-inserting a batch that is all known: the overlap cost of an incremental fetch.
        Generator again(users, records);
        const QList<ProvisioningLogEntry> known = again.next(batch);
        timer.start();
        const int addedAgain = valueOrExit<int>(store.insert(setId, known));
        out() << "re-insert of " << known.size() << " known records: " << addedAgain << " new, "
              << QString::number(static_cast<double>(timer.nsecsElapsed()) / 1e6, 'f', 1) << " ms" << Qt::endl;
    }
    out() << "database size: " << megabytes(databaseSize(path)) << Qt::endl;

    // Reopened as the app opens it: normal settings, cold statement cache.
    tb::store::Database database(path);
    if (const auto error = database.open()) {
        out() << "cannot reopen: " << error->detail() << Qt::endl;
        return 1;
    }
    LogStore store(database);
    // The extra text is a function so that it reads the values after the timed runs (argument order is unspecified).
    auto report = [records](const QString& what, double ms, const std::function<QString()>& extra, double target) {
        out() << what << ": " << QString::number(ms, 'f', 1) << " ms" << extra()
              << (target > 0 ? QStringLiteral(" (target <= %1 ms)").arg(target) : QString()) << Qt::endl;
        figure(QStringLiteral("Log query at %1 records: %2").arg(records).arg(what), ms, QStringLiteral("ms"),
            target > 0 ? QStringLiteral("<= %1 ms").arg(target) : QString());
    };
    auto page = [&](const LogQuery& query, int* rows) {
        *rows = static_cast<int>(valueOrExit<QList<LogRow>>(store.firstPage(query)).size());
    };

    LogQuery failures;
    failures.setId = setId;
    failures.statuses = {QStringLiteral("failure")};
    failures.pageSize = 50;
    int rows = 0;
    // The very first query after opening, then the median of repeats.
    QElapsedTimer first;
    first.start();
    page(failures, &rows);
    report(
        QStringLiteral("first page, status=failure newest first, first run"),
        static_cast<double>(first.nsecsElapsed()) / 1e6, [&] { return QStringLiteral(", %1 rows").arg(rows); }, 100);
    report(
        QStringLiteral("first page, status=failure newest first (median)"), timedMs([&] { page(failures, &rows); }),
        [&] { return QStringLiteral(", %1 rows").arg(rows); }, 100);
    qint64 total = 0;
    report(
        QStringLiteral("total count, status=failure"),
        timedMs([&] { total = valueOrExit<qint64>(store.totalCount(failures)); }),
        [&] { return QStringLiteral(", %1 records").arg(total); }, 0);
    QList<ErrorCodeCount> counts;
    report(
        QStringLiteral("counts by error code, status=failure"),
        timedMs([&] { counts = valueOrExit<QList<ErrorCodeCount>>(store.countsByErrorCode(failures)); }),
        [&] {
            return QStringLiteral(", %1 codes, top %2 x %3")
                .arg(counts.size())
                .arg(counts.isEmpty() ? QString() : counts.constFirst().errorCode)
                .arg(counts.isEmpty() ? 0 : counts.constFirst().count);
        },
        0);

    LogQuery all;
    all.setId = setId;
    report(
        QStringLiteral("first page, everything newest first"), timedMs([&] { page(all, &rows); }),
        [&] { return QStringLiteral(", %1 rows").arg(rows); }, 100);
    report(
        QStringLiteral("total count, everything"), timedMs([&] { total = valueOrExit<qint64>(store.totalCount(all)); }),
        [&] { return QStringLiteral(", %1 records").arg(total); }, 0);
    LogQuery byName = all;
    byName.sortColumn = LogQuery::SortColumn::SourceName;
    byName.sortOrder = Qt::AscendingOrder;
    report(
        QStringLiteral("first page, everything by source name"), timedMs([&] { page(byName, &rows); }, 3),
        [&] { return QStringLiteral(", %1 rows").arg(rows); }, 0);
    QList<LogRow> deep;
    report(
        QStringLiteral("page at offset %1 (the middle), everything newest first").arg(records / 2),
        timedMs([&] { deep = valueOrExit<QList<LogRow>>(store.rows(all, records / 2, 50)); }, 3),
        [&] { return QStringLiteral(", %1 rows").arg(deep.size()); }, 0);

    const User& someone = generator.user(12345);
    LogQuery text = all;
    text.text = someone.name; // "Cameron Bolton 12345"-like: three words
    report(
        QStringLiteral("free text '%1', first page").arg(text.text), timedMs([&] { page(text, &rows); }),
        [&] { return QStringLiteral(", %1 rows").arg(rows); }, 200);
    text.text = someone.upn.left(someone.upn.indexOf(QLatin1Char('@')));
    report(
        QStringLiteral("free text '%1', first page").arg(text.text), timedMs([&] { page(text, &rows); }),
        [&] { return QStringLiteral(", %1 rows").arg(rows); }, 200);
    text.text = QStringLiteral("proxyAddresses");
    report(
        QStringLiteral("free text '%1' (common), first page").arg(text.text), timedMs([&] { page(text, &rows); }),
        [&] { return QStringLiteral(", %1 rows").arg(rows); }, 200);
    report(
        QStringLiteral("free text '%1', total count").arg(text.text),
        timedMs([&] { total = valueOrExit<qint64>(store.totalCount(text)); }),
        [&] { return QStringLiteral(", %1 records").arg(total); }, 0);
    text.text = QStringLiteral("conflict");
    report(
        QStringLiteral("free text '%1' (also inside an error code), first page").arg(text.text),
        timedMs([&] { page(text, &rows); }), [&] { return QStringLiteral(", %1 rows").arg(rows); }, 200);
    LogQuery identity = all;
    identity.sourceIdentity = someone.upn;
    report(
        QStringLiteral("source identity = UPN, first page"), timedMs([&] { page(identity, &rows); }),
        [&] { return QStringLiteral(", %1 rows").arg(rows); }, 100);
    identity.sourceIdentity = someone.sourceId;
    report(
        QStringLiteral("source identity = object id, first page"), timedMs([&] { page(identity, &rows); }),
        [&] { return QStringLiteral(", %1 rows").arg(rows); }, 100);

    const QList<LogRow> firstRows = valueOrExit<QList<LogRow>>(store.firstPage(failures));
    if (!firstRows.isEmpty()) {
        std::optional<ProvisioningLogEntry> entry;
        report(
            QStringLiteral("full record for the detail pane"), timedMs([&] {
                entry = valueOrExit<std::optional<ProvisioningLogEntry>>(store.record(firstRows.at(0).rowId));
            }),
            [&] { return entry ? QStringLiteral(", %1 steps").arg(entry->steps.size()) : QStringLiteral(", missing"); },
            0);
    }
    out() << "plan, failures page: "
          << planOf(database,
                 QStringLiteral("SELECT r.id FROM log_records r WHERE r.set_id = 1 AND r.status = 'failure' "
                                "ORDER BY r.activity_ms DESC, r.id DESC LIMIT 50"))
          << Qt::endl;
    out() << "plan, free text page: "
          << planOf(database,
                 QStringLiteral("SELECT r.id FROM (SELECT rowid AS row_id FROM log_fts WHERE log_fts MATCH "
                                "'\"x\"*') AS driver CROSS JOIN log_records r ON r.id = driver.row_id "
                                "WHERE r.set_id = 1 ORDER BY r.activity_ms DESC, r.id DESC LIMIT 50"))
          << Qt::endl;
    out() << "peak RSS: " << QString::number(peakRssMb(), 'f', 0) << " MB" << Qt::endl;
    return 0;
}
