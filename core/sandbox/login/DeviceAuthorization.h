// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace tbsandbox {

// One device-code sign-in in progress (RFC 8628): what the app asked for, where the person is in the browser
// step, and when the app last polled. The device code itself is never kept, only its SHA-256. Times are the
// server clock's epoch milliseconds. A value inside DeviceAuthorizations.
struct DeviceAuthorization
{
    enum class Decision {
        Pending,
        Approved,
        Declined,
    };

    QByteArray deviceCodeHash; // SHA-256 of the device code, hex
    QString userCode; // 8 characters of BCDFGHJKLMNPQRSTVWXZ
    QUuid tenantId;
    QString clientId;
    QString scope; // the scope parameter as sent
    qint64 issuedAtMs = 0;
    qint64 expiresAtMs = 0;
    int intervalSeconds = 5; // grows by 5 with every slow_down
    qint64 lastPollMs = -1; // -1: never polled
    Decision decision = Decision::Pending;
    QUuid userId; // who approved or declined
    QString formNonce; // the device-login page's forms for this code carry it

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<DeviceAuthorization> fromJson(const QJsonObject& json);
};

} // namespace tbsandbox
