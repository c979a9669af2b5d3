// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/DirectoryUser.h"

#include "core/model/JsonFields.h"

#include <QJsonArray>

namespace tb::model {

namespace {

QJsonValue stringOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

DirectoryUser DirectoryUser::fromJson(const QJsonObject& json)
{
    DirectoryUser user;
    user.id = json.value(QStringLiteral("id")).toString();
    user.displayName = json.value(QStringLiteral("displayName")).toString();
    user.givenName = json.value(QStringLiteral("givenName")).toString();
    user.surname = json.value(QStringLiteral("surname")).toString();
    user.userPrincipalName = json.value(QStringLiteral("userPrincipalName")).toString();
    user.mail = json.value(QStringLiteral("mail")).toString();
    user.jobTitle = json.value(QStringLiteral("jobTitle")).toString();
    user.department = json.value(QStringLiteral("department")).toString();
    user.usageLocation = json.value(QStringLiteral("usageLocation")).toString();
    user.accountEnabled = JsonFields::optionalBool(json.value(QStringLiteral("accountEnabled")));
    user.userType = json.value(QStringLiteral("userType")).toString();
    user.creationType = json.value(QStringLiteral("creationType")).toString();
    user.externalUserState = json.value(QStringLiteral("externalUserState")).toString();
    for (const QJsonValue& licence : json.value(QStringLiteral("assignedLicenses")).toArray()) {
        const QString skuId = licence.toObject().value(QStringLiteral("skuId")).toString();
        if (!skuId.isEmpty()) {
            user.assignedLicenseSkuIds.append(skuId);
        }
    }
    for (const QJsonValue& plan : json.value(QStringLiteral("assignedPlans")).toArray()) {
        if (plan.isObject()) {
            user.assignedPlans.append(AssignedPlan::fromJson(plan.toObject()));
        }
    }
    for (const QJsonValue& identity : json.value(QStringLiteral("identities")).toArray()) {
        if (identity.isObject()) {
            user.identities.append(ObjectIdentity::fromJson(identity.toObject()));
        }
    }
    return user;
}

QJsonObject DirectoryUser::toJson() const
{
    QJsonArray licences;
    for (const QString& skuId : assignedLicenseSkuIds) {
        licences.append(
            QJsonObject {{QStringLiteral("skuId"), skuId}, {QStringLiteral("disabledPlans"), QJsonArray()}});
    }
    QJsonArray plans;
    for (const AssignedPlan& plan : assignedPlans) {
        plans.append(plan.toJson());
    }
    QJsonArray identityArray;
    for (const ObjectIdentity& identity : identities) {
        identityArray.append(identity.toJson());
    }
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("displayName"), displayName},
        {QStringLiteral("givenName"), stringOrNull(givenName)}, {QStringLiteral("surname"), stringOrNull(surname)},
        {QStringLiteral("userPrincipalName"), userPrincipalName}, {QStringLiteral("mail"), stringOrNull(mail)},
        {QStringLiteral("jobTitle"), stringOrNull(jobTitle)}, {QStringLiteral("department"), stringOrNull(department)},
        {QStringLiteral("usageLocation"), stringOrNull(usageLocation)},
        {QStringLiteral("accountEnabled"), JsonFields::optionalBoolJson(accountEnabled)},
        {QStringLiteral("userType"), stringOrNull(userType)},
        {QStringLiteral("creationType"), stringOrNull(creationType)},
        {QStringLiteral("externalUserState"), stringOrNull(externalUserState)},
        {QStringLiteral("assignedLicenses"), licences}, {QStringLiteral("assignedPlans"), plans},
        {QStringLiteral("identities"), identityArray}};
}

bool DirectoryUser::isGuest() const
{
    return userType.compare(QStringLiteral("Guest"), Qt::CaseInsensitive) == 0;
}

bool DirectoryUser::isB2bFromAnotherTenant() const
{
    // graph-reference.md 5.1: a B2B user from another Entra tenant carries an identity
    // {signInType federated, issuer ExternalAzureAD}. identities is only there when selected, so fall back
    // on the invitation markers.
    for (const ObjectIdentity& identity : identities) {
        if (identity.issuer.compare(QStringLiteral("ExternalAzureAD"), Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    if (!identities.isEmpty()) {
        return false;
    }
    return creationType.compare(QStringLiteral("Invitation"), Qt::CaseInsensitive) == 0
        && userPrincipalName.contains(QStringLiteral("#EXT#"), Qt::CaseInsensitive);
}

bool DirectoryUser::hasEnabledPlan(const QString& servicePlanId) const
{
    for (const AssignedPlan& plan : assignedPlans) {
        if (plan.isEnabled() && plan.servicePlanId.compare(servicePlanId, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace tb::model
