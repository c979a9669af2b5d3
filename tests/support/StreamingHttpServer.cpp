// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/StreamingHttpServer.h"

#include <QTcpSocket>

#include <algorithm>

namespace tb::test {

namespace {

constexpr qint64 kPieceBytes = 256 * 1024;
constexpr qint64 kQueuedBytes = 1024 * 1024; // keep at most this much waiting in the socket

} // namespace

StreamingHttpServer::StreamingHttpServer()
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequest(socket); });
            connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { sendMore(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                if (const auto it = m_sending.constFind(socket); it != m_sending.cend()) {
                    if (it->offset < it->answer.bodySize() || socket->bytesToWrite() > 0) {
                        ++m_cutShort;
                    }
                    m_sending.remove(socket);
                }
                m_requests.remove(socket);
                socket->deleteLater();
            });
        }
    });
    m_server.listen(QHostAddress::LocalHost);
}

StreamingHttpServer::~StreamingHttpServer()
{
    // The sockets are the server's children and go after this object's members: they must not call back into them.
    const QList<QTcpSocket*> sockets = m_server.findChildren<QTcpSocket*>();
    for (QTcpSocket* socket : sockets) {
        socket->disconnect(this);
    }
}

void StreamingHttpServer::setAnswer(const QString& pathPrefix, const Answer& answer)
{
    m_answers.append({pathPrefix, answer});
}

QUrl StreamingHttpServer::url(const QString& path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
}

const StreamingHttpServer::Answer* StreamingHttpServer::answerFor(const QString& path) const
{
    const Answer* best = nullptr;
    qsizetype bestLength = -1;
    for (const auto& [prefix, answer] : m_answers) {
        if (path.startsWith(prefix) && prefix.size() > bestLength) {
            best = &answer;
            bestLength = prefix.size();
        }
    }
    return best;
}

void StreamingHttpServer::readRequest(QTcpSocket* socket)
{
    if (m_sending.contains(socket)) {
        socket->readAll(); // one request per connection
        return;
    }
    QByteArray& buffer = m_requests[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        return;
    }
    qint64 length = 0;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    for (const QByteArray& line : lines) {
        if (line.toLower().startsWith("content-length:")) {
            length = line.mid(15).trimmed().toLongLong();
        }
    }
    if (buffer.size() < headerEnd + 4 + length) {
        return;
    }
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    const QString path = QString::fromLatin1(requestLine.value(1));
    m_paths.append(path);
    m_requests.remove(socket);

    const Answer* found = answerFor(path);
    Answer answer;
    if (found) {
        answer = *found;
    } else {
        answer.status = 404;
        answer.contentType = QByteArrayLiteral("text/plain");
        answer.prefix = QByteArrayLiteral("no answer set");
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(answer.status) + " Test\r\nContent-Type: " + answer.contentType
        + "\r\nConnection: close\r\n";
    head += answer.chunked ? QByteArray("Transfer-Encoding: chunked\r\n")
                           : "Content-Length: " + QByteArray::number(answer.bodySize()) + "\r\n";
    socket->write(head + "\r\n");
    m_sending.insert(socket, Sending {answer, 0});
    sendMore(socket);
}

void StreamingHttpServer::sendMore(QTcpSocket* socket)
{
    auto it = m_sending.find(socket);
    if (it == m_sending.end() || socket->state() != QAbstractSocket::ConnectedState) {
        return;
    }
    Sending& sending = *it;
    const Answer& answer = sending.answer;
    const qint64 total = answer.bodySize();
    while (socket->bytesToWrite() < kQueuedBytes && sending.offset < total) {
        const qint64 length = std::min(kPieceBytes, total - sending.offset);
        QByteArray piece;
        piece.reserve(length);
        for (qint64 at = sending.offset; at < sending.offset + length;) {
            if (at < answer.prefix.size()) {
                const qint64 n = std::min<qint64>(answer.prefix.size() - at, sending.offset + length - at);
                piece += answer.prefix.mid(at, n);
                at += n;
            } else if (at < answer.prefix.size() + answer.fillBytes) {
                const qint64 n
                    = std::min<qint64>(answer.prefix.size() + answer.fillBytes - at, sending.offset + length - at);
                piece += QByteArray(n, answer.fill);
                at += n;
            } else {
                const qint64 from = at - answer.prefix.size() - answer.fillBytes;
                const qint64 n = std::min<qint64>(answer.suffix.size() - from, sending.offset + length - at);
                piece += answer.suffix.mid(from, n);
                at += n;
            }
        }
        if (answer.chunked) {
            socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
        } else {
            socket->write(piece);
        }
        sending.offset += length;
        m_bodyBytesSent += length;
    }
    if (sending.offset >= total) {
        if (answer.chunked) {
            socket->write("0\r\n\r\n");
        }
        socket->disconnectFromHost(); // after what is queued has gone out
    }
}

} // namespace tb::test
