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
        QStringLiteral("((?:access_?token|refresh_?token|id_?token|device_?code|client_?secret|client_?assertion|"
                       "password|secret_?token|static_?token)\"?\\s*[:=]\\s*\"?)([^\\s\"&,;}]+)"),
        QRegularExpression::CaseInsensitiveOption);
    // Graph's synchronization secrets are key/value pairs: {"key":"SecretToken","value":"…"}.
    static const QRegularExpression keyValue(
        QStringLiteral(
            "(\"key\"\\s*:\\s*\"[^\"]*(?:secret|token|password|credential)[^\"]*\"\\s*,\\s*\"value\"\\s*:\\s*\")"
            "([^\"]*)"),
        QRegularExpression::CaseInsensitiveOption);

    QString result = text;
    result.replace(authorization, QStringLiteral("\\1") + kMask);
    result.replace(bearer, QStringLiteral("\\1") + kMask);
    result.replace(jwt, kMask);
    result.replace(keyed, QStringLiteral("\\1") + kMask);
    result.replace(keyValue, QStringLiteral("\\1") + kMask);
    return result;
}

QString Redaction::redactLine(const QString& text)
{
    return withoutControls(redact(text));
}

bool Redaction::isControlOrDirectional(QChar c)
{
    // C0 and C1 controls (newlines included), DEL, and the marks that reorder or hide what a terminal or a
    // label shows.
    const char16_t u = c.unicode();
    const bool control = u < 0x20 || (u >= 0x7f && u < 0xa0);
    const bool directional = u == 0x061c || u == 0x200e || u == 0x200f || (u >= 0x202a && u <= 0x202e)
        || (u >= 0x2066 && u <= 0x2069) || u == 0x2028 || u == 0x2029;
    return control || directional;
}

QString Redaction::withoutControls(const QString& text)
{
    QString result = text;
    for (QChar& c : result) {
        if (isControlOrDirectional(c)) {
            c = QChar(0xfffd);
        }
    }
    return result;
}

} // namespace tb
