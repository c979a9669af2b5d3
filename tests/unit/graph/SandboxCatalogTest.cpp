// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/SandboxCatalog.h"

#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QNetworkAccessManager>
#include <QSignalSpy>

using tb::graph::GraphError;
using tb::graph::SandboxCatalog;
using tb::graph::SandboxTenant;

TEST_CASE("SandboxCatalog parses tenants with their roles", "[graph][sandbox-catalog]")
{
    const QByteArray body = R"({"tenants":[
        {"id":"11111111-1111-1111-1111-111111111111","displayName":"Contoso","initialDomain":"contoso.onmicrosoft.com",
         "cloud":"Global","role":"source","users":210,"groups":12},
        {"id":"22222222-2222-2222-2222-222222222222","displayName":"Northwind Gov","cloud":"USGovernment"},
        {"displayName":"no id, skipped"}, 7]})";
    GraphError error;
    const QList<SandboxTenant> tenants = SandboxCatalog::parse(body, &error);
    CHECK_FALSE(error.isError());
    REQUIRE(tenants.size() == 2);
    CHECK(tenants.at(0).tenant.displayName == QStringLiteral("Contoso"));
    CHECK(tenants.at(0).role == QStringLiteral("source"));
    CHECK(tenants.at(1).role.isEmpty());
    CHECK(tenants.at(0).users == 210);
    CHECK(tenants.at(1).tenant.cloud.kind() == tb::model::CloudInstance::Kind::USGovernment);
    CHECK(tenants.at(0).graphBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:5000/"))).toString()
        == QStringLiteral("http://127.0.0.1:5000/11111111-1111-1111-1111-111111111111"));
}

TEST_CASE("SandboxCatalog reports a broken catalog as MalformedResponse", "[graph][sandbox-catalog]")
{
    for (const QByteArray& body :
        {QByteArray(), QByteArray("{\"tenants\":[{"), QByteArray("[]"), QByteArray("{\"tenants\":5}")}) {
        GraphError error;
        CHECK(SandboxCatalog::parse(body, &error).isEmpty());
        CHECK(error.kind() == GraphError::Kind::MalformedResponse);
    }
}

TEST_CASE("SandboxCatalog refuses to ask a host that is not this machine", "[graph][sandbox-catalog]")
{
    QNetworkAccessManager network;
    QSignalSpy sent(&network, &QNetworkAccessManager::finished);
    auto* catalog = new SandboxCatalog(network, QUrl(QStringLiteral("http://sandbox.example.com:8080")));
    QSignalSpy finished(catalog, &SandboxCatalog::finished);
    catalog->start();
    REQUIRE(tb::test::SignalWaiter::waitForCount(finished));
    CHECK(finished.first().at(1).value<GraphError>().kind() == GraphError::Kind::InsecureUrl);
    CHECK(sent.isEmpty());
}

TEST_CASE("SandboxCatalog refuses a loopback URL that is not http or https", "[graph][sandbox-catalog]")
{
    QNetworkAccessManager network;
    QSignalSpy sent(&network, &QNetworkAccessManager::finished);
    auto* catalog = new SandboxCatalog(network, QUrl(QStringLiteral("file://localhost/etc/passwd")));
    QSignalSpy finished(catalog, &SandboxCatalog::finished);
    catalog->start();
    REQUIRE(tb::test::SignalWaiter::waitForCount(finished));
    CHECK(finished.first().at(1).value<GraphError>().kind() == GraphError::Kind::InsecureUrl);
    CHECK(sent.isEmpty());
}
