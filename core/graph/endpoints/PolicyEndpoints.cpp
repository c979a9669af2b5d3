// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/endpoints/PolicyEndpoints.h"

#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace tb::graph {

namespace {

const QString kPartners = QStringLiteral("/policies/crossTenantAccessPolicy/partners");

GraphRequest invalidRequest(GraphRequest::Method method, const QString& path, const QString& reason)
{
    GraphRequest request(method, path);
    request.setInvalidReason(reason);
    return request;
}

// "/policies/crossTenantAccessPolicy/partners/{id}" + suffix, or an invalid request for an empty id.
GraphRequest partnerRequest(GraphRequest::Method method, const QString& partnerTenantId, const QString& suffix = {})
{
    if (partnerTenantId.trimmed().isEmpty()) {
        return invalidRequest(method, kPartners, QStringLiteral("no partner tenant id was given."));
    }
    GraphRequest request(method, kPartners + QLatin1Char('/') + GraphRequest::pathSegment(partnerTenantId) + suffix);
    request.setPathTemplate(kPartners + QStringLiteral("/{tenantId}") + suffix);
    return request;
}

QJsonObject userSyncInboundBody(bool syncAllowed)
{
    return {{QStringLiteral("userSyncInbound"), QJsonObject {{QStringLiteral("isSyncAllowed"), syncAllowed}}}};
}

} // namespace

PolicyEndpoints::PolicyEndpoints(GraphClient& client)
    : m_client(client)
{ }

bool PolicyEndpoints::isTenantIdForm(const QString& tenantId)
{
    static const QRegularExpression guid(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return guid.match(tenantId).hasMatch();
}

GraphRequest PolicyEndpoints::findTenantInformationRequest(const QString& tenantId)
{
    const QString pathTemplate
        = QStringLiteral("/tenantRelationships/findTenantInformationByTenantId(tenantId='{id}')");
    if (!isTenantIdForm(tenantId)) {
        // The id goes into a quoted OData literal: only the GUID form is let in.
        return invalidRequest(GraphRequest::Method::Get, QStringLiteral("/tenantRelationships"),
            QStringLiteral("\"%1\" is not a tenant id (a GUID such as 11111111-2222-3333-4444-555555555555).")
                .arg(tenantId));
    }
    GraphRequest request = GraphRequest::get(
        QStringLiteral("/tenantRelationships/findTenantInformationByTenantId(tenantId='%1')").arg(tenantId.toLower()));
    request.setPathTemplate(pathTemplate);
    return request;
}

GraphRequest PolicyEndpoints::listPartnersRequest()
{
    return GraphRequest::get(kPartners);
}

GraphRequest PolicyEndpoints::getPartnerRequest(const QString& partnerTenantId)
{
    return partnerRequest(GraphRequest::Method::Get, partnerTenantId);
}

GraphRequest PolicyEndpoints::createPartnerRequest(const QString& partnerTenantId)
{
    if (partnerTenantId.trimmed().isEmpty()) {
        return invalidRequest(GraphRequest::Method::Post, kPartners, QStringLiteral("no partner tenant id was given."));
    }
    // A second POST answers 409 and changes nothing, so a retry is harmless: the plan treats 409 as done.
    GraphRequest request = GraphRequest::post(kPartners, {{QStringLiteral("tenantId"), partnerTenantId}});
    request.setRetrySafe(true);
    return request;
}

GraphRequest PolicyEndpoints::deletePartnerRequest(const QString& partnerTenantId)
{
    return partnerRequest(GraphRequest::Method::Delete, partnerTenantId);
}

GraphRequest PolicyEndpoints::setAutomaticUserConsentRequest(
    const QString& partnerTenantId, ConsentDirection direction, bool allowed)
{
    GraphRequest request = partnerRequest(GraphRequest::Method::Patch, partnerTenantId);
    const QString field
        = direction == ConsentDirection::Inbound ? QStringLiteral("inboundAllowed") : QStringLiteral("outboundAllowed");
    // Only the one switch: a PATCH leaves the other direction and every other partner field as they are.
    request.setBody({{QStringLiteral("automaticUserConsentSettings"), QJsonObject {{field, allowed}}}});
    // Setting a value is idempotent even though PATCH in general is not.
    request.setRetrySafe(true);
    return request;
}

GraphRequest PolicyEndpoints::getIdentitySynchronizationRequest(const QString& partnerTenantId)
{
    return partnerRequest(GraphRequest::Method::Get, partnerTenantId, QStringLiteral("/identitySynchronization"));
}

GraphRequest PolicyEndpoints::createIdentitySynchronizationRequest(
    const QString& partnerTenantId, const QString& displayName, bool syncAllowed)
{
    GraphRequest request
        = partnerRequest(GraphRequest::Method::Put, partnerTenantId, QStringLiteral("/identitySynchronization"));
    QJsonObject body = userSyncInboundBody(syncAllowed);
    if (!displayName.isEmpty()) {
        body.insert(QStringLiteral("displayName"), displayName);
    }
    request.setBody(body);
    return request;
}

GraphRequest PolicyEndpoints::updateIdentitySynchronizationRequest(const QString& partnerTenantId, bool syncAllowed)
{
    GraphRequest request
        = partnerRequest(GraphRequest::Method::Patch, partnerTenantId, QStringLiteral("/identitySynchronization"));
    request.setBody(userSyncInboundBody(syncAllowed));
    request.setRetrySafe(true);
    return request;
}

GraphRequest PolicyEndpoints::deleteIdentitySynchronizationRequest(const QString& partnerTenantId)
{
    return partnerRequest(GraphRequest::Method::Delete, partnerTenantId, QStringLiteral("/identitySynchronization"));
}

GraphCall* PolicyEndpoints::findTenantInformation(const QString& tenantId) const
{
    return m_client.send(findTenantInformationRequest(tenantId));
}

GraphCall* PolicyEndpoints::getPartner(const QString& partnerTenantId) const
{
    return m_client.send(getPartnerRequest(partnerTenantId));
}

GraphCall* PolicyEndpoints::createPartner(const QString& partnerTenantId) const
{
    return m_client.send(createPartnerRequest(partnerTenantId));
}

GraphCall* PolicyEndpoints::setAutomaticUserConsent(
    const QString& partnerTenantId, ConsentDirection direction, bool allowed) const
{
    return m_client.send(setAutomaticUserConsentRequest(partnerTenantId, direction, allowed));
}

GraphCall* PolicyEndpoints::getIdentitySynchronization(const QString& partnerTenantId) const
{
    return m_client.send(getIdentitySynchronizationRequest(partnerTenantId));
}

GraphCall* PolicyEndpoints::createIdentitySynchronization(
    const QString& partnerTenantId, const QString& displayName, bool syncAllowed) const
{
    return m_client.send(createIdentitySynchronizationRequest(partnerTenantId, displayName, syncAllowed));
}

GraphCall* PolicyEndpoints::updateIdentitySynchronization(const QString& partnerTenantId, bool syncAllowed) const
{
    return m_client.send(updateIdentitySynchronizationRequest(partnerTenantId, syncAllowed));
}

GraphCall* PolicyEndpoints::deleteIdentitySynchronization(const QString& partnerTenantId) const
{
    return m_client.send(deleteIdentitySynchronizationRequest(partnerTenantId));
}

std::optional<PolicyEndpoints::TenantInformation> PolicyEndpoints::parseTenantInformation(const GraphResponse& response)
{
    const QJsonObject& json = response.json();
    TenantInformation info;
    info.tenantId = json.value(QStringLiteral("tenantId")).toString();
    if (!response.isSuccess() || info.tenantId.isEmpty()) {
        return std::nullopt;
    }
    info.displayName = json.value(QStringLiteral("displayName")).toString();
    info.defaultDomainName = json.value(QStringLiteral("defaultDomainName")).toString();
    info.federationBrandName = json.value(QStringLiteral("federationBrandName")).toString();
    return info;
}

QList<model::AccessSettings> PolicyEndpoints::parsePartners(const GraphResponse& response)
{
    QList<model::AccessSettings> partners;
    if (!response.isSuccess()) {
        return partners;
    }
    for (const QJsonValue& value : response.json().value(QStringLiteral("value")).toArray()) {
        const model::AccessSettings settings = model::AccessSettings::fromPartnerJson(value.toObject());
        if (settings.partnerExists) {
            partners.append(settings);
        }
    }
    return partners;
}

std::optional<model::AccessSettings> PolicyEndpoints::parseAccessSettings(
    const QString& partnerTenantId, const GraphResponse& partner, const GraphResponse& identitySync)
{
    if ((!partner.isSuccess() && !isNotFound(partner)) || (!identitySync.isSuccess() && !isNotFound(identitySync))) {
        return std::nullopt;
    }
    model::AccessSettings settings;
    if (partner.isSuccess()) {
        settings = model::AccessSettings::fromPartnerJson(partner.json());
    }
    settings.partnerTenantId = partnerTenantId;
    // Without a partner entry there is no identitySynchronization child either, whatever the second read said.
    if (settings.partnerExists && identitySync.isSuccess()) {
        settings.applyIdentitySyncJson(identitySync.json());
        settings.identitySyncExists = true;
    }
    return settings;
}

bool PolicyEndpoints::isAlreadyExists(const GraphResponse& response)
{
    return response.httpStatus() == 409
        || response.error().code() == QStringLiteral("Request_MultipleObjectsWithSameKeyValue");
}

bool PolicyEndpoints::isNotFound(const GraphResponse& response)
{
    return response.error().kind() == GraphError::Kind::NotFound || response.httpStatus() == 404
        || response.error().code() == QStringLiteral("Directory_ObjectNotFound")
        || response.error().code() == QStringLiteral("Request_ResourceNotFound");
}

} // namespace tb::graph
