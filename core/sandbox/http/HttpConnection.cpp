// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/http/HttpConnection.h"

#include "core/sandbox/MonotonicEpochClock.h"

#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

namespace tbsandbox {

namespace {

constexpr qint64 kSocketReadBufferBytes = 1024 * 1024;

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

} // namespace

HttpConnection::HttpConnection(QTcpSocket* socket, const MonotonicEpochClock& clock, int idleTimeoutMs, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_clock(clock)
    , m_idleTimer(new QTimer(this))
{
    socket->setParent(this);
    // Qt's own read buffer is unbounded by default; a bound there keeps the limit below honest.
    socket->setReadBufferSize(kSocketReadBufferBytes);
    m_idleTimer->setSingleShot(true);
    m_idleTimer->setInterval(idleTimeoutMs > 0 ? idleTimeoutMs : kIdleTimeoutMs);
    connect(m_idleTimer, &QTimer::timeout, this, [this] {
        // An answer still being prepared (latency fault) keeps the connection; silence alone does not.
        if (m_awaitingAnswer) {
            m_idleTimer->start();
        } else if (m_socket) {
            m_closing = true;
            m_socket->disconnectFromHost();
        }
    });
    m_idleTimer->start();
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readAvailable);
    connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    connect(socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket && m_socket->state() == QAbstractSocket::UnconnectedState) {
            deleteLater();
        }
    });
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::readAvailable()
{
    if (!m_socket || m_closing) {
        return;
    }
    m_idleTimer->start();
    // While an answer is pending nothing is parsed; a client that keeps sending meanwhile is cut off
    // instead of growing the buffer without bound. No more than fits is read, so one large read cannot
    // overshoot the limit either; parsing between reads makes room for pipelined requests.
    while (m_socket && !m_closing) {
        const qsizetype room = kMaxBufferedBytes - m_buffer.size();
        if (room > 0) {
            m_buffer += m_socket->read(room);
        }
        parseBuffered();
        if (m_closing || !m_socket || m_socket->bytesAvailable() <= 0) {
            return;
        }
        if (m_buffer.size() >= kMaxBufferedBytes) {
            rejectAndClose(413, QByteArrayLiteral("Too much data sent ahead of the answers."));
            return;
        }
    }
}

void HttpConnection::parseBuffered()
{
    while (!m_closing && !m_awaitingAnswer) {
        if (m_expectedBodyBytes < 0) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0) {
                if (m_buffer.size() > kMaxHeaderBytes) {
                    rejectAndClose(431, QByteArrayLiteral("The request headers exceed 32 KiB."));
                }
                return;
            }
            if (end > kMaxHeaderBytes) {
                rejectAndClose(431, QByteArrayLiteral("The request headers exceed 32 KiB."));
                return;
            }
            const QByteArray head = m_buffer.left(end);
            m_buffer.remove(0, end + 4);
            if (!parseHead(head)) {
                return;
            }
        }
        if (m_buffer.size() < m_expectedBodyBytes) {
            return;
        }
        m_pending.body = m_buffer.left(m_expectedBodyBytes);
        m_buffer.remove(0, m_expectedBodyBytes);
        m_expectedBodyBytes = -1;
        m_awaitingAnswer = true;
        const HttpRequest request = std::move(m_pending);
        m_pending = HttpRequest();
        emit requestReceived(request);
    }
}

bool HttpConnection::parseHead(const QByteArray& head)
{
    const QList<QByteArray> lines = head.split('\n');
    // Every line but the last (whose CRLF ended the head) must end in CR: a bare LF is read as a line break by
    // some parsers and as part of a value by others.
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (!lines[i].endsWith('\r')) {
            rejectAndClose(400, QByteArrayLiteral("A request line ends in a bare LF; end lines with CRLF."));
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
        rejectAndClose(400, QByteArrayLiteral("The request line is not 'METHOD /path HTTP/1.1'."));
        return false;
    }
    m_pending = HttpRequest();
    m_pending.method = parts[0];
    m_pending.target = parts[1];
    m_pending.peerAddress = m_socket->peerAddress();
    m_pending.localPort = m_socket->localPort();
    m_pending.receivedAtMs = m_clock.nowMs();
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
            rejectAndClose(400, QByteArrayLiteral("A request header line is not 'Name: value'."));
            return false;
        }
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (!isCleanFieldValue(value)) {
            rejectAndClose(
                400, QByteArrayLiteral("A request header value contains a control character (CR, LF, NUL or other)."));
            return false;
        }
        m_pending.headers.append({name, value});
        if (name == "content-length") {
            // Digits only: "+5", "5, 5" or " 5" are read differently by different parsers.
            bool ok = false;
            const qlonglong length = isDigits(value) ? value.toLongLong(&ok) : -1;
            if (!ok || length < 0) {
                rejectAndClose(400, QByteArrayLiteral("Content-Length is not a number."));
                return false;
            }
            // Two different lengths are how request smuggling starts: refuse rather than pick one.
            if (sawContentLength && length != contentLength) {
                rejectAndClose(400, QByteArrayLiteral("The request has two different Content-Length headers."));
                return false;
            }
            sawContentLength = true;
            if (length > kMaxBodyBytes) {
                rejectAndClose(413, QByteArrayLiteral("The request body exceeds 16 MiB."));
                return false;
            }
            contentLength = static_cast<qsizetype>(length);
        } else if (name == "transfer-encoding") {
            // Clients of Graph send Content-Length; chunked uploads are not needed and not supported.
            rejectAndClose(
                411, QByteArrayLiteral("Send the body with Content-Length; chunked bodies are not supported."));
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
    m_keepAlive = keepAlive;
    m_expectedBodyBytes = contentLength;
    return true;
}

void HttpConnection::rejectAndClose(int status, const QByteArray& message)
{
    HttpResponse response(status, QByteArrayLiteral("application/json"),
        QByteArrayLiteral("{\"error\":{\"code\":\"BadRequest\",\"message\":\"") + message + QByteArrayLiteral("\"}}"));
    response.setClosesConnection(true);
    m_awaitingAnswer = true;
    send(response);
}

void HttpConnection::send(const HttpResponse& response)
{
    if (!m_socket || m_closing || m_socket->state() != QAbstractSocket::ConnectedState) {
        return;
    }
    const QByteArray& body = response.body();
    const bool keepAlive
        = m_keepAlive && !response.closesConnection() && response.delivery() != HttpResponse::Delivery::DropMidBody;
    switch (response.delivery()) {
    case HttpResponse::Delivery::Complete:
        m_socket->write(response.headBytes(body.size(), keepAlive) + body);
        break;
    case HttpResponse::Delivery::DropMidBody: {
        // Announce everything, deliver half: the client sees the connection end inside the body. An answer
        // without a body (204) is cut inside its status line instead: a client may take a 204 whose headers
        // end early as complete, but not an answer without a status.
        const QByteArray head = response.headBytes(body.size(), false);
        m_socket->write(body.isEmpty() ? head.left(head.indexOf('\r') / 2) : head + body.left(body.size() / 2));
        break;
    }
    case HttpResponse::Delivery::TruncatedBody: {
        const QByteArray cut = body.left(body.size() / 2);
        m_socket->write(response.headBytes(cut.size(), keepAlive) + cut);
        break;
    }
    }
    m_awaitingAnswer = false;
    // Idleness counts from the last answer too, not only from the last bytes received.
    m_idleTimer->start();
    if (!keepAlive) {
        m_closing = true;
        m_socket->disconnectFromHost();
        return;
    }
    // Pipelined input may already be waiting; parse it after this call returns, not inside it.
    QTimer::singleShot(0, this, &HttpConnection::parseBuffered);
}

} // namespace tbsandbox
