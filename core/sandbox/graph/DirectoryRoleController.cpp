// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/graph/DirectoryRoleController.h"

#include "core/sandbox/TenantState.h"
#include "core/sandbox/graph/GraphJson.h"
#include "core/sandbox/graph/GraphRequestContext.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace tbsandbox {

QUuid DirectoryRoleController::roleId(const TenantState& tenant, const QString& roleTemplateId)
{
    return QUuid::createUuidV5(tenant.id(), roleTemplateId.toLower());
}

std::optional<GraphReply> DirectoryRoleController::handle(const GraphRequestContext& context) const
{
    const QStringList& s = context.segments;
    const bool me = s.size() == 2 && s.first() == QLatin1String("me");
    const bool user = s.size() == 3 && s.first() == QLatin1String("users");
    if (!me && !user) {
        return std::nullopt;
    }
    const QString& relation = s.last();
    const bool transitive = relation == QLatin1String("transitiveMemberOf");
    if (!transitive && relation != QLatin1String("memberOf")) {
        return std::nullopt;
    }
    if (context.method != QLatin1String("GET")) {
        return GraphJson::methodNotAllowed(context, QByteArrayLiteral("GET"));
    }
    QUuid userId = context.userId;
    if (user) {
        const qsizetype index = context.tenant->findUser(s.at(1));
        if (index < 0) {
            return GraphJson::notFound(context, s.at(1));
        }
        userId = context.tenant->users().at(static_cast<size_t>(index)).id;
    }
    if (context.tenant->findUser(userId) < 0) {
        return GraphJson::notFound(context, userId.toString(QUuid::WithoutBraces));
    }
    return memberOf(context, userId, transitive);
}

GraphReply DirectoryRoleController::memberOf(
    const GraphRequestContext& context, const QUuid& userId, bool transitive) const
{
    const TenantState& tenant = *context.tenant;
    const QString idText = userId.toString(QUuid::WithoutBraces);
    QJsonArray value;
    for (const QJsonValue& role : tenant.directoryRoles()) {
        const QJsonObject object = role.toObject();
        bool member = false;
        for (const QJsonValue& id : object.value(QLatin1String("members")).toArray()) {
            member = member || id.toString().compare(idText, Qt::CaseInsensitive) == 0;
        }
        if (!member) {
            continue;
        }
        const QString templateId = object.value(QLatin1String("roleTemplateId")).toString().toLower();
        value.append(QJsonObject {{QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.directoryRole")},
            {QStringLiteral("id"), roleId(tenant, templateId).toString(QUuid::WithoutBraces)},
            {QStringLiteral("deletedDateTime"), QJsonValue::Null},
            {QStringLiteral("displayName"), object.value(QLatin1String("displayName"))},
            {QStringLiteral("description"), object.value(QLatin1String("description")).toString()},
            {QStringLiteral("roleTemplateId"), templateId}});
    }
    // Groups holding the user; transitive adds the groups holding those, to any depth.
    QSet<QUuid> holders {userId};
    QSet<QUuid> groups;
    bool grew = true;
    while (grew) {
        grew = false;
        for (const GroupRecord& group : tenant.groups()) {
            if (groups.contains(group.id)) {
                continue;
            }
            const bool holds = std::any_of(group.memberIds.cbegin(), group.memberIds.cend(),
                [&](const QUuid& member) { return holders.contains(member); });
            if (holds) {
                groups.insert(group.id);
                if (transitive) {
                    holders.insert(group.id);
                    grew = true;
                }
                QJsonObject json = group.properties;
                json.insert(QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.group"));
                json.insert(QStringLiteral("id"), group.id.toString(QUuid::WithoutBraces));
                value.append(json);
            }
        }
    }
    return GraphReply::jsonReply(200,
        QJsonObject {
            {QStringLiteral("@odata.context"), GraphJson::metadataUrl(context, QStringLiteral("directoryObjects"))},
            {QStringLiteral("value"), value}});
}

} // namespace tbsandbox
