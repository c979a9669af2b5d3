// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// "Why not synced?" against an in-process sandbox, as an administrator uses it from the test users page: the pair set
// up on the topology page; a user nobody assigned, asked for by name with no row selected, is stopped at the
// assignment with the fix; a user who synced in a cycle, picked from the preview table, passes every check. The trace
// only reads. Screenshots saved as test artefacts.
#include "ui/dialogs/TraceDialog.h"
#include "core/Workspace.h"
#include "core/graph/GraphClient.h"
#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/endpoints/AppRoleAssignmentEndpoints.h"
#include "core/sandbox/RequestLog.h"
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/sync/ProvisioningService.h"
#include "core/sync/TraceResult.h"
#include "tests/support/GraphWait.h"
#include "tests/support/SignalWaiter.h"
#include "tests/support/WorkspaceOnSandbox.h"
#include "ui/pages/TestUsersPage.h"
#include "ui/pages/TopologyPage.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using tb::model::TenantRole;
using tb::sync::TraceResult;
using tb::test::GraphWait;
using tb::test::SignalWaiter;
using tb::ui::TestUsersPage;
using tb::ui::TraceDialog;

namespace {

const QString kAdele = QStringLiteral("adele.vance@contoso.onmicrosoft.com");
const QString kMegan = QStringLiteral("megan.bowen@contoso.onmicrosoft.com");

void saveScreenshot(QWidget& widget, const QString& name)
{
    const QString folder = QStringLiteral(TB_ARTIFACT_DIR);
    QDir().mkpath(folder);
    for (int round = 0; round < 3; ++round) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
    CHECK(widget.grab().save(QDir(folder).filePath(name)));
}

struct SignedInPair : tb::test::WorkspaceOnSandbox
{
    SignedInPair() { startSignedIn(setupScopes); }
};

// The configuration and its job, made as an administrator makes them: Apply on the topology page.
tb::setup::SetupState applyOnTopologyPage(tb::Workspace& workspace)
{
    tb::ui::TopologyPage page(workspace);
    QSignalSpy read(&page, &tb::ui::TopologyPage::stateRead);
    QSignalSpy finished(&page, &tb::ui::TopologyPage::applyFinished);
    page.show();
    REQUIRE(SignalWaiter::waitForCount(read));
    page.apply();
    REQUIRE(page.applyConfirmation() != nullptr);
    page.applyConfirmation()->button(QMessageBox::Ok)->click();
    REQUIRE(SignalWaiter::waitForCount(finished));
    REQUIRE(finished.first().first().toBool());
    REQUIRE(SignalWaiter::waitForCount(read, 2));
    REQUIRE(page.state().configuration.has_value());
    REQUIRE(page.state().configuration->hasJob());
    return page.state();
}

QJsonObject get(tb::graph::GraphClient& client, const QString& path)
{
    const auto response = GraphWait::response(client.send(tb::graph::GraphRequest::get(path)));
    REQUIRE(response.has_value());
    INFO(response->error().userMessage().toStdString());
    REQUIRE(response->isSuccess());
    return response->json();
}

// Assigns a source user to the configuration and starts its job, as the administrator would in the portal.
void assignAndStart(tb::Workspace& workspace, const tb::setup::SetupState& state, const QString& user)
{
    tb::graph::GraphClient& source = *workspace.setupClient(TenantRole::Source);
    const QString spId = state.configuration->servicePrincipalId;
    const QString userId = get(source, QStringLiteral("/users/") + tb::graph::GraphRequest::pathSegment(user))
                               .value(QLatin1String("id"))
                               .toString();
    const QString roleId = tb::graph::AppRoleAssignmentEndpoints::msiamAccessRoleId(
        get(source, QStringLiteral("/servicePrincipals/") + tb::graph::GraphRequest::pathSegment(spId)));
    const auto assigned
        = GraphWait::response(tb::graph::AppRoleAssignmentEndpoints(source).addAssignment(spId, userId, roleId));
    REQUIRE(assigned.has_value());
    REQUIRE(assigned->isSuccess());
    const auto started = GraphWait::response(source.send(
        tb::graph::GraphRequest::post(QStringLiteral("/servicePrincipals/%1/synchronization/jobs/%2/start")
                                          .arg(tb::graph::GraphRequest::pathSegment(spId),
                                              tb::graph::GraphRequest::pathSegment(state.configuration->jobId)),
            {})));
    REQUIRE(started.has_value());
    REQUIRE(started->isSuccess());
}

qsizetype writesSince(tbsandbox::RequestLog& log, qint64 since)
{
    qsizetype writes = 0;
    for (const tbsandbox::RequestLogEntry& entry : log.entriesAfter(since)) {
        writes += entry.method == QStringLiteral("GET") ? 0 : 1;
    }
    return writes;
}

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
    const tb::setup::SetupState state = applyOnTopologyPage(*pair.workspace);
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
    CHECK(writesSince(pair.sandbox.requestLog(), before) == 0); // a trace only reads
    saveScreenshot(*dialog, QStringLiteral("trace-unassigned.png"));
}

TEST_CASE("TraceDialog: why not synced? a user who synced in a cycle passes every check", "[gui]")
{
    SignedInPair pair;
    const tb::setup::SetupState state = applyOnTopologyPage(*pair.workspace);
    assignAndStart(*pair.workspace, state, kAdele);
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
    saveScreenshot(*dialog, QStringLiteral("trace-synced.png"));

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
