// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/CrossTenantPolicy.h"

#include <QJsonArray>

namespace tbsandbox {

namespace {

QJsonObject targetConfiguration(const QString& accessType, const QString& target, const QString& targetType)
{
    return QJsonObject {{QStringLiteral("accessType"), accessType},
        {QStringLiteral("targets"),
            QJsonArray {QJsonObject {{QStringLiteral("target"), target}, {QStringLiteral("targetType"), targetType}}}}};
}

// The factory values of graph-reference 1.2 ([U] on the values, the field names are confirmed).
QJsonObject b2bSetting(const QString& accessType)
{
    return QJsonObject {{QStringLiteral("usersAndGroups"),
                            targetConfiguration(accessType, QStringLiteral("AllUsers"), QStringLiteral("user"))},
        {QStringLiteral("applications"),
            targetConfiguration(accessType, QStringLiteral("AllApplications"), QStringLiteral("application"))}};
}

QJsonObject nullPair()
{
    return QJsonObject {
        {QStringLiteral("inboundAllowed"), QJsonValue::Null}, {QStringLiteral("outboundAllowed"), QJsonValue::Null}};
}

QJsonObject systemDefault()
{
    return QJsonObject {{QStringLiteral("isServiceDefault"), true},
        {QStringLiteral("inboundTrust"),
            QJsonObject {{QStringLiteral("isMfaAccepted"), false}, {QStringLiteral("isCompliantDeviceAccepted"), false},
                {QStringLiteral("isHybridAzureADJoinedDeviceAccepted"), false}}},
        {QStringLiteral("automaticUserConsentSettings"),
            QJsonObject {{QStringLiteral("inboundAllowed"), false}, {QStringLiteral("outboundAllowed"), false}}},
        {QStringLiteral("b2bCollaborationInbound"), b2bSetting(QStringLiteral("allowed"))},
        {QStringLiteral("b2bCollaborationOutbound"), b2bSetting(QStringLiteral("allowed"))},
        {QStringLiteral("b2bDirectConnectInbound"), b2bSetting(QStringLiteral("blocked"))},
        {QStringLiteral("b2bDirectConnectOutbound"), b2bSetting(QStringLiteral("blocked"))},
        {QStringLiteral("invitationRedemptionIdentityProviderConfiguration"), QJsonValue::Null}};
}

// The 201 shape of graph-reference 1.4: every property present, unset ones null.
QJsonObject emptyPartner(const QString& tenantId)
{
    return QJsonObject {{QStringLiteral("tenantId"), tenantId}, {QStringLiteral("isServiceProvider"), QJsonValue::Null},
        {QStringLiteral("isInMultiTenantOrganization"), false}, {QStringLiteral("inboundTrust"), QJsonValue::Null},
        {QStringLiteral("b2bCollaborationInbound"), QJsonValue::Null},
        {QStringLiteral("b2bCollaborationOutbound"), QJsonValue::Null},
        {QStringLiteral("b2bDirectConnectInbound"), QJsonValue::Null},
        {QStringLiteral("b2bDirectConnectOutbound"), QJsonValue::Null},
        {QStringLiteral("tenantRestrictions"), QJsonValue::Null},
        {QStringLiteral("crossCloudMeetingConfiguration"), nullPair()},
        {QStringLiteral("automaticUserConsentSettings"), nullPair()}};
}

} // namespace

QJsonObject CrossTenantPolicy::root() const
{
    return QJsonObject {{QStringLiteral("id"), QStringLiteral("crossTenantAccessPolicy")},
        {QStringLiteral("displayName"), QStringLiteral("CrossTenantAccessPolicy")},
        {QStringLiteral("definition"), QJsonArray()}, {QStringLiteral("allowedCloudEndpoints"), QJsonArray()}};
}

QJsonObject CrossTenantPolicy::defaultConfiguration() const
{
    QJsonObject configuration = systemDefault();
    mergePatch(configuration, m_defaultPatch);
    configuration.insert(QStringLiteral("isServiceDefault"), m_defaultPatch.isEmpty());
    return configuration;
}

bool CrossTenantPolicy::patchDefault(const QJsonObject& patch, QString* problem)
{
    const QJsonObject defaults = systemDefault();
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (!defaults.contains(it.key()) || it.key() == QLatin1String("isServiceDefault")) {
            *problem = QStringLiteral("Property '%1' cannot be set on the default configuration.").arg(it.key());
            return false;
        }
    }
    QJsonObject merged = m_defaultPatch;
    mergePatch(merged, patch);
    // Read-only and always false on the default (graph-reference 1.2): automatic redemption is per partner.
    merged.remove(QStringLiteral("automaticUserConsentSettings"));
    m_defaultPatch = merged;
    return true;
}

CrossTenantPolicy::Partner* CrossTenantPolicy::partner(const QString& tenantId)
{
    for (Partner& entry : m_partners) {
        if (entry.configuration.value(QLatin1String("tenantId")).toString().compare(tenantId, Qt::CaseInsensitive)
            == 0) {
            return &entry;
        }
    }
    return nullptr;
}

const CrossTenantPolicy::Partner* CrossTenantPolicy::partner(const QString& tenantId) const
{
    return const_cast<CrossTenantPolicy*>(this)->partner(tenantId);
}

CrossTenantPolicy::Partner& CrossTenantPolicy::addPartner(const QString& tenantId, const QJsonObject& body)
{
    Partner entry;
    entry.configuration = emptyPartner(tenantId.toLower());
    QJsonObject rest = body;
    rest.remove(QStringLiteral("tenantId"));
    rest.remove(QStringLiteral("identitySynchronization"));
    mergePatch(entry.configuration, rest);
    m_partners.append(entry);
    return m_partners.last();
}

bool CrossTenantPolicy::removePartner(const QString& tenantId)
{
    for (qsizetype i = 0; i < m_partners.size(); ++i) {
        if (m_partners.at(i)
                .configuration.value(QLatin1String("tenantId"))
                .toString()
                .compare(tenantId, Qt::CaseInsensitive)
            == 0) {
            m_partners.removeAt(i);
            return true;
        }
    }
    return false;
}

void CrossTenantPolicy::mergePatch(QJsonObject& target, const QJsonObject& patch)
{
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QJsonValue existing = target.value(it.key());
        if (it.value().isObject() && existing.isObject()) {
            QJsonObject nested = existing.toObject();
            mergePatch(nested, it.value().toObject());
            target.insert(it.key(), nested);
        } else {
            target.insert(it.key(), it.value());
        }
    }
}

bool CrossTenantPolicy::allowsInboundSyncFrom(const QString& sourceTenantId) const
{
    const Partner* entry = partner(sourceTenantId);
    return entry && entry->identitySynchronization
        && entry->identitySynchronization->value(QLatin1String("userSyncInbound"))
               .toObject()
               .value(QLatin1String("isSyncAllowed"))
               .toBool(false);
}

bool CrossTenantPolicy::automaticRedemption(const QString& tenantId, const QString& direction) const
{
    const Partner* entry = partner(tenantId);
    return entry
        && entry->configuration.value(QLatin1String("automaticUserConsentSettings"))
               .toObject()
               .value(direction)
               .toBool(false);
}

QJsonObject CrossTenantPolicy::toJson() const
{
    QJsonArray partners;
    for (const Partner& entry : m_partners) {
        QJsonObject json {{QStringLiteral("configuration"), entry.configuration}};
        if (entry.identitySynchronization) {
            json.insert(QStringLiteral("identitySynchronization"), *entry.identitySynchronization);
        }
        partners.append(json);
    }
    return QJsonObject {{QStringLiteral("defaultPatch"), m_defaultPatch}, {QStringLiteral("partners"), partners}};
}

bool CrossTenantPolicy::fromJson(const QJsonObject& json, QString* problem)
{
    QList<Partner> partners;
    for (const QJsonValue& value : json.value(QLatin1String("partners")).toArray()) {
        const QJsonObject object = value.toObject();
        Partner entry;
        entry.configuration = object.value(QLatin1String("configuration")).toObject();
        if (entry.configuration.value(QLatin1String("tenantId")).toString().isEmpty()) {
            *problem = QStringLiteral("a cross-tenant partner has no tenantId");
            return false;
        }
        if (object.contains(QLatin1String("identitySynchronization"))) {
            entry.identitySynchronization = object.value(QLatin1String("identitySynchronization")).toObject();
        }
        partners.append(entry);
    }
    m_defaultPatch = json.value(QLatin1String("defaultPatch")).toObject();
    m_partners = partners;
    return true;
}

} // namespace tbsandbox
