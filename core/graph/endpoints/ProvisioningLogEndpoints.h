// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphRequest.h"
#include "core/model/DirectoryAuditEntry.h"
#include "core/model/ProvisioningLogEntry.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QString>

namespace tb::graph {

class GraphClient;
class PageReader;

// The audit trails of a sync (graph-reference.md 4): the source tenant's provisioning logs
// (GET /auditLogs/provisioning: one entry per user per cycle or provision on demand) and the target tenant's
// directory audits (GET /auditLogs/directoryAudits: what the sync did to its users). Both are read page by page;
// every text a user can type reaches $filter only through ODataFilter. Filters are case-sensitive in Graph.
// Scope: CtsCall ReadProvisioningLogs (AuditLog.Read.All), in either tenant. Same pattern as
// OrgContactEndpoints; holds only a reference to its client; same thread.
class ProvisioningLogEndpoints final
{
public:
    // What to read. Empty fields and invalid times do not filter; all given ones must hold.
    struct ProvisioningLogQuery
    {
        QString jobId; // jobId eq '…'
        QString servicePrincipalId; // servicePrincipal/id eq '…' (the configuration's object id, not the appId)
        QDateTime since; // activityDateTime ge …
        QDateTime until; // activityDateTime le …
        QString sourceIdentityId; // sourceIdentity/id eq '…'
        QString status; // provisioningStatusInfo/status eq '…', lower-cased: success, failure, skipped, warning
        QString cycleId; // cycleId eq '…'
        int top = 500; // page size, clamped to 1..1000
        bool newestFirst = true; // $orderby activityDateTime desc (asc when false)
    };

    struct DirectoryAuditQuery
    {
        QDateTime since;
        QDateTime until;
        QString category; // category eq '…': UserManagement, ProvisioningManagement
        QString correlationId; // correlationId eq '…': a provisioning log's changeId
        QString loggedByService; // loggedByService eq '…': "Core Directory", "Account Provisioning"
        int top = 500;
        bool newestFirst = true;
        // Not in $filter: Graph's targetResources/any(...) lambda is not something every service (the sandbox
        // included) answers; filter the parsed entries with DirectoryAuditEntry::concerns() instead.
    };

    explicit ProvisioningLogEndpoints(GraphClient& client);

    // GET /auditLogs/provisioning?$filter=…&$top=…&$orderby=activityDateTime desc. The clauses are joined with
    // "and", each in parentheses when there are several; times are written as UTC instants.
    [[nodiscard]] static GraphRequest provisioningLogsRequest(const ProvisioningLogQuery& query);
    // GET /auditLogs/directoryAudits, the same way.
    [[nodiscard]] static GraphRequest directoryAuditsRequest(const DirectoryAuditQuery& query);

    [[nodiscard]] PageReader* provisioningLogs(const ProvisioningLogQuery& query, QObject* parent) const;
    [[nodiscard]] PageReader* directoryAudits(const DirectoryAuditQuery& query, QObject* parent) const;

    // One page's items; items without an id are skipped.
    [[nodiscard]] static QList<model::ProvisioningLogEntry> parseProvisioningLogs(const QJsonArray& page);
    [[nodiscard]] static QList<model::DirectoryAuditEntry> parseDirectoryAudits(const QJsonArray& page);

private:
    GraphClient& m_client;
};

} // namespace tb::graph
