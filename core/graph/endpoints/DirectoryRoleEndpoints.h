// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphRequest.h"

#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QString>

namespace tb::graph {

class GraphClient;
class PageReader;

// The directory roles the signed-in person holds (graph-reference.md 0, roles the CTS how-to names): GET
// /me/memberOf answers directoryRole objects mixed with groups (and administrative units); only the roles are kept.
// Same pattern as DirectoryEndpoints: a pure builder, a sender returning an unstarted PageReader, a static parser.
// Roles are told apart by roleTemplateId, which is the same in every tenant (the role object's id is not).
// Holds only a reference to its client; same thread.
class DirectoryRoleEndpoints final
{
public:
    struct DirectoryRole
    {
        QString id; // per tenant
        QString displayName;
        QString roleTemplateId; // lower case; the same in every tenant
    };

    // Built-in role template ids (Microsoft Entra built-in roles reference).
    static constexpr auto kGlobalAdministrator = "62e90394-69f5-4237-9190-012177145e10";
    static constexpr auto kSecurityAdministrator = "194ae4cb-b126-40b2-bd5b-6091b380977d";
    static constexpr auto kHybridIdentityAdministrator = "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2";
    static constexpr auto kApplicationAdministrator = "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3";
    static constexpr auto kCloudApplicationAdministrator = "158c047a-c907-4556-b7ef-446551a6b5f7";
    static constexpr auto kPrivilegedRoleAdministrator = "e8611ab8-c189-46e8-94e1-60213ab1f814";

    explicit DirectoryRoleEndpoints(GraphClient& client);

    // GET /me/memberOf (direct memberships: directory roles are assigned directly or through a role-assignable
    // group, which memberOf lists as well).
    [[nodiscard]] static GraphRequest myMembershipsRequest();
    [[nodiscard]] PageReader* listMyMemberships(QObject* parent) const;

    // The directoryRole objects of one page; groups and other objects are skipped, odd items never crash.
    [[nodiscard]] static QList<DirectoryRole> parseDirectoryRoles(const QJsonArray& page);
    // True when roles hold this template id (case-insensitive).
    [[nodiscard]] static bool holds(const QList<DirectoryRole>& roles, const QString& roleTemplateId);
    // "Security Administrator" for a known template id; the id itself otherwise.
    [[nodiscard]] static QString roleName(const QString& roleTemplateId);

private:
    GraphClient& m_client;
};

} // namespace tb::graph
