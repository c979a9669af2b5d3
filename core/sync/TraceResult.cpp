// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/TraceResult.h"

#include <QJsonArray>
#include <QJsonValue>

namespace tb::sync {

const TraceResult::Step* TraceResult::blockingStep() const
{
    return blocker >= 0 && blocker < steps.size() ? &steps.at(blocker) : nullptr;
}

QString TraceResult::fix() const
{
    const Step* step = blockingStep();
    return step ? step->fix : QString();
}

QString TraceResult::stateName(State state)
{
    switch (state) {
    case State::Pass:
        return QStringLiteral("pass");
    case State::Warn:
        return QStringLiteral("warn");
    case State::Fail:
        return QStringLiteral("fail");
    case State::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QJsonObject TraceResult::toJson() const
{
    QJsonArray stepArray;
    for (const Step& step : steps) {
        stepArray.append(QJsonObject {
            {QStringLiteral("check"), step.check},
            {QStringLiteral("state"), stateName(step.state)},
            {QStringLiteral("passed"), step.passed()},
            {QStringLiteral("detail"), step.detail},
            {QStringLiteral("fix"), step.fix.isEmpty() ? QJsonValue() : QJsonValue(step.fix)},
        });
    }
    QJsonArray logArray;
    for (const LogRecord& record : logs) {
        logArray.append(QJsonObject {
            {QStringLiteral("activityDateTime"), record.activityDateTime.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("action"), record.action},
            {QStringLiteral("status"), record.status},
            {QStringLiteral("code"), record.code.isEmpty() ? QJsonValue() : QJsonValue(record.code)},
            {QStringLiteral("reason"), record.reason.isEmpty() ? QJsonValue() : QJsonValue(record.reason)},
            {QStringLiteral("initiatedBy"), record.initiatedBy},
        });
    }
    const Step* step = blockingStep();
    QJsonValue blockerJson;
    if (step) {
        blockerJson = QJsonObject {
            {QStringLiteral("check"), step->check},
            {QStringLiteral("detail"), step->detail},
            {QStringLiteral("fix"), step->fix},
        };
    }
    return QJsonObject {
        {QStringLiteral("user"), user},
        {QStringLiteral("sourceUserId"), sourceUserId.isEmpty() ? QJsonValue() : QJsonValue(sourceUserId)},
        {QStringLiteral("userPrincipalName"), userPrincipalName},
        {QStringLiteral("blocked"), isBlocked()},
        {QStringLiteral("blocker"), blockerJson},
        {QStringLiteral("fix"), step ? QJsonValue(step->fix) : QJsonValue()},
        {QStringLiteral("conclusion"), conclusion},
        {QStringLiteral("steps"), stepArray},
        {QStringLiteral("logs"), logArray},
    };
}

} // namespace tb::sync
