// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/DirectoryGroup.h"

#include "core/model/JsonFields.h"

#include <QJsonArray>

namespace tb::model {

DirectoryGroup DirectoryGroup::fromJson(const QJsonObject& json)
{
    DirectoryGroup group;
    group.id = json.value(QStringLiteral("id")).toString();
    group.displayName = json.value(QStringLiteral("displayName")).toString();
    group.description = json.value(QStringLiteral("description")).toString();
    group.mail = json.value(QStringLiteral("mail")).toString();
    group.mailNickname = json.value(QStringLiteral("mailNickname")).toString();
    group.mailEnabled = JsonFields::optionalBool(json.value(QStringLiteral("mailEnabled")));
    group.securityEnabled = JsonFields::optionalBool(json.value(QStringLiteral("securityEnabled")));
    group.isAssignableToRole = JsonFields::optionalBool(json.value(QStringLiteral("isAssignableToRole")));
    for (const QJsonValue& type : json.value(QStringLiteral("groupTypes")).toArray()) {
        if (type.isString()) {
            group.groupTypes.append(type.toString());
        }
    }
    return group;
}

QJsonObject DirectoryGroup::toJson() const
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("displayName"), displayName},
        {QStringLiteral("description"), description}, {QStringLiteral("mail"), mail},
        {QStringLiteral("mailNickname"), mailNickname},
        {QStringLiteral("mailEnabled"), JsonFields::optionalBoolJson(mailEnabled)},
        {QStringLiteral("securityEnabled"), JsonFields::optionalBoolJson(securityEnabled)},
        {QStringLiteral("isAssignableToRole"), JsonFields::optionalBoolJson(isAssignableToRole)},
        {QStringLiteral("groupTypes"), QJsonArray::fromStringList(groupTypes)}};
}

bool DirectoryGroup::isMicrosoft365Group() const
{
    return groupTypes.contains(QStringLiteral("Unified"), Qt::CaseInsensitive);
}

bool DirectoryGroup::isDynamic() const
{
    return groupTypes.contains(QStringLiteral("DynamicMembership"), Qt::CaseInsensitive);
}

} // namespace tb::model
