// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The topology page against an in-process sandbox, both roles signed in with the setup scopes: the diagram before
// and after apply, ticks that change the plan at once, the confirmation that names both tenants, an interrupted
// apply offered for resuming; screenshots in light and dark palettes saved as test artefacts.
#include "ui/pages/TopologyPage.h"
#include "core/Workspace.h"
#include "core/auth/SignInService.h"
#include "core/model/TenantRole.h"
#include "core/sandbox/SandboxServer.h"
#include "core/setup/PlanStep.h"
#include "core/store/Journal.h"
#include "tests/support/GuiTestSupport.h"
#include "tests/support/SignalWaiter.h"
#include "tests/support/WorkspaceOnSandbox.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/StepRequestDialog.h"
#include "ui/pages/RolloutPage.h"
#include "ui/pages/SyncLogsPage.h"
#include "ui/pages/TestUsersPage.h"
#include "ui/pages/TroubleshootingPage.h"
#include "ui/topology/AccessSettingToggle.h"
#include "ui/widgets/MessageBanner.h"
#include "ui/widgets/TopologyView.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QGraphicsProxyWidget>
#include <QGraphicsScene>
#include <QJsonDocument>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

using tb::model::TenantRole;
using tb::setup::PlanStep;
using tb::test::GuiTestSupport;
using tb::test::SignalWaiter;
using tb::ui::SettingStatus;

namespace {

QString id(const char* name)
{
    return QString::fromLatin1(name);
}

const QStringList kSettings {id(PlanStep::kTargetUserSync), id(PlanStep::kTargetInboundAutoRedeem),
    id(PlanStep::kSourceOutboundAutoRedeem), id(PlanStep::kSourceConfiguration)};

QPalette darkPalette()
{
    QPalette dark;
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe8, 0xe8, 0xe8);
    dark.setColor(QPalette::Window, window);
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, base);
    dark.setColor(QPalette::AlternateBase, window);
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::BrightText, Qt::white);
    dark.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    dark.setColor(QPalette::ToolTipBase, window);
    dark.setColor(QPalette::ToolTipText, text);
    dark.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
    dark.setColor(QPalette::Midlight, QColor(0x45, 0x45, 0x45));
    dark.setColor(QPalette::Mid, QColor(0x6a, 0x6a, 0x6a));
    dark.setColor(QPalette::Dark, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::Shadow, Qt::black);
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return dark;
}

// A workspace on a sandbox that approves each code at once, both roles signed in with the setup scopes (Contoso
// as the source, Fabrikam as the target), and the topology page on it.
struct PageOnSandbox : tb::test::WorkspaceOnSandbox
{
    std::unique_ptr<tb::ui::TopologyPage> page;

    // withSetupScopes false: signed in as the Connect page does, with the default scopes only.
    explicit PageOnSandbox(bool withSetupScopes = true)
    {
        startSignedIn(withSetupScopes ? setupScopes : defaultScopes);
    }

    // Shows the page, which reads both tenants and runs preflight by itself.
    void showPage()
    {
        page = std::make_unique<tb::ui::TopologyPage>(*workspace);
        QSignalSpy read(page.get(), &tb::ui::TopologyPage::stateRead);
        QSignalSpy checked(page.get(), &tb::ui::TopologyPage::preflightFinished);
        page->resize(1240, 720);
        page->show();
        REQUIRE(QTest::qWaitForWindowExposed(page.get()));
        REQUIRE(SignalWaiter::waitForCount(read));
        REQUIRE(SignalWaiter::waitForCount(checked));
        REQUIRE(page->state().isValid());
    }

    [[nodiscard]] tb::ui::AccessSettingToggle* toggle(const QString& stepId) const
    {
        auto* found = page->view()->toggle(stepId);
        REQUIRE(found != nullptr);
        return found;
    }

    // The page in the light and the dark palette, as PNGs in the artefact folder.
    void saveScreenshots(const QString& stem) const
    {
        const QPalette original = QApplication::palette();
        QApplication::setPalette(QApplication::style()->standardPalette());
        GuiTestSupport::saveScreenshot(*page, stem + QStringLiteral("-light.png"));
        QApplication::setPalette(darkPalette());
        GuiTestSupport::saveScreenshot(*page, stem + QStringLiteral("-dark.png"));
        QApplication::setPalette(original);
        GuiTestSupport::settle();
    }
};

} // namespace

TEST_CASE("The topology page shows an unconfigured pair as pending and applies the plan", "[gui]")
{
    PageOnSandbox fixture;
    fixture.showPage();
    tb::ui::TopologyPage& page = *fixture.page;

    // Before: nothing is on in either tenant; everything is ticked, so every setting is a pending change.
    for (const QString& setting : kSettings) {
        INFO(setting.toStdString());
        CHECK(fixture.toggle(setting)->isChecked());
        CHECK(page.view()->status(setting) == SettingStatus::Pending);
    }
    CHECK_FALSE(page.state().targetSide.isUserSyncInboundOn());
    CHECK_FALSE(page.state().configuration.has_value());
    REQUIRE(page.preflightReport().has_value());
    CHECK_FALSE(page.preflightReport()->isBlocked());
    CHECK_FALSE(page.plan().isEmpty());
    CHECK_FALSE(page.interruptedBanner()->isVisible());
    const auto pendingBefore = page.plan().pendingSteps().size();
    CHECK(pendingBefore == page.plan().steps().size()); // nothing is done yet
    fixture.saveScreenshots(QStringLiteral("topology-before-apply"));

    // "Show request" shows the exact request of a step.
    const auto userSyncStep = page.plan().step(id(PlanStep::kTargetUserSync));
    REQUIRE(userSyncStep.has_value());
    const QString request = tb::ui::StepRequestDialog::describe(*userSyncStep);
    CHECK(request.contains(userSyncStep->request.relativeUrl()));
    CHECK(request.contains(QStringLiteral("isSyncAllowed")));
    auto* userSyncRow = page.findChild<QWidget*>(QStringLiteral("planStep:") + id(PlanStep::kTargetUserSync));
    REQUIRE(userSyncRow != nullptr);
    auto* showRequest = userSyncRow->findChild<QPushButton*>(QStringLiteral("showRequestButton"));
    REQUIRE(showRequest != nullptr);
    showRequest->click();
    auto* requestDialog = page.findChild<tb::ui::StepRequestDialog*>();
    REQUIRE(requestDialog != nullptr);
    CHECK(requestDialog->isVisible());
    CHECK(requestDialog->requestText() == request);
    requestDialog->close();

    // Unticking a setting rebuilds the plan at once: its step has nothing to send any more.
    QSignalSpy planChanged(&page, &tb::ui::TopologyPage::planChanged);
    fixture.toggle(id(PlanStep::kTargetUserSync))->checkBox()->click();
    CHECK(planChanged.count() == 1);
    CHECK_FALSE(page.desired().targetAllowsUserSync);
    CHECK(page.plan().step(id(PlanStep::kTargetUserSync))->satisfied);
    CHECK(page.plan().pendingSteps().size() == pendingBefore - 1);
    CHECK(page.view()->status(id(PlanStep::kTargetUserSync)) == SettingStatus::Off);
    // The connection test would fail without it: the plan says so.
    CHECK_FALSE(page.plan().step(id(PlanStep::kSourceValidateCredentials))->warning.isEmpty());
    fixture.toggle(id(PlanStep::kTargetUserSync))->checkBox()->click();
    CHECK(page.plan().pendingSteps().size() == pendingBefore);
    CHECK(page.view()->status(id(PlanStep::kTargetUserSync)) == SettingStatus::Pending);

    // Unticking the configuration drops its steps from the plan.
    fixture.toggle(id(PlanStep::kSourceConfiguration))->checkBox()->click();
    CHECK_FALSE(page.plan().step(id(PlanStep::kSourceConfiguration)).has_value());
    fixture.toggle(id(PlanStep::kSourceConfiguration))->checkBox()->click();
    CHECK(page.plan().pendingSteps().size() == pendingBefore);

    // Apply: the confirmation names both tenants and the number of changes.
    QSignalSpy finished(&page, &tb::ui::TopologyPage::applyFinished);
    QSignalSpy read(&page, &tb::ui::TopologyPage::stateRead);
    page.apply();
    QMessageBox* confirmation = page.applyConfirmation();
    REQUIRE(confirmation != nullptr);
    CHECK(confirmation->text().contains(QStringLiteral("Contoso")));
    CHECK(confirmation->text().contains(QStringLiteral("Fabrikam")));
    CHECK(confirmation->text().contains(QString::number(pendingBefore)));
    confirmation->button(QMessageBox::Ok)->click();
    CHECK(page.isApplying());
    REQUIRE(SignalWaiter::waitForCount(finished));
    INFO(page.banner()->text().toStdString());
    CHECK(finished.first().first().toBool());
    // Then both tenants are read again: every setting is applied and there is nothing left to do.
    REQUIRE(SignalWaiter::waitForCount(read));
    for (const QString& setting : kSettings) {
        INFO(setting.toStdString());
        CHECK(page.view()->status(setting) == SettingStatus::Applied);
    }
    CHECK(page.state().targetSide.isUserSyncInboundOn());
    REQUIRE(page.state().configuration.has_value());
    CHECK(page.state().configuration->hasJob());
    CHECK(page.plan().isEmpty());
    CHECK(page.plan().pendingSteps().isEmpty());
    CHECK_FALSE(page.findChild<QPushButton*>(QStringLiteral("applyButton"))->isEnabled());
    QSignalSpy checked(&page, &tb::ui::TopologyPage::preflightFinished);
    REQUIRE(SignalWaiter::waitForCount(checked));
    fixture.saveScreenshots(QStringLiteral("topology-after-apply"));
}

TEST_CASE("The topology diagram's checkboxes are reachable with the keyboard and have names", "[gui]")
{
    PageOnSandbox fixture;
    fixture.showPage();
    tb::ui::TopologyView* view = fixture.page->view();
    QStringList names;
    for (const QString& setting : kSettings) {
        const QString name = fixture.toggle(setting)->checkBox()->accessibleName();
        CHECK_FALSE(name.isEmpty());
        CHECK_FALSE(names.contains(name));
        names.append(name);
        CHECK_FALSE(fixture.toggle(setting)->toolTip().isEmpty());
    }
    // Unticked, the tooltip says what stops working.
    fixture.toggle(id(PlanStep::kTargetInboundAutoRedeem))->checkBox()->click();
    CHECK(fixture.toggle(id(PlanStep::kTargetInboundAutoRedeem))->toolTip().contains(QStringLiteral("When off")));

    view->setFocus();
    REQUIRE(QTest::qWaitForWindowActive(fixture.page.get()));
    QStringList reached;
    for (int press = 0; press < 8; ++press) {
        QTest::keyClick(view, Qt::Key_Tab);
        if (auto* proxy = dynamic_cast<QGraphicsProxyWidget*>(view->scene()->focusItem())) {
            if (auto* box = qobject_cast<QCheckBox*>(proxy->widget()->focusWidget())) {
                if (!reached.contains(box->objectName())) {
                    reached.append(box->objectName());
                }
            }
        }
    }
    CHECK(reached.size() >= 3);
}

TEST_CASE("An interrupted apply is offered for resuming and finishes", "[gui]")
{
    PageOnSandbox fixture;
    const auto source = fixture.workspace->tenant(TenantRole::Source);
    const auto target = fixture.workspace->tenant(TenantRole::Target);
    REQUIRE(source.has_value());
    REQUIRE(target.has_value());
    {
        // What a run killed right after sending its first step leaves in the journal.
        tb::store::Journal journal(fixture.workspace->database());
        tb::model::DesiredSettings desired;
        desired.configurationDisplayName = QStringLiteral("Contoso to Fabrikam");
        tb::store::JournalEntry run;
        run.runId = QStringLiteral("gui-interrupted-run");
        run.stepKey = QStringLiteral("run");
        run.tenantId = source->id;
        run.detail = QString::fromUtf8(QJsonDocument(
            QJsonObject {{QStringLiteral("desired"), desired.toJson()}, {QStringLiteral("source"), source->toJson()},
                {QStringLiteral("target"), target->toJson()},
                {QStringLiteral("configurationDisplayName"), desired.configurationDisplayName}})
                                           .toJson(QJsonDocument::Compact));
        REQUIRE(std::holds_alternative<qint64>(journal.record(run)));
        tb::store::JournalEntry step = run;
        step.stepKey = id(PlanStep::kTargetPartner);
        step.tenantId = target->id;
        step.detail.clear();
        REQUIRE(std::holds_alternative<qint64>(journal.record(step)));
    }
    fixture.showPage();
    tb::ui::TopologyPage& page = *fixture.page;
    CHECK(page.interruptedBanner()->isVisible());
    CHECK(page.interruptedBanner()->text().contains(QStringLiteral("interrupted")));
    auto* resume = page.findChild<QPushButton*>(QStringLiteral("resumeButton"));
    REQUIRE(resume != nullptr);
    CHECK(resume->isVisible());
    GuiTestSupport::settle();
    const QString folder = QStringLiteral(TB_ARTIFACT_DIR);
    QDir().mkpath(folder);
    CHECK(page.grab().save(QDir(folder).filePath(QStringLiteral("topology-interrupted.png"))));

    QSignalSpy finished(&page, &tb::ui::TopologyPage::applyFinished);
    QSignalSpy read(&page, &tb::ui::TopologyPage::stateRead);
    resume->click();
    REQUIRE(SignalWaiter::waitForCount(finished));
    INFO(page.banner()->text().toStdString());
    CHECK(finished.first().first().toBool());
    REQUIRE(SignalWaiter::waitForCount(read));
    CHECK(page.plan().isEmpty());
    CHECK_FALSE(page.interruptedBanner()->isVisible());
}

TEST_CASE("The topology view marks blocked changes and scales with its size", "[gui]")
{
    tb::setup::SetupState state;
    state.source.id = QStringLiteral("11111111-1111-1111-1111-111111111111");
    state.source.displayName = QStringLiteral("Contoso");
    state.source.initialDomain = QStringLiteral("contoso.onmicrosoft.com");
    state.target.id = QStringLiteral("22222222-2222-2222-2222-222222222222");
    state.target.displayName = QStringLiteral("Northwind Gov");
    state.target.initialDomain = QStringLiteral("northwindgov.onmicrosoft.us");
    state.target.cloud = tb::model::CloudInstance::fromName(QStringLiteral("USGovernment")).value();
    // The target already allows sync in; nothing else is on.
    state.targetSide.partnerExists = true;
    state.targetSide.identitySyncExists = true;
    state.targetSide.userSyncInboundAllowed = true;
    state.readAt = QDateTime::currentDateTimeUtc();

    tb::ui::TopologyView view;
    view.setState(state);
    view.setBlocked(true, QStringLiteral("preflight (Cloud pair)"));
    view.resize(900, 420);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    CHECK(view.status(id(PlanStep::kTargetUserSync)) == SettingStatus::Applied);
    CHECK(view.status(id(PlanStep::kTargetInboundAutoRedeem)) == SettingStatus::Blocked);
    CHECK(view.status(id(PlanStep::kSourceOutboundAutoRedeem)) == SettingStatus::Blocked);
    CHECK(view.toggle(id(PlanStep::kSourceOutboundAutoRedeem))->statusText().contains(QStringLiteral("Cloud pair")));
    GuiTestSupport::settle(); // the boxes lay out again once polished
    const QString folder = QStringLiteral(TB_ARTIFACT_DIR);
    QDir().mkpath(folder);
    CHECK(view.grab().save(QDir(folder).filePath(QStringLiteral("topology-view-blocked.png"))));

    // Fitted with its aspect kept: the same scale both ways, smaller in a smaller view.
    const qreal wide = view.transform().m11();
    CHECK(view.transform().m22() == Approx(wide));
    view.resize(450, 420);
    QCoreApplication::processEvents();
    CHECK(view.transform().m11() < wide);
    CHECK(view.transform().m22() == Approx(view.transform().m11()));

    view.setBlocked(false);
    CHECK(view.status(id(PlanStep::kSourceOutboundAutoRedeem)) == SettingStatus::Pending);
    // Unticking what is already on turns it into a pending change that turns it off.
    view.toggle(id(PlanStep::kTargetUserSync))->checkBox()->click();
    CHECK(view.status(id(PlanStep::kTargetUserSync)) == SettingStatus::Pending);
    CHECK_FALSE(view.desired().targetAllowsUserSync);
    CHECK(view.toggle(id(PlanStep::kTargetUserSync))->toolTip().contains(QStringLiteral("quarantined")));
}

TEST_CASE("Accounts without the setup permissions are offered a sign-in that grants them", "[gui]")
{
    PageOnSandbox fixture(false);
    fixture.page = std::make_unique<tb::ui::TopologyPage>(*fixture.workspace);
    tb::ui::TopologyPage& page = *fixture.page;
    page.resize(1240, 720);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    auto* grant = page.findChild<QPushButton*>(QStringLiteral("grantButton"));
    REQUIRE(grant != nullptr);
    CHECK(page.rolesMissingSetupScopes().size() == 2);
    CHECK(grant->isVisible());
    CHECK(grant->isEnabled());
    // The read without those permissions ends once, with the consent message, and is not started again by the
    // token cache's answer (that answer used to restart the read, which asked again, for ever).
    QSignalSpy failed(&page, &tb::ui::TopologyPage::stateReadFailed);
    REQUIRE(SignalWaiter::waitForCount(failed));
    QTest::qWait(1000);
    CHECK(failed.count() == 1);
    CHECK_FALSE(page.isReading());
    CHECK(failed.first().first().toString().contains(QStringLiteral("has not granted")));
    QSignalSpy read(&page, &tb::ui::TopologyPage::stateRead);
    grant->click();
    // The sandbox approves each code at once; the page signs in each role that lacks scopes, then reads again.
    REQUIRE(SignalWaiter::waitUntil([&] { return page.rolesMissingSetupScopes().isEmpty(); }));
    REQUIRE(SignalWaiter::waitForCount(read));
    CHECK_FALSE(grant->isVisible());
    CHECK(page.state().isValid());
}

TEST_CASE("Cancel stops an apply after the step in flight and the rest stays pending", "[gui]")
{
    PageOnSandbox fixture;
    fixture.showPage();
    tb::ui::TopologyPage& page = *fixture.page;
    const auto pendingBefore = page.plan().pendingSteps().size();
    QSignalSpy finished(&page, &tb::ui::TopologyPage::applyFinished);
    QSignalSpy read(&page, &tb::ui::TopologyPage::stateRead);
    page.apply();
    REQUIRE(page.applyConfirmation() != nullptr);
    page.applyConfirmation()->button(QMessageBox::Ok)->click();
    REQUIRE(page.isApplying());
    auto* cancel = page.findChild<QPushButton*>(QStringLiteral("cancelApplyButton"));
    REQUIRE(cancel != nullptr);
    CHECK(cancel->isVisible());
    // Cancel once the first step has been sent: it stays done, the rest is not sent.
    auto* runner = page.findChild<tb::setup::PlanRunner*>();
    REQUIRE(runner != nullptr);
    QObject::connect(
        runner, &tb::setup::PlanRunner::stepFinished, cancel, [cancel] { cancel->click(); }, Qt::SingleShotConnection);
    REQUIRE(SignalWaiter::waitForCount(finished));
    CHECK_FALSE(finished.first().first().toBool());
    CHECK(page.banner()->level() == tb::ui::MessageBanner::Level::Warning);
    REQUIRE(SignalWaiter::waitForCount(read));
    const auto pendingAfter = page.plan().pendingSteps().size();
    INFO(page.banner()->text().toStdString());
    CHECK(pendingAfter < pendingBefore);
    CHECK(pendingAfter > 0);
    CHECK_FALSE(cancel->isVisible());
}

TEST_CASE("The main window lists its pages in the order of the work: Connect, Topology, Test users, Rollout, "
          "Sync logs, Directory, then Troubleshooting",
    "[gui]")
{
    PageOnSandbox fixture;
    tb::ui::MainWindow window(*fixture.workspace);
    auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigationList"));
    REQUIRE(navigation != nullptr);
    REQUIRE(navigation->count() == 7);
    CHECK(navigation->item(0)->text() == QStringLiteral("Connect"));
    CHECK(navigation->item(1)->text() == QStringLiteral("Topology"));
    CHECK(navigation->item(2)->text() == QStringLiteral("Test users"));
    CHECK(navigation->item(3)->text() == QStringLiteral("Rollout"));
    CHECK(navigation->item(4)->text() == QStringLiteral("Sync logs"));
    CHECK(navigation->item(5)->text() == QStringLiteral("Directory"));
    CHECK(navigation->item(6)->text() == QStringLiteral("Troubleshooting"));
    REQUIRE(window.topologyPage() != nullptr);
    auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pageStack"));
    REQUIRE(pages != nullptr);
    navigation->setCurrentRow(1);
    CHECK(pages->currentWidget() == window.topologyPage());
    navigation->setCurrentRow(2);
    CHECK(pages->currentWidget() == window.testUsersPage());
    navigation->setCurrentRow(3);
    CHECK(pages->currentWidget() == window.rolloutPage());
    navigation->setCurrentRow(4);
    CHECK(pages->currentWidget() == window.syncLogsPage());
    navigation->setCurrentRow(6);
    CHECK(pages->currentWidget() == window.troubleshootingPage());
}
