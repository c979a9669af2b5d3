// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Clean-up against an in-process sandbox, as an administrator uses it from the rollout page: the pair set up on the
// topology page, four users assigned and synced in a cycle (three created, one existing B2B guest taken over); the
// dialog lists and counts them (reading only), asks before removing with the counts, removes exactly the
// configuration's assignments, and the next cycle deletes the users, which a refresh then shows. Screenshots saved as
// test artefacts.
#include "ui/dialogs/CleanupDialog.h"
#include "core/Workspace.h"
#include "core/graph/GraphClient.h"
#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/ODataFilter.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/AppRoleAssignmentEndpoints.h"
#include "core/sandbox/RequestLog.h"
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/sync/ProvisioningService.h"
#include "tests/support/GraphWait.h"
#include "tests/support/GuiTestSupport.h"
#include "tests/support/SignalWaiter.h"
#include "ui/pages/RolloutPage.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using tb::model::TenantRole;
using tb::sync::CleanupListing;
using tb::test::GraphWait;
using tb::test::GuiTestSupport;
using tb::test::SignalWaiter;
using tb::ui::CleanupDialog;
using SignedInPair = tb::test::GuiTestSupport::SignedInPair;

namespace {

const QStringList kCreated {QStringLiteral("adele.vance@contoso.onmicrosoft.com"),
    QStringLiteral("megan.bowen@contoso.onmicrosoft.com"), QStringLiteral("debra.pisani@contoso.onmicrosoft.com")};
const QString kZainab = QStringLiteral("zainab.okafor@contoso.onmicrosoft.com"); // an accepted guest in Fabrikam

// The configuration's assignment ids, read back from the source.
QStringList assignmentIds(tb::Workspace& workspace, const QString& servicePrincipalId)
{
    tb::graph::GraphClient& source = *workspace.setupClient(TenantRole::Source);
    const GraphWait::Pages pages = GraphWait::readAll(
        tb::graph::AppRoleAssignmentEndpoints(source).listAssignments(servicePrincipalId, nullptr));
    REQUIRE(pages.result.has_value());
    REQUIRE(pages.result->isComplete());
    QStringList ids;
    for (const QJsonObject& item : pages.items) {
        ids.append(item.value(QLatin1String("id")).toString());
    }
    ids.sort();
    return ids;
}

int targetUsersWithMail(tb::Workspace& workspace, const QString& mail)
{
    tb::graph::GraphRequest request = tb::graph::GraphRequest::get(QStringLiteral("/users"));
    request.addQueryItem(
        QStringLiteral("$filter"), tb::graph::ODataFilter::eq(QStringLiteral("mail"), mail).toString());
    return static_cast<int>(GuiTestSupport::readJson(*workspace.setupClient(TenantRole::Target), request)
                                .value(QLatin1String("value"))
                                .toArray()
                                .size());
}

QStringList writesSince(tbsandbox::RequestLog& log, qint64 since)
{
    QStringList writes;
    for (const tbsandbox::RequestLogEntry& entry : log.entriesAfter(since)) {
        if (entry.method != QStringLiteral("GET") && !entry.target.contains(QLatin1String("$batch"))) {
            writes.append(entry.method + QLatin1Char(' ') + entry.target);
        }
    }
    return writes;
}

int rowOf(const QTableWidget& table, const QString& principalNamePrefix)
{
    for (int row = 0; row < table.rowCount(); ++row) {
        if (table.item(row, 1)->text().startsWith(principalNamePrefix, Qt::CaseInsensitive)) {
            return row;
        }
    }
    return -1;
}

} // namespace

TEST_CASE(
    "CleanupDialog: lists what sync created, removes exactly the configuration's assignments after a confirmation, "
    "and the next cycle deletes the users",
    "[gui]")
{
    SignedInPair pair;
    const tb::setup::SetupState state = GuiTestSupport::applyOnTopologyPage(*pair.workspace);
    const QString spId = state.configuration->servicePrincipalId;
    QStringList all = kCreated;
    all.append(kZainab);
    GuiTestSupport::assignAndStart(*pair.workspace, state, all);
    REQUIRE(pair.sandbox.provisioning().runCycle() >= 1);
    for (const QString& user : kCreated) {
        REQUIRE(targetUsersWithMail(*pair.workspace, user) == 1);
    }
    const QStringList assignedBefore = assignmentIds(*pair.workspace, spId);
    REQUIRE(assignedBefore.size() == 4);

    // Opened from the rollout page; it lists at once, reading only.
    tb::ui::RolloutPage page(*pair.workspace);
    page.setSetupState(state);
    page.resize(1300, 900);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    const qint64 beforeListing = pair.sandbox.requestLog().total();
    auto* cleanupButton = page.findChild<QPushButton*>(QStringLiteral("cleanupButton"));
    REQUIRE(cleanupButton != nullptr);
    cleanupButton->click();
    auto* dialog = page.findChild<CleanupDialog*>();
    REQUIRE(dialog != nullptr);
    CHECK(dialog->isVisible());
    REQUIRE(SignalWaiter::waitUntil([dialog] { return dialog->listing().has_value() && !dialog->isBusy(); }, 30000));
    CHECK(writesSince(pair.sandbox.requestLog(), beforeListing).isEmpty());
    const CleanupListing listing = *dialog->listing();
    CHECK(listing.provenCount() == 4);
    CHECK(listing.assignments.size() == 4);
    auto* counts = dialog->findChild<QLabel*>(QStringLiteral("cleanupCounts"));
    REQUIRE(counts != nullptr);
    INFO(counts->text().toStdString());
    CHECK(counts->text().startsWith(QStringLiteral("4 user(s) in Fabrikam that this configuration created or took "
                                                   "over")));
    CHECK(counts->text().contains(QStringLiteral("4 assignment(s)")));

    // The table: name, sign-in name, how each got there, state.
    auto* table = dialog->findChild<QTableWidget*>(QStringLiteral("cleanupUsersTable"));
    REQUIRE(table != nullptr);
    CHECK(table->rowCount() == listing.users.size());
    for (const QString& user : kCreated) {
        const int row = rowOf(*table, user.section(QLatin1Char('@'), 0, 0) + QLatin1Char('_'));
        INFO(user.toStdString());
        REQUIRE(row >= 0);
        CHECK(table->item(row, 2)->text() == QStringLiteral("Created by sync"));
        CHECK(table->item(row, 3)->text() == QStringLiteral("Member in Fabrikam"));
    }
    const int zainab = rowOf(*table, QStringLiteral("zainab.okafor"));
    REQUIRE(zainab >= 0);
    CHECK(table->item(zainab, 2)->text().startsWith(QStringLiteral("Taken over")));
    CHECK(table->item(zainab, 3)->text() == QStringLiteral("Guest in Fabrikam"));
    GuiTestSupport::saveScreenshot(*dialog, QStringLiteral("cleanup-listed.png"));

    // Removal asks first, with the counts and what happens in the target; Cancel is the default and sends nothing.
    auto* removeButton = dialog->findChild<QPushButton*>(QStringLiteral("cleanupRemoveButton"));
    REQUIRE(removeButton != nullptr);
    REQUIRE(removeButton->isEnabled());
    removeButton->click();
    QMessageBox* box = dialog->confirmation();
    REQUIRE(box != nullptr);
    CHECK(box->text().contains(QStringLiteral("Remove the 4 assignment(s)")));
    CHECK(box->text().contains(QStringLiteral("4 user(s) are deleted in Fabrikam")));
    CHECK(box->informativeText().contains(QStringLiteral("soft-deletes")));
    CHECK(box->informativeText().contains(QStringLiteral("1 of these user(s) were B2B guests in Fabrikam")));
    CHECK(box->defaultButton() == box->button(QMessageBox::Cancel));
    CHECK_FALSE(removeButton->isEnabled()); // one confirmation at a time
    GuiTestSupport::saveScreenshot(*box, QStringLiteral("cleanup-confirmation.png"));
    const qint64 beforeCancel = pair.sandbox.requestLog().total();
    box->button(QMessageBox::Cancel)->click();
    QCoreApplication::processEvents();
    CHECK(writesSince(pair.sandbox.requestLog(), beforeCancel).isEmpty());
    CHECK(assignmentIds(*pair.workspace, spId) == assignedBefore);

    // Confirmed: exactly the configuration's assignments are deleted, nothing else is written.
    QSignalSpy removed(dialog, &CleanupDialog::assignmentsRemoved);
    QSignalSpy listed(dialog, &CleanupDialog::listed);
    const qint64 beforeRemoval = pair.sandbox.requestLog().total();
    REQUIRE(removeButton->isEnabled());
    removeButton->click();
    REQUIRE(dialog->confirmation() != nullptr);
    GuiTestSupport::acceptingButton(*dialog->confirmation())->click();
    REQUIRE(SignalWaiter::waitForCount(removed, 1, 30000));
    const auto result = removed.first().first().value<tb::sync::CleanupPlanner::RemovalResult>();
    CHECK(result.removed == 4);
    CHECK(result.failures.isEmpty());
    QStringList deleted;
    for (const QString& write : writesSince(pair.sandbox.requestLog(), beforeRemoval)) {
        INFO(write.toStdString());
        CHECK(write.startsWith(QStringLiteral("DELETE ")));
        CHECK(write.contains(spId));
        deleted.append(write.section(QLatin1Char('/'), -1).section(QLatin1Char('?'), 0, 0));
    }
    deleted.sort();
    CHECK(deleted == assignedBefore);
    CHECK(assignmentIds(*pair.workspace, spId).isEmpty());
    auto* resultLabel = dialog->findChild<QLabel*>(QStringLiteral("cleanupResult"));
    REQUIRE(resultLabel != nullptr);
    CHECK(resultLabel->isVisible());
    CHECK(resultLabel->text().startsWith(QStringLiteral("Removed 4 of 4 assignment(s) in 1 batch(es)")));
    // The dialog reads again by itself: no assignments are left, so there is nothing more to remove.
    REQUIRE(SignalWaiter::waitForCount(listed, 1, 30000));
    REQUIRE(SignalWaiter::waitUntil([dialog] { return !dialog->isBusy(); }));
    CHECK(dialog->listing()->assignments.isEmpty());
    CHECK_FALSE(removeButton->isEnabled());
    GuiTestSupport::saveScreenshot(*dialog, QStringLiteral("cleanup-removed.png"));

    // The next cycle soft-deletes every user the configuration provisioned, the taken-over guest as well.
    REQUIRE(pair.sandbox.provisioning().runCycle() >= 1);
    for (const QString& user : all) {
        INFO(user.toStdString());
        CHECK(targetUsersWithMail(*pair.workspace, user) == 0);
    }
    listed.clear();
    dialog->findChild<QPushButton*>(QStringLiteral("cleanupRefreshButton"))->click();
    REQUIRE(SignalWaiter::waitForCount(listed, 1, 30000));
    CHECK(dialog->listing()->provenCount() == 0);
    // The deleted users keep the names and the target ids the logs give; their rows say they are deleted.
    for (const char* name : {"Adele Vance", "Megan Bowen", "Debra Pisani", "Zainab Okafor"}) {
        INFO(name);
        const QList<QTableWidgetItem*> found = table->findItems(QString::fromLatin1(name), Qt::MatchExactly);
        REQUIRE(found.size() == 1);
        CHECK(found.first()->column() == 0);
        CHECK(table->item(found.first()->row(), 1)->text().startsWith(QStringLiteral("object id ")));
        CHECK(table->item(found.first()->row(), 3)->text() == QStringLiteral("Deleted: no longer in Fabrikam"));
    }
    int gone = 0;
    for (const CleanupListing::TargetUser& user : dialog->listing()->users) {
        gone += user.gone ? 1 : 0;
    }
    CHECK(gone == 4);
    CHECK(counts->text().contains(QStringLiteral("4 of them deleted already")));
    GuiTestSupport::saveScreenshot(*dialog, QStringLiteral("cleanup-after-cycle.png"));

    // Cancel while reading: nothing more arrives, the list read before stays.
    listed.clear();
    REQUIRE(dialog->refresh());
    auto* cancelButton = dialog->findChild<QPushButton*>(QStringLiteral("cleanupCancelButton"));
    REQUIRE(cancelButton->isEnabled());
    cancelButton->click();
    CHECK_FALSE(dialog->isBusy());
    CHECK_FALSE(cancelButton->isEnabled());
    CHECK(dialog->findChild<QLabel*>(QStringLiteral("cleanupProgressLabel"))
              ->text()
              .startsWith(QStringLiteral("Cancelled")));
    QTest::qWait(200);
    CHECK(listed.isEmpty());
    CHECK(dialog->listing()->users.size() == table->rowCount());
}
