// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/graph/SkipToken.h"

#include <QByteArray>
#include <QCryptographicHash>

namespace tbsandbox {

namespace {

QByteArray signature(const QByteArray& offsetText, const QString& scope)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayLiteral("tbsandbox-skiptoken|"));
    hash.addData(offsetText);
    hash.addData(QByteArrayLiteral("|"));
    hash.addData(scope.toLower().toUtf8());
    return hash.result().left(12);
}

} // namespace

QString SkipToken::encode(qsizetype offset, const QString& scope)
{
    const QByteArray offsetText = QByteArray::number(offset);
    const QByteArray payload = QByteArrayLiteral("RFNwdAIAAQAAAD") + offsetText + '.' + signature(offsetText, scope);
    return QString::fromLatin1(payload.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<qsizetype> SkipToken::decode(const QString& token, const QString& scope)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return std::nullopt;
    }
    const QByteArray& payload = *decoded;
    const QByteArray prefix = QByteArrayLiteral("RFNwdAIAAQAAAD");
    const qsizetype dot = payload.indexOf('.', prefix.size());
    if (!payload.startsWith(prefix) || dot < 0) {
        return std::nullopt;
    }
    const QByteArray offsetText = payload.mid(prefix.size(), dot - prefix.size());
    bool ok = false;
    const qlonglong offset = offsetText.toLongLong(&ok);
    if (!ok || offset < 0 || payload.mid(dot + 1) != signature(offsetText, scope)) {
        return std::nullopt;
    }
    return static_cast<qsizetype>(offset);
}

} // namespace tbsandbox
