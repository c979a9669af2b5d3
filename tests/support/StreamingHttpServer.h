// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace tb::test {

// A bare HTTP/1.1 server on 127.0.0.1 for answers no real service gives and the sandbox need not learn (issue 9: a
// 100 MB Graph page, a megabyte user code). Each request gets the answer set for the longest matching path prefix;
// the body, prefix + `fillBytes` copies of `fill` + suffix, is produced while it is sent, a piece whenever the socket
// has room, so a 100 MB answer never sits in the test's memory. It counts the body bytes it put on the wire, so a test
// can tell a client that hung up early from one that read everything. Test thread only.
class StreamingHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamingHttpServer)

public:
    struct Answer
    {
        int status = 200;
        QByteArray contentType = QByteArrayLiteral("application/json");
        QByteArray prefix;
        qint64 fillBytes = 0;
        char fill = 'a';
        QByteArray suffix;
        bool chunked = false; // Transfer-Encoding: chunked, no Content-Length (the size is known only at the end)

        [[nodiscard]] qint64 bodySize() const { return prefix.size() + fillBytes + suffix.size(); }
    };

    StreamingHttpServer();
    ~StreamingHttpServer() override;

    [[nodiscard]] bool isListening() const { return m_server.isListening(); }
    void setAnswer(const QString& pathPrefix, const Answer& answer);
    [[nodiscard]] QUrl url(const QString& path) const;

    [[nodiscard]] const QStringList& requestPaths() const { return m_paths; }
    // Body bytes written to sockets so far, over all requests.
    [[nodiscard]] qint64 bodyBytesSent() const { return m_bodyBytesSent; }
    // Answers whose client closed the connection before the whole body was sent.
    [[nodiscard]] int answersCutShort() const { return m_cutShort; }

private:
    struct Sending
    {
        Answer answer;
        qint64 offset = 0; // body bytes queued so far
    };

    void readRequest(QTcpSocket* socket);
    void sendMore(QTcpSocket* socket);
    [[nodiscard]] const Answer* answerFor(const QString& path) const;

    QTcpServer m_server;
    QList<std::pair<QString, Answer>> m_answers;
    QHash<QTcpSocket*, QByteArray> m_requests;
    QHash<QTcpSocket*, Sending> m_sending;
    QStringList m_paths;
    qint64 m_bodyBytesSent = 0;
    int m_cutShort = 0;
};

} // namespace tb::test
