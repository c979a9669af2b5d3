// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The login host over real HTTP: discovery, the device authorization and token endpoints, refresh tokens.
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/World.h"
#include "core/sandbox/login/LoginState.h"
#include "tests/sandbox/LoginTestSupport.h"
#include "tests/sandbox/RunningSandbox.h"
#include "tests/sandbox/SandboxTestData.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

using namespace tb::test;
using tbsandbox::SandboxOptions;

namespace {

const QString kContosoId = QStringLiteral("6f1c2a3e-0c5b-4d2a-9a41-1c0a7e5b2c01");
const QString kGovId = QStringLiteral("2a7d9c1b-4e8f-4a6d-b063-3e2c9a7d4e03");
const QString kChinaId = QStringLiteral("5c9e1f3a-6a2b-4c8e-a174-4f3dab8e5f04");
const QString kDeviceGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");

void checkEntraErrorShape(const SandboxAnswer& answer, const QString& error, int code)
{
    INFO(answer.body.toStdString());
    const QJsonObject body = answer.json();
    CHECK(body.value(QLatin1String("error")).toString() == error);
    CHECK(body.value(QLatin1String("error_codes")).toArray() == QJsonArray {code});
    const QString description = body.value(QLatin1String("error_description")).toString();
    CHECK(description.startsWith(QStringLiteral("AADSTS%1: ").arg(code)));
    CHECK(description.contains(QLatin1String("\r\nTrace ID: ")));
    CHECK(description.contains(QLatin1String("\r\nCorrelation ID: ")));
    CHECK(description.contains(QLatin1String("\r\nTimestamp: ")));
    CHECK(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ$"))
              .match(body.value(QLatin1String("timestamp")).toString())
              .hasMatch());
    CHECK(!QUuid::fromString(body.value(QLatin1String("trace_id")).toString()).isNull());
    CHECK(!QUuid::fromString(body.value(QLatin1String("correlation_id")).toString()).isNull());
}

SandboxOptions withInterval(int seconds)
{
    SandboxOptions options;
    options.deviceCodeIntervalSeconds = seconds;
    return options;
}

} // namespace

TEST_CASE_METHOD(
    RunningSandbox, "Discovery answers for a tenant id or any of its domains, per cloud", "[sandbox][login]")
{
    const QString base = server.baseUrl().toString();
    for (const QString& tenant : {kContosoId, QStringLiteral("CONTOSO.onmicrosoft.com")}) {
        const SandboxAnswer answer = client.send(
            QByteArrayLiteral("GET"), QStringLiteral("/%1/v2.0/.well-known/openid-configuration").arg(tenant));
        REQUIRE(answer.status == 200);
        const QJsonObject document = answer.json();
        const QString authority = base + QLatin1Char('/') + kContosoId;
        CHECK(document.value(QLatin1String("issuer")).toString() == authority + QStringLiteral("/v2.0"));
        CHECK(document.value(QLatin1String("token_endpoint")).toString()
            == authority + QStringLiteral("/oauth2/v2.0/token"));
        CHECK(document.value(QLatin1String("device_authorization_endpoint")).toString()
            == authority + QStringLiteral("/oauth2/v2.0/devicecode"));
        CHECK(document.value(QLatin1String("authorization_endpoint")).toString()
            == authority + QStringLiteral("/oauth2/v2.0/authorize"));
        CHECK(!document.value(QLatin1String("jwks_uri")).toString().isEmpty());
        CHECK(!document.value(QLatin1String("end_session_endpoint")).toString().isEmpty());
        for (const char* key : {"response_types_supported", "scopes_supported", "subject_types_supported",
                 "id_token_signing_alg_values_supported", "claims_supported"}) {
            CHECK(!document.value(QLatin1String(key)).toArray().isEmpty());
        }
        CHECK(document.value(QLatin1String("tenant_region_scope")).toString() == QLatin1String("NA"));
        CHECK_FALSE(document.contains(QLatin1String("tenant_region_sub_scope")));
        CHECK(document.value(QLatin1String("cloud_instance_name")).toString() == QLatin1String("microsoftonline.com"));
        CHECK(document.value(QLatin1String("cloud_graph_host_name")).toString() == QLatin1String("graph.windows.net"));
        CHECK(document.value(QLatin1String("msgraph_host")).toString()
            == QStringLiteral("127.0.0.1:%1").arg(server.port()));
    }
    const QJsonObject gov
        = client.send(QByteArrayLiteral("GET"), QStringLiteral("/%1/v2.0/.well-known/openid-configuration").arg(kGovId))
              .json();
    CHECK(gov.value(QLatin1String("tenant_region_scope")).toString() == QLatin1String("USGov"));
    CHECK(gov.value(QLatin1String("tenant_region_sub_scope")).toString() == QLatin1String("DODCON"));
    CHECK(gov.value(QLatin1String("cloud_instance_name")).toString() == QLatin1String("microsoftonline.us"));
    CHECK(!gov.value(QLatin1String("cloud_graph_host_name")).toString().isEmpty());
    const QJsonObject china
        = client
              .send(QByteArrayLiteral("GET"),
                  QStringLiteral("/woodgrovecn.partner.onmschina.cn/v2.0/.well-known/openid-configuration"))
              .json();
    CHECK(china.value(QLatin1String("tenant_region_scope")).toString() == QLatin1String("AS"));
    CHECK_FALSE(china.contains(QLatin1String("tenant_region_sub_scope")));
    CHECK(china.value(QLatin1String("cloud_instance_name")).toString() == QLatin1String("partner.microsoftonline.cn"));
    CHECK(china.value(QLatin1String("issuer")).toString().contains(kChinaId));
}

TEST_CASE_METHOD(
    RunningSandbox, "An unknown tenant gets invalid_tenant AADSTS90002 from every endpoint", "[sandbox][login]")
{
    const SandboxAnswer discovery = client.send(
        QByteArrayLiteral("GET"), QStringLiteral("/nowhere.example/v2.0/.well-known/openid-configuration"));
    CHECK(discovery.status == 400);
    checkEntraErrorShape(discovery, QStringLiteral("invalid_tenant"), 90002);
    CHECK(discovery.json()
              .value(QLatin1String("error_description"))
              .toString()
              .contains(QLatin1String("'nowhere.example'")));
    const SandboxAnswer code
        = client.deviceCode(QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("openid"));
    CHECK(code.status == 400);
    checkEntraErrorShape(code, QStringLiteral("invalid_tenant"), 90002);
}

TEST_CASE_METHOD(
    RunningSandbox, "The device flow runs from pending to tokens with the claims of the contract", "[sandbox][login]")
{
    const SandboxAnswer code
        = client.deviceCode(kContoso, QStringLiteral("openid profile offline_access User.Read.All"));
    REQUIRE(code.status == 200);
    const QJsonObject issued = code.json();
    const QString userCode = issued.value(QLatin1String("user_code")).toString();
    const QString deviceCode = issued.value(QLatin1String("device_code")).toString();
    CHECK(QRegularExpression(QStringLiteral("^[BCDFGHJKLMNPQRSTVWXZ]{8}$")).match(userCode).hasMatch());
    CHECK(deviceCode.size() >= 86); // 64 random bytes in base64url
    CHECK(issued.value(QLatin1String("verification_uri")).toString()
        == server.baseUrl().toString() + QStringLiteral("/devicelogin"));
    CHECK(issued.value(QLatin1String("expires_in")).toInt() == 900);
    CHECK(issued.value(QLatin1String("interval")).toInt() == 5);
    CHECK(issued.value(QLatin1String("message")).toString()
        == QStringLiteral("To sign in, use a web browser to open the page %1/devicelogin and enter the code %2 to "
                          "authenticate.")
               .arg(server.baseUrl().toString(), userCode));
    CHECK(code.header("Cache-Control").contains("no-store"));

    const SandboxAnswer pending = client.pollToken(kContoso, deviceCode);
    CHECK(pending.status == 400);
    checkEntraErrorShape(pending, QStringLiteral("authorization_pending"), 70016);

    // The person types the code in lower case with a dash; the route reads it the same way.
    const QString typed = userCode.left(4).toLower() + QLatin1Char('-') + userCode.mid(4).toLower();
    const SandboxAnswer approved = client.approve(typed, QStringLiteral("adele.vance@contoso.onmicrosoft.com"));
    REQUIRE(approved.status == 200);
    CHECK(approved.json().value(QLatin1String("decision")).toString() == QLatin1String("approved"));
    CHECK(approved.json().value(QLatin1String("tenantId")).toString() == kContosoId);
    CHECK(approved.json().value(QLatin1String("userCode")).toString() == userCode);

    // Right after the approval, even sooner than the interval, the poll gets the tokens.
    const SandboxAnswer tokens = client.pollToken(kContoso, deviceCode);
    REQUIRE(tokens.status == 200);
    const QJsonObject body = tokens.json();
    CHECK(body.value(QLatin1String("token_type")).toString() == QLatin1String("Bearer"));
    CHECK(body.value(QLatin1String("expires_in")).toInt() == 3599);
    CHECK(body.value(QLatin1String("ext_expires_in")).toInt() == 3599);
    const QStringList scope = body.value(QLatin1String("scope")).toString().split(QLatin1Char(' '));
    CHECK(scope.contains(QLatin1String("User.Read.All")));
    CHECK(!body.value(QLatin1String("refresh_token")).toString().isEmpty());

    const QString adeleId = server.world()
                                .tenantByIdOrDomain(kContoso)
                                ->users()
                                .at(static_cast<size_t>(server.world().tenantByIdOrDomain(kContoso)->findUser(
                                    QStringLiteral("adele.vance@contoso.onmicrosoft.com"))))
                                .id.toString(QUuid::WithoutBraces);
    const QJsonObject access = jwtClaims(body.value(QLatin1String("access_token")).toString());
    CHECK(access.value(QLatin1String("aud")).toString() == QLatin1String("https://graph.microsoft.com"));
    CHECK(
        access.value(QLatin1String("iss")).toString() == QStringLiteral("https://sts.windows.net/%1/").arg(kContosoId));
    CHECK(access.value(QLatin1String("tid")).toString() == kContosoId);
    CHECK(access.value(QLatin1String("oid")).toString() == adeleId);
    CHECK(access.value(QLatin1String("upn")).toString() == QLatin1String("adele.vance@contoso.onmicrosoft.com"));
    CHECK(access.value(QLatin1String("name")).toString() == QLatin1String("Adele Vance"));
    CHECK(access.value(QLatin1String("scp")).toString() == QLatin1String("User.Read.All"));
    CHECK(access.value(QLatin1String("appid")).toString() == QLatin1String(kTestClientId));
    CHECK(access.value(QLatin1String("ver")).toString() == QLatin1String("1.0"));
    CHECK(access.value(QLatin1String("exp")).toInteger() - access.value(QLatin1String("iat")).toInteger() == 3599);
    CHECK(access.value(QLatin1String("nbf")).toInteger() == access.value(QLatin1String("iat")).toInteger());

    const QJsonObject id = jwtClaims(body.value(QLatin1String("id_token")).toString());
    CHECK(id.value(QLatin1String("aud")).toString() == QLatin1String(kTestClientId));
    CHECK(id.value(QLatin1String("iss")).toString()
        == server.baseUrl().toString() + QLatin1Char('/') + kContosoId + QStringLiteral("/v2.0"));
    CHECK(id.value(QLatin1String("oid")).toString() == adeleId);
    CHECK(id.value(QLatin1String("tid")).toString() == kContosoId);
    CHECK(id.value(QLatin1String("preferred_username")).toString()
        == QLatin1String("adele.vance@contoso.onmicrosoft.com"));
    CHECK(id.value(QLatin1String("name")).toString() == QLatin1String("Adele Vance"));
    CHECK(!id.value(QLatin1String("sub")).toString().isEmpty());
    CHECK(id.value(QLatin1String("sub")).toString() != adeleId);
    CHECK(id.value(QLatin1String("ver")).toString() == QLatin1String("2.0"));

    const QJsonObject info = base64UrlJson(body.value(QLatin1String("client_info")).toString());
    CHECK(info.value(QLatin1String("uid")).toString() == adeleId);
    CHECK(info.value(QLatin1String("utid")).toString() == kContosoId);

    // The token works on Graph, and the code cannot be redeemed twice.
    const SandboxAnswer users = client.send(QByteArrayLiteral("GET"), QStringLiteral("/v1.0/users?$top=1"),
        {{QByteArrayLiteral("Authorization"),
            "Bearer " + body.value(QLatin1String("access_token")).toString().toLatin1()}});
    CHECK(users.status == 200);
    checkEntraErrorShape(client.pollToken(kContoso, deviceCode), QStringLiteral("bad_verification_code"), 70018);
}

TEST_CASE("Polling sooner than the interval gets slow_down and the interval grows by 5 s", "[sandbox][login]")
{
    RunningSandbox sandbox(withInterval(5));
    SandboxTestClient& client = sandbox.client;
    const QJsonObject issued = client.deviceCode(kContoso, QStringLiteral("openid offline_access")).json();
    const QString deviceCode = issued.value(QLatin1String("device_code")).toString();
    checkEntraErrorShape(client.pollToken(kContoso, deviceCode), QStringLiteral("authorization_pending"), 70016);
    const SandboxAnswer first = client.pollToken(kContoso, deviceCode);
    CHECK(first.status == 400);
    CHECK(loginError(first) == QLatin1String("slow_down"));
    CHECK(first.json().value(QLatin1String("error_description")).toString().contains(QLatin1String("wait 10 seconds")));
    const SandboxAnswer second = client.pollToken(kContoso, deviceCode);
    CHECK(loginError(second) == QLatin1String("slow_down"));
    CHECK(
        second.json().value(QLatin1String("error_description")).toString().contains(QLatin1String("wait 15 seconds")));
    REQUIRE(client.approve(issued.value(QLatin1String("user_code")).toString()).status == 200);
    CHECK(client.pollToken(kContoso, deviceCode).status == 200);
}

TEST_CASE("With --slow-down off a fast poller only hears authorization_pending", "[sandbox][login]")
{
    SandboxOptions options = withInterval(5);
    options.slowDown = false;
    RunningSandbox sandbox(options);
    const QString deviceCode = sandbox.client.deviceCode(kContoso, QStringLiteral("openid"))
                                   .json()
                                   .value(QLatin1String("device_code"))
                                   .toString();
    for (int i = 0; i < 3; ++i) {
        CHECK(loginError(sandbox.client.pollToken(kContoso, deviceCode)) == QLatin1String("authorization_pending"));
    }
}

TEST_CASE_METHOD(RunningSandbox, "A declined code answers authorization_declined", "[sandbox][login]")
{
    const QJsonObject issued = client.deviceCode(kContoso, QStringLiteral("openid")).json();
    const SandboxAnswer declined = client.approve(issued.value(QLatin1String("user_code")).toString(), {}, true);
    REQUIRE(declined.status == 200);
    CHECK(declined.json().value(QLatin1String("decision")).toString() == QLatin1String("declined"));
    CHECK(declined.json().value(QLatin1String("userPrincipalName")).toString()
        == QLatin1String("admin@contoso.onmicrosoft.com"));
    const SandboxAnswer poll = client.pollToken(kContoso, issued.value(QLatin1String("device_code")).toString());
    CHECK(poll.status == 400);
    checkEntraErrorShape(poll, QStringLiteral("authorization_declined"), 70020);
    // Deciding twice is refused.
    CHECK(client.approve(issued.value(QLatin1String("user_code")).toString()).status == 409);
}

TEST_CASE("A device code past its lifetime answers expired_token", "[sandbox][login]")
{
    SandboxOptions options;
    options.deviceCodeLifetimeSeconds = 1;
    RunningSandbox sandbox(options);
    const QJsonObject issued = sandbox.client.deviceCode(kContoso, QStringLiteral("openid")).json();
    CHECK(issued.value(QLatin1String("expires_in")).toInt() == 1);
    QElapsedTimer waited;
    waited.start();
    REQUIRE(SignalWaiter::waitUntil([&] { return waited.elapsed() > 1050; }));
    const SandboxAnswer poll
        = sandbox.client.pollToken(kContoso, issued.value(QLatin1String("device_code")).toString());
    checkEntraErrorShape(poll, QStringLiteral("expired_token"), 70019);
}

TEST_CASE_METHOD(
    RunningSandbox, "Unknown codes, other tenants' codes and malformed requests get Entra's errors", "[sandbox][login]")
{
    checkEntraErrorShape(
        client.pollToken(kContoso, QStringLiteral("made-up")), QStringLiteral("bad_verification_code"), 70018);
    const QString fabrikamCode
        = client.deviceCode(kFabrikam, QStringLiteral("openid")).json().value(QLatin1String("device_code")).toString();
    checkEntraErrorShape(client.pollToken(kContoso, fabrikamCode), QStringLiteral("bad_verification_code"), 70018);

    const QString tokenPath = QStringLiteral("/%1/oauth2/v2.0/token").arg(kContoso);
    checkEntraErrorShape(client.postForm(QStringLiteral("/%1/oauth2/v2.0/devicecode").arg(kContoso),
                             {{QStringLiteral("scope"), QStringLiteral("openid")}}),
        QStringLiteral("invalid_request"), 900144);
    checkEntraErrorShape(client.postForm(tokenPath,
                             {{QStringLiteral("grant_type"), QStringLiteral("password")},
                                 {QStringLiteral("client_id"), QLatin1String(kTestClientId)}}),
        QStringLiteral("unsupported_grant_type"), 70003);
    checkEntraErrorShape(client.postForm(tokenPath,
                             {{QStringLiteral("grant_type"), kDeviceGrant},
                                 {QStringLiteral("client_id"), QLatin1String(kTestClientId)}}),
        QStringLiteral("invalid_request"), 900144);
    // A JSON body is not a form.
    const SandboxAnswer json = client.send(QByteArrayLiteral("POST"), tokenPath, {},
        QByteArrayLiteral(R"({"grant_type":"refresh_token","client_id":"14d82eec-204b-4c2f-b7e8-296a70dab67e"})"));
    CHECK(json.status == 400);
    checkEntraErrorShape(json, QStringLiteral("invalid_request"), 900144);
    // A parameter twice, a client id that is no GUID, a secret from a public client.
    CHECK(loginError(client.postForm(
              tokenPath, {{QStringLiteral("grant_type"), kDeviceGrant}, {QStringLiteral("grant_type"), kDeviceGrant}}))
        == QLatin1String("invalid_request"));
    checkEntraErrorShape(client.deviceCode(kContoso, QStringLiteral("openid"), QStringLiteral("my-app")),
        QStringLiteral("unauthorized_client"), 700016);
    const SandboxAnswer secret = client.postForm(tokenPath,
        {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
            {QStringLiteral("client_id"), QLatin1String(kTestClientId)},
            {QStringLiteral("client_secret"), QStringLiteral("s")},
            {QStringLiteral("refresh_token"), QStringLiteral("x")}});
    CHECK(secret.status == 401);
    checkEntraErrorShape(secret, QStringLiteral("invalid_client"), 700025);
    // A scope of another resource.
    checkEntraErrorShape(client.deviceCode(kContoso, QStringLiteral("https://management.azure.com/user_impersonation")),
        QStringLiteral("invalid_scope"), 70011);
    CHECK(client.send(QByteArrayLiteral("GET"), tokenPath).status == 405);
}

TEST_CASE("A client id listed as confidential gets 401 invalid_client AADSTS7000218", "[sandbox][login]")
{
    const QString confidential = QStringLiteral("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0");
    SandboxOptions options;
    options.confidentialClientIds = {confidential};
    RunningSandbox sandbox(options);
    const QJsonObject issued = sandbox.client.deviceCode(kContoso, QStringLiteral("openid"), confidential).json();
    const SandboxAnswer poll
        = sandbox.client.pollToken(kContoso, issued.value(QLatin1String("device_code")).toString(), confidential);
    CHECK(poll.status == 401);
    checkEntraErrorShape(poll, QStringLiteral("invalid_client"), 7000218);
    // Any other GUID is a public client.
    CHECK(sandbox.client
              .signIn(kContoso, QStringLiteral("openid"), {}, QUuid::createUuid().toString(QUuid::WithoutBraces))
              .status
        == 200);
}

TEST_CASE_METHOD(
    RunningSandbox, "Every refresh rotates the refresh token; the old one stays valid as in Entra", "[sandbox][login]")
{
    const QJsonObject signedIn
        = client.signIn(kContoso, QStringLiteral("openid profile offline_access User.Read.All")).json();
    const QString first = signedIn.value(QLatin1String("refresh_token")).toString();
    REQUIRE(!first.isEmpty());
    const SandboxAnswer refreshed
        = client.refresh(kContoso, first, QStringLiteral("openid offline_access User.Read.All"));
    REQUIRE(refreshed.status == 200);
    const QString second = refreshed.json().value(QLatin1String("refresh_token")).toString();
    CHECK(!second.isEmpty());
    CHECK(second != first);
    CHECK(jwtClaims(refreshed.json().value(QLatin1String("access_token")).toString())
              .value(QLatin1String("upn"))
              .toString()
        == QLatin1String("admin@contoso.onmicrosoft.com"));
    CHECK(!refreshed.json().value(QLatin1String("id_token")).toString().isEmpty());
    CHECK(client.refresh(kContoso, first, QStringLiteral("User.Read.All")).status == 200);
    CHECK(client.refresh(kContoso, second, QStringLiteral("User.Read.All")).status == 200);
    // Only SHA-256 hashes are kept.
    CHECK_FALSE(QJsonDocument(server.login().toJson()).toJson().contains(first.toUtf8()));
    // Bound to the client and the tenant it was issued for.
    const SandboxAnswer otherClient = client.refresh(
        kContoso, second, QStringLiteral("User.Read.All"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    checkEntraErrorShape(otherClient, QStringLiteral("invalid_grant"), 70000);
    CHECK(otherClient.json().value(QLatin1String("suberror")).toString() == QLatin1String("client_mismatch"));
    CHECK(loginError(client.refresh(kFabrikam, second, QStringLiteral("User.Read.All")))
        == QLatin1String("invalid_grant"));
    checkEntraErrorShape(client.refresh(kContoso, QStringLiteral("1.forged"), QStringLiteral("User.Read.All")),
        QStringLiteral("invalid_grant"), 9002313);
}

TEST_CASE("With single-use refresh tokens a redeemed one is refused", "[sandbox][login]")
{
    SandboxOptions options;
    options.singleUseRefreshTokens = true;
    RunningSandbox sandbox(options);
    const QString first = sandbox.client.signIn(kContoso).json().value(QLatin1String("refresh_token")).toString();
    const SandboxAnswer refreshed = sandbox.client.refresh(kContoso, first, QStringLiteral("User.Read.All"));
    REQUIRE(refreshed.status == 200);
    checkEntraErrorShape(sandbox.client.refresh(kContoso, first, QStringLiteral("User.Read.All")),
        QStringLiteral("invalid_grant"), 70008);
    CHECK(sandbox.client
              .refresh(kContoso, refreshed.json().value(QLatin1String("refresh_token")).toString(),
                  QStringLiteral("User.Read.All"))
              .status
        == 200);
}

TEST_CASE_METHOD(RunningSandbox, "A scope never consented needs a new sign-in: consent_required", "[sandbox][login]")
{
    const QString refreshToken = client.signIn(kContoso, QStringLiteral("openid offline_access User.Read.All"))
                                     .json()
                                     .value(QLatin1String("refresh_token"))
                                     .toString();
    const SandboxAnswer more = client.refresh(kContoso, refreshToken, QStringLiteral("offline_access Group.Read.All"));
    CHECK(more.status == 400);
    checkEntraErrorShape(more, QStringLiteral("invalid_grant"), 65001);
    CHECK(more.json().value(QLatin1String("suberror")).toString() == QLatin1String("consent_required"));
    // The consented scope, in the prefixed form, is fine; .default grants everything (admin consent presumed).
    CHECK(client.refresh(kContoso, refreshToken, QStringLiteral("https://graph.microsoft.com/User.Read.All")).status
        == 200);
    const SandboxAnswer all
        = client.refresh(kContoso, refreshToken, QStringLiteral("https://graph.microsoft.com/.default"));
    REQUIRE(all.status == 200);
    CHECK(all.json().value(QLatin1String("scope")).toString().contains(QLatin1String("Group.Read.All")));
}

TEST_CASE_METHOD(
    RunningSandbox, "Revoking a user's sessions ends their refresh tokens with AADSTS50173", "[sandbox][login]")
{
    const QString viaRoute = client.signIn(kContoso).json().value(QLatin1String("refresh_token")).toString();
    const SandboxAnswer revoked = client.send(QByteArrayLiteral("POST"), QStringLiteral("/_sandbox/users/revoke"), {},
        QByteArrayLiteral(R"({"tenant":"contoso.onmicrosoft.com","user":"admin@contoso.onmicrosoft.com"})"));
    REQUIRE(revoked.status == 200);
    CHECK(revoked.json().value(QLatin1String("revokedRefreshTokens")).toInt() >= 1);
    checkEntraErrorShape(
        client.refresh(kContoso, viaRoute, QStringLiteral("User.Read.All")), QStringLiteral("invalid_grant"), 50173);

    // The same through Graph, for another user.
    const QJsonObject adele = client
                                  .signIn(kContoso, QStringLiteral("openid offline_access User.Read.All"),
                                      QStringLiteral("adele.vance@contoso.onmicrosoft.com"))
                                  .json();
    const SandboxAnswer graph = client.graph(kContoso, QByteArrayLiteral("POST"),
        QStringLiteral("/v1.0/users/adele.vance@contoso.onmicrosoft.com/revokeSignInSessions"));
    REQUIRE(graph.status == 200);
    CHECK(graph.json().value(QLatin1String("value")).toBool());
    CHECK(graph.json()
              .value(QLatin1String("@odata.context"))
              .toString()
              .endsWith(QLatin1String("$metadata#Edm.Boolean")));
    CHECK(loginError(client.refresh(
              kContoso, adele.value(QLatin1String("refresh_token")).toString(), QStringLiteral("User.Read.All")))
        == QLatin1String("invalid_grant"));
    // Access tokens already issued keep working until they expire, as in Entra.
    CHECK(client
              .send(QByteArrayLiteral("GET"), QStringLiteral("/v1.0/users?$top=1"),
                  {{QByteArrayLiteral("Authorization"),
                      "Bearer " + adele.value(QLatin1String("access_token")).toString().toLatin1()}})
              .status
        == 200);
    CHECK(client
              .send(QByteArrayLiteral("POST"), QStringLiteral("/_sandbox/users/revoke"), {},
                  QByteArrayLiteral(R"({"tenant":"contoso.onmicrosoft.com","user":"nobody@contoso.onmicrosoft.com"})"))
              .status
        == 404);
}

TEST_CASE("Auto-approve signs each new code in as the tenant's admin after the delay", "[sandbox][login]")
{
    SandboxOptions options;
    options.autoApproveAfterMs = 50;
    options.deviceCodeIntervalSeconds = 0;
    RunningSandbox sandbox(options);
    const QString deviceCode
        = sandbox.client
              .deviceCode(QStringLiteral("northwindgov.onmicrosoft.us"), QStringLiteral("openid User.Read.All"))
              .json()
              .value(QLatin1String("device_code"))
              .toString();
    SandboxAnswer poll;
    REQUIRE(SignalWaiter::waitUntil([&] {
        poll = sandbox.client.pollToken(QStringLiteral("northwindgov.onmicrosoft.us"), deviceCode);
        return poll.status != 400 || loginError(poll) != QLatin1String("authorization_pending");
    }));
    REQUIRE(poll.status == 200);
    const QJsonObject access = jwtClaims(poll.json().value(QLatin1String("access_token")).toString());
    CHECK(access.value(QLatin1String("upn")).toString() == QLatin1String("admin@northwindgov.onmicrosoft.us"));
    CHECK(access.value(QLatin1String("aud")).toString() == QLatin1String("https://graph.microsoft.us"));
}

TEST_CASE("The login state survives a round trip: tokens of the first server work on the second", "[sandbox][login]")
{
    RunningSandbox first;
    const QJsonObject signedIn = first.client.signIn(kContoso).json();
    RunningSandbox second;
    QString error;
    REQUIRE(second.server.login().fromJson(first.server.login().toJson(), &error));
    CHECK(second.client
              .send(QByteArrayLiteral("GET"), QStringLiteral("/v1.0/organization"),
                  {{QByteArrayLiteral("Authorization"),
                      "Bearer " + signedIn.value(QLatin1String("access_token")).toString().toLatin1()}})
              .status
        == 200);
    CHECK(second.client
              .refresh(
                  kContoso, signedIn.value(QLatin1String("refresh_token")).toString(), QStringLiteral("User.Read.All"))
              .status
        == 200);
    CHECK_FALSE(second.server.login().fromJson(QJsonObject {{QStringLiteral("version"), 99}}, &error));
    CHECK(error.contains(QLatin1String("version")));
}

TEST_CASE("The login options parse from the command line", "[sandbox][login]")
{
    QString error;
    const auto options = SandboxOptions::fromArguments(
        {QStringLiteral("--test-routes"), QStringLiteral("--auto-approve"), QStringLiteral("--token-lifetime"),
            QStringLiteral("60"), QStringLiteral("--device-code-lifetime=30"), QStringLiteral("--device-code-interval"),
            QStringLiteral("0"), QStringLiteral("--slow-down"), QStringLiteral("off"),
            QStringLiteral("--single-use-refresh-tokens"), QStringLiteral("--confidential-client"),
            QStringLiteral("0F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0")},
        &error);
    INFO(error.toStdString());
    REQUIRE(options.has_value());
    CHECK(options->testRoutes);
    CHECK(options->autoApproveAfterMs == 3000);
    CHECK(options->accessTokenLifetimeSeconds == 60);
    CHECK(options->deviceCodeLifetimeSeconds == 30);
    CHECK(options->deviceCodeIntervalSeconds == 0);
    CHECK_FALSE(options->slowDown);
    CHECK(options->singleUseRefreshTokens);
    CHECK(options->confidentialClientIds == QStringList {QStringLiteral("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0")});
    CHECK(SandboxOptions::fromArguments({QStringLiteral("--auto-approve=7")}, &error)->autoApproveAfterMs == 7000);
    const SandboxOptions defaults;
    CHECK(defaults.autoApproveAfterMs < 0);
    CHECK_FALSE(defaults.testRoutes);
    CHECK_FALSE(SandboxOptions::fromArguments({QStringLiteral("--slow-down"), QStringLiteral("maybe")}, &error));
    CHECK(error.contains(QLatin1String("--slow-down")));
    CHECK_FALSE(SandboxOptions::fromArguments({QStringLiteral("--auto-approve=soon")}, &error));
    CHECK_FALSE(SandboxOptions::fromArguments({QStringLiteral("--token-lifetime"), QStringLiteral("0")}, &error));
}
