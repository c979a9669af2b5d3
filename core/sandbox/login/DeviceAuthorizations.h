// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/login/DeviceAuthorization.h"

#include <QJsonArray>
#include <QMap>

namespace tbsandbox {

// The device-code sign-ins in progress, found by device code (the app's poll) or by user code (the person's
// browser step). Issues both codes: the user code as RFC 8628 6.1 suggests (8 characters of a 20-letter
// alphabet without vowels), the device code as 64 random bytes in base64url. Part of LoginState; server thread.
class DeviceAuthorizations final
{
public:
    static constexpr int kUserCodeLength = 8;

    struct Issued
    {
        QString deviceCode; // handed to the app once, never stored
        DeviceAuthorization* authorization = nullptr;
    };

    [[nodiscard]] Issued issue(const QUuid& tenantId, const QString& clientId, const QString& scope, qint64 nowMs,
        int lifetimeSeconds, int intervalSeconds);
    [[nodiscard]] DeviceAuthorization* findByDeviceCode(const QString& deviceCode);
    // As a person types it: any case, with or without '-' and spaces.
    [[nodiscard]] DeviceAuthorization* findByUserCode(const QString& typed);
    [[nodiscard]] DeviceAuthorization* findByHash(const QByteArray& deviceCodeHash);
    void remove(const QByteArray& deviceCodeHash);
    // Forgets codes that expired more than a lifetime ago; until then a poll still hears expired_token.
    void purge(qint64 nowMs);
    [[nodiscard]] qsizetype size() const { return m_byHash.size(); }

    // The user code without separators, upper case; empty when it cannot be one.
    [[nodiscard]] static QString normalizeUserCode(const QString& typed);
    [[nodiscard]] static QByteArray hashOf(const QString& deviceCode);

    [[nodiscard]] QJsonArray toJson() const;
    [[nodiscard]] bool fromJson(const QJsonArray& json, QString* errorMessage);

private:
    QMap<QByteArray, DeviceAuthorization> m_byHash;
};

} // namespace tbsandbox
