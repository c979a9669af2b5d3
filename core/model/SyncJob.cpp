// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/SyncJob.h"

#include <QJsonArray>

namespace tb::model {

namespace {

QJsonValue executionJson(const std::optional<SyncExecution>& execution)
{
    return execution ? QJsonValue(execution->toJson()) : QJsonValue(QJsonValue::Null);
}

} // namespace

SyncJob SyncJob::fromJson(const QJsonObject& json)
{
    SyncJob job;
    job.id = json.value(QStringLiteral("id")).toString();
    job.templateId = json.value(QStringLiteral("templateId")).toString();
    const QJsonObject schedule = json.value(QStringLiteral("schedule")).toObject();
    job.scheduleState = schedule.value(QStringLiteral("state")).toString();
    job.interval = schedule.value(QStringLiteral("interval")).toString();
    const QJsonObject status = json.value(QStringLiteral("status")).toObject();
    job.statusCode = status.value(QStringLiteral("code")).toString();
    // quarantine is null unless quarantined.
    job.quarantine = SyncQuarantine::fromJson(status.value(QStringLiteral("quarantine")));
    if (job.quarantine) {
        job.quarantineReason = job.quarantine->reason;
        job.quarantineErrorCode = job.quarantine->error.code;
    }
    job.countSuccessiveCompleteFailures
        = static_cast<qint64>(status.value(QStringLiteral("countSuccessiveCompleteFailures")).toDouble());
    job.escrowsPruned = status.value(QStringLiteral("escrowsPruned")).toBool();
    job.lastExecution = SyncExecution::fromJson(status.value(QStringLiteral("lastExecution")));
    job.lastSuccessfulExecution = SyncExecution::fromJson(status.value(QStringLiteral("lastSuccessfulExecution")));
    job.lastSuccessfulExecutionWithExports
        = SyncExecution::fromJson(status.value(QStringLiteral("lastSuccessfulExecutionWithExports")));
    job.steadyStateFirstAchieved = syncTimeFromJson(status.value(QStringLiteral("steadyStateFirstAchievedTime")));
    job.steadyStateLastAchieved = syncTimeFromJson(status.value(QStringLiteral("steadyStateLastAchievedTime")));
    for (const QJsonValue& value : status.value(QStringLiteral("synchronizedEntryCountByType")).toArray()) {
        const QJsonObject entry = value.toObject();
        const QString type = entry.value(QStringLiteral("key")).toString();
        if (!type.isEmpty()) {
            job.synchronizedEntryCounts.append(
                {type, static_cast<qint64>(entry.value(QStringLiteral("value")).toDouble())});
        }
    }
    job.troubleshootingUrl = status.value(QStringLiteral("troubleshootingUrl")).toString();
    return job;
}

QJsonObject SyncJob::toJson() const
{
    QJsonObject status {{QStringLiteral("code"), statusCode},
        {QStringLiteral("countSuccessiveCompleteFailures"), countSuccessiveCompleteFailures},
        {QStringLiteral("escrowsPruned"), escrowsPruned},
        {QStringLiteral("lastExecution"), executionJson(lastExecution)},
        {QStringLiteral("lastSuccessfulExecution"), executionJson(lastSuccessfulExecution)},
        {QStringLiteral("lastSuccessfulExecutionWithExports"), executionJson(lastSuccessfulExecutionWithExports)},
        // The service's "never" is year 1, not null; write it the same way.
        {QStringLiteral("steadyStateFirstAchievedTime"),
            steadyStateFirstAchieved.isValid() ? syncTimeToJson(steadyStateFirstAchieved)
                                               : QJsonValue(QStringLiteral("0001-01-01T00:00:00Z"))},
        {QStringLiteral("steadyStateLastAchievedTime"),
            steadyStateLastAchieved.isValid() ? syncTimeToJson(steadyStateLastAchieved)
                                              : QJsonValue(QStringLiteral("0001-01-01T00:00:00Z"))},
        {QStringLiteral("troubleshootingUrl"), troubleshootingUrl}};
    QJsonArray counts;
    for (const EntryCount& entry : synchronizedEntryCounts) {
        counts.append(QJsonObject {{QStringLiteral("key"), entry.type}, {QStringLiteral("value"), entry.count}});
    }
    status.insert(QStringLiteral("synchronizedEntryCountByType"), counts);
    if (quarantine) {
        status.insert(QStringLiteral("quarantine"), quarantine->toJson());
    } else if (!quarantineReason.isEmpty() || !quarantineErrorCode.isEmpty()) {
        // Built by hand with the short-hands only.
        status.insert(QStringLiteral("quarantine"),
            QJsonObject {{QStringLiteral("reason"), quarantineReason},
                {QStringLiteral("error"), QJsonObject {{QStringLiteral("code"), quarantineErrorCode}}}});
    } else {
        status.insert(QStringLiteral("quarantine"), QJsonValue::Null);
    }
    return {{QStringLiteral("id"), id}, {QStringLiteral("templateId"), templateId},
        {QStringLiteral("schedule"),
            QJsonObject {{QStringLiteral("state"), scheduleState}, {QStringLiteral("interval"), interval}}},
        {QStringLiteral("status"), status}};
}

bool SyncJob::isCycleRunning() const
{
    if (lastExecution && lastExecution->timeBegan.isValid() && !lastExecution->hasEnded()) {
        return true;
    }
    return statusCode == QStringLiteral("NotRun") && scheduleState == QStringLiteral("Active");
}

qint64 SyncJob::synchronizedCount(const QString& type) const
{
    for (const EntryCount& entry : synchronizedEntryCounts) {
        if (entry.type.compare(type, Qt::CaseInsensitive) == 0) {
            return entry.count;
        }
    }
    return 0;
}

} // namespace tb::model
