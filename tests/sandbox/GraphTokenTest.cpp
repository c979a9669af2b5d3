// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Graph with the login host's tokens: what is refused with 401 and 403, and the test routes' gating.
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/login/JwtSigner.h"
#include "core/sandbox/login/LoginState.h"
#include "tests/sandbox/LoginTestSupport.h"
#include "tests/sandbox/RunningSandbox.h"
#include "tests/sandbox/SandboxTestData.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QHostAddress>
#include <QJsonDocument>
#include <QTcpSocket>

using namespace tb::test;

namespace {

SandboxAnswer getWithToken(SandboxTestClient& client, const QString& path, const QString& token)
{
    return client.send(
        QByteArrayLiteral("GET"), path, {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()}});
}

void checkUnauthenticated(const SandboxAnswer& answer, const char* messagePart)
{
    INFO(answer.body.toStdString());
    CHECK(answer.status == 401);
    CHECK(answer.errorCode() == QLatin1String("InvalidAuthenticationToken"));
    CHECK(answer.header("WWW-Authenticate").startsWith("Bearer"));
    CHECK(messageOf(answer).contains(QLatin1String(messagePart)));
}

} // namespace

TEST_CASE_METHOD(
    RunningSandbox, "Graph refuses missing, malformed, expired, forged and foreign tokens with 401", "[sandbox][login]")
{
    checkUnauthenticated(client.send(QByteArrayLiteral("GET"), QStringLiteral("/v1.0/users")), "empty");
    checkUnauthenticated(
        getWithToken(client, QStringLiteral("/v1.0/users"), QStringLiteral("not-a-jwt")), "validation failure");

    const QString good = client.tokenFor(kContoso);
    REQUIRE(getWithToken(client, QStringLiteral("/v1.0/users?$top=1"), good).status == 200);

    // A changed payload no longer matches the signature.
    QJsonObject claims = jwtClaims(good);
    claims.insert(QStringLiteral("scp"), QStringLiteral("Directory.ReadWrite.All"));
    const QString tampered = good.section(QLatin1Char('.'), 0, 0) + QLatin1Char('.')
        + QString::fromLatin1(tbsandbox::JwtSigner::base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact)))
        + QLatin1Char('.') + good.section(QLatin1Char('.'), 2, 2);
    checkUnauthenticated(getWithToken(client, QStringLiteral("/v1.0/users"), tampered), "Signature validation failed");
    // "alg":"none" without a signature.
    const QString unsigned_ = QString::fromLatin1(tbsandbox::JwtSigner::base64Url(R"({"alg":"none","typ":"JWT"})"))
        + QLatin1Char('.') + good.section(QLatin1Char('.'), 1, 1) + QLatin1Char('.');
    checkUnauthenticated(getWithToken(client, QStringLiteral("/v1.0/users"), unsigned_), "validation failure");

    // Signed with this sandbox's key but past its exp, or before its nbf.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    tbsandbox::LoginState& login = server.login();
    claims = jwtClaims(good);
    claims.insert(QStringLiteral("iat"), now - 7200);
    claims.insert(QStringLiteral("nbf"), now - 7200);
    claims.insert(QStringLiteral("exp"), now - 3600);
    checkUnauthenticated(getWithToken(client, QStringLiteral("/v1.0/users"),
                             tbsandbox::JwtSigner::sign(claims, login.signingKey(), login.keyId())),
        "expired");
    claims.insert(QStringLiteral("nbf"), now + 3600);
    claims.insert(QStringLiteral("exp"), now + 7200);
    checkUnauthenticated(getWithToken(client, QStringLiteral("/v1.0/users"),
                             tbsandbox::JwtSigner::sign(claims, login.signingKey(), login.keyId())),
        "not yet valid");
    // The audience of another cloud.
    claims = jwtClaims(good);
    claims.insert(QStringLiteral("aud"), QStringLiteral("https://graph.microsoft.us"));
    checkUnauthenticated(getWithToken(client, QStringLiteral("/v1.0/users"),
                             tbsandbox::JwtSigner::sign(claims, login.signingKey(), login.keyId())),
        "audience");

    // A perfectly good token of another sandbox (its own random key).
    RunningSandbox other;
    const QString foreign = other.client.tokenFor(kContoso);
    REQUIRE(getWithToken(other.client, QStringLiteral("/v1.0/users?$top=1"), foreign).status == 200);
    checkUnauthenticated(getWithToken(client, QStringLiteral("/v1.0/users"), foreign), "Signature validation failed");
}

TEST_CASE_METHOD(
    RunningSandbox, "A token without a scope for the path gets 403 Authorization_RequestDenied", "[sandbox][login]")
{
    const QString usersOnly = client.signIn(kContoso, QStringLiteral("openid User.Read.All"))
                                  .json()
                                  .value(QLatin1String("access_token"))
                                  .toString();
    CHECK(getWithToken(client, QStringLiteral("/v1.0/users?$top=1"), usersOnly).status == 200);
    for (const QString& path : {QStringLiteral("/v1.0/groups"), QStringLiteral("/v1.0/organization"),
             QStringLiteral("/v1.0/subscribedSkus")}) {
        INFO(path.toStdString());
        const SandboxAnswer refused = getWithToken(client, path, usersOnly);
        CHECK(refused.status == 403);
        CHECK(refused.errorCode() == QLatin1String("Authorization_RequestDenied"));
        CHECK(messageOf(refused) == QLatin1String("Insufficient privileges to complete the operation."));
    }
    const SandboxAnswer patch
        = client.send(QByteArrayLiteral("PATCH"), QStringLiteral("/v1.0/users/adele.vance@contoso.onmicrosoft.com"),
            {{QByteArrayLiteral("Authorization"), "Bearer " + usersOnly.toLatin1()}},
            QByteArrayLiteral(R"({"jobTitle":"x"})"));
    CHECK(patch.status == 403);
    // In a $batch the items are checked one by one.
    const SandboxAnswer batch = client.send(QByteArrayLiteral("POST"), QStringLiteral("/v1.0/$batch"),
        {{QByteArrayLiteral("Authorization"), "Bearer " + usersOnly.toLatin1()}},
        QByteArrayLiteral(R"({"requests":[{"id":"1","method":"GET","url":"/users?$top=1"},
                                          {"id":"2","method":"GET","url":"/groups"}]})"));
    REQUIRE(batch.status == 200);
    QMap<QString, int> statusById;
    for (const QJsonValue& response : batch.json().value(QLatin1String("responses")).toArray()) {
        statusById.insert(response.toObject().value(QLatin1String("id")).toString(),
            response.toObject().value(QLatin1String("status")).toInt());
    }
    CHECK(statusById.value(QStringLiteral("1")) == 200);
    CHECK(statusById.value(QStringLiteral("2")) == 403);

    // User.Read is enough for the organization; Directory.Read.All for everything that reads. (Other users: a
    // token carries every scope its user ever consented to for the app, as in Entra.)
    const QString organization
        = client.signIn(kContoso, QStringLiteral("User.Read"), QStringLiteral("bianca.berg@contoso.onmicrosoft.com"))
              .json()
              .value(QLatin1String("access_token"))
              .toString();
    CHECK(getWithToken(client, QStringLiteral("/v1.0/organization"), organization).status == 200);
    CHECK(getWithToken(client, QStringLiteral("/v1.0/users"), organization).status == 403);
    const QString directory = client
                                  .signIn(kContoso, QStringLiteral("Directory.Read.All"),
                                      QStringLiteral("adele.vance@contoso.onmicrosoft.com"))
                                  .json()
                                  .value(QLatin1String("access_token"))
                                  .toString();
    for (const QString& path : {QStringLiteral("/v1.0/groups"), QStringLiteral("/v1.0/organization"),
             QStringLiteral("/v1.0/subscribedSkus"), QStringLiteral("/v1.0/users")}) {
        CHECK(getWithToken(client, path, directory).status == 200);
    }
}

TEST_CASE_METHOD(RunningSandbox, "On /v1.0 the token's tenant is used; on /{tenant}/v1.0 another tenant's token is 403",
    "[sandbox][login]")
{
    const QString fabrikam = client.tokenFor(kFabrikam);
    const SandboxAnswer own = getWithToken(client, QStringLiteral("/v1.0/organization"), fabrikam);
    REQUIRE(own.status == 200);
    CHECK(valueOf(own).first().toObject().value(QLatin1String("id")).toString() == client.tenantIdFor(kFabrikam));
    CHECK(getWithToken(client, QStringLiteral("/contoso.onmicrosoft.com/v1.0/organization"), fabrikam).status == 403);
}

TEST_CASE("Without test routes the approve and revoke routes do not exist", "[sandbox][login]")
{
    tbsandbox::SandboxServer server(tbsandbox::SandboxOptions {});
    QString error;
    REQUIRE(server.start(&error));
    SandboxTestClient client(server.baseUrl());
    const QJsonObject issued = client.deviceCode(kContoso, QStringLiteral("openid")).json();
    const SandboxAnswer approve = client.approve(issued.value(QLatin1String("user_code")).toString());
    CHECK(approve.status == 404);
    CHECK(client
              .send(QByteArrayLiteral("POST"), QStringLiteral("/_sandbox/users/revoke"), {},
                  QByteArrayLiteral(R"({"tenant":"contoso.onmicrosoft.com","user":"admin@contoso.onmicrosoft.com"})"))
              .status
        == 404);
    CHECK(loginError(client.pollToken(kContoso, issued.value(QLatin1String("device_code")).toString()))
        == QLatin1String("authorization_pending"));
}

TEST_CASE_METHOD(
    RunningSandbox, "The test routes refuse a request addressed to a foreign host name", "[sandbox][login]")
{
    const QString userCode
        = client.deviceCode(kContoso, QStringLiteral("openid")).json().value(QLatin1String("user_code")).toString();
    const QByteArray body = R"({"userCode":")" + userCode.toLatin1() + R"("})";
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    REQUIRE(socket.waitForConnected(10000));
    socket.write("POST /_sandbox/devicelogin/approve HTTP/1.1\r\nHost: attacker.example:"
        + QByteArray::number(server.port()) + "\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    QByteArray received;
    REQUIRE(SignalWaiter::waitUntil([&] {
        received += socket.readAll();
        return socket.state() == QAbstractSocket::UnconnectedState;
    }));
    received += socket.readAll();
    CHECK(received.startsWith("HTTP/1.1 403"));
    // Still pending: nothing was approved.
    CHECK(client.approve(userCode).status == 200);
}
