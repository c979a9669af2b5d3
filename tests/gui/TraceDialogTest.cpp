// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// "Why not synced?" against an in-process sandbox, as an administrator uses it from the test users page: the pair set
// up on the topology page; a user nobody assigned, asked for by name with no row selected, is stopped at the
// assignment with the fix; a user who synced in a cycle, picked from the preview table, passes every check. The trace
// only reads. Screenshots saved as test artefacts.
#include "ui/dialogs/TraceDialog.h"
#include "core/Workspace.h"
#include "core/sandbox/RequestLog.h"
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/sync/ProvisioningService.h"
#include "core/sync/TraceResult.h"
#include "tests/support/GuiTestSupport.h"
#include "tests/support/SignalWaiter.h"
#include "ui/pages/TestUsersPage.h"

#include <catch2/catch.hpp>

#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using tb::sync::TraceResult;
using tb::test::GuiTestSupport;
using tb::test::SignalWaiter;
using tb::ui::TestUsersPage;
using tb::ui::TraceDialog;
using SignedInPair = GuiTestSupport::SignedInPair;

namespace {

const QString kAdele = QStringLiteral("adele.vance@contoso.onmicrosoft.com");
const QString kMegan = QStringLiteral("megan.bowen@contoso.onmicrosoft.com");

// The trace dialog the page opened, once its trace has answered.
TraceDialog* finishedTrace(TestUsersPage& page)
{
    TraceDialog* dialog = nullptr;
    REQUIRE(SignalWaiter::waitUntil(
        [&] {
            dialog = page.findChild<TraceDialog*>();
            return dialog && !dialog->isRunning();
        },
        30000));
    REQUIRE(dialog->isVisible());
    return dialog;
}

std::string describe(const TraceDialog& dialog)
{
    if (!dialog.result()) {
        return "no result";
    }
    QStringList lines;
    for (const TraceResult::Step& step : dialog.result()->steps) {
        lines.append(
            TraceResult::stateName(step.state) + QLatin1Char(' ') + step.check + QStringLiteral(": ") + step.detail);
    }
    return lines.join(QLatin1Char('\n')).toStdString();
}

} // namespace

TEST_CASE("TraceDialog: why not synced? an unassigned user is stopped at the assignment, with the fix", "[gui]")
{
    SignedInPair pair;
    const tb::setup::SetupState state = GuiTestSupport::applyOnTopologyPage(*pair.workspace);
    TestUsersPage page(*pair.workspace);
    page.setSetupState(state);
    page.resize(1300, 860);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));

    // No row selected: the page asks for the user.
    const qint64 before = pair.sandbox.requestLog().total();
    auto* button = page.findChild<QPushButton*>(QStringLiteral("traceUserButton"));
    REQUIRE(button != nullptr);
    button->click();
    auto* ask = page.findChild<QInputDialog*>(QStringLiteral("traceUserInput"));
    REQUIRE(ask != nullptr);
    ask->setTextValue(kMegan);
    ask->accept();

    TraceDialog* dialog = finishedTrace(page);
    INFO(describe(*dialog));
    REQUIRE(dialog->result().has_value());
    const TraceResult& result = *dialog->result();
    REQUIRE(result.isBlocked());
    CHECK(result.blockingStep()->check == QStringLiteral("Assignment"));
    CHECK_FALSE(result.fix().isEmpty());

    // The blocker: its row says so in words, the verdict names it with its fix.
    auto* steps = dialog->findChild<QTableWidget*>(QStringLiteral("traceStepsTable"));
    REQUIRE(steps != nullptr);
    REQUIRE(steps->rowCount() == result.steps.size());
    CHECK(steps->item(result.blocker, 0)->text() == QStringLiteral("Stops the user first"));
    CHECK_FALSE(steps->item(result.blocker, 0)->icon().isNull());
    CHECK(steps->item(result.blocker, 1)->text() == QStringLiteral("Assignment"));
    CHECK(steps->item(result.blocker, 2)->text().contains(QStringLiteral("Fix: ") + result.fix()));
    CHECK(steps->item(result.blocker, 0)->font().bold());
    for (int row = 0; row < result.blocker; ++row) {
        CHECK(steps->item(row, 0)->text().startsWith(QStringLiteral("Pass")));
    }
    auto* verdict = dialog->findChild<QWidget*>(QStringLiteral("traceVerdict"));
    REQUIRE(verdict != nullptr);
    CHECK(verdict->isVisible());
    CHECK(verdict->accessibleDescription().startsWith(QStringLiteral("Stopped at “Assignment”")));
    CHECK(verdict->accessibleDescription().contains(QStringLiteral("Fix: ") + result.fix()));
    CHECK(GuiTestSupport::writesSince(pair.sandbox.requestLog(), before) == 0); // a trace only reads
    GuiTestSupport::saveScreenshot(*dialog, QStringLiteral("trace-unassigned.png"));
}

TEST_CASE("TraceDialog: why not synced? a user who synced in a cycle passes every check", "[gui]")
{
    SignedInPair pair;
    const tb::setup::SetupState state = GuiTestSupport::applyOnTopologyPage(*pair.workspace);
    GuiTestSupport::assignAndStart(*pair.workspace, state, {kAdele});
    REQUIRE(pair.sandbox.provisioning().runCycle() >= 1);

    TestUsersPage page(*pair.workspace);
    page.setSetupState(state);
    page.resize(1300, 860);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    page.setListedUsers({kAdele});
    QSignalSpy previewed(&page, &TestUsersPage::previewFinished);
    page.preview();
    REQUIRE(SignalWaiter::waitForCount(previewed, 1, 30000));
    page.findChild<QTableView*>(QStringLiteral("previewTable"))->selectRow(0);

    // The selected row's user is traced without asking.
    page.findChild<QPushButton*>(QStringLiteral("traceUserButton"))->click();
    CHECK(page.findChild<QInputDialog*>(QStringLiteral("traceUserInput")) == nullptr);
    TraceDialog* dialog = finishedTrace(page);
    INFO(describe(*dialog));
    REQUIRE(dialog->result().has_value());
    const TraceResult& result = *dialog->result();
    CHECK(result.userPrincipalName == kAdele);
    CHECK_FALSE(result.isBlocked());
    REQUIRE(result.steps.size() >= 6);
    auto* steps = dialog->findChild<QTableWidget*>(QStringLiteral("traceStepsTable"));
    REQUIRE(steps != nullptr);
    REQUIRE(steps->rowCount() == result.steps.size());
    QStringList checks;
    for (int row = 0; row < steps->rowCount(); ++row) {
        CHECK(result.steps.at(row).passed());
        CHECK(steps->item(row, 0)->text().startsWith(QStringLiteral("Pass")));
        checks.append(steps->item(row, 1)->text());
    }
    for (const char* check :
        {"Assignment", "Scoping filter", "Licence", "Match in the target", "Job", "Provisioning logs"}) {
        CHECK(checks.contains(QString::fromLatin1(check)));
    }
    auto* verdict = dialog->findChild<QWidget*>(QStringLiteral("traceVerdict"));
    CHECK(verdict->accessibleDescription().startsWith(QStringLiteral("Nothing stops this user: ") + kAdele));
    auto* logs = dialog->findChild<QTableWidget*>(QStringLiteral("traceLogsTable"));
    REQUIRE(logs != nullptr);
    REQUIRE(logs->rowCount() >= 1);
    CHECK(logs->item(0, 2)->text() == QStringLiteral("success"));
    GuiTestSupport::saveScreenshot(*dialog, QStringLiteral("trace-synced.png"));

    // Trace again, then Cancel: no answer follows and the last one stays shown.
    QSignalSpy traced(dialog, &TraceDialog::traced);
    auto* again = dialog->findChild<QPushButton*>(QStringLiteral("traceAgainButton"));
    REQUIRE(again->isEnabled());
    again->click();
    CHECK(dialog->isRunning());
    CHECK_FALSE(again->isEnabled());
    dialog->findChild<QPushButton*>(QStringLiteral("traceCancelButton"))->click();
    CHECK_FALSE(dialog->isRunning());
    CHECK(again->isEnabled());
    QTest::qWait(200);
    CHECK(traced.isEmpty());
    CHECK(steps->rowCount() == result.steps.size());
}
