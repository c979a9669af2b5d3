// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/AuthSettings.h"
#include "core/auth/Authority.h"

#include <catch2/catch.hpp>

using tb::auth::Authority;
using tb::auth::AuthSettings;

TEST_CASE("AuthSettings accepts the defaults and loopback http", "[auth]")
{
    AuthSettings settings;
    CHECK(settings.clientId == QStringLiteral("14d82eec-204b-4c2f-b7e8-296a70dab67e"));
    CHECK(settings.profile == QStringLiteral("default"));
    CHECK_FALSE(settings.problem().has_value());
    for (const char* host : {"http://127.0.0.1:8080", "http://127.1.2.3", "http://[::1]:9000", "http://localhost:1",
             "https://login.microsoftonline.us", "https://sandbox.example.com:8443"}) {
        settings.loginHost = QUrl(QString::fromLatin1(host));
        settings.graphHost = QUrl(QString::fromLatin1(host));
        INFO(host);
        CHECK_FALSE(settings.problem().has_value());
    }
}

TEST_CASE("AuthSettings refuses plain http to other hosts and a client id that is no GUID", "[auth]")
{
    AuthSettings settings;
    settings.loginHost = QUrl(QStringLiteral("http://login.example.com"));
    REQUIRE(settings.problem().has_value());
    CHECK(settings.problem()->contains(QStringLiteral("login host")));
    settings.loginHost = QUrl(QStringLiteral("http://127.0.0.1.example.com"));
    CHECK(settings.problem().has_value());
    settings.loginHost = {};
    settings.graphHost = QUrl(QStringLiteral("ftp://graph.example.com"));
    REQUIRE(settings.problem().has_value());
    CHECK(settings.problem()->contains(QStringLiteral("Graph host")));
    settings.graphHost = {};
    settings.clientId = QStringLiteral("my-app");
    REQUIRE(settings.problem().has_value());
    CHECK(settings.problem()->contains(QStringLiteral("client id")));
    settings.clientId = QStringLiteral("{14d82eec-204b-4c2f-b7e8-296a70dab67e}");
    CHECK(settings.problem().has_value());
}

TEST_CASE("Authority accepts tenant GUIDs and domain names only", "[auth]")
{
    CHECK_FALSE(Authority::tenantProblem(QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47")).has_value());
    CHECK_FALSE(Authority::tenantProblem(QStringLiteral("contoso.onmicrosoft.com")).has_value());
    CHECK_FALSE(Authority::tenantProblem(QStringLiteral(" Contoso.COM ")).has_value());
    CHECK_FALSE(Authority::tenantProblem(QStringLiteral("north-wind.onmicrosoft.us")).has_value());
    for (const char* bad : {"", "contoso", "contoso..com", "-contoso.com", "contoso.com/../common", "a b.com",
             "contoso.com?x=1", "72f988bf-86f1-41af-91ab", "común.com"}) {
        INFO(bad);
        const auto problem = Authority::tenantProblem(QString::fromUtf8(bad));
        REQUIRE(problem.has_value());
        CHECK_FALSE(problem->isEmpty());
    }
    CHECK(Authority::discoveryUrl(QUrl(QStringLiteral("http://127.0.0.1:4000")), QStringLiteral("contoso.com"))
        == QUrl(QStringLiteral("http://127.0.0.1:4000/contoso.com/v2.0/.well-known/openid-configuration")));
}
