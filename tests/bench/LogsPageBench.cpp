// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The sync logs page holding N generated provisioning log records (default 1,000,000; the mix of LogStoreBench:
// 80% success, 10% skipped, 7% failure over eight error codes, 3% warning; 40,000 users; 30 days), shown offscreen
// as a user would see it:
//  1. the store is filled by a child process (this program with --generate), so that the page's process holds only
//     what the page holds and its peak resident set size (VmHWM) is the page's;
//  2. time to first page: from show() until the table has read and painted its first page;
//  3. the table scrolled from top to bottom in steps (the scroll bar moved by maximum/steps, events processed after
//     each), the time of each step (median, slowest) and the page reads;
//  4. a filter (failures) and a free-text search, each to its first page;
//  5. peak RSS (VmHWM of /proc/self/status; target <= 300 MB) and the RSS at the end.
// Prints figures; asserts no times.
//
//   LogsPageBench [--records N] [--steps N] [--dir PATH] [--db FILE]
// --db reuses a store an earlier run kept (TB_BENCH_KEEP=1 keeps it).

#include "BenchMeasures.h"
#include "core/Workspace.h"
#include "core/logs/LogStore.h"
#include "core/store/Database.h"
#include "ui/models/LogTableModel.h"
#include "ui/pages/SyncLogsPage.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QProcess>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <random>

using tb::bench::figure;
using tb::bench::out;
using tb::bench::statusMb;
using tb::logs::LogStore;
using tb::model::ProvisioningLogEntry;

namespace {

const QStringList kErrorCodes {QStringLiteral("AzureActiveDirectoryConflictEntry"),
    QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure"),
    QStringLiteral("AzureActiveDirectoryInsufficientRights"),
    QStringLiteral("AzureActiveDirectoryCannotUpdateObjectsMasteredOnPremises"),
    QStringLiteral("InvitationCreationFailure"), QStringLiteral("AzureActiveDirectoryQuotaLimitExceeded"),
    QStringLiteral("AzureActiveDirectoryForbidden"), QStringLiteral("EntrySynchronizationError")};

QString guid(std::mt19937_64& random)
{
    const quint64 a = random();
    const quint64 b = random();
    return QStringLiteral("%1-%2-%3-%4-%5")
        .arg(a >> 32, 8, 16, QLatin1Char('0'))
        .arg((a >> 16) & 0xffff, 4, 16, QLatin1Char('0'))
        .arg(a & 0xffff, 4, 16, QLatin1Char('0'))
        .arg(b >> 48, 4, 16, QLatin1Char('0'))
        .arg(b & 0xffffffffffffULL, 12, 16, QLatin1Char('0'));
}

// The records of LogStoreBench's generator, a little lighter: 30 days, a cycle every 40 minutes, the same mix.
ProvisioningLogEntry generated(std::mt19937_64& random, qint64 index, qint64 records, const QString& cycleId)
{
    const QDateTime start(QDate(2026, 10, 28), QTime(0, 0), Qt::UTC);
    const qint64 spanMs = 30LL * 24 * 3600 * 1000;
    const int user = static_cast<int>(random() % 40000);
    const int roll = static_cast<int>(random() % 100);
    ProvisioningLogEntry entry;
    entry.id = guid(random);
    entry.activityDateTime = start.addMSecs(spanMs * index / std::max<qint64>(records, 1));
    entry.jobId = QStringLiteral("Azure2Azure.2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e.9f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a0");
    entry.cycleId = cycleId;
    entry.changeId = guid(random);
    entry.durationMs = static_cast<qint64>(random() % 8000);
    const QString upn = QStringLiteral("user%1@contoso.example").arg(user);
    entry.sourceIdentity = {QStringLiteral("source-%1").arg(user), QStringLiteral("User %1").arg(user),
        QStringLiteral("User"), {{QStringLiteral("UserPrincipalName"), upn}}};
    if (roll < 80) {
        entry.status = QStringLiteral("success");
        entry.action = roll < 12 ? QStringLiteral("create") : QStringLiteral("update");
    } else if (roll < 90) {
        entry.status = QStringLiteral("skipped");
        entry.action = QStringLiteral("other");
    } else if (roll < 97) {
        entry.status = QStringLiteral("failure");
        entry.action = QStringLiteral("create");
        const auto code = static_cast<qsizetype>((random() % 100) * (random() % 100) / 1250);
        entry.error.code = kErrorCodes.at(std::min<qsizetype>(code, kErrorCodes.size() - 1));
        entry.error.reason = QStringLiteral("The target refused the change of %1.").arg(upn);
    } else {
        entry.status = QStringLiteral("warning");
        entry.action = QStringLiteral("disable");
    }
    if (entry.status != QLatin1String("skipped")) {
        entry.targetIdentity
            = {QStringLiteral("target-%1").arg(user), entry.sourceIdentity.displayName, QStringLiteral("User"), {}};
    }
    using Step = ProvisioningLogEntry::Step;
    entry.steps = {Step {QStringLiteral("EntryImportAdd"), QStringLiteral("Received User '%1'").arg(upn),
                       QStringLiteral("import"), QStringLiteral("success"), {}},
        Step {QStringLiteral("EntrySynchronizationScoping"), QStringLiteral("In scope"), QStringLiteral("scoping"),
            QStringLiteral("success"), {}},
        Step {QStringLiteral("EntryExportUpdate"), QStringLiteral("User '%1' was updated").arg(upn),
            QStringLiteral("export"), entry.status, {}}};
    return entry;
}

int generate(const QString& path, qint64 records)
{
    tb::store::Database database(path);
    if (const auto error = database.open()) {
        out() << "cannot open " << path << ": " << error->detail() << Qt::endl;
        return 1;
    }
    LogStore store(database);
    const auto set = store.jobSet(QStringLiteral("9f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a0"),
        QStringLiteral("Azure2Azure.2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e.9f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a0"));
    if (!std::holds_alternative<tb::logs::LogSet>(set) || store.beginBulkInsert()) {
        out() << "cannot prepare the store" << Qt::endl;
        return 1;
    }
    const qint64 setId = std::get<tb::logs::LogSet>(set).id;
    std::mt19937_64 random(7);
    QString cycleId;
    qint64 cycle = -1;
    QElapsedTimer timer;
    timer.start();
    for (qint64 made = 0; made < records;) {
        QList<ProvisioningLogEntry> batch;
        for (int i = 0; i < 5000 && made < records; ++i, ++made) {
            const qint64 nowCycle = made * 30 * 36 / std::max<qint64>(records, 1); // 1080 cycles over 30 days
            if (nowCycle != cycle) {
                cycle = nowCycle;
                cycleId = guid(random);
            }
            batch.append(generated(random, made, records, cycleId));
        }
        const auto inserted = store.insert(setId, batch);
        if (const auto* error = std::get_if<tb::store::StoreError>(&inserted)) {
            out() << "insert failed: " << error->detail() << Qt::endl;
            return 1;
        }
    }
    if (store.endBulkInsert()) {
        out() << "cannot end bulk mode" << Qt::endl;
        return 1;
    }
    out() << "  generated and stored " << records << " records in " << timer.elapsed() / 1000.0 << " s (child process)"
          << Qt::endl;
    return 0;
}

// Processes events until done() or the time is up; the milliseconds it took.
template <typename F>
double processUntil(F&& done, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    QCoreApplication::processEvents();
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

double median(QList<double> values)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

int main(int argc, char** argv)
{
    // The child that fills the store needs no GUI.
    for (int i = 1; i + 2 < argc; ++i) {
        if (qstrcmp(argv[i], "--generate") == 0) {
            QCoreApplication app(argc, argv);
            return generate(QString::fromLocal8Bit(argv[i + 1]), QByteArray(argv[i + 2]).toLongLong());
        }
    }
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    qint64 records = 1000000;
    int steps = 200;
    QString dir;
    QString existing;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--records")) {
            records = args.at(i + 1).toLongLong();
        } else if (args.at(i) == QLatin1String("--steps")) {
            steps = std::max(1, args.at(i + 1).toInt());
        } else if (args.at(i) == QLatin1String("--dir")) {
            dir = args.at(i + 1);
        } else if (args.at(i) == QLatin1String("--db")) {
            existing = args.at(i + 1);
        }
    }
    QTemporaryDir temporary(dir.isEmpty() ? QDir::tempPath() + QStringLiteral("/logspagebench-XXXXXX")
                                          : dir + QStringLiteral("/logspagebench-XXXXXX"));
    temporary.setAutoRemove(!qEnvironmentVariableIsSet("TB_BENCH_KEEP"));
    const QString path = existing.isEmpty() ? temporary.filePath(QStringLiteral("profile.sqlite")) : existing;
    out() << "LogsPageBench: " << path << Qt::endl;
    if (existing.isEmpty()) {
        const int exitCode = QProcess::execute(
            QCoreApplication::applicationFilePath(), {QStringLiteral("--generate"), path, QString::number(records)});
        if (exitCode != 0) {
            return 1;
        }
    }
    out() << "  before the page: VmHWM " << statusMb("VmHWM") << " MB, VmRSS " << statusMb("VmRSS") << " MB"
          << Qt::endl;

    tb::WorkspaceOptions options;
    options.secretStorage = tb::WorkspaceOptions::SecretStorage::MemoryOnly;
    options.databasePath = path;
    tb::Workspace workspace(options);
    bool ready = false;
    QObject::connect(&workspace, &tb::Workspace::ready, [&ready] { ready = true; });
    workspace.start();
    processUntil([&ready] { return ready; });
    if (!ready) {
        out() << "the workspace did not start" << Qt::endl;
        return 1;
    }

    tb::ui::SyncLogsPage page(workspace);
    tb::ui::LogTableModel* model = page.model();
    page.resize(1400, 900);
    QElapsedTimer firstPage;
    firstPage.start();
    page.show();
    const double firstPageMs = processUntil([model] { return model->pageReads() >= 1; });
    out() << "  time to first page: " << firstPageMs << " ms (" << static_cast<double>(firstPage.nsecsElapsed()) / 1e6
          << " ms with the first paint); " << model->rowCount() << " rows" << Qt::endl;

    QScrollBar* bar = page.table()->verticalScrollBar();
    QList<double> stepTimes;
    double peakAfterStep = 0;
    for (int step = 1; step <= steps; ++step) {
        QElapsedTimer timer;
        timer.start();
        if (step == steps) {
            page.table()->scrollToBottom();
        } else {
            bar->setValue(static_cast<int>(static_cast<qint64>(bar->maximum()) * step / steps));
        }
        QCoreApplication::processEvents();
        stepTimes.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        peakAfterStep = std::max(peakAfterStep, statusMb("VmRSS"));
    }
    out() << "  scrolled to the bottom in " << steps << " steps: median " << median(stepTimes) << " ms, slowest "
          << *std::max_element(stepTimes.cbegin(), stepTimes.cend()) << " ms, last (deepest) " << stepTimes.last()
          << " ms; " << model->pageReads() << " page reads, " << model->cachedPages() << " pages cached ("
          << tb::ui::LogTableModel::kPageRows << " rows each)" << Qt::endl;
    const QModelIndex lastIndex = model->index(model->rowCount() - 1, 0);
    out() << "  last row shown: " << model->data(lastIndex).toString() << Qt::endl;

    auto* status = page.findChild<QComboBox*>(QStringLiteral("logStatusCombo"));
    QElapsedTimer filter;
    filter.start();
    status->setCurrentIndex(status->findData(QStringLiteral("failure")));
    processUntil([model] { return model->pageReads() >= 1; });
    out() << "  failures, first page: " << static_cast<double>(filter.nsecsElapsed()) / 1e6 << " ms, "
          << model->rowCount() << " rows" << Qt::endl;
    auto* search = page.findChild<QLineEdit*>(QStringLiteral("logSearchEdit"));
    search->setText(QStringLiteral("user1234"));
    QElapsedTimer text;
    text.start();
    page.applyFilters(); // without the typing pause
    processUntil([model] { return model->pageReads() >= 1 || model->rowCount() == 0; });
    out() << "  failures + search 'user1234', first page: " << static_cast<double>(text.nsecsElapsed()) / 1e6 << " ms, "
          << model->rowCount() << " rows" << Qt::endl;

    out() << "  peak RSS (VmHWM): " << statusMb("VmHWM") << " MB (target <= 300 MB); RSS now " << statusMb("VmRSS")
          << " MB, highest after a scroll step " << peakAfterStep << " MB" << Qt::endl;
    figure(QStringLiteral("Sync logs page, time to first page (%1 records)").arg(records), firstPageMs,
        QStringLiteral("ms"));
    figure(QStringLiteral("Sync logs page, peak memory holding %1 records").arg(records), statusMb("VmHWM"),
        QStringLiteral("MB"), QStringLiteral("<= 300 MB"), 0);
    return 0;
}
