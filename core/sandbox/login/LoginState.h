// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/login/DeviceAuthorizations.h"
#include "core/sandbox/login/RefreshTokenStore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace tbsandbox {

// What the login host must keep across a restart for signed-in clients to stay signed in: the token signing
// key (a random one per sandbox, so another sandbox's tokens are refused), the device codes in progress, the
// refresh tokens (hashed) and the consents. toJson/fromJson are the state file's form; the JSON holds the
// signing key, so the file is as private as the tokens it can check. Owned by SandboxServer; server thread.
class LoginState final
{
public:
    LoginState();

    [[nodiscard]] const QByteArray& signingKey() const { return m_signingKey; }
    [[nodiscard]] const QString& keyId() const { return m_keyId; }
    [[nodiscard]] DeviceAuthorizations& devices() { return m_devices; }
    [[nodiscard]] const DeviceAuthorizations& devices() const { return m_devices; }
    [[nodiscard]] RefreshTokenStore& refreshTokens() { return m_refreshTokens; }
    [[nodiscard]] const RefreshTokenStore& refreshTokens() const { return m_refreshTokens; }

    // The person's answer for a pending code (device-login page, test route, auto-approve). Approving records
    // consent for the Graph scopes the app asked for. False when the code was already decided.
    bool decide(DeviceAuthorization& authorization, bool approve, const QUuid& userId);

    [[nodiscard]] QJsonObject toJson() const;
    // Replaces everything with the saved state; on failure leaves the current state and says why.
    [[nodiscard]] bool fromJson(const QJsonObject& json, QString* error);

private:
    QByteArray m_signingKey;
    QString m_keyId;
    DeviceAuthorizations m_devices;
    RefreshTokenStore m_refreshTokens;
};

} // namespace tbsandbox
