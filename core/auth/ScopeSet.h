// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace tb::auth {

// Scope arithmetic for the token cache and the requests, as MSAL does it (auth-reference.md 1.1): the service
// answers with short names whatever form was asked for, so scopes are compared in a normal form: lower case,
// without the Graph resource prefix ("https://graph.microsoft.com/User.Read" == "user.read"), without the OpenID
// Connect scopes (they describe the sign-in, not the access token). Pure functions; any thread.
class ScopeSet final
{
public:
    ScopeSet() = delete;

    // "openid", "profile", "offline_access": added to every device-code and refresh request, never cached.
    [[nodiscard]] static QStringList reservedScopes();
    [[nodiscard]] static bool isOidcScope(const QString& scope);
    // One scope in normal form ("" for blank text).
    [[nodiscard]] static QString normalize(const QString& scope);
    // Every non-OIDC scope of scopes in normal form, sorted, without duplicates: the key of a cached token.
    [[nodiscard]] static QStringList normalizeAll(const QStringList& scopes);
    // True when a token granted `granted` serves `requested` (both in any form): every requested scope is
    // granted, or the request is the resource's ".default" (whatever is consented).
    [[nodiscard]] static bool covers(const QStringList& granted, const QStringList& requested);
    // The requested scopes that granted lacks, in normal form.
    [[nodiscard]] static QStringList missing(const QStringList& granted, const QStringList& requested);
    // What a request sends: the caller's scopes (duplicates and OIDC scopes dropped, form kept) followed by the
    // reserved scopes.
    [[nodiscard]] static QStringList forRequest(const QStringList& scopes);
    // Space-separated text of a "scope" field, split.
    [[nodiscard]] static QStringList split(const QString& text);
};

} // namespace tb::auth
