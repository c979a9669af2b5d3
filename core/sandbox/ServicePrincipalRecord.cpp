// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/ServicePrincipalRecord.h"

namespace tbsandbox {

QString ServicePrincipalRecord::secret(const QString& key) const
{
    for (const QJsonValue& pair : secrets) {
        if (pair.toObject().value(QLatin1String("key")).toString().compare(key, Qt::CaseInsensitive) == 0) {
            return pair.toObject().value(QLatin1String("value")).toString();
        }
    }
    return {};
}

qsizetype ServicePrincipalRecord::findJob(const QString& jobId) const
{
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        if (jobs.at(i).value(QLatin1String("id")).toString().compare(jobId, Qt::CaseInsensitive) == 0) {
            return i;
        }
    }
    return -1;
}

QJsonObject ServicePrincipalRecord::toJson() const
{
    QJsonArray jobArray;
    for (const QJsonObject& job : jobs) {
        jobArray.append(job);
    }
    return QJsonObject {{QStringLiteral("application"), application},
        {QStringLiteral("servicePrincipal"), servicePrincipal}, {QStringLiteral("createdAtMs"), createdAtMs},
        {QStringLiteral("secrets"), secrets}, {QStringLiteral("jobs"), jobArray},
        {QStringLiteral("appRoleAssignedTo"), appRoleAssignments}, {QStringLiteral("syncState"), syncState}};
}

std::optional<ServicePrincipalRecord> ServicePrincipalRecord::fromJson(const QJsonObject& json, QString* problem)
{
    ServicePrincipalRecord record;
    record.application = json.value(QLatin1String("application")).toObject();
    record.servicePrincipal = json.value(QLatin1String("servicePrincipal")).toObject();
    if (record.id().isEmpty() || record.applicationId().isEmpty()) {
        *problem = QStringLiteral("a service principal record needs application.id and servicePrincipal.id");
        return std::nullopt;
    }
    record.createdAtMs = static_cast<qint64>(json.value(QLatin1String("createdAtMs")).toDouble());
    record.secrets = json.value(QLatin1String("secrets")).toArray();
    record.appRoleAssignments = json.value(QLatin1String("appRoleAssignedTo")).toArray();
    record.syncState = json.value(QLatin1String("syncState")).toObject();
    for (const QJsonValue& job : json.value(QLatin1String("jobs")).toArray()) {
        record.jobs.append(job.toObject());
    }
    return record;
}

} // namespace tbsandbox
