// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/sandbox/LoginTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tb::test {

QJsonObject base64UrlJson(const QString& text)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(text.toLatin1(), QByteArray::Base64UrlEncoding)).object();
}

QJsonObject jwtClaims(const QString& token)
{
    return base64UrlJson(token.section(QLatin1Char('.'), 1, 1));
}

QString loginError(const SandboxAnswer& answer)
{
    return answer.json().value(QLatin1String("error")).toString();
}

int loginErrorCode(const SandboxAnswer& answer)
{
    return answer.json().value(QLatin1String("error_codes")).toArray().first().toInt();
}

} // namespace tb::test
