// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/SyncExecution.h"

#include <QTimeZone>

namespace tb::model {

namespace {

qint64 count(const QJsonObject& object, const char* name)
{
    // Int64 counters arrive as JSON numbers; a double holds every count a directory can reach exactly.
    return static_cast<qint64>(object.value(QLatin1String(name)).toDouble());
}

} // namespace

QDateTime syncTimeFromJson(const QJsonValue& value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    // The year-1 "never" of steadyStateFirstAchievedTime and friends is not a time anyone should be shown.
    if (!time.isValid() || time.date().year() <= 1) {
        return {};
    }
    return time.toUTC();
}

QJsonValue syncTimeToJson(const QDateTime& time)
{
    if (!time.isValid()) {
        return QJsonValue::Null;
    }
    return time.toUTC().toString(Qt::ISODateWithMs);
}

std::optional<SyncExecution> SyncExecution::fromJson(const QJsonValue& json)
{
    if (!json.isObject()) {
        return std::nullopt;
    }
    const QJsonObject object = json.toObject();
    SyncExecution execution;
    execution.activityIdentifier = object.value(QStringLiteral("activityIdentifier")).toString();
    execution.state = object.value(QStringLiteral("state")).toString();
    execution.timeBegan = syncTimeFromJson(object.value(QStringLiteral("timeBegan")));
    execution.timeEnded = syncTimeFromJson(object.value(QStringLiteral("timeEnded")));
    execution.countEntitled = count(object, "countEntitled");
    execution.countEntitledForProvisioning = count(object, "countEntitledForProvisioning");
    execution.countEscrowed = count(object, "countEscrowed");
    execution.countEscrowedRaw = count(object, "countEscrowedRaw");
    execution.countExported = count(object, "countExported");
    execution.countExports = count(object, "countExports");
    execution.countImported = count(object, "countImported");
    execution.countImportedDeltas = count(object, "countImportedDeltas");
    execution.countImportedReferenceDeltas = count(object, "countImportedReferenceDeltas");
    execution.error = SyncError::fromJson(object.value(QStringLiteral("error")));
    return execution;
}

QJsonObject SyncExecution::toJson() const
{
    return {{QStringLiteral("activityIdentifier"), activityIdentifier}, {QStringLiteral("state"), state},
        {QStringLiteral("timeBegan"), syncTimeToJson(timeBegan)},
        {QStringLiteral("timeEnded"), syncTimeToJson(timeEnded)}, {QStringLiteral("countEntitled"), countEntitled},
        {QStringLiteral("countEntitledForProvisioning"), countEntitledForProvisioning},
        {QStringLiteral("countEscrowed"), countEscrowed}, {QStringLiteral("countEscrowedRaw"), countEscrowedRaw},
        {QStringLiteral("countExported"), countExported}, {QStringLiteral("countExports"), countExports},
        {QStringLiteral("countImported"), countImported}, {QStringLiteral("countImportedDeltas"), countImportedDeltas},
        {QStringLiteral("countImportedReferenceDeltas"), countImportedReferenceDeltas},
        {QStringLiteral("error"), error.code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(error.toJson())}};
}

} // namespace tb::model
