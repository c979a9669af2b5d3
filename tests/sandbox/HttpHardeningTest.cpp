// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Requests no HTTP library would send, written on a raw socket: what the sandbox's own server does with them.
#include "core/sandbox/http/HttpServer.h"
#include "tests/sandbox/RunningSandbox.h"
#include "tests/sandbox/SandboxTestData.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QHostAddress>
#include <QTcpSocket>

#include <algorithm>
#include <memory>
#include <vector>

using namespace tb::test;

namespace {

// Sends raw bytes and returns what the server wrote: everything up to its close when the request asked for
// "Connection: close", else at least the status line and headers.
QByteArray exchange(quint16 port, const QByteArray& bytes)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    REQUIRE(socket.waitForConnected(10000));
    socket.write(bytes);
    // With "Connection: close" the whole answer is read, up to the server closing the connection.
    const bool closes = bytes.contains("Connection: close");
    QByteArray received;
    const bool done = SignalWaiter::waitUntil([&] {
        received += socket.readAll();
        return socket.state() == QAbstractSocket::UnconnectedState || (!closes && received.contains("\r\n\r\n"));
    });
    REQUIRE(done);
    return received + socket.readAll();
}

} // namespace

TEST_CASE_METHOD(RunningSandbox, "The control surface refuses a request addressed to a foreign host name", "[sandbox]")
{
    // What a web page reaching 127.0.0.1 through DNS rebinding would send.
    const QByteArray foreign = exchange(server.port(),
        "GET /_sandbox/tenants HTTP/1.1\r\nHost: attacker.example:" + QByteArray::number(server.port())
            + "\r\nConnection: close\r\n\r\n");
    CHECK(foreign.startsWith("HTTP/1.1 403"));
    CHECK_FALSE(foreign.contains("initialDomain"));

    for (const QByteArray& host :
        {QByteArrayLiteral("127.0.0.1"), QByteArrayLiteral("localhost"), QByteArrayLiteral("[::1]")}) {
        INFO(host.toStdString());
        const QByteArray local = exchange(server.port(),
            "GET /_sandbox/stats HTTP/1.1\r\nHost: " + host + ":" + QByteArray::number(server.port())
                + "\r\nConnection: close\r\n\r\n");
        CHECK(local.startsWith("HTTP/1.1 200"));
    }
}

TEST_CASE_METHOD(RunningSandbox, "Two different Content-Length headers are refused", "[sandbox]")
{
    const QByteArray answer = exchange(server.port(),
        "POST /v1.0/$batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}");
    CHECK(answer.startsWith("HTTP/1.1 400"));
    CHECK(answer.contains("Content-Length"));
}

TEST_CASE_METHOD(RunningSandbox, "A header value with a carriage return is refused, not echoed", "[sandbox]")
{
    const QByteArray answer = exchange(server.port(),
        "GET /v1.0/organization HTTP/1.1\r\nHost: 127.0.0.1\r\nclient-request-id: abc\rSet-Cookie: x=1\r\n\r\n");
    CHECK(answer.startsWith("HTTP/1.1 400"));
    CHECK_FALSE(answer.contains("Set-Cookie"));
}

TEST_CASE_METHOD(
    RunningSandbox, "Next links name the loopback host the client used, and only a loopback one", "[sandbox]")
{
    QUrl viaLocalhost = server.baseUrl();
    viaLocalhost.setHost(QStringLiteral("localhost"));
    SandboxTestClient local(viaLocalhost);
    const SandboxAnswer page = local.get(kContoso, QStringLiteral("/v1.0/users?$top=50"));
    REQUIRE(page.status == 200);
    const QString next = page.json().value(QStringLiteral("@odata.nextLink")).toString();
    CHECK(next.startsWith(QStringLiteral("http://localhost:%1/").arg(server.port())));

    // A foreign Host header does not make the sandbox hand out links to another machine.
    const QByteArray answer = exchange(server.port(),
        "GET /v1.0/users?$top=50 HTTP/1.1\r\nHost: attacker.example\r\nAuthorization: Bearer "
            + client.tokenFor(kContoso).toLatin1() + "\r\nConnection: close\r\n\r\n");
    CHECK(answer.startsWith("HTTP/1.1 200"));
    CHECK_FALSE(answer.contains("attacker.example"));
}

TEST_CASE_METHOD(RunningSandbox, "Past its cap on open connections the server answers 503 and closes", "[sandbox]")
{
    // One at a time, turning the event loop in between, so that the server accepts each before the next
    // arrives (the listen backlog is short).
    std::vector<std::unique_ptr<QTcpSocket>> open;
    for (int i = 0; i < tbsandbox::HttpServer::kMaxConnections; ++i) {
        open.push_back(std::make_unique<QTcpSocket>());
        QTcpSocket* socket = open.back().get();
        socket->connectToHost(QHostAddress::LocalHost, server.port());
        REQUIRE(SignalWaiter::waitUntil([socket] { return socket->state() == QAbstractSocket::ConnectedState; }));
    }
    QTcpSocket oneTooMany;
    oneTooMany.connectToHost(QHostAddress::LocalHost, server.port());
    QByteArray received;
    REQUIRE(SignalWaiter::waitUntil([&] {
        received += oneTooMany.readAll();
        return received.contains("\r\n\r\n");
    }));
    CHECK(received.startsWith("HTTP/1.1 503"));

    // Closing the others frees their places again.
    open.clear();
    REQUIRE(SignalWaiter::waitUntil(
        [&] { return client.send(QByteArrayLiteral("GET"), QStringLiteral("/_sandbox/stats")).status == 200; }));
}
