// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/TokenResponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace tb::auth {

namespace {

// Entra writes numbers; some peers write "3599". Either is read; anything else is fallback.
int readSeconds(const QJsonValue& value, int fallback)
{
    if (value.isDouble()) {
        return value.toInt(fallback);
    }
    bool isNumber = false;
    const int seconds = value.toString().toInt(&isNumber);
    return isNumber ? seconds : fallback;
}

} // namespace

QString TokenResponse::homeAccountId() const
{
    if (!clientInfoUid.isEmpty() && !clientInfoUtid.isEmpty()) {
        return (clientInfoUid + QLatin1Char('.') + clientInfoUtid).toLower();
    }
    if (!objectId.isEmpty() && !tenantId.isEmpty()) {
        return (objectId + QLatin1Char('.') + tenantId).toLower();
    }
    return {};
}

std::optional<QString> TokenResponse::audienceProblem(const QString& clientId) const
{
    // Case-sensitive, as MSAL compares it.
    if (idToken.isEmpty() || audience == clientId) {
        return std::nullopt;
    }
    return QStringLiteral("The sign-in service issued the id token to another app (%1) than the one that signed in "
                          "(%2); the answer is not used.")
        .arg(audience.left(60), clientId);
}

std::optional<TokenResponse> TokenResponse::parse(const QByteArray& body, QString* problem)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject()) {
        if (problem != nullptr) {
            *problem = QStringLiteral("The token endpoint answered with something that is not a JSON object.");
        }
        return std::nullopt;
    }
    return fromJson(document.object(), problem);
}

std::optional<TokenResponse> TokenResponse::fromJson(const QJsonObject& json, QString* problem)
{
    const auto fail = [problem](const QString& text) -> std::optional<TokenResponse> {
        if (problem != nullptr) {
            *problem = text;
        }
        return std::nullopt;
    };
    if (json.contains(QStringLiteral("error"))) {
        return fail(QStringLiteral("The token endpoint answered with the error \"%1\".")
                        .arg(json.value(QStringLiteral("error")).toString().left(80)));
    }
    TokenResponse response;
    response.accessToken = json.value(QStringLiteral("access_token")).toString();
    if (response.accessToken.isEmpty()) {
        return fail(QStringLiteral("The token endpoint's answer holds no access token."));
    }
    const QString tokenType = json.value(QStringLiteral("token_type")).toString();
    if (!tokenType.isEmpty() && tokenType.compare(QStringLiteral("Bearer"), Qt::CaseInsensitive) != 0) {
        return fail(QStringLiteral("The token endpoint issued a token of type \"%1\"; only Bearer tokens are used.")
                        .arg(tokenType.left(40)));
    }
    response.refreshToken = json.value(QStringLiteral("refresh_token")).toString();
    response.idToken = json.value(QStringLiteral("id_token")).toString();
    response.scopes = json.value(QStringLiteral("scope")).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // Without expires_in MSAL assumes 600 s; ext_expires_in defaults to expires_in (auth-reference.md 1.4).
    response.expiresIn = readSeconds(json.value(QStringLiteral("expires_in")), 600);
    response.extExpiresIn = readSeconds(json.value(QStringLiteral("ext_expires_in")), response.expiresIn);

    const QString clientInfo = json.value(QStringLiteral("client_info")).toString();
    if (!clientInfo.isEmpty()) {
        const auto decoded = decodeBase64UrlJson(clientInfo);
        if (!decoded) {
            return fail(QStringLiteral("The token endpoint's client_info cannot be decoded."));
        }
        response.clientInfoUid = decoded->value(QStringLiteral("uid")).toString();
        response.clientInfoUtid = decoded->value(QStringLiteral("utid")).toString();
    }
    if (!response.idToken.isEmpty()) {
        const auto claims = decodeJwtPayload(response.idToken);
        if (!claims) {
            return fail(QStringLiteral("The token endpoint's id token cannot be decoded."));
        }
        response.objectId = claims->value(QStringLiteral("oid")).toString();
        response.tenantId = claims->value(QStringLiteral("tid")).toString();
        response.preferredUsername = claims->value(QStringLiteral("preferred_username")).toString();
        if (response.preferredUsername.isEmpty()) {
            response.preferredUsername = claims->value(QStringLiteral("upn")).toString();
        }
        response.name = claims->value(QStringLiteral("name")).toString();
        const QJsonValue aud = claims->value(QStringLiteral("aud"));
        // "aud" may be an array in general JWTs; an id token of Entra has one audience.
        response.audience = aud.isArray() ? aud.toArray().first().toString() : aud.toString();
    }
    return response;
}

std::optional<QJsonObject> TokenResponse::decodeJwtPayload(const QString& jwt)
{
    const QStringList parts = jwt.split(QLatin1Char('.'));
    if (parts.size() != 3 || parts.at(1).isEmpty()) {
        return std::nullopt;
    }
    return decodeBase64UrlJson(parts.at(1));
}

std::optional<QJsonObject> TokenResponse::decodeBase64UrlJson(const QString& text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return std::nullopt;
    }
    const QJsonDocument document = QJsonDocument::fromJson(*decoded);
    if (!document.isObject()) {
        return std::nullopt;
    }
    return document.object();
}

} // namespace tb::auth
