// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QUuid>

namespace tbsandbox {

class LoginState;
class TenantState;
class World;

// Checks a Graph bearer token the way Graph does before it looks at the path: a well-formed JWT signed with
// this sandbox's key, inside its nbf..exp window, for a tenant the sandbox serves, with that tenant's cloud's
// Graph audience. Revoking sign-in sessions does not end access tokens already issued, as in Entra.
// Built per request; server thread.
class AccessTokenValidator final
{
public:
    struct Result
    {
        TenantState* tenant = nullptr; // null when the token is refused
        QUuid userId;
        QString clientId;
        QStringList scopes;
        QString problem; // Graph's message for the 401

        [[nodiscard]] bool isValid() const { return tenant != nullptr; }
    };

    AccessTokenValidator(const World& world, const LoginState& state);

    [[nodiscard]] Result validate(const QString& token, qint64 nowMs) const;

private:
    const World& m_world;
    const LoginState& m_state;
};

} // namespace tbsandbox
