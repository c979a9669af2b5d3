// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// sync::Preview against the sandbox's CTS engine: what it predicts for the seeded users (a new member, an accepted
// guest, a pending guest, an unassigned user, one assigned through a group, one out of a scoping filter), that it
// sends only GET requests, and that a real cycle then creates the user with exactly the predicted values.
#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/endpoints/SynchronizationSchemaEndpoints.h"
#include "core/model/SynchronizationSchema.h"
#include "core/sync/MappingEvaluator.h"
#include "core/sync/Preview.h"
#include "core/sync/UserPreview.h"
#include "tests/support/ConfiguredPair.h"
#include "tests/support/GraphWait.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>

using tb::model::SynchronizationSchema;
using tb::sync::MappingEvaluator;
using tb::sync::Preview;
using tb::sync::UserPreview;
using tb::test::ConfiguredPair;
using tb::test::GraphWait;
using tb::test::SignalWaiter;

namespace {

const QString kAdele = QStringLiteral("adele.vance@contoso.onmicrosoft.com");
const QString kZainab = QStringLiteral("zainab.okafor@contoso.onmicrosoft.com"); // an accepted guest in Fabrikam
const QString kBianca = QStringLiteral("bianca.berg@contoso.onmicrosoft.com"); // a pending guest in Fabrikam
const QString kMegan = QStringLiteral("megan.bowen@contoso.onmicrosoft.com"); // never assigned
const QString kHenrietta = QStringLiteral("henrietta.chen@contoso.onmicrosoft.com"); // a member of CTS Pilot
const QString kPilotGroup = QStringLiteral("993d3bbe-5a9d-564a-b44f-d147d991595c");

struct Run
{
    QList<UserPreview> previews;
    QString failure;
    int progressSignals = 0;
};

Run preview(const ConfiguredPair& pair, const QStringList& users, const QString& jobId = {})
{
    Preview preview(*pair.sourceClient, *pair.targetClient);
    QSignalSpy finished(&preview, &Preview::finished);
    QSignalSpy failed(&preview, &Preview::failed);
    QSignalSpy progress(&preview, &Preview::progress);
    REQUIRE(preview.start(pair.servicePrincipalId, jobId.isEmpty() ? pair.jobId : jobId, users));
    CHECK_FALSE(preview.start(pair.servicePrincipalId, pair.jobId, users)); // one run at a time
    REQUIRE(SignalWaiter::waitUntil([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 30000));
    Run run;
    run.progressSignals = static_cast<int>(progress.size());
    if (!failed.isEmpty()) {
        run.failure = failed.first().first().toString();
        CHECK(finished.isEmpty());
        return run;
    }
    CHECK(failed.isEmpty());
    run.previews = finished.first().first().value<QList<UserPreview>>();
    CHECK_FALSE(preview.isRunning());
    return run;
}

const UserPreview& find(const QList<UserPreview>& previews, const QString& userPrincipalName)
{
    for (const UserPreview& candidate : previews) {
        if (candidate.userPrincipalName.compare(userPrincipalName, Qt::CaseInsensitive) == 0) {
            return candidate;
        }
    }
    FAIL("no preview for " << userPrincipalName.toStdString());
    static const UserPreview none;
    return none;
}

std::string describe(const UserPreview& preview)
{
    QStringList lines {QStringLiteral("%1 %2 %3 %4 scope=%5 (%6)")
                           .arg(preview.userPrincipalName, UserPreview::matchName(preview.match),
                               UserPreview::actionName(preview.action), preview.assignedThrough,
                               preview.inScope ? QStringLiteral("in") : QStringLiteral("out"), preview.scopeReason)};
    lines.append(preview.problems);
    return lines.join(QLatin1Char('\n')).toStdString();
}

} // namespace

TEST_CASE("Preview says what sync would do to each user, sending only GETs, and a cycle agrees",
    "[integration][sync][preview]")
{
    ConfiguredPair pair(ConfiguredPair::onDemandCycles());
    for (const QString& user : {kAdele, kZainab, kBianca}) {
        const QString id = pair.sourceUserId(user);
        REQUIRE_FALSE(id.isEmpty());
        pair.assign(id);
    }
    pair.assign(kPilotGroup);

    const qint64 before = pair.fixture.lastSeq();
    const Run run = preview(pair,
        {kAdele, kZainab, kBianca, kMegan, kHenrietta, QStringLiteral("nobody@contoso.onmicrosoft.com"),
            kAdele.toUpper()});
    REQUIRE(run.failure.isEmpty());
    REQUIRE(run.previews.size() == 6); // the duplicate is kept once, in the order given
    CHECK(run.previews.first().userPrincipalName == kAdele);
    CHECK(run.progressSignals == 7); // 0 of 6, then each user

    // Nothing was written: every request of the preview was a GET.
    const QList<tb::test::SandboxLogEntry> log = pair.fixture.requestLog(before);
    REQUIRE_FALSE(log.isEmpty());
    QStringList writes;
    for (const tb::test::SandboxLogEntry& entry : log) {
        if (entry.method != QStringLiteral("GET")) {
            writes.append(entry.method + QLatin1Char(' ') + entry.path());
        }
    }
    INFO(writes.join(QLatin1Char('\n')).toStdString());
    CHECK(writes.isEmpty());

    // Adele: assigned, nobody in Fabrikam yet: created with her attributes.
    const UserPreview& adele = find(run.previews, kAdele);
    INFO(describe(adele));
    CHECK(adele.sourceUserId == pair.sourceUserId(kAdele));
    CHECK(adele.displayName == QStringLiteral("Adele Vance"));
    CHECK(adele.mail == kAdele);
    CHECK(adele.hasP1);
    CHECK(adele.licenceNote.contains(QStringLiteral("P1")));
    CHECK(adele.assigned);
    CHECK(adele.assignedThrough == QStringLiteral("directly"));
    CHECK(adele.inScope);
    CHECK(adele.clauseResults
        == QStringList {QStringLiteral("Filter external users.alternativeSecurityIds EQUALS 'None': true")});
    CHECK(adele.scopeReason == adele.clauseResults.first());
    CHECK(adele.scopeDecision == UserPreview::ScopeDecision::InScope);
    REQUIRE(adele.decidingClause.has_value());
    CHECK(adele.decidingClause->attribute == QStringLiteral("alternativeSecurityIds"));
    CHECK(adele.decidingClause->actualValues == QStringList {QStringLiteral("None")});
    CHECK(adele.match == UserPreview::Match::New);
    CHECK(adele.targetUserId.isEmpty());
    CHECK(adele.action == UserPreview::Action::Create);
    CHECK_FALSE(adele.leavesScope);
    CHECK(adele.problems.isEmpty());
    REQUIRE(adele.attribute(QStringLiteral("department")) != nullptr);
    CHECK(adele.attribute(QStringLiteral("department"))->predicted == QStringLiteral("Sales"));
    CHECK(adele.attribute(QStringLiteral("jobTitle"))->predicted == QStringLiteral("Account Executive"));
    CHECK(adele.attribute(QStringLiteral("userType"))->predicted == QStringLiteral("Member"));
    CHECK(adele.attribute(QStringLiteral("accountEnabled"))->predicted == QStringLiteral("True"));
    CHECK(adele.changes().size() >= 10);

    // Zainab: an accepted guest of Fabrikam with her mail: taken over, userType not changed.
    const UserPreview& zainab = find(run.previews, kZainab);
    INFO(describe(zainab));
    CHECK(zainab.inScope);
    CHECK(zainab.match == UserPreview::Match::ExistingGuest);
    CHECK(zainab.targetUserPrincipalName
        == QStringLiteral("zainab.okafor_contoso.onmicrosoft.com#EXT#@fabrikam.onmicrosoft.com"));
    CHECK(zainab.action == UserPreview::Action::Update);
    const UserPreview::Attribute* zainabType = zainab.attribute(QStringLiteral("userType"));
    REQUIRE(zainabType != nullptr);
    CHECK(zainabType->current == QStringLiteral("Guest"));
    CHECK_FALSE(zainabType->flows);
    CHECK_FALSE(zainabType->changes);
    const UserPreview::Attribute* zainabDepartment = zainab.attribute(QStringLiteral("department"));
    REQUIRE(zainabDepartment != nullptr);
    CHECK(zainabDepartment->current.isEmpty());
    CHECK(zainabDepartment->predicted == QStringLiteral("Legal"));
    CHECK(zainabDepartment->changes);

    // Bianca: only a pending invitation in Fabrikam: not matched, with a warning.
    const UserPreview& bianca = find(run.previews, kBianca);
    INFO(describe(bianca));
    CHECK(bianca.match == UserPreview::Match::PendingGuest);
    CHECK(bianca.action == UserPreview::Action::Create);
    REQUIRE(bianca.problems.size() == 1);
    CHECK(bianca.problems.first().startsWith(QStringLiteral("Warning: the target holds a pending invitation")));

    // Megan: not assigned: skipped, and why.
    const UserPreview& megan = find(run.previews, kMegan);
    INFO(describe(megan));
    CHECK_FALSE(megan.assigned);
    CHECK(megan.assignedThrough.isEmpty());
    CHECK_FALSE(megan.inScope);
    CHECK(megan.scopeReason == QStringLiteral("not assigned to the configuration"));
    CHECK(megan.scopeDecision == UserPreview::ScopeDecision::NotAssigned);
    CHECK_FALSE(megan.decidingClause.has_value());
    CHECK(megan.action == UserPreview::Action::Skip);
    CHECK(megan.match == UserPreview::Match::New);
    CHECK(megan.changes().isEmpty());

    // Henrietta: assigned through the CTS Pilot group she is a direct member of.
    const UserPreview& henrietta = find(run.previews, kHenrietta);
    INFO(describe(henrietta));
    CHECK(henrietta.assigned);
    CHECK(henrietta.assignedThrough == QStringLiteral("CTS Pilot"));
    CHECK(henrietta.action == UserPreview::Action::Create);

    // A user the source does not have: a problem for that user only.
    const UserPreview& nobody = find(run.previews, QStringLiteral("nobody@contoso.onmicrosoft.com"));
    CHECK(nobody.action == UserPreview::Action::Unknown);
    CHECK(nobody.match == UserPreview::Match::Unknown);
    REQUIRE(nobody.problems.size() == 1);
    CHECK(nobody.problems.first().startsWith(QStringLiteral("The source user nobody@contoso.onmicrosoft.com could "
                                                            "not be read")));

    // The agreement test: a real cycle creates Adele with exactly the predicted values, and leaves Zainab Guest.
    pair.startJob();
    REQUIRE(pair.fixture.runSyncCycle() == 1);
    const QList<QJsonObject> created = pair.targetUsersWithMail(kAdele);
    REQUIRE(created.size() == 1);
    const QJsonObject target = created.first();
    int compared = 0;
    for (const UserPreview::Attribute& attribute : adele.attributes) {
        if (!attribute.hasPrediction || !target.contains(attribute.name)) {
            continue; // not previewed, or the target does not show it (isSoftDeleted, showInAddressList)
        }
        INFO(attribute.name.toStdString());
        if (attribute.flows) {
            CHECK(MappingEvaluator::valueText(target.value(attribute.name)) == attribute.predicted);
        } else {
            CHECK(MappingEvaluator::valueText(target.value(attribute.name)).isEmpty()); // not provisioned
        }
        ++compared;
    }
    CHECK(compared >= 12);
    CHECK(target.value(QLatin1String("userPrincipalName")).toString()
        == QStringLiteral("adele.vance_contoso.onmicrosoft.com#EXT#@fabrikam.onmicrosoft.com"));
    const QList<QJsonObject> zainabNow = pair.targetUsersWithMail(kZainab);
    REQUIRE(zainabNow.size() == 1);
    CHECK(zainabNow.first().value(QLatin1String("userType")).toString() == QStringLiteral("Guest"));
    CHECK(zainabNow.first().value(QLatin1String("department")).toString() == QStringLiteral("Legal"));

    // After the cycle Adele is a B2B member with her values: linked, nothing left to change.
    const Run again = preview(pair, {kAdele});
    REQUIRE(again.previews.size() == 1);
    INFO(describe(again.previews.first()));
    CHECK(again.previews.first().match == UserPreview::Match::Linked);
    CHECK(again.previews.first().action == UserPreview::Action::NoChange);
    CHECK(again.previews.first().changes().isEmpty());
}

TEST_CASE("Preview applies a scoping clause added to the schema, and fails only when the schema is unreadable",
    "[integration][sync][preview]")
{
    ConfiguredPair pair(ConfiguredPair::onDemandCycles());
    for (const QString& user : {kAdele, kZainab}) {
        pair.assign(pair.sourceUserId(user));
    }
    const tb::graph::SynchronizationSchemaEndpoints schemas(*pair.sourceClient);
    const auto read = GraphWait::response(schemas.getSchema(pair.servicePrincipalId, pair.jobId));
    REQUIRE(read.has_value());
    std::optional<SynchronizationSchema> schema = tb::graph::SynchronizationSchemaEndpoints::parseSchema(*read);
    REQUIRE(schema.has_value());
    QList<SynchronizationSchema::ScopingGroup> groups = schema->userMapping()->scopeGroups;
    SynchronizationSchema::ScopingGroup sales;
    sales.name = QStringLiteral("Sales only");
    SynchronizationSchema::ScopingClause clause;
    clause.operatorName = QStringLiteral("EQUALS");
    clause.sourceOperandName = QStringLiteral("department");
    clause.values = {QStringLiteral("Sales")};
    sales.clauses.append(clause);
    groups.append(sales);
    REQUIRE(schema->setScopeGroups(schema->userRuleId(), schema->userMapping()->name, groups));
    const auto put = GraphWait::response(schemas.putSchema(pair.servicePrincipalId, pair.jobId, *schema));
    REQUIRE(put.has_value());
    INFO(put->error().userMessage().toStdString());
    REQUIRE(put->isSuccess());

    const Run run = preview(pair, {kAdele, kZainab});
    REQUIRE(run.previews.size() == 2);
    const UserPreview& adele = run.previews.at(0);
    INFO(describe(adele));
    CHECK(adele.inScope);
    CHECK(adele.scopeReason == QStringLiteral("Sales only.department EQUALS 'Sales': true"));
    CHECK(adele.clauseResults.size() == 2);
    const UserPreview& zainab = run.previews.at(1);
    INFO(describe(zainab));
    CHECK_FALSE(zainab.inScope);
    CHECK(zainab.scopeReason == QStringLiteral("Sales only.department EQUALS 'Sales': false"));
    CHECK(zainab.scopeDecision == UserPreview::ScopeDecision::ExcludedByScopingFilter);
    CHECK(zainab.decidingClause
        == UserPreview::ScopeClause {QStringLiteral("Sales only"), QStringLiteral("department"),
            QStringLiteral("EQUALS"), {QStringLiteral("Sales")}, {QStringLiteral("Legal")}, false});
    CHECK(zainab.action == UserPreview::Action::Skip);
    CHECK_FALSE(zainab.leavesScope); // an accepted guest not yet taken over: nothing to delete

    // The engine agrees: Adele is created, Zainab's guest account is left as it was.
    pair.startJob();
    REQUIRE(pair.fixture.runSyncCycle() == 1);
    CHECK(pair.targetUsersWithMail(kAdele).size() == 1);
    const QList<QJsonObject> zainabNow = pair.targetUsersWithMail(kZainab);
    REQUIRE(zainabNow.size() == 1);
    CHECK(zainabNow.first().value(QLatin1String("department")).isNull());

    // Cancelled: no signal follows, and it can start again.
    {
        Preview cancelled(*pair.sourceClient, *pair.targetClient);
        QSignalSpy finished(&cancelled, &Preview::finished);
        QSignalSpy failed(&cancelled, &Preview::failed);
        REQUIRE(cancelled.start(pair.servicePrincipalId, pair.jobId, {kAdele}));
        cancelled.cancel();
        CHECK_FALSE(cancelled.isRunning());
        CHECK_FALSE(SignalWaiter::waitUntil([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 500));
        REQUIRE(cancelled.start(pair.servicePrincipalId, pair.jobId, {kAdele}));
        CHECK(SignalWaiter::waitForCount(finished));
    }

    const Run broken = preview(pair, {kAdele}, QStringLiteral("Azure2Azure.nothing.here"));
    CHECK(broken.previews.isEmpty());
    CHECK(broken.failure.startsWith(QStringLiteral("The synchronization job's schema could not be read")));
}
