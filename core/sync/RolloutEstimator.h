// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphError.h"
#include "core/model/DirectoryUser.h"
#include "core/sync/RolloutPlan.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <functional>

namespace tb::graph {
class BatchRequest;
class GraphClient;
class PageReader;
struct PageReadResult;
} // namespace tb::graph

namespace tb::sync {

// Works out the estimates of a rollout's planned stages (RolloutPlan::estimate) from what the tenants hold now:
// the configuration's assignments, the direct members of every group involved (assigned ones and the stages'), the
// stages' users, and the target's users (for matching). Reads only; one read at a time, so it stays within the
// client's in-flight limit. A job: create, connect, start(); `finished` once. Same thread as the clients.
class RolloutEstimator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutEstimator)

public:
    RolloutEstimator(graph::GraphClient& sourceClient, graph::GraphClient& targetClient, QObject* parent = nullptr);
    ~RolloutEstimator() override;

    // Estimates the stages in state Planned (only `onlyStage` when >= 0); others keep theirs.
    void start(const RolloutPlan& plan, int onlyStage = -1);

    // The user properties the estimate needs (also what the runner reads).
    [[nodiscard]] static QStringList sourceUserSelect();
    [[nodiscard]] static QStringList targetUserSelect();
    // After a failed finish: the error of the read that failed (a lost sign-in is Kind::Auth).
    [[nodiscard]] const graph::GraphError& error() const { return m_error; }

signals:
    // The plan with the estimates filled in; on failure the plan unchanged and a sentence.
    void finished(const tb::sync::RolloutPlan& plan, bool succeeded, const QString& problem);

private:
    void next();
    void read(graph::PageReader* reader, const std::function<void(const QJsonArray&)>& onPage);
    void compute();
    [[nodiscard]] QList<RolloutStage> stagesNeeded() const;
    void fail(const QString& problem, const graph::GraphError& error);

    graph::GraphClient& m_source;
    graph::GraphClient& m_target;
    RolloutPlan m_plan;
    int m_onlyStage = -1;
    QList<std::function<void()>> m_steps;
    QPointer<graph::PageReader> m_reader;
    QPointer<graph::BatchRequest> m_batch;
    QSet<QString> m_assignedGroups;
    QSet<QString> m_assignedUsers;
    QHash<QString, QList<model::DirectoryUser>> m_members; // group id -> direct member users
    QHash<QString, model::DirectoryUser> m_users; // the stages' user principals
    QList<model::DirectoryUser> m_targetUsers;
    graph::GraphError m_error;
    bool m_finished = false;
};

} // namespace tb::sync
