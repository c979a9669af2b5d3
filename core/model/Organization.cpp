// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/Organization.h"

#include <QJsonArray>

namespace tb::model {

Organization Organization::fromJson(const QJsonObject& json)
{
    // GET /organization answers a one-element collection (graph-reference.md 5.3); accept both forms.
    QJsonObject object = json;
    if (json.value(QStringLiteral("value")).isArray()) {
        object = json.value(QStringLiteral("value")).toArray().at(0).toObject();
    }
    Organization org;
    org.id = object.value(QStringLiteral("id")).toString();
    org.displayName = object.value(QStringLiteral("displayName")).toString();
    org.tenantType = object.value(QStringLiteral("tenantType")).toString();
    org.countryLetterCode = object.value(QStringLiteral("countryLetterCode")).toString();
    const QJsonValue syncEnabled = object.value(QStringLiteral("onPremisesSyncEnabled"));
    if (syncEnabled.isBool()) {
        org.onPremisesSyncEnabled = syncEnabled.toBool();
    }
    for (const QJsonValue& value : object.value(QStringLiteral("verifiedDomains")).toArray()) {
        const QJsonObject domain = value.toObject();
        const QString name = domain.value(QStringLiteral("name")).toString();
        if (name.isEmpty()) {
            continue;
        }
        org.verifiedDomains.append(name);
        if (domain.value(QStringLiteral("isInitial")).toBool()) {
            org.initialDomain = name;
        }
        if (domain.value(QStringLiteral("isDefault")).toBool()) {
            org.defaultDomain = name;
        }
    }
    for (const QJsonValue& plan : object.value(QStringLiteral("assignedPlans")).toArray()) {
        if (plan.isObject()) {
            org.assignedPlans.append(AssignedPlan::fromJson(plan.toObject()));
        }
    }
    return org;
}

QJsonObject Organization::toJson() const
{
    QJsonArray domains;
    for (const QString& name : verifiedDomains) {
        domains.append(
            QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("isInitial"), name == initialDomain},
                {QStringLiteral("isDefault"), name == defaultDomain}});
    }
    QJsonArray plans;
    for (const AssignedPlan& plan : assignedPlans) {
        plans.append(plan.toJson());
    }
    QJsonObject json {{QStringLiteral("id"), id}, {QStringLiteral("displayName"), displayName},
        {QStringLiteral("tenantType"), tenantType}, {QStringLiteral("countryLetterCode"), countryLetterCode},
        {QStringLiteral("verifiedDomains"), domains}, {QStringLiteral("assignedPlans"), plans}};
    if (onPremisesSyncEnabled) {
        json.insert(QStringLiteral("onPremisesSyncEnabled"), *onPremisesSyncEnabled);
    }
    return json;
}

bool Organization::isB2c() const
{
    return tenantType.compare(QStringLiteral("AAD B2C"), Qt::CaseInsensitive) == 0;
}

} // namespace tb::model
