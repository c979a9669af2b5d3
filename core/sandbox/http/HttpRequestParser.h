// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/http/HttpRequest.h"

#include <QByteArray>

namespace tbsandbox {

// The HTTP/1.1 request framing HttpConnection applies to the bytes of one connection, without the socket: bytes go
// in with append(), whole requests (head and Content-Length body) come out of next() one at a time, pipelined ones
// in order. Refused, with the status and sentence to answer before closing: a head over maxHeaderBytes (431), a
// body over maxBodyBytes (413), chunked transfer coding (411), and with 400 a request line that is not
// 'METHOD /path HTTP/1.x', a line ending in a bare LF, a header line that is not 'Name: value', a control character
// in a header value, a Content-Length that is not digits, two different Content-Lengths. Once refused it stays
// refused. A value; one per connection, any thread.
class HttpRequestParser final
{
public:
    static constexpr qsizetype kDefaultMaxHeaderBytes = 32 * 1024;
    static constexpr qsizetype kDefaultMaxBodyBytes = 16 * 1024 * 1024;

    struct Limits
    {
        qsizetype maxHeaderBytes = kDefaultMaxHeaderBytes;
        qsizetype maxBodyBytes = kDefaultMaxBodyBytes;
    };

    enum class Step {
        NeedMore, // no whole request buffered yet
        Request, // takeRequest() has the next one
        Refused, // refusal() says what to answer; the connection closes
    };

    struct Refusal
    {
        int status = 0;
        QByteArray message;
    };

    HttpRequestParser();
    explicit HttpRequestParser(Limits limits);

    void append(const QByteArray& bytes);
    // The next request from what is buffered. nowMs stamps receivedAtMs of a request whose head is read in this
    // call (the moment its request line arrived as far as the server can tell).
    [[nodiscard]] Step next(qint64 nowMs);
    // After Step::Request: method, target, headers (names in lower case), body and receivedAtMs; the peer and port
    // are the connection's to fill in.
    [[nodiscard]] HttpRequest takeRequest();
    // After Step::Request: whether that request leaves the connection open (HTTP/1.1 unless 'Connection: close',
    // HTTP/1.0 only with 'Connection: keep-alive').
    [[nodiscard]] bool keepAlive() const { return m_keepAlive; }
    [[nodiscard]] const Refusal& refusal() const { return m_refusal; }
    // Bytes received and not yet returned in a request (a partial head or body, pipelined requests).
    [[nodiscard]] qsizetype bufferedBytes() const { return m_buffer.size(); }
    [[nodiscard]] const Limits& limits() const { return m_limits; }

private:
    [[nodiscard]] bool parseHead(const QByteArray& head, qint64 nowMs);
    Step refuse(int status, const QByteArray& message);

    Limits m_limits;
    QByteArray m_buffer;
    HttpRequest m_pending;
    qsizetype m_expectedBodyBytes = -1; // >= 0 while a head has been parsed and its body is awaited
    bool m_pendingKeepAlive = true;
    bool m_keepAlive = true;
    Refusal m_refusal;
};

} // namespace tbsandbox
