// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Redaction.h"

#include <QRegularExpression>

namespace tb {

namespace {

const QString kMask = QStringLiteral("[redacted]");

} // namespace

QString Redaction::redact(const QString& text)
{
    // Compiled once: these run on every logged request.
    static const QRegularExpression bearer(
        QStringLiteral("(Bearer\\s+)[^\\s\"',;]+"), QRegularExpression::CaseInsensitiveOption);
    // Any Authorization / Proxy-Authorization value, whatever its scheme (Basic, Bearer, PoP, ...).
    static const QRegularExpression authorization(
        QStringLiteral("((?:Proxy-)?Authorization\"?\\s*[:=]\\s*\"?(?:[A-Za-z-]+\\s+)?)[^\\s\"',;]+"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression jwt(QStringLiteral("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"));
    // "access_token":"…", refresh_token=…, device_code=…, client_secret: … (JSON, query, form, header)
    static const QRegularExpression keyed(
        QStringLiteral("((?:access_token|refresh_token|id_token|device_code|client_secret|client_assertion|password|"
                       "secretToken|staticToken)\"?\\s*[:=]\\s*\"?)([^\\s\"&,;}]+)"),
        QRegularExpression::CaseInsensitiveOption);

    QString result = text;
    result.replace(authorization, QStringLiteral("\\1") + kMask);
    result.replace(bearer, QStringLiteral("\\1") + kMask);
    result.replace(jwt, kMask);
    result.replace(keyed, QStringLiteral("\\1") + kMask);
    return result;
}

} // namespace tb
