// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/model/AppRoleAssignment.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace tb::graph {

class GraphCall;
class GraphClient;
class PageReader;

// Who is in the CTS configuration's scope (graph-reference.md 3): the appRoleAssignments of users and groups to
// the configuration's service principal, read, added and removed through the resource's path
// (/servicePrincipals/{spId}/appRoleAssignedTo, as Microsoft recommends for deletes). The builders are plain
// GraphRequests, so many assignments can go through one BatchRequest. Scopes: CtsCall ReadAssignments and
// AssignUsers. Same pattern as OrgContactEndpoints; holds only a reference to its client; same thread.
class AppRoleAssignmentEndpoints final
{
public:
    explicit AppRoleAssignmentEndpoints(GraphClient& client);

    // The id of the service principal's app role whose displayName or value is msiam_access (compared
    // case-insensitively): the role CTS assignments use. It differs per configuration, so it is always read from
    // servicePrincipal.appRoles. Empty when there is none.
    [[nodiscard]] static QString msiamAccessRoleId(const QJsonObject& servicePrincipal);

    // Builders. An empty id comes back marked invalid.
    // GET /servicePrincipals/{spId}/appRoleAssignedTo?$top=pageSize (clamped to 1..999), paged.
    [[nodiscard]] static GraphRequest listAssignmentsRequest(const QString& servicePrincipalId, int pageSize = 999);
    // POST /servicePrincipals/{spId}/appRoleAssignedTo {principalId, resourceId = spId, appRoleId}: 201 + the
    // assignment. A duplicate is refused (400), so it is not retried on its own.
    [[nodiscard]] static GraphRequest addAssignmentRequest(
        const QString& servicePrincipalId, const QString& principalId, const QString& appRoleId);
    // DELETE /servicePrincipals/{spId}/appRoleAssignedTo/{assignmentId}: 204. The id is one encoded segment.
    [[nodiscard]] static GraphRequest removeAssignmentRequest(
        const QString& servicePrincipalId, const QString& assignmentId);

    // Senders: calls start on the next event-loop turn; the reader when start() is called.
    [[nodiscard]] PageReader* listAssignments(const QString& servicePrincipalId, QObject* parent) const;
    [[nodiscard]] GraphCall* addAssignment(
        const QString& servicePrincipalId, const QString& principalId, const QString& appRoleId) const;
    [[nodiscard]] GraphCall* removeAssignment(const QString& servicePrincipalId, const QString& assignmentId) const;

    // Parsers. Items without an id are skipped; nothing when the answer failed or has no id.
    [[nodiscard]] static QList<model::AppRoleAssignment> parseAssignments(const QJsonArray& page);
    [[nodiscard]] static std::optional<model::AppRoleAssignment> parseAssignment(const GraphResponse& response);

private:
    GraphClient& m_client;
};

} // namespace tb::graph
