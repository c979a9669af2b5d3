// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/http/HttpServer.h"

#include "core/sandbox/http/HttpConnection.h"

#include <QFile>
#include <QSslConfiguration>
#include <QSslSocket>

namespace tbsandbox {

HttpServer::HttpServer(RequestHandler handler, const MonotonicEpochClock& clock, int idleTimeoutMs, QObject* parent)
    : QTcpServer(parent)
    , m_handler(std::move(handler))
    , m_clock(clock)
    , m_idleTimeoutMs(idleTimeoutMs)
{ }

HttpServer::~HttpServer() = default;

bool HttpServer::configureTls(const QString& certificateFile, const QString& keyFile, QString* errorMessage)
{
    if (!QSslSocket::supportsSsl()) {
        *errorMessage = QStringLiteral("TLS was requested but Qt has no TLS backend with SSL support here.");
        return false;
    }
    QFile certFile(certificateFile);
    if (!certFile.open(QIODevice::ReadOnly)) {
        *errorMessage
            = QStringLiteral("Cannot read the TLS certificate %1: %2.").arg(certificateFile, certFile.errorString());
        return false;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (certificates.isEmpty()) {
        *errorMessage = QStringLiteral("%1 holds no PEM certificate.").arg(certificateFile);
        return false;
    }
    QFile privateKeyFile(keyFile);
    if (!privateKeyFile.open(QIODevice::ReadOnly)) {
        *errorMessage = QStringLiteral("Cannot read the TLS key %1: %2.").arg(keyFile, privateKeyFile.errorString());
        return false;
    }
    const QByteArray keyPem = privateKeyFile.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull()) {
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    }
    if (key.isNull()) {
        *errorMessage = QStringLiteral("%1 holds no unencrypted PEM RSA or EC private key.").arg(keyFile);
        return false;
    }
    m_certificate = certificates.first();
    m_key = key;
    return true;
}

void HttpServer::incomingConnection(qintptr socketDescriptor)
{
    QTcpSocket* socket = nullptr;
    if (isTls()) {
        auto* sslSocket = new QSslSocket(this);
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(m_certificate);
        configuration.setPrivateKey(m_key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        sslSocket->setSslConfiguration(configuration);
        if (!sslSocket->setSocketDescriptor(socketDescriptor)) {
            delete sslSocket;
            return;
        }
        sslSocket->startServerEncryption();
        socket = sslSocket;
    } else {
        socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(socketDescriptor)) {
            delete socket;
            return;
        }
    }
    // A cap on open connections: past it a client gets a short 503 instead of one more socket held open.
    if (m_openConnections >= kMaxConnections) {
        socket->write(QByteArrayLiteral("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\n"
                                        "Connection: close\r\n\r\n"));
        socket->disconnectFromHost();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    auto* connection = new HttpConnection(socket, m_clock, m_idleTimeoutMs, this);
    ++m_openConnections;
    connect(connection, &QObject::destroyed, this, [this] { --m_openConnections; });
    connect(connection, &HttpConnection::requestReceived, this,
        [this, connection](const HttpRequest& request) { m_handler(connection, request); });
}

} // namespace tbsandbox
