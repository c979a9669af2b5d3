// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/endpoints/DirectoryRoleEndpoints.h"

#include "core/graph/PageReader.h"

#include <QJsonObject>

namespace tb::graph {

DirectoryRoleEndpoints::DirectoryRoleEndpoints(GraphClient& client)
    : m_client(client)
{ }

GraphRequest DirectoryRoleEndpoints::myMembershipsRequest()
{
    return GraphRequest::get(QStringLiteral("/me/memberOf"));
}

PageReader* DirectoryRoleEndpoints::listMyMemberships(QObject* parent) const
{
    return new PageReader(m_client, myMembershipsRequest(), parent);
}

QList<DirectoryRoleEndpoints::DirectoryRole> DirectoryRoleEndpoints::parseDirectoryRoles(const QJsonArray& page)
{
    QList<DirectoryRole> roles;
    for (const QJsonValue& value : page) {
        const QJsonObject object = value.toObject();
        if (object.value(QLatin1String("@odata.type")).toString() != QLatin1String("#microsoft.graph.directoryRole")) {
            continue;
        }
        DirectoryRole role;
        role.id = object.value(QLatin1String("id")).toString();
        role.displayName = object.value(QLatin1String("displayName")).toString();
        role.roleTemplateId = object.value(QLatin1String("roleTemplateId")).toString().toLower();
        if (!role.roleTemplateId.isEmpty()) {
            roles.append(role);
        }
    }
    return roles;
}

bool DirectoryRoleEndpoints::holds(const QList<DirectoryRole>& roles, const QString& roleTemplateId)
{
    for (const DirectoryRole& role : roles) {
        if (role.roleTemplateId.compare(roleTemplateId, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

QString DirectoryRoleEndpoints::roleName(const QString& roleTemplateId)
{
    static const QList<QPair<QLatin1String, QString>> names = {
        {QLatin1String(kGlobalAdministrator), QStringLiteral("Global Administrator")},
        {QLatin1String(kSecurityAdministrator), QStringLiteral("Security Administrator")},
        {QLatin1String(kHybridIdentityAdministrator), QStringLiteral("Hybrid Identity Administrator")},
        {QLatin1String(kApplicationAdministrator), QStringLiteral("Application Administrator")},
        {QLatin1String(kCloudApplicationAdministrator), QStringLiteral("Cloud Application Administrator")},
        {QLatin1String(kPrivilegedRoleAdministrator), QStringLiteral("Privileged Role Administrator")},
    };
    for (const auto& [id, name] : names) {
        if (roleTemplateId.compare(id, Qt::CaseInsensitive) == 0) {
            return name;
        }
    }
    return roleTemplateId;
}

} // namespace tb::graph
