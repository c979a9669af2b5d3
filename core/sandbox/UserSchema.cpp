// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/UserSchema.h"

#include "core/sandbox/TenantState.h"
#include "core/sandbox/UserRecord.h"

#include <QJsonArray>

namespace tbsandbox {

namespace {

struct PropertyInfo
{
    UserProperty property;
    QLatin1String name;
    bool filterable;
    std::optional<PooledUserField> pooled;
    bool writable;
};

const std::array<PropertyInfo, static_cast<int>(UserProperty::Count)>& propertyTable()
{
    static const std::array<PropertyInfo, static_cast<int>(UserProperty::Count)> table = {{
        {UserProperty::Id, QLatin1String("id"), true, std::nullopt, false},
        {UserProperty::DisplayName, QLatin1String("displayName"), true, PooledUserField::DisplayName, true},
        {UserProperty::GivenName, QLatin1String("givenName"), true, PooledUserField::GivenName, true},
        {UserProperty::Surname, QLatin1String("surname"), true, PooledUserField::Surname, true},
        {UserProperty::UserPrincipalName, QLatin1String("userPrincipalName"), true, std::nullopt, false},
        {UserProperty::Mail, QLatin1String("mail"), true, std::nullopt, false},
        {UserProperty::JobTitle, QLatin1String("jobTitle"), true, PooledUserField::JobTitle, true},
        {UserProperty::Department, QLatin1String("department"), true, PooledUserField::Department, true},
        {UserProperty::OfficeLocation, QLatin1String("officeLocation"), true, PooledUserField::OfficeLocation, true},
        {UserProperty::MobilePhone, QLatin1String("mobilePhone"), true, PooledUserField::MobilePhone, true},
        {UserProperty::BusinessPhones, QLatin1String("businessPhones"), false, std::nullopt, false},
        {UserProperty::PreferredLanguage, QLatin1String("preferredLanguage"), true, PooledUserField::PreferredLanguage,
            false},
        {UserProperty::UsageLocation, QLatin1String("usageLocation"), true, PooledUserField::UsageLocation, true},
        {UserProperty::CompanyName, QLatin1String("companyName"), true, PooledUserField::CompanyName, true},
        {UserProperty::AccountEnabled, QLatin1String("accountEnabled"), true, std::nullopt, true},
        {UserProperty::UserType, QLatin1String("userType"), true, std::nullopt, false},
        {UserProperty::CreationType, QLatin1String("creationType"), true, PooledUserField::CreationType, false},
        {UserProperty::ExternalUserState, QLatin1String("externalUserState"), true, PooledUserField::ExternalUserState,
            false},
        {UserProperty::ExternalUserStateChangeDateTime, QLatin1String("externalUserStateChangeDateTime"), false,
            PooledUserField::ExternalUserStateChangeDateTime, false},
        {UserProperty::Identities, QLatin1String("identities"), false, std::nullopt, false},
        {UserProperty::AssignedLicenses, QLatin1String("assignedLicenses"), false, std::nullopt, false},
        {UserProperty::AssignedPlans, QLatin1String("assignedPlans"), false, std::nullopt, false},
        {UserProperty::OnPremisesSyncEnabled, QLatin1String("onPremisesSyncEnabled"), true, std::nullopt, false},
        {UserProperty::CreatedDateTime, QLatin1String("createdDateTime"), true, PooledUserField::CreatedDateTime,
            false},
    }};
    return table;
}

const PropertyInfo& info(UserProperty property)
{
    return propertyTable()[static_cast<size_t>(property)];
}

QJsonValue nullableString(const QString& text)
{
    return text.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

std::optional<UserProperty> UserSchema::property(const QString& name)
{
    for (const PropertyInfo& entry : propertyTable()) {
        if (name.compare(entry.name, Qt::CaseInsensitive) == 0) {
            return entry.property;
        }
    }
    return std::nullopt;
}

QString UserSchema::name(UserProperty property)
{
    return info(property).name;
}

QList<UserProperty> UserSchema::defaultSelection()
{
    return {UserProperty::Id, UserProperty::DisplayName, UserProperty::GivenName, UserProperty::Surname,
        UserProperty::UserPrincipalName, UserProperty::Mail, UserProperty::JobTitle, UserProperty::OfficeLocation,
        UserProperty::MobilePhone, UserProperty::BusinessPhones, UserProperty::PreferredLanguage};
}

bool UserSchema::isFilterable(UserProperty property)
{
    return info(property).filterable;
}

QJsonValue UserSchema::value(const TenantState& tenant, const UserRecord& user, UserProperty property)
{
    const PropertyInfo& entry = info(property);
    if (entry.pooled) {
        return nullableString(tenant.strings().at(user.field(*entry.pooled)));
    }
    switch (property) {
    case UserProperty::Id:
        return user.id.toString(QUuid::WithoutBraces);
    case UserProperty::UserPrincipalName:
        return user.userPrincipalName;
    case UserProperty::Mail:
        return nullableString(user.mail);
    case UserProperty::BusinessPhones: {
        const QString& phone = tenant.strings().at(user.field(PooledUserField::BusinessPhone));
        return phone.isEmpty() ? QJsonArray() : QJsonArray {phone};
    }
    case UserProperty::AccountEnabled:
        return user.accountEnabled;
    case UserProperty::UserType:
        return user.isGuest ? QStringLiteral("Guest") : QStringLiteral("Member");
    case UserProperty::Identities: {
        // Derived, not stored: an invited B2B user carries the federated ExternalAzureAD identity
        // (graph-reference 5.1); everyone else signs in with the UPN of this tenant.
        if (tenant.strings().at(user.field(PooledUserField::CreationType)) == QLatin1String("Invitation")) {
            return QJsonArray {QJsonObject {{QStringLiteral("signInType"), QStringLiteral("federated")},
                {QStringLiteral("issuer"), QStringLiteral("ExternalAzureAD")},
                {QStringLiteral("issuerAssignedId"), QJsonValue::Null}}};
        }
        return QJsonArray {QJsonObject {{QStringLiteral("signInType"), QStringLiteral("userPrincipalName")},
            {QStringLiteral("issuer"), tenant.initialDomain()},
            {QStringLiteral("issuerAssignedId"), user.userPrincipalName}}};
    }
    case UserProperty::AssignedLicenses:
        return user.licenceProfile < 0 ? QJsonArray()
                                       : tenant.licenceProfiles().at(user.licenceProfile).assignedLicenses;
    case UserProperty::AssignedPlans:
        return user.licenceProfile < 0 ? QJsonArray() : tenant.licenceProfiles().at(user.licenceProfile).assignedPlans;
    case UserProperty::OnPremisesSyncEnabled:
        return user.onPremisesSyncEnabled < 0 ? QJsonValue(QJsonValue::Null)
                                              : QJsonValue(user.onPremisesSyncEnabled == 1);
    default:
        return QJsonValue::Null;
    }
}

QJsonObject UserSchema::toJson(const TenantState& tenant, const UserRecord& user, const QList<UserProperty>& selection)
{
    QJsonObject json;
    for (const UserProperty property : selection) {
        json.insert(info(property).name, value(tenant, user, property));
    }
    return json;
}

std::optional<UserRecord> UserSchema::fromJson(TenantState& tenant, const QJsonObject& json, QString* errorMessage)
{
    UserRecord user;
    user.id = QUuid::fromString(json.value(QLatin1String("id")).toString());
    user.userPrincipalName = json.value(QLatin1String("userPrincipalName")).toString();
    if (user.id.isNull() || user.userPrincipalName.isEmpty()) {
        *errorMessage = QStringLiteral("a user needs a GUID \"id\" and a \"userPrincipalName\"");
        return std::nullopt;
    }
    const QString mail = json.value(QLatin1String("mail")).toString();
    user.mail = mail == user.userPrincipalName ? user.userPrincipalName : (mail.isEmpty() ? QString() : mail);
    for (const PropertyInfo& entry : propertyTable()) {
        if (!entry.pooled) {
            continue;
        }
        const QJsonValue fieldValue = json.value(entry.name);
        if (!fieldValue.isNull() && !fieldValue.isUndefined() && !fieldValue.isString()) {
            *errorMessage = QStringLiteral("user %1: \"%2\" must be a string or null")
                                .arg(user.userPrincipalName, QString(entry.name));
            return std::nullopt;
        }
        user.setField(
            *entry.pooled, tenant.strings().intern(fieldValue.isString() ? fieldValue.toString() : QString()));
    }
    const QJsonArray phones = json.value(QLatin1String("businessPhones")).toArray();
    user.setField(
        PooledUserField::BusinessPhone, phones.isEmpty() ? 0 : tenant.strings().intern(phones.first().toString()));
    user.accountEnabled = json.value(QLatin1String("accountEnabled")).toBool(true);
    user.isGuest = json.value(QLatin1String("userType")).toString() == QLatin1String("Guest");
    const QJsonValue onPremises = json.value(QLatin1String("onPremisesSyncEnabled"));
    user.onPremisesSyncEnabled = onPremises.isBool() ? (onPremises.toBool() ? 1 : 0) : -1;
    user.licenceProfile = tenant.internLicenceProfile(
        json.value(QLatin1String("assignedLicenses")).toArray(), json.value(QLatin1String("assignedPlans")).toArray());
    return user;
}

std::optional<QString> UserSchema::applyPatch(TenantState& tenant, UserRecord& user, const QJsonObject& patch)
{
    // Validate everything first so a rejected PATCH changes nothing.
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const std::optional<UserProperty> property = UserSchema::property(it.key());
        if (!property) {
            return QStringLiteral("Property '%1' does not exist on type 'microsoft.graph.user'.").arg(it.key());
        }
        if (!info(*property).writable) {
            return QStringLiteral("Property '%1' is read-only and cannot be set.").arg(it.key());
        }
        if (*property == UserProperty::AccountEnabled) {
            if (!it.value().isBool()) {
                return QStringLiteral("Property 'accountEnabled' must be true or false.");
            }
        } else if (*property == UserProperty::DisplayName) {
            if (!it.value().isString() || it.value().toString().trimmed().isEmpty()) {
                return QStringLiteral("Property 'displayName' must be a non-empty string.");
            }
        } else if (!it.value().isString() && !it.value().isNull()) {
            return QStringLiteral("Property '%1' must be a string or null.").arg(QString(info(*property).name));
        } else if (*property == UserProperty::UsageLocation && it.value().isString()
            && it.value().toString().size() != 2) {
            return QStringLiteral("Property 'usageLocation' must be a two-letter country code.");
        }
    }
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const UserProperty property = *UserSchema::property(it.key());
        if (property == UserProperty::AccountEnabled) {
            user.accountEnabled = it.value().toBool();
        } else {
            user.setField(*info(property).pooled,
                tenant.strings().intern(it.value().isString() ? it.value().toString() : QString()));
        }
    }
    return std::nullopt;
}

ODataQuery::Schema UserSchema::odataSchema()
{
    ODataQuery::Schema schema;
    schema.typeName = QStringLiteral("microsoft.graph.user");
    schema.isSelectable = [](const QString& name) { return UserSchema::property(name).has_value(); };
    schema.filterResolver = [](const QString& name) -> std::optional<FilterExpression::PropertyInfo> {
        const std::optional<UserProperty> property = UserSchema::property(name);
        if (!property) {
            return std::nullopt;
        }
        const bool collection = *property == UserProperty::AssignedLicenses || *property == UserProperty::AssignedPlans
            || *property == UserProperty::BusinessPhones;
        return FilterExpression::PropertyInfo {
            static_cast<int>(*property), collection || UserSchema::isFilterable(*property), collection};
    };
    schema.searchResolver = [](const QString& name) {
        const std::optional<UserProperty> property = UserSchema::property(name);
        static const QList<UserProperty> searchable
            = {UserProperty::DisplayName, UserProperty::GivenName, UserProperty::Surname, UserProperty::Mail,
                UserProperty::UserPrincipalName, UserProperty::JobTitle, UserProperty::Department};
        return property && searchable.contains(*property) ? static_cast<int>(*property) : -1;
    };
    schema.orderable = {QStringLiteral("displayName"), QStringLiteral("userPrincipalName")};
    return schema;
}

} // namespace tbsandbox
