// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/login/GraphScopes.h"

namespace tbsandbox {

namespace {

// Graph's resource as it appears before a scope name: the hosts of the three clouds and the app id.
const QStringList kGraphResources
    = {QStringLiteral("https://graph.microsoft.com/"), QStringLiteral("https://graph.microsoft.us/"),
        QStringLiteral("https://dod-graph.microsoft.us/"), QStringLiteral("https://microsoftgraph.chinacloudapi.cn/"),
        QStringLiteral("00000003-0000-0000-c000-000000000000/")};

const QStringList kOidcScopes
    = {QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email"), QStringLiteral("offline_access")};

const QStringList kUserReads = {QStringLiteral("User.Read.All"), QStringLiteral("User.ReadWrite.All"),
    QStringLiteral("Directory.Read.All"), QStringLiteral("Directory.ReadWrite.All")};
const QStringList kUserWrites = {QStringLiteral("User.ReadWrite.All"), QStringLiteral("Directory.ReadWrite.All")};
const QStringList kGroupReads
    = {QStringLiteral("Group.Read.All"), QStringLiteral("GroupMember.Read.All"), QStringLiteral("Group.ReadWrite.All"),
        QStringLiteral("Directory.Read.All"), QStringLiteral("Directory.ReadWrite.All")};
const QStringList kOrganizationReads
    = {QStringLiteral("User.Read"), QStringLiteral("Organization.Read.All"), QStringLiteral("Directory.Read.All")};
const QStringList kSkuReads = {QStringLiteral("Organization.Read.All"), QStringLiteral("Directory.Read.All"),
    QStringLiteral("LicenseAssignment.Read.All")};
const QStringList kContactReads = {QStringLiteral("OrgContact.Read.All"), QStringLiteral("Directory.Read.All"),
    QStringLiteral("Directory.ReadWrite.All")};
const QStringList kRevokeSessions = {QStringLiteral("User.RevokeSessions.All"), QStringLiteral("User.ReadWrite.All"),
    QStringLiteral("Directory.ReadWrite.All")};
// Cross-tenant access and the CTS configuration (graph-reference 0, 1, 2): the scopes each section names; the
// how-to's broader Application.ReadWrite.All and Directory.ReadWrite.All work for synchronization too.
const QStringList kPolicyReads
    = {QStringLiteral("Policy.Read.All"), QStringLiteral("Policy.ReadWrite.CrossTenantAccess")};
const QStringList kPolicyWrites = {QStringLiteral("Policy.ReadWrite.CrossTenantAccess")};
const QStringList kTenantLookup = {QStringLiteral("CrossTenantInformation.ReadBasic.All")};
const QStringList kApplicationReads
    = {QStringLiteral("Application.Read.All"), QStringLiteral("Application.ReadWrite.All"),
        QStringLiteral("Directory.Read.All"), QStringLiteral("Directory.ReadWrite.All")};
const QStringList kApplicationWrites = {QStringLiteral("Application.ReadWrite.All")};
const QStringList kSynchronizationReads
    = {QStringLiteral("Synchronization.Read.All"), QStringLiteral("Synchronization.ReadWrite.All"),
        QStringLiteral("Application.ReadWrite.All"), QStringLiteral("Directory.ReadWrite.All")};
const QStringList kSynchronizationWrites = {QStringLiteral("Synchronization.ReadWrite.All"),
    QStringLiteral("Application.ReadWrite.All"), QStringLiteral("Directory.ReadWrite.All")};
// Assignments to a service principal (graph-reference 3): reads as the application, writes need the assignment scope
// (or the how-to's broader ones).
const QStringList kAssignmentReads = {QStringLiteral("Application.Read.All"),
    QStringLiteral("Application.ReadWrite.All"), QStringLiteral("AppRoleAssignment.ReadWrite.All"),
    QStringLiteral("Directory.Read.All"), QStringLiteral("Directory.ReadWrite.All")};
const QStringList kAssignmentWrites = {QStringLiteral("AppRoleAssignment.ReadWrite.All"),
    QStringLiteral("Application.ReadWrite.All"), QStringLiteral("Directory.ReadWrite.All")};
// Provisioning logs and directory audits (graph-reference 4).
const QStringList kAuditLogReads = {QStringLiteral("AuditLog.Read.All")};
const QStringList kOwnMemberships = {
    QStringLiteral("User.Read"), QStringLiteral("Directory.Read.All"), QStringLiteral("RoleManagement.Read.Directory")};

QString canonical(const QString& name)
{
    for (const QString& known : GraphScopes::known()) {
        if (known.compare(name, Qt::CaseInsensitive) == 0) {
            return known;
        }
    }
    return name;
}

} // namespace

const QStringList& GraphScopes::known()
{
    static const QStringList scopes = {QStringLiteral("User.Read"), QStringLiteral("User.Read.All"),
        QStringLiteral("User.ReadWrite.All"), QStringLiteral("User.RevokeSessions.All"),
        QStringLiteral("Group.Read.All"), QStringLiteral("GroupMember.Read.All"), QStringLiteral("Group.ReadWrite.All"),
        QStringLiteral("Directory.Read.All"), QStringLiteral("Directory.ReadWrite.All"),
        QStringLiteral("Organization.Read.All"), QStringLiteral("LicenseAssignment.Read.All"),
        QStringLiteral("Policy.Read.All"), QStringLiteral("Policy.ReadWrite.CrossTenantAccess"),
        QStringLiteral("CrossTenantInformation.ReadBasic.All"), QStringLiteral("Application.Read.All"),
        QStringLiteral("Application.ReadWrite.All"), QStringLiteral("Synchronization.Read.All"),
        QStringLiteral("Synchronization.ReadWrite.All"), QStringLiteral("RoleManagement.Read.Directory"),
        QStringLiteral("OrgContact.Read.All"), QStringLiteral("AppRoleAssignment.ReadWrite.All"),
        QStringLiteral("AuditLog.Read.All")};
    return scopes;
}

GraphScopes::Request GraphScopes::parse(const QString& scopeParameter)
{
    Request request;
    const auto addGraph = [&request](const QString& name) {
        const QString scope = canonical(name);
        if (!request.graph.contains(scope, Qt::CaseInsensitive)) {
            request.graph.append(scope);
        }
    };
    for (const QString& scope : scopeParameter.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (kOidcScopes.contains(scope.toLower())) {
            if (!request.oidc.contains(scope.toLower())) {
                request.oidc.append(scope.toLower());
            }
            continue;
        }
        QString name = scope;
        for (const QString& resource : kGraphResources) {
            if (scope.startsWith(resource, Qt::CaseInsensitive)) {
                name = scope.mid(resource.size());
                break;
            }
        }
        // A scope of another resource (Azure management, a custom API) or a malformed one.
        if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char(':')) || name.isEmpty()) {
            request.invalidScope = scope;
            return request;
        }
        if (name.compare(QLatin1String(".default"), Qt::CaseInsensitive) == 0) {
            request.everything = true;
            continue;
        }
        addGraph(name);
    }
    if (request.everything) {
        for (const QString& scope : known()) {
            addGraph(scope);
        }
    }
    return request;
}

QString GraphScopes::audienceFor(const QString& cloud)
{
    if (cloud == QLatin1String("USGovernment")) {
        return QStringLiteral("https://graph.microsoft.us");
    }
    if (cloud == QLatin1String("China")) {
        return QStringLiteral("https://microsoftgraph.chinacloudapi.cn");
    }
    return QStringLiteral("https://graph.microsoft.com");
}

QStringList GraphScopes::requiredFor(const QString& method, const QStringList& segments)
{
    if (segments.isEmpty()) {
        return {};
    }
    const QString& collection = segments.first();
    if (collection == QLatin1String("users")) {
        if (segments.size() == 3 && segments.at(2) == QLatin1String("revokeSignInSessions")) {
            return kRevokeSessions;
        }
        return method == QLatin1String("GET") ? kUserReads : kUserWrites;
    }
    if (collection == QLatin1String("groups")) {
        return kGroupReads;
    }
    if (collection == QLatin1String("organization")) {
        return kOrganizationReads;
    }
    if (collection == QLatin1String("subscribedSkus")) {
        return kSkuReads;
    }
    if (collection == QLatin1String("contacts")) {
        return kContactReads;
    }
    const bool read = method == QLatin1String("GET");
    if (collection == QLatin1String("policies")) {
        return read ? kPolicyReads : kPolicyWrites;
    }
    if (collection == QLatin1String("tenantRelationships")) {
        return kTenantLookup;
    }
    if (collection == QLatin1String("auditLogs")) {
        return kAuditLogReads;
    }
    if (collection == QLatin1String("servicePrincipals") && segments.size() >= 3
        && segments.at(2) == QLatin1String("appRoleAssignedTo")) {
        return read ? kAssignmentReads : kAssignmentWrites;
    }
    if (collection == QLatin1String("servicePrincipals") && segments.size() >= 3
        && segments.at(2) == QLatin1String("synchronization")) {
        return read ? kSynchronizationReads : kSynchronizationWrites;
    }
    if (collection == QLatin1String("applicationTemplates") || collection == QLatin1String("applications")
        || collection == QLatin1String("servicePrincipals")) {
        return read ? kApplicationReads : kApplicationWrites;
    }
    if (collection == QLatin1String("me")) {
        return kOwnMemberships;
    }
    return {};
}

bool GraphScopes::grants(const QStringList& granted, const QStringList& anyOf)
{
    for (const QString& scope : anyOf) {
        if (granted.contains(scope, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

} // namespace tbsandbox
