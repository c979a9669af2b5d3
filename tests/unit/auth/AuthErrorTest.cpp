// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/AuthError.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>

using tb::auth::AuthError;
using Kind = tb::auth::AuthError::Kind;

namespace {

QJsonObject entraError(const QString& error, int code, const QString& suberror = {})
{
    QJsonObject body {{QStringLiteral("error"), error},
        {QStringLiteral("error_description"),
            QStringLiteral("AADSTS%1: Something happened.\r\nTrace ID: 0000\r\nCorrelation ID: 1111\r\nTimestamp: "
                           "2026-01-01 00:00:00Z")
                .arg(code)},
        {QStringLiteral("error_codes"), QJsonArray {code}}, {QStringLiteral("trace_id"), QStringLiteral("0000")}};
    if (!suberror.isEmpty()) {
        body.insert(QStringLiteral("suberror"), suberror);
    }
    return body;
}

} // namespace

TEST_CASE("AuthError classifies token endpoint answers as MSAL does", "[auth]")
{
    struct Row
    {
        int status;
        const char* error;
        int code;
        const char* suberror;
        Kind expected;
    };
    const Row rows[] = {
        {400, "invalid_grant", 70008, "", Kind::SignInRequired},
        {400, "invalid_grant", 50173, "", Kind::SignInRequired},
        {400, "invalid_grant", 65001, "consent_required", Kind::SignInRequired},
        {400, "interaction_required", 50076, "", Kind::SignInRequired},
        {400, "consent_required", 65001, "", Kind::SignInRequired},
        {401, "invalid_client", 7000218, "", Kind::Configuration},
        {400, "unauthorized_client", 700016, "", Kind::Configuration},
        {400, "invalid_request", 700016, "", Kind::Configuration},
        {400, "invalid_grant", 53003, "", Kind::Configuration},
        {400, "invalid_scope", 70011, "", Kind::Configuration},
        {503, "temporarily_unavailable", 50000, "", Kind::TryLater},
        {500, "server_error", 50000, "", Kind::TryLater},
        {429, "invalid_grant", 50196, "", Kind::TryLater},
        {400, "authorization_declined", 70020, "", Kind::Declined},
        {400, "access_denied", 70020, "", Kind::Declined},
        {400, "expired_token", 70019, "", Kind::Expired},
        {400, "bad_verification_code", 70018, "", Kind::Expired},
        {400, "invalid_tenant", 90002, "", Kind::TenantNotFound},
        {400, "something_new", 1, "", Kind::Configuration},
    };
    for (const Row& row : rows) {
        const AuthError error = AuthError::fromTokenEndpoint(
            row.status, entraError(QString::fromLatin1(row.error), row.code, QString::fromLatin1(row.suberror)));
        INFO(row.error << " " << row.code);
        CHECK(error.kind == row.expected);
        CHECK(error.code == QString::fromLatin1(row.error));
        CHECK(error.aadsts == row.code);
        CHECK(error.httpStatus == row.status);
        CHECK_FALSE(error.userMessage.isEmpty());
        CHECK(error.isError());
    }
}

TEST_CASE("AuthError reads status codes without an OAuth body", "[auth]")
{
    CHECK(AuthError::fromTokenEndpoint(503, {}).kind == Kind::TryLater);
    CHECK(AuthError::fromTokenEndpoint(429, {}).kind == Kind::TryLater);
    CHECK(AuthError::fromTokenEndpoint(404, {}).kind == Kind::Configuration);
    CHECK_FALSE(AuthError::fromTokenEndpoint(200, {}).isError());
    // An error with HTTP 200 is still an error (Entra's /devicecode can do this).
    CHECK(AuthError::fromTokenEndpoint(200, entraError(QStringLiteral("invalid_client"), 700016)).kind
        == Kind::Configuration);
    CHECK(AuthError::fromNetwork(QStringLiteral("connection refused")).kind == Kind::TryLater);
    CHECK(AuthError::cancelled().kind == Kind::Cancelled);
}

TEST_CASE("AuthError keeps the first line of the description, the code from its prefix, and no token", "[auth]")
{
    const QJsonObject body {{QStringLiteral("error"), QStringLiteral("invalid_grant")},
        {QStringLiteral("error_description"),
            QStringLiteral("AADSTS700082: The refresh token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl expired."
                           "\r\nTrace ID: abc")}};
    const AuthError error = AuthError::fromTokenEndpoint(400, body);
    CHECK(error.aadsts == 700082);
    CHECK(error.kind == Kind::SignInRequired);
    CHECK_FALSE(error.description.contains(QStringLiteral("Trace ID")));
    CHECK_FALSE(error.description.contains(QStringLiteral("eyJhbGciOiJIUzI1NiJ9")));
    CHECK(error.userMessage.contains(QStringLiteral("Sign in again")));
    CHECK(AuthError::aadstsFromDescription(QStringLiteral("AADSTS90002: Tenant not found")) == 90002);
    CHECK(AuthError::aadstsFromDescription(QStringLiteral("no code here")) == 0);
}

TEST_CASE("AuthError names its kinds for logs and token results", "[auth]")
{
    CHECK(AuthError::kindName(Kind::SignInRequired) == QStringLiteral("sign_in_required"));
    CHECK(AuthError::kindName(Kind::TryLater) == QStringLiteral("try_later"));
    CHECK(AuthError::kindName(Kind::Configuration) == QStringLiteral("configuration"));
    const AuthError error = AuthError::fromTokenEndpoint(400, entraError(QStringLiteral("invalid_grant"), 50173));
    CHECK(error.toLogString().contains(QStringLiteral("AADSTS50173")));
    CHECK(error.toLogString().contains(QStringLiteral("invalid_grant")));
}

// Found by GraphJsonFuzz: the service's "error" and "suberror" went into the log line as sent, so an answer could
// start a new, forged log line or move a terminal's cursor.
TEST_CASE("AuthError's log line stays one line whatever error code the service sends", "[auth]")
{
    QJsonObject body = entraError(QStringLiteral("invalid_grant\nFAKE: signed in as admin\x1b[2K"), 50173,
        QStringLiteral("consent_required\r\n\u202eevil"));
    const AuthError error = AuthError::fromTokenEndpoint(400, body);
    const QString line = error.toLogString();
    CHECK(line.contains(QStringLiteral("invalid_grant")));
    CHECK_FALSE(line.contains(QLatin1Char('\n')));
    CHECK_FALSE(line.contains(QLatin1Char('\r')));
    CHECK_FALSE(line.contains(QChar(0x1b)));
    CHECK_FALSE(line.contains(QChar(0x202e)));
}
