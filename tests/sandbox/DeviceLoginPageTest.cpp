// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The device-login page driven with plain HTTP, as a browser would: enter the code, pick a user, approve.
#include "core/sandbox/login/DeviceLoginPage.h"
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/World.h"
#include "tests/sandbox/LoginTestSupport.h"
#include "tests/sandbox/RunningSandbox.h"
#include "tests/sandbox/SandboxTestData.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QRegularExpression>

using namespace tb::test;

namespace {

const QString kEvilName = QStringLiteral("<script>alert(\"x\")</script> Evil & Co");

QString nonceIn(const QByteArray& html)
{
    static const QRegularExpression pattern(QStringLiteral("name=\"nonce\" value=\"([^\"]+)\""));
    return pattern.match(QString::fromUtf8(html)).captured(1);
}

} // namespace

TEST_CASE_METHOD(RunningSandbox, "A person approves a code on the device-login page", "[sandbox][login]")
{
    const QString adeleUpn = QStringLiteral("adele.vance@contoso.onmicrosoft.com");
    const tbsandbox::TenantState* contoso = server.world().tenantByIdOrDomain(kContoso);
    const QString adeleId
        = contoso->users().at(static_cast<size_t>(contoso->findUser(adeleUpn))).id.toString(QUuid::WithoutBraces);
    REQUIRE(client
                .graph(kContoso, QByteArrayLiteral("PATCH"), QStringLiteral("/v1.0/users/") + adeleUpn, {},
                    QJsonDocument(QJsonObject {{QStringLiteral("displayName"), kEvilName}}).toJson())
                .status
        == 204);

    const QJsonObject issued = client.deviceCode(kContoso, QStringLiteral("openid profile User.Read.All")).json();
    const QString userCode = issued.value(QLatin1String("user_code")).toString();

    const SandboxAnswer form = client.send(QByteArrayLiteral("GET"), QStringLiteral("/devicelogin"));
    CHECK(form.status == 200);
    CHECK(form.header("Content-Type").startsWith("text/html"));
    CHECK(form.header("X-Frame-Options") == "DENY");
    CHECK(form.body.contains("name=\"code\""));

    const QString typed = userCode.left(4).toLower() + QStringLiteral(" - ") + userCode.mid(4);
    const SandboxAnswer picker = client.postForm(QStringLiteral("/devicelogin"), {{QStringLiteral("code"), typed}});
    REQUIRE(picker.status == 200);
    CHECK(picker.body.contains("Sign in to Contoso"));
    CHECK(picker.body.contains(kTestClientId));
    CHECK(picker.body.contains("User.Read.All"));
    CHECK(picker.body.contains(client.tenantIdFor(kContoso).toLatin1()));
    CHECK(picker.body.contains("(50 of 241 users shown)"));
    CHECK(picker.body.contains("admin@contoso.onmicrosoft.com"));
    // The directory's value is shown, escaped: never as markup.
    CHECK(picker.body.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Evil &amp; Co"));
    CHECK_FALSE(picker.body.contains("<script>"));
    const QString nonce = nonceIn(picker.body);
    REQUIRE(!nonce.isEmpty());

    const SandboxAnswer search = client.postForm(QStringLiteral("/devicelogin"),
        {{QStringLiteral("code"), userCode}, {QStringLiteral("search"), QStringLiteral("evil")},
            {QStringLiteral("action"), QStringLiteral("search")}});
    CHECK(search.body.contains("(1 of 1 users shown)"));
    CHECK(search.body.contains(adeleId.toLatin1()));

    // A forged or stale nonce is refused and decides nothing.
    const SandboxAnswer forged = client.postForm(QStringLiteral("/devicelogin"),
        {{QStringLiteral("code"), userCode}, {QStringLiteral("nonce"), QStringLiteral("guessed")},
            {QStringLiteral("user"), adeleId}, {QStringLiteral("action"), QStringLiteral("approve")}});
    CHECK(forged.status == 403);
    CHECK(loginError(client.pollToken(kContoso, issued.value(QLatin1String("device_code")).toString()))
        == QLatin1String("authorization_pending"));

    const SandboxAnswer approved = client.postForm(QStringLiteral("/devicelogin"),
        {{QStringLiteral("code"), userCode}, {QStringLiteral("nonce"), nonce}, {QStringLiteral("user"), adeleId},
            {QStringLiteral("action"), QStringLiteral("approve")}});
    REQUIRE(approved.status == 200);
    CHECK(approved.body.contains("Signed in"));
    CHECK(approved.body.contains("&lt;script&gt;"));
    CHECK_FALSE(approved.body.contains("<script>"));
    const SandboxAnswer tokens = client.pollToken(kContoso, issued.value(QLatin1String("device_code")).toString());
    REQUIRE(tokens.status == 200);
    CHECK(
        jwtClaims(tokens.json().value(QLatin1String("access_token")).toString()).value(QLatin1String("upn")).toString()
        == adeleUpn);

    // The same form again is stale: the code is used.
    const SandboxAnswer again = client.postForm(QStringLiteral("/devicelogin"),
        {{QStringLiteral("code"), userCode}, {QStringLiteral("nonce"), nonce}, {QStringLiteral("user"), adeleId},
            {QStringLiteral("action"), QStringLiteral("approve")}});
    CHECK(again.status >= 400);
}

TEST_CASE_METHOD(RunningSandbox, "Declining on the page ends the sign-in", "[sandbox][login]")
{
    const QJsonObject issued = client.deviceCode(kFabrikam, QStringLiteral("openid")).json();
    const QString userCode = issued.value(QLatin1String("user_code")).toString();
    const QString nonce
        = nonceIn(client.postForm(QStringLiteral("/devicelogin"), {{QStringLiteral("code"), userCode}}).body);
    const SandboxAnswer declined = client.postForm(QStringLiteral("/devicelogin"),
        {{QStringLiteral("code"), userCode}, {QStringLiteral("nonce"), nonce},
            {QStringLiteral("action"), QStringLiteral("decline")}});
    CHECK(declined.status == 200);
    CHECK(declined.body.contains("declined"));
    CHECK(loginError(client.pollToken(kFabrikam, issued.value(QLatin1String("device_code")).toString()))
        == QLatin1String("authorization_declined"));
}

TEST_CASE_METHOD(RunningSandbox, "Unknown codes get a clear page, and too many of them a 429", "[sandbox][login]")
{
    const SandboxAnswer unknown
        = client.postForm(QStringLiteral("/devicelogin"), {{QStringLiteral("code"), QStringLiteral("BCDFGHJK")}});
    CHECK(unknown.status == 400);
    CHECK(unknown.body.contains("not valid or has expired"));
    CHECK(unknown.body.contains("name=\"code\""));
    // What is typed is never echoed back.
    const SandboxAnswer markup
        = client.postForm(QStringLiteral("/devicelogin"), {{QStringLiteral("code"), QStringLiteral("<b>x</b>")}});
    CHECK_FALSE(markup.body.contains("<b>x</b>"));
    int attempts = 2;
    SandboxAnswer last;
    while (attempts < 20) {
        last = client.postForm(QStringLiteral("/devicelogin"), {{QStringLiteral("code"), QStringLiteral("ZZZZZZZZ")}});
        ++attempts;
        if (last.status == 429) {
            break;
        }
    }
    CHECK(last.status == 429);
    CHECK(attempts == tbsandbox::DeviceLoginPage::kWrongCodesPerMinute + 1);
    CHECK(!last.header("Retry-After").isEmpty());
    // Even a right code waits now.
    const QString userCode
        = client.deviceCode(kContoso, QStringLiteral("openid")).json().value(QLatin1String("user_code")).toString();
    CHECK(client.postForm(QStringLiteral("/devicelogin"), {{QStringLiteral("code"), userCode}}).status == 429);
}
