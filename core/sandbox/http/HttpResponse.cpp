// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/http/HttpResponse.h"

namespace tbsandbox {

HttpResponse::HttpResponse(int status, QByteArray contentType, QByteArray body)
    : m_status(status)
{
    setBody(std::move(contentType), std::move(body));
}

void HttpResponse::setBody(QByteArray contentType, QByteArray body)
{
    m_body = std::move(body);
    if (!contentType.isEmpty()) {
        setHeader(QByteArrayLiteral("Content-Type"), contentType);
    }
}

QByteArray HttpResponse::header(const QByteArray& name) const
{
    for (const auto& [key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

void HttpResponse::setHeader(const QByteArray& name, const QByteArray& value)
{
    for (auto& entry : m_headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0) {
            entry.second = value;
            return;
        }
    }
    m_headers.append({name, value});
}

QByteArray HttpResponse::headBytes(qsizetype announcedLength, bool keepAlive) const
{
    QByteArray head = QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(m_status) + ' ' + reasonPhrase(m_status)
        + QByteArrayLiteral("\r\n");
    for (const auto& [key, value] : m_headers) {
        head += key + QByteArrayLiteral(": ") + value + QByteArrayLiteral("\r\n");
    }
    head += QByteArrayLiteral("Content-Length: ") + QByteArray::number(announcedLength) + QByteArrayLiteral("\r\n");
    head += keepAlive ? QByteArrayLiteral("Connection: keep-alive\r\n") : QByteArrayLiteral("Connection: close\r\n");
    head += QByteArrayLiteral("\r\n");
    return head;
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 204:
        return QByteArrayLiteral("No Content");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 411:
        return QByteArrayLiteral("Length Required");
    case 412:
        return QByteArrayLiteral("Precondition Failed");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 424:
        return QByteArrayLiteral("Failed Dependency");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        return QByteArrayLiteral("Status");
    }
}

} // namespace tbsandbox
