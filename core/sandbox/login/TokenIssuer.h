// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace tbsandbox {

class LoginState;
class TenantState;
struct UserRecord;

// Mints what the token endpoint answers after a granted device code or refresh: a v1.0 access token for
// Graph (aud of the tenant's cloud, scp), a v2.0 id token when openid was asked for, a new refresh token when
// offline_access was (always on a refresh: rotation), and client_info when the client sent client_info=1.
// All JWTs are HS256 under the LoginState's key. Server thread.
class TokenIssuer final
{
public:
    struct Grant
    {
        const TenantState* tenant = nullptr;
        const UserRecord* user = nullptr;
        QString clientId;
        QStringList graphScopes; // granted, short names
        QStringList oidcScopes; // openid, profile, email, offline_access as asked
        bool clientInfo = false;
        bool issueRefreshToken = false;
    };

    TokenIssuer(LoginState& state, int accessTokenLifetimeSeconds);

    // The 200 body of the token endpoint.
    [[nodiscard]] QJsonObject issue(const Grant& grant, const QUrl& baseUrl, qint64 nowMs);
    // Only the access token (also used by tests through the same code path).
    [[nodiscard]] QString accessToken(const Grant& grant, qint64 nowMs) const;

private:
    LoginState& m_state;
    int m_lifetimeSeconds;
};

} // namespace tbsandbox
