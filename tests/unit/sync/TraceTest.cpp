// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// sync::Trace::decide with hand-made inputs: each blocker is named as the FIRST failing check, with a concrete fix;
// warnings (no P1 licence, a first cycle not finished) do not block; and what is said when nothing blocks.
#include "core/sync/Trace.h"

#include "core/model/ProvisioningLogEntry.h"
#include "core/model/SyncJob.h"
#include "core/sync/TraceResult.h"
#include "core/sync/UserPreview.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>

using tb::model::ProvisioningLogEntry;
using tb::model::SyncJob;
using tb::sync::Trace;
using tb::sync::TraceResult;
using tb::sync::UserPreview;

namespace {

const QString kUpn = QStringLiteral("adele.vance@contoso.onmicrosoft.com");

// Adele, an internal member, assigned directly, in scope, P1, new in the target, the job running, no logs yet.
Trace::Inputs healthy()
{
    Trace::Inputs in;
    in.target = {QStringLiteral("sp-1"), QStringLiteral("job-1"), QStringLiteral("Contoso to Fabrikam"),
        QStringLiteral("Contoso"), QStringLiteral("Fabrikam")};
    in.user = kUpn;
    in.sourceFound = true;
    in.sourceUser = QJsonObject {{QStringLiteral("id"), QStringLiteral("u-1")},
        {QStringLiteral("userPrincipalName"), kUpn}, {QStringLiteral("displayName"), QStringLiteral("Adele Vance")},
        {QStringLiteral("mail"), kUpn}, {QStringLiteral("userType"), QStringLiteral("Member")},
        {QStringLiteral("accountEnabled"), true}, {QStringLiteral("department"), QStringLiteral("Legal")}};
    UserPreview preview;
    preview.sourceUserId = QStringLiteral("u-1");
    preview.userPrincipalName = kUpn;
    preview.hasP1 = true;
    preview.licenceNote = QStringLiteral("Entra ID P1 through Microsoft 365 E3");
    preview.assigned = true;
    preview.assignedThrough = QStringLiteral("directly");
    preview.inScope = true;
    preview.clauseResults = {QStringLiteral("Filter external users.alternativeSecurityIds EQUALS 'None': true")};
    preview.scopeReason = preview.clauseResults.first();
    preview.scopeDecision = UserPreview::ScopeDecision::InScope;
    preview.decidingClause
        = UserPreview::ScopeClause {QStringLiteral("Filter external users"), QStringLiteral("alternativeSecurityIds"),
            QStringLiteral("EQUALS"), {QStringLiteral("None")}, {QStringLiteral("None")}, true};
    preview.match = UserPreview::Match::New;
    preview.matchReason = QStringLiteral("no B2B user with the mail %1 in the target").arg(kUpn);
    preview.action = UserPreview::Action::Create;
    in.preview = preview;
    SyncJob job;
    job.id = QStringLiteral("job-1");
    job.scheduleState = QStringLiteral("Active");
    job.statusCode = QStringLiteral("Active");
    tb::model::SyncExecution execution;
    execution.state = QStringLiteral("Succeeded");
    execution.timeBegan = QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC);
    execution.timeEnded = execution.timeBegan.addSecs(60);
    job.lastExecution = execution;
    in.job = job;
    in.logs = QList<ProvisioningLogEntry> {};
    return in;
}

ProvisioningLogEntry record(const QString& status, const QDateTime& time)
{
    ProvisioningLogEntry entry;
    entry.id = QStringLiteral("log-") + time.toString(Qt::ISODate);
    entry.activityDateTime = time;
    entry.action = QStringLiteral("create");
    entry.status = status;
    entry.initiatedBy.type = QStringLiteral("system");
    return entry;
}

std::string describe(const TraceResult& result)
{
    QStringList lines;
    for (const TraceResult::Step& step : result.steps) {
        lines.append(
            TraceResult::stateName(step.state) + QLatin1Char(' ') + step.check + QStringLiteral(": ") + step.detail);
    }
    lines.append(QStringLiteral("=> ") + result.conclusion);
    return lines.join(QLatin1Char('\n')).toStdString();
}

const TraceResult::Step& blocker(const TraceResult& result)
{
    REQUIRE(result.blockingStep() != nullptr);
    return *result.blockingStep();
}

} // namespace

TEST_CASE("Trace: nothing blocks a healthy user, and it says what happens next", "[unit][sync][trace]")
{
    Trace::Inputs in = healthy();
    const TraceResult fresh = Trace::decide(in);
    INFO(describe(fresh));
    CHECK_FALSE(fresh.isBlocked());
    CHECK(fresh.fix().isEmpty());
    CHECK(fresh.steps.size() == 9);
    CHECK(fresh.conclusion.contains(QStringLiteral("the next cycle (about every 40 minutes) creates")));
    CHECK(fresh.conclusion.contains(QStringLiteral("provision them on demand now")));

    // Synced: a successful record gives the time of the last export.
    in.preview->match = UserPreview::Match::Linked;
    in.logs = QList<ProvisioningLogEntry> {
        record(QStringLiteral("success"), QDateTime(QDate(2026, 11, 27), QTime(9, 1), Qt::UTC))};
    const TraceResult synced = Trace::decide(in);
    INFO(describe(synced));
    CHECK_FALSE(synced.isBlocked());
    CHECK(synced.conclusion
        == QStringLiteral("%1 is in scope and synced to Fabrikam: last exported 2026-11-27 09:01 UTC.").arg(kUpn));
    REQUIRE(synced.logs.size() == 1);
    CHECK(synced.logs.first().status == QStringLiteral("success"));

    // JSON: blocked false, a null blocker, every step.
    const QJsonObject json = synced.toJson();
    CHECK_FALSE(json.value(QLatin1String("blocked")).toBool());
    CHECK(json.value(QLatin1String("blocker")).isNull());
    CHECK(json.value(QLatin1String("steps")).toArray().size() == 9);
    CHECK(json.value(QLatin1String("steps")).toArray().first().toObject().value(QLatin1String("state")).toString()
        == QStringLiteral("pass"));
}

TEST_CASE("Trace: each blocker is the first failing check, with its fix", "[unit][sync][trace]")
{
    SECTION("not in the source: nothing else is checked")
    {
        Trace::Inputs in = healthy();
        in.sourceFound = false;
        in.sourceUser = {};
        in.preview.reset();
        const TraceResult result = Trace::decide(in);
        INFO(describe(result));
        CHECK(blocker(result).check == QStringLiteral("Source user"));
        CHECK(blocker(result).detail == QStringLiteral("Contoso has no user %1.").arg(kUpn));
        CHECK(result.steps.size() == 1);
    }
    SECTION("an external user, even when also unassigned")
    {
        Trace::Inputs in = healthy();
        in.sourceUser.insert(QStringLiteral("userType"), QStringLiteral("Guest"));
        in.preview->assigned = false;
        in.preview->inScope = false;
        in.preview->scopeDecision = UserPreview::ScopeDecision::ExternalUser;
        in.preview->scopeReason = UserPreview::scopeDecisionReason(in.preview->scopeDecision);
        in.preview->decidingClause.reset();
        const TraceResult result = Trace::decide(in);
        INFO(describe(result));
        CHECK(blocker(result).check == QStringLiteral("Internal member"));
        CHECK(blocker(result).detail.contains(QStringLiteral("only internal members")));
    }
    SECTION("not assigned, though the job is paused as well")
    {
        Trace::Inputs in = healthy();
        in.preview->assigned = false;
        in.preview->inScope = false;
        in.preview->scopeDecision = UserPreview::ScopeDecision::NotAssigned;
        in.preview->scopeReason = UserPreview::scopeDecisionReason(in.preview->scopeDecision);
        in.preview->decidingClause.reset();
        in.job->statusCode = QStringLiteral("Paused");
        const TraceResult result = Trace::decide(in);
        INFO(describe(result));
        CHECK(blocker(result).check == QStringLiteral("Assignment"));
        CHECK(blocker(result).fix.contains(QStringLiteral("nested groups do not count")));
        CHECK(blocker(result).fix.contains(QStringLiteral("Contoso to Fabrikam")));
        CHECK(result.fix() == blocker(result).fix);
        CHECK(result.toJson().value(QLatin1String("blocked")).toBool());
    }
    SECTION("a scoping clause: named, with the user's value, from the preview's clause and not its sentence")
    {
        Trace::Inputs in = healthy();
        in.preview->inScope = false;
        in.preview->scopeDecision = UserPreview::ScopeDecision::ExcludedByScopingFilter;
        // A group name with a dot and a multi-valued attribute: nothing is read back out of a sentence.
        in.preview->decidingClause = UserPreview::ScopeClause {QStringLiteral("v1.2 Sales"),
            QStringLiteral("department"), QStringLiteral("EQUALS"), {QStringLiteral("Sales")},
            {QStringLiteral("Legal"), QStringLiteral("Law")}, false};
        in.preview->scopeReason = QStringLiteral("(a sentence Trace must not parse)");
        const TraceResult result = Trace::decide(in);
        INFO(describe(result));
        CHECK(blocker(result).check == QStringLiteral("Scoping filter"));
        CHECK(blocker(result).detail
            == QStringLiteral("the clause v1.2 Sales.department EQUALS 'Sales' is false for %1, whose department is "
                              "'Legal', 'Law'.")
                   .arg(kUpn));
        CHECK(blocker(result).fix.startsWith(QStringLiteral("Change %1's department in Contoso").arg(kUpn)));

        in.preview->decidingClause->actualValues.clear();
        CHECK(blocker(Trace::decide(in)).detail.endsWith(QStringLiteral("whose department is (empty).")));
    }
    SECTION("no user mapping in the schema")
    {
        Trace::Inputs in = healthy();
        in.preview->inScope = false;
        in.preview->scopeDecision = UserPreview::ScopeDecision::NoUserMapping;
        in.preview->decidingClause.reset();
        const TraceResult result = Trace::decide(in);
        INFO(describe(result));
        CHECK(blocker(result).check == QStringLiteral("Scoping filter"));
        CHECK(blocker(result).fix.contains(QStringLiteral("Enable the User object mapping")));
    }
    SECTION("disabled and never synced; disabled but linked only warns")
    {
        Trace::Inputs in = healthy();
        in.sourceUser.insert(QStringLiteral("accountEnabled"), false);
        in.preview->inScope = false;
        in.preview->scopeDecision = UserPreview::ScopeDecision::Disabled;
        in.preview->scopeReason = UserPreview::scopeDecisionReason(in.preview->scopeDecision);
        const TraceResult result = Trace::decide(in);
        INFO(describe(result));
        CHECK(blocker(result).check == QStringLiteral("Enabled"));
        CHECK(blocker(result).detail.contains(QStringLiteral("never synced")));

        in.preview->match = UserPreview::Match::Linked;
        in.preview->inScope = true;
        in.preview->scopeDecision = UserPreview::ScopeDecision::InScope;
        const TraceResult linked = Trace::decide(in);
        INFO(describe(linked));
        CHECK_FALSE(linked.isBlocked());
        CHECK(linked.steps.at(4).state == TraceResult::State::Warn);
    }
    SECTION("no P1 licence warns and does not block")
    {
        Trace::Inputs in = healthy();
        in.preview->hasP1 = false;
        in.preview->licenceNote = QStringLiteral("no licence includes Entra ID P1");
        const TraceResult result = Trace::decide(in);
        INFO(describe(result));
        CHECK_FALSE(result.isBlocked());
        CHECK(result.steps.at(5).check == QStringLiteral("Licence"));
        CHECK(result.steps.at(5).state == TraceResult::State::Warn);
        CHECK(result.steps.at(5).passed());
    }
    SECTION("the job: quarantined, paused (never ran), started but no cycle yet")
    {
        Trace::Inputs in = healthy();
        in.job->statusCode = QStringLiteral("Quarantine");
        in.job->quarantineReason = QStringLiteral("EncounteredBaseEscrowThreshold");
        const TraceResult quarantined = Trace::decide(in);
        INFO(describe(quarantined));
        CHECK(blocker(quarantined).check == QStringLiteral("Job"));
        CHECK(blocker(quarantined).detail.contains(QStringLiteral("quarantine (EncounteredBaseEscrowThreshold)")));
        CHECK(blocker(quarantined).fix.contains(QStringLiteral("Escrows reset")));

        in.job->statusCode = QStringLiteral("Paused");
        in.job->scheduleState = QStringLiteral("Paused");
        in.job->quarantineReason.clear();
        in.job->lastExecution.reset();
        const TraceResult paused = Trace::decide(in);
        INFO(describe(paused));
        CHECK(blocker(paused).detail.contains(QStringLiteral("paused and has never run")));
        CHECK(blocker(paused).fix.startsWith(QStringLiteral("Start the job")));

        in.job->statusCode = QStringLiteral("NotRun");
        in.job->scheduleState = QStringLiteral("Active");
        const TraceResult starting = Trace::decide(in);
        INFO(describe(starting));
        CHECK_FALSE(starting.isBlocked());
        CHECK(starting.steps.at(6).state == TraceResult::State::Warn);
    }
    SECTION("a pending guest with the same mail blocks a user never synced")
    {
        Trace::Inputs in = healthy();
        in.preview->match = UserPreview::Match::PendingGuest;
        in.preview->targetUserPrincipalName = QStringLiteral("adele_contoso#EXT#@fabrikam.onmicrosoft.com");
        const TraceResult result = Trace::decide(in);
        INFO(describe(result));
        CHECK(blocker(result).check == QStringLiteral("Match in the target"));
        CHECK(blocker(result).detail.contains(QStringLiteral("pending")));
        CHECK(blocker(result).fix.contains(QStringLiteral("adele_contoso#EXT#@fabrikam.onmicrosoft.com")));
    }
    SECTION("the latest log record failed: its code explained; an older failure does not count")
    {
        Trace::Inputs in = healthy();
        ProvisioningLogEntry failed
            = record(QStringLiteral("failure"), QDateTime(QDate(2026, 11, 27), QTime(9, 5), Qt::UTC));
        failed.error.code = QStringLiteral("AzureActiveDirectoryForbidden");
        failed.error.reason = QStringLiteral("Guest invitations are not allowed.");
        in.logs = QList<ProvisioningLogEntry> {failed};
        const TraceResult result = Trace::decide(in);
        INFO(describe(result));
        CHECK(blocker(result).check == QStringLiteral("Provisioning logs"));
        CHECK(blocker(result).detail.contains(QStringLiteral("failed with AzureActiveDirectoryForbidden")));
        CHECK(blocker(result).detail.contains(QStringLiteral("guest invite setting")));
        CHECK(
            blocker(result).fix == QStringLiteral("Loosen the external collaboration settings in the target tenant."));

        in.logs = QList<ProvisioningLogEntry> {
            record(QStringLiteral("success"), QDateTime(QDate(2026, 11, 27), QTime(9, 45), Qt::UTC)), failed};
        CHECK_FALSE(Trace::decide(in).isBlocked());
    }
    SECTION("the latest record skipped: a redundant export passes, another reason blocks")
    {
        Trace::Inputs in = healthy();
        ProvisioningLogEntry skipped
            = record(QStringLiteral("skipped"), QDateTime(QDate(2026, 11, 27), QTime(9, 5), Qt::UTC));
        ProvisioningLogEntry::Step step;
        step.name = QStringLiteral("EntryExportUpdate");
        step.status = QStringLiteral("skipped");
        step.details = {{QStringLiteral("SkipReason"), QStringLiteral("RedundantExport")}};
        skipped.steps = {step};
        in.logs = QList<ProvisioningLogEntry> {skipped};
        CHECK_FALSE(Trace::decide(in).isBlocked());

        skipped.steps.first().details = {{QStringLiteral("SkipReason"), QStringLiteral("SomethingElse")}};
        in.logs = QList<ProvisioningLogEntry> {skipped};
        const TraceResult result = Trace::decide(in);
        INFO(describe(result));
        CHECK(blocker(result).check == QStringLiteral("Provisioning logs"));
        CHECK(blocker(result).detail.contains(QStringLiteral("SomethingElse")));
        REQUIRE(result.logs.size() == 1);
        CHECK(result.logs.first().reason == QStringLiteral("SomethingElse"));
    }
}
