// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// sync::CleanupPlanner against the sandbox's CTS engine: the users a configuration created are listed from its
// provisioning logs (with the source-domain B2B users apart), removing the assignments is journalled per batch, and
// the next cycle soft-deletes what the configuration provisioned. Also ChangeImpact over the same pair.
#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/AppRoleAssignmentEndpoints.h"
#include "core/graph/endpoints/SynchronizationSchemaEndpoints.h"
#include "core/model/SynchronizationSchema.h"
#include "core/store/Journal.h"
#include "core/sync/ChangeImpact.h"
#include "core/sync/CleanupPlanner.h"
#include "tests/support/ConfiguredPair.h"
#include "tests/support/GraphWait.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>

using tb::model::SynchronizationSchema;
using tb::sync::ChangeImpact;
using tb::sync::CleanupListing;
using tb::sync::CleanupPlanner;
using tb::sync::ImpactResult;
using tb::test::ConfiguredPair;
using tb::test::GraphWait;
using tb::test::SignalWaiter;

namespace {

const QStringList kUsers {QStringLiteral("adele.vance@contoso.onmicrosoft.com"),
    QStringLiteral("megan.bowen@contoso.onmicrosoft.com"), QStringLiteral("debra.pisani@contoso.onmicrosoft.com")};

CleanupListing listCreated(const ConfiguredPair& pair)
{
    CleanupPlanner planner(*pair.sourceClient, *pair.targetClient);
    QSignalSpy listed(&planner, &CleanupPlanner::listed);
    QSignalSpy failed(&planner, &CleanupPlanner::failed);
    REQUIRE(planner.list(pair.servicePrincipalId, pair.jobId, QStringLiteral("Contoso")));
    REQUIRE(SignalWaiter::waitUntil([&] { return !listed.isEmpty() || !failed.isEmpty(); }, 30000));
    INFO((failed.isEmpty() ? QString() : failed.first().first().toString()).toStdString());
    REQUIRE(failed.isEmpty());
    return listed.first().first().value<CleanupListing>();
}

QList<tb::model::AppRoleAssignment> assignments(const ConfiguredPair& pair)
{
    const GraphWait::Pages pages = GraphWait::readAll(
        tb::graph::AppRoleAssignmentEndpoints(*pair.sourceClient).listAssignments(pair.servicePrincipalId, nullptr));
    REQUIRE(pages.result.has_value());
    REQUIRE(pages.result->isComplete());
    QJsonArray items;
    for (const QJsonObject& item : pages.items) {
        items.append(item);
    }
    return tb::graph::AppRoleAssignmentEndpoints::parseAssignments(items);
}

QStringList provenMails(const CleanupListing& listing, bool gone)
{
    QStringList mails;
    for (const CleanupListing::TargetUser& user : listing.users) {
        if (user.origin == CleanupListing::Origin::ProvisioningLogs && user.gone == gone) {
            mails.append(user.mail.toLower());
        }
    }
    mails.sort();
    return mails;
}

// Every request since seq that is not a read: the $batch envelope is a POST, its items are logged one by one.
QStringList writesSince(ConfiguredPair& pair, qint64 seq)
{
    const QList<tb::test::SandboxLogEntry> log = pair.fixture.requestLog(seq);
    REQUIRE_FALSE(log.isEmpty());
    QStringList writes;
    for (const tb::test::SandboxLogEntry& entry : log) {
        if (entry.method != QStringLiteral("GET") && !entry.path().endsWith(QLatin1String("/$batch"))) {
            writes.append(entry.method + QLatin1Char(' ') + entry.path());
        }
    }
    return writes;
}

} // namespace

TEST_CASE("Clean-up lists what the configuration created, removes its assignments in journalled batches, and the "
          "next cycle soft-deletes the users",
    "[integration][sync][cleanup]")
{
    ConfiguredPair pair(ConfiguredPair::onDemandCycles());
    for (const QString& user : kUsers) {
        const QString id = pair.sourceUserId(user);
        REQUIRE_FALSE(id.isEmpty());
        pair.assign(id);
    }
    pair.startJob();
    REQUIRE(pair.fixture.runSyncCycle() >= 1);
    for (const QString& user : kUsers) {
        REQUIRE(pair.targetUsersWithMail(user).size() == 1);
    }

    const qint64 before = pair.fixture.lastSeq();
    const CleanupListing listing = listCreated(pair);
    QStringList expected = kUsers;
    expected.sort();
    CHECK(provenMails(listing, false) == expected);
    CHECK(listing.provenCount() == 3);
    CHECK(listing.assignments.size() == 3);
    CHECK(listing.sourceDomains.contains(QStringLiteral("contoso.onmicrosoft.com")));
    // The seeded B2B guests from Contoso are listed apart, not claimed for this configuration.
    CHECK(listing.count(CleanupListing::Origin::SourceDomain) >= 5);
    for (const CleanupListing::TargetUser& user : listing.users) {
        if (user.origin == CleanupListing::Origin::SourceDomain) {
            CHECK(user.label.contains(QStringLiteral("not proven")));
            CHECK_FALSE(kUsers.contains(user.mail, Qt::CaseInsensitive));
        }
    }
    // Listing wrote nothing.
    CHECK(writesSince(pair, before).isEmpty());
    const QJsonObject json = listing.toJson();
    CHECK(json.value(QStringLiteral("provenUsers")).toInt() == 3);

    // Remove the assignments (the caller confirmed).
    CleanupPlanner planner(*pair.sourceClient, *pair.targetClient);
    QSignalSpy removed(&planner, &CleanupPlanner::assignmentsRemoved);
    QSignalSpy failed(&planner, &CleanupPlanner::failed);
    const QString runId = QStringLiteral("cleanup-test-run");
    REQUIRE(planner.removeAssignments(
        pair.servicePrincipalId, listing.assignments, *pair.journal, runId, pair.sourceTenantId));
    REQUIRE(SignalWaiter::waitUntil([&] { return !removed.isEmpty() || !failed.isEmpty(); }, 30000));
    REQUIRE(failed.isEmpty());
    const auto result = removed.first().first().value<CleanupPlanner::RemovalResult>();
    CHECK(result.removed == 3);
    CHECK(result.batches == 1);
    CHECK(result.failures.isEmpty());
    CHECK(assignments(pair).isEmpty());

    const auto entries = pair.journal->entries(runId);
    REQUIRE(std::holds_alternative<QList<tb::store::JournalEntry>>(entries));
    const QList<tb::store::JournalEntry> rows = std::get<QList<tb::store::JournalEntry>>(entries);
    REQUIRE(rows.size() == 2);
    CHECK(rows.at(0).phase == tb::store::JournalEntry::Phase::Intent);
    CHECK(rows.at(1).phase == tb::store::JournalEntry::Phase::Done);
    CHECK(rows.at(1).stepKey == rows.at(0).stepKey);

    // The next cycle deprovisions: the target no longer lists them, and a new listing marks them gone.
    REQUIRE(pair.fixture.runSyncCycle() >= 1);
    for (const QString& user : kUsers) {
        CHECK(pair.targetUsersWithMail(user).isEmpty());
    }
    const CleanupListing after = listCreated(pair);
    CHECK(provenMails(after, false).isEmpty());
    CHECK(after.provenCount() == 0);
    int gone = 0;
    for (const CleanupListing::TargetUser& user : after.users) {
        gone += user.gone ? 1 : 0;
    }
    CHECK(gone == 3);
}

TEST_CASE("ChangeImpact over the sandbox: a scope clause that leaves synced users out lists them as soft deletes, "
          "writing nothing",
    "[integration][sync][impact]")
{
    ConfiguredPair pair(ConfiguredPair::onDemandCycles());
    for (const QString& user : kUsers) {
        pair.assign(pair.sourceUserId(user));
    }
    pair.startJob();
    REQUIRE(pair.fixture.runSyncCycle() >= 1);

    const auto schemaResponse = GraphWait::response(pair.sourceClient->send(
        tb::graph::SynchronizationSchemaEndpoints::getSchemaRequest(pair.servicePrincipalId, pair.jobId)));
    REQUIRE(schemaResponse.has_value());
    const std::optional<SynchronizationSchema> current
        = tb::graph::SynchronizationSchemaEndpoints::parseSchema(*schemaResponse);
    REQUIRE(current.has_value());
    SynchronizationSchema proposed = *current;
    QList<SynchronizationSchema::ScopingGroup> groups = current->userMapping()->scopeGroups;
    SynchronizationSchema::ScopingGroup nobody;
    nobody.name = QStringLiteral("Nobody");
    SynchronizationSchema::ScopingClause clause;
    clause.operatorName = QStringLiteral("EQUALS");
    clause.sourceOperandName = QStringLiteral("department");
    clause.values = {QStringLiteral("No such department")};
    nobody.clauses = {clause};
    groups.append(nobody);
    REQUIRE(proposed.setScopeGroups(current->userRuleId(), current->userMapping()->name, groups));

    const qint64 before = pair.fixture.lastSeq();
    ChangeImpact impact(*pair.sourceClient, *pair.targetClient);
    QSignalSpy finished(&impact, &ChangeImpact::finished);
    QSignalSpy failed(&impact, &ChangeImpact::failed);
    REQUIRE(impact.start(pair.servicePrincipalId, pair.jobId, proposed));
    REQUIRE(SignalWaiter::waitUntil([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 30000));
    INFO((failed.isEmpty() ? QString() : failed.first().first().toString()).toStdString());
    REQUIRE(failed.isEmpty());
    const ImpactResult result = finished.first().first().value<ImpactResult>();
    INFO(result.problems.join(QLatin1Char('\n')).toStdString());
    CHECK(result.usersConsidered == 3);
    CHECK(result.count(ImpactResult::Change::SoftDelete) == 3);
    CHECK(result.users.size() == 3);
    CHECK(writesSince(pair, before).isEmpty());

    // The current schema proposed again: nothing changes.
    ChangeImpact same(*pair.sourceClient, *pair.targetClient);
    QSignalSpy sameFinished(&same, &ChangeImpact::finished);
    REQUIRE(same.start(pair.servicePrincipalId, pair.jobId, *current));
    REQUIRE(SignalWaiter::waitUntil([&] { return !sameFinished.isEmpty(); }, 30000));
    CHECK(sameFinished.first().first().value<ImpactResult>().users.isEmpty());
}
