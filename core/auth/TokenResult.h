// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace tb::auth {

// The answer: a token, or a reason there is none (no account signed in, refresh failed, ...).
struct TokenResult
{
    QString accessToken;
    QDateTime expiresAtUtc; // invalid when unknown
    QString errorCode; // e.g. "no_account", "invalid_grant"; empty on success
    QString errorMessage; // a sentence for a person

    [[nodiscard]] bool isValid() const { return errorCode.isEmpty() && !accessToken.isEmpty(); }
};

} // namespace tb::auth
