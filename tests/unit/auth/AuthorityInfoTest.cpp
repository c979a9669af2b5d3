// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/AuthorityInfo.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>

using tb::auth::AuthorityInfo;
using tb::model::CloudInstance;

namespace {

const QString kTid = QStringLiteral("22222222-2222-2222-2222-222222222222");

QJsonObject document(const QString& base, const QString& cloudName, const QString& subScope = {},
    const QString& msgraphHost = QStringLiteral("graph.microsoft.com"))
{
    QJsonObject json {{QStringLiteral("issuer"), base + QLatin1Char('/') + kTid + QStringLiteral("/v2.0")},
        {QStringLiteral("token_endpoint"), base + QLatin1Char('/') + kTid + QStringLiteral("/oauth2/v2.0/token")},
        {QStringLiteral("device_authorization_endpoint"),
            base + QLatin1Char('/') + kTid + QStringLiteral("/oauth2/v2.0/devicecode")},
        {QStringLiteral("tenant_region_scope"), QStringLiteral("NA")},
        {QStringLiteral("cloud_instance_name"), cloudName},
        {QStringLiteral("cloud_graph_host_name"), QStringLiteral("graph.windows.net")},
        {QStringLiteral("msgraph_host"), msgraphHost}};
    if (!subScope.isEmpty()) {
        json.insert(QStringLiteral("tenant_region_sub_scope"), subScope);
    }
    return json;
}

} // namespace

TEST_CASE("AuthorityInfo reads a commercial discovery document", "[auth]")
{
    const QUrl host(QStringLiteral("https://login.microsoftonline.com"));
    QString problem;
    const auto info = AuthorityInfo::fromDiscovery(document(host.toString(), QStringLiteral("microsoftonline.com")),
        QStringLiteral("contoso.com"), host, true, false, {}, &problem);
    INFO(problem.toStdString());
    REQUIRE(info.has_value());
    CHECK(info->tenantId == kTid);
    CHECK(info->requestedTenant == QStringLiteral("contoso.com"));
    CHECK(info->cloud == CloudInstance(CloudInstance::Kind::Global));
    CHECK(info->graphHost == QUrl(QStringLiteral("https://graph.microsoft.com")));
    CHECK(info->tokenEndpoint.path() == QStringLiteral("/%1/oauth2/v2.0/token").arg(kTid));
    CHECK(info->regionScope == QStringLiteral("NA"));
    CHECK(info->loginHost == host);
    CHECK(info->isValid());
}

TEST_CASE("AuthorityInfo detects the US Government clouds and takes the cloud's Graph host", "[auth]")
{
    const QUrl host(QStringLiteral("https://login.microsoftonline.us"));
    const auto high = AuthorityInfo::fromDiscovery(document(host.toString(), QStringLiteral("microsoftonline.us"),
                                                       QStringLiteral("DODCON"), QStringLiteral("graph.microsoft.us")),
        kTid, host, true, false, {}, nullptr);
    REQUIRE(high.has_value());
    CHECK(high->cloud == CloudInstance(CloudInstance::Kind::USGovernment));
    CHECK(high->graphHost == QUrl(QStringLiteral("https://graph.microsoft.us")));
    const auto dod = AuthorityInfo::fromDiscovery(
        document(host.toString(), QStringLiteral("microsoftonline.us"), QStringLiteral("DOD")), kTid, host, true, false,
        {}, nullptr);
    REQUIRE(dod.has_value());
    CHECK(dod->cloud == CloudInstance(CloudInstance::Kind::USGovernmentDoD));
    CHECK(dod->graphHost == QUrl(QStringLiteral("https://dod-graph.microsoft.us")));
    CHECK(dod->regionSubScope == QStringLiteral("DOD"));
}

TEST_CASE("AuthorityInfo takes the sandbox's own Graph host and an override first", "[auth]")
{
    const QUrl host(QStringLiteral("http://127.0.0.1:4567"));
    const QJsonObject sandbox
        = document(host.toString(), QStringLiteral("microsoftonline.com"), {}, QStringLiteral("127.0.0.1:4567"));
    const auto info = AuthorityInfo::fromDiscovery(sandbox, kTid, host, true, true, {}, nullptr);
    REQUIRE(info.has_value());
    CHECK(info->graphHost == QUrl(QStringLiteral("http://127.0.0.1:4567")));
    const QUrl override(QStringLiteral("https://graph.example.com"));
    CHECK(AuthorityInfo::fromDiscovery(sandbox, kTid, host, true, true, override, nullptr)->graphHost == override);
    // An unknown cloud without an override falls back to msgraph_host over https.
    const auto odd = AuthorityInfo::fromDiscovery(document(QStringLiteral("https://login.example.com"),
                                                      QStringLiteral("mars"), {}, QStringLiteral("graph.example.com")),
        kTid, QUrl(QStringLiteral("https://login.example.com")), true, false, {}, nullptr);
    REQUIRE(odd.has_value());
    CHECK_FALSE(odd->cloud.has_value());
    CHECK(odd->graphHost == QUrl(QStringLiteral("https://graph.example.com")));
}

TEST_CASE("AuthorityInfo refuses endpoints in clear, elsewhere, or missing", "[auth]")
{
    const QUrl host(QStringLiteral("https://login.microsoftonline.com"));
    QString problem;
    QJsonObject clear = document(host.toString(), QStringLiteral("microsoftonline.com"));
    clear.insert(QStringLiteral("token_endpoint"), QStringLiteral("http://evil.example.com/token"));
    CHECK_FALSE(AuthorityInfo::fromDiscovery(clear, kTid, host, false, false, {}, &problem).has_value());
    CHECK(problem.contains(QStringLiteral("https")));

    QJsonObject elsewhere = document(host.toString(), QStringLiteral("microsoftonline.com"));
    elsewhere.insert(QStringLiteral("device_authorization_endpoint"), QStringLiteral("https://evil.example.com/dc"));
    CHECK_FALSE(AuthorityInfo::fromDiscovery(elsewhere, kTid, host, true, false, {}, &problem).has_value());
    CHECK(problem.contains(QStringLiteral("evil.example.com")));
    // The commercial probe of a tenant of another cloud may point elsewhere.
    CHECK(AuthorityInfo::fromDiscovery(elsewhere, kTid, host, false, false, {}, nullptr).has_value());

    QJsonObject partial = document(host.toString(), QStringLiteral("microsoftonline.com"));
    partial.remove(QStringLiteral("device_authorization_endpoint"));
    CHECK_FALSE(AuthorityInfo::fromDiscovery(partial, kTid, host, true, false, {}, &problem).has_value());
    CHECK(problem.contains(QStringLiteral("device authorization")));

    QJsonObject noTenant = document(host.toString(), QStringLiteral("microsoftonline.com"));
    noTenant.insert(QStringLiteral("issuer"), QStringLiteral("https://login.microsoftonline.com/common/v2.0"));
    noTenant.insert(QStringLiteral("token_endpoint"), QStringLiteral("https://login.microsoftonline.com/common/t"));
    CHECK_FALSE(AuthorityInfo::fromDiscovery(noTenant, kTid, host, true, false, {}, &problem).has_value());
}

TEST_CASE("AuthorityInfo survives a JSON round trip and refuses a tampered one", "[auth]")
{
    const QUrl host(QStringLiteral("https://login.microsoftonline.us"));
    const auto info = AuthorityInfo::fromDiscovery(
        document(host.toString(), QStringLiteral("microsoftonline.us"), QStringLiteral("DOD")),
        QStringLiteral("Contoso.US"), host, true, false, {}, nullptr);
    REQUIRE(info.has_value());
    const auto back = AuthorityInfo::fromJson(QJsonDocument::fromJson(QJsonDocument(info->toJson()).toJson()).object());
    REQUIRE(back.has_value());
    CHECK(back->toJson() == info->toJson());
    CHECK(back->cloud == info->cloud);
    QJsonObject tampered = info->toJson();
    tampered.insert(QStringLiteral("tokenEndpoint"), QStringLiteral("http://evil.example.com/token"));
    CHECK_FALSE(AuthorityInfo::fromJson(tampered).has_value());
}
