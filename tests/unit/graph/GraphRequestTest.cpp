// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/GraphRequest.h"

#include <catch2/catch.hpp>

#include <QUrlQuery>

using tb::graph::GraphRequest;

TEST_CASE("GraphRequest builds the URL below a Graph host and below a sandbox tenant", "[graph][request]")
{
    const GraphRequest request
        = GraphRequest::get(QStringLiteral("/users")).addQueryItem(QStringLiteral("$top"), QStringLiteral("5"));
    CHECK(request.url(QUrl(QStringLiteral("https://graph.microsoft.com"))).toString()
        == QStringLiteral("https://graph.microsoft.com/v1.0/users?$top=5"));
    CHECK(request.url(QUrl(QStringLiteral("http://127.0.0.1:8080/contoso-id/"))).toString()
        == QStringLiteral("http://127.0.0.1:8080/contoso-id/v1.0/users?$top=5"));
    GraphRequest beta = request;
    beta.setApiVersion(GraphRequest::ApiVersion::Beta);
    CHECK(beta.url(QUrl(QStringLiteral("https://graph.microsoft.com"))).path() == QStringLiteral("/beta/users"));
}

TEST_CASE("GraphRequest encodes query values so user text cannot split the query", "[graph][request]")
{
    const GraphRequest request = GraphRequest::get(QStringLiteral("/users"))
                                     .addQueryItem(QStringLiteral("$filter"), QStringLiteral("a eq 'x&$top=1#+%'"));
    const QUrl url = request.url(QUrl(QStringLiteral("https://graph.microsoft.com")));
    const QString query = url.query(QUrl::FullyEncoded);
    CHECK_FALSE(query.contains(QStringLiteral("&$top")));
    CHECK_FALSE(query.contains(QLatin1Char('#')));
    CHECK_FALSE(query.contains(QLatin1Char('+')));
    const QUrlQuery parsed(url);
    CHECK(parsed.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded) == QStringLiteral("a eq 'x&$top=1#+%'"));
    CHECK_FALSE(parsed.hasQueryItem(QStringLiteral("$top")));
}

TEST_CASE("GraphRequest encodes a path segment so it stays one segment", "[graph][request]")
{
    CHECK(
        GraphRequest::pathSegment(QStringLiteral("a_b.com#EXT#@c.com")) == QStringLiteral("a_b.com%23EXT%23%40c.com"));
    CHECK(GraphRequest::pathSegment(QStringLiteral("../x?y")) == QStringLiteral("..%2Fx%3Fy"));
}

TEST_CASE("GraphRequest decides retry safety by method unless told", "[graph][request]")
{
    CHECK(GraphRequest::get(QStringLiteral("/users")).isRetrySafe());
    CHECK(GraphRequest::del(QStringLiteral("/users/1")).isRetrySafe());
    CHECK_FALSE(GraphRequest::post(QStringLiteral("/users"), {}).isRetrySafe());
    CHECK_FALSE(GraphRequest::patch(QStringLiteral("/users/1"), {}).isRetrySafe());
    CHECK(GraphRequest::post(QStringLiteral("/x"), {}).setRetrySafe(true).isRetrySafe());
}

TEST_CASE("GraphRequest logs method, template and query names, never values or ids", "[graph][request]")
{
    const GraphRequest request = GraphRequest::get(QStringLiteral("/users/alice%40contoso.com/licenseDetails"))
                                     .addQueryItem(QStringLiteral("$filter"), QStringLiteral("secret text"));
    const QString line = request.logDescription();
    CHECK(line == QStringLiteral("GET /v1.0/users/{id}/licenseDetails ?$filter"));
    CHECK_FALSE(line.contains(QStringLiteral("alice")));
    CHECK(GraphRequest::get(QStringLiteral("/users/x")).setPathTemplate(QStringLiteral("/users/{id}")).logDescription()
        == QStringLiteral("GET /v1.0/users/{id}"));
}

TEST_CASE("GraphRequest keeps a next link verbatim", "[graph][request]")
{
    const QUrl next(QStringLiteral("http://127.0.0.1:1234/t/v1.0/users?$top=5&$skiptoken=abc%2Bdef"), QUrl::StrictMode);
    const GraphRequest request = GraphRequest::getAbsolute(next);
    CHECK(request.isAbsolute());
    CHECK(request.url(QUrl(QStringLiteral("http://127.0.0.1:1234/t"))).toEncoded() == next.toEncoded());
    CHECK(request.url(QUrl(QStringLiteral("http://127.0.0.1:1234/t"))).toEncoded().contains("abc%2Bdef"));
}

TEST_CASE("GraphRequest relative URL is what a $batch item carries", "[graph][request]")
{
    const GraphRequest request = GraphRequest::get(QStringLiteral("/users/1"))
                                     .addQueryItem(QStringLiteral("$select"), QStringLiteral("id,mail"));
    CHECK(request.relativeUrl() == QStringLiteral("/users/1?$select=id,mail"));
}
