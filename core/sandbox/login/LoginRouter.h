// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/http/HttpResponse.h"
#include "core/sandbox/login/DeviceLoginPage.h"
#include "core/sandbox/login/TokenIssuer.h"

#include <QPointer>
#include <QUrl>

namespace tbsandbox {

class FormBody;
class LoginState;
class MonotonicEpochClock;
class TenantState;
class World;
struct HttpRequest;
struct SandboxOptions;

// The Entra login host on the sandbox's port (login-contract): OIDC discovery per tenant, the device
// authorization endpoint, the token endpoint (device_code and refresh_token grants) and the device-login page
// for people. Answers errors in Entra's shape (LoginError). Schedules auto-approve when the options ask for it.
// Owned by SandboxServer; server thread.
class LoginRouter final
{
public:
    LoginRouter(World& world, LoginState& state, const SandboxOptions& options, const MonotonicEpochClock& clock);

    void setBaseUrl(const QUrl& baseUrl) { m_baseUrl = baseUrl; }
    // The object that owns auto-approve timers (the server): they die with it.
    void setTimerContext(QObject* context) { m_timerContext = context; }

    // True for the paths this router answers: /devicelogin and /{tenant}/v2.0/.well-known/openid-configuration,
    // /{tenant}/oauth2/v2.0/devicecode, /{tenant}/oauth2/v2.0/token, /{tenant}/discovery/v2.0/keys.
    [[nodiscard]] static bool serves(const QString& path);
    [[nodiscard]] HttpResponse handle(const HttpRequest& request);

private:
    [[nodiscard]] HttpResponse discovery(const TenantState& tenant) const;
    [[nodiscard]] HttpResponse deviceCode(const HttpRequest& request, TenantState& tenant);
    [[nodiscard]] HttpResponse token(const HttpRequest& request, TenantState& tenant);
    [[nodiscard]] HttpResponse redeemDeviceCode(
        const HttpRequest& request, const FormBody& form, TenantState& tenant, const QString& clientId);
    [[nodiscard]] HttpResponse redeemRefreshToken(
        const HttpRequest& request, const FormBody& form, TenantState& tenant, const QString& clientId);
    void scheduleAutoApprove(const QByteArray& deviceCodeHash);
    void markDirty();
    [[nodiscard]] static HttpResponse json(int status, const QJsonObject& body);

    World& m_world;
    LoginState& m_state;
    const SandboxOptions& m_options;
    const MonotonicEpochClock& m_clock;
    TokenIssuer m_issuer;
    DeviceLoginPage m_page;
    QPointer<QObject> m_timerContext;
    QUrl m_baseUrl;
};

} // namespace tbsandbox
