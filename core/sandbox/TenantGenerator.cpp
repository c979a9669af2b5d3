// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/TenantGenerator.h"

#include "core/sandbox/TenantState.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace tbsandbox {

namespace {

const QString kP1SkuId = QStringLiteral("078d2b04-f1bd-4111-bbd4-b4b1b354cef4");
const QString kP1PlanId = QStringLiteral("41781fb2-bc02-4b7c-bd55-b576c07bb09d");

const QStringList kGivenNames
    = {QStringLiteral("Ada"), QStringLiteral("Bo"), QStringLiteral("Chen"), QStringLiteral("Dara"),
        QStringLiteral("Elif"), QStringLiteral("Farid"), QStringLiteral("Greta"), QStringLiteral("Hiro"),
        QStringLiteral("Ines"), QStringLiteral("Jonas"), QStringLiteral("Kofi"), QStringLiteral("Lena"),
        QStringLiteral("Mateo"), QStringLiteral("Nadia"), QStringLiteral("Omar"), QStringLiteral("Priya"),
        QStringLiteral("Quinn"), QStringLiteral("Rosa"), QStringLiteral("Sven"), QStringLiteral("Tariq"),
        QStringLiteral("Uma"), QStringLiteral("Viktor"), QStringLiteral("Wen"), QStringLiteral("Ximena"),
        QStringLiteral("Yusuf"), QStringLiteral("Zofia"), QStringLiteral("Amara"), QStringLiteral("Bram"),
        QStringLiteral("Celine"), QStringLiteral("Dmitri"), QStringLiteral("Esme"), QStringLiteral("Felix")};
const QStringList kSurnames = {QStringLiteral("Abara"), QStringLiteral("Berg"), QStringLiteral("Costa"),
    QStringLiteral("Dubois"), QStringLiteral("Eriksen"), QStringLiteral("Fischer"), QStringLiteral("Garcia"),
    QStringLiteral("Haddad"), QStringLiteral("Ivanova"), QStringLiteral("Jensen"), QStringLiteral("Kato"),
    QStringLiteral("Lindqvist"), QStringLiteral("Mensah"), QStringLiteral("Novak"), QStringLiteral("Okafor"),
    QStringLiteral("Petrov"), QStringLiteral("Quispe"), QStringLiteral("Rossi"), QStringLiteral("Silva"),
    QStringLiteral("Tanaka"), QStringLiteral("Usman"), QStringLiteral("Varga"), QStringLiteral("Weber"),
    QStringLiteral("Xu"), QStringLiteral("Yilmaz"), QStringLiteral("Zhang"), QStringLiteral("Moreau"),
    QStringLiteral("Nakamura"), QStringLiteral("Olsen"), QStringLiteral("Park"), QStringLiteral("Reyes"),
    QStringLiteral("Schmidt"), QStringLiteral("Torres")};
const QStringList kDepartments = {QStringLiteral("Sales"), QStringLiteral("Engineering"), QStringLiteral("Marketing"),
    QStringLiteral("Finance"), QStringLiteral("Operations"), QStringLiteral("Support"), QStringLiteral("Legal")};
const QStringList kJobTitles = {QStringLiteral("Analyst"), QStringLiteral("Engineer"), QStringLiteral("Manager"),
    QStringLiteral("Associate"), QStringLiteral("Director"), QStringLiteral("Specialist")};
const QStringList kCountries = {QStringLiteral("US"), QStringLiteral("GB"), QStringLiteral("DE"), QStringLiteral("FR"),
    QStringLiteral("JP"), QStringLiteral("IN"), QStringLiteral("BR")};
const QStringList kOffices = {QStringLiteral("Seattle"), QStringLiteral("London"), QStringLiteral("Berlin"),
    QStringLiteral("Paris"), QStringLiteral("Tokyo"), QStringLiteral("Pune"), QStringLiteral("Sao Paulo")};

// splitmix64: a bijection on 64-bit values, so distinct indexes give distinct ids.
quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

QUuid userId(quint64 tenantSeed, quint64 index)
{
    const quint64 high = mix(index ^ (tenantSeed << 20));
    const quint64 low = mix(high ^ tenantSeed);
    // Shape it as a version 4, variant 1 GUID so clients that check the form accept it.
    return QUuid(static_cast<uint>(high >> 32), static_cast<ushort>(high >> 16),
        static_cast<ushort>((high & 0x0fffU) | 0x4000U), static_cast<uchar>(((low >> 56) & 0x3fU) | 0x80U),
        static_cast<uchar>(low >> 48), static_cast<uchar>(low >> 40), static_cast<uchar>(low >> 32),
        static_cast<uchar>(low >> 24), static_cast<uchar>(low >> 16), static_cast<uchar>(low >> 8),
        static_cast<uchar>(low));
}

} // namespace

std::unique_ptr<TenantState> TenantGenerator::generate(const QString& name, int userCount)
{
    const QString domain = name.toLower() + QStringLiteral(".onmicrosoft.com");
    const QUuid tenantId = QUuid::createUuidV5(QUuid(QStringLiteral("{b5a0c3f4-1d2e-4f60-8a7b-9c0d1e2f3a4b}")), domain);
    auto tenant = std::make_unique<TenantState>(tenantId, name, domain, QStringLiteral("Global"));
    tenant->setRole(QStringLiteral("generated"));
    tenant->setOrganization(QJsonObject {{QStringLiteral("id"), tenant->idText()},
        {QStringLiteral("displayName"), name}, {QStringLiteral("tenantType"), QStringLiteral("AAD")},
        {QStringLiteral("countryLetterCode"), QStringLiteral("US")},
        {QStringLiteral("verifiedDomains"),
            QJsonArray {QJsonObject {{QStringLiteral("name"), domain}, {QStringLiteral("isDefault"), true},
                {QStringLiteral("isInitial"), true}, {QStringLiteral("type"), QStringLiteral("Managed")},
                {QStringLiteral("capabilities"), QStringLiteral("Email, OfficeCommunicationsOnline")}}}}});
    const QJsonObject p1Plan {{QStringLiteral("servicePlanId"), kP1PlanId},
        {QStringLiteral("servicePlanName"), QStringLiteral("AAD_PREMIUM")},
        {QStringLiteral("provisioningStatus"), QStringLiteral("Success")},
        {QStringLiteral("appliesTo"), QStringLiteral("User")}};
    tenant->setSubscribedSkus(
        QJsonArray {QJsonObject {{QStringLiteral("id"), tenant->idText() + QLatin1Char('_') + kP1SkuId},
            {QStringLiteral("skuId"), kP1SkuId}, {QStringLiteral("skuPartNumber"), QStringLiteral("AAD_PREMIUM")},
            {QStringLiteral("appliesTo"), QStringLiteral("User")},
            {QStringLiteral("capabilityStatus"), QStringLiteral("Enabled")}, {QStringLiteral("consumedUnits"), 0},
            {QStringLiteral("prepaidUnits"),
                QJsonObject {{QStringLiteral("enabled"), userCount}, {QStringLiteral("suspended"), 0},
                    {QStringLiteral("warning"), 0}, {QStringLiteral("lockedOut"), 0}}},
            {QStringLiteral("servicePlans"), QJsonArray {p1Plan}}}});
    const qint16 p1Profile = tenant->internLicenceProfile(
        QJsonArray {QJsonObject {{QStringLiteral("skuId"), kP1SkuId}, {QStringLiteral("disabledPlans"), QJsonArray()}}},
        QJsonArray {QJsonObject {{QStringLiteral("assignedDateTime"), QStringLiteral("2024-01-01T00:00:00Z")},
            {QStringLiteral("capabilityStatus"), QStringLiteral("Enabled")},
            {QStringLiteral("service"), QStringLiteral("AADPremiumService")},
            {QStringLiteral("servicePlanId"), kP1PlanId}}});

    StringTable& strings = tenant->strings();
    const quint32 company = strings.intern(name);
    const quint32 created = strings.intern(QStringLiteral("2024-01-01T00:00:00Z"));
    const quint64 seed = qHash(domain, 0x5eedU);
    std::vector<UserRecord>& users = tenant->users();
    users.resize(static_cast<size_t>(userCount));
    const QString upnPattern = QStringLiteral("%1.%2.%3@") + domain;
    for (int i = 0; i < userCount; ++i) {
        UserRecord& user = users[static_cast<size_t>(i)];
        const QString& given = kGivenNames.at(i % kGivenNames.size());
        const QString& surname = kSurnames.at((i / kGivenNames.size()) % kSurnames.size());
        const qsizetype place = (i / 7) % kCountries.size();
        user.id = userId(seed, static_cast<quint64>(i));
        user.userPrincipalName = upnPattern.arg(given.toLower(), surname.toLower()).arg(i);
        user.mail = user.userPrincipalName;
        user.setField(PooledUserField::GivenName, strings.intern(given));
        user.setField(PooledUserField::Surname, strings.intern(surname));
        user.setField(PooledUserField::DisplayName, strings.intern(given + QLatin1Char(' ') + surname));
        user.setField(PooledUserField::Department, strings.intern(kDepartments.at(i % kDepartments.size())));
        user.setField(PooledUserField::JobTitle, strings.intern(kJobTitles.at((i / 3) % kJobTitles.size())));
        user.setField(PooledUserField::UsageLocation, strings.intern(kCountries.at(place)));
        user.setField(PooledUserField::OfficeLocation, strings.intern(kOffices.at(place)));
        user.setField(PooledUserField::CompanyName, company);
        user.setField(PooledUserField::CreatedDateTime, created);
        user.accountEnabled = i % 37 != 36;
        user.licenceProfile = i % 10 == 9 ? qint16(-1) : p1Profile;
    }

    // A generated tenant has no separate admin account (its user count is what was asked for): the first
    // user, always enabled, signs in for auto-approve.
    tenant->setAdminPrincipalName(users.front().userPrincipalName);

    GroupRecord pilot;
    pilot.id = QUuid::createUuidV5(tenantId, QStringLiteral("group/pilot"));
    pilot.properties = QJsonObject {{QStringLiteral("id"), pilot.id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("displayName"), QStringLiteral("CTS Pilot")},
        {QStringLiteral("description"), QStringLiteral("First generated users")},
        {QStringLiteral("mailNickname"), QStringLiteral("ctspilot")}, {QStringLiteral("mail"), QJsonValue::Null},
        {QStringLiteral("mailEnabled"), false}, {QStringLiteral("securityEnabled"), true},
        {QStringLiteral("groupTypes"), QJsonArray()}};
    for (int i = 0; i < qMin(5, userCount); ++i) {
        pilot.memberIds.append(users[static_cast<size_t>(i)].id);
    }
    tenant->groups().push_back(std::move(pilot));
    return tenant;
}

} // namespace tbsandbox
