// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/TestSync.h"

#include "core/CoreLogging.h"
#include "core/graph/BatchRequest.h"
#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/endpoints/AppRoleAssignmentEndpoints.h"
#include "core/graph/endpoints/SynchronizationSchemaEndpoints.h"
#include "core/sync/ErrorCatalogue.h"
#include "core/sync/Preview.h"
#include "core/sync/TestSyncStore.h"
#include "core/sync/TestUserLimit.h"

#include <QJsonArray>
#include <QSet>
#include <QUuid>

#include <algorithm>

namespace tb::sync {

namespace {

using graph::AppRoleAssignmentEndpoints;
using graph::GraphCall;
using graph::GraphRequest;
using graph::GraphResponse;
using graph::SynchronizationSchemaEndpoints;
using model::ProvisionOnDemandResult;
using Verdict = TestSyncOutcome::Verdict;

const QString kNotEntitled = QStringLiteral("NotEffectivelyEntitled");
const QString kRedundantExport = QStringLiteral("RedundantExport");
constexpr int kMaxConcurrency = 5; // the service's provisionOnDemand limit per 10 s: more only waits on 429s

// Only the user properties Graph serves can be read back ($select of anything else is a 400): the schema's
// alternativeSecurityIds, isSoftDeleted, showInAddressList and manager (a navigation property) are not compared.
bool isReadable(const QString& attribute)
{
    return Preview::selectableUserProperties().contains(attribute, Qt::CaseInsensitive);
}

// Graph answers camelCase; the schema spells target attributes the same, but compare without case to be safe.
QJsonValue fieldOf(const QJsonObject& object, const QString& name)
{
    if (object.contains(name)) {
        return object.value(name);
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0) {
            return it.value();
        }
    }
    return QJsonValue(QJsonValue::Undefined);
}

bool isEmptyValue(const QJsonValue& value)
{
    if (value.isArray()) {
        return value.toArray().isEmpty();
    }
    return TestSync::valueText(value).trimmed().isEmpty();
}

// Case-sensitive, as the service compares when it decides whether to export. Two exceptions: a boolean target
// value against a predicted "True" (expressions yield text, Graph a JSON boolean), and a multi-valued attribute,
// equal when the predicted text lists the same values in any order.
bool sameValue(const QString& predicted, const QJsonValue& actual)
{
    if (actual.isBool()) {
        return predicted.compare(TestSync::valueText(actual), Qt::CaseInsensitive) == 0;
    }
    if (actual.isArray()) {
        if (predicted == TestSync::valueText(actual)) {
            return true;
        }
        QSet<QString> expected;
        for (const QString& part : predicted.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            expected.insert(part.trimmed());
        }
        QSet<QString> got;
        for (const QJsonValue& item : actual.toArray()) {
            got.insert(TestSync::valueText(item));
        }
        return expected == got;
    }
    return predicted == TestSync::valueText(actual);
}

// Whether the service's action is the one the preview expected. An Unknown preview expects nothing.
bool actionAsExpected(UserPreview::Action expected, UserPreview::Match match, const ProvisionOnDemandResult& result)
{
    switch (expected) {
    case UserPreview::Action::Create:
        return result.action == QLatin1String("create");
    case UserPreview::Action::Update:
        // A matched user whose values all agree already is not exported again (RedundantExport): the preview of
        // an unassigned user cannot tell that apart from an update.
        return result.action == QLatin1String("update")
            || (match != UserPreview::Match::New && result.isSkipped()
                && result.skipReason.compare(kRedundantExport, Qt::CaseInsensitive) == 0);
    case UserPreview::Action::NoChange:
        return result.isSkipped() && result.skipReason.compare(kRedundantExport, Qt::CaseInsensitive) == 0;
    case UserPreview::Action::Skip:
        return result.isSkipped() && result.skipReason.compare(kRedundantExport, Qt::CaseInsensitive) != 0;
    case UserPreview::Action::Unknown:
        return true;
    }
    return true;
}

QString capitalised(const QString& word)
{
    return word.isEmpty() ? word : word.left(1).toUpper() + word.mid(1);
}

QString newRunId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// The request may have reached the service and been acted on: the connection failed, no answer came in time, or
// the answer to a write arrived but could not be read. Saying "failed" would be wrong; the next preview tells.
bool isAnswerLost(const GraphResponse& response)
{
    switch (response.error().kind()) {
    case graph::GraphError::Kind::Network:
    case graph::GraphError::Kind::Timeout:
    case graph::GraphError::Kind::MalformedResponse:
        return true;
    default:
        return false;
    }
}

} // namespace

TestSync::TestSync(graph::GraphClient& source, graph::GraphClient& target, TestSyncStore* store, QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_target(target)
    , m_store(store)
{ }

TestSync::~TestSync() = default;

bool TestSync::start(const Request& request)
{
    if (m_started || request.servicePrincipalId.isEmpty() || request.jobId.isEmpty()
        || !TestUserLimit::problem(request.users.size()).isEmpty()) {
        return false;
    }
    m_started = true;
    m_running = true;
    m_request = request;
    m_request.concurrency = std::clamp(request.concurrency, 1, kMaxConcurrency);
    m_runId = newRunId();
    for (const UserPreview& preview : request.users) {
        m_slots.append({preview, false, false});
    }
    QMetaObject::invokeMethod(this, &TestSync::begin, Qt::QueuedConnection);
    return true;
}

void TestSync::cancel()
{
    if (!m_running || m_cancelled) {
        return;
    }
    m_cancelled = true;
    // Assignments the batch already made stay; the ones it had not sent end as Cancelled (failed outcomes).
    if (m_batch) {
        m_batch->cancel();
        return;
    }
    if (m_provisioning) {
        provisionNext();
    }
}

void TestSync::begin()
{
    if (m_store) {
        TestSyncRun run;
        run.id = m_runId;
        run.startedAt = QDateTime::currentDateTimeUtc();
        run.sourceTenantId = m_request.sourceTenantId;
        run.targetTenantId = m_request.targetTenantId;
        run.servicePrincipalId = m_request.servicePrincipalId;
        run.jobId = m_request.jobId;
        run.requiredAttributes = m_request.requiredAttributes;
        if (const auto error = m_store->startRun(run)) {
            m_store = nullptr; // nothing to finish
            fail(tr("The test sync could not be recorded: %1").arg(error->userMessage()));
            return;
        }
    }
    if (m_request.ruleId.isEmpty()) {
        readRuleId();
        return;
    }
    assign();
}

void TestSync::readRuleId()
{
    SynchronizationSchemaEndpoints endpoints(m_source);
    GraphCall* call = endpoints.getSchema(m_request.servicePrincipalId, m_request.jobId);
    connect(call, &GraphCall::finished, this, [this](const GraphResponse& response) {
        const auto schema = SynchronizationSchemaEndpoints::parseSchema(response);
        if (!response.isSuccess() || !schema || schema->userRuleId().isEmpty()) {
            fail(response.isSuccess()
                    ? tr("The job's schema has no user rule to provision on demand with.")
                    : tr("The job's schema could not be read: %1").arg(response.error().userMessage()));
            return;
        }
        m_request.ruleId = schema->userRuleId();
        assign();
    });
}

void TestSync::assign()
{
    if (m_cancelled) {
        m_provisioning = true;
        provisionNext();
        return;
    }
    const bool anyToAssign = std::any_of(m_slots.cbegin(), m_slots.cend(),
        [](const Slot& slot) { return !slot.preview.assigned && !slot.preview.sourceUserId.isEmpty(); });
    if (!anyToAssign) {
        m_provisioning = true;
        provisionNext();
        return;
    }
    // The msiam_access role id differs per configuration: read it from the service principal.
    GraphRequest request = GraphRequest::get(
        QStringLiteral("/servicePrincipals/") + GraphRequest::pathSegment(m_request.servicePrincipalId))
                               .addQueryItem(QStringLiteral("$select"), QStringLiteral("id,appRoles"))
                               .setPathTemplate(QStringLiteral("/servicePrincipals/{id}"));
    GraphCall* call = m_source.send(request);
    connect(call, &GraphCall::finished, this, [this](const GraphResponse& response) {
        if (!response.isSuccess()) {
            fail(tr("The configuration's service principal could not be read: %1").arg(response.error().userMessage()));
            return;
        }
        const QString roleId = AppRoleAssignmentEndpoints::msiamAccessRoleId(response.json());
        if (roleId.isEmpty()) {
            fail(tr("The configuration's service principal has no msiam_access role to assign users with."));
            return;
        }
        assignWithRole(roleId);
    });
}

void TestSync::assignWithRole(const QString& roleId)
{
    QList<int> indexes;
    QList<GraphRequest> requests;
    for (int i = 0; i < m_slots.size(); ++i) {
        const UserPreview& preview = m_slots.at(i).preview;
        if (!preview.assigned && !preview.sourceUserId.isEmpty()) {
            indexes.append(i);
            requests.append(AppRoleAssignmentEndpoints::addAssignmentRequest(
                m_request.servicePrincipalId, preview.sourceUserId, roleId));
        }
    }
    m_batch = new graph::BatchRequest(m_source, requests, this);
    connect(m_batch, &graph::BatchRequest::finished, this,
        [this, indexes](const QList<GraphResponse>& responses) { onAssigned(indexes, responses); });
    m_batch->start();
}

void TestSync::onAssigned(const QList<int>& indexes, const QList<GraphResponse>& responses)
{
    QList<QPair<int, QString>> failures;
    for (int i = 0; i < indexes.size() && i < responses.size(); ++i) {
        const GraphResponse& response = responses.at(i);
        Slot& slot = m_slots[indexes.at(i)];
        if (response.isSuccess()) {
            slot.assignedByTestSync = true;
            continue;
        }
        // Assigned in the meantime (by someone else, or a batch item retried after it had landed): fine. Graph has
        // no code of its own for it (400 "Permission being assigned already exists on the object"), so the
        // message is all there is to go on.
        if (response.httpStatus() == 400
            && response.error().message().contains(QLatin1String("already exists"), Qt::CaseInsensitive)) {
            continue;
        }
        failures.append({indexes.at(i),
            isAnswerLost(response)
                ? tr("The answer to the assignment was lost, so the user may be assigned to the configuration now. "
                     "%1 Then run the preview again to see whether the user is assigned, and test again.")
                      .arg(response.error().userMessage())
                : tr("The user could not be assigned to the configuration: %1").arg(response.error().userMessage())});
    }
    m_provisioning = true;
    for (const auto& [index, message] : std::as_const(failures)) {
        m_slots[index].done = true;
        finishUser(index, failedOutcome(index, message));
    }
    provisionNext();
}

void TestSync::provisionNext()
{
    if (!m_provisioning || !m_running) {
        return;
    }
    while (!m_cancelled && m_inFlight < m_request.concurrency && m_next < m_slots.size()) {
        const int index = m_next++;
        if (m_slots.at(index).done) {
            continue;
        }
        provision(index);
    }
    if (m_cancelled) {
        for (; m_next < m_slots.size(); ++m_next) {
            if (!m_slots.at(m_next).done) {
                m_slots[m_next].done = true;
                finishUser(m_next,
                    failedOutcome(m_next,
                        m_slots.at(m_next).assignedByTestSync
                            ? tr("The test sync was cancelled before this user. The assignment it added stays; the "
                                 "next sync cycle will provision the user unless you remove it.")
                            : tr("The test sync was cancelled before this user.")));
            }
        }
    }
    if (m_inFlight == 0 && m_done >= m_slots.size()) {
        finishRun();
    }
}

void TestSync::provision(int index)
{
    Slot& slot = m_slots[index];
    slot.done = true;
    ++m_inFlight;
    emit progress(m_done, static_cast<int>(m_slots.size()), slot.preview.userPrincipalName);
    if (slot.preview.sourceUserId.isEmpty()) {
        --m_inFlight;
        finishUser(index,
            failedOutcome(index,
                slot.preview.problems.isEmpty() ? tr("The preview does not name the source user.")
                                                : tr("The preview could not read the source user: %1")
                                                      .arg(slot.preview.problems.join(QLatin1Char(' ')))));
        provisionNext();
        return;
    }
    SynchronizationSchemaEndpoints endpoints(m_source);
    GraphCall* call = endpoints.provisionOnDemand(
        m_request.servicePrincipalId, m_request.jobId, m_request.ruleId, slot.preview.sourceUserId);
    connect(call, &GraphCall::finished, this, [this, index](const GraphResponse& response) {
        QString problem;
        const auto result = SynchronizationSchemaEndpoints::parseProvisionOnDemand(response, &problem);
        if (!result) {
            --m_inFlight;
            TestSyncOutcome outcome = failedOutcome(index,
                response.isSuccess() ? problem
                    : isAnswerLost(response)
                    ? tr("The answer of provisioning on demand was lost, so the service may have provisioned the user "
                         "anyway. %1 Then run the preview again to see the user in the target, and test again.")
                          .arg(response.error().userMessage())
                    : tr("Provisioning on demand failed: %1").arg(response.error().userMessage()));
            if (!response.isSuccess()) {
                outcome.errorCode = response.error().code();
                outcome.explanation = outcome.errorCode.isEmpty() ? QString() : explain(outcome.errorCode);
            }
            finishUser(index, outcome);
            provisionNext();
            return;
        }
        readBack(index, *result);
    });
}

void TestSync::readBack(int index, const ProvisionOnDemandResult& result)
{
    const UserPreview& preview = m_slots.at(index).preview;
    const QString targetUserId = result.targetUserId.isEmpty() ? preview.targetUserId : result.targetUserId;
    const bool nothingToRead = result.isFailure() || targetUserId.isEmpty()
        || (result.isSkipped() && result.skipReason.compare(kRedundantExport, Qt::CaseInsensitive) != 0);
    if (nothingToRead) {
        --m_inFlight;
        finishUser(index, compare(preview, result, {}, m_request.requiredAttributes));
        provisionNext();
        return;
    }
    GraphRequest request = GraphRequest::get(QStringLiteral("/users/") + GraphRequest::pathSegment(targetUserId))
                               .addQueryItem(QStringLiteral("$select"),
                                   readBackAttributes(preview, m_request.requiredAttributes).join(QLatin1Char(',')))
                               .setPathTemplate(QStringLiteral("/users/{id}"));
    GraphCall* call = m_target.send(request);
    connect(call, &GraphCall::finished, this, [this, index, result](const GraphResponse& response) {
        --m_inFlight;
        const UserPreview& expected = m_slots.at(index).preview;
        if (!response.isSuccess()) {
            TestSyncOutcome outcome = compare(expected, result, {}, m_request.requiredAttributes);
            outcome.verdict = Verdict::Failed;
            outcome.errorMessage
                = tr("The service provisioned the user, but reading it back from the target failed: %1")
                      .arg(response.error().userMessage());
            finishUser(index, outcome);
        } else {
            finishUser(index, compare(expected, result, response.json(), m_request.requiredAttributes));
        }
        provisionNext();
    });
}

void TestSync::finishUser(int index, TestSyncOutcome outcome)
{
    outcome.assignedByTestSync = m_slots.at(index).assignedByTestSync;
    if (!outcome.finishedAt.isValid()) {
        outcome.finishedAt = QDateTime::currentDateTimeUtc();
    }
    if (m_store) {
        if (const auto error = m_store->saveOutcome(m_runId, outcome)) {
            // The result still reaches the caller; only the history lacks it.
            qCWarning(lcSync) << "test sync outcome not stored:" << error->userMessage();
        }
    }
    m_outcomes.append(outcome);
    ++m_done;
    emit userFinished(outcome);
    emit progress(m_done, static_cast<int>(m_slots.size()), outcome.userPrincipalName);
}

void TestSync::finishRun()
{
    if (!m_running) {
        return;
    }
    m_running = false;
    int counts[4] = {0, 0, 0, 0};
    for (const TestSyncOutcome& outcome : std::as_const(m_outcomes)) {
        ++counts[static_cast<int>(outcome.verdict)];
    }
    QStringList parts;
    const Verdict verdicts[] = {Verdict::AsPredicted, Verdict::Differs, Verdict::Failed, Verdict::Skipped};
    for (const Verdict verdict : verdicts) {
        if (counts[static_cast<int>(verdict)] > 0) {
            parts.append(QStringLiteral("%1 %2")
                             .arg(counts[static_cast<int>(verdict)])
                             .arg(TestSyncOutcome::verdictName(verdict)));
        }
    }
    QString summary = parts.isEmpty() ? tr("no users") : parts.join(QStringLiteral(", "));
    if (m_cancelled) {
        summary += tr(" (cancelled)");
    }
    if (m_store) {
        if (const auto error = m_store->finishRun(m_runId, QDateTime::currentDateTimeUtc(), summary)) {
            qCWarning(lcSync) << "test sync run not marked finished:" << error->userMessage();
        }
    }
    emit finished(m_runId, m_outcomes);
}

void TestSync::fail(const QString& message)
{
    if (!m_running) {
        return;
    }
    m_running = false;
    if (m_store) {
        if (const auto error = m_store->finishRun(m_runId, QDateTime::currentDateTimeUtc(), message)) {
            qCWarning(lcSync) << "test sync run not marked finished:" << error->userMessage();
        }
    }
    emit failed(message);
}

TestSyncOutcome TestSync::failedOutcome(int index, const QString& message) const
{
    const UserPreview& preview = m_slots.at(index).preview;
    TestSyncOutcome outcome;
    outcome.sourceUserId = preview.sourceUserId;
    outcome.userPrincipalName = preview.userPrincipalName;
    outcome.preview = preview;
    outcome.verdict = Verdict::Failed;
    outcome.errorMessage = message;
    outcome.targetUserId = preview.targetUserId;
    return outcome;
}

UserPreview::Action TestSync::expectedAction(const UserPreview& preview)
{
    // The one reason the test sync's own assignment removes.
    if (preview.assigned || preview.action != UserPreview::Action::Skip
        || preview.scopeDecision != UserPreview::ScopeDecision::NotAssigned) {
        return preview.action;
    }
    switch (preview.match) {
    case UserPreview::Match::New:
    case UserPreview::Match::PendingGuest:
        return UserPreview::Action::Create;
    case UserPreview::Match::Linked:
    case UserPreview::Match::ExistingGuest:
        return UserPreview::Action::Update;
    case UserPreview::Match::Unknown:
        break;
    }
    return UserPreview::Action::Unknown;
}

QString TestSync::explain(const QString& errorCode)
{
    if (errorCode.isEmpty()) {
        return {};
    }
    const ErrorCatalogue::Explanation explanation = ErrorCatalogue::builtIn().explainError(errorCode);
    if (explanation.action.isEmpty()) {
        return explanation.meaning;
    }
    return explanation.meaning + QStringLiteral(" — ") + explanation.action;
}

QString TestSync::valueText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 16);
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue& item : value.toArray()) {
            items.append(valueText(item));
        }
        return items.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
        return value.toObject().value(QLatin1String("id")).toString();
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    }
    return {};
}

QStringList TestSync::readBackAttributes(const UserPreview& preview, const QStringList& required)
{
    QStringList names {QStringLiteral("id"), QStringLiteral("userPrincipalName")};
    const auto add = [&names](const QString& name) {
        if (!name.isEmpty() && isReadable(name) && !names.contains(name, Qt::CaseInsensitive)) {
            names.append(name);
        }
    };
    for (const UserPreview::Attribute& attribute : preview.attributes) {
        add(attribute.name);
    }
    for (const QString& name : required) {
        add(name);
    }
    return names;
}

QList<TestSyncOutcome::TimelineStep> TestSync::timelineOf(const ProvisionOnDemandResult& result)
{
    QList<TestSyncOutcome::TimelineStep> timeline;
    for (const model::ProvisioningLogEntry::Step& step : result.steps) {
        QString text = capitalised(step.type.isEmpty() ? step.name : step.type) + QStringLiteral(": ")
            + (step.description.isEmpty() ? step.name : step.description);
        // The details a person needs to follow what happened; the rest stays in --json.
        QStringList facts;
        for (const QString& key : {QStringLiteral("targetObjectId"), QStringLiteral("SkipReason"),
                 QStringLiteral("ErrorCode"), QStringLiteral("errorCode")}) {
            const QString value = step.detail(key);
            if (!value.isEmpty() && !text.contains(value)
                && !facts.contains(QStringLiteral("%1 %2").arg(key, value), Qt::CaseInsensitive)) {
                facts.append(QStringLiteral("%1 %2").arg(key, value));
            }
        }
        if (!facts.isEmpty()) {
            text += QStringLiteral(" (") + facts.join(QStringLiteral(", ")) + QLatin1Char(')');
        }
        if (step.status != QLatin1String("success") && !step.status.isEmpty()) {
            text += QStringLiteral(" [") + step.status + QLatin1Char(']');
        }
        timeline.append({step.type, step.status, text, QDateTime()});
    }
    return timeline;
}

TestSyncOutcome TestSync::compare(const UserPreview& preview, const ProvisionOnDemandResult& result,
    const QJsonObject& targetUser, const QStringList& required)
{
    TestSyncOutcome outcome;
    outcome.sourceUserId = preview.sourceUserId.isEmpty() ? result.sourceUserId : preview.sourceUserId;
    outcome.userPrincipalName
        = preview.userPrincipalName.isEmpty() ? result.reportableIdentifier : preview.userPrincipalName;
    outcome.preview = preview;
    outcome.serviceAction = result.action;
    outcome.serviceStatus = result.status;
    outcome.errorCode = result.errorCode;
    outcome.errorMessage = result.errorMessage;
    outcome.timeline = timelineOf(result);
    outcome.targetUserId = result.targetUserId;
    if (outcome.targetUserId.isEmpty()) {
        outcome.targetUserId = targetUser.value(QLatin1String("id")).toString();
    }
    if (outcome.targetUserId.isEmpty() && preview.match != UserPreview::Match::New) {
        outcome.targetUserId = preview.targetUserId;
    }

    if (result.isFailure()) {
        outcome.verdict = Verdict::Failed;
        outcome.explanation = explain(result.errorCode);
        return outcome;
    }
    const bool expected = actionAsExpected(expectedAction(preview), preview.match, result);
    if (result.isSkipped()) {
        const QString reason = result.skipReason.isEmpty() ? result.errorCode : result.skipReason;
        if (outcome.errorCode.isEmpty()) {
            outcome.errorCode = reason;
        }
        if (!expected) {
            outcome.verdict = Verdict::Skipped;
            outcome.explanation = explain(reason);
            return outcome;
        }
        if (reason.compare(kRedundantExport, Qt::CaseInsensitive) != 0) {
            outcome.verdict = Verdict::AsPredicted; // out of scope, as the preview said: nothing to read back
            return outcome;
        }
    }

    if (!targetUser.isEmpty()) {
        for (const UserPreview::Attribute& attribute : preview.attributes) {
            if (!attribute.hasPrediction || !attribute.flows || attribute.variesOnEachRun
                || !isReadable(attribute.name)) {
                continue;
            }
            const QJsonValue actual = fieldOf(targetUser, attribute.name);
            if (!sameValue(attribute.predicted, actual)) {
                outcome.differences.append({attribute.name, attribute.predicted, valueText(actual)});
            }
        }
        for (const QString& name : required) {
            // manager cannot be read with $select; it is not reported missing on a guess.
            if (isReadable(name) && isEmptyValue(fieldOf(targetUser, name))) {
                outcome.missingRequired.append(name);
            }
        }
    }
    outcome.verdict = expected && outcome.differences.isEmpty() ? Verdict::AsPredicted : Verdict::Differs;
    return outcome;
}

} // namespace tb::sync
