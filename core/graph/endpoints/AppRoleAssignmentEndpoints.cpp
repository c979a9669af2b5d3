// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/endpoints/AppRoleAssignmentEndpoints.h"

#include "core/graph/GraphClient.h"
#include "core/graph/PageReader.h"

#include <algorithm>

namespace tb::graph {

namespace {

const QString kServicePrincipals = QStringLiteral("/servicePrincipals");
const QString kAssignedTo = QStringLiteral("/appRoleAssignedTo");

// "/servicePrincipals/{id}/appRoleAssignedTo" + suffix; invalid for an empty service principal id.
GraphRequest assignedToRequest(GraphRequest::Method method, const QString& servicePrincipalId,
    const QString& suffix = {}, const QString& suffixTemplate = {})
{
    GraphRequest request(method, kServicePrincipals);
    if (servicePrincipalId.trimmed().isEmpty()) {
        request.setInvalidReason(QStringLiteral("no service principal id was given."));
        return request;
    }
    request.setPath(
        kServicePrincipals + QLatin1Char('/') + GraphRequest::pathSegment(servicePrincipalId) + kAssignedTo + suffix);
    request.setPathTemplate(kServicePrincipals + QStringLiteral("/{id}") + kAssignedTo + suffixTemplate);
    return request;
}

} // namespace

AppRoleAssignmentEndpoints::AppRoleAssignmentEndpoints(GraphClient& client)
    : m_client(client)
{ }

QString AppRoleAssignmentEndpoints::msiamAccessRoleId(const QJsonObject& servicePrincipal)
{
    const QString wanted = QStringLiteral("msiam_access");
    for (const QJsonValue& value : servicePrincipal.value(QLatin1String("appRoles")).toArray()) {
        const QJsonObject role = value.toObject();
        if (role.value(QLatin1String("displayName")).toString().compare(wanted, Qt::CaseInsensitive) == 0
            || role.value(QLatin1String("value")).toString().compare(wanted, Qt::CaseInsensitive) == 0) {
            return role.value(QLatin1String("id")).toString();
        }
    }
    return {};
}

GraphRequest AppRoleAssignmentEndpoints::listAssignmentsRequest(const QString& servicePrincipalId, int pageSize)
{
    GraphRequest request = assignedToRequest(GraphRequest::Method::Get, servicePrincipalId);
    request.addQueryItem(QStringLiteral("$top"), QString::number(std::clamp(pageSize, 1, 999)));
    return request;
}

GraphRequest AppRoleAssignmentEndpoints::addAssignmentRequest(
    const QString& servicePrincipalId, const QString& principalId, const QString& appRoleId)
{
    GraphRequest request = assignedToRequest(GraphRequest::Method::Post, servicePrincipalId);
    request.setBody({{QStringLiteral("principalId"), principalId.trimmed()},
        {QStringLiteral("resourceId"), servicePrincipalId.trimmed()},
        {QStringLiteral("appRoleId"), appRoleId.trimmed()}});
    if (request.isValid() && principalId.trimmed().isEmpty()) {
        request.setInvalidReason(QStringLiteral("no user or group id was given to assign."));
    } else if (request.isValid() && appRoleId.trimmed().isEmpty()) {
        request.setInvalidReason(QStringLiteral("no app role id was given (the configuration's msiam_access role)."));
    }
    return request;
}

GraphRequest AppRoleAssignmentEndpoints::removeAssignmentRequest(
    const QString& servicePrincipalId, const QString& assignmentId)
{
    GraphRequest request = assignedToRequest(GraphRequest::Method::Delete, servicePrincipalId,
        QLatin1Char('/') + GraphRequest::pathSegment(assignmentId), QStringLiteral("/{assignmentId}"));
    if (request.isValid() && assignmentId.trimmed().isEmpty()) {
        request.setInvalidReason(QStringLiteral("no assignment id was given."));
    }
    return request;
}

PageReader* AppRoleAssignmentEndpoints::listAssignments(const QString& servicePrincipalId, QObject* parent) const
{
    return new PageReader(m_client, listAssignmentsRequest(servicePrincipalId), parent);
}

GraphCall* AppRoleAssignmentEndpoints::addAssignment(
    const QString& servicePrincipalId, const QString& principalId, const QString& appRoleId) const
{
    return m_client.send(addAssignmentRequest(servicePrincipalId, principalId, appRoleId));
}

GraphCall* AppRoleAssignmentEndpoints::removeAssignment(
    const QString& servicePrincipalId, const QString& assignmentId) const
{
    return m_client.send(removeAssignmentRequest(servicePrincipalId, assignmentId));
}

QList<model::AppRoleAssignment> AppRoleAssignmentEndpoints::parseAssignments(const QJsonArray& page)
{
    QList<model::AppRoleAssignment> assignments;
    for (const QJsonValue& value : page) {
        model::AppRoleAssignment assignment = model::AppRoleAssignment::fromJson(value.toObject());
        if (!assignment.id.isEmpty()) {
            assignments.append(assignment);
        }
    }
    return assignments;
}

std::optional<model::AppRoleAssignment> AppRoleAssignmentEndpoints::parseAssignment(const GraphResponse& response)
{
    model::AppRoleAssignment assignment = model::AppRoleAssignment::fromJson(response.json());
    if (!response.isSuccess() || assignment.id.isEmpty()) {
        return std::nullopt;
    }
    return assignment;
}

} // namespace tb::graph
