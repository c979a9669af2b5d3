// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/RolloutEstimator.h"

#include "core/graph/BatchRequest.h"
#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/AppRoleAssignmentEndpoints.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"

#include <QJsonArray>
#include <QTimer>

namespace tb::sync {

namespace {

// Direct members come as directoryObjects; only users count (the service does not follow nested groups).
QList<model::DirectoryUser> usersOf(const QJsonArray& page)
{
    QJsonArray users;
    for (const QJsonValue& item : page) {
        const QString type = item.toObject().value(QLatin1String("@odata.type")).toString();
        if (type.isEmpty() || type == QLatin1String("#microsoft.graph.user")) {
            users.append(item);
        }
    }
    return graph::DirectoryEndpoints::parseUsers(users);
}

} // namespace

RolloutEstimator::RolloutEstimator(graph::GraphClient& sourceClient, graph::GraphClient& targetClient, QObject* parent)
    : QObject(parent)
    , m_source(sourceClient)
    , m_target(targetClient)
{ }

RolloutEstimator::~RolloutEstimator()
{
    if (m_reader) {
        m_reader->cancel();
    }
    if (m_batch) {
        disconnect(m_batch, nullptr, this, nullptr);
        m_batch->cancel();
    }
}

QStringList RolloutEstimator::sourceUserSelect()
{
    return {QStringLiteral("id"), QStringLiteral("displayName"), QStringLiteral("userPrincipalName"),
        QStringLiteral("mail"), QStringLiteral("userType"), QStringLiteral("accountEnabled"),
        QStringLiteral("assignedPlans")};
}

QStringList RolloutEstimator::targetUserSelect()
{
    return {QStringLiteral("id"), QStringLiteral("userPrincipalName"), QStringLiteral("mail"),
        QStringLiteral("userType"), QStringLiteral("creationType"), QStringLiteral("externalUserState")};
}

void RolloutEstimator::start(const RolloutPlan& plan, int onlyStage)
{
    m_plan = plan;
    m_onlyStage = onlyStage;
    const QString spId = plan.servicePrincipalId;

    // 1. what the configuration has now; 2. members of every group involved; 3. the stages' users; 4. the target.
    m_steps.append([this, spId] {
        graph::AppRoleAssignmentEndpoints endpoints(m_source);
        read(endpoints.listAssignments(spId, this), [this](const QJsonArray& page) {
            for (const model::AppRoleAssignment& assignment :
                graph::AppRoleAssignmentEndpoints::parseAssignments(page)) {
                (assignment.isGroup() ? m_assignedGroups : m_assignedUsers).insert(assignment.principalId);
            }
        });
    });
    m_steps.append([this] {
        QSet<QString> groups = m_assignedGroups;
        for (const RolloutStage& stage : stagesNeeded()) {
            for (const RolloutPrincipal& principal : stage.principals) {
                if (principal.type == RolloutPrincipal::Type::Group) {
                    groups.insert(principal.id);
                }
            }
        }
        // Read each group in turn, ahead of the remaining steps.
        QList<std::function<void()>> reads;
        for (const QString& groupId : std::as_const(groups)) {
            reads.append([this, groupId] {
                graph::DirectoryEndpoints endpoints(m_source);
                auto* reader = new graph::PageReader(m_source,
                    graph::DirectoryEndpoints::groupMembersRequest(groupId, false, sourceUserSelect(), 999), this);
                read(reader, [this, groupId](const QJsonArray& page) { m_members[groupId].append(usersOf(page)); });
            });
        }
        m_steps = reads + m_steps;
        next();
    });
    m_steps.append([this] {
        // The stages' users, 20 to a $batch: a stage of thousands of users costs a few hundred requests, not thousands.
        QStringList userIds;
        QList<graph::GraphRequest> requests;
        for (const RolloutStage& stage : stagesNeeded()) {
            for (const RolloutPrincipal& principal : stage.principals) {
                if (principal.type == RolloutPrincipal::Type::User && !userIds.contains(principal.id)) {
                    userIds.append(principal.id);
                    requests.append(graph::DirectoryEndpoints::getUserRequest(principal.id, sourceUserSelect()));
                }
            }
        }
        if (requests.isEmpty()) {
            next();
            return;
        }
        auto* batch = new graph::BatchRequest(m_source, requests, this);
        m_batch = batch;
        connect(
            batch, &graph::BatchRequest::finished, this, [this, userIds](const QList<graph::GraphResponse>& responses) {
                for (int i = 0; i < userIds.size() && i < responses.size(); ++i) {
                    if (!responses.at(i).isSuccess()) {
                        fail(QStringLiteral("Could not read the user %1 in the source: %2")
                                 .arg(userIds.at(i), responses.at(i).error().userMessage()),
                            responses.at(i).error());
                        return;
                    }
                    m_users.insert(userIds.at(i), model::DirectoryUser::fromJson(responses.at(i).json()));
                }
                next();
            });
        batch->start();
    });
    m_steps.append([this] {
        graph::DirectoryEndpoints::UserListOptions options;
        options.select = targetUserSelect();
        options.pageSize = graph::DirectoryEndpoints::kMaxPageSize;
        graph::DirectoryEndpoints endpoints(m_target);
        read(endpoints.listUsers(options, this),
            [this](const QJsonArray& page) { m_targetUsers.append(graph::DirectoryEndpoints::parseUsers(page)); });
    });
    m_steps.append([this] { compute(); });
    QTimer::singleShot(0, this, &RolloutEstimator::next);
}

QList<RolloutStage> RolloutEstimator::stagesNeeded() const
{
    // A stage's estimate depends on the stages before it, never on later ones.
    return m_onlyStage < 0 ? m_plan.stages : m_plan.stages.mid(0, m_onlyStage + 1);
}

void RolloutEstimator::next()
{
    if (m_finished || m_steps.isEmpty()) {
        return;
    }
    const std::function<void()> step = m_steps.takeFirst();
    step();
}

void RolloutEstimator::read(graph::PageReader* reader, const std::function<void(const QJsonArray&)>& onPage)
{
    m_reader = reader;
    connect(reader, &graph::PageReader::pageReceived, this, onPage);
    connect(reader, &graph::PageReader::finished, this, [this, reader](const graph::PageReadResult& result) {
        if (!result.isComplete()) {
            fail(QStringLiteral("Could not read %1: %2")
                     .arg(reader->firstRequest().logDescription(), result.error.userMessage()),
                result.error);
            return;
        }
        next();
    });
    reader->start();
}

void RolloutEstimator::compute()
{
    QSet<QString> inScope = m_assignedUsers;
    for (const QString& groupId : std::as_const(m_assignedGroups)) {
        for (const model::DirectoryUser& user : m_members.value(groupId)) {
            inScope.insert(user.id);
        }
    }
    for (int i = 0; i < m_plan.stages.size(); ++i) {
        RolloutStage& stage = m_plan.stages[i];
        QList<model::DirectoryUser> users;
        for (const RolloutPrincipal& principal : std::as_const(stage.principals)) {
            if (principal.type == RolloutPrincipal::Type::Group) {
                users.append(m_members.value(principal.id));
            } else if (m_users.contains(principal.id)) {
                users.append(m_users.value(principal.id));
            }
        }
        const bool estimateThis = stage.state == RolloutStage::State::Planned && (m_onlyStage < 0 || m_onlyStage == i);
        if (estimateThis) {
            stage.estimate = RolloutPlan::estimate(users, inScope, m_targetUsers);
            stage.progress.expected = stage.estimate.users;
        }
        if (stage.state != RolloutStage::State::Undone) {
            // Later stages do not bring these again.
            for (const model::DirectoryUser& user : std::as_const(users)) {
                inScope.insert(user.id);
            }
        }
    }
    m_finished = true;
    emit finished(m_plan, true, QString());
}

void RolloutEstimator::fail(const QString& problem, const graph::GraphError& error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_error = error;
    m_steps.clear();
    emit finished(m_plan, false, problem);
}

} // namespace tb::sync
