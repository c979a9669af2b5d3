// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/http/HttpRequest.h"

#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

#include <functional>

namespace tbsandbox {

class HttpConnection;
class MonotonicEpochClock;

// A small HTTP/1.1 server on QTcpServer: wraps each accepted socket in QSslSocket when a certificate and key
// are configured, plain QTcpSocket otherwise, and hands every parsed request to one handler. Written by hand
// rather than on QtHttpServer because fault injection needs control of the bytes on the wire. Owned by
// SandboxServer; lives on its thread.
class HttpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    // Generous for tests and demos (Qt opens 6 connections per host), small enough to bound a misbehaving client.
    static constexpr int kMaxConnections = 256;

    using RequestHandler = std::function<void(HttpConnection* connection, const HttpRequest& request)>;

    // The clock stamps every request and must outlive the server; idleTimeoutMs <= 0 means
    // HttpConnection::kIdleTimeoutMs.
    HttpServer(RequestHandler handler, const MonotonicEpochClock& clock, int idleTimeoutMs, QObject* parent = nullptr);
    ~HttpServer() override;

    // Reads a PEM certificate and private key (RSA or EC). False with a sentence when either is unusable.
    [[nodiscard]] bool configureTls(const QString& certificateFile, const QString& keyFile, QString* errorMessage);
    [[nodiscard]] bool isTls() const { return !m_certificate.isNull(); }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    RequestHandler m_handler;
    const MonotonicEpochClock& m_clock;
    int m_idleTimeoutMs;
    QSslCertificate m_certificate;
    QSslKey m_key;
    int m_openConnections = 0;
};

} // namespace tbsandbox
