// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/http/HttpConnection.h"

#include "core/sandbox/MonotonicEpochClock.h"

#include <QTcpSocket>
#include <QTimer>

namespace tbsandbox {

namespace {

constexpr qint64 kSocketReadBufferBytes = 1024 * 1024;

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
        const qsizetype room = kMaxBufferedBytes - m_parser.bufferedBytes();
        if (room > 0) {
            m_parser.append(m_socket->read(room));
        }
        parseBuffered();
        if (m_closing || !m_socket || m_socket->bytesAvailable() <= 0) {
            return;
        }
        if (m_parser.bufferedBytes() >= kMaxBufferedBytes) {
            rejectAndClose(413, QByteArrayLiteral("Too much data sent ahead of the answers."));
            return;
        }
    }
}

void HttpConnection::parseBuffered()
{
    while (!m_closing && !m_awaitingAnswer) {
        switch (m_parser.next(m_clock.nowMs())) {
        case HttpRequestParser::Step::NeedMore:
            return;
        case HttpRequestParser::Step::Refused:
            rejectAndClose(m_parser.refusal().status, m_parser.refusal().message);
            return;
        case HttpRequestParser::Step::Request:
            break;
        }
        HttpRequest request = m_parser.takeRequest();
        request.peerAddress = m_socket->peerAddress();
        request.localPort = m_socket->localPort();
        m_keepAlive = m_parser.keepAlive();
        m_awaitingAnswer = true;
        emit requestReceived(request);
    }
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
