// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace tbsandbox {

// Compact JWTs signed with HS256 (HMAC-SHA256 over "header.payload", base64url without padding). The sandbox
// signs with a symmetric key of its own: clients treat access tokens as opaque (auth-reference 1.8), and only
// the sandbox itself verifies them. Stateless.
class JwtSigner final
{
public:
    JwtSigner() = delete;

    [[nodiscard]] static QString sign(const QJsonObject& claims, const QByteArray& key, const QString& keyId);
    // The claims of a token with a valid HS256 signature under key; nothing otherwise, with the reason in problem.
    [[nodiscard]] static std::optional<QJsonObject> verify(
        const QString& token, const QByteArray& key, QString* problem);
    [[nodiscard]] static QByteArray base64Url(const QByteArray& bytes);
};

} // namespace tbsandbox
