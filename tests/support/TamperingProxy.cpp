// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/TamperingProxy.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

namespace tb::test {

namespace {

const QByteArray kEndOfHead = QByteArrayLiteral("\r\n\r\n");

// The value of a header in a head (case-insensitive name), or nothing.
std::optional<QByteArray> headerValue(const QByteArray& head, const QByteArray& name)
{
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0) {
            return line.mid(colon + 1).trimmed();
        }
    }
    return std::nullopt;
}

// head without the named headers (case-insensitive), lines joined with CRLF, no final blank line.
QByteArray withoutHeaders(const QByteArray& head, const QList<QByteArray>& names)
{
    QList<QByteArray> kept;
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        if (line.isEmpty()) {
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        bool drop = false;
        if (i > 0 && colon > 0) {
            for (const QByteArray& name : names) {
                drop = drop || line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0;
            }
        }
        if (!drop) {
            kept.append(line);
        }
    }
    return kept.join("\r\n");
}

void collect(const QJsonValue& value, const QString& name, QStringList& found)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == name && it.value().isString()) {
                found.append(it.value().toString());
            }
            collect(it.value(), name, found);
        }
    } else if (value.isArray()) {
        for (const QJsonValue& item : value.toArray()) {
            collect(item, name, found);
        }
    }
}

void collectFromBody(const QByteArray& body, const QString& name, QStringList& found)
{
    if (body.isEmpty()) {
        return;
    }
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError) {
        collect(document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()), name, found);
        return;
    }
    // A form body (application/x-www-form-urlencoded): '+' is a space there, QUrlQuery does not know it.
    QByteArray form = body;
    form.replace('+', ' ');
    const QUrlQuery query(QString::fromUtf8(form));
    for (const QString& value : query.allQueryItemValues(name, QUrl::FullyDecoded)) {
        found.append(value);
    }
}

} // namespace

struct TamperingProxy::Connection
{
    QTcpSocket* client = nullptr;
    QTcpSocket* upstream = nullptr;
    QByteArray request;
    QByteArray answer;
    qsizetype exchange = -1;
    bool answered = false;
};

TamperingProxy::TamperingProxy(QUrl upstream, QObject* parent)
    : QObject(parent)
    , m_upstream(std::move(upstream))
{ }

TamperingProxy::~TamperingProxy() = default;

bool TamperingProxy::listen(QString* errorMessage)
{
    m_server = new QTcpServer(this);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        *errorMessage = QStringLiteral("The proxy cannot listen on 127.0.0.1: %1").arg(m_server->errorString());
        return false;
    }
    connect(m_server, &QTcpServer::newConnection, this, &TamperingProxy::accept);
    return true;
}

QUrl TamperingProxy::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server ? m_server->serverPort() : 0));
}

QStringList TamperingProxy::bodyValues(const QString& name) const
{
    QStringList found;
    for (const Exchange& exchange : m_exchanges) {
        collectFromBody(exchange.requestBody, name, found);
        collectFromBody(exchange.responseBody, name, found);
    }
    found.removeDuplicates();
    return found;
}

void TamperingProxy::accept()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        auto* connection = new Connection;
        connection->client = socket;
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, connection] { readRequest(connection); });
        connect(socket, &QTcpSocket::disconnected, this, [this, connection] { closeConnection(connection); });
    }
}

void TamperingProxy::readRequest(Connection* connection)
{
    connection->request.append(connection->client->readAll());
    if (connection->exchange >= 0) {
        return; // one request per connection; anything after it is ignored
    }
    const qsizetype headEnd = connection->request.indexOf(kEndOfHead);
    if (headEnd < 0) {
        return;
    }
    const QByteArray head = connection->request.left(headEnd);
    const qsizetype length = headerValue(head, "Content-Length").value_or("0").toLongLong();
    if (connection->request.size() < headEnd + 4 + length) {
        return;
    }
    Exchange exchange;
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    exchange.method = requestLine.value(0);
    exchange.target = requestLine.value(1);
    exchange.requestHead = head;
    exchange.requestBody = connection->request.mid(headEnd + 4, length);
    m_exchanges.append(exchange);
    connection->exchange = m_exchanges.size() - 1;
    forward(connection);
}

void TamperingProxy::forward(Connection* connection)
{
    const Exchange& exchange = m_exchanges.at(connection->exchange);
    const QByteArray authority = m_upstream.host().toUtf8() + ':' + QByteArray::number(m_upstream.port());
    QByteArray head = withoutHeaders(exchange.requestHead, {"Host", "Connection", "Keep-Alive", "Proxy-Connection"});
    head += "\r\nHost: " + authority + "\r\nConnection: close" + kEndOfHead;

    auto* upstream = new QTcpSocket(this);
    connection->upstream = upstream;
    connect(upstream, &QTcpSocket::connected, this,
        [upstream, bytes = head + exchange.requestBody] { upstream->write(bytes); });
    connect(upstream, &QTcpSocket::readyRead, this,
        [connection, upstream] { connection->answer.append(upstream->readAll()); });
    connect(upstream, &QTcpSocket::disconnected, this, [this, connection] { answer(connection); });
    connect(upstream, &QTcpSocket::errorOccurred, this, [this, connection](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError) {
            answer(connection);
        }
    });
    upstream->connectToHost(m_upstream.host(), static_cast<quint16>(m_upstream.port()));
}

void TamperingProxy::answer(Connection* connection)
{
    if (connection->answered) {
        return;
    }
    connection->answered = true;
    connection->answer.append(connection->upstream->readAll());
    QByteArray head;
    QByteArray body;
    const qsizetype headEnd = connection->answer.indexOf(kEndOfHead);
    if (headEnd < 0) {
        head = QByteArrayLiteral("HTTP/1.1 502 Bad Gateway");
    } else {
        head = connection->answer.left(headEnd);
        body = connection->answer.mid(headEnd + 4);
    }
    // Whatever names the sandbox names the proxy instead, so the client keeps coming through here.
    const QByteArray sandbox = "127.0.0.1:" + QByteArray::number(m_upstream.port());
    const QByteArray proxy = "127.0.0.1:" + QByteArray::number(m_server->serverPort());
    head.replace(sandbox, proxy);
    body.replace(sandbox, proxy);
    Exchange& exchange = m_exchanges[connection->exchange];
    if (m_rewrite) {
        m_rewrite(exchange, head, body);
    }
    head = withoutHeaders(head, {"Content-Length", "Connection", "Keep-Alive", "Transfer-Encoding"});
    head += "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close";
    exchange.status = head.split(' ').value(1).toInt();
    exchange.responseHead = head;
    exchange.responseBody = body;
    if (connection->client->state() == QAbstractSocket::ConnectedState) {
        connection->client->write(head + kEndOfHead + body);
        connection->client->disconnectFromHost();
    }
}

void TamperingProxy::closeConnection(Connection* connection)
{
    connection->client->disconnect(this);
    connection->client->deleteLater();
    if (connection->upstream) {
        connection->upstream->disconnect(this);
        connection->upstream->abort();
        connection->upstream->deleteLater();
    }
    delete connection;
}

} // namespace tb::test
