// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/AppRoleAssignment.h"
#include "core/model/LicenseDetail.h"
#include "core/sync/MappingEvaluator.h"
#include "core/sync/UserPreview.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace tb::graph {
class GraphCall;
class GraphClient;
class GraphRequest;
class GraphResponse;
class PageReader;
struct PageReadResult;
} // namespace tb::graph

namespace tb::sync {

// What cross-tenant sync would do to a handful of source users, worked out from reads only (issue 6): the job's
// schema, each user with the attributes the schema reads, their licences, how they are assigned to the
// configuration, and the target user they would meet with its current values; MappingEvaluator then says scope,
// action and every attribute's predicted value. It NEVER writes: every request it sends is a GET.
//
// Reads run in parallel (the client's in-flight limit paces them): the schema and the assignments first, then per
// user its GET /users/{id}?$select=…, and after it its licence details, its direct group memberships (only when a
// group is assigned) and the target lookup (GET /users?$filter=mail eq '…' in the target). A read that fails for
// one user becomes a sentence in that user's `problems`; only an unreadable schema stops everything (failed()).
//
// Matching, as the sandbox does it (core/sandbox/README.md "Matching", graph-reference 5.4): a target user with
// creationType Invitation whose mail equals the source user's mail (or UPN, without mail). Accepted and userType
// Member: Linked (a B2B member: sync created it or took it over earlier); accepted and Guest: ExistingGuest (taken
// over, userType stays Guest); PendingAcceptance: PendingGuest (not matched: a warning). A target member that is not
// an invited user with the same mail: a conflict sync will fail on (a problem). Links kept in the service's own
// store are not visible through Graph, so Linked is this inference.
//
// QObject, lives on the clients' thread; both clients must outlive it. One run at a time.
class Preview final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Preview)

public:
    Preview(graph::GraphClient& sourceClient, graph::GraphClient& targetClient, QObject* parent = nullptr);
    ~Preview() override;

    // users: object ids or user principal names of the source, in the order the results should have (duplicates
    // are kept once). False (nothing started) while a run is under way, without a service principal or job id, or
    // with more than TestUserLimit::kMaxUsers distinct users.
    bool start(const QString& servicePrincipalId, const QString& jobId, const QStringList& users);
    // Evaluate users that are not assigned to the configuration as if they were, which is what a test sync does
    // first (it assigns them): they keep assigned false and get their scope, match and action worked out instead
    // of a Skip for "not assigned". Off by default: the preview then says what the next cycle would do today.
    void setAssumeAssigned(bool assume) { m_assumeAssigned = assume; }
    [[nodiscard]] bool assumesAssigned() const { return m_assumeAssigned; }
    // Stops every read; no signal follows.
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }

    // The user properties a Graph GET may $select (the v1.0 user properties the sandbox serves as well): a mapping
    // reading anything else (netId, objectId, mailNickname ...) gets it from MappingEvaluator::attributesFromUser.
    [[nodiscard]] static const QStringList& selectableUserProperties();
    // $select of the source read: what the mappings and scope clauses read, plus id, userPrincipalName, mail,
    // userType, accountEnabled, creationType and displayName.
    [[nodiscard]] static QStringList sourceSelect(const MappingEvaluator& evaluator);
    // $select of the target lookup: the mapped target attributes Graph serves plus what matching reads.
    [[nodiscard]] static QStringList targetSelect(const MappingEvaluator& evaluator);
    // P1: an enabled (provisioningStatus not Disabled) AAD_PREMIUM or AAD_PREMIUM_P2 service plan; the skuId is
    // never trusted, SKUs differ per tenant and offer. note: "Entra ID P1 through SPE_E5" or why there is none.
    [[nodiscard]] static bool hasP1(const QList<model::LicenseDetail>& licences, QString* note);

signals:
    void progress(int done, int total);
    void finished(const QList<tb::sync::UserPreview>& previews);
    void failed(const QString& userMessage);

private:
    struct Entry
    {
        QString input; // as given
        UserPreview preview;
        std::optional<QJsonObject> source;
        QList<QJsonObject> targetCandidates;
        bool targetRead = false;
        QStringList memberOfGroupIds;
        int pendingReads = 0;
        bool done = false;
    };

    void handleSchema(const graph::GraphResponse& response);
    void handleAssignmentsFinished(const graph::PageReadResult& result);
    void startUsersWhenReady();
    void readUser(int index);
    void handleUser(int index, const graph::GraphResponse& response);
    void readLicences(int index);
    void readMemberships(int index);
    void readTarget(int index);
    void readDone(int index);
    void finishEntry(int index);
    void decide(Entry& entry) const;
    void match(Entry& entry, std::optional<QJsonObject>& targetUser) const;
    graph::PageReader* newReader(graph::GraphClient& client, const graph::GraphRequest& request);
    void track(graph::GraphCall* call);

    graph::GraphClient& m_source;
    graph::GraphClient& m_target;
    QString m_servicePrincipalId;
    QString m_jobId;
    QList<Entry> m_entries;
    MappingEvaluator m_evaluator;
    bool m_schemaRead = false;
    bool m_assignmentsRead = false;
    QString m_assignmentsProblem;
    QList<model::AppRoleAssignment> m_assignments;
    bool m_assumeAssigned = false;
    QSet<QString> m_assignedUsers; // lower-case ids
    QHash<QString, QString> m_assignedGroups; // lower-case id -> display name
    QList<QPointer<graph::GraphCall>> m_calls;
    QList<QPointer<graph::PageReader>> m_readers;
    int m_done = 0;
    bool m_running = false;
};

} // namespace tb::sync
