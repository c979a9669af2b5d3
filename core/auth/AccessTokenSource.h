// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/TenantRole.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QObject;

namespace tb::auth {

// What graph/ asks for: a token for one tenant (and, when known, the role it plays) with these scopes.
// The two small value types live beside the interface on purpose: core/graph may include this one
// header of core/auth and nothing else (tests/arch checks it).
struct TokenRequest
{
    QString tenantId;
    std::optional<model::TenantRole> role;
    QStringList scopes; // e.g. "https://graph.microsoft.com/.default"
    // Set after the service rejected the last token (401): skip any cached access token.
    bool forceRefresh = false;
};

// The answer: a token, or a reason there is none (no account signed in, refresh failed, ...).
struct TokenResult
{
    QString accessToken;
    QDateTime expiresAtUtc; // invalid when unknown
    QString errorCode; // e.g. "no_account", "invalid_grant"; empty on success
    QString errorMessage; // a sentence for a person

    [[nodiscard]] bool isValid() const { return errorCode.isEmpty() && !accessToken.isEmpty(); }
};

// Where graph/ gets bearer tokens from. Implemented by StaticTokenSource (sandbox tokens) now and by the
// token cache (device code + silent refresh) once sign-in lands. Used on the thread that owns the
// GraphClient; implementations live at least as long as every client they serve.
class AccessTokenSource
{
public:
    using Callback = std::function<void(const TokenResult&)>;

    virtual ~AccessTokenSource() = default;

    // Asks for a token. The callback runs exactly once, later from the event loop (never inside this
    // call), on context's thread, and not at all when context is destroyed first: a closed page or a
    // cancelled call never gets a late token.
    virtual void requestToken(const TokenRequest& request, QObject* context, Callback callback) = 0;

    // Tells the source that the service answered 401 to this token, so that a cache can drop it before
    // the caller asks again with forceRefresh.
    virtual void reportRejected(const TokenRequest& request, const QString& accessToken) = 0;
};

} // namespace tb::auth
