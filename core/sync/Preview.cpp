// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/Preview.h"

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
#include "core/sync/TestUserLimit.h"

#include <QJsonArray>
#include <QSharedPointer>

#include <utility>

namespace tb::sync {

namespace {

using graph::DirectoryEndpoints;
using graph::GraphRequest;
using graph::GraphResponse;

QString field(const QJsonObject& json, const char* name)
{
    return json.value(QLatin1String(name)).toString();
}

bool sameText(const QString& a, const QString& b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

void appendUnique(QStringList& names, const QString& name)
{
    for (const QString& known : std::as_const(names)) {
        if (sameText(known, name)) {
            return;
        }
    }
    names.append(name);
}

// The served spelling of a property name, or nothing when Graph does not serve it.
QString selectable(const QString& name)
{
    for (const QString& property : Preview::selectableUserProperties()) {
        if (sameText(property, name)) {
            return property;
        }
    }
    return {};
}

bool isServicePlanP1(const model::ServicePlan& plan)
{
    return plan.servicePlanName.compare(QLatin1String("AAD_PREMIUM"), Qt::CaseInsensitive) == 0
        || plan.servicePlanName.compare(QLatin1String("AAD_PREMIUM_P2"), Qt::CaseInsensitive) == 0;
}

} // namespace

Preview::Preview(graph::GraphClient& sourceClient, graph::GraphClient& targetClient, QObject* parent)
    : QObject(parent)
    , m_source(sourceClient)
    , m_target(targetClient)
{ }

Preview::~Preview()
{
    cancel();
}

const QStringList& Preview::selectableUserProperties()
{
    static const QStringList properties {QStringLiteral("id"), QStringLiteral("displayName"),
        QStringLiteral("givenName"), QStringLiteral("surname"), QStringLiteral("userPrincipalName"),
        QStringLiteral("mail"), QStringLiteral("jobTitle"), QStringLiteral("department"),
        QStringLiteral("officeLocation"), QStringLiteral("mobilePhone"), QStringLiteral("businessPhones"),
        QStringLiteral("preferredLanguage"), QStringLiteral("usageLocation"), QStringLiteral("companyName"),
        QStringLiteral("accountEnabled"), QStringLiteral("userType"), QStringLiteral("creationType"),
        QStringLiteral("externalUserState"), QStringLiteral("externalUserStateChangeDateTime"),
        QStringLiteral("onPremisesSyncEnabled"), QStringLiteral("createdDateTime")};
    return properties;
}

QStringList Preview::sourceSelect(const MappingEvaluator& evaluator)
{
    QStringList select {QStringLiteral("id"), QStringLiteral("userPrincipalName"), QStringLiteral("mail"),
        QStringLiteral("userType"), QStringLiteral("accountEnabled"), QStringLiteral("creationType"),
        QStringLiteral("displayName")};
    for (const QString& name : evaluator.referencedSourceAttributes()) {
        if (const QString property = selectable(name); !property.isEmpty()) {
            appendUnique(select, property);
        }
    }
    return select;
}

QStringList Preview::targetSelect(const MappingEvaluator& evaluator)
{
    QStringList select {QStringLiteral("id"), QStringLiteral("userPrincipalName"), QStringLiteral("mail"),
        QStringLiteral("userType"), QStringLiteral("accountEnabled"), QStringLiteral("creationType"),
        QStringLiteral("externalUserState"), QStringLiteral("displayName")};
    for (const QString& name : evaluator.mappedTargetAttributes()) {
        if (const QString property = selectable(name); !property.isEmpty()) {
            appendUnique(select, property);
        }
    }
    return select;
}

bool Preview::hasP1(const QList<model::LicenseDetail>& licences, QString* note)
{
    QString disabledIn;
    for (const model::LicenseDetail& licence : licences) {
        for (const model::ServicePlan& plan : licence.servicePlans) {
            if (!isServicePlanP1(plan)) {
                continue;
            }
            if (plan.provisioningStatus.compare(QLatin1String("Disabled"), Qt::CaseInsensitive) == 0) {
                disabledIn = licence.skuPartNumber;
                continue;
            }
            if (note) {
                *note = QStringLiteral("Entra ID %1 through %2")
                            .arg(plan.servicePlanName.endsWith(QLatin1String("P2"), Qt::CaseInsensitive)
                                    ? QStringLiteral("P2")
                                    : QStringLiteral("P1"),
                                licence.skuPartNumber);
            }
            return true;
        }
    }
    if (note) {
        if (!disabledIn.isEmpty()) {
            *note = QStringLiteral("the Entra ID P1 plan of %1 is disabled for this user").arg(disabledIn);
        } else if (licences.isEmpty()) {
            *note = QStringLiteral("no licence");
        } else {
            *note = QStringLiteral("none of the user's licences (%1) includes Entra ID P1")
                        .arg(QString::number(licences.size()));
        }
    }
    return false;
}

bool Preview::start(const QString& servicePrincipalId, const QString& jobId, const QStringList& users)
{
    const QStringList distinctUsers = TestUserLimit::distinct(users);
    // Callers check TestUserLimit::problem() first and say why; this only guarantees no longer list is ever read.
    if (m_running || servicePrincipalId.isEmpty() || jobId.isEmpty()
        || !TestUserLimit::problem(distinctUsers.size()).isEmpty()) {
        return false;
    }
    m_running = true;
    m_servicePrincipalId = servicePrincipalId;
    m_jobId = jobId;
    m_entries.clear();
    m_done = 0;
    m_schemaRead = false;
    m_assignmentsRead = false;
    m_assignmentsProblem.clear();
    m_assignments.clear();
    m_assignedUsers.clear();
    m_assignedGroups.clear();
    for (const QString& input : distinctUsers) {
        Entry entry;
        entry.input = input;
        m_entries.append(entry);
    }

    track(m_source.send(graph::SynchronizationSchemaEndpoints::getSchemaRequest(servicePrincipalId, jobId), this,
        [this](const GraphResponse& response) { handleSchema(response); }));
    graph::PageReader* reader
        = newReader(m_source, graph::AppRoleAssignmentEndpoints::listAssignmentsRequest(servicePrincipalId));
    connect(reader, &graph::PageReader::pageReceived, this, [this](const QJsonArray& page) {
        m_assignments.append(graph::AppRoleAssignmentEndpoints::parseAssignments(page));
    });
    connect(reader, &graph::PageReader::finished, this,
        [this](const graph::PageReadResult& result) { handleAssignmentsFinished(result); });
    reader->start();
    return true;
}

void Preview::cancel()
{
    if (!m_running) {
        return;
    }
    m_running = false;
    // Disconnected first: a reader finishes its current page after cancel(), possibly after a new start(), and
    // nothing of this run may reach the next one.
    const QList<QPointer<graph::GraphCall>> calls = std::exchange(m_calls, {});
    for (const QPointer<graph::GraphCall>& call : calls) {
        if (call) {
            disconnect(call, nullptr, this, nullptr);
            call->cancel();
        }
    }
    const QList<QPointer<graph::PageReader>> readers = std::exchange(m_readers, {});
    for (const QPointer<graph::PageReader>& reader : readers) {
        if (reader) {
            disconnect(reader, nullptr, this, nullptr);
            reader->cancel();
        }
    }
}

void Preview::track(graph::GraphCall* call)
{
    m_calls.removeAll(nullptr);
    m_calls.append(call);
}

graph::PageReader* Preview::newReader(graph::GraphClient& client, const GraphRequest& request)
{
    auto* reader = new graph::PageReader(client, request, this);
    m_readers.removeAll(nullptr);
    m_readers.append(reader);
    return reader;
}

void Preview::handleSchema(const GraphResponse& response)
{
    if (!m_running) {
        return;
    }
    const std::optional<model::SynchronizationSchema> schema
        = graph::SynchronizationSchemaEndpoints::parseSchema(response);
    if (!schema) {
        const QString reason = response.isSuccess() ? QStringLiteral("the answer is not a synchronization schema.")
                                                    : response.error().userMessage();
        cancel();
        emit failed(QStringLiteral("The synchronization job's schema could not be read: %1").arg(reason));
        return;
    }
    m_evaluator = MappingEvaluator(*schema);
    m_schemaRead = true;
    startUsersWhenReady();
}

void Preview::handleAssignmentsFinished(const graph::PageReadResult& result)
{
    if (!m_running) {
        return;
    }
    if (!result.isComplete()) {
        m_assignmentsProblem
            = QStringLiteral("The configuration's assignments could not be read: %1").arg(result.error.userMessage());
    }
    for (const model::AppRoleAssignment& assignment : std::as_const(m_assignments)) {
        if (assignment.isUser()) {
            m_assignedUsers.insert(assignment.principalId.toLower());
        } else if (assignment.isGroup()) {
            m_assignedGroups.insert(assignment.principalId.toLower(), assignment.principalDisplayName);
        }
    }
    m_assignmentsRead = true;
    startUsersWhenReady();
}

void Preview::startUsersWhenReady()
{
    if (!m_schemaRead || !m_assignmentsRead) {
        return;
    }
    emit progress(0, static_cast<int>(m_entries.size()));
    if (m_entries.isEmpty()) {
        m_running = false;
        emit finished({});
        return;
    }
    for (int i = 0; i < m_entries.size(); ++i) {
        readUser(i);
    }
}

void Preview::readUser(int index)
{
    const GraphRequest request
        = DirectoryEndpoints::getUserRequest(m_entries.at(index).input, sourceSelect(m_evaluator));
    track(m_source.send(request, this, [this, index](const GraphResponse& response) { handleUser(index, response); }));
}

void Preview::handleUser(int index, const GraphResponse& response)
{
    if (!m_running) {
        return;
    }
    Entry& entry = m_entries[index];
    UserPreview& preview = entry.preview;
    if (!response.isSuccess() || field(response.json(), "id").isEmpty()) {
        preview.userPrincipalName = entry.input;
        preview.problems.append(
            QStringLiteral("The source user %1 could not be read: %2")
                .arg(entry.input,
                    response.isSuccess() ? QStringLiteral("the answer has no id.") : response.error().userMessage()));
        finishEntry(index);
        return;
    }
    entry.source = response.json();
    preview.sourceUserId = field(response.json(), "id");
    preview.userPrincipalName = field(response.json(), "userPrincipalName");
    preview.displayName = field(response.json(), "displayName");
    preview.mail = field(response.json(), "mail");
    entry.pendingReads = 2;
    const bool needsMemberships
        = !m_assignedUsers.contains(preview.sourceUserId.toLower()) && !m_assignedGroups.isEmpty();
    if (needsMemberships) {
        ++entry.pendingReads;
    }
    readLicences(index);
    readTarget(index);
    if (needsMemberships) {
        readMemberships(index);
    }
}

void Preview::readLicences(int index)
{
    graph::PageReader* reader
        = newReader(m_source, DirectoryEndpoints::licenseDetailsRequest(m_entries.at(index).preview.sourceUserId));
    auto licences = QSharedPointer<QList<model::LicenseDetail>>::create();
    connect(reader, &graph::PageReader::pageReceived, this,
        [licences](const QJsonArray& page) { licences->append(DirectoryEndpoints::parseLicenseDetails(page)); });
    connect(reader, &graph::PageReader::finished, this, [this, index, licences](const graph::PageReadResult& result) {
        if (!m_running) {
            return;
        }
        UserPreview& preview = m_entries[index].preview;
        if (result.isComplete()) {
            preview.hasP1 = hasP1(*licences, &preview.licenceNote);
        } else {
            preview.licenceNote = QStringLiteral("licences could not be read");
            preview.problems.append(
                QStringLiteral("The user's licences could not be read: %1").arg(result.error.userMessage()));
        }
        readDone(index);
    });
    reader->start();
}

void Preview::readMemberships(int index)
{
    // Direct memberships only: members of a nested group are not in scope (graph-reference 3).
    GraphRequest request = GraphRequest::get(QStringLiteral("/users/")
        + GraphRequest::pathSegment(m_entries.at(index).preview.sourceUserId) + QStringLiteral("/memberOf"));
    request.setPathTemplate(QStringLiteral("/users/{id}/memberOf"));
    graph::PageReader* reader = newReader(m_source, request);
    connect(reader, &graph::PageReader::pageReceived, this, [this, index](const QJsonArray& page) {
        for (const QJsonValue& item : page) {
            m_entries[index].memberOfGroupIds.append(field(item.toObject(), "id").toLower());
        }
    });
    connect(reader, &graph::PageReader::finished, this, [this, index](const graph::PageReadResult& result) {
        if (!m_running) {
            return;
        }
        if (!result.isComplete()) {
            m_entries[index].preview.problems.append(
                QStringLiteral("The user's group memberships could not be read, so an assignment through a group is "
                               "not known: %1")
                    .arg(result.error.userMessage()));
        }
        readDone(index);
    });
    reader->start();
}

void Preview::readTarget(int index)
{
    const Entry& entry = m_entries.at(index);
    const QString mail = entry.preview.mail.isEmpty() ? entry.preview.userPrincipalName : entry.preview.mail;
    const graph::ODataFilter filter = graph::ODataFilter::eq(QStringLiteral("mail"), mail);
    GraphRequest request = GraphRequest::get(QStringLiteral("/users"));
    request.addQueryItem(QStringLiteral("$filter"), filter.toString());
    request.addQueryItem(QStringLiteral("$select"), targetSelect(m_evaluator).join(QLatin1Char(',')));
    if (!filter.isValid()) {
        request.setInvalidReason(filter.errorMessage());
    }
    graph::PageReader* reader = newReader(m_target, request);
    connect(reader, &graph::PageReader::pageReceived, this, [this, index](const QJsonArray& page) {
        for (const QJsonValue& item : page) {
            m_entries[index].targetCandidates.append(item.toObject());
        }
    });
    connect(reader, &graph::PageReader::finished, this, [this, index](const graph::PageReadResult& result) {
        if (!m_running) {
            return;
        }
        Entry& target = m_entries[index];
        target.targetRead = result.isComplete();
        if (!result.isComplete()) {
            target.preview.problems.append(QStringLiteral("The target tenant could not be searched for this user: %1")
                                               .arg(result.error.userMessage()));
        }
        readDone(index);
    });
    reader->start();
}

void Preview::readDone(int index)
{
    Entry& entry = m_entries[index];
    if (--entry.pendingReads > 0) {
        return;
    }
    decide(entry);
    finishEntry(index);
}

void Preview::finishEntry(int index)
{
    Entry& entry = m_entries[index];
    if (entry.done) {
        return;
    }
    entry.done = true;
    ++m_done;
    emit progress(m_done, static_cast<int>(m_entries.size()));
    if (m_done < m_entries.size()) {
        return;
    }
    m_running = false;
    m_calls.clear();
    m_readers.clear();
    QList<UserPreview> previews;
    previews.reserve(m_entries.size());
    for (const Entry& finished : std::as_const(m_entries)) {
        previews.append(finished.preview);
    }
    emit finished(previews);
}

void Preview::match(Entry& entry, std::optional<QJsonObject>& targetUser) const
{
    UserPreview& preview = entry.preview;
    if (!entry.targetRead) {
        preview.match = UserPreview::Match::Unknown;
        preview.matchReason = QStringLiteral("the target could not be read");
        return;
    }
    const QJsonObject* accepted = nullptr;
    const QJsonObject* pending = nullptr;
    const QJsonObject* internal = nullptr;
    for (const QJsonObject& candidate : std::as_const(entry.targetCandidates)) {
        if (sameText(field(candidate, "creationType"), QLatin1String("Invitation"))) {
            if (sameText(field(candidate, "externalUserState"), QLatin1String("PendingAcceptance"))) {
                pending = pending ? pending : &candidate;
            } else {
                accepted = accepted ? accepted : &candidate;
            }
        } else {
            internal = internal ? internal : &candidate;
        }
    }
    const QString mail = preview.mail.isEmpty() ? preview.userPrincipalName : preview.mail;
    if (accepted) {
        targetUser = *accepted;
        preview.targetUserId = field(*accepted, "id");
        preview.targetUserPrincipalName = field(*accepted, "userPrincipalName");
        if (sameText(field(*accepted, "userType"), QLatin1String("Member"))) {
            preview.match = UserPreview::Match::Linked;
            preview.matchReason = QStringLiteral("a B2B member of the target with the mail %1: created or taken over "
                                                 "by sync earlier")
                                      .arg(mail);
        } else {
            preview.match = UserPreview::Match::ExistingGuest;
            preview.matchReason
                = QStringLiteral("an accepted B2B guest of the target with the mail %1: sync takes it over").arg(mail);
        }
        return;
    }
    if (pending) {
        preview.match = UserPreview::Match::PendingGuest;
        preview.targetUserId = field(*pending, "id");
        preview.targetUserPrincipalName = field(*pending, "userPrincipalName");
        preview.matchReason
            = QStringLiteral("an invitation to %1 was never redeemed: sync does not match a pending guest by its "
                             "security id")
                  .arg(mail);
        preview.problems.append(
            QStringLiteral("Warning: the target holds a pending invitation for %1 (%2) that was never redeemed. Sync "
                           "does not match it; the invitation manager may find it by mail, redeem it and count it as "
                           "a create, keeping its mail-based user principal name (graph-reference 5.4). Provision "
                           "this user on demand, or delete the invitation first, to be sure.")
                .arg(mail, preview.targetUserPrincipalName));
        return;
    }
    preview.match = UserPreview::Match::New;
    preview.matchReason = QStringLiteral("no B2B user with the mail %1 in the target").arg(mail);
    if (internal) {
        preview.problems.append(
            QStringLiteral("The target's own user %1 has the mail %2: sync cannot create this user and fails with "
                           "InvitationCreationFailureAmbiguousUser until the conflict is resolved.")
                .arg(field(*internal, "userPrincipalName"), mail));
    }
}

void Preview::decide(Entry& entry) const
{
    UserPreview& preview = entry.preview;
    const QJsonObject& source = *entry.source;
    const QString id = preview.sourceUserId.toLower();

    // Assignment: directly, else through a group the user is a direct member of.
    if (m_assignedUsers.contains(id)) {
        preview.assigned = true;
        preview.assignedThrough = QStringLiteral("directly");
    } else {
        for (const QString& groupId : std::as_const(entry.memberOfGroupIds)) {
            if (m_assignedGroups.contains(groupId)) {
                preview.assigned = true;
                preview.assignedThrough = m_assignedGroups.value(groupId);
                break;
            }
        }
    }
    if (!m_assignmentsProblem.isEmpty()) {
        preview.problems.append(m_assignmentsProblem);
    }

    std::optional<QJsonObject> targetUser;
    match(entry, targetUser);

    // A test sync assigns the users first; previewing for it, an unassigned user counts as assigned.
    const bool assigned = preview.assigned || m_assumeAssigned;
    const ExpressionAttributes attributes = MappingEvaluator::attributesFromUser(source, assigned);
    const MappingEvaluator::Scope scope = m_evaluator.evaluateScope(attributes);
    preview.clauseResults = scope.clauseResults;
    preview.problems.append(scope.problems);
    const bool external = MappingEvaluator::isExternalUser(source);
    const bool enabled = source.value(QLatin1String("accountEnabled")).toBool(true);
    const bool matched
        = preview.match == UserPreview::Match::Linked || preview.match == UserPreview::Match::ExistingGuest;
    // The service's order of reasons (core/sandbox/README.md "Scope", graph-reference 3 and 10.5).
    using Decision = UserPreview::ScopeDecision;
    if (external) {
        preview.scopeDecision = Decision::ExternalUser;
    } else if (!assigned) {
        preview.scopeDecision = m_assignmentsProblem.isEmpty() ? Decision::NotAssigned : Decision::AssignmentsUnread;
    } else if (!m_evaluator.hasUserMapping()) {
        preview.scopeDecision = Decision::NoUserMapping;
    } else if (!scope.passed) {
        preview.scopeDecision = Decision::ExcludedByScopingFilter;
    } else if (!enabled && preview.match != UserPreview::Match::Linked) {
        preview.scopeDecision = Decision::Disabled;
    } else {
        preview.scopeDecision = Decision::InScope;
        preview.inScope = true;
    }
    if (preview.scopeDecision == Decision::ExcludedByScopingFilter || preview.scopeDecision == Decision::InScope) {
        preview.scopeReason = scope.decidedBy;
        preview.decidingClause = scope.decidingClause;
    } else {
        preview.scopeReason = UserPreview::scopeDecisionReason(preview.scopeDecision);
    }

    preview.attributes = m_evaluator.evaluateAttributes(attributes, matched ? targetUser : std::nullopt);

    if (!preview.inScope) {
        preview.leavesScope = preview.match == UserPreview::Match::Linked;
        // Nothing is written for a skipped user (a linked one is soft-deleted instead: leavesScope).
        for (UserPreview::Attribute& attribute : preview.attributes) {
            attribute.changes = false;
        }
        preview.action = (!m_assignmentsProblem.isEmpty() && !preview.assigned) ? UserPreview::Action::Unknown
                                                                                : UserPreview::Action::Skip;
        return;
    }
    switch (preview.match) {
    case UserPreview::Match::New:
    case UserPreview::Match::PendingGuest:
        preview.action = UserPreview::Action::Create;
        break;
    case UserPreview::Match::Linked:
    case UserPreview::Match::ExistingGuest:
        preview.action = preview.changes().isEmpty() ? UserPreview::Action::NoChange : UserPreview::Action::Update;
        break;
    case UserPreview::Match::Unknown:
        preview.action = UserPreview::Action::Unknown;
        break;
    }
}

} // namespace tb::sync
