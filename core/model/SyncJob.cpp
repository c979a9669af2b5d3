// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/SyncJob.h"

namespace tb::model {

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
    // quarantine is null unless quarantined; toObject() of null is empty.
    const QJsonObject quarantine = status.value(QStringLiteral("quarantine")).toObject();
    job.quarantineReason = quarantine.value(QStringLiteral("reason")).toString();
    job.quarantineErrorCode
        = quarantine.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    return job;
}

QJsonObject SyncJob::toJson() const
{
    QJsonObject status {{QStringLiteral("code"), statusCode}};
    if (!quarantineReason.isEmpty() || !quarantineErrorCode.isEmpty()) {
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

} // namespace tb::model
