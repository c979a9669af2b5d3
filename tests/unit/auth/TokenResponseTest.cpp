// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/TokenResponse.h"
#include "core/auth/Account.h"
#include "core/auth/AuthorityInfo.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QJsonObject>

using tb::auth::Account;
using tb::auth::AuthorityInfo;
using tb::auth::TokenResponse;
using tb::model::TenantRole;

namespace {

const QString kClientId = QStringLiteral("14d82eec-204b-4c2f-b7e8-296a70dab67e");
const QString kOid = QStringLiteral("aaaaaaaa-0000-0000-0000-000000000001");
const QString kTid = QStringLiteral("bbbbbbbb-0000-0000-0000-000000000002");

QString base64Url(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString jwt(const QJsonObject& payload)
{
    return base64Url(R"({"alg":"HS256","typ":"JWT"})") + QLatin1Char('.')
        + base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + QStringLiteral(".c2lnbmF0dXJl");
}

QJsonObject idClaims(const QString& audience = kClientId)
{
    return {{QStringLiteral("aud"), audience}, {QStringLiteral("oid"), kOid}, {QStringLiteral("tid"), kTid},
        {QStringLiteral("preferred_username"), QStringLiteral("admin@contoso.onmicrosoft.com")},
        {QStringLiteral("name"), QStringLiteral("Contoso Admin")}, {QStringLiteral("ver"), QStringLiteral("2.0")}};
}

QJsonObject success()
{
    return {{QStringLiteral("token_type"), QStringLiteral("Bearer")},
        {QStringLiteral("scope"), QStringLiteral("User.Read User.Read.All profile openid")},
        {QStringLiteral("expires_in"), 3599}, {QStringLiteral("ext_expires_in"), 7199},
        {QStringLiteral("access_token"), QStringLiteral("at-value")},
        {QStringLiteral("refresh_token"), QStringLiteral("rt-value")}, {QStringLiteral("id_token"), jwt(idClaims())},
        {QStringLiteral("client_info"),
            base64Url(QJsonDocument(QJsonObject {{QStringLiteral("uid"), kOid}, {QStringLiteral("utid"), kTid}})
                          .toJson(QJsonDocument::Compact))}};
}

} // namespace

TEST_CASE("TokenResponse reads a device-code success with id token and client_info", "[auth]")
{
    QString problem;
    const auto response = TokenResponse::parse(QJsonDocument(success()).toJson(), &problem);
    INFO(problem.toStdString());
    REQUIRE(response.has_value());
    CHECK(response->accessToken == QStringLiteral("at-value"));
    CHECK(response->refreshToken == QStringLiteral("rt-value"));
    CHECK(response->expiresIn == 3599);
    CHECK(response->extExpiresIn == 7199);
    CHECK(response->scopes.size() == 4);
    CHECK(response->clientInfoUid == kOid);
    CHECK(response->clientInfoUtid == kTid);
    CHECK(response->objectId == kOid);
    CHECK(response->tenantId == kTid);
    CHECK(response->preferredUsername == QStringLiteral("admin@contoso.onmicrosoft.com"));
    CHECK(response->name == QStringLiteral("Contoso Admin"));
    CHECK(response->homeAccountId() == kOid + QLatin1Char('.') + kTid);
    CHECK_FALSE(response->audienceProblem(kClientId).has_value());
    CHECK(response->audienceProblem(QStringLiteral("00000000-0000-0000-0000-000000000000")).has_value());
}

TEST_CASE("TokenResponse falls back to oid.tid, default lifetimes, and upn", "[auth]")
{
    QJsonObject body = success();
    body.remove(QStringLiteral("client_info"));
    body.remove(QStringLiteral("expires_in"));
    body.remove(QStringLiteral("ext_expires_in"));
    QJsonObject claims = idClaims();
    claims.remove(QStringLiteral("preferred_username"));
    claims.insert(QStringLiteral("upn"), QStringLiteral("upn@contoso.com"));
    claims.insert(QStringLiteral("oid"), kOid.toUpper());
    body.insert(QStringLiteral("id_token"), jwt(claims));
    const auto response = TokenResponse::fromJson(body, nullptr);
    REQUIRE(response.has_value());
    CHECK(response->homeAccountId() == kOid + QLatin1Char('.') + kTid);
    CHECK(response->expiresIn == 600);
    CHECK(response->extExpiresIn == 600);
    CHECK(response->preferredUsername == QStringLiteral("upn@contoso.com"));
}

TEST_CASE("TokenResponse refuses errors, missing tokens and undecodable parts", "[auth]")
{
    QString problem;
    CHECK_FALSE(TokenResponse::parse("not json", &problem).has_value());
    CHECK_FALSE(problem.isEmpty());
    CHECK_FALSE(TokenResponse::parse(R"({"error":"authorization_pending"})", &problem).has_value());
    CHECK(problem.contains(QStringLiteral("authorization_pending")));
    CHECK_FALSE(TokenResponse::parse(R"({"token_type":"Bearer"})", &problem).has_value());
    QJsonObject pop = success();
    pop.insert(QStringLiteral("token_type"), QStringLiteral("pop"));
    CHECK_FALSE(TokenResponse::fromJson(pop, &problem).has_value());
    QJsonObject badId = success();
    badId.insert(QStringLiteral("id_token"), QStringLiteral("only.two"));
    CHECK_FALSE(TokenResponse::fromJson(badId, &problem).has_value());
    QJsonObject badInfo = success();
    badInfo.insert(QStringLiteral("client_info"), QStringLiteral("!!!"));
    CHECK_FALSE(TokenResponse::fromJson(badInfo, &problem).has_value());
    CHECK(TokenResponse::decodeJwtPayload(jwt(idClaims())).value().value(QStringLiteral("oid")).toString() == kOid);
    CHECK_FALSE(TokenResponse::decodeJwtPayload(QStringLiteral("a.b")).has_value());
    // The problem sentences never quote a token.
    QJsonObject leaky = success();
    leaky.insert(QStringLiteral("id_token"), QStringLiteral("secret-looking.value"));
    CHECK_FALSE(TokenResponse::fromJson(leaky, &problem).has_value());
    CHECK_FALSE(problem.contains(QStringLiteral("secret-looking")));
}

TEST_CASE("Account comes from a token response and round-trips through JSON without secrets", "[auth]")
{
    const auto response = TokenResponse::fromJson(success(), nullptr);
    REQUIRE(response.has_value());
    AuthorityInfo authority;
    authority.requestedTenant = QStringLiteral("contoso.onmicrosoft.com");
    authority.tenantId = kTid;
    authority.loginHost = QUrl(QStringLiteral("http://127.0.0.1:4000"));
    authority.graphHost = QUrl(QStringLiteral("http://127.0.0.1:4000"));
    authority.cloud = tb::model::CloudInstance();
    const Account account = Account::fromTokenResponse(TenantRole::Target, authority, *response);
    CHECK(account.isValid());
    CHECK(account.role == TenantRole::Target);
    CHECK(account.homeAccountId == kOid + QLatin1Char('.') + kTid);
    CHECK(account.objectId == kOid);
    CHECK(account.username == QStringLiteral("admin@contoso.onmicrosoft.com"));
    CHECK(account.cloudName == QStringLiteral("Global"));
    CHECK(account.grantedScopes == QStringList {QStringLiteral("user.read"), QStringLiteral("user.read.all")});
    const QByteArray json = QJsonDocument(account.toJson()).toJson();
    CHECK_FALSE(json.contains("at-value"));
    CHECK_FALSE(json.contains("rt-value"));
    const auto back = Account::fromJson(QJsonDocument::fromJson(json).object());
    REQUIRE(back.has_value());
    CHECK(back->toJson() == account.toJson());
    CHECK_FALSE(Account::fromJson(QJsonObject {{QStringLiteral("role"), QStringLiteral("middle")}}).has_value());
}
