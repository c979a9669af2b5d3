// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The rollout page against an in-process sandbox, as an administrator uses it: the pair set up on the topology page,
// two stages planned (Contoso's "CTS Pilot" group, then "Engineering"), estimated, the first one run after the
// confirmation and watched through a cycle until all its users are processed, then undone after the runner's
// warning; the rollout is there again on a new page (a restart). Screenshots saved as test artefacts.
#include "ui/pages/RolloutPage.h"
#include "core/Workspace.h"
#include "core/auth/SignInService.h"
#include "core/sandbox/RequestLog.h"
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/sync/InjectedUserErrors.h"
#include "core/sandbox/sync/ProvisioningService.h"
#include "core/sync/ErrorCatalogue.h"
#include "core/sync/RolloutPlan.h"
#include "tests/support/GuiTestSupport.h"
#include "tests/support/SignInTestSupport.h"
#include "tests/support/SignalWaiter.h"
#include "ui/widgets/JobHealthPanel.h"
#include "ui/widgets/RolloutFailureTree.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using tb::model::TenantRole;
using tb::sync::RolloutStage;
using tb::test::GuiTestSupport;
using tb::test::SignalWaiter;
using tb::ui::RolloutPage;
using State = tb::sync::RolloutStage::State;
using SignedInPair = GuiTestSupport::SignedInPair;

namespace {

// Polls the job often, so the stage's watch sees the cycle without the product's waits.
tb::sync::RolloutRunner::Settings fastRunner()
{
    tb::sync::RolloutRunner::Settings settings;
    settings.monitorTiming.fastMs = 20;
    settings.monitorTiming.fastPolls = 3;
    settings.monitorTiming.cycleMs = 30;
    settings.monitorTiming.steadyMs = 40;
    settings.monitorTiming.maxMs = 160;
    return settings;
}

} // namespace

TEST_CASE("The rollout page plans and estimates stages, runs the pilot through a cycle and undoes it", "[gui]")
{
    SignedInPair pair;
    const tb::setup::SetupState state = GuiTestSupport::applyOnTopologyPage(*pair.workspace);

    RolloutPage page(*pair.workspace);
    page.setRunnerSettings(fastRunner());
    page.setSetupState(state);
    page.resize(1300, 900);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    CHECK(GuiTestSupport::child<QSpinBox>(page, "errorThresholdSpin")->value() == 10); // RolloutSettings' default

    // Two stages: the pilot typed into the fields, Engineering through the page's own call.
    QSignalSpy added(&page, &RolloutPage::stageAdded);
    GuiTestSupport::child<QLineEdit>(page, "stageNameEdit")->setText(QStringLiteral("Pilot"));
    GuiTestSupport::child<QLineEdit>(page, "stagePrincipalsEdit")->setText(QStringLiteral("CTS Pilot"));
    REQUIRE(GuiTestSupport::child<QPushButton>(page, "addStageButton")->isEnabled());
    GuiTestSupport::child<QPushButton>(page, "addStageButton")->click();
    REQUIRE(SignalWaiter::waitForCount(added));
    page.addStage(QStringLiteral("Engineering"), {QStringLiteral("Engineering")});
    REQUIRE(SignalWaiter::waitForCount(added, 2));
    REQUIRE(page.plan().stages.size() == 2);
    CHECK(page.plan().stages.at(0).principals.first().displayName == QStringLiteral("CTS Pilot"));
    CHECK(page.plan().stages.at(1).principals.first().displayName == QStringLiteral("Engineering"));
    auto* table = GuiTestSupport::child<QTableWidget>(page, "rolloutStagesTable");
    CHECK(table->rowCount() == 2);

    // A group that does not exist adds nothing and says so.
    page.addStage(QStringLiteral("Nobody"), {QStringLiteral("No Such Group")});
    REQUIRE(SignalWaiter::waitUntil([&page] { return !page.isBusy(); }));
    CHECK(page.plan().stages.size() == 2);

    // Planned stages move; the order is what is kept.
    table->selectRow(0);
    GuiTestSupport::child<QPushButton>(page, "moveStageDownButton")->click();
    CHECK(page.plan().stages.at(0).name == QStringLiteral("Engineering"));
    table->selectRow(1);
    GuiTestSupport::child<QPushButton>(page, "moveStageUpButton")->click();
    CHECK(page.plan().stages.at(0).name == QStringLiteral("Pilot"));

    // Estimate: reads only.
    const qint64 beforeEstimate = pair.sandbox.requestLog().total();
    QSignalSpy estimated(&page, &RolloutPage::estimateFinished);
    GuiTestSupport::child<QPushButton>(page, "estimateButton")->click();
    REQUIRE(SignalWaiter::waitForCount(estimated, 1, 30000));
    REQUIRE(estimated.first().first().toBool());
    CHECK(GuiTestSupport::writesSince(pair.sandbox.requestLog(), beforeEstimate) == 0);
    const tb::sync::RolloutEstimate pilot = page.plan().stages.at(0).estimate;
    CHECK(pilot.users == 5);
    CHECK(pilot.newInTarget == 5);
    CHECK(pilot.withoutP1 == 0);
    CHECK(page.plan().stages.at(1).estimate.users == 26); // Christie came with the pilot
    CHECK(table->item(0, 4)->text() == QStringLiteral("5"));
    CHECK(table->item(0, 5)->text() == QStringLiteral("5"));
    GuiTestSupport::saveScreenshot(page, QStringLiteral("rollout-planned.png"));

    // Run asks first, naming the target and the counts; Cancel sends nothing.
    page.runNextStage();
    REQUIRE(page.confirmation() != nullptr);
    CHECK(page.confirmation()->text().contains(QStringLiteral("into Fabrikam")));
    CHECK(page.confirmation()->informativeText().contains(QStringLiteral("5 user(s)")));
    CHECK(page.confirmation()->informativeText().contains(QStringLiteral("5 of them new in Fabrikam")));
    CHECK(page.confirmation()->defaultButton() == page.confirmation()->button(QMessageBox::Cancel));
    const qint64 beforeCancel = pair.sandbox.requestLog().total();
    page.confirmation()->button(QMessageBox::Cancel)->click();
    QCoreApplication::processEvents();
    CHECK(GuiTestSupport::writesSince(pair.sandbox.requestLog(), beforeCancel) == 0);
    CHECK(page.plan().stages.at(0).state == State::Planned);

    QSignalSpy finished(&page, &RolloutPage::stageFinished);
    GuiTestSupport::child<QPushButton>(page, "runStageButton")->click();
    REQUIRE(page.confirmation() != nullptr);
    GuiTestSupport::acceptingButton(*page.confirmation())->click();
    REQUIRE(SignalWaiter::waitUntil([&page] { return page.plan().stages.at(0).state == State::Watching; }, 30000));
    // The runner started the job; one cycle brings the pilot in.
    REQUIRE(SignalWaiter::waitUntil([&pair] { return pair.sandbox.provisioning().runCycle() >= 1; }, 20000));
    REQUIRE(SignalWaiter::waitForCount(finished, 1, 30000));
    INFO(page.plan().stages.at(0).message.toStdString());
    CHECK(finished.first().at(1).value<State>() == State::Done);
    auto* progress = GuiTestSupport::child<QProgressBar>(page, "stageProgress");
    CHECK(progress->isVisible());
    CHECK(progress->maximum() == 5);
    CHECK(progress->value() == 5);
    CHECK(GuiTestSupport::child<QLabel>(page, "stageErrorRate")->text().startsWith(QStringLiteral("Error rate 0%")));
    CHECK(table->item(0, 3)->text() == QStringLiteral("Done"));
    CHECK(table->item(0, 7)->text() == QStringLiteral("5 of 5, 0 failed"));
    REQUIRE(SignalWaiter::waitUntil([&page] { return page.jobPanel()->job().has_value(); }));

    // A stage that ran is read-only, and can be undone.
    table->selectRow(0);
    CHECK_FALSE(GuiTestSupport::child<QPushButton>(page, "removeStageButton")->isEnabled());
    CHECK_FALSE(GuiTestSupport::child<QPushButton>(page, "moveStageDownButton")->isEnabled());
    CHECK(GuiTestSupport::child<QPushButton>(page, "undoStageButton")->isEnabled());
    GuiTestSupport::saveScreenshot(page, QStringLiteral("rollout-pilot-done.png"));

    // Undo shows the runner's warning of what it does in the target.
    GuiTestSupport::child<QPushButton>(page, "undoStageButton")->click();
    REQUIRE(page.confirmation() != nullptr);
    const QString warning = tb::sync::RolloutPlan::undoWarning(page.plan().stages.at(0));
    CHECK(page.confirmation()->informativeText() == warning);
    CHECK(warning.contains(QStringLiteral("soft-deleted")));
    CHECK(page.confirmation()->defaultButton() == page.confirmation()->button(QMessageBox::Cancel));
    GuiTestSupport::saveScreenshot(*page.confirmation(), QStringLiteral("rollout-undo-warning.png"));
    finished.clear();
    GuiTestSupport::acceptingButton(*page.confirmation())->click();
    REQUIRE(SignalWaiter::waitForCount(finished, 1, 30000));
    CHECK(finished.first().at(1).value<State>() == State::Undone);
    CHECK(page.plan().stages.at(0).assignmentsRemoved == 1);

    // A restart: the rollout comes from the profile.
    RolloutPage again(*pair.workspace);
    again.setSetupState(state);
    REQUIRE(again.plan().stages.size() == 2);
    CHECK(again.plan().id == page.plan().id);
    CHECK(again.plan().stages.at(0).state == State::Undone);
    CHECK(again.plan().stages.at(1).state == State::Planned);
    CHECK(again.plan().stages.at(1).estimate.users == 26);
}

TEST_CASE("The rollout page pauses and resumes a stage, and pauses it by itself when too many users fail", "[gui]")
{
    SignedInPair pair;
    const tb::setup::SetupState state = GuiTestSupport::applyOnTopologyPage(*pair.workspace);
    RolloutPage page(*pair.workspace);
    page.setRunnerSettings(fastRunner());
    page.setSetupState(state);
    page.resize(1300, 900);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    QSignalSpy added(&page, &RolloutPage::stageAdded);
    page.addStage(QStringLiteral("Engineering"), {QStringLiteral("Engineering")});
    REQUIRE(SignalWaiter::waitForCount(added));

    // The threshold is the plan's, kept with it.
    auto* threshold = GuiTestSupport::child<QSpinBox>(page, "errorThresholdSpin");
    threshold->setValue(25);
    CHECK(page.plan().settings.errorRateThreshold == Approx(0.25));
    threshold->setValue(10);
    CHECK(page.plan().settings.errorRateThreshold == Approx(0.10));

    QSignalSpy finished(&page, &RolloutPage::stageFinished);
    page.runNextStage();
    REQUIRE(page.confirmation() != nullptr);
    // Not estimated: the confirmation says the counts come right before sending.
    CHECK(page.confirmation()->informativeText().contains(QStringLiteral("not been estimated")));
    GuiTestSupport::acceptingButton(*page.confirmation())->click();
    REQUIRE(SignalWaiter::waitUntil([&page] { return page.plan().stages.at(0).state == State::Watching; }, 30000));
    CHECK(page.plan().stages.at(0).estimate.users == 27); // estimated by the runner before assigning

    // Paused by the administrator; Resume watches again.
    auto* pauseButton = GuiTestSupport::child<QPushButton>(page, "pauseRolloutButton");
    REQUIRE(pauseButton->isEnabled());
    pauseButton->click();
    REQUIRE(SignalWaiter::waitForCount(finished));
    CHECK(finished.first().at(1).value<State>() == State::Paused);
    CHECK_FALSE(pauseButton->isEnabled());
    CHECK_FALSE(GuiTestSupport::child<QPushButton>(page, "runStageButton")->isEnabled());
    // Resume at once, the pause still on its way: the runner sends the start after the pause's answer.
    auto* resumeButton = GuiTestSupport::child<QPushButton>(page, "resumeRolloutButton");
    REQUIRE(resumeButton->isEnabled());
    resumeButton->click();
    REQUIRE(SignalWaiter::waitUntil([&page] { return page.plan().stages.at(0).state == State::Watching; }, 30000));

    // Four of its users fail their export, three with one code and one with another: 4 of 27 (15%) passes 10% with
    // at least 3 failures.
    QString problem;
    const QJsonObject errors {{QStringLiteral("userPrincipalNames"),
                                  QJsonArray {QStringLiteral("megan.bowen@contoso.onmicrosoft.com"),
                                      QStringLiteral("debra.pisani@contoso.onmicrosoft.com"),
                                      QStringLiteral("mateo.tanaka@contoso.onmicrosoft.com")}},
        {QStringLiteral("code"), QStringLiteral("AzureActiveDirectoryConflictEntry")}, {QStringLiteral("count"), 1}};
    const QJsonObject invalid {
        {QStringLiteral("userPrincipalNames"), QJsonArray {QStringLiteral("miriam.catteneo@contoso.onmicrosoft.com")}},
        {QStringLiteral("code"), QStringLiteral("AzureActiveDirectoryInvalidValue")}, {QStringLiteral("count"), 1}};
    INFO(problem.toStdString());
    REQUIRE(pair.sandbox.provisioning().userErrors().add(errors, &problem) == std::optional<int>(3));
    REQUIRE(pair.sandbox.provisioning().userErrors().add(invalid, &problem) == std::optional<int>(1));
    finished.clear();
    REQUIRE(SignalWaiter::waitUntil([&pair] { return pair.sandbox.provisioning().runCycle() >= 1; }, 20000));
    REQUIRE(SignalWaiter::waitForCount(finished, 1, 30000));
    INFO(page.plan().stages.at(0).message.toStdString());
    CHECK(finished.first().at(1).value<State>() == State::Paused);
    CHECK(page.plan().stages.at(0).progress.failed == 4);
    // The failures, one entry per error code (most users first) with its count and the catalogue's meaning and
    // what to do said once, the users under it.
    using tb::ui::RolloutFailureTree;
    auto* failures = GuiTestSupport::child<RolloutFailureTree>(page, "stageFailures");
    CHECK(failures->isVisible());
    REQUIRE(failures->topLevelItemCount() == 2);
    const tb::sync::ErrorCatalogue::Explanation conflict
        = tb::sync::ErrorCatalogue::builtIn().explainError(QStringLiteral("AzureActiveDirectoryConflictEntry"));
    REQUIRE(conflict.known);
    const QTreeWidgetItem* conflicts = failures->topLevelItem(0);
    CHECK(conflicts->text(RolloutFailureTree::CodeColumn) == QStringLiteral("AzureActiveDirectoryConflictEntry"));
    CHECK(conflicts->text(RolloutFailureTree::UsersColumn) == QStringLiteral("3 user(s)"));
    CHECK(conflicts->isExpanded());
    const QTreeWidgetItem* meaning = RolloutFailureTree::explanationOf(conflicts);
    REQUIRE(meaning != nullptr);
    CHECK(meaning->text(RolloutFailureTree::CodeColumn).contains(conflict.meaning));
    CHECK(meaning->text(RolloutFailureTree::CodeColumn).contains(QStringLiteral("What to do: ") + conflict.action));
    QStringList conflictUsers;
    for (const QTreeWidgetItem* user : RolloutFailureTree::usersOf(conflicts)) {
        conflictUsers.append(user->text(RolloutFailureTree::CodeColumn));
        // The meaning is said once, by the entry, not per user.
        CHECK_FALSE(user->text(RolloutFailureTree::CodeColumn).contains(conflict.meaning));
    }
    CHECK(conflictUsers
        == QStringList {QStringLiteral("debra.pisani@contoso.onmicrosoft.com"),
            QStringLiteral("mateo.tanaka@contoso.onmicrosoft.com"),
            QStringLiteral("megan.bowen@contoso.onmicrosoft.com")});
    const QTreeWidgetItem* invalidValues = failures->topLevelItem(1);
    CHECK(invalidValues->text(RolloutFailureTree::CodeColumn) == QStringLiteral("AzureActiveDirectoryInvalidValue"));
    CHECK(invalidValues->text(RolloutFailureTree::UsersColumn) == QStringLiteral("1 user(s)"));
    REQUIRE(RolloutFailureTree::explanationOf(invalidValues) != nullptr);
    REQUIRE(RolloutFailureTree::usersOf(invalidValues).size() == 1);
    CHECK(RolloutFailureTree::usersOf(invalidValues).first()->text(RolloutFailureTree::CodeColumn)
        == QStringLiteral("miriam.catteneo@contoso.onmicrosoft.com"));
    CHECK(GuiTestSupport::child<QLabel>(page, "stageErrorRate")->text().contains(QStringLiteral("4 of ")));
    CHECK(SignalWaiter::waitUntil([resumeButton] { return resumeButton->isEnabled(); }));
    // The runner paused the job; the panel shows it (a read after the failed cycle, not one from the pause before).
    CHECK(SignalWaiter::waitUntil([&page] {
        return page.jobPanel()->job() && page.jobPanel()->job()->scheduleState == QStringLiteral("Paused")
            && page.jobPanel()->job()->lastExecution.has_value();
    }));
    // The paused stage is chosen for the person: Undo is at hand without picking the row first.
    CHECK(GuiTestSupport::child<QPushButton>(page, "undoStageButton")->isEnabled());
    GuiTestSupport::saveScreenshot(page, QStringLiteral("rollout-paused-by-threshold.png"));
}

TEST_CASE(
    "The rollout page stops a stage when the sign-in is lost, says to sign in again, and goes on after it", "[gui]")
{
    // Access tokens live 4 s, so every call renews its token with the refresh token; cycles only when asked.
    tbsandbox::SandboxOptions options = tb::test::WorkspaceOnSandbox::sandboxOptions();
    options.testRoutes = true;
    options.accessTokenLifetimeSeconds = 4;
    options.syncIntervalMs = 0;
    tb::test::WorkspaceOnSandbox pair(options);
    pair.startSignedIn(tb::test::WorkspaceOnSandbox::setupScopes);
    const tb::setup::SetupState state = GuiTestSupport::applyOnTopologyPage(*pair.workspace);

    RolloutPage page(*pair.workspace);
    page.setRunnerSettings(fastRunner());
    page.setSetupState(state);
    page.resize(1300, 900);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    QSignalSpy added(&page, &RolloutPage::stageAdded);
    page.addStage(QStringLiteral("Pilot"), {QStringLiteral("CTS Pilot")});
    REQUIRE(SignalWaiter::waitForCount(added));
    const qint64 beforeRun = pair.sandbox.requestLog().total();
    page.runNextStage();
    REQUIRE(page.confirmation() != nullptr);
    GuiTestSupport::acceptingButton(*page.confirmation())->click();
    REQUIRE(SignalWaiter::waitUntil([&page] { return page.plan().stages.at(0).state == State::Watching; }, 30000));
    // The watch reads the job's logs; no cycle runs yet. Then the admin's sessions are revoked.
    const auto logReads = [&pair, beforeRun] {
        int reads = 0;
        for (const tbsandbox::RequestLogEntry& entry : pair.sandbox.requestLog().entriesAfter(beforeRun)) {
            reads += entry.method == QLatin1String("GET")
                    && entry.target.contains(QLatin1String("/auditLogs/provisioning"))
                ? 1
                : 0;
        }
        return reads;
    };
    REQUIRE(SignalWaiter::waitUntil([&] { return logReads() >= 1; }, 30000));
    QSignalSpy stopped(&page, &RolloutPage::stageStopped);
    const auto revoked = tb::test::SignInTestSupport::revoke(pair.sandbox.baseUrl(),
        QStringLiteral("contoso.onmicrosoft.com"), pair.workspace->signIn().account(TenantRole::Source)->username);
    REQUIRE(revoked.status == 200);
    REQUIRE(SignalWaiter::waitForCount(stopped, 1, 30000));

    // The page says what happened and what to do; the stage stays where it was.
    CHECK(page.plan().stages.at(0).state == State::Watching);
    CHECK(page.plan().stages.at(0).waitsForSignIn);
    const QString banner = GuiTestSupport::labelText(page, "messageBannerText");
    INFO(banner.toStdString());
    CHECK(GuiTestSupport::child<QWidget>(page, "messageBanner")->isVisible());
    CHECK(banner.contains(QStringLiteral("Stopped until you sign in again")));
    CHECK(banner.contains(QStringLiteral("Sign in again on the Connect page")));
    auto* table = GuiTestSupport::child<QTableWidget>(page, "rolloutStagesTable");
    CHECK(table->item(0, 3)->text().contains(QStringLiteral("sign in again")));
    CHECK_FALSE(page.isBusy());
    GuiTestSupport::saveScreenshot(page, QStringLiteral("rollout-stopped-for-sign-in.png"));

    // Signed in again (as on the Connect page), the stage goes on by itself and a cycle completes it.
    QSignalSpy finished(&page, &RolloutPage::stageFinished);
    QSignalSpy signedIn(&pair.workspace->signIn(), &tb::auth::SignInService::signedIn);
    pair.workspace->signIn().signIn(TenantRole::Source, QStringLiteral("contoso.onmicrosoft.com"),
        tb::test::WorkspaceOnSandbox::setupScopes(TenantRole::Source));
    REQUIRE(SignalWaiter::waitForCount(signedIn, 1, 30000));
    REQUIRE(SignalWaiter::waitUntil([&page] { return page.isBusy() && !page.plan().stages.at(0).waitsForSignIn; }));
    CHECK(GuiTestSupport::labelText(page, "messageBannerText").contains(QStringLiteral("Signed in again")));
    QTimer cycles;
    QObject::connect(&cycles, &QTimer::timeout, [&pair] { (void)pair.sandbox.provisioning().runCycle(); });
    cycles.start(100);
    REQUIRE(SignalWaiter::waitForCount(finished, 1, 30000));
    cycles.stop();
    INFO(page.plan().stages.at(0).message.toStdString());
    CHECK(finished.first().at(1).value<State>() == State::Done);
    int assignmentPosts = 0;
    int starts = 0;
    for (const tbsandbox::RequestLogEntry& entry : pair.sandbox.requestLog().entriesAfter(beforeRun)) {
        assignmentPosts
            += entry.method == QLatin1String("POST") && entry.target.endsWith(QLatin1String("/appRoleAssignedTo")) ? 1
                                                                                                                   : 0;
        starts += entry.method == QLatin1String("POST") && entry.target.endsWith(QLatin1String("/start")) ? 1 : 0;
    }
    CHECK(assignmentPosts == 1);
    CHECK(starts == 1);
}
