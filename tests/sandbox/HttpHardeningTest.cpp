// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Requests no HTTP library would send, written on a raw socket: what the sandbox's own server does with them.
#include "tests/sandbox/RunningSandbox.h"
#include "tests/sandbox/SandboxTestData.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QHostAddress>
#include <QTcpSocket>

using namespace tb::test;

namespace {

// Sends raw bytes and returns everything the server wrote until it closed the connection or the answer's
// status line and headers have arrived and no more bytes come.
QByteArray exchange(quint16 port, const QByteArray& bytes)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    REQUIRE(socket.waitForConnected(10000));
    socket.write(bytes);
    QByteArray received;
    const bool done = SignalWaiter::waitUntil([&] {
        received += socket.readAll();
        return socket.state() == QAbstractSocket::UnconnectedState || received.contains("\r\n\r\n");
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
    CHECK_FALSE(foreign.contains("sandbox-static-"));

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
