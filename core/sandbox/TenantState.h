// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/CrossTenantPolicy.h"
#include "core/sandbox/GroupRecord.h"
#include "core/sandbox/LicenceProfile.h"
#include "core/sandbox/ServicePrincipalRecord.h"
#include "core/sandbox/StringTable.h"
#include "core/sandbox/UserRecord.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <vector>

namespace tbsandbox {

// Everything one emulated tenant holds: identity (id, domain, cloud, admin), the organization object,
// subscribed SKUs, users (compact), groups, and read/write counters for the control surface. Owned by World;
// read and changed only on the server's thread.
class TenantState final
{
public:
    TenantState(QUuid id, QString displayName, QString initialDomain, QString cloud);

    [[nodiscard]] const QUuid& id() const { return m_id; }
    // The id as Graph writes it: lower case, no braces.
    [[nodiscard]] QString idText() const;
    [[nodiscard]] const QString& displayName() const { return m_displayName; }
    [[nodiscard]] const QString& initialDomain() const { return m_initialDomain; }
    [[nodiscard]] const QString& cloud() const { return m_cloud; }
    [[nodiscard]] const QString& role() const { return m_role; }
    void setRole(const QString& role) { m_role = role; }
    // The userPrincipalName of the user that auto-approve and the test approve route sign in when no user is
    // named: the seed's tenant.admin, or the first user of a generated tenant.
    [[nodiscard]] const QString& adminPrincipalName() const { return m_adminPrincipalName; }
    void setAdminPrincipalName(const QString& principalName) { m_adminPrincipalName = principalName; }
    // Index of the admin user, or -1 when the tenant names none that exists.
    [[nodiscard]] qsizetype adminIndex() const;
    // Who signs in when nobody is named (auto-approve, the test approve route): the admin, or for a seed that
    // names none the first enabled user; -1 when there is nobody to sign in.
    [[nodiscard]] qsizetype defaultSignInIndex() const;

    [[nodiscard]] const QJsonObject& organization() const { return m_organization; }
    void setOrganization(const QJsonObject& organization) { m_organization = organization; }
    // True for the initial domain and every verified domain of the organization (case-insensitive).
    [[nodiscard]] bool ownsDomain(const QString& domain) const;

    // The SKUs with consumedUnits recounted from the users, so they always agree with assignedLicenses.
    [[nodiscard]] QJsonArray subscribedSkus() const;
    void setSubscribedSkus(const QJsonArray& skus) { m_subscribedSkus = skus; }
    [[nodiscard]] qsizetype consumedUnits(const QString& skuId) const;

    [[nodiscard]] StringTable& strings() { return m_strings; }
    [[nodiscard]] const StringTable& strings() const { return m_strings; }
    [[nodiscard]] const QList<LicenceProfile>& licenceProfiles() const { return m_licenceProfiles; }
    // The profile index for this combination, added when new; -1 when both arrays are empty.
    [[nodiscard]] qint16 internLicenceProfile(const QJsonArray& assignedLicenses, const QJsonArray& assignedPlans);

    [[nodiscard]] std::vector<UserRecord>& users() { return m_users; }
    [[nodiscard]] const std::vector<UserRecord>& users() const { return m_users; }
    [[nodiscard]] std::vector<GroupRecord>& groups() { return m_groups; }
    [[nodiscard]] const std::vector<GroupRecord>& groups() const { return m_groups; }
    // Index of the user with this id or userPrincipalName (case-insensitive), or -1.
    [[nodiscard]] qsizetype findUser(const QString& idOrPrincipalName) const;
    [[nodiscard]] qsizetype findUser(const QUuid& id) const;
    [[nodiscard]] qsizetype findGroup(const QUuid& id) const;

    // Directory roles as the seed lists them: [{"roleTemplateId","displayName","description"?,"members":[user ids]}].
    [[nodiscard]] const QJsonArray& directoryRoles() const { return m_directoryRoles; }
    void setDirectoryRoles(const QJsonArray& roles) { m_directoryRoles = roles; }

    // Organizational contacts (Graph's orgContact: mail-enabled addresses of people outside the tenant), kept as
    // the JSON served; each has a GUID "id". Read only: nothing in Graph's sandbox writes them.
    [[nodiscard]] const QJsonArray& contacts() const { return m_contacts; }
    void setContacts(const QJsonArray& contacts) { m_contacts = contacts; }

    // Cross-tenant access settings and the apps made from templates (the CTS configurations), with their jobs.
    [[nodiscard]] CrossTenantPolicy& crossTenantPolicy() { return m_crossTenantPolicy; }
    [[nodiscard]] const CrossTenantPolicy& crossTenantPolicy() const { return m_crossTenantPolicy; }
    [[nodiscard]] std::vector<ServicePrincipalRecord>& servicePrincipals() { return m_servicePrincipals; }
    [[nodiscard]] const std::vector<ServicePrincipalRecord>& servicePrincipals() const { return m_servicePrincipals; }

    // What cross-tenant sync wrote (sync/ProvisioningService), oldest first: provisioningObjectSummary records in
    // the source (GET /auditLogs/provisioning), directoryAudit records in the target (/auditLogs/directoryAudits).
    // In memory only; each keeps the newest kMaxLogRecords.
    static constexpr qsizetype kMaxLogRecords = 50000;
    [[nodiscard]] QList<QJsonObject>& provisioningLog() { return m_provisioningLog; }
    [[nodiscard]] QList<QJsonObject>& directoryAudits() { return m_directoryAudits; }

    void countRead() { ++m_reads; }
    void countWrite() { ++m_writes; }
    [[nodiscard]] qint64 reads() const { return m_reads; }
    [[nodiscard]] qint64 writes() const { return m_writes; }

private:
    QUuid m_id;
    QString m_displayName;
    QString m_initialDomain;
    QString m_cloud;
    QString m_role;
    QString m_adminPrincipalName;
    QJsonObject m_organization;
    QJsonArray m_subscribedSkus;
    StringTable m_strings;
    QList<LicenceProfile> m_licenceProfiles;
    std::vector<UserRecord> m_users;
    std::vector<GroupRecord> m_groups;
    QJsonArray m_directoryRoles;
    QJsonArray m_contacts;
    CrossTenantPolicy m_crossTenantPolicy;
    std::vector<ServicePrincipalRecord> m_servicePrincipals;
    QList<QJsonObject> m_provisioningLog;
    QList<QJsonObject> m_directoryAudits;
    qint64 m_reads = 0;
    qint64 m_writes = 0;
};

} // namespace tbsandbox
