// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/sandbox/SandboxTestData.h"

#include <QJsonObject>

namespace tb::test {

SandboxAnswer putFaults(SandboxTestClient& client, const QByteArray& json)
{
    return client.send(QByteArrayLiteral("PUT"), QStringLiteral("/_sandbox/faults"), {}, json);
}

QJsonArray requestLog(SandboxTestClient& client, qint64 since)
{
    return client.send(QByteArrayLiteral("GET"), QStringLiteral("/_sandbox/requests?since=%1").arg(since))
        .json()
        .value(QLatin1String("requests"))
        .toArray();
}

QString firstUserId(SandboxTestClient& client, const QString& domain)
{
    return valueOf(client.get(domain, QStringLiteral("/v1.0/users?$top=1&$select=id")))
        .first()
        .toObject()
        .value(QLatin1String("id"))
        .toString();
}

QJsonArray valueOf(const SandboxAnswer& answer)
{
    return answer.json().value(QLatin1String("value")).toArray();
}

QString messageOf(const SandboxAnswer& answer)
{
    return answer.json().value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
}

} // namespace tb::test
