// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// logs::LogSync against the sandbox's CTS engine, into a real store (SQLite file of a ConfiguredPair): a fetch stores
// every record of the job once; a second fetch after another cycle stores only the new ones; a connection dropped
// mid-fetch (past the client's retries) leaves the records of the delivered pages and a saved watermark, and the next
// fetch completes the set with nothing doubled and nothing missing; the watermark survives closing and reopening the
// database; a cancelled fetch keeps what it stored.
#include "core/logs/LogStore.h"
#include "core/logs/LogSync.h"
#include "core/store/Database.h"
#include "tests/support/ConfiguredPair.h"
#include "tests/support/ProvisioningLogTestSupport.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QUrl>

using tb::logs::LogStore;
using tb::logs::LogSync;
using tb::store::StoreError;
using tb::test::ConfiguredPair;
using tb::test::ProvisioningLogTestSupport;
using tb::test::SignalWaiter;

namespace {

struct SyncRun
{
    bool finished = false;
    int newRecords = 0;
    qint64 setId = 0;
    QString failure;
    int progressSignals = 0;
    QStringList requestTargets; // what was sent to /auditLogs/provisioning, decoded
};

SyncRun runSync(ConfiguredPair& pair, LogSync& sync, const std::function<void(int pages)>& onProgress = {})
{
    const qint64 before = pair.fixture.lastSeq();
    QSignalSpy finished(&sync, &LogSync::finished);
    QSignalSpy failed(&sync, &LogSync::failed);
    SyncRun run;
    const QMetaObject::Connection progress
        = QObject::connect(&sync, &LogSync::progress, [&run, &onProgress](int pages, int records, int newRecords) {
              ++run.progressSignals;
              CHECK(newRecords <= records);
              if (onProgress) {
                  onProgress(pages);
              }
          });
    REQUIRE(sync.fetch(pair.servicePrincipalId, pair.jobId));
    CHECK_FALSE(sync.fetch(pair.servicePrincipalId, pair.jobId)); // one at a time
    REQUIRE(SignalWaiter::waitUntil([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 60000));
    QObject::disconnect(progress);
    CHECK(finished.size() + failed.size() == 1);
    CHECK_FALSE(sync.isRunning());
    if (!finished.isEmpty()) {
        run.finished = true;
        run.newRecords = finished.first().at(0).toInt();
        run.setId = finished.first().at(1).toLongLong();
    } else {
        run.failure = failed.first().at(0).toString();
    }
    for (const QString& target : ProvisioningLogTestSupport::provisioningLogTargets(pair, before)) {
        run.requestTargets.append(QUrl::fromPercentEncoding(target.toUtf8()));
    }
    return run;
}

QDateTime saved(ConfiguredPair& pair, LogStore& store, qint64 setId)
{
    const auto watermark = LogSync::savedWatermark(*pair.database, store, setId);
    REQUIRE(std::holds_alternative<QDateTime>(watermark));
    return std::get<QDateTime>(watermark);
}

} // namespace

TEST_CASE("LogSync stores a job's logs once, and a second fetch only the new ones", "[integration][logs][sync]")
{
    ConfiguredPair pair(ConfiguredPair::onDemandCycles());
    ProvisioningLogTestSupport::syncSales(pair);
    const QSet<QString> firstCycle = ProvisioningLogTestSupport::cleanReadIds(pair);
    REQUIRE(firstCycle.size() >= 20);

    LogStore store(*pair.database);
    LogSync sync(*pair.sourceClient, store, *pair.database);
    CHECK_FALSE(sync.fetch(QString(), pair.jobId));
    sync.setPageSize(7);
    const SyncRun first = runSync(pair, sync);
    INFO(first.failure.toStdString());
    REQUIRE(first.finished);
    CHECK(first.setId == sync.setId());
    CHECK(first.newRecords == firstCycle.size());
    CHECK(first.progressSignals == (firstCycle.size() + 6) / 7);
    CHECK(ProvisioningLogTestSupport::storedIds(store, first.setId) == firstCycle);
    const auto set = store.jobSet(pair.servicePrincipalId, pair.jobId);
    REQUIRE(std::holds_alternative<tb::logs::LogSet>(set));
    CHECK(std::get<tb::logs::LogSet>(set).id == first.setId);
    const QDateTime watermark = saved(pair, store, first.setId);
    CHECK(watermark.isValid());
    CHECK(watermark == sync.outcome().completeThrough);

    // Another cycle with Engineering assigned: new records, and the first cycle's again only by the overlap.
    pair.assign(ProvisioningLogTestSupport::engineeringGroupId());
    REQUIRE(pair.fixture.runSyncCycle() == 1);
    const QSet<QString> both = ProvisioningLogTestSupport::cleanReadIds(pair);
    REQUIRE(both.size() > firstCycle.size());
    sync.setPageSize(1000);
    const SyncRun second = runSync(pair, sync);
    REQUIRE(second.finished);
    CHECK(second.setId == first.setId);
    CHECK(second.newRecords == both.size() - firstCycle.size());
    CHECK(ProvisioningLogTestSupport::storedIds(store, first.setId) == both);
    REQUIRE_FALSE(second.requestTargets.isEmpty());
    // From the saved watermark minus the overlap, not from the beginning.
    CHECK(second.requestTargets.first().contains(QStringLiteral("activityDateTime ge ")));
    CHECK(saved(pair, store, first.setId) >= watermark);

    // Nothing new: nothing stored, the watermark stays.
    const QDateTime before = saved(pair, store, first.setId);
    const SyncRun third = runSync(pair, sync);
    REQUIRE(third.finished);
    CHECK(third.newRecords == 0);
    CHECK(saved(pair, store, first.setId) == before);
}

TEST_CASE("A LogSync fetch cut off mid-way resumes from its saved watermark, also after the store is reopened",
    "[integration][logs][sync]")
{
    ConfiguredPair pair(ConfiguredPair::onDemandCycles());
    ProvisioningLogTestSupport::syncSales(pair);
    const QSet<QString> all = ProvisioningLogTestSupport::cleanReadIds(pair);
    REQUIRE(all.size() >= 20);
    const QString databasePath = pair.database->filePath();
    qint64 setId = 0;
    QDateTime watermark;
    {
        LogStore store(*pair.database);
        LogSync sync(*pair.sourceClient, store, *pair.database);
        sync.setPageSize(5);
        // After the second page is stored, every further answer of the log is cut off halfway, past the client's
        // attempts: the connection "drops" mid-fetch.
        const SyncRun broken = runSync(pair, sync, [&pair](int pages) {
            if (pages == 2) {
                REQUIRE(pair.fixture.putFaults(QJsonObject {{QStringLiteral("drops"),
                    QJsonArray {
                        QJsonObject {{QStringLiteral("pathPattern"), QStringLiteral("*/auditLogs/provisioning")},
                            {QStringLiteral("count"), 100}}}}}));
            }
        });
        REQUIRE_FALSE(broken.finished);
        CHECK(broken.failure.startsWith(QStringLiteral("Fetching the provisioning logs stopped after 2 pages")));
        CHECK(broken.failure.contains(QStringLiteral("the next fetch continues from")));
        setId = sync.setId();
        REQUIRE(setId != 0);
        CHECK(sync.newRecords() == 10);
        const QSet<QString> partial = ProvisioningLogTestSupport::storedIds(store, setId);
        CHECK(partial.size() == 10);
        CHECK(all.contains(partial));
        watermark = saved(pair, store, setId);
        REQUIRE(watermark.isValid());
        CHECK(watermark == sync.outcome().completeThrough);
        REQUIRE(pair.fixture.clearFaults());
    }

    // Close the database and open the file again, as the next run of the app would.
    pair.database->close();
    pair.database = std::make_unique<tb::store::Database>(databasePath);
    REQUIRE_FALSE(pair.database->open().has_value());
    LogStore store(*pair.database);
    CHECK(saved(pair, store, setId) == watermark);
    LogSync sync(*pair.sourceClient, store, *pair.database);
    sync.setPageSize(5);
    const SyncRun resumed = runSync(pair, sync);
    INFO(resumed.failure.toStdString());
    REQUIRE(resumed.finished);
    CHECK(resumed.setId == setId);
    CHECK(resumed.newRecords == all.size() - 10);
    CHECK(ProvisioningLogTestSupport::storedIds(store, setId) == all); // nothing missing, nothing extra
    REQUIRE_FALSE(resumed.requestTargets.isEmpty());
    const QString from = tb::logs::LogFetcher::fetchFrom([&] {
        tb::logs::LogFetcher::Request request;
        request.completeThrough = watermark;
        return request;
    }())
                             .toString(Qt::ISODateWithMs);
    INFO(resumed.requestTargets.first().toStdString());
    CHECK(resumed.requestTargets.first().contains(from.left(19))); // asked from the watermark minus the overlap
}

TEST_CASE("A cancelled LogSync fetch keeps what it stored and its watermark, and signals nothing",
    "[integration][logs][sync]")
{
    ConfiguredPair pair(ConfiguredPair::onDemandCycles());
    ProvisioningLogTestSupport::syncSales(pair);
    const QSet<QString> all = ProvisioningLogTestSupport::cleanReadIds(pair);

    LogStore store(*pair.database);
    LogSync sync(*pair.sourceClient, store, *pair.database);
    sync.setPageSize(4);
    QSignalSpy finished(&sync, &LogSync::finished);
    QSignalSpy failed(&sync, &LogSync::failed);
    const QMetaObject::Connection cancelling
        = QObject::connect(&sync, &LogSync::progress, &sync, [&sync](int pages, int, int) {
              if (pages == 2) {
                  sync.cancel();
              }
          });
    REQUIRE(sync.fetch(pair.servicePrincipalId, pair.jobId));
    REQUIRE(SignalWaiter::waitUntil([&] { return !sync.isRunning(); }));
    QCoreApplication::processEvents(); // nothing may arrive after a cancel
    CHECK(finished.isEmpty());
    CHECK(failed.isEmpty());
    CHECK(ProvisioningLogTestSupport::storedIds(store, sync.setId()).size() == 8);
    CHECK(saved(pair, store, sync.setId()) == sync.outcome().completeThrough);

    QObject::disconnect(cancelling);
    const SyncRun rest = runSync(pair, sync);
    REQUIRE(rest.finished);
    CHECK(ProvisioningLogTestSupport::storedIds(store, sync.setId()) == all);
}

TEST_CASE("Without the database LogSync resumes from the newest stored record", "[integration][logs][sync]")
{
    ConfiguredPair pair(ConfiguredPair::onDemandCycles());
    ProvisioningLogTestSupport::syncSales(pair);
    const QSet<QString> all = ProvisioningLogTestSupport::cleanReadIds(pair);
    LogStore store(*pair.database);
    LogSync sync(*pair.sourceClient, store);
    const SyncRun first = runSync(pair, sync);
    REQUIRE(first.finished);
    CHECK(ProvisioningLogTestSupport::storedIds(store, first.setId) == all);
    CHECK_FALSE(saved(pair, store, first.setId).isValid()); // nothing written to profile_meta
    const SyncRun second = runSync(pair, sync);
    REQUIRE(second.finished);
    CHECK(second.newRecords == 0);
    REQUIRE_FALSE(second.requestTargets.isEmpty());
    CHECK(second.requestTargets.first().contains(QStringLiteral("activityDateTime ge ")));
}
