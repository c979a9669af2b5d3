// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/model/AccessSettings.h"

#include <QList>
#include <QString>

#include <optional>

namespace tb::graph {

class GraphCall;
class GraphClient;

// Typed requests for the cross-tenant access policy (graph-reference.md 1.4-1.6): the tenant lookup, partner
// configurations and their identitySynchronization child. Same pattern as DirectoryEndpoints: a pure builder
// per call (`…Request`, no network), a sender that returns the GraphCall, and static parsers. Scopes per call:
// CtsCall::requiredScopes. Holds only a reference to its client; cheap to create where needed, same thread.
//
// Tenant ids go into paths percent-encoded, and into the OData function literal of the lookup only when they
// have the GUID form, so a typed id can never add a segment, a query or a clause.
class PolicyEndpoints final
{
public:
    enum class ConsentDirection { Inbound, Outbound };

    // tenantInformation (graph-reference.md 1.6).
    struct TenantInformation
    {
        QString tenantId;
        QString displayName;
        QString defaultDomainName;
        QString federationBrandName; // empty when null
    };

    explicit PolicyEndpoints(GraphClient& client);

    [[nodiscard]] static bool isTenantIdForm(const QString& tenantId);

    // Builders. Bad input (an empty id, a lookup id that is not a GUID) comes back marked invalid.
    [[nodiscard]] static GraphRequest findTenantInformationRequest(const QString& tenantId);
    [[nodiscard]] static GraphRequest listPartnersRequest();
    [[nodiscard]] static GraphRequest getPartnerRequest(const QString& partnerTenantId);
    // POST {tenantId}: 201, or 409 Request_MultipleObjectsWithSameKeyValue when the entry exists.
    [[nodiscard]] static GraphRequest createPartnerRequest(const QString& partnerTenantId);
    [[nodiscard]] static GraphRequest deletePartnerRequest(const QString& partnerTenantId);
    // PATCH {automaticUserConsentSettings:{inboundAllowed|outboundAllowed: allowed}}; 204. Turning off sends
    // false rather than null: the same effect (the default is always false), and it reads as what was meant.
    [[nodiscard]] static GraphRequest setAutomaticUserConsentRequest(
        const QString& partnerTenantId, ConsentDirection direction, bool allowed);
    [[nodiscard]] static GraphRequest getIdentitySynchronizationRequest(const QString& partnerTenantId);
    // PUT creates the policy (409 when it exists: PATCH instead, 1.5); displayName is left out when empty.
    [[nodiscard]] static GraphRequest createIdentitySynchronizationRequest(
        const QString& partnerTenantId, const QString& displayName, bool syncAllowed);
    // PATCH changes an existing policy (Directory_ObjectNotFound when there is none: PUT instead).
    [[nodiscard]] static GraphRequest updateIdentitySynchronizationRequest(
        const QString& partnerTenantId, bool syncAllowed);
    [[nodiscard]] static GraphRequest deleteIdentitySynchronizationRequest(const QString& partnerTenantId);

    // Senders: calls start on the next event-loop turn.
    [[nodiscard]] GraphCall* findTenantInformation(const QString& tenantId) const;
    [[nodiscard]] GraphCall* getPartner(const QString& partnerTenantId) const;
    [[nodiscard]] GraphCall* createPartner(const QString& partnerTenantId) const;
    [[nodiscard]] GraphCall* setAutomaticUserConsent(
        const QString& partnerTenantId, ConsentDirection direction, bool allowed) const;
    [[nodiscard]] GraphCall* getIdentitySynchronization(const QString& partnerTenantId) const;
    [[nodiscard]] GraphCall* createIdentitySynchronization(
        const QString& partnerTenantId, const QString& displayName, bool syncAllowed) const;
    [[nodiscard]] GraphCall* updateIdentitySynchronization(const QString& partnerTenantId, bool syncAllowed) const;
    [[nodiscard]] GraphCall* deleteIdentitySynchronization(const QString& partnerTenantId) const;

    // Parsers. Nothing when the answer failed or lacks the key field.
    [[nodiscard]] static std::optional<TenantInformation> parseTenantInformation(const GraphResponse& response);
    [[nodiscard]] static QList<model::AccessSettings> parsePartners(const GraphResponse& response);
    // The settings for one partner from the two reads (partner, identitySynchronization). A 404 on either means
    // "does not exist" and is a valid state; any other failure gives nothing (the state is unknown).
    [[nodiscard]] static std::optional<model::AccessSettings> parseAccessSettings(
        const QString& partnerTenantId, const GraphResponse& partner, const GraphResponse& identitySync);
    // True for the 409 a create answers when the object is already there (partner POST, identity sync PUT).
    [[nodiscard]] static bool isAlreadyExists(const GraphResponse& response);
    // True for the "no such policy" answers (404, or Directory_ObjectNotFound from PATCH, 1.5).
    [[nodiscard]] static bool isNotFound(const GraphResponse& response);

private:
    GraphClient& m_client;
};

} // namespace tb::graph
