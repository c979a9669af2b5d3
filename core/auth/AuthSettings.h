// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace tb::auth {

// How sign-in is configured: which app registration signs in, and (for the sandbox or a private cloud) which
// login and Graph hosts to use instead of the ones discovered per cloud. Value type, any thread. Holds no secret.
struct AuthSettings
{
    // Microsoft Graph Command Line Tools: a multi-tenant public client with dynamic consent (graph-reference 7.4).
    static constexpr const char* kDefaultClientId = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

    QString clientId = QString::fromLatin1(kDefaultClientId);
    // Empty: probe login.microsoftonline.com and follow the tenant to its cloud's login host.
    QUrl loginHost;
    // Empty: the detected cloud's Graph host.
    QUrl graphHost;
    // Namespaces the keychain entries, so that two profiles keep two sets of accounts.
    QString profile = QStringLiteral("default");

    // A sentence saying what to change, or nothing when the settings can be used.
    [[nodiscard]] std::optional<QString> problem() const;

    // https, or http to a loopback host (127.0.0.0/8, ::1, localhost): where a token or a code may be sent.
    [[nodiscard]] static bool isAllowedUrl(const QUrl& url);
    [[nodiscard]] static bool isLoopbackHost(const QString& host);
    // 8-4-4-4-12 hexadecimal digits, braces not accepted.
    [[nodiscard]] static bool isGuid(const QString& text);
};

} // namespace tb::auth
