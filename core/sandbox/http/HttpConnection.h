// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/http/HttpRequest.h"
#include "core/sandbox/http/HttpRequestParser.h"
#include "core/sandbox/http/HttpResponse.h"

#include <QObject>
#include <QPointer>

class QTcpSocket;
class QTimer;

namespace tbsandbox {

class MonotonicEpochClock;

// One client connection speaking HTTP/1.1: parses requests with Content-Length bodies one at a time through
// HttpRequestParser (keep-alive, pipelined input waits until the previous answer is out), enforces header and body
// limits (431/413), bounds what it buffers ahead of its answers, closes itself when idle and answers garbage with
// 400 before closing. Owned by HttpServer's connection set; deletes itself
// when the socket closes. Lives on the server's thread. Answers may come later (latency), so callers hold it
// in a QPointer.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    static constexpr qsizetype kMaxHeaderBytes = HttpRequestParser::kDefaultMaxHeaderBytes;
    static constexpr qsizetype kMaxBodyBytes = HttpRequestParser::kDefaultMaxBodyBytes;
    // Input held ahead of the answers (a pending answer, a partial request) never exceeds this.
    static constexpr qsizetype kMaxBufferedBytes = kMaxHeaderBytes + kMaxBodyBytes;
    // A connection with nothing in progress for this long is closed, so idle clients cannot pile up. The
    // default of SandboxOptions::idleTimeoutMs.
    static constexpr int kIdleTimeoutMs = 120 * 1000;

    // Takes ownership of the socket, which must already be connected (or encrypting). The clock stamps
    // requests and must outlive the connection.
    HttpConnection(QTcpSocket* socket, const MonotonicEpochClock& clock, int idleTimeoutMs, QObject* parent = nullptr);
    ~HttpConnection() override;

    // Writes the answer to the request last emitted; ignored if the peer is gone.
    void send(const HttpResponse& response);

signals:
    void requestReceived(const tbsandbox::HttpRequest& request);

private:
    void readAvailable();
    void parseBuffered();
    void rejectAndClose(int status, const QByteArray& message);

    QPointer<QTcpSocket> m_socket;
    const MonotonicEpochClock& m_clock;
    QTimer* m_idleTimer;
    HttpRequestParser m_parser;
    bool m_awaitingAnswer = false;
    bool m_keepAlive = true;
    bool m_closing = false;
};

} // namespace tbsandbox
