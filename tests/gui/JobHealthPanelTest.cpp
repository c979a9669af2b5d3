// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The job-health panel: on the topology page after an apply (reads the new job, Start and Pause each after a
// confirmation naming the configuration and the target), and alone with a quarantined job built from the
// reference's JSON; screenshots saved as test artefacts.
#include "ui/widgets/JobHealthPanel.h"
#include "core/Workspace.h"
#include "core/auth/SignInService.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/endpoints/PolicyEndpoints.h"
#include "core/model/TenantRole.h"
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/sync/ProvisioningService.h"
#include "core/sync/JobMonitor.h"
#include "tests/support/GraphWait.h"
#include "tests/support/GuiTestSupport.h"
#include "tests/support/SignalWaiter.h"
#include "ui/pages/TopologyPage.h"
#include "ui/widgets/MessageBanner.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QApplication>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using tb::model::SyncJob;
using tb::model::TenantRole;
using tb::test::GuiTestSupport;
using tb::test::SignalWaiter;
using tb::ui::JobHealthPanel;
using SignedInPair = GuiTestSupport::SignedInPair;

namespace {

// graph-reference.md 2.2's quarantined job, with a last cycle that failed.
const char* const kQuarantinedJob = R"({ "id": "Azure2Azure.0123.eeee0005", "templateId": "Azure2Azure",
  "schedule": { "state": "Active", "interval": "PT40M" },
  "status": { "code": "Quarantine", "countSuccessiveCompleteFailures": 2,
    "lastExecution": { "activityIdentifier": "a", "countEntitled": 12, "countExported": 0, "countExports": 12,
      "countEscrowed": 12, "countImported": 12, "state": "Failed",
      "timeBegan": "2025-01-10T10:56:00Z", "timeEnded": "2025-01-10T11:00:00Z",
      "error": { "code": "AzureDirectoryB2BManagementPolicyCheckFailure", "message": "Policy permitting auto-redemption of invitations not configured.", "tenantActionable": true } },
    "lastSuccessfulExecution": { "state": "Succeeded", "timeBegan": "2025-01-10T10:00:00Z", "timeEnded": "2025-01-10T10:03:12Z" },
    "steadyStateFirstAchievedTime": "2025-01-10T10:03:12Z", "steadyStateLastAchievedTime": "2025-01-10T10:03:12Z",
    "synchronizedEntryCountByType": [ { "key": "User", "value": 11 } ],
    "quarantine": { "currentBegan": "2025-01-10T11:00:00Z", "nextAttempt": "2025-01-10T23:00:00Z",
                    "seriesBegan": "2025-01-10T11:00:00Z", "seriesCount": 1,
                    "reason": "EncounteredQuarantineException",
                    "error": { "code": "AzureDirectoryB2BManagementPolicyCheckFailure",
                               "message": "Policy permitting auto-redemption of invitations not configured.",
                               "tenantActionable": true } } } })";

} // namespace

TEST_CASE("The job-health panel appears on the topology page after apply, and starts and pauses the job", "[gui]")
{
    SignedInPair pair;
    tb::ui::TopologyPage page(*pair.workspace);
    QSignalSpy read(&page, &tb::ui::TopologyPage::stateRead);
    page.resize(1240, 860);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    REQUIRE(SignalWaiter::waitForCount(read));
    JobHealthPanel* panel = page.jobPanel();
    REQUIRE(panel != nullptr);
    CHECK_FALSE(panel->isVisible()); // no configuration, no job

    GuiTestSupport::applyAndConfirm(page, read);
    REQUIRE(page.state().configuration.has_value());
    CHECK(panel->isVisible());
    REQUIRE(panel->monitor() != nullptr);
    CHECK(panel->monitor()->isPolling()); // the panel is visible, so it watches

    // The new job is paused (graph-reference.md 2.2): Start is offered, Pause is not.
    REQUIRE(SignalWaiter::waitUntil([panel] { return panel->job().has_value(); }));
    CHECK(panel->job()->isPaused());
    CHECK(GuiTestSupport::labelText(*panel, "jobState") == QStringLiteral("Paused"));
    CHECK(GuiTestSupport::labelText(*panel, "jobLastCycle") == QStringLiteral("none yet"));
    CHECK(GuiTestSupport::child<QPushButton>(*panel, "jobStartButton")->isEnabled());
    CHECK_FALSE(GuiTestSupport::child<QPushButton>(*panel, "jobPauseButton")->isEnabled());

    // Start asks first, naming the configuration and the target; Cancel sends nothing.
    GuiTestSupport::child<QPushButton>(*panel, "jobStartButton")->click();
    QMessageBox* confirmation = panel->confirmation();
    REQUIRE(confirmation != nullptr);
    CHECK(confirmation->text().contains(QStringLiteral("Contoso to Fabrikam")));
    CHECK(confirmation->text().contains(QStringLiteral("into Fabrikam")));
    confirmation->button(QMessageBox::Cancel)->click();
    GuiTestSupport::settle();
    CHECK(panel->job()->isPaused());
    CHECK_FALSE(panel->monitor()->isSendingCommand());

    GuiTestSupport::child<QPushButton>(*panel, "jobStartButton")->click();
    REQUIRE(panel->confirmation() != nullptr);
    GuiTestSupport::acceptingButton(*panel->confirmation())->click();
    REQUIRE(SignalWaiter::waitUntil(
        [panel] { return panel->job() && panel->job()->scheduleState == QStringLiteral("Active"); }, 30000));
    CHECK_FALSE(panel->job()->isPaused());
    CHECK(GuiTestSupport::child<QPushButton>(*panel, "jobPauseButton")->isEnabled());
    GuiTestSupport::saveScreenshot(page, QStringLiteral("job-health-started.png"));

    GuiTestSupport::child<QPushButton>(*panel, "jobPauseButton")->click();
    REQUIRE(panel->confirmation() != nullptr);
    CHECK(panel->confirmation()->text().startsWith(QStringLiteral("Pause synchronization of")));
    GuiTestSupport::acceptingButton(*panel->confirmation())->click();
    REQUIRE(SignalWaiter::waitUntil([panel] { return panel->job() && panel->job()->isPaused(); }, 30000));
    CHECK(GuiTestSupport::labelText(*panel, "jobState") == QStringLiteral("Paused"));

    // Hidden (another page shown): nobody watches, so the monitor stops polling.
    page.hide();
    CHECK_FALSE(panel->monitor()->isPolling());
}

TEST_CASE("A quarantine seen by the panel makes the topology page read both tenants again and show the cause", "[gui]")
{
    SignedInPair pair;
    tb::ui::TopologyPage page(*pair.workspace);
    QSignalSpy read(&page, &tb::ui::TopologyPage::stateRead);
    page.resize(1240, 860);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    REQUIRE(SignalWaiter::waitForCount(read));
    GuiTestSupport::applyAndConfirm(page, read);
    CHECK(page.plan().pendingSteps().isEmpty());
    JobHealthPanel* panel = page.jobPanel();
    REQUIRE(SignalWaiter::waitUntil([panel] { return panel->job().has_value(); }));
    GuiTestSupport::child<QPushButton>(*panel, "jobStartButton")->click();
    REQUIRE(panel->confirmation() != nullptr);
    GuiTestSupport::acceptingButton(*panel->confirmation())->click();
    REQUIRE(SignalWaiter::waitUntil(
        [panel] { return panel->job() && panel->job()->scheduleState == QStringLiteral("Active"); }, 30000));

    // Another administrator of Fabrikam stops users syncing in from Contoso; the next cycle quarantines the job.
    const tb::model::Tenant source = *pair.workspace->tenant(TenantRole::Source);
    tb::graph::PolicyEndpoints targetPolicy(*pair.workspace->setupClient(TenantRole::Target));
    const std::optional<tb::graph::GraphResponse> off
        = tb::test::GraphWait::response(targetPolicy.updateIdentitySynchronization(source.id, false));
    REQUIRE(off.has_value());
    REQUIRE(off->isSuccess());
    const int readsBefore = static_cast<int>(read.size());
    CHECK(pair.sandbox.provisioning().runCycle() == 1);
    panel->monitor()->refresh();

    // Without a click on Refresh: the panel shows the quarantine, the page reads both tenants again, and the plan
    // offers to allow inbound sync once more.
    REQUIRE(SignalWaiter::waitUntil([panel] { return panel->job() && panel->job()->isQuarantined(); }, 30000));
    REQUIRE(SignalWaiter::waitForCount(read, readsBefore + 1));
    CHECK(page.plan().pendingSteps().size() == 1);
    CHECK(GuiTestSupport::labelText(*panel, "jobState") == QStringLiteral("Quarantined"));
    GuiTestSupport::saveScreenshot(page, QStringLiteral("job-health-quarantine-cause.png"));
}

TEST_CASE("The job-health panel explains a quarantine and says what to do", "[gui]")
{
    const SyncJob job = SyncJob::fromJson(QJsonDocument::fromJson(QByteArray(kQuarantinedJob)).object());
    REQUIRE(job.isQuarantined());
    JobHealthPanel panel;
    panel.setNames(QStringLiteral("Contoso to Fabrikam"), QStringLiteral("Fabrikam"));
    panel.resize(760, 620);
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));
    panel.showJob(job);

    CHECK(GuiTestSupport::labelText(panel, "jobState") == QStringLiteral("Quarantined"));
    auto* box = panel.findChild<QWidget*>(QStringLiteral("quarantineBox"));
    REQUIRE(box != nullptr);
    CHECK(box->isVisible());
    const QString reason = GuiTestSupport::labelText(panel, "quarantineReason");
    CHECK(reason.contains(QStringLiteral("EncounteredQuarantineException")));
    CHECK(reason.contains(QStringLiteral("critical error")));
    const QString error = GuiTestSupport::labelText(panel, "quarantineError");
    CHECK(error.contains(QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure")));
    CHECK(error.contains(QStringLiteral("Policy permitting auto-redemption")));
    // The fix is the error's, the more specific: the access settings on both sides.
    const QString fix = GuiTestSupport::labelText(panel, "quarantineFix");
    CHECK(fix.startsWith(QStringLiteral("What to do:")));
    CHECK(fix.contains(QStringLiteral("inbound automatic redemption")));
    CHECK(GuiTestSupport::labelText(panel, "quarantineTimes").contains(QStringLiteral("next attempt")));
    CHECK(GuiTestSupport::labelText(panel, "jobLastCycle").contains(QStringLiteral("12 failed")));
    CHECK(GuiTestSupport::labelText(panel, "jobSynchronized").contains(QStringLiteral("11 user")));
    CHECK(GuiTestSupport::labelText(panel, "jobLastChanges") == QStringLiteral("none yet"));
    // Without a monitor there is nothing to command.
    CHECK_FALSE(GuiTestSupport::child<QPushButton>(panel, "jobStartButton")->isEnabled());
    GuiTestSupport::saveScreenshot(panel, QStringLiteral("job-health-quarantine.png"));

    // An unknown reason and code are named, not hidden.
    SyncJob odd = job;
    odd.quarantine->reason = QStringLiteral("SomethingNew");
    odd.quarantine->error.code = QStringLiteral("NewCode42");
    panel.showJob(odd);
    CHECK(GuiTestSupport::labelText(panel, "quarantineReason").contains(QStringLiteral("SomethingNew")));
    CHECK(GuiTestSupport::labelText(panel, "quarantineError").contains(QStringLiteral("NewCode42")));

    // What sync last wrote stays in sight after later cycles that found nothing to do.
    tb::model::SyncExecution wrote;
    wrote.state = QStringLiteral("Succeeded");
    wrote.timeBegan = QDateTime(QDate(2025, 1, 10), QTime(9, 0), Qt::UTC);
    wrote.timeEnded = wrote.timeBegan.addSecs(30);
    wrote.countExports = 21;
    wrote.countExported = 21;
    odd.lastSuccessfulExecutionWithExports = wrote;
    panel.showJob(odd);
    CHECK(GuiTestSupport::labelText(panel, "jobLastChanges")
              .startsWith(QStringLiteral("21 change(s) written to Fabrikam")));
}
