// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/http/HttpConnection.h"

#include "core/sandbox/MonotonicEpochClock.h"

#include <QDateTime>
#include <QTcpSocket>
#include <QTimer>

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

HttpConnection::HttpConnection(QTcpSocket* socket, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_idleTimer(new QTimer(this))
{
    socket->setParent(this);
    m_idleTimer->setSingleShot(true);
    m_idleTimer->setInterval(kIdleTimeoutMs);
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
    // instead of growing the buffer without bound.
    m_buffer += m_socket->readAll();
    if (m_buffer.size() > kMaxHeaderBytes + kMaxBodyBytes) {
        rejectAndClose(413, QByteArrayLiteral("Too much data sent ahead of the answers."));
        return;
    }
    parseBuffered();
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
    m_pending.receivedAtMs = MonotonicEpochClock::nowMs();
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
        // A bare CR or a NUL inside a value could be echoed into an answer's headers (response splitting).
        if (value.contains('\r') || value.contains('\0')) {
            rejectAndClose(400, QByteArrayLiteral("A request header value contains CR or NUL."));
            return false;
        }
        m_pending.headers.append({name, value});
        if (name == "content-length") {
            bool ok = false;
            const qlonglong length = value.toLongLong(&ok);
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
    if (!keepAlive) {
        m_closing = true;
        m_socket->disconnectFromHost();
        return;
    }
    // Pipelined input may already be waiting; parse it after this call returns, not inside it.
    QTimer::singleShot(0, this, &HttpConnection::parseBuffered);
}

} // namespace tbsandbox
