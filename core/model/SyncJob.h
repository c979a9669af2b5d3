// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/SyncExecution.h"
#include "core/model/SyncQuarantine.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace tb::model {

// A synchronizationJob (graph-reference.md 2.2): its id (opaque), template, schedule, and its status — the code,
// the last and the last successful cycles with their counts, when the job last reached steady state, and the
// quarantine with its reason when there is one. Setup reads the first few fields; the job monitor and the
// job-health panel read the rest. Value type, any thread.
struct SyncJob
{
    // One entry of status.synchronizedEntryCountByType ({"key": "User", "value": 11}).
    struct EntryCount
    {
        QString type;
        qint64 count = 0;
        friend bool operator==(const EntryCount& a, const EntryCount& b) = default;
    };

    QString id;
    QString templateId; // "Azure2Azure" for CTS
    QString scheduleState; // Active, Disabled, Paused
    QString interval; // ISO-8601, "PT40M" for CTS
    QString statusCode; // NotConfigured, NotRun, Active, Paused, Quarantine
    // Short-hands of quarantine->reason and quarantine->error.code (what setup needs): empty unless quarantined.
    QString quarantineReason;
    QString quarantineErrorCode; // e.g. AzureDirectoryB2BManagementPolicyCheckFailure

    qint64 countSuccessiveCompleteFailures = 0;
    bool escrowsPruned = false;
    std::optional<SyncExecution> lastExecution; // none before the first cycle
    std::optional<SyncExecution> lastSuccessfulExecution;
    std::optional<SyncExecution> lastSuccessfulExecutionWithExports;
    QDateTime steadyStateFirstAchieved; // UTC; invalid until the first steady state (the service's year 1)
    QDateTime steadyStateLastAchieved;
    std::optional<SyncQuarantine> quarantine;
    QList<EntryCount> synchronizedEntryCounts;
    QString troubleshootingUrl;

    // Missing, null or oddly typed fields stay empty; unknown fields are ignored.
    [[nodiscard]] static SyncJob fromJson(const QJsonObject& json);
    // The same shape Graph uses (id, templateId, schedule{state,interval}, status{…}); round-trips with fromJson.
    [[nodiscard]] QJsonObject toJson() const;

    [[nodiscard]] bool isQuarantined() const { return statusCode == QStringLiteral("Quarantine"); }
    [[nodiscard]] bool isPaused() const { return statusCode == QStringLiteral("Paused"); }
    // A cycle is under way: the last execution has begun and not ended, or the job was started and its first
    // cycle has not finished (NotRun on an active schedule). The monitor polls faster then.
    [[nodiscard]] bool isCycleRunning() const;
    // Has reached steady state at least once (steadyStateLastAchieved is a real time).
    [[nodiscard]] bool hasReachedSteadyState() const { return steadyStateLastAchieved.isValid(); }
    // The count for one entry type ("User"), 0 when the service lists none.
    [[nodiscard]] qint64 synchronizedCount(const QString& type) const;

    friend bool operator==(const SyncJob& a, const SyncJob& b) = default;
};

} // namespace tb::model
