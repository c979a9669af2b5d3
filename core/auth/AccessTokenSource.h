// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/TokenRequest.h"
#include "core/auth/TokenResult.h"

#include <QString>

#include <functional>

class QObject;

namespace tb::auth {

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
