// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/SyncError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace tb::model {

// One provisioning cycle as a synchronizationTaskExecution reports it (graph-reference.md 2.2): when it began
// and ended, how it ended (Succeeded, Failed, EntryLevelErrors), its counters and its error. A cycle still
// running has no end time yet. Value type, any thread.
struct SyncExecution
{
    QString activityIdentifier;
    QString state; // Succeeded, Failed, EntryLevelErrors
    QDateTime timeBegan; // UTC; invalid when absent
    QDateTime timeEnded; // UTC; invalid while the cycle runs
    qint64 countEntitled = 0;
    qint64 countEntitledForProvisioning = 0;
    qint64 countEscrowed = 0; // objects whose export failed and will be retried
    qint64 countEscrowedRaw = 0;
    qint64 countExported = 0;
    qint64 countExports = 0;
    qint64 countImported = 0;
    qint64 countImportedDeltas = 0;
    qint64 countImportedReferenceDeltas = 0;
    SyncError error;

    // Nothing when the value is null or not an object (the service sends null before the first cycle).
    [[nodiscard]] static std::optional<SyncExecution> fromJson(const QJsonValue& json);
    [[nodiscard]] QJsonObject toJson() const;

    [[nodiscard]] bool hasEnded() const { return timeEnded.isValid(); }

    friend bool operator==(const SyncExecution& a, const SyncExecution& b) = default;
};

// Graph's DateTimeOffset strings as UTC; "0001-01-01T00:00:00Z" (the service's "never") and anything unreadable
// give an invalid QDateTime. Shared by the synchronization value types.
[[nodiscard]] QDateTime syncTimeFromJson(const QJsonValue& value);
// The reverse: ISO 8601 UTC, or JSON null for an invalid time.
[[nodiscard]] QJsonValue syncTimeToJson(const QDateTime& time);

} // namespace tb::model
