// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/http/HttpResponse.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace tbsandbox {

class LoginState;
class World;
struct HttpRequest;

// The test-only control routes of the login host (SandboxOptions::testRoutes): POST
// /_sandbox/devicelogin/approve decides a device code as a named user (the tenant's admin by default) without a
// browser, POST /_sandbox/users/revoke revokes a user's refresh tokens. Reached through ControlController, which
// has already checked the peer and the Host. Owned by SandboxServer; server thread.
class LoginControl final
{
public:
    LoginControl(World& world, LoginState& state);

    // The answer for a path this class serves, nothing for any other.
    [[nodiscard]] std::optional<HttpResponse> handle(const HttpRequest& request);

private:
    [[nodiscard]] HttpResponse approve(const QJsonObject& body);
    [[nodiscard]] HttpResponse revoke(const QJsonObject& body);
    [[nodiscard]] static HttpResponse json(int status, const QJsonObject& body);
    [[nodiscard]] static HttpResponse error(int status, const QString& code, const QString& message);

    World& m_world;
    LoginState& m_state;
};

} // namespace tbsandbox
