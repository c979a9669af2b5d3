// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/login/JwtSigner.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>

namespace tbsandbox {

namespace {

QByteArray mac(const QByteArray& signingInput, const QByteArray& key)
{
    return QMessageAuthenticationCode::hash(signingInput, key, QCryptographicHash::Sha256);
}

// Compares in time that depends only on the length, so a forger learns nothing from how long a refusal takes.
bool equalInConstantTime(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size()) {
        return false;
    }
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    }
    return difference == 0;
}

std::optional<QJsonObject> decodeSegment(const QByteArray& segment)
{
    const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
        segment, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return std::nullopt;
    }
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return std::nullopt;
    }
    return document.object();
}

} // namespace

QByteArray JwtSigner::base64Url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString JwtSigner::sign(const QJsonObject& claims, const QByteArray& key, const QString& keyId)
{
    const QJsonObject header {{QStringLiteral("typ"), QStringLiteral("JWT")},
        {QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("kid"), keyId}};
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(signingInput + '.' + base64Url(mac(signingInput, key)));
}

std::optional<QJsonObject> JwtSigner::verify(const QString& token, const QByteArray& key, QString* problem)
{
    const QByteArray bytes = token.toLatin1();
    const QList<QByteArray> parts = bytes.split('.');
    if (token.isEmpty() || parts.size() != 3 || parts.at(2).isEmpty()) {
        *problem = QStringLiteral("IDX14100: JWT is not well formed, there are no dots (.) or not three parts.");
        return std::nullopt;
    }
    const std::optional<QJsonObject> header = decodeSegment(parts.at(0));
    const std::optional<QJsonObject> claims = decodeSegment(parts.at(1));
    if (!header || !claims) {
        *problem = QStringLiteral("IDX14102: Unable to decode the header or payload of the JWT as Base64Url JSON.");
        return std::nullopt;
    }
    // Only the algorithm the sandbox signs with: "none" or another algorithm is a forgery.
    if (header->value(QLatin1String("alg")).toString() != QLatin1String("HS256")) {
        *problem = QStringLiteral("IDX10511: Signature validation failed. The token's algorithm is not accepted.");
        return std::nullopt;
    }
    const QByteArray expected = mac(parts.at(0) + '.' + parts.at(1), key);
    const QByteArray::FromBase64Result given = QByteArray::fromBase64Encoding(
        parts.at(2), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!given || !equalInConstantTime(*given, expected)) {
        *problem = QStringLiteral("IDX10511: Signature validation failed. The token was not signed by this sandbox.");
        return std::nullopt;
    }
    return claims;
}

} // namespace tbsandbox
