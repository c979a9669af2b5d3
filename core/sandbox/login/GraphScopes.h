// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace tbsandbox {

// The delegated Graph permissions the sandbox knows: how a scope parameter reads (short names, names prefixed
// with a Graph resource, .default, the OIDC scopes), which audience a token of each cloud carries, and which
// scopes each Graph path needs (login-contract scope table). Stateless.
class GraphScopes final
{
public:
    GraphScopes() = delete;

    // A scope parameter split into what it asks for.
    struct Request
    {
        QStringList graph; // short names, canonical case where known, no duplicates
        QStringList oidc; // openid, profile, email, offline_access as asked
        bool everything = false; // {graph resource}/.default: every scope the sandbox knows
        QString invalidScope; // set when a scope names another resource; the request is then refused
    };

    [[nodiscard]] static Request parse(const QString& scopeParameter);
    // Every Graph scope the sandbox knows, in canonical case (what .default grants).
    [[nodiscard]] static const QStringList& known();
    // The Graph audience (aud) of access tokens for a tenant of this cloud.
    [[nodiscard]] static QString audienceFor(const QString& cloud);
    // Any one of these grants the call; empty when the path needs no scope (or is unknown: the router answers 404).
    [[nodiscard]] static QStringList requiredFor(const QString& method, const QStringList& segments);
    // True when granted holds one of anyOf (case-insensitive).
    [[nodiscard]] static bool grants(const QStringList& granted, const QStringList& anyOf);
};

} // namespace tbsandbox
