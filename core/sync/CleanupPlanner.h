// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/RequestGroup.h"
#include "core/model/AppRoleAssignment.h"
#include "core/model/ProvisioningLogEntry.h"
#include "core/sync/CleanupListing.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace tb::graph {
class GraphClient;
class GraphRequest;
class GraphResponse;
class PageReader;
struct PageReadResult;
} // namespace tb::graph

namespace tb::store {
class Journal;
}

namespace tb::sync {

// Clean-up after cross-tenant sync (issue 6): deleting a configuration leaves the users it provisioned in the
// target, so this lists them and, when the administrator confirmed, removes the configuration's assignments; the
// service then deprovisions (soft-deletes) every user it provisioned on its next cycle.
//
// list(): the source's provisioning logs of the job (successful creates and updates: targetIdentity id, deduped,
// newest first) cross-checked against the target (GET each user, in $batch; the missing ones are marked gone), plus
// the target's invited users whose mail domain is one of the source's verified domains (GET /organization in the
// source), labelled as not proven to be from this configuration; and the configuration's assignments. Reads only.
// removeAssignments(): DELETE each assignment, in $batch requests of 20, each batch journalled (intent before,
// done or failed after) under one run id. The caller must have confirmed (removalWarning()).
//
// QObject, lives on the clients' thread; clients and journal must outlive it. One operation at a time.
class CleanupPlanner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CleanupPlanner)

public:
    static constexpr int kBatchSize = 20;

    struct RemovalResult
    {
        QString runId;
        int removed = 0; // answered 204 (or 404: already gone)
        int batches = 0;
        QStringList failures; // "<principal>: <error>", one per assignment that stays
    };

    CleanupPlanner(graph::GraphClient& sourceClient, graph::GraphClient& targetClient, QObject* parent = nullptr);
    ~CleanupPlanner() override;

    // sourceName names the source in the label of domain-matched users. False while busy or without ids.
    bool list(const QString& servicePrincipalId, const QString& jobId, const QString& sourceName);
    // journal records each batch; tenantId: the source tenant (where the assignments are). False while busy.
    bool removeAssignments(const QString& servicePrincipalId, const QList<model::AppRoleAssignment>& assignments,
        store::Journal& journal, const QString& runId, const QString& tenantId);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }

    // What removing the assignments does, to show before asking for confirmation.
    [[nodiscard]] static QString removalWarning(int assignments, int users);
    // The users of logs to list: successful creates and updates with a target id, the newest entry per target user
    // first. Entries of other jobs are left out when jobId is given.
    [[nodiscard]] static QList<CleanupListing::TargetUser> usersFromLogs(
        const QList<model::ProvisioningLogEntry>& logs, const QString& jobId);
    // The domain of a mail or UPN (lower case), handling the #EXT# form of invited users' UPNs.
    [[nodiscard]] static QString mailDomain(const QString& mailOrUserPrincipalName);

signals:
    void progress(const QString& step);
    void listed(const tb::sync::CleanupListing& listing);
    void assignmentsRemoved(const tb::sync::CleanupPlanner::RemovalResult& result);
    void failed(const QString& userMessage);

private:
    void stepDone();
    void checkTargets();
    void finishListing();
    void sendRemovalBatch();
    void fail(const QString& message);
    graph::PageReader* newReader(graph::GraphClient& client, const graph::GraphRequest& request);

    graph::GraphClient& m_source;
    graph::GraphClient& m_target;
    QString m_servicePrincipalId;
    QString m_jobId;
    QString m_sourceName;
    CleanupListing m_listing;
    QList<model::ProvisioningLogEntry> m_logs;
    QList<QJsonObject> m_invitedUsers;
    int m_pending = 0;
    // Removal.
    store::Journal* m_journal = nullptr;
    QString m_tenantId;
    QList<model::AppRoleAssignment> m_toRemove;
    int m_nextBatch = 0;
    RemovalResult m_removal;
    graph::RequestGroup m_requests;
    bool m_running = false;
};

} // namespace tb::sync

Q_DECLARE_METATYPE(tb::sync::CleanupPlanner::RemovalResult)
