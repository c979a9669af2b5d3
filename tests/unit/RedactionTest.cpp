// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Redaction.h"

#include <catch2/catch.hpp>

using tb::Redaction;

TEST_CASE("Redaction masks bearer tokens in header lines", "[redaction]")
{
    const QString out = Redaction::redact(QStringLiteral("Authorization: Bearer abc123.def-456_ghi"));
    CHECK(out == QStringLiteral("Authorization: Bearer [redacted]"));
    CHECK(Redaction::redact(QStringLiteral("authorization: bearer XYZ, next"))
        == QStringLiteral("authorization: bearer [redacted], next"));
}

TEST_CASE("Redaction masks JWT-shaped strings anywhere", "[redaction]")
{
    const QString jwt = QStringLiteral("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl");
    const QString out = Redaction::redact(QStringLiteral("token was ") + jwt + QStringLiteral(" ok"));
    CHECK_FALSE(out.contains(QStringLiteral("eyJzdWIiOiIxMjM0In0")));
    CHECK(out.endsWith(QStringLiteral(" ok")));
}

TEST_CASE("Redaction masks secret values in JSON, query strings and forms", "[redaction]")
{
    CHECK(Redaction::redact(QStringLiteral(R"({"access_token":"s3cr3t","expires_in":3599})"))
        == QStringLiteral(R"({"access_token":"[redacted]","expires_in":3599})"));
    CHECK(Redaction::redact(QStringLiteral("grant_type=refresh_token&refresh_token=0.AAA-bbb&client_id=x"))
        == QStringLiteral("grant_type=refresh_token&refresh_token=[redacted]&client_id=x"));
    CHECK(Redaction::redact(QStringLiteral("device_code=GMMhmHCXhWEzkobqIHGG_EnNYYsAkukHspeYUk9E8&x=1"))
        == QStringLiteral("device_code=[redacted]&x=1"));
    CHECK(Redaction::redact(QStringLiteral(R"({"staticToken": "tok-1", "id": "t"})"))
        == QStringLiteral(R"({"staticToken": "[redacted]", "id": "t"})"));
    CHECK(Redaction::redact(QStringLiteral("client_secret: abc; password=hunter2"))
        == QStringLiteral("client_secret: [redacted]; password=[redacted]"));
}

TEST_CASE("Redaction leaves ordinary text alone", "[redaction]")
{
    const QString line = QStringLiteral("GET /v1.0/users/{id} ?$select,$filter -> 200 request-id 93b6f17e-1 12 ms");
    CHECK(Redaction::redact(line) == line);
    CHECK(Redaction::redact(QString()).isEmpty());
    // A word that merely contains a key name is not a key.
    CHECK(Redaction::redact(QStringLiteral("password reset requested")) == QStringLiteral("password reset requested"));
}

TEST_CASE("Redaction masks every occurrence, not just the first", "[redaction]")
{
    const QString out = Redaction::redact(QStringLiteral("Bearer aaa then Bearer bbb"));
    CHECK_FALSE(out.contains(QStringLiteral("aaa")));
    CHECK_FALSE(out.contains(QStringLiteral("bbb")));
}

TEST_CASE("Redaction masks Authorization values of any scheme", "[redaction]")
{
    // Found while testing: only "Bearer" values were masked, so Basic credentials reached the log.
    CHECK(Redaction::redact(QStringLiteral("Authorization: Basic dXNlcjpwYXNz"))
        == QStringLiteral("Authorization: Basic [redacted]"));
    CHECK(Redaction::redact(QStringLiteral("Proxy-Authorization: Negotiate YIIGhgYGKwYB"))
        == QStringLiteral("Proxy-Authorization: Negotiate [redacted]"));
    CHECK(Redaction::redact(QStringLiteral(R"({"Authorization":"PoP abc"})"))
        == QStringLiteral(R"({"Authorization":"PoP [redacted]"})"));
    // Graph and AADSTS codes that start with the word stay readable.
    CHECK(Redaction::redact(QStringLiteral(R"({"code":"Authorization_RequestDenied"})"))
        == QStringLiteral(R"({"code":"Authorization_RequestDenied"})"));
    CHECK(Redaction::redact(QStringLiteral("error=authorization_pending"))
        == QStringLiteral("error=authorization_pending"));
}

TEST_CASE("Redaction masks camelCase token keys and synchronization secret pairs", "[redaction]")
{
    CHECK(Redaction::redact(QStringLiteral(R"({"accessToken":"abc.def","refreshToken":"r1"})"))
        == QStringLiteral(R"({"accessToken":"[redacted]","refreshToken":"[redacted]"})"));
    const QString secrets = QStringLiteral(
        R"({"value":[{"key":"SecretToken","value":"p@ss word"},{"key":"CompanyId","value":"contoso"}]})");
    const QString masked = Redaction::redact(secrets);
    CHECK_FALSE(masked.contains(QStringLiteral("p@ss word")));
    CHECK(masked.contains(QStringLiteral(R"({"key":"SecretToken","value":"[redacted]"})")));
    CHECK(masked.contains(QStringLiteral(R"({"key":"CompanyId","value":"contoso"})")));
}

TEST_CASE("Redaction of a line neutralises control and direction characters", "[redaction]")
{
    const QString hostile = QStringLiteral("Not found\x1b[2J\r\nfake line\u202Eevil\u2028");
    const QString line = Redaction::redactLine(hostile);
    CHECK_FALSE(line.contains(QChar(0x1b)));
    CHECK_FALSE(line.contains(QLatin1Char('\n')));
    CHECK_FALSE(line.contains(QChar(0x202e)));
    CHECK_FALSE(line.contains(QChar(0x2028)));
    CHECK(line.startsWith(QStringLiteral("Not found")));
    CHECK(Redaction::redactLine(QStringLiteral("Bearer abc")) == QStringLiteral("Bearer [redacted]"));
}
