// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// DeviceCodeFlow against a scripted token endpoint on 127.0.0.1: the answers the sandbox does not give (repeated
// slow_down, 5xx with Retry-After, an error with HTTP 200, invalid_client) with milliseconds instead of seconds.
#include "core/auth/DeviceCodeFlow.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <optional>

using namespace tb::auth;
using Kind = tb::auth::AuthError::Kind;
using tb::test::SignalWaiter;

namespace {

struct Scripted
{
    Scripted(int httpStatus, QByteArray json, QByteArray headers = {})
        : status(httpStatus)
        , body(std::move(json))
        , extraHeaders(std::move(headers))
    { }

    int status;
    QByteArray body;
    QByteArray extraHeaders;
};

// Answers each request with the next scripted answer (the last one repeats) and records the request bodies.
class ScriptedServer
{
public:
    explicit ScriptedServer(QList<Scripted> script)
        : m_script(std::move(script))
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { read(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        REQUIRE(m_server.listen(QHostAddress::LocalHost));
    }

    [[nodiscard]] QUrl url(const QString& path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    [[nodiscard]] const QList<QByteArray>& bodies() const { return m_bodies; }

private:
    void read(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            return;
        }
        qsizetype length = 0;
        for (const QByteArray& line : buffer.left(headerEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:")) {
                length = line.mid(15).trimmed().toLongLong();
            }
        }
        if (buffer.size() < headerEnd + 4 + length) {
            return;
        }
        m_bodies.append(buffer.mid(headerEnd + 4, length));
        m_buffers.remove(socket);
        const Scripted& answer = m_script.at(std::min<qsizetype>(m_next++, m_script.size() - 1));
        socket->write("HTTP/1.1 " + QByteArray::number(answer.status) + " X\r\nContent-Type: application/json\r\n"
            + answer.extraHeaders + "Content-Length: " + QByteArray::number(answer.body.size())
            + "\r\nConnection: close\r\n\r\n" + answer.body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QList<Scripted> m_script;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<QByteArray> m_bodies;
    qsizetype m_next = 0;
};

Scripted deviceCode(int interval = 0)
{
    return Scripted(200,
        QByteArrayLiteral(
            R"({"device_code":"dc-secret","user_code":"BCDFGHJK","verification_uri":"https://x/devicelogin",)")
            + "\"expires_in\":60,\"interval\":" + QByteArray::number(interval) + "}");
}

Scripted oauthError(int status, const char* error, const QByteArray& headers = {})
{
    return Scripted(status,
        QByteArray(R"({"error":")") + error + R"(","error_description":"AADSTS1: x","error_codes":[1]})", headers);
}

struct Outcome
{
    int finished = 0;
    TokenResponse response;
    AuthError error;
    QList<int> intervals;
};

Outcome run(ScriptedServer& server, const DeviceCodeFlow::Timing& timing, int* polls = nullptr)
{
    QNetworkAccessManager network;
    AuthorityInfo authority;
    authority.tenantId = QStringLiteral("bbbbbbbb-0000-0000-0000-000000000002");
    authority.tokenEndpoint = server.url(QStringLiteral("/t/oauth2/v2.0/token"));
    authority.deviceAuthorizationEndpoint = server.url(QStringLiteral("/t/oauth2/v2.0/devicecode"));
    DeviceCodeFlow flow(
        network, authority, QStringLiteral("14d82eec-204b-4c2f-b7e8-296a70dab67e"), {QStringLiteral("User.Read")});
    flow.setTiming(timing);
    Outcome outcome;
    QObject::connect(&flow, &DeviceCodeFlow::intervalChanged, [&](int seconds) { outcome.intervals.append(seconds); });
    QObject::connect(&flow, &DeviceCodeFlow::finished, [&](const TokenResponse& response, const AuthError& error) {
        ++outcome.finished;
        outcome.response = response;
        outcome.error = error;
    });
    flow.start();
    REQUIRE(SignalWaiter::waitUntil([&] { return outcome.finished > 0; }));
    if (polls != nullptr) {
        *polls = flow.pollCount();
    }
    return outcome;
}

} // namespace

TEST_CASE("DeviceCodeFlow adds the increment for every slow_down and retries transient failures", "[auth]")
{
    ScriptedServer server({deviceCode(), oauthError(400, "slow_down"), oauthError(400, "slow_down"),
        {503, "{}", "Retry-After: 0\r\n"}, {500, "not json"}, oauthError(200, "authorization_pending"),
        {200, R"({"token_type":"Bearer","access_token":"at","expires_in":3599,"scope":"User.Read"})"}});
    DeviceCodeFlow::Timing timing;
    timing.slowDownIncrementMs = 40;
    timing.transientRetryCapMs = 100;
    int polls = 0;
    const Outcome outcome = run(server, timing, &polls);
    INFO(outcome.error.toLogString().toStdString());
    CHECK_FALSE(outcome.error.isError());
    CHECK(outcome.response.accessToken == QStringLiteral("at"));
    CHECK(outcome.intervals.size() == 2); // each slow_down grew the interval
    CHECK(polls == 6);
    REQUIRE(server.bodies().size() == 7);
    const QByteArray request = server.bodies().at(0);
    CHECK(request.contains("client_id=14d82eec-204b-4c2f-b7e8-296a70dab67e"));
    CHECK(request.contains("scope=User.Read%20openid%20profile%20offline_access"));
    for (int i = 1; i < server.bodies().size(); ++i) {
        const QByteArray poll = server.bodies().at(i);
        CHECK(poll.contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code"));
        CHECK(poll.contains("device_code=dc-secret"));
        CHECK(poll.contains("client_info=1"));
    }
    CHECK(outcome.finished == 1);
}

TEST_CASE("DeviceCodeFlow ends at a terminal error and at an error in a 200 device-code answer", "[auth]")
{
    {
        ScriptedServer server({deviceCode(), oauthError(401, "invalid_client")});
        const Outcome outcome = run(server, {});
        CHECK(outcome.error.kind == Kind::Configuration);
        CHECK(outcome.error.code == QStringLiteral("invalid_client"));
        CHECK(server.bodies().size() == 2);
    }
    {
        ScriptedServer server({oauthError(200, "invalid_request")});
        const Outcome outcome = run(server, {});
        CHECK(outcome.error.kind == Kind::Configuration);
        CHECK(server.bodies().size() == 1);
    }
    {
        ScriptedServer server({deviceCode(), oauthError(400, "bad_verification_code")});
        CHECK(run(server, {}).error.kind == Kind::Expired);
    }
    {
        // An id token issued to another app is not accepted (auth-reference.md 1.8).
        const QByteArray idToken = "e30."
            + QByteArray(R"({"aud":"someone-else","oid":"o","tid":"t"})")
                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
            + ".sig";
        ScriptedServer server(
            {deviceCode(), {200, R"({"token_type":"Bearer","access_token":"at","id_token":")" + idToken + "\"}"}});
        CHECK(run(server, {}).error.code == QStringLiteral("invalid_audience"));
    }
}
