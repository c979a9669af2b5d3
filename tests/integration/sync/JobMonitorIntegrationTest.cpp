// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/GraphClient.h"
#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/endpoints/PolicyEndpoints.h"
#include "core/model/SyncJob.h"
#include "core/setup/PlanRunner.h"
#include "core/setup/SetupPlan.h"
#include "core/setup/SetupStateReader.h"
#include "core/store/Database.h"
#include "core/store/Journal.h"
#include "core/sync/ErrorCatalogue.h"
#include "core/sync/JobMonitor.h"
#include "tests/support/ConfiguredPair.h"
#include "tests/support/GraphWait.h"
#include "tests/support/SandboxFixture.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <memory>

using tb::model::SyncJob;
using tb::setup::PlanRunner;
using tb::setup::SetupPlan;
using tb::setup::SetupState;
using tb::setup::SetupStateReader;
using tb::sync::JobMonitor;
using tb::test::ConfiguredPair;
using tb::test::SandboxFixture;
using tb::test::SignalWaiter;

namespace {

// Waits for the monitor to have read a job that satisfies the predicate.
bool waitForJob(const JobMonitor& monitor, const std::function<bool(const SyncJob&)>& predicate)
{
    return SignalWaiter::waitUntil([&] { return monitor.job() && predicate(*monitor.job()); }, 20000);
}

} // namespace

TEST_CASE("JobMonitor reads the new job, starts and pauses it and sees each change", "[integration][sync]")
{
    ConfiguredPair pair;
    JobMonitor monitor(*pair.sourceClient);
    monitor.setTiming(ConfiguredPair::fastTiming());
    QSignalSpy changed(&monitor, &JobMonitor::jobChanged);
    QSignalSpy failed(&monitor, &JobMonitor::failed);
    QSignalSpy commands(&monitor, &JobMonitor::commandFinished);

    monitor.setJob(pair.servicePrincipalId, pair.jobId);
    CHECK_FALSE(monitor.isPolling()); // nobody watches yet
    QObject watcher;
    monitor.addWatcher(&watcher);
    CHECK(monitor.isPolling());
    REQUIRE(SignalWaiter::waitForCount(changed));
    const SyncJob created = changed.first().first().value<SyncJob>();
    CHECK(created.id == pair.jobId);
    CHECK(created.templateId == QStringLiteral("Azure2Azure"));
    CHECK(created.isPaused());
    CHECK_FALSE(created.isQuarantined());

    monitor.start();
    REQUIRE(SignalWaiter::waitForCount(commands));
    CHECK(commands.first().at(0).value<JobMonitor::Command>() == JobMonitor::Command::Start);
    CHECK(commands.first().at(1).toBool());
    REQUIRE(waitForJob(monitor, [](const SyncJob& job) { return job.scheduleState == QStringLiteral("Active"); }));
    CHECK_FALSE(monitor.job()->isPaused());
    CHECK(changed.size() >= 2);

    monitor.pause();
    REQUIRE(SignalWaiter::waitForCount(commands, 2));
    CHECK(commands.at(1).at(0).value<JobMonitor::Command>() == JobMonitor::Command::Pause);
    CHECK(commands.at(1).at(1).toBool());
    REQUIRE(waitForJob(monitor, [](const SyncJob& job) { return job.isPaused(); }));
    CHECK(monitor.job()->scheduleState == QStringLiteral("Paused"));
    INFO((failed.isEmpty() ? QString() : failed.first().first().toString()).toStdString());
    CHECK(failed.isEmpty());
}

TEST_CASE("JobMonitor backs off while nothing changes and stops when nobody watches", "[integration][sync]")
{
    ConfiguredPair pair;
    JobMonitor monitor(*pair.sourceClient);
    const JobMonitor::Timing timing = ConfiguredPair::fastTiming();
    monitor.setTiming(timing);
    QSignalSpy reads(&monitor, &JobMonitor::jobRead);
    // The wait planned after each read, as a listener sees it.
    QList<int> waits;
    QList<bool> cycleRunning; // while a cycle runs the monitor reads every cycleMs, whatever the back-off
    QObject::connect(&monitor, &JobMonitor::jobRead, &monitor, [&](const SyncJob& job) {
        waits.append(monitor.nextPollMs());
        cycleRunning.append(job.isCycleRunning());
    });
    monitor.setJob(pair.servicePrincipalId, pair.jobId);
    auto watcher = std::make_unique<QObject>();
    monitor.addWatcher(watcher.get());

    // A paused job does not change: each quiet read doubles the wait up to the cap.
    REQUIRE(SignalWaiter::waitForCount(reads, 4, 20000));
    INFO(QStringList({QString::number(waits.at(0)), QString::number(waits.at(1)), QString::number(waits.at(2)),
                         QString::number(waits.at(3))})
             .join(QLatin1Char(','))
             .toStdString());
    CHECK(waits.at(0) == timing.steadyMs); // the first read is a change
    CHECK(waits.at(1) == timing.steadyMs * 2);
    CHECK(waits.at(2) == timing.maxMs);
    CHECK(waits.at(3) == timing.maxMs);

    // A command brings the fast reads back.
    QSignalSpy commands(&monitor, &JobMonitor::commandFinished);
    monitor.start();
    REQUIRE(SignalWaiter::waitForCount(commands));
    const int before = static_cast<int>(reads.size());
    REQUIRE(SignalWaiter::waitForCount(reads, before + 1, 20000));
    CHECK(waits.at(before) == timing.fastMs);
    // Paused again: after the quick reads that watch the command take effect comes the steady wait, not the cap.
    // (Quiet quick reads used to double the wait each time, and the panel then missed a quarantine for five minutes.)
    monitor.pause();
    REQUIRE(SignalWaiter::waitForCount(commands, 2));
    const int paused = static_cast<int>(reads.size());
    REQUIRE(SignalWaiter::waitForCount(reads, paused + timing.fastPolls + 1, 20000));
    QStringList seen;
    for (qsizetype i = paused; i < waits.size(); ++i) {
        seen.append(QStringLiteral("%1%2").arg(waits.at(i)).arg(cycleRunning.at(i) ? QStringLiteral("r") : QString()));
    }
    INFO(seen.join(QLatin1Char(',')).toStdString());
    const qsizetype afterQuickReads = paused + timing.fastPolls - 1;
    REQUIRE_FALSE(cycleRunning.at(afterQuickReads));
    CHECK(waits.at(afterQuickReads) == timing.steadyMs);

    // The last watcher gone (destroyed, here): no more polling.
    watcher.reset();
    CHECK_FALSE(monitor.isPolling());
    REQUIRE(SignalWaiter::waitUntil([&] { return !monitor.isReading(); }, 5000));
    CHECK(monitor.nextPollMs() == -1);
}

TEST_CASE("JobMonitor says in words when the job cannot be read or commanded", "[integration][sync]")
{
    ConfiguredPair pair;
    JobMonitor monitor(*pair.sourceClient);
    QSignalSpy failed(&monitor, &JobMonitor::failed);
    QSignalSpy commands(&monitor, &JobMonitor::commandFinished);

    monitor.start(); // no job yet
    REQUIRE(commands.size() == 1);
    CHECK_FALSE(commands.first().at(1).toBool());
    CHECK(commands.first().at(2).toString().contains(QStringLiteral("no synchronization job")));

    monitor.setJob(pair.servicePrincipalId, QStringLiteral("Azure2Azure.nothing.here"));
    monitor.refresh();
    REQUIRE(SignalWaiter::waitForCount(failed, 2));
    CHECK(failed.at(1).first().toString().startsWith(QStringLiteral("Could not read the synchronization job")));
    CHECK(failed.at(1).at(1).value<tb::graph::GraphError>().httpStatus() == 404);

    monitor.pause();
    REQUIRE(SignalWaiter::waitForCount(commands, 2));
    CHECK_FALSE(commands.at(1).at(1).toBool());
    CHECK(commands.at(1).at(2).toString().startsWith(QStringLiteral("Could not pause")));
}

TEST_CASE("JobMonitor watches a job run, go to quarantine when the target stops inbound sync, and recover",
    "[integration][sync]")
{
    ConfiguredPair pair(ConfiguredPair::onDemandCycles());
    // One user in scope: Adele, assigned with the configuration's msiam_access role (graph-reference.md 3).
    const std::optional<tb::graph::GraphResponse> principal = tb::test::GraphWait::response(pair.sourceClient->send(
        tb::graph::GraphRequest::get(QStringLiteral("/servicePrincipals/%1").arg(pair.servicePrincipalId))));
    REQUIRE(principal.has_value());
    const QString appRoleId = principal->json()
                                  .value(QLatin1String("appRoles"))
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(QLatin1String("id"))
                                  .toString();
    REQUIRE_FALSE(appRoleId.isEmpty());
    const std::optional<tb::graph::GraphResponse> adele = tb::test::GraphWait::response(pair.sourceClient->send(
        tb::graph::GraphRequest::get(QStringLiteral("/users/adele.vance@contoso.onmicrosoft.com"))));
    REQUIRE(adele.has_value());
    const std::optional<tb::graph::GraphResponse> assigned
        = tb::test::GraphWait::response(pair.sourceClient->send(tb::graph::GraphRequest::post(
            QStringLiteral("/servicePrincipals/%1/appRoleAssignedTo").arg(pair.servicePrincipalId),
            QJsonObject {{QStringLiteral("principalId"), adele->json().value(QLatin1String("id")).toString()},
                {QStringLiteral("resourceId"), pair.servicePrincipalId}, {QStringLiteral("appRoleId"), appRoleId}})));
    REQUIRE(assigned.has_value());
    REQUIRE(assigned->httpStatus() == 201);

    JobMonitor monitor(*pair.sourceClient);
    monitor.setTiming(ConfiguredPair::fastTiming());
    QSignalSpy commands(&monitor, &JobMonitor::commandFinished);
    monitor.setJob(pair.servicePrincipalId, pair.jobId);
    QObject watcher;
    monitor.addWatcher(&watcher);
    monitor.start();
    REQUIRE(SignalWaiter::waitForCount(commands));
    REQUIRE(commands.first().at(1).toBool());

    // The first cycle brings Adele into Fabrikam.
    REQUIRE(pair.fixture.runSyncCycle() == 1);
    REQUIRE(waitForJob(monitor, [](const SyncJob& job) {
        return job.lastSuccessfulExecution.has_value() && job.lastSuccessfulExecution->countExported >= 1;
    }));
    CHECK_FALSE(monitor.job()->isQuarantined());
    const QDateTime healthyCycle = monitor.job()->lastSuccessfulExecution->timeEnded;

    // Fabrikam stops allowing users to sync in: the next cycle quarantines the job, and the catalogue explains it.
    tb::graph::PolicyEndpoints targetPolicy(*pair.targetClient);
    const std::optional<tb::graph::GraphResponse> off
        = tb::test::GraphWait::response(targetPolicy.updateIdentitySynchronization(pair.sourceTenantId, false));
    REQUIRE(off.has_value());
    REQUIRE(off->isSuccess());
    REQUIRE(pair.fixture.runSyncCycle() == 1);
    REQUIRE(waitForJob(monitor, [](const SyncJob& job) { return job.isQuarantined(); }));
    const SyncJob quarantined = *monitor.job();
    REQUIRE(quarantined.quarantine.has_value());
    CHECK(quarantined.quarantine->reason == QStringLiteral("EncounteredQuarantineException"));
    CHECK(quarantined.quarantine->error.code == QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure"));
    const tb::sync::ErrorCatalogue::Explanation why
        = tb::sync::ErrorCatalogue::builtIn().explainError(quarantined.quarantine->error.code);
    CHECK(why.known);
    CHECK_FALSE(why.action.isEmpty());

    // Still quarantined while the cause stays, even after a start (the service retries and fails again).
    monitor.start();
    REQUIRE(SignalWaiter::waitForCount(commands, 2));
    REQUIRE(pair.fixture.runSyncCycle() == 1);
    REQUIRE(waitForJob(monitor, [](const SyncJob& job) { return job.isQuarantined(); }));

    // The fix (inbound sync allowed again), then a restart that clears the quarantine: the job is healthy again.
    const std::optional<tb::graph::GraphResponse> on
        = tb::test::GraphWait::response(targetPolicy.updateIdentitySynchronization(pair.sourceTenantId, true));
    REQUIRE(on.has_value());
    REQUIRE(on->isSuccess());
    monitor.restart();
    REQUIRE(SignalWaiter::waitForCount(commands, 3));
    CHECK(commands.at(2).at(0).value<JobMonitor::Command>() == JobMonitor::Command::Restart);
    REQUIRE(commands.at(2).at(1).toBool());
    REQUIRE(pair.fixture.runSyncCycle() == 1);
    REQUIRE(waitForJob(monitor, [&](const SyncJob& job) {
        return !job.isQuarantined() && job.lastSuccessfulExecution.has_value()
            && job.lastSuccessfulExecution->timeEnded > healthyCycle;
    }));
    CHECK(monitor.job()->scheduleState == QStringLiteral("Active"));
    CHECK_FALSE(monitor.job()->quarantine.has_value());
    // The restart's Watermark reset makes that cycle a full one: Adele is evaluated again (and is already there).
    REQUIRE(monitor.job()->lastExecution.has_value());
    CHECK(monitor.job()->lastExecution->countEntitled == 1);
    CHECK(monitor.job()->lastExecution->countImported == 1);
    CHECK(monitor.job()->lastExecution->countExported == 0);
}
