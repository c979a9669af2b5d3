// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/ChangeImpact.h"

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
#include "core/graph/endpoints/SynchronizationSchemaEndpoints.h"
#include "core/sync/Preview.h"

#include <QJsonArray>

#include <utility>

namespace tb::sync {

namespace {

using graph::GraphRequest;
using graph::GraphResponse;
using Change = ImpactResult::Change;

QString field(const QJsonObject& json, const char* name)
{
    return json.value(QLatin1String(name)).toString();
}

bool sameText(const QString& a, const QString& b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

void appendUnique(QStringList& names, const QStringList& more)
{
    for (const QString& name : more) {
        if (!names.contains(name, Qt::CaseInsensitive)) {
            names.append(name);
        }
    }
}

// What one schema does to one user.
struct Outcome
{
    bool inScope = false;
    QString scopeReason;
    QList<UserPreview::Attribute> attributes;
};

// The service's order of reasons, as Preview::decide gives them (core/sandbox/README.md "Scope").
Outcome evaluate(const MappingEvaluator& evaluator, const ChangeImpact::Subject& subject)
{
    Outcome outcome;
    const ExpressionAttributes attributes = MappingEvaluator::attributesFromUser(subject.source, subject.assigned);
    const bool matched = subject.matchedTarget.has_value();
    const bool linked = matched && sameText(field(*subject.matchedTarget, "userType"), QLatin1String("Member"));
    const bool enabled = subject.source.value(QLatin1String("accountEnabled")).toBool(true);
    const MappingEvaluator::Scope scope = evaluator.evaluateScope(attributes);
    if (MappingEvaluator::isExternalUser(subject.source)) {
        outcome.scopeReason = QStringLiteral("only internal members of the source are synchronized");
    } else if (!subject.assigned) {
        outcome.scopeReason = QStringLiteral("not assigned to the configuration");
    } else if (!evaluator.hasUserMapping()) {
        outcome.scopeReason = QStringLiteral("the schema has no enabled object mapping for User");
    } else if (!scope.passed) {
        outcome.scopeReason = scope.decidedBy;
    } else if (!enabled && !linked) {
        outcome.scopeReason = QStringLiteral("disabled in the source: sync creates only enabled users");
    } else {
        outcome.inScope = true;
        outcome.scopeReason = scope.decidedBy;
    }
    outcome.attributes = evaluator.evaluateAttributes(attributes, subject.matchedTarget);
    return outcome;
}

const UserPreview::Attribute* findAttribute(const QList<UserPreview::Attribute>& attributes, const QString& name)
{
    for (const UserPreview::Attribute& attribute : attributes) {
        if (sameText(attribute.name, name)) {
            return &attribute;
        }
    }
    return nullptr;
}

// The prediction as a text that says why there is none.
QString predictionText(const UserPreview::Attribute* attribute)
{
    if (!attribute) {
        return QStringLiteral("(not mapped)");
    }
    if (!attribute->hasPrediction) {
        return attribute->variesOnEachRun ? QStringLiteral("(varies on each run)") : QStringLiteral("(cannot preview)");
    }
    if (!attribute->flows) {
        return QStringLiteral("(does not flow)");
    }
    return attribute->predicted;
}

// The attributes whose prediction differs between the two outcomes, in the proposed schema's order, then the
// attributes only the current schema maps.
QList<ImpactResult::AttributeChange> attributeChanges(const Outcome& before, const Outcome& after)
{
    QList<ImpactResult::AttributeChange> changes;
    QStringList names;
    for (const UserPreview::Attribute& attribute : after.attributes) {
        appendUnique(names, {attribute.name});
    }
    for (const UserPreview::Attribute& attribute : before.attributes) {
        appendUnique(names, {attribute.name});
    }
    for (const QString& name : std::as_const(names)) {
        const UserPreview::Attribute* old = findAttribute(before.attributes, name);
        const UserPreview::Attribute* now = findAttribute(after.attributes, name);
        // An attribute that does not flow either way writes nothing either way.
        const bool oldWrites = old && old->flows && old->hasPrediction;
        const bool nowWrites = now && now->flows && now->hasPrediction;
        if (!oldWrites && !nowWrites && (!old || !old->variesOnEachRun) && (!now || !now->variesOnEachRun)) {
            continue;
        }
        const QString oldText = predictionText(old);
        const QString nowText = predictionText(now);
        if (oldText != nowText) {
            changes.append({name, oldText, nowText});
        }
    }
    return changes;
}

// What the proposed schema writes to a user entering scope: every flowing prediction against the target's value.
QList<ImpactResult::AttributeChange> writes(const Outcome& after)
{
    QList<ImpactResult::AttributeChange> changes;
    for (const UserPreview::Attribute& attribute : after.attributes) {
        if (attribute.changes) {
            changes.append({attribute.name, attribute.current, predictionText(&attribute)});
        }
    }
    return changes;
}

} // namespace

ChangeImpact::ChangeImpact(graph::GraphClient& sourceClient, graph::GraphClient& targetClient, QObject* parent)
    : QObject(parent)
    , m_source(sourceClient)
    , m_target(targetClient)
{ }

ChangeImpact::~ChangeImpact()
{
    cancel();
}

QString ChangeImpact::schemaProblem(const model::SynchronizationSchema& schema)
{
    if (schema.isEmpty()) {
        return QStringLiteral("the schema is empty");
    }
    if (schema.rules().isEmpty()) {
        return QStringLiteral("the schema has no synchronizationRules");
    }
    if (!schema.userMapping()) {
        return QStringLiteral("the schema has no enabled object mapping whose sourceObjectName is User");
    }
    return {};
}

std::optional<QJsonObject> ChangeImpact::matchTarget(const QJsonObject& source, const QList<QJsonObject>& targetUsers)
{
    QString mail = field(source, "mail");
    if (mail.isEmpty()) {
        mail = field(source, "userPrincipalName");
    }
    if (mail.isEmpty()) {
        return std::nullopt;
    }
    for (const QJsonObject& candidate : targetUsers) {
        if (sameText(field(candidate, "creationType"), QLatin1String("Invitation"))
            && !sameText(field(candidate, "externalUserState"), QLatin1String("PendingAcceptance"))
            && sameText(field(candidate, "mail"), mail)) {
            return candidate;
        }
    }
    return std::nullopt;
}

ImpactResult ChangeImpact::compare(const model::SynchronizationSchema& current,
    const model::SynchronizationSchema& proposed, const QList<Subject>& subjects)
{
    const MappingEvaluator before(current);
    const MappingEvaluator after(proposed);
    ImpactResult result;
    result.usersConsidered = static_cast<int>(subjects.size());
    result.usersAvailable = result.usersConsidered;
    for (const Subject& subject : subjects) {
        const Outcome old = evaluate(before, subject);
        const Outcome now = evaluate(after, subject);
        const bool matched = subject.matchedTarget.has_value();
        ImpactResult::UserImpact impact;
        impact.sourceUserId = field(subject.source, "id");
        impact.userPrincipalName = field(subject.source, "userPrincipalName");
        impact.displayName = field(subject.source, "displayName");
        if (matched) {
            impact.targetUserId = field(*subject.matchedTarget, "id");
        }
        const QString scopeText = QStringLiteral("scope now: %1 (%2); then: %3 (%4)")
                                      .arg(old.inScope ? QStringLiteral("in") : QStringLiteral("out"), old.scopeReason,
                                          now.inScope ? QStringLiteral("in") : QStringLiteral("out"), now.scopeReason);
        if (old.inScope && !now.inScope) {
            impact.change = matched ? Change::SoftDelete : Change::NoLongerCreated;
            impact.reason = scopeText;
        } else if (!old.inScope && now.inScope) {
            impact.change = matched ? Change::EntersScope : Change::Create;
            impact.reason = scopeText;
            impact.attributes = writes(now);
        } else if (old.inScope && now.inScope) {
            impact.attributes = attributeChanges(old, now);
            if (impact.attributes.isEmpty()) {
                continue;
            }
            impact.change = matched ? Change::Update : Change::Create;
            impact.reason = matched
                ? QStringLiteral("in scope under both; %1 attribute(s) change").arg(impact.attributes.size())
                : QStringLiteral("would be created with %1 different value(s)").arg(impact.attributes.size());
        } else {
            continue;
        }
        result.users.append(impact);
    }
    return result;
}

bool ChangeImpact::start(const QString& servicePrincipalId, const QString& jobId,
    const model::SynchronizationSchema& proposed, const QStringList& users)
{
    if (m_running || servicePrincipalId.isEmpty() || jobId.isEmpty() || !schemaProblem(proposed).isEmpty()) {
        return false;
    }
    m_running = true;
    m_servicePrincipalId = servicePrincipalId;
    m_jobId = jobId;
    m_proposed = proposed;
    m_current = {};
    m_requestedUsers = users;
    m_assignments.clear();
    m_userIds.clear();
    m_assignedUsers.clear();
    m_targetUsers.clear();
    m_problems.clear();
    m_available = 0;
    m_pending = 3; // the schema, the assignments (then their groups), the target's invited users

    emit progress(QStringLiteral("Reading the current schema, the assignments and the target's B2B users"));
    graph::GraphCall* call
        = m_source.send(graph::SynchronizationSchemaEndpoints::getSchemaRequest(servicePrincipalId, jobId), this,
            [this](const GraphResponse& response) { handleSchema(response); });
    m_requests.add(call);
    graph::PageReader* reader
        = newReader(m_source, graph::AppRoleAssignmentEndpoints::listAssignmentsRequest(servicePrincipalId));
    connect(reader, &graph::PageReader::pageReceived, this, [this](const QJsonArray& page) {
        m_assignments.append(graph::AppRoleAssignmentEndpoints::parseAssignments(page));
    });
    connect(reader, &graph::PageReader::finished, this,
        [this](const graph::PageReadResult& result) { handleAssignments(result); });
    reader->start();
    readTargetUsers();
    return true;
}

void ChangeImpact::cancel()
{
    if (!m_running) {
        return;
    }
    m_running = false;
    m_requests.cancelAll(this);
}

graph::PageReader* ChangeImpact::newReader(graph::GraphClient& client, const GraphRequest& request)
{
    auto* reader = new graph::PageReader(client, request, this);
    m_requests.add(reader);
    return reader;
}

void ChangeImpact::fail(const QString& message)
{
    cancel();
    emit failed(message);
}

void ChangeImpact::handleSchema(const GraphResponse& response)
{
    if (!m_running) {
        return;
    }
    const std::optional<model::SynchronizationSchema> schema
        = graph::SynchronizationSchemaEndpoints::parseSchema(response);
    if (!schema) {
        fail(QStringLiteral("The synchronization job's current schema could not be read: %1")
                 .arg(response.isSuccess() ? QStringLiteral("the answer is not a synchronization schema.")
                                           : response.error().userMessage()));
        return;
    }
    m_current = *schema;
    stepDone();
}

void ChangeImpact::handleAssignments(const graph::PageReadResult& result)
{
    if (!m_running) {
        return;
    }
    if (!result.isComplete()) {
        fail(QStringLiteral("The configuration's assignments could not be read: %1").arg(result.error.userMessage()));
        return;
    }
    for (const model::AppRoleAssignment& assignment : std::as_const(m_assignments)) {
        if (assignment.isUser()) {
            const QString id = assignment.principalId.toLower();
            if (!m_assignedUsers.contains(id)) {
                m_assignedUsers.insert(id);
                m_userIds.append(id);
            }
        }
    }
    readGroupMembers();
    stepDone();
}

void ChangeImpact::readGroupMembers()
{
    // Direct members only: members of a nested group are not in scope (graph-reference 3).
    for (const model::AppRoleAssignment& assignment : std::as_const(m_assignments)) {
        if (!assignment.isGroup()) {
            continue;
        }
        ++m_pending;
        const QString groupName
            = assignment.principalDisplayName.isEmpty() ? assignment.principalId : assignment.principalDisplayName;
        graph::PageReader* reader = newReader(m_source,
            graph::DirectoryEndpoints::groupMembersRequest(
                assignment.principalId, false, {QStringLiteral("id")}, graph::DirectoryEndpoints::kMaxPageSize));
        connect(reader, &graph::PageReader::pageReceived, this, [this](const QJsonArray& page) {
            for (const QJsonValue& item : page) {
                const QJsonObject member = item.toObject();
                const QString type = field(member, "@odata.type");
                const QString id = field(member, "id").toLower();
                if (id.isEmpty() || (!type.isEmpty() && !type.endsWith(QLatin1String("user")))) {
                    continue;
                }
                if (!m_assignedUsers.contains(id)) {
                    m_assignedUsers.insert(id);
                    m_userIds.append(id);
                }
            }
        });
        connect(reader, &graph::PageReader::finished, this, [this, groupName](const graph::PageReadResult& result) {
            if (!m_running) {
                return;
            }
            if (!result.isComplete()) {
                m_problems.append(QStringLiteral("The members of the assigned group %1 could not be read, so they are "
                                                 "not considered: %2")
                                      .arg(groupName, result.error.userMessage()));
            }
            stepDone();
        });
        reader->start();
    }
}

void ChangeImpact::readTargetUsers()
{
    // One paged read of the target's invited users instead of one search per source user: matching only ever
    // considers users with creationType Invitation.
    GraphRequest request = GraphRequest::get(QStringLiteral("/users"));
    const graph::ODataFilter filter
        = graph::ODataFilter::eq(QStringLiteral("creationType"), QStringLiteral("Invitation"));
    request.addQueryItem(QStringLiteral("$filter"), filter.toString());
    QStringList select {QStringLiteral("id"), QStringLiteral("userPrincipalName"), QStringLiteral("mail"),
        QStringLiteral("userType"), QStringLiteral("accountEnabled"), QStringLiteral("creationType"),
        QStringLiteral("externalUserState"), QStringLiteral("displayName")};
    appendUnique(select, Preview::targetSelect(MappingEvaluator(m_proposed)));
    request.addQueryItem(QStringLiteral("$select"), select.join(QLatin1Char(',')));
    request.addQueryItem(QStringLiteral("$top"), QString::number(graph::DirectoryEndpoints::kMaxPageSize));
    graph::PageReader* reader = newReader(m_target, request);
    connect(reader, &graph::PageReader::pageReceived, this, [this](const QJsonArray& page) {
        for (const QJsonValue& item : page) {
            m_targetUsers.append(item.toObject());
        }
    });
    connect(reader, &graph::PageReader::finished, this, [this](const graph::PageReadResult& result) {
        if (!m_running) {
            return;
        }
        if (!result.isComplete()) {
            fail(QStringLiteral("The target tenant's B2B users could not be read: %1").arg(result.error.userMessage()));
            return;
        }
        stepDone();
    });
    reader->start();
}

void ChangeImpact::stepDone()
{
    if (--m_pending == 0) {
        readUsers();
    }
}

void ChangeImpact::readUsers()
{
    QStringList users;
    for (const QString& user : std::as_const(m_requestedUsers)) {
        if (!user.trimmed().isEmpty() && !users.contains(user.trimmed(), Qt::CaseInsensitive)) {
            users.append(user.trimmed());
        }
    }
    if (m_requestedUsers.isEmpty()) {
        users = m_userIds;
    }
    m_available = static_cast<int>(users.size());
    if (users.size() > kMaxUsers) {
        users = users.mid(0, kMaxUsers);
    }
    // The current schema's template targets (the proposed one is the admin's edit of it) are selected too.
    QStringList select = Preview::sourceSelect(MappingEvaluator(m_current));
    appendUnique(select, Preview::sourceSelect(MappingEvaluator(m_proposed)));
    QList<GraphRequest> requests;
    requests.reserve(users.size());
    for (const QString& user : std::as_const(users)) {
        requests.append(graph::DirectoryEndpoints::getUserRequest(user, select));
    }
    emit progress(QStringLiteral("Reading %1 source user(s)").arg(users.size()));
    auto* batch = new graph::BatchRequest(m_source, requests, this);
    m_requests.add(batch);
    connect(batch, &graph::BatchRequest::finished, this, [this, users](const QList<GraphResponse>& responses) {
        if (!m_running) {
            return;
        }
        QList<Subject> subjects;
        for (qsizetype i = 0; i < responses.size() && i < users.size(); ++i) {
            const GraphResponse& response = responses.at(i);
            if (!response.isSuccess() || field(response.json(), "id").isEmpty()) {
                m_problems.append(QStringLiteral("The source user %1 could not be read: %2")
                                      .arg(users.at(i),
                                          response.isSuccess() ? QStringLiteral("the answer has no id.")
                                                               : response.error().userMessage()));
                continue;
            }
            Subject subject;
            subject.source = response.json();
            subject.assigned = m_assignedUsers.contains(field(subject.source, "id").toLower());
            subject.matchedTarget = matchTarget(subject.source, m_targetUsers);
            subjects.append(subject);
        }
        ImpactResult result = compare(m_current, m_proposed, subjects);
        result.usersAvailable = m_available;
        result.cap = kMaxUsers;
        result.problems = m_problems;
        m_running = false;
        m_requests.clear();
        emit finished(result);
    });
    batch->start();
}

} // namespace tb::sync
