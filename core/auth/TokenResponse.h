// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace tb::auth {

// A successful token endpoint answer (device-code or refresh grant, graph-reference.md 7.2) with what the client
// reads from it: client_info (uid, utid) and the id token's claims, decoded without a signature check as MSAL
// does (the token came straight from the token endpoint over TLS, auth-reference.md 1.8). Value type, any thread.
// Holds tokens: never log it, and let it go out of scope soon.
struct TokenResponse
{
    QString accessToken;
    QString refreshToken; // empty without offline_access
    QString idToken; // empty without openid
    QStringList scopes; // granted, as the service wrote them (short names)
    int expiresIn = 0; // seconds
    int extExpiresIn = 0; // seconds
    // client_info (sent back when the request carried client_info=1)
    QString clientInfoUid;
    QString clientInfoUtid;
    // id token claims
    QString objectId; // oid
    QString tenantId; // tid
    QString preferredUsername; // preferred_username, else upn
    QString name;
    QString audience; // aud

    [[nodiscard]] bool isValid() const { return !accessToken.isEmpty(); }
    // "uid.utid" from client_info, else "oid.tid" from the id token (auth-reference.md 1.1), lower case; empty
    // when neither is known.
    [[nodiscard]] QString homeAccountId() const;
    // Null when the id token was issued to clientId (or there is none), else a sentence.
    [[nodiscard]] std::optional<QString> audienceProblem(const QString& clientId) const;

    // Nothing, with problem set to a sentence, when body is not a JSON object with an access token, carries an
    // "error", or has an id token or client_info that cannot be decoded.
    [[nodiscard]] static std::optional<TokenResponse> parse(const QByteArray& body, QString* problem);
    [[nodiscard]] static std::optional<TokenResponse> fromJson(const QJsonObject& json, QString* problem);
    // The payload of a JWT (header.payload.signature, base64url), or nothing when it is not one.
    [[nodiscard]] static std::optional<QJsonObject> decodeJwtPayload(const QString& jwt);
    // A base64url JSON object (client_info), or nothing.
    [[nodiscard]] static std::optional<QJsonObject> decodeBase64UrlJson(const QString& text);
};

} // namespace tb::auth

Q_DECLARE_METATYPE(tb::auth::TokenResponse)
