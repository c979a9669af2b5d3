// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/Trace.h"

#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "core/graph/endpoints/ProvisioningLogEndpoints.h"
#include "core/graph/endpoints/SynchronizationEndpoints.h"
#include "core/sync/ErrorCatalogue.h"
#include "core/sync/MappingEvaluator.h"
#include "core/sync/Preview.h"

#include <QJsonArray>

#include <utility>

namespace tb::sync {

namespace {

using State = TraceResult::State;
using Step = TraceResult::Step;
using graph::GraphResponse;

constexpr int kHttpNotFound = 404;
const QString kRedundantExport = QStringLiteral("RedundantExport");
const QString kNotEntitled = QStringLiteral("NotEffectivelyEntitled");

QString orDefault(const QString& text, const QString& fallback)
{
    return text.isEmpty() ? fallback : text;
}

QString timeText(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) : QStringLiteral("?");
}

// The SkipReason of a skipped record (its skipped step's detail), else its error reason.
QString skipReason(const model::ProvisioningLogEntry& entry)
{
    for (const model::ProvisioningLogEntry::Step& step : entry.steps) {
        const QString reason = step.detail(QStringLiteral("SkipReason"));
        if (!reason.isEmpty()) {
            return reason;
        }
    }
    return entry.error.reason;
}

TraceResult::LogRecord summarize(const model::ProvisioningLogEntry& entry)
{
    TraceResult::LogRecord record;
    record.activityDateTime = entry.activityDateTime;
    record.action = entry.action;
    record.status = entry.status;
    record.code = entry.error.code;
    record.reason = entry.isSkipped() ? skipReason(entry) : entry.error.reason;
    record.initiatedBy = orDefault(entry.initiatedBy.displayName, entry.initiatedBy.type);
    return record;
}

QString explained(const ErrorCatalogue::Explanation& explanation)
{
    return explanation.meaning;
}

} // namespace

Trace::Trace(graph::GraphClient& sourceClient, graph::GraphClient& targetClient, QObject* parent)
    : QObject(parent)
    , m_source(sourceClient)
    , m_target(targetClient)
{ }

Trace::~Trace()
{
    cancel();
}

bool Trace::start(const Target& target, const QString& user)
{
    if (m_running || target.servicePrincipalId.isEmpty() || target.jobId.isEmpty() || user.trimmed().isEmpty()) {
        return false;
    }
    m_running = true;
    m_inputs = Inputs {};
    m_inputs.target = target;
    m_inputs.user = user.trimmed();
    const graph::GraphRequest request
        = graph::DirectoryEndpoints::getUserRequest(m_inputs.user, Preview::selectableUserProperties());
    track(m_source.send(request, this, [this](const GraphResponse& response) { handleUser(response); }));
    return true;
}

void Trace::cancel()
{
    if (!m_running) {
        return;
    }
    m_running = false;
    const QList<QPointer<graph::GraphCall>> calls = std::exchange(m_calls, {});
    for (const QPointer<graph::GraphCall>& call : calls) {
        if (call) {
            disconnect(call, nullptr, this, nullptr);
            call->cancel();
        }
    }
    if (m_preview) {
        m_preview->cancel();
        m_preview->deleteLater();
        m_preview = nullptr;
    }
}

void Trace::track(graph::GraphCall* call)
{
    m_calls.removeAll(nullptr);
    m_calls.append(call);
}

void Trace::fail(const QString& message)
{
    cancel();
    emit failed(message);
}

void Trace::handleUser(const GraphResponse& response)
{
    if (!m_running) {
        return;
    }
    if (!response.isSuccess() && response.httpStatus() == kHttpNotFound) {
        // The answer, not a failure: nothing else matters for a user the source does not have.
        m_running = false;
        m_inputs.sourceFound = false;
        emit finished(decide(m_inputs));
        return;
    }
    if (!response.isSuccess()) {
        fail(tr("The source user %1 could not be read: %2").arg(m_inputs.user, response.error().userMessage()));
        return;
    }
    m_inputs.sourceFound = true;
    m_inputs.sourceUser = response.json();
    const QString id = response.json().value(QLatin1String("id")).toString();
    m_pending = 3;

    m_preview = new Preview(m_source, m_target, this);
    m_preview->setAssumeAssigned(false); // today's reality: an unassigned user is out of scope
    connect(m_preview, &Preview::finished, this, [this](const QList<UserPreview>& previews) {
        if (!previews.isEmpty()) {
            m_inputs.preview = previews.first();
        }
        partDone();
    });
    connect(m_preview, &Preview::failed, this, [this](const QString& message) { fail(message); });
    m_preview->start(m_inputs.target.servicePrincipalId, m_inputs.target.jobId, {id});

    track(m_source.send(
        graph::SynchronizationEndpoints::getJobRequest(m_inputs.target.servicePrincipalId, m_inputs.target.jobId), this,
        [this](const GraphResponse& jobResponse) { handleJob(jobResponse); }));

    graph::ProvisioningLogEndpoints::ProvisioningLogQuery query;
    query.jobId = m_inputs.target.jobId;
    query.sourceIdentityId = id;
    query.top = kLogRecords;
    query.newestFirst = true;
    // One page is all it needs: the newest records.
    track(m_source.send(graph::ProvisioningLogEndpoints::provisioningLogsRequest(query), this,
        [this](const GraphResponse& logsResponse) { handleLogs(logsResponse); }));
}

void Trace::handleJob(const GraphResponse& response)
{
    if (!m_running) {
        return;
    }
    const std::optional<model::SyncJob> job = graph::SynchronizationEndpoints::parseJob(response);
    if (!response.isSuccess() || !job) {
        fail(tr("The synchronization job could not be read: %1")
                 .arg(response.isSuccess() ? tr("the answer is not a job.") : response.error().userMessage()));
        return;
    }
    m_inputs.job = job;
    partDone();
}

void Trace::handleLogs(const GraphResponse& response)
{
    if (!m_running) {
        return;
    }
    if (response.isSuccess()) {
        QList<model::ProvisioningLogEntry> entries = graph::ProvisioningLogEndpoints::parseProvisioningLogs(
            response.json().value(QLatin1String("value")).toArray());
        std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.activityDateTime > b.activityDateTime; });
        m_inputs.logs = entries.mid(0, kLogRecords);
    } else {
        m_inputs.logsProblem = response.error().userMessage();
    }
    partDone();
}

void Trace::partDone()
{
    if (!m_running || --m_pending > 0) {
        return;
    }
    m_running = false;
    m_calls.clear();
    if (m_preview) {
        m_preview->deleteLater();
        m_preview = nullptr;
    }
    emit finished(decide(m_inputs));
}

TraceResult Trace::decide(const Inputs& in)
{
    TraceResult result;
    result.user = in.user;
    const QString source = orDefault(in.target.sourceTenantName, QStringLiteral("the source tenant"));
    const QString target = orDefault(in.target.targetTenantName, QStringLiteral("the target tenant"));
    const QString configuration = in.target.configurationName.isEmpty()
        ? QStringLiteral("the configuration")
        : QStringLiteral("the configuration \"%1\"").arg(in.target.configurationName);
    const ErrorCatalogue& catalogue = ErrorCatalogue::builtIn();
    if (in.logs) {
        for (const model::ProvisioningLogEntry& entry : *in.logs) {
            result.logs.append(summarize(entry));
        }
    }
    const auto add = [&result](const QString& check, State state, const QString& detail, const QString& fix = {}) {
        result.steps.append(Step {check, state, detail, fix});
    };

    // 1. The user exists in the source.
    if (!in.sourceFound) {
        add(QStringLiteral("Source user"), State::Fail, QStringLiteral("%1 has no user %2.").arg(source, in.user),
            QStringLiteral("Check the user principal name or object id: it must be a user of %1.").arg(source));
    } else {
        const QJsonObject& user = in.sourceUser;
        result.sourceUserId = user.value(QLatin1String("id")).toString();
        result.userPrincipalName = user.value(QLatin1String("userPrincipalName")).toString();
        const QString upn = orDefault(result.userPrincipalName, in.user);
        const UserPreview* preview = in.preview ? &*in.preview : nullptr;
        add(QStringLiteral("Source user"), State::Pass,
            QStringLiteral("%1 (%2) is a user of %3.")
                .arg(upn, orDefault(user.value(QLatin1String("displayName")).toString(), result.sourceUserId), source));

        // 2. Only internal members sync.
        if (MappingEvaluator::isExternalUser(user)) {
            add(QStringLiteral("Internal member"), State::Fail,
                QStringLiteral("%1 is an external user of %2 (userType %3, creationType %4): only internal members "
                               "are synchronized.")
                    .arg(upn, source, orDefault(user.value(QLatin1String("userType")).toString(), QStringLiteral("?")),
                        orDefault(user.value(QLatin1String("creationType")).toString(), QStringLiteral("none"))),
                QStringLiteral("Sync this person from their home tenant instead; a guest of %1 cannot be synced "
                               "from it.")
                    .arg(source));
        } else {
            add(QStringLiteral("Internal member"), State::Pass,
                QStringLiteral("%1 is an internal member of %2.").arg(upn, source));
        }

        // 3. Assignment.
        if (!preview) {
            add(QStringLiteral("Assignment"), State::Unknown, QStringLiteral("the preview could not be made."));
        } else if (preview->assigned) {
            add(QStringLiteral("Assignment"), State::Pass,
                preview->assignedThrough == QStringLiteral("directly")
                    ? QStringLiteral("%1 is assigned to %2 directly.").arg(upn, configuration)
                    : QStringLiteral("%1 is assigned to %2 through the group \"%3\".")
                          .arg(upn, configuration, preview->assignedThrough));
        } else if (preview->scopeDecision == UserPreview::ScopeDecision::AssignmentsUnread) {
            add(QStringLiteral("Assignment"), State::Unknown,
                QStringLiteral("the assignments of %1 could not be read.").arg(configuration));
        } else {
            add(QStringLiteral("Assignment"), State::Fail,
                QStringLiteral("%1 is not assigned to %2, neither directly nor through a group they are a direct "
                               "member of.")
                    .arg(upn, configuration),
                QStringLiteral("Assign %1 to %2 (Users and groups), or a group %1 is a direct member of; members of "
                               "nested groups do not count.")
                    .arg(upn, configuration));
        }

        // 4. The scoping filter: the clause that decided, with the user's value.
        if (preview) {
            using Decision = UserPreview::ScopeDecision;
            switch (preview->scopeDecision) {
            case Decision::InScope:
            case Decision::Disabled: // the filter let them in; the next check says the rest
                add(QStringLiteral("Scoping filter"), State::Pass,
                    preview->clauseResults.isEmpty() ? QStringLiteral("no scoping clause excludes %1.").arg(upn)
                                                     : QStringLiteral("every clause holds: %1.")
                                                           .arg(preview->clauseResults.join(QStringLiteral("; "))));
                break;
            case Decision::ExcludedByScopingFilter:
                if (const std::optional<UserPreview::ScopeClause>& clause = preview->decidingClause) {
                    add(QStringLiteral("Scoping filter"), State::Fail,
                        QStringLiteral("the clause %1 is false for %2, whose %3 is %4.")
                            .arg(clause->text(), upn, clause->attribute, clause->actualText()),
                        QStringLiteral("Change %1's %2 in %3 so the clause holds, or change the scoping filter of "
                                       "%4's user mapping.")
                            .arg(upn, clause->attribute, source, configuration));
                } else {
                    add(QStringLiteral("Scoping filter"), State::Fail,
                        QStringLiteral("%1 is out of scope: %2.").arg(upn, preview->scopeReason),
                        QStringLiteral("Change the scoping filter of %1's user mapping, or the user.")
                            .arg(configuration));
                }
                break;
            case Decision::NoUserMapping:
                add(QStringLiteral("Scoping filter"), State::Fail,
                    QStringLiteral("the schema of %1 has no enabled object mapping for User: no user is in scope.")
                        .arg(configuration),
                    QStringLiteral("Enable the User object mapping in the schema of %1 (or restore its default "
                                   "schema).")
                        .arg(configuration));
                break;
            case Decision::ExternalUser:
            case Decision::NotAssigned:
            case Decision::AssignmentsUnread:
                add(QStringLiteral("Scoping filter"), State::Unknown,
                    QStringLiteral("not evaluated by sync: %1.").arg(preview->scopeReason));
                break;
            case Decision::Unknown:
                add(QStringLiteral("Scoping filter"), State::Unknown,
                    QStringLiteral("the preview could not work out the scope of %1.").arg(upn));
                break;
            }
        } else {
            add(QStringLiteral("Scoping filter"), State::Unknown, QStringLiteral("the preview could not be made."));
        }

        // 5. Enabled: sync creates only enabled users; a linked one that is disabled stays linked and is disabled.
        const bool enabled = user.value(QLatin1String("accountEnabled")).toBool(true);
        const bool linked = preview && preview->match == UserPreview::Match::Linked;
        if (enabled) {
            add(QStringLiteral("Enabled"), State::Pass, QStringLiteral("%1 is enabled in %2.").arg(upn, source));
        } else if (linked) {
            add(QStringLiteral("Enabled"), State::Warn,
                QStringLiteral("%1 is disabled in %2; sync disables the linked user in %3 as well.")
                    .arg(upn, source, target));
        } else {
            add(QStringLiteral("Enabled"), State::Fail,
                QStringLiteral("%1 is disabled in %2 and was never synced: sync creates only enabled users.")
                    .arg(upn, source),
                QStringLiteral("Enable %1 in %2 (accountEnabled true) if they should exist in %3.")
                    .arg(upn, source, target));
        }

        // 6. Licence: a licensing requirement of cross-tenant sync, not something the service checks per user.
        if (!preview || preview->licenceNote == QStringLiteral("licences could not be read")) {
            add(QStringLiteral("Licence"), State::Unknown,
                QStringLiteral("the licences of %1 could not be read.").arg(upn));
        } else if (preview->hasP1) {
            add(QStringLiteral("Licence"), State::Pass, orDefault(preview->licenceNote, QStringLiteral("Entra ID P1")));
        } else {
            add(QStringLiteral("Licence"), State::Warn,
                QStringLiteral("%1 has no Entra ID P1 licence (%2): cross-tenant sync requires P1 for each synced "
                               "user; the service does not stop them for it.")
                    .arg(upn, orDefault(preview->licenceNote, QStringLiteral("none found"))),
                QStringLiteral("Assign %1 a licence that includes Entra ID P1 in %2.").arg(upn, source));
        }
    }

    // 7. The job.
    if (in.sourceFound) {
        const QString upn = orDefault(result.userPrincipalName, in.user);
        if (!in.job) {
            add(QStringLiteral("Job"), State::Unknown, QStringLiteral("the synchronization job could not be read."));
        } else if (in.job->isQuarantined()) {
            const QString reason
                = orDefault(in.job->quarantineReason, in.job->quarantine ? in.job->quarantine->reason : QString());
            const QString code = in.job->quarantineErrorCode;
            const ErrorCatalogue::Explanation why = catalogue.explainQuarantineReason(reason);
            const ErrorCatalogue::Explanation error = code.isEmpty() ? why : catalogue.explainError(code);
            add(QStringLiteral("Job"), State::Fail,
                QStringLiteral("the job of %1 is in quarantine (%2%3): %4")
                    .arg(configuration, orDefault(reason, QStringLiteral("no reason given")),
                        code.isEmpty() ? QString() : QStringLiteral(", ") + code, explained(error)),
                orDefault(error.action, orDefault(why.action, QStringLiteral("Fix the cause, then restart the job."))));
        } else if (in.job->isPaused() || in.job->scheduleState == QStringLiteral("Paused")
            || in.job->scheduleState == QStringLiteral("Disabled")) {
            add(QStringLiteral("Job"), State::Fail,
                in.job->lastExecution ? QStringLiteral("the job of %1 is paused (last cycle began %2): no cycle runs.")
                                            .arg(configuration, timeText(in.job->lastExecution->timeBegan))
                                      : QStringLiteral("the job of %1 is paused and has never run.").arg(configuration),
                QStringLiteral("Start the job: Start on the job panel, tenantbridge-cli job start, or Start "
                               "provisioning in the portal."));
        } else if (!in.job->lastExecution) {
            add(QStringLiteral("Job"), State::Warn,
                QStringLiteral("the job of %1 is started but has not finished its first cycle yet.")
                    .arg(configuration));
        } else {
            add(QStringLiteral("Job"), State::Pass,
                QStringLiteral("the job of %1 is running; its last cycle began %2 (%3).")
                    .arg(configuration, timeText(in.job->lastExecution->timeBegan),
                        orDefault(in.job->lastExecution->state, QStringLiteral("state unknown"))));
        }

        // 8. The match in the target.
        const UserPreview* preview = in.preview ? &*in.preview : nullptr;
        const bool everSynced = in.logs && std::any_of(in.logs->begin(), in.logs->end(), [](const auto& entry) {
            return entry.status == QStringLiteral("success");
        });
        if (!preview || preview->match == UserPreview::Match::Unknown) {
            add(QStringLiteral("Match in the target"), State::Unknown,
                QStringLiteral("%1 could not be searched for %2.").arg(target, upn));
        } else {
            const QString conflict = [preview] {
                for (const QString& problem : preview->problems) {
                    if (problem.contains(QLatin1String("InvitationCreationFailureAmbiguousUser"))) {
                        return problem;
                    }
                }
                return QString();
            }();
            if (!conflict.isEmpty()) {
                add(QStringLiteral("Match in the target"), State::Fail, conflict,
                    QStringLiteral("Change or remove the mail of the user of %1 that has it, then run a cycle.")
                        .arg(target));
            } else if (preview->match == UserPreview::Match::PendingGuest) {
                add(QStringLiteral("Match in the target"), everSynced ? State::Warn : State::Fail,
                    QStringLiteral("%1 holds a pending (never redeemed) guest %2 with the same mail: sync does not "
                                   "match it and would create a second account.")
                        .arg(target, preview->targetUserPrincipalName),
                    QStringLiteral("Delete the pending invitation %1 in %2, or provision %3 on demand to see what "
                                   "the service does.")
                        .arg(preview->targetUserPrincipalName, target, upn));
            } else {
                add(QStringLiteral("Match in the target"), State::Pass,
                    QStringLiteral("%1: %2.").arg(UserPreview::matchName(preview->match), preview->matchReason));
            }
        }

        // 9. The latest provisioning log record.
        if (!in.logs) {
            add(QStringLiteral("Provisioning logs"), State::Unknown,
                QStringLiteral("the provisioning logs could not be read: %1")
                    .arg(orDefault(in.logsProblem, QStringLiteral("no answer."))));
        } else if (in.logs->isEmpty()) {
            add(QStringLiteral("Provisioning logs"), State::Pass,
                QStringLiteral("no provisioning log record for %1 yet.").arg(upn));
        } else {
            const model::ProvisioningLogEntry& latest = in.logs->first();
            const QString when = timeText(latest.activityDateTime);
            if (latest.isFailure()) {
                const ErrorCatalogue::Explanation error = catalogue.explainError(latest.error.code);
                add(QStringLiteral("Provisioning logs"), State::Fail,
                    QStringLiteral("the latest record (%1, %2) failed with %3: %4%5")
                        .arg(when, orDefault(latest.action, QStringLiteral("other")),
                            orDefault(latest.error.code, QStringLiteral("no code")), explained(error),
                            latest.error.reason.isEmpty()
                                ? QString()
                                : QStringLiteral(" (the service: %1)").arg(latest.error.reason)),
                    orDefault(error.action,
                        QStringLiteral("Fix the cause, then provision %1 on demand or wait for the next cycle.")
                            .arg(upn)));
            } else if (latest.isSkipped()) {
                const QString reason = skipReason(latest);
                if (reason == kRedundantExport) {
                    add(QStringLiteral("Provisioning logs"), State::Pass,
                        QStringLiteral("the latest record (%1) skipped %2: nothing to change in %3.")
                            .arg(when, upn, target));
                } else if (reason == kNotEntitled && preview && preview->inScope) {
                    add(QStringLiteral("Provisioning logs"), State::Warn,
                        QStringLiteral("the latest record (%1) skipped %2 as out of scope (%3); the user is in scope "
                                       "now, so the next cycle takes them.")
                            .arg(when, upn, reason));
                } else {
                    add(QStringLiteral("Provisioning logs"), State::Fail,
                        QStringLiteral("the latest record (%1) skipped %2: %3.")
                            .arg(when, upn, orDefault(reason, QStringLiteral("no reason given"))),
                        QStringLiteral("Fix what the reason names, then provision %1 on demand.").arg(upn));
                }
            } else {
                add(QStringLiteral("Provisioning logs"), State::Pass,
                    QStringLiteral("the latest record (%1, %2) is %3.")
                        .arg(when, orDefault(latest.action, QStringLiteral("other")), latest.status));
            }
        }
    }

    // The verdict: the first failing step.
    for (int i = 0; i < result.steps.size(); ++i) {
        if (result.steps.at(i).state == State::Fail) {
            result.blocker = i;
            break;
        }
    }
    const QString upn = orDefault(result.userPrincipalName, in.user);
    if (const Step* step = result.blockingStep()) {
        result.conclusion = QStringLiteral("%1: %2").arg(step->check, step->detail);
        return result;
    }
    const model::ProvisioningLogEntry* exported = nullptr;
    if (in.logs) {
        for (const model::ProvisioningLogEntry& entry : *in.logs) {
            if (entry.status == QStringLiteral("success")) {
                exported = &entry;
                break;
            }
        }
    }
    const bool matched = in.preview
        && (in.preview->match == UserPreview::Match::Linked || in.preview->match == UserPreview::Match::ExistingGuest);
    if (exported) {
        result.conclusion = QStringLiteral("%1 is in scope and synced to %2: last exported %3.")
                                .arg(upn, target, timeText(exported->activityDateTime));
    } else {
        result.conclusion = QStringLiteral("%1 is in scope: the next cycle (about every 40 minutes) %2 them in %3 "
                                           "— or provision them on demand now.")
                                .arg(upn, matched ? QStringLiteral("updates") : QStringLiteral("creates"), target);
    }
    return result;
}

} // namespace tb::sync
