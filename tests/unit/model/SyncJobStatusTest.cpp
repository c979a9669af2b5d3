// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/SyncJob.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>

using tb::model::SyncExecution;
using tb::model::SyncJob;
using tb::model::SyncQuarantine;

namespace {

QJsonObject object(const char* json)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json));
    REQUIRE(document.isObject());
    return document.object();
}

QDateTime utc(const char* text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate).toUTC();
}

// graph-reference.md 2.2, "Example of a running job, composed".
const char* const kRunningJob = R"({
  "id": "Azure2Azure.0123.eeee0005",
  "templateId": "Azure2Azure",
  "schedule": { "expiration": null, "interval": "PT40M", "state": "Active" },
  "status": {
    "code": "Active",
    "countSuccessiveCompleteFailures": 0,
    "escrowsPruned": false,
    "lastExecution": {
      "activityIdentifier": "ffffffff-0000-0000-0000-000000000006",
      "countEntitled": 12, "countEntitledForProvisioning": 12, "countEscrowed": 1, "countEscrowedRaw": 1,
      "countExported": 11, "countExports": 12, "countImported": 40, "countImportedDeltas": 3,
      "countImportedReferenceDeltas": 0, "state": "EntryLevelErrors",
      "timeBegan": "2025-01-10T10:00:00Z", "timeEnded": "2025-01-10T10:03:12Z",
      "error": null
    },
    "lastSuccessfulExecution": null,
    "lastSuccessfulExecutionWithExports": null,
    "progress": [ { "completedUnits": 40, "totalUnits": 40, "units": "Objects",
                    "progressObservationDateTime": "2025-01-10T10:03:12Z" } ],
    "quarantine": null,
    "steadyStateFirstAchievedTime": "2025-01-10T10:03:12Z",
    "steadyStateLastAchievedTime": "2025-01-10T10:03:12Z",
    "synchronizedEntryCountByType": [ { "key": "User", "value": 11 } ],
    "troubleshootingUrl": ""
  },
  "synchronizationJobSettings": [ { "name": "AzureIngestionAttributeOptimization", "value": "False" } ]
})";

// 2.2, "A quarantined job, composed".
const char* const kQuarantinedJob = R"({ "id": "j", "templateId": "Azure2Azure",
  "schedule": { "state": "Active", "interval": "PT40M" },
  "status": { "code": "Quarantine", "countSuccessiveCompleteFailures": 3,
  "quarantine": { "currentBegan": "2025-01-10T11:00:00Z", "nextAttempt": "2025-01-10T23:00:00Z",
                  "seriesBegan": "2025-01-10T11:00:00Z", "seriesCount": 1,
                  "reason": "EncounteredQuarantineException",
                  "error": { "code": "AzureDirectoryB2BManagementPolicyCheckFailure",
                             "message": "<auto-redemption policy missing>", "tenantActionable": true } } } })";

} // namespace

TEST_CASE("SyncJob reads a running job's last cycle, counts and steady state", "[model][sync]")
{
    const SyncJob job = SyncJob::fromJson(object(kRunningJob));
    CHECK(job.statusCode == QStringLiteral("Active"));
    CHECK(job.scheduleState == QStringLiteral("Active"));
    REQUIRE(job.lastExecution.has_value());
    const SyncExecution& last = *job.lastExecution;
    CHECK(last.activityIdentifier == QStringLiteral("ffffffff-0000-0000-0000-000000000006"));
    CHECK(last.state == QStringLiteral("EntryLevelErrors"));
    CHECK(last.countEntitled == 12);
    CHECK(last.countEscrowed == 1);
    CHECK(last.countExported == 11);
    CHECK(last.countExports == 12);
    CHECK(last.countImported == 40);
    CHECK(last.countImportedDeltas == 3);
    CHECK(last.timeBegan == utc("2025-01-10T10:00:00Z"));
    CHECK(last.timeEnded == utc("2025-01-10T10:03:12Z"));
    CHECK(last.timeBegan.timeSpec() == Qt::UTC);
    CHECK_FALSE(last.error.isError());
    CHECK(last.hasEnded());
    CHECK_FALSE(job.lastSuccessfulExecution.has_value());
    CHECK(job.hasReachedSteadyState());
    CHECK(job.steadyStateLastAchieved == utc("2025-01-10T10:03:12Z"));
    CHECK(job.synchronizedCount(QStringLiteral("User")) == 11);
    CHECK(job.synchronizedCount(QStringLiteral("Group")) == 0);
    CHECK_FALSE(job.quarantine.has_value());
    CHECK_FALSE(job.isQuarantined());
    CHECK_FALSE(job.isCycleRunning());
    CHECK(SyncJob::fromJson(job.toJson()) == job);
}

TEST_CASE("SyncJob reads a quarantine with its reason, error and times", "[model][sync]")
{
    const SyncJob job = SyncJob::fromJson(object(kQuarantinedJob));
    CHECK(job.isQuarantined());
    CHECK(job.countSuccessiveCompleteFailures == 3);
    REQUIRE(job.quarantine.has_value());
    const SyncQuarantine& quarantine = *job.quarantine;
    CHECK(quarantine.reason == QStringLiteral("EncounteredQuarantineException"));
    CHECK(quarantine.error.code == QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure"));
    CHECK(quarantine.error.message == QStringLiteral("<auto-redemption policy missing>"));
    CHECK(quarantine.error.tenantActionable);
    CHECK(quarantine.error.isError());
    CHECK(quarantine.currentBegan == utc("2025-01-10T11:00:00Z"));
    CHECK(quarantine.nextAttempt == utc("2025-01-10T23:00:00Z"));
    CHECK(quarantine.seriesBegan == utc("2025-01-10T11:00:00Z"));
    CHECK(quarantine.seriesCount == 1);
    // The short-hands setup reads agree with the full record.
    CHECK(job.quarantineReason == quarantine.reason);
    CHECK(job.quarantineErrorCode == quarantine.error.code);
    CHECK(SyncJob::fromJson(job.toJson()) == job);
}

TEST_CASE("SyncJob treats the year-1 steady state and a null cycle as never", "[model][sync]")
{
    // 2.2's create response.
    const SyncJob created = SyncJob::fromJson(object(R"({"id":"j","templateId":"Azure2Azure",
        "schedule":{"expiration":null,"interval":"PT40M","state":"Disabled"},
        "status":{"code":"Paused","countSuccessiveCompleteFailures":0,"escrowsPruned":false,"lastExecution":null,
        "lastSuccessfulExecution":null,"lastSuccessfulExecutionWithExports":null,"quarantine":null,
        "steadyStateFirstAchievedTime":"0001-01-01T00:00:00Z","steadyStateLastAchievedTime":"0001-01-01T00:00:00Z",
        "troubleshootingUrl":null,"progress":[],"synchronizedEntryCountByType":[]}})"));
    CHECK(created.isPaused());
    CHECK_FALSE(created.lastExecution.has_value());
    CHECK_FALSE(created.hasReachedSteadyState());
    CHECK_FALSE(created.steadyStateFirstAchieved.isValid());
    CHECK(created.synchronizedEntryCounts.isEmpty());
    CHECK_FALSE(created.isCycleRunning());
    const QJsonObject written = created.toJson();
    CHECK(written.value(QStringLiteral("status")).toObject().value(QStringLiteral("steadyStateLastAchievedTime"))
        == QStringLiteral("0001-01-01T00:00:00Z"));
    CHECK(SyncJob::fromJson(written) == created);

    // The how-to's not-yet-run error object is "no error".
    const auto notRun = SyncExecution::fromJson(object(
        R"({"error":{"code":"None","message":"","tenantActionable":false},"timeBegan":"2025-01-10T10:00:00Z"})"));
    REQUIRE(notRun.has_value());
    CHECK_FALSE(notRun->error.isError());
    CHECK_FALSE(notRun->hasEnded());
}

TEST_CASE("SyncJob says a cycle runs while the last one has not ended or the first is pending", "[model][sync]")
{
    SyncJob job = SyncJob::fromJson(object(kRunningJob));
    CHECK_FALSE(job.isCycleRunning());
    job.lastExecution->timeEnded = {};
    CHECK(job.isCycleRunning());

    SyncJob started;
    started.statusCode = QStringLiteral("NotRun");
    started.scheduleState = QStringLiteral("Active");
    CHECK(started.isCycleRunning());
    started.scheduleState = QStringLiteral("Paused");
    CHECK_FALSE(started.isCycleRunning());
}

TEST_CASE("SyncJob ignores oddly typed status fields", "[model][sync]")
{
    const SyncJob job = SyncJob::fromJson(object(R"({"id":"j","status":{"code":7,"lastExecution":"yesterday",
        "quarantine":[],"synchronizedEntryCountByType":{"User":1},"steadyStateLastAchievedTime":"soon"}})"));
    CHECK(job.statusCode.isEmpty());
    CHECK_FALSE(job.lastExecution.has_value());
    CHECK_FALSE(job.quarantine.has_value());
    CHECK(job.synchronizedEntryCounts.isEmpty());
    CHECK_FALSE(job.hasReachedSteadyState());
}
