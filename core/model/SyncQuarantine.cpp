// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/SyncQuarantine.h"

#include "core/model/SyncExecution.h"

namespace tb::model {

std::optional<SyncQuarantine> SyncQuarantine::fromJson(const QJsonValue& json)
{
    if (!json.isObject()) {
        return std::nullopt;
    }
    const QJsonObject object = json.toObject();
    SyncQuarantine quarantine;
    quarantine.reason = object.value(QStringLiteral("reason")).toString();
    quarantine.error = SyncError::fromJson(object.value(QStringLiteral("error")));
    quarantine.currentBegan = syncTimeFromJson(object.value(QStringLiteral("currentBegan")));
    quarantine.nextAttempt = syncTimeFromJson(object.value(QStringLiteral("nextAttempt")));
    quarantine.seriesBegan = syncTimeFromJson(object.value(QStringLiteral("seriesBegan")));
    quarantine.seriesCount = static_cast<qint64>(object.value(QStringLiteral("seriesCount")).toDouble());
    return quarantine;
}

QJsonObject SyncQuarantine::toJson() const
{
    return {{QStringLiteral("reason"), reason}, {QStringLiteral("error"), error.toJson()},
        {QStringLiteral("currentBegan"), syncTimeToJson(currentBegan)},
        {QStringLiteral("nextAttempt"), syncTimeToJson(nextAttempt)},
        {QStringLiteral("seriesBegan"), syncTimeToJson(seriesBegan)}, {QStringLiteral("seriesCount"), seriesCount}};
}

} // namespace tb::model
