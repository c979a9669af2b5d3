// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/http/HttpResponse.h"
#include "core/sandbox/login/PeerRateLimiter.h"

#include <QString>

namespace tbsandbox {

class LoginState;
class MonotonicEpochClock;
class TenantState;
class World;
struct DeviceAuthorization;
struct HttpRequest;

// The device-login page a person opens in a browser ({base}/devicelogin): enter the code, see which tenant,
// app and permissions it is for, pick a user (search box, first 50 matches), approve or decline. Plain HTML
// forms, no script; every directory or user-supplied value is HTML-escaped. A decision form carries the code's
// nonce, so a stale or forged form is refused. Wrong codes are limited per peer (RFC 8628 section 5.1).
// Like the control surface it answers loopback peers addressing a loopback Host only. Owned by LoginRouter.
class DeviceLoginPage final
{
public:
    static constexpr int kWrongCodesPerMinute = 10;
    static constexpr int kUsersListed = 50;

    struct Outcome
    {
        HttpResponse response;
        bool stateChanged = false;
    };

    DeviceLoginPage(World& world, LoginState& state, const MonotonicEpochClock& clock);

    [[nodiscard]] Outcome handle(const HttpRequest& request);

    // &, <, >, " and ' as character references.
    [[nodiscard]] static QString escape(const QString& text);

private:
    [[nodiscard]] Outcome post(const HttpRequest& request);
    [[nodiscard]] static HttpResponse page(int status, const QString& title, const QString& bodyHtml);
    [[nodiscard]] static HttpResponse codeForm(int status, const QString& message);
    [[nodiscard]] HttpResponse picker(const DeviceAuthorization& authorization, const TenantState& tenant,
        const QString& search, const QString& message, int status) const;

    World& m_world;
    LoginState& m_state;
    const MonotonicEpochClock& m_clock;
    PeerRateLimiter m_wrongCodes;
};

} // namespace tbsandbox
