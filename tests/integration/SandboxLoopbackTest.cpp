// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The sandbox answers this machine only (issue 9): its server binds 127.0.0.1 (core/sandbox/SandboxServer.cpp), so its
// sign-in page, its control surface and its test-only approval can be reached from no other address. Checked three
// ways that need no second network card: the kernel's own table of listening sockets (/proc/net/tcp and tcp6) shows
// the port bound to 127.0.0.1 alone, not to 0.0.0.0 or ::; a connection to 127.0.0.2 (another address of this
// machine, always present on Linux's loopback) is refused; and so is one to every non-loopback address the machine
// has, when it has any. Both for the server in process and for the standalone executable, which also shows that the
// test-only approval route exists only when started with --test-routes.
#include "core/sandbox/SandboxOptions.h"
#include "core/sandbox/SandboxServer.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>

using tb::test::SignalWaiter;

namespace {

struct Listener
{
    QString table; // "tcp" or "tcp6"
    QString localAddress; // as the kernel writes it: hex, network order per 32-bit word
};

// Every listening socket (state 0A) on port in /proc/net/tcp and /proc/net/tcp6.
QList<Listener> listenersOn(quint16 port)
{
    QList<Listener> found;
    const QString portHex = QStringLiteral("%1").arg(port, 4, 16, QLatin1Char('0')).toUpper();
    for (const QString& table : {QStringLiteral("tcp"), QStringLiteral("tcp6")}) {
        QFile file(QStringLiteral("/proc/net/") + table);
        if (!file.open(QIODevice::ReadOnly)) {
            continue; // no IPv6 in this kernel: nothing can listen there either
        }
        const QStringList lines = QString::fromLatin1(file.readAll()).split(QLatin1Char('\n'));
        for (const QString& line : lines.mid(1)) {
            const QStringList fields = line.simplified().split(QLatin1Char(' '));
            if (fields.size() < 4 || fields.at(3) != QLatin1String("0A")) {
                continue;
            }
            const QStringList local = fields.at(1).split(QLatin1Char(':'));
            if (local.size() == 2 && local.at(1) == portHex) {
                found.append({table, local.at(0)});
            }
        }
    }
    return found;
}

// Whether a TCP connection to address:port is accepted.
bool accepts(const QHostAddress& address, quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(address, port);
    bool decided = false;
    QObject::connect(&socket, &QTcpSocket::connected, [&decided] { decided = true; });
    QObject::connect(&socket, &QTcpSocket::errorOccurred, [&decided] { decided = true; });
    REQUIRE(SignalWaiter::waitUntil([&decided] { return decided; }, 30000));
    return socket.state() == QAbstractSocket::ConnectedState;
}

// What lets another address than 127.0.0.1 reach port: each a sentence; empty when nothing does.
QStringList reachableElsewhere(quint16 port)
{
    QStringList problems;
    const QList<Listener> listeners = listenersOn(port);
    if (listeners.isEmpty()) {
        problems.append(QStringLiteral("nothing listens on port %1").arg(port));
    }
    for (const Listener& listener : listeners) {
        // 127.0.0.1 as the kernel writes it: one 32-bit word, little-endian on this machine.
        if (listener.table != QLatin1String("tcp") || listener.localAddress != QLatin1String("0100007F")) {
            problems.append(
                QStringLiteral("a socket listens on %1 address %2").arg(listener.table, listener.localAddress));
        }
    }
    if (!accepts(QHostAddress(QStringLiteral("127.0.0.1")), port)) {
        problems.append(QStringLiteral("127.0.0.1 itself is refused"));
    }
    QList<QHostAddress> others {QHostAddress(QStringLiteral("127.0.0.2")), QHostAddress::LocalHostIPv6};
    for (const QHostAddress& address : QNetworkInterface::allAddresses()) {
        if (!address.isLoopback() && !address.isLinkLocal()) {
            others.append(address);
        }
    }
    for (const QHostAddress& address : std::as_const(others)) {
        if (accepts(address, port)) {
            problems.append(QStringLiteral("%1 is accepted").arg(address.toString()));
        }
    }
    return problems;
}

void checkLoopbackOnly(quint16 port)
{
    INFO("port " << port);
    const QStringList problems = reachableElsewhere(port);
    INFO(problems.join(QStringLiteral("; ")).toStdString());
    CHECK(problems.isEmpty());
}

// The HTTP status of a POST with a JSON body.
int post(const QUrl& base, const QString& path, const QJsonObject& body)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(base.toString() + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply = network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    REQUIRE(SignalWaiter::waitUntil([reply] { return reply->isFinished(); }));
    reply->deleteLater();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

// A fresh user code of Contoso's sign-in host, as a device asks for one (RFC 8628 3.1).
QString newUserCode(const QUrl& base)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(base.toString() + QStringLiteral("/contoso.onmicrosoft.com/oauth2/v2.0/devicecode")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
    QNetworkReply* reply
        = network.post(request, QByteArrayLiteral("client_id=14d82eec-204b-4c2f-b7e8-296a70dab67e&scope=openid"));
    REQUIRE(SignalWaiter::waitUntil([reply] { return reply->isFinished(); }));
    reply->deleteLater();
    const QString code
        = QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("user_code")).toString();
    REQUIRE_FALSE(code.isEmpty());
    return code;
}

// tenantbridge-sandbox started with arguments; its base URL, once it printed it.
struct StandaloneServer
{
    QProcess process;
    QUrl url;

    explicit StandaloneServer(const QStringList& arguments)
    {
        process.start(QDir(QStringLiteral(TB_BINARY_DIR)).filePath(QStringLiteral("tenantbridge-sandbox")),
            QStringList {QStringLiteral("--port"), QStringLiteral("0")} + arguments);
        REQUIRE(process.waitForStarted());
        static const QRegularExpression serving(QStringLiteral("Serving Microsoft Graph at (\\S+) "));
        QString printed;
        REQUIRE(SignalWaiter::waitUntil([&] {
            printed += QString::fromUtf8(process.readAllStandardOutput());
            return serving.match(printed).hasMatch() || process.state() == QProcess::NotRunning;
        }));
        INFO(printed.toStdString());
        REQUIRE(serving.match(printed).hasMatch());
        url = QUrl(serving.match(printed).captured(1));
    }
    ~StandaloneServer()
    {
        process.terminate();
        if (!process.waitForFinished(30000)) {
            process.kill();
            process.waitForFinished();
        }
    }
    StandaloneServer(const StandaloneServer&) = delete;
    StandaloneServer& operator=(const StandaloneServer&) = delete;
};

} // namespace

TEST_CASE(
    "The loopback check tells a server on every address from one on 127.0.0.1", "[integration][sandbox][loopback]")
{
    // What the sandbox must not do, so the check below is known to notice it.
    QTcpServer everywhere;
    REQUIRE(everywhere.listen(QHostAddress::Any, 0));
    const QStringList problems = reachableElsewhere(everywhere.serverPort());
    INFO(problems.join(QStringLiteral("; ")).toStdString());
    CHECK(problems.size() >= 2); // its socket, and 127.0.0.2 (and ::1, and any other address) accepted
    CHECK(problems.contains(QStringLiteral("127.0.0.2 is accepted")));
    QTcpServer loopback;
    REQUIRE(loopback.listen(QHostAddress::LocalHost, 0));
    CHECK(reachableElsewhere(loopback.serverPort()).isEmpty());
}

TEST_CASE("The sandbox in process listens on 127.0.0.1 only", "[integration][sandbox][loopback]")
{
    tbsandbox::SandboxOptions options;
    options.testRoutes = true;
    tbsandbox::SandboxServer server(options);
    QString error;
    REQUIRE(server.start(&error));
    checkLoopbackOnly(server.port());
}

TEST_CASE("The standalone sandbox listens on 127.0.0.1 only, and has the test approval only with --test-routes",
    "[integration][sandbox][loopback]")
{
    const auto approve = [](const QUrl& base) {
        return post(base, QStringLiteral("/_sandbox/devicelogin/approve"),
            QJsonObject {{QStringLiteral("userCode"), newUserCode(base)}});
    };
    {
        StandaloneServer plain({});
        checkLoopbackOnly(static_cast<quint16>(plain.url.port()));
        CHECK(approve(plain.url) == 404);
        CHECK(post(plain.url, QStringLiteral("/_sandbox/users/revoke"),
                  QJsonObject {{QStringLiteral("tenant"), QStringLiteral("contoso.onmicrosoft.com")},
                      {QStringLiteral("user"), QStringLiteral("admin@contoso.onmicrosoft.com")}})
            == 404);
    }
    StandaloneServer forTests({QStringLiteral("--test-routes")});
    checkLoopbackOnly(static_cast<quint16>(forTests.url.port()));
    CHECK(approve(forTests.url) == 200);
}
