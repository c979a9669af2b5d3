// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/login/DeviceAuthorization.h"

namespace tbsandbox {

namespace {

QString decisionName(DeviceAuthorization::Decision decision)
{
    switch (decision) {
    case DeviceAuthorization::Decision::Approved:
        return QStringLiteral("approved");
    case DeviceAuthorization::Decision::Declined:
        return QStringLiteral("declined");
    case DeviceAuthorization::Decision::Pending:
        break;
    }
    return QStringLiteral("pending");
}

} // namespace

QJsonObject DeviceAuthorization::toJson() const
{
    return QJsonObject {{QStringLiteral("deviceCodeSha256"), QString::fromLatin1(deviceCodeHash)},
        {QStringLiteral("userCode"), userCode}, {QStringLiteral("tenantId"), tenantId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("clientId"), clientId}, {QStringLiteral("scope"), scope},
        {QStringLiteral("issuedAtMs"), issuedAtMs}, {QStringLiteral("expiresAtMs"), expiresAtMs},
        {QStringLiteral("intervalSeconds"), intervalSeconds}, {QStringLiteral("lastPollMs"), lastPollMs},
        {QStringLiteral("decision"), decisionName(decision)},
        {QStringLiteral("userId"), userId.isNull() ? QString() : userId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("formNonce"), formNonce}};
}

std::optional<DeviceAuthorization> DeviceAuthorization::fromJson(const QJsonObject& json)
{
    DeviceAuthorization entry;
    entry.deviceCodeHash = json.value(QLatin1String("deviceCodeSha256")).toString().toLatin1();
    entry.userCode = json.value(QLatin1String("userCode")).toString();
    entry.tenantId = QUuid::fromString(json.value(QLatin1String("tenantId")).toString());
    entry.clientId = json.value(QLatin1String("clientId")).toString();
    entry.scope = json.value(QLatin1String("scope")).toString();
    entry.issuedAtMs = json.value(QLatin1String("issuedAtMs")).toInteger();
    entry.expiresAtMs = json.value(QLatin1String("expiresAtMs")).toInteger();
    entry.intervalSeconds = json.value(QLatin1String("intervalSeconds")).toInt(5);
    entry.lastPollMs = json.value(QLatin1String("lastPollMs")).toInteger(-1);
    const QString decision = json.value(QLatin1String("decision")).toString();
    entry.decision = decision == QLatin1String("approved") ? Decision::Approved
        : decision == QLatin1String("declined")            ? Decision::Declined
                                                           : Decision::Pending;
    entry.userId = QUuid::fromString(json.value(QLatin1String("userId")).toString());
    entry.formNonce = json.value(QLatin1String("formNonce")).toString();
    if (entry.deviceCodeHash.size() != 64 || entry.userCode.size() != 8 || entry.tenantId.isNull()
        || entry.formNonce.isEmpty()) {
        return std::nullopt;
    }
    return entry;
}

} // namespace tbsandbox
