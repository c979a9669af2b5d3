// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/ProvisioningLogEntry.h"
#include "core/model/SyncJob.h"
#include "core/sync/TraceResult.h"
#include "core/sync/UserPreview.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace tb::graph {
class GraphCall;
class GraphClient;
class GraphResponse;
} // namespace tb::graph

namespace tb::sync {

class Preview;

// "Why is user X not synced?" (issue 6): for one source user of a configuration, reads the user, their Preview as
// things stand today (assignment, scope and the deciding clause, P1 licence, the match in the target), the job and
// the user's latest provisioning log records, then walks the checks in the service's order and names the first one
// that stops the user, with the fix (decide()). Reads only: every request is a GET.
//
// The user is read once more on its own (Preview keeps the raw user to itself): a 404 there is the answer "not in
// the source" rather than a failure. The deciding scoping clause, with the user's value, is the preview's
// decidingClause. Provisioning logs that
// cannot be read (AuditLog.Read.All not granted) make that check unknown, nothing more; an unreadable schema, job or
// user is a failure (failed()).
//
// QObject on the clients' thread; both clients must outlive it. One run at a time.
class Trace final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Trace)

public:
    static constexpr int kLogRecords = 5;

    // What the trace is about; the names only make the sentences concrete.
    struct Target
    {
        QString servicePrincipalId;
        QString jobId;
        QString configurationName; // "Contoso to Fabrikam"
        QString sourceTenantName; // "Contoso"
        QString targetTenantName; // "Fabrikam"
    };

    // Everything decide() looks at; made by a run, or by hand in the unit tests.
    struct Inputs
    {
        Target target;
        QString user; // as asked
        bool sourceFound = false; // the source answered the user; false: 404
        QJsonObject sourceUser; // what GET /users/{user} answered
        std::optional<UserPreview> preview;
        std::optional<model::SyncJob> job;
        std::optional<QList<model::ProvisioningLogEntry>> logs; // newest first; nothing: could not be read
        QString logsProblem;
    };

    Trace(graph::GraphClient& sourceClient, graph::GraphClient& targetClient, QObject* parent = nullptr);
    ~Trace() override;

    // user: a UPN or an object id of the source. False (nothing started) while a run is under way, or without a
    // service principal, job or user.
    bool start(const Target& target, const QString& user);
    void cancel(); // no signal follows
    [[nodiscard]] bool isRunning() const { return m_running; }

    // The ordered checks and their verdict; pure, any thread.
    [[nodiscard]] static TraceResult decide(const Inputs& inputs);

signals:
    void finished(const tb::sync::TraceResult& result);
    void failed(const QString& userMessage);

private:
    void handleUser(const graph::GraphResponse& response);
    void handleJob(const graph::GraphResponse& response);
    void handleLogs(const graph::GraphResponse& response);
    void partDone();
    void fail(const QString& message);
    void track(graph::GraphCall* call);

    graph::GraphClient& m_source;
    graph::GraphClient& m_target;
    Preview* m_preview = nullptr;
    Inputs m_inputs;
    int m_pending = 0;
    bool m_running = false;
    QList<QPointer<graph::GraphCall>> m_calls;
};

} // namespace tb::sync
