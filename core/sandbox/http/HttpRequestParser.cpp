// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/http/HttpRequestParser.h"

#include <QList>

#include <algorithm>

namespace tbsandbox {

namespace {

bool isToken(const QByteArray& text)
{
    if (text.isEmpty()) {
        return false;
    }
    for (const char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '_' || c == '.' || c == '!' || c == '#' || c == '$' || c == '%' || c == '&' || c == '\'' || c == '*'
            || c == '+' || c == '^' || c == '`' || c == '|' || c == '~';
        if (!ok) {
            return false;
        }
    }
    return true;
}

// RFC 9110 field values: visible characters, spaces and tabs. A CR, LF or NUL in particular could be echoed
// into an answer's headers (response splitting) or read differently by another parser (smuggling).
bool isCleanFieldValue(const QByteArray& value)
{
    return std::none_of(value.cbegin(), value.cend(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\t') || u == 0x7f;
    });
}

bool isDigits(const QByteArray& text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isPrintableTarget(const QByteArray& target)
{
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f) {
            return false;
        }
    }
    return true;
}

// "32 KiB", "16 MiB", or bytes when the limit is not a whole number of either.
QByteArray sizeText(qsizetype bytes)
{
    constexpr qsizetype kKiB = 1024;
    if (bytes >= kKiB * kKiB && bytes % (kKiB * kKiB) == 0) {
        return QByteArray::number(bytes / (kKiB * kKiB)) + QByteArrayLiteral(" MiB");
    }
    if (bytes >= kKiB && bytes % kKiB == 0) {
        return QByteArray::number(bytes / kKiB) + QByteArrayLiteral(" KiB");
    }
    return QByteArray::number(bytes) + QByteArrayLiteral(" bytes");
}

} // namespace

HttpRequestParser::HttpRequestParser()
    : HttpRequestParser(Limits())
{ }

HttpRequestParser::HttpRequestParser(Limits limits)
    : m_limits(limits)
{ }

void HttpRequestParser::append(const QByteArray& bytes)
{
    m_buffer += bytes;
}

HttpRequestParser::Step HttpRequestParser::next(qint64 nowMs)
{
    if (m_refusal.status != 0) {
        return Step::Refused;
    }
    if (m_expectedBodyBytes < 0) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            // The limit is on the head, the bytes before the blank line: up to three bytes of that line may already
            // be here, so a head at the limit is taken whether or not its blank line arrived in the same read.
            if (m_buffer.size() > m_limits.maxHeaderBytes + 3) {
                return refuse(431,
                    QByteArrayLiteral("The request headers exceed ") + sizeText(m_limits.maxHeaderBytes)
                        + QByteArrayLiteral("."));
            }
            return Step::NeedMore;
        }
        if (end > m_limits.maxHeaderBytes) {
            return refuse(431,
                QByteArrayLiteral("The request headers exceed ") + sizeText(m_limits.maxHeaderBytes)
                    + QByteArrayLiteral("."));
        }
        const QByteArray head = m_buffer.left(end);
        m_buffer.remove(0, end + 4);
        if (!parseHead(head, nowMs)) {
            return Step::Refused;
        }
    }
    if (m_buffer.size() < m_expectedBodyBytes) {
        return Step::NeedMore;
    }
    m_pending.body = m_buffer.left(m_expectedBodyBytes);
    m_buffer.remove(0, m_expectedBodyBytes);
    m_expectedBodyBytes = -1;
    m_keepAlive = m_pendingKeepAlive;
    return Step::Request;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest request = std::move(m_pending);
    m_pending = HttpRequest();
    return request;
}

bool HttpRequestParser::parseHead(const QByteArray& head, qint64 nowMs)
{
    const QList<QByteArray> lines = head.split('\n');
    // Every line but the last (whose CRLF ended the head) must end in CR: a bare LF is read as a line break by
    // some parsers and as part of a value by others.
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (!lines[i].endsWith('\r')) {
            refuse(400, QByteArrayLiteral("A request line ends in a bare LF; end lines with CRLF."));
            return false;
        }
    }
    QByteArray requestLine = lines.value(0);
    if (requestLine.endsWith('\r')) {
        requestLine.chop(1);
    }
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || !parts[1].startsWith('/') || !isPrintableTarget(parts[1])
        || (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0")) {
        refuse(400, QByteArrayLiteral("The request line is not 'METHOD /path HTTP/1.1'."));
        return false;
    }
    m_pending = HttpRequest();
    m_pending.method = parts[0];
    m_pending.target = parts[1];
    m_pending.receivedAtMs = nowMs;
    bool keepAlive = parts[2] == "HTTP/1.1";
    qsizetype contentLength = 0;
    bool sawContentLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = colon > 0 ? line.left(colon).toLower() : QByteArray();
        if (!isToken(name)) {
            refuse(400, QByteArrayLiteral("A request header line is not 'Name: value'."));
            return false;
        }
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (!isCleanFieldValue(value)) {
            refuse(
                400, QByteArrayLiteral("A request header value contains a control character (CR, LF, NUL or other)."));
            return false;
        }
        m_pending.headers.append({name, value});
        if (name == "content-length") {
            // Digits only: "+5", "5, 5" or " 5" are read differently by different parsers.
            bool ok = false;
            const qlonglong length = isDigits(value) ? value.toLongLong(&ok) : -1;
            if (!ok || length < 0) {
                refuse(400, QByteArrayLiteral("Content-Length is not a number."));
                return false;
            }
            // Two different lengths are how request smuggling starts: refuse rather than pick one.
            if (sawContentLength && length != contentLength) {
                refuse(400, QByteArrayLiteral("The request has two different Content-Length headers."));
                return false;
            }
            sawContentLength = true;
            if (length > m_limits.maxBodyBytes) {
                refuse(413,
                    QByteArrayLiteral("The request body exceeds ") + sizeText(m_limits.maxBodyBytes)
                        + QByteArrayLiteral("."));
                return false;
            }
            contentLength = static_cast<qsizetype>(length);
        } else if (name == "transfer-encoding") {
            // Clients of Graph send Content-Length; chunked uploads are not needed and not supported.
            refuse(411, QByteArrayLiteral("Send the body with Content-Length; chunked bodies are not supported."));
            return false;
        } else if (name == "connection") {
            const QByteArray lowered = value.toLower();
            if (lowered.contains("close")) {
                keepAlive = false;
            } else if (lowered.contains("keep-alive")) {
                keepAlive = true;
            }
        }
    }
    m_pendingKeepAlive = keepAlive;
    m_expectedBodyBytes = contentLength;
    return true;
}

HttpRequestParser::Step HttpRequestParser::refuse(int status, const QByteArray& message)
{
    m_refusal = Refusal {status, message};
    return Step::Refused;
}

} // namespace tbsandbox
