// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/RequestGroup.h"
#include "core/model/AppRoleAssignment.h"
#include "core/model/SynchronizationSchema.h"
#include "core/sync/ImpactResult.h"
#include "core/sync/MappingEvaluator.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace tb::graph {
class GraphClient;
class GraphRequest;
class GraphResponse;
class PageReader;
struct PageReadResult;
} // namespace tb::graph

namespace tb::sync {

// The impact of a scope or mapping change before it is saved (issue 6): every user the change concerns is evaluated
// under the current schema and under the proposed one with MappingEvaluator, and only the users whose outcome
// differs are listed (ImpactResult). It NEVER writes: every request is a GET (user reads go through $batch).
//
// The users: those given, else everyone assigned to the configuration directly or as a direct member of an
// assigned group (graph-reference 3), at most kMaxUsers (the result says when the cap cut the list). Each is read
// once with a $select covering what both schemas read. The target is read once: its invited users
// (creationType Invitation), matched by mail as Preview does (an accepted one: a target match; a pending
// invitation is not matched). Two full Previews are not run: licences and per-user target searches do not change
// with the schema.
//
// QObject, lives on the clients' thread; both clients must outlive it. One run at a time.
class ChangeImpact final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeImpact)

public:
    static constexpr int kMaxUsers = 5000;

    // One source user as both evaluations see it.
    struct Subject
    {
        QJsonObject source; // the Graph user JSON
        bool assigned = false;
        std::optional<QJsonObject> matchedTarget; // an accepted invited user of the target with the same mail
    };

    ChangeImpact(graph::GraphClient& sourceClient, graph::GraphClient& targetClient, QObject* parent = nullptr);
    ~ChangeImpact() override;

    // Reads the job's current schema and compares it with proposed. users: object ids or UPNs; empty: the assigned
    // users. False (nothing started) while running, without ids, or when proposed has no user mapping.
    bool start(const QString& servicePrincipalId, const QString& jobId, const model::SynchronizationSchema& proposed,
        const QStringList& users = {});
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }

    // The comparison itself, without a network: the users in order, only those whose outcome differs.
    [[nodiscard]] static ImpactResult compare(const model::SynchronizationSchema& current,
        const model::SynchronizationSchema& proposed, const QList<Subject>& subjects);
    // The accepted invited user among targetUsers whose mail equals the source's mail (else UPN), if any.
    [[nodiscard]] static std::optional<QJsonObject> matchTarget(
        const QJsonObject& source, const QList<QJsonObject>& targetUsers);
    // Whether a schema JSON can be compared: it parses as a schema with an enabled user mapping. Else the reason.
    [[nodiscard]] static QString schemaProblem(const model::SynchronizationSchema& schema);

signals:
    void progress(const QString& step);
    void finished(const tb::sync::ImpactResult& result);
    void failed(const QString& userMessage);

private:
    void handleSchema(const graph::GraphResponse& response);
    void handleAssignments(const graph::PageReadResult& result);
    void readGroupMembers();
    void readTargetUsers();
    void readUsers();
    void stepDone();
    void fail(const QString& message);
    graph::PageReader* newReader(graph::GraphClient& client, const graph::GraphRequest& request);

    graph::GraphClient& m_source;
    graph::GraphClient& m_target;
    QString m_servicePrincipalId;
    QString m_jobId;
    model::SynchronizationSchema m_current;
    model::SynchronizationSchema m_proposed;
    QStringList m_requestedUsers;
    QList<model::AppRoleAssignment> m_assignments;
    QStringList m_userIds; // lower-case ids, in order: the assigned users
    QSet<QString> m_assignedUsers; // lower-case ids: directly or through a group
    QList<QJsonObject> m_targetUsers;
    QStringList m_problems;
    int m_pending = 0;
    int m_available = 0;
    graph::RequestGroup m_requests;
    bool m_running = false;
};

} // namespace tb::sync
