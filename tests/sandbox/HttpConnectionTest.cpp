// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/sandbox/RunningSandbox.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QTcpSocket>

using namespace tb::test;

namespace {

// Writes raw bytes and collects what comes back until the server closes or `until` appears.
QByteArray exchange(quint16 port, const QByteArray& bytes, bool* closed, const QByteArray& until = {})
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    REQUIRE(socket.waitForConnected(5000));
    socket.write(bytes);
    QByteArray received;
    const bool done = tb::test::SignalWaiter::waitUntil(
        [&] {
            received += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState
                || (!until.isEmpty() && received.count(until) >= 2);
        },
        10000);
    received += socket.readAll();
    *closed = socket.state() == QAbstractSocket::UnconnectedState;
    Q_UNUSED(done)
    return received;
}

} // namespace

TEST_CASE_METHOD(
    RunningSandbox, "Garbage instead of a request line is answered 400 and the connection closed", "[sandbox]")
{
    bool closed = false;
    const QByteArray answer = exchange(server.port(), QByteArrayLiteral("\x16\x03\x01 hello there\r\n\r\n"), &closed);
    CHECK(answer.startsWith("HTTP/1.1 400 "));
    CHECK(closed);
    const QByteArray badHeader
        = exchange(server.port(), QByteArrayLiteral("GET / HTTP/1.1\r\nno colon here\r\n\r\n"), &closed);
    CHECK(badHeader.startsWith("HTTP/1.1 400 "));
    CHECK(closed);
}

TEST_CASE_METHOD(RunningSandbox, "Oversized headers get 431 and oversized bodies 413", "[sandbox]")
{
    bool closed = false;
    const QByteArray huge = QByteArrayLiteral("GET /v1.0/users HTTP/1.1\r\nX-Filler: ") + QByteArray(40000, 'a')
        + QByteArrayLiteral("\r\n\r\n");
    CHECK(exchange(server.port(), huge, &closed).startsWith("HTTP/1.1 431 "));
    CHECK(closed);
    const QByteArray big = QByteArrayLiteral("POST /v1.0/$batch HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n{");
    CHECK(exchange(server.port(), big, &closed).startsWith("HTTP/1.1 413 "));
    CHECK(closed);
    const QByteArray chunked
        = QByteArrayLiteral("POST /v1.0/$batch HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    CHECK(exchange(server.port(), chunked, &closed).startsWith("HTTP/1.1 411 "));
}

TEST_CASE_METHOD(
    RunningSandbox, "Two pipelined requests on one keep-alive connection get two answers in order", "[sandbox]")
{
    bool closed = false;
    const QByteArray two = QByteArrayLiteral("GET /_sandbox/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                                             "GET /_sandbox/nothing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const QByteArray answer = exchange(server.port(), two, &closed, QByteArrayLiteral("HTTP/1.1 "));
    CHECK(!closed);
    const qsizetype second = answer.indexOf("HTTP/1.1 ", 1);
    REQUIRE(second > 0);
    CHECK(answer.startsWith("HTTP/1.1 200 "));
    CHECK(answer.mid(second).startsWith("HTTP/1.1 404 "));
    CHECK(answer.contains("Connection: keep-alive"));
}
