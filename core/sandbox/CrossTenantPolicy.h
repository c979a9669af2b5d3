// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace tbsandbox {

// One tenant's cross-tenant access policy (graph-reference 1): the root, the default configuration and the
// partner configurations keyed by tenantId, each with its optional identitySynchronization policy. Partners keep
// Graph's JSON as served, so a PATCH merges only what it names and unset booleans stay null (section 10.1).
// Owned by TenantState; server thread.
class CrossTenantPolicy final
{
public:
    struct Partner
    {
        QJsonObject configuration; // crossTenantAccessPolicyConfigurationPartner, tenantId included
        std::optional<QJsonObject> identitySynchronization; // crossTenantIdentitySyncPolicyPartner, when created
    };

    // {"displayName","definition","allowedCloudEndpoints"}: the root GET answer without @odata.context.
    [[nodiscard]] QJsonObject root() const;
    // The default configuration: the system defaults of 1.2 with the patches applied on top.
    [[nodiscard]] QJsonObject defaultConfiguration() const;
    // Merges a PATCH into the default; automaticUserConsentSettings stays false (read-only there). False with a
    // sentence when the patch names a property the default does not have.
    [[nodiscard]] bool patchDefault(const QJsonObject& patch, QString* problem);
    void resetDefault() { m_defaultPatch = QJsonObject(); }

    [[nodiscard]] const QList<Partner>& partners() const { return m_partners; }
    // The partner for this tenant id (case-insensitive), or nullptr.
    [[nodiscard]] Partner* partner(const QString& tenantId);
    [[nodiscard]] const Partner* partner(const QString& tenantId) const;
    // Adds a partner with every property unset (the 201 shape of 1.4) merged with the POST body's properties.
    Partner& addPartner(const QString& tenantId, const QJsonObject& body);
    bool removePartner(const QString& tenantId);

    // Graph's PATCH: nested objects merge, any other value (null included) replaces.
    static void mergePatch(QJsonObject& target, const QJsonObject& patch);

    // The switches the CTS policy check reads (graph-reference 10.3); false when the partner or value is absent.
    [[nodiscard]] bool allowsInboundSyncFrom(const QString& sourceTenantId) const;
    [[nodiscard]] bool automaticRedemption(const QString& tenantId, const QString& direction) const;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] bool fromJson(const QJsonObject& json, QString* problem);

private:
    QJsonObject m_defaultPatch; // only what was patched; defaults fill in the rest
    QList<Partner> m_partners;
};

} // namespace tbsandbox
