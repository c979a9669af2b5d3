// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/CleanupPlanner.h"

#include "core/graph/BatchRequest.h"
#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/ODataFilter.h"
#include "core/graph/PageReadResult.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/AppRoleAssignmentEndpoints.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "core/graph/endpoints/ProvisioningLogEndpoints.h"
#include "core/store/Journal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace tb::sync {

namespace {

using graph::GraphRequest;
using graph::GraphResponse;
using Origin = CleanupListing::Origin;
using Phase = store::JournalEntry::Phase;

QString field(const QJsonObject& json, const char* name)
{
    return json.value(QLatin1String(name)).toString();
}

const QStringList& targetUserSelect()
{
    static const QStringList select {QStringLiteral("id"), QStringLiteral("userPrincipalName"),
        QStringLiteral("displayName"), QStringLiteral("mail"), QStringLiteral("userType"),
        QStringLiteral("creationType"), QStringLiteral("externalUserState")};
    return select;
}

} // namespace

CleanupPlanner::CleanupPlanner(graph::GraphClient& sourceClient, graph::GraphClient& targetClient, QObject* parent)
    : QObject(parent)
    , m_source(sourceClient)
    , m_target(targetClient)
{ }

CleanupPlanner::~CleanupPlanner()
{
    cancel();
}

QString CleanupPlanner::removalWarning(int assignments, int users)
{
    return QStringLiteral(
        "Removing the configuration's %1 assignment(s) takes every user and group out of its scope. On its next "
        "cycle the synchronization service soft-deletes every user it provisioned in the target (%2 listed from its "
        "logs); a soft-deleted user can be restored from the target's deleted users for 30 days. Keep the target's "
        "inbound synchronization allowed until the deletes have finished, or they cannot happen. The configuration "
        "and its job stay; delete them afterwards if they are no longer wanted.")
        .arg(assignments)
        .arg(users);
}

QString CleanupPlanner::mailDomain(const QString& mailOrUserPrincipalName)
{
    QString text = mailOrUserPrincipalName.trimmed();
    // An invited user's UPN: alias_domain#EXT#@target.onmicrosoft.com: the home domain is before #EXT#.
    if (const qsizetype ext = text.indexOf(QLatin1String("#EXT#"), 0, Qt::CaseInsensitive); ext > 0) {
        text = text.left(ext);
        const qsizetype underscore = text.lastIndexOf(QLatin1Char('_'));
        return underscore < 0 ? QString() : text.mid(underscore + 1).toLower();
    }
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : text.mid(at + 1).toLower();
}

QList<CleanupListing::TargetUser> CleanupPlanner::usersFromLogs(
    const QList<model::ProvisioningLogEntry>& logs, const QString& jobId)
{
    QList<model::ProvisioningLogEntry> sorted;
    for (const model::ProvisioningLogEntry& entry : logs) {
        if (entry.status != QLatin1String("success")
            || (entry.action != QLatin1String("create") && entry.action != QLatin1String("update"))
            || entry.targetIdentity.id.isEmpty()
            || (!jobId.isEmpty() && !entry.jobId.isEmpty() && entry.jobId.compare(jobId, Qt::CaseInsensitive) != 0)) {
            continue;
        }
        sorted.append(entry);
    }
    std::stable_sort(
        sorted.begin(), sorted.end(), [](const model::ProvisioningLogEntry& a, const model::ProvisioningLogEntry& b) {
            return a.activityDateTime > b.activityDateTime;
        });
    QList<CleanupListing::TargetUser> users;
    QHash<QString, qsizetype> seen; // lower-case target id -> index in users
    for (const model::ProvisioningLogEntry& entry : std::as_const(sorted)) {
        const QString id = entry.targetIdentity.id.toLower();
        const bool create = entry.action == QLatin1String("create");
        if (const auto known = seen.constFind(id); known != seen.constEnd()) {
            users[known.value()].createdBySync = users[known.value()].createdBySync || create;
            continue;
        }
        seen.insert(id, users.size());
        CleanupListing::TargetUser user;
        user.targetUserId = entry.targetIdentity.id;
        user.displayName = entry.targetIdentity.displayName;
        user.origin = Origin::ProvisioningLogs;
        user.label = QStringLiteral("created or taken over by this configuration");
        user.sourceUserId = entry.sourceIdentity.id;
        user.sourceDisplayName = entry.sourceIdentity.displayName;
        user.lastAction = entry.action;
        user.lastActivity = entry.activityDateTime;
        user.createdBySync = create;
        users.append(user);
    }
    return users;
}

bool CleanupPlanner::list(const QString& servicePrincipalId, const QString& jobId, const QString& sourceName)
{
    if (m_running || servicePrincipalId.isEmpty() || jobId.isEmpty()) {
        return false;
    }
    m_running = true;
    m_servicePrincipalId = servicePrincipalId;
    m_jobId = jobId;
    m_sourceName = sourceName;
    m_listing = {};
    m_logs.clear();
    m_invitedUsers.clear();
    m_pending = 4; // logs, organization, invited users, assignments
    emit progress(QStringLiteral("Reading the provisioning logs, the source's domains, the target's B2B users and "
                                 "the assignments"));

    graph::ProvisioningLogEndpoints::ProvisioningLogQuery query;
    query.jobId = jobId;
    query.status = QStringLiteral("success");
    query.top = 1000;
    graph::PageReader* logs = newReader(m_source, graph::ProvisioningLogEndpoints::provisioningLogsRequest(query));
    connect(logs, &graph::PageReader::pageReceived, this, [this](const QJsonArray& page) {
        m_logs.append(graph::ProvisioningLogEndpoints::parseProvisioningLogs(page));
    });
    connect(logs, &graph::PageReader::finished, this, [this](const graph::PageReadResult& result) {
        if (!m_running) {
            return;
        }
        if (!result.isComplete()) {
            fail(QStringLiteral("The provisioning logs could not be read: %1").arg(result.error.userMessage()));
            return;
        }
        stepDone();
    });
    logs->start();

    graph::GraphCall* organization
        = m_source.send(graph::DirectoryEndpoints::organizationRequest(), this, [this](const GraphResponse& response) {
              if (!m_running) {
                  return;
              }
              const std::optional<model::Organization> parsed = graph::DirectoryEndpoints::parseOrganization(response);
              if (parsed) {
                  for (const QString& domain : parsed->verifiedDomains) {
                      m_listing.sourceDomains.append(domain.toLower());
                  }
              } else {
                  m_listing.problems.append(
                      QStringLiteral("The source's verified domains could not be read, so B2B users from its domains "
                                     "are not listed: %1")
                          .arg(response.isSuccess() ? QStringLiteral("the answer has no organization.")
                                                    : response.error().userMessage()));
              }
              stepDone();
          });
    m_requests.add(organization);

    GraphRequest invited = GraphRequest::get(QStringLiteral("/users"));
    invited.addQueryItem(QStringLiteral("$filter"),
        graph::ODataFilter::eq(QStringLiteral("creationType"), QStringLiteral("Invitation")).toString());
    invited.addQueryItem(QStringLiteral("$select"), targetUserSelect().join(QLatin1Char(',')));
    invited.addQueryItem(QStringLiteral("$top"), QString::number(graph::DirectoryEndpoints::kMaxPageSize));
    graph::PageReader* invitedReader = newReader(m_target, invited);
    connect(invitedReader, &graph::PageReader::pageReceived, this, [this](const QJsonArray& page) {
        for (const QJsonValue& item : page) {
            m_invitedUsers.append(item.toObject());
        }
    });
    connect(invitedReader, &graph::PageReader::finished, this, [this](const graph::PageReadResult& result) {
        if (!m_running) {
            return;
        }
        if (!result.isComplete()) {
            m_listing.problems.append(
                QStringLiteral("The target's B2B users could not be read, so users from the source's domains are not "
                               "listed: %1")
                    .arg(result.error.userMessage()));
            m_invitedUsers.clear();
        }
        stepDone();
    });
    invitedReader->start();

    graph::PageReader* assignments
        = newReader(m_source, graph::AppRoleAssignmentEndpoints::listAssignmentsRequest(servicePrincipalId));
    connect(assignments, &graph::PageReader::pageReceived, this, [this](const QJsonArray& page) {
        m_listing.assignments.append(graph::AppRoleAssignmentEndpoints::parseAssignments(page));
    });
    connect(assignments, &graph::PageReader::finished, this, [this](const graph::PageReadResult& result) {
        if (!m_running) {
            return;
        }
        if (!result.isComplete()) {
            fail(QStringLiteral("The configuration's assignments could not be read: %1")
                     .arg(result.error.userMessage()));
            return;
        }
        stepDone();
    });
    assignments->start();
    return true;
}

void CleanupPlanner::stepDone()
{
    if (--m_pending == 0) {
        checkTargets();
    }
}

void CleanupPlanner::checkTargets()
{
    m_listing.users = usersFromLogs(m_logs, m_jobId);
    QList<GraphRequest> requests;
    for (const CleanupListing::TargetUser& user : std::as_const(m_listing.users)) {
        requests.append(graph::DirectoryEndpoints::getUserRequest(user.targetUserId, targetUserSelect()));
    }
    emit progress(QStringLiteral("Checking %1 target user(s)").arg(requests.size()));
    auto* batch = new graph::BatchRequest(m_target, requests, this);
    m_requests.add(batch);
    connect(batch, &graph::BatchRequest::finished, this, [this](const QList<GraphResponse>& responses) {
        if (!m_running) {
            return;
        }
        for (qsizetype i = 0; i < responses.size() && i < m_listing.users.size(); ++i) {
            const GraphResponse& response = responses.at(i);
            CleanupListing::TargetUser& user = m_listing.users[i];
            if (response.isSuccess()) {
                const QJsonObject json = response.json();
                user.userPrincipalName = field(json, "userPrincipalName");
                user.displayName = field(json, "displayName");
                user.mail = field(json, "mail");
                user.userType = field(json, "userType");
            } else if (response.httpStatus() == 404) {
                user.gone = true;
                user.label = QStringLiteral("no longer in the target");
            } else {
                m_listing.problems.append(QStringLiteral("The target user %1 could not be checked: %2")
                                              .arg(user.targetUserId, response.error().userMessage()));
            }
        }
        finishListing();
    });
    batch->start();
}

void CleanupPlanner::finishListing()
{
    QSet<QString> known;
    for (const CleanupListing::TargetUser& user : std::as_const(m_listing.users)) {
        known.insert(user.targetUserId.toLower());
    }
    const QString label = QStringLiteral("B2B user from %1, not proven to be from this configuration")
                              .arg(m_sourceName.isEmpty() ? QStringLiteral("the source") : m_sourceName);
    for (const QJsonObject& invited : std::as_const(m_invitedUsers)) {
        const QString id = field(invited, "id");
        if (id.isEmpty() || known.contains(id.toLower())) {
            continue;
        }
        const QString mail = field(invited, "mail");
        const QString domain = mailDomain(mail.isEmpty() ? field(invited, "userPrincipalName") : mail);
        if (domain.isEmpty() || !m_listing.sourceDomains.contains(domain)) {
            continue;
        }
        CleanupListing::TargetUser user;
        user.targetUserId = id;
        user.userPrincipalName = field(invited, "userPrincipalName");
        user.displayName = field(invited, "displayName");
        user.mail = mail;
        user.userType = field(invited, "userType");
        user.origin = Origin::SourceDomain;
        user.label = label;
        m_listing.users.append(user);
    }
    m_running = false;
    m_requests.clear();
    emit listed(m_listing);
}

bool CleanupPlanner::removeAssignments(const QString& servicePrincipalId,
    const QList<model::AppRoleAssignment>& assignments, store::Journal& journal, const QString& runId,
    const QString& tenantId)
{
    if (m_running || servicePrincipalId.isEmpty() || runId.isEmpty()) {
        return false;
    }
    m_running = true;
    m_servicePrincipalId = servicePrincipalId;
    m_journal = &journal;
    m_tenantId = tenantId;
    m_toRemove = assignments;
    m_nextBatch = 0;
    m_removal = {};
    m_removal.runId = runId;
    // One batch at a time, so the journal says exactly which batch was in flight if the app stops.
    QTimer::singleShot(0, this, [this] {
        if (m_running) {
            sendRemovalBatch();
        }
    });
    return true;
}

void CleanupPlanner::sendRemovalBatch()
{
    const qsizetype first = static_cast<qsizetype>(m_nextBatch) * kBatchSize;
    if (first >= m_toRemove.size()) {
        m_running = false;
        m_requests.clear();
        emit assignmentsRemoved(m_removal);
        return;
    }
    const QList<model::AppRoleAssignment> chunk = m_toRemove.mid(first, kBatchSize);
    const QString stepKey = QStringLiteral("cleanup.assignments.remove.%1").arg(m_nextBatch + 1);
    ++m_nextBatch;
    ++m_removal.batches;
    QList<GraphRequest> requests;
    QStringList ids;
    for (const model::AppRoleAssignment& assignment : chunk) {
        requests.append(
            graph::AppRoleAssignmentEndpoints::removeAssignmentRequest(m_servicePrincipalId, assignment.id));
        ids.append(assignment.id);
    }
    const auto record = [this, stepKey, ids](Phase phase, const QString& detail) {
        store::JournalEntry entry;
        entry.runId = m_removal.runId;
        entry.stepKey = stepKey;
        entry.tenantId = m_tenantId;
        entry.phase = phase;
        entry.method = QStringLiteral("DELETE");
        entry.path = QStringLiteral("/$batch");
        entry.requestBody = QString::fromUtf8(
            QJsonDocument(QJsonObject {{QStringLiteral("servicePrincipalId"), m_servicePrincipalId},
                              {QStringLiteral("appRoleAssignmentIds"), QJsonArray::fromStringList(ids)}})
                .toJson(QJsonDocument::Compact));
        entry.detail = detail;
        entry.httpStatus = phase == Phase::Intent ? 0 : 200;
        const auto recorded = m_journal->record(entry);
        return !std::holds_alternative<store::StoreError>(recorded);
    };
    if (!record(Phase::Intent, QStringLiteral("remove %1 assignment(s)").arg(chunk.size()))) {
        fail(QStringLiteral("The journal could not be written, so nothing more is removed (%1 removed so far).")
                 .arg(m_removal.removed));
        return;
    }
    auto* batch = new graph::BatchRequest(m_source, requests, this);
    m_requests.add(batch);
    connect(batch, &graph::BatchRequest::finished, this, [this, chunk, record](const QList<GraphResponse>& responses) {
        if (!m_running) {
            return;
        }
        QStringList failures;
        for (qsizetype i = 0; i < responses.size() && i < chunk.size(); ++i) {
            const GraphResponse& response = responses.at(i);
            // 404: removed already (an earlier, interrupted run): the outcome wanted.
            if (response.isSuccess() || response.httpStatus() == 404) {
                ++m_removal.removed;
            } else {
                const model::AppRoleAssignment& assignment = chunk.at(i);
                failures.append(QStringLiteral("%1: %2").arg(assignment.principalDisplayName.isEmpty()
                        ? assignment.principalId
                        : assignment.principalDisplayName,
                    response.error().userMessage()));
            }
        }
        m_removal.failures.append(failures);
        const bool written = record(failures.isEmpty() ? Phase::Done : Phase::Failed,
            failures.isEmpty() ? QStringLiteral("removed %1 assignment(s)").arg(chunk.size())
                               : failures.join(QStringLiteral("; ")));
        if (!written) {
            m_removal.failures.append(QStringLiteral("the journal could not record the end of a batch"));
        }
        sendRemovalBatch();
    });
    batch->start();
}

void CleanupPlanner::cancel()
{
    if (!m_running) {
        return;
    }
    m_running = false;
    m_requests.cancelAll(this);
}

void CleanupPlanner::fail(const QString& message)
{
    cancel();
    emit failed(message);
}

graph::PageReader* CleanupPlanner::newReader(graph::GraphClient& client, const GraphRequest& request)
{
    auto* reader = new graph::PageReader(client, request, this);
    m_requests.add(reader);
    return reader;
}

} // namespace tb::sync
