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

// Why and since when a job is quarantined (synchronizationQuarantine, graph-reference.md 2.2): the reason
// (EncounteredQuarantineException, TooManyDeletes, …), the error behind it, when this quarantine and the series
// of quarantines began, how many there have been, and when the service tries again. Value type, any thread.
struct SyncQuarantine
{
    QString reason;
    SyncError error;
    QDateTime currentBegan; // UTC
    QDateTime nextAttempt; // UTC
    QDateTime seriesBegan; // UTC
    qint64 seriesCount = 0;

    // Nothing when the value is null or not an object (a job that is not quarantined).
    [[nodiscard]] static std::optional<SyncQuarantine> fromJson(const QJsonValue& json);
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const SyncQuarantine& a, const SyncQuarantine& b) = default;
};

} // namespace tb::model
