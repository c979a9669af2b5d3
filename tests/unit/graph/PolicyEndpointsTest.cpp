// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/endpoints/PolicyEndpoints.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>

using tb::graph::GraphError;
using tb::graph::GraphRequest;
using tb::graph::GraphResponse;
using tb::graph::PolicyEndpoints;

namespace {

const QString kSource = QStringLiteral("11111111-1111-1111-1111-111111111111");

QJsonObject object(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

GraphResponse success(int status, const char* json)
{
    GraphResponse response;
    response.setHttpStatus(status);
    response.setJson(object(json));
    return response;
}

GraphResponse failure(int status, const char* body)
{
    GraphResponse response;
    response.setHttpStatus(status);
    response.setError(GraphError::fromHttp(status, QByteArray(body)));
    return response;
}

} // namespace

TEST_CASE("PolicyEndpoints looks a tenant up by id and refuses anything but a GUID", "[graph][policy]")
{
    const GraphRequest request = PolicyEndpoints::findTenantInformationRequest(kSource);
    CHECK(request.isValid());
    CHECK(request.method() == GraphRequest::Method::Get);
    CHECK(request.path()
        == QStringLiteral("/tenantRelationships/findTenantInformationByTenantId(tenantId='%1')").arg(kSource));
    CHECK_FALSE(request.logDescription().contains(kSource));
    CHECK_FALSE(PolicyEndpoints::findTenantInformationRequest(QStringLiteral("x') or (1 eq 1")).isValid());
    CHECK_FALSE(PolicyEndpoints::findTenantInformationRequest(QStringLiteral("contoso.com")).isValid());

    const auto info = PolicyEndpoints::parseTenantInformation(success(200, R"({"@odata.context":"x",
        "tenantId":"22222222-2222-2222-2222-222222222222","displayName":"Contoso Ltd",
        "defaultDomainName":"contoso.onmicrosoft.com","federationBrandName":null})"));
    REQUIRE(info.has_value());
    CHECK(info->displayName == QStringLiteral("Contoso Ltd"));
    CHECK(info->defaultDomainName == QStringLiteral("contoso.onmicrosoft.com"));
    CHECK(info->federationBrandName.isEmpty());
    CHECK_FALSE(PolicyEndpoints::parseTenantInformation(failure(404, "{}")).has_value());
}

TEST_CASE("PolicyEndpoints builds the partner requests of steps 2, 4, 5 and 6", "[graph][policy]")
{
    CHECK(
        PolicyEndpoints::listPartnersRequest().path() == QStringLiteral("/policies/crossTenantAccessPolicy/partners"));
    const GraphRequest get = PolicyEndpoints::getPartnerRequest(kSource);
    CHECK(get.method() == GraphRequest::Method::Get);
    CHECK(get.path() == QStringLiteral("/policies/crossTenantAccessPolicy/partners/") + kSource);
    CHECK(get.logDescription() == QStringLiteral("GET /v1.0/policies/crossTenantAccessPolicy/partners/{tenantId}"));

    const GraphRequest create = PolicyEndpoints::createPartnerRequest(kSource);
    CHECK(create.method() == GraphRequest::Method::Post);
    CHECK(create.path() == QStringLiteral("/policies/crossTenantAccessPolicy/partners"));
    CHECK(*create.body() == object(R"({"tenantId":"11111111-1111-1111-1111-111111111111"})"));
    CHECK(create.isRetrySafe());

    const GraphRequest inbound
        = PolicyEndpoints::setAutomaticUserConsentRequest(kSource, PolicyEndpoints::ConsentDirection::Inbound, true);
    CHECK(inbound.method() == GraphRequest::Method::Patch);
    CHECK(inbound.path() == QStringLiteral("/policies/crossTenantAccessPolicy/partners/") + kSource);
    CHECK(*inbound.body() == object(R"({"automaticUserConsentSettings":{"inboundAllowed":true}})"));
    const GraphRequest outboundOff
        = PolicyEndpoints::setAutomaticUserConsentRequest(kSource, PolicyEndpoints::ConsentDirection::Outbound, false);
    CHECK(*outboundOff.body() == object(R"({"automaticUserConsentSettings":{"outboundAllowed":false}})"));

    CHECK(PolicyEndpoints::deletePartnerRequest(kSource).method() == GraphRequest::Method::Delete);
    CHECK_FALSE(PolicyEndpoints::createPartnerRequest(QStringLiteral(" ")).isValid());
    CHECK_FALSE(PolicyEndpoints::getPartnerRequest(QString()).isValid());
    CHECK(PolicyEndpoints::getPartnerRequest(QStringLiteral("a/b?c")).path()
        == QStringLiteral("/policies/crossTenantAccessPolicy/partners/a%2Fb%3Fc"));
}

TEST_CASE("PolicyEndpoints builds the identity synchronization requests of step 3", "[graph][policy]")
{
    const QString path
        = QStringLiteral("/policies/crossTenantAccessPolicy/partners/%1/identitySynchronization").arg(kSource);
    const GraphRequest put
        = PolicyEndpoints::createIdentitySynchronizationRequest(kSource, QStringLiteral("Fabrikam"), true);
    CHECK(put.method() == GraphRequest::Method::Put);
    CHECK(put.path() == path);
    CHECK(*put.body() == object(R"({"displayName":"Fabrikam","userSyncInbound":{"isSyncAllowed":true}})"));
    CHECK(*PolicyEndpoints::createIdentitySynchronizationRequest(kSource, {}, true).body()
        == object(R"({"userSyncInbound":{"isSyncAllowed":true}})"));

    const GraphRequest patch = PolicyEndpoints::updateIdentitySynchronizationRequest(kSource, false);
    CHECK(patch.method() == GraphRequest::Method::Patch);
    CHECK(patch.path() == path);
    CHECK(*patch.body() == object(R"({"userSyncInbound":{"isSyncAllowed":false}})"));

    CHECK(PolicyEndpoints::getIdentitySynchronizationRequest(kSource).method() == GraphRequest::Method::Get);
    CHECK(PolicyEndpoints::getIdentitySynchronizationRequest(kSource).path() == path);
    const GraphRequest del = PolicyEndpoints::deleteIdentitySynchronizationRequest(kSource);
    CHECK(del.method() == GraphRequest::Method::Delete);
    CHECK(del.path() == path);
    CHECK_FALSE(del.body().has_value());
}

TEST_CASE("PolicyEndpoints turns the two reads into access settings, 404 meaning absent", "[graph][policy]")
{
    const GraphResponse partner = success(200, R"({"tenantId":"11111111-1111-1111-1111-111111111111",
        "automaticUserConsentSettings":{"inboundAllowed":true,"outboundAllowed":null},"b2bCollaborationInbound":null,
        "protectedContentSharing":{"x":1}})");
    const GraphResponse sync = success(200, R"({"tenantId":"11111111-1111-1111-1111-111111111111",
        "displayName":null,"userSyncInbound":{"isSyncAllowed":true}})");
    const GraphResponse notFound
        = failure(404, R"({"error":{"code":"Request_ResourceNotFound","message":"not found"}})");

    const auto both = PolicyEndpoints::parseAccessSettings(kSource, partner, sync);
    REQUIRE(both.has_value());
    CHECK(both->partnerExists);
    CHECK(both->inboundAutoRedeem == true);
    CHECK_FALSE(both->outboundAutoRedeem.has_value());
    CHECK(both->identitySyncExists);
    CHECK(both->isUserSyncInboundOn());

    const auto noSync = PolicyEndpoints::parseAccessSettings(kSource, partner, notFound);
    REQUIRE(noSync.has_value());
    CHECK(noSync->partnerExists);
    CHECK_FALSE(noSync->identitySyncExists);

    const auto nothing = PolicyEndpoints::parseAccessSettings(kSource, notFound, notFound);
    REQUIRE(nothing.has_value());
    CHECK_FALSE(nothing->partnerExists);
    CHECK(nothing->partnerTenantId == kSource);

    const GraphResponse denied = failure(403, R"({"error":{"code":"Authorization_RequestDenied","message":"no"}})");
    CHECK_FALSE(PolicyEndpoints::parseAccessSettings(kSource, denied, sync).has_value());
    CHECK_FALSE(PolicyEndpoints::parseAccessSettings(kSource, partner, denied).has_value());
}

TEST_CASE("PolicyEndpoints lists partners and recognises conflict and not-found answers", "[graph][policy]")
{
    const auto partners = PolicyEndpoints::parsePartners(success(200, R"({"value":[
        {"tenantId":"a","automaticUserConsentSettings":{"inboundAllowed":false,"outboundAllowed":true}},
        {"noTenantId":true}, 7, null]})"));
    REQUIRE(partners.size() == 1);
    CHECK(partners.at(0).outboundAutoRedeem == true);

    const GraphResponse conflict = failure(409, R"({"error":{"code":"Request_MultipleObjectsWithSameKeyValue",
        "message":"exists","details":[{"code":"ConflictingObjects","message":"exists"}]}})");
    CHECK(PolicyEndpoints::isAlreadyExists(conflict));
    CHECK_FALSE(PolicyEndpoints::isNotFound(conflict));
    const GraphResponse missingPolicy = failure(400, R"({"error":{"code":"Directory_ObjectNotFound","message":"x"}})");
    CHECK(PolicyEndpoints::isNotFound(missingPolicy));
    CHECK_FALSE(PolicyEndpoints::isAlreadyExists(success(201, R"({"tenantId":"a"})")));
}
