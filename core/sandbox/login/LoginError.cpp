// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/login/LoginError.h"

#include "core/sandbox/http/HttpRequest.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace tbsandbox {

QString LoginError::timestamp()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QLatin1Char('Z');
}

HttpResponse LoginError::make(const HttpRequest& request, int status, const QString& error, int code,
    const QString& text, const QString& suberror)
{
    const QString traceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QUuid sent = QUuid::fromString(QString::fromLatin1(request.header(QByteArrayLiteral("client-request-id"))));
    const QString correlationId = (sent.isNull() ? QUuid::createUuid() : sent).toString(QUuid::WithoutBraces);
    const QString when = timestamp();
    QJsonObject body {{QStringLiteral("error"), error},
        {QStringLiteral("error_description"),
            QStringLiteral("AADSTS%1: %2\r\nTrace ID: %3\r\nCorrelation ID: %4\r\nTimestamp: %5")
                .arg(code)
                .arg(text, traceId, correlationId, when)},
        {QStringLiteral("error_codes"), QJsonArray {code}}, {QStringLiteral("timestamp"), when},
        {QStringLiteral("trace_id"), traceId}, {QStringLiteral("correlation_id"), correlationId}};
    if (!suberror.isEmpty()) {
        body.insert(QStringLiteral("suberror"), suberror);
    }
    HttpResponse response(status, QByteArrayLiteral("application/json; charset=utf-8"),
        QJsonDocument(body).toJson(QJsonDocument::Compact));
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store, no-cache"));
    response.setHeader(QByteArrayLiteral("Pragma"), QByteArrayLiteral("no-cache"));
    response.setHeader(QByteArrayLiteral("x-ms-request-id"), traceId.toLatin1());
    response.setHeader(QByteArrayLiteral("client-request-id"), correlationId.toLatin1());
    return response;
}

} // namespace tbsandbox
