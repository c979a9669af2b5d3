// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/TenantState.h"

namespace tbsandbox {

TenantState::TenantState(QUuid id, QString displayName, QString initialDomain, QString cloud)
    : m_id(id)
    , m_displayName(std::move(displayName))
    , m_initialDomain(std::move(initialDomain))
    , m_cloud(std::move(cloud))
{ }

QString TenantState::idText() const
{
    return m_id.toString(QUuid::WithoutBraces);
}

bool TenantState::ownsDomain(const QString& domain) const
{
    if (domain.compare(m_initialDomain, Qt::CaseInsensitive) == 0) {
        return true;
    }
    const QJsonArray domains = m_organization.value(QLatin1String("verifiedDomains")).toArray();
    for (const QJsonValue& entry : domains) {
        if (entry.toObject().value(QLatin1String("name")).toString().compare(domain, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

qsizetype TenantState::consumedUnits(const QString& skuId) const
{
    const QString wanted = skuId.toLower();
    QList<bool> profileHasSku;
    for (const LicenceProfile& profile : m_licenceProfiles) {
        profileHasSku.append(profile.skuIds.contains(wanted));
    }
    qsizetype count = 0;
    for (const UserRecord& user : m_users) {
        if (user.licenceProfile >= 0 && profileHasSku.at(user.licenceProfile)) {
            ++count;
        }
    }
    return count;
}

QJsonArray TenantState::subscribedSkus() const
{
    QJsonArray result;
    for (const QJsonValue& value : m_subscribedSkus) {
        QJsonObject sku = value.toObject();
        sku.insert(QLatin1String("consumedUnits"),
            static_cast<qint64>(consumedUnits(sku.value(QLatin1String("skuId")).toString())));
        result.append(sku);
    }
    return result;
}

qint16 TenantState::internLicenceProfile(const QJsonArray& assignedLicenses, const QJsonArray& assignedPlans)
{
    if (assignedLicenses.isEmpty() && assignedPlans.isEmpty()) {
        return -1;
    }
    for (qsizetype i = 0; i < m_licenceProfiles.size(); ++i) {
        if (m_licenceProfiles[i].assignedLicenses == assignedLicenses
            && m_licenceProfiles[i].assignedPlans == assignedPlans) {
            return static_cast<qint16>(i);
        }
    }
    LicenceProfile profile;
    profile.assignedLicenses = assignedLicenses;
    profile.assignedPlans = assignedPlans;
    for (const QJsonValue& licence : assignedLicenses) {
        profile.skuIds.append(licence.toObject().value(QLatin1String("skuId")).toString().toLower());
    }
    m_licenceProfiles.append(profile);
    return static_cast<qint16>(m_licenceProfiles.size() - 1);
}

qsizetype TenantState::findUser(const QString& idOrPrincipalName) const
{
    const QUuid asId = QUuid::fromString(idOrPrincipalName);
    if (!asId.isNull()) {
        return findUser(asId);
    }
    for (size_t i = 0; i < m_users.size(); ++i) {
        if (m_users[i].userPrincipalName.compare(idOrPrincipalName, Qt::CaseInsensitive) == 0) {
            return static_cast<qsizetype>(i);
        }
    }
    return -1;
}

qsizetype TenantState::adminIndex() const
{
    return m_adminPrincipalName.isEmpty() ? -1 : findUser(m_adminPrincipalName);
}

qsizetype TenantState::defaultSignInIndex() const
{
    const qsizetype admin = adminIndex();
    if (admin >= 0) {
        return admin;
    }
    for (size_t i = 0; i < m_users.size(); ++i) {
        if (m_users[i].accountEnabled) {
            return static_cast<qsizetype>(i);
        }
    }
    return -1;
}

qsizetype TenantState::findUser(const QUuid& id) const
{
    // Linear on purpose: a million QUuid comparisons take about a millisecond, an index would cost 30 MB.
    for (size_t i = 0; i < m_users.size(); ++i) {
        if (m_users[i].id == id) {
            return static_cast<qsizetype>(i);
        }
    }
    return -1;
}

qsizetype TenantState::findGroup(const QUuid& id) const
{
    for (size_t i = 0; i < m_groups.size(); ++i) {
        if (m_groups[i].id == id) {
            return static_cast<qsizetype>(i);
        }
    }
    return -1;
}

} // namespace tbsandbox
