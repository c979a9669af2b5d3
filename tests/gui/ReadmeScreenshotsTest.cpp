// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The README's screenshots, made from the real window on the in-process sandbox so they stay current: both tenants
// signed in, the topology with its plan, a preview of three users, the logs of a job cycle and the troubleshooting
// page. Each picture is saved under TB_ARTIFACT_DIR/readme; `cmake --build build --target readme-screenshots` runs
// this test under Xvfb and copies them to resources/screenshots (tests/CMakeLists.txt); README.md links them
// (tests/readme/CheckScreenshotLinks.cmake). The test checks what each page shows before it takes the picture, and that
// each picture was written and is not blank.
#include "core/Workspace.h"
#include "core/auth/SignInService.h"
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/sync/InjectedUserErrors.h"
#include "core/sandbox/sync/ProvisioningService.h"
#include "core/setup/SetupState.h"
#include "tests/support/GuiTestSupport.h"
#include "tests/support/InstalledTranslator.h"
#include "tests/support/SignalWaiter.h"
#include "tests/support/WorkspaceOnSandbox.h"
#include "ui/MainWindow.h"
#include "ui/models/LogTableModel.h"
#include "ui/models/UserPreviewModel.h"
#include "ui/pages/ConnectPage.h"
#include "ui/pages/SyncLogsPage.h"
#include "ui/pages/TestUsersPage.h"
#include "ui/pages/TopologyPage.h"
#include "ui/pages/TroubleshootingPage.h"
#include "ui/widgets/GettingStartedPanel.h"
#include "ui/widgets/LogRecordDetail.h"
#include "ui/widgets/MessageBanner.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <memory>

using tb::test::GuiTestSupport;
using tb::test::SignalWaiter;
using tb::ui::MainWindow;

namespace {

const QString kAdele = QStringLiteral("adele.vance@contoso.onmicrosoft.com"); // new in Fabrikam
const QString kZainab = QStringLiteral("zainab.okafor@contoso.onmicrosoft.com"); // an accepted guest in Fabrikam
const QString kBianca = QStringLiteral("bianca.berg@contoso.onmicrosoft.com"); // a pending guest in Fabrikam
const QString kHenrietta = QStringLiteral("henrietta.chen@contoso.onmicrosoft.com"); // new in Fabrikam
const QString kTomas = QStringLiteral("tomas.fernandez@contoso.onmicrosoft.com"); // new in Fabrikam

// The size the README shows; the Xvfb screen of the readme-screenshots target is larger.
constexpr int kWidth = 1240;
constexpr int kHeight = 760;
// A picture of a page with text, lists and buttons has hundreds of colours (anti-aliased text); a blank or
// one-colour window has a handful.
constexpr int kMinimumColours = 40;

// The colours of a grid of pixels across the image.
int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3) {
            colours.insert(image.pixel(x, y));
        }
    }
    return static_cast<int>(colours.size());
}

struct ReadmeWindow : tb::test::WorkspaceOnSandbox
{
    std::unique_ptr<MainWindow> window;

    ReadmeWindow()
    {
        window = std::make_unique<MainWindow>(*workspace);
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window.get()));
        window->resize(kWidth, kHeight);
    }

    // Grabs the whole window into TB_ARTIFACT_DIR/readme/fileName (PNG at its highest compression) and checks the
    // file: written, the window's size, not blank, and no error on the window's banner.
    void saveScreenshot(const QString& fileName) const
    {
        GuiTestSupport::settle();
        CHECK_FALSE(GuiTestSupport::child<tb::ui::MessageBanner>(*window, "windowBanner")->isVisible());
        const QDir folder(QStringLiteral(TB_ARTIFACT_DIR "/readme"));
        REQUIRE(QDir().mkpath(folder.path()));
        const QString path = folder.filePath(fileName);
        QFile::remove(path);
        const QImage image = window->grab().toImage();
        REQUIRE(image.save(path, "PNG", 0));

        const QImage written(path);
        INFO(path.toStdString());
        REQUIRE_FALSE(written.isNull());
        CHECK(written.width() == kWidth * window->devicePixelRatio());
        CHECK(written.height() == kHeight * window->devicePixelRatio());
        CHECK(distinctColours(written) > kMinimumColours);
    }
};

} // namespace

TEST_CASE("README screenshots: connect, topology, test users, sync logs and troubleshooting", "[gui][readme]")
{
    // As main() does, so that the pictures say "9 changes", not "9 change(s)".
    const tb::test::InstalledTranslator translator;
    REQUIRE(translator.installed);
    ReadmeWindow fixture;
    MainWindow& window = *fixture.window;
    QSignalSpy stateRead(window.topologyPage(), &tb::ui::TopologyPage::stateRead);
    fixture.startSignedIn(tb::test::WorkspaceOnSandbox::setupScopes);

    // Connect: both roles signed in, the guide on top with its first two steps done.
    window.showPage(0);
    REQUIRE(window.currentPage() == 0);
    REQUIRE(window.guide()->isVisible());
    CHECK(window.guide()->isStepDone(tb::ui::GettingStartedPanel::Step::SignInSource));
    CHECK(window.guide()->isStepDone(tb::ui::GettingStartedPanel::Step::SignInTarget));
    CHECK(window.windowTitle().contains(QStringLiteral("Sandbox")));
    // The fixture keeps sessions in memory (tests use no keychain), and the page says so; the app with a keychain,
    // as the README describes it, does not. That note, and only that one, is left out of the picture.
    auto* connectBanner = GuiTestSupport::child<tb::ui::MessageBanner>(*window.connectPage(), "connectBanner");
    if (connectBanner->isVisible()) {
        REQUIRE(connectBanner->text() == fixture.workspace->signIn().storageWarning());
        connectBanner->hide();
    }
    fixture.saveScreenshot(QStringLiteral("connect.png"));

    // Topology: both tenants read, the plan of a fresh pair (nothing is set up yet) and the preflight beside it.
    window.showPage(1);
    REQUIRE(SignalWaiter::waitForCount(stateRead));
    tb::ui::TopologyPage& topology = *window.topologyPage();
    CHECK_FALSE(topology.plan().isEmpty());
    QSignalSpy preflight(&topology, &tb::ui::TopologyPage::preflightFinished);
    topology.runPreflight();
    REQUIRE(SignalWaiter::waitForCount(preflight));
    REQUIRE(topology.preflightReport().has_value());
    CHECK_FALSE(topology.banner()->isVisible());
    fixture.saveScreenshot(QStringLiteral("topology.png"));

    // Apply, then preview three users on the Test users page: a new member, an accepted and a pending guest.
    GuiTestSupport::applyAndConfirm(topology, stateRead);
    const tb::setup::SetupState state = topology.state();
    REQUIRE(state.configuration.has_value());
    REQUIRE(state.configuration->hasJob());
    window.showPage(2);
    tb::ui::TestUsersPage& testUsers = *window.testUsersPage();
    testUsers.setListedUsers({kAdele, kZainab, kBianca});
    QSignalSpy previewed(&testUsers, &tb::ui::TestUsersPage::previewFinished);
    testUsers.preview();
    REQUIRE(SignalWaiter::waitForCount(previewed, 1, 30000));
    CHECK(previewed.first().first().toInt() == 3);
    REQUIRE(testUsers.model()->rowCount() == 3);
    auto* previewTable = GuiTestSupport::child<QTableView>(testUsers, "previewTable");
    previewTable->selectRow(0);
    CHECK(testUsers.model()->previewAt(0) != nullptr);
    fixture.saveScreenshot(QStringLiteral("test-users.png"));

    // Sync logs: four users assigned and the job started, one of them failing on a conflict in the target; one cycle,
    // then Fetch; the failure selected and explained.
    QString problem;
    const std::optional<int> added = fixture.sandbox.provisioning().userErrors().add(
        QJsonObject {{QStringLiteral("userPrincipalNames"), QJsonArray {kTomas}},
            {QStringLiteral("code"), QStringLiteral("AzureActiveDirectoryConflictEntry")},
            {QStringLiteral("count"), 1}},
        &problem);
    INFO(problem.toStdString());
    REQUIRE(added == std::optional<int>(1));
    GuiTestSupport::assignAndStart(*fixture.workspace, state, {kAdele, kHenrietta, kTomas, kZainab});
    REQUIRE(SignalWaiter::waitUntil([&fixture] { return fixture.sandbox.provisioning().runCycle() >= 1; }, 20000));
    window.showPage(4);
    tb::ui::SyncLogsPage& logs = *window.syncLogsPage();
    QSignalSpy fetched(&logs, &tb::ui::SyncLogsPage::fetchFinished);
    logs.fetch();
    REQUIRE(SignalWaiter::waitForCount(fetched, 1, 60000));
    REQUIRE(fetched.first().first().toBool());
    REQUIRE(logs.model()->rowCount() > 3);
    int failure = -1;
    for (int row = 0; row < logs.model()->rowCount() && failure < 0; ++row) {
        logs.table()->selectRow(row);
        GuiTestSupport::settle(1);
        if (logs.detail()->record().has_value() && !logs.detail()->record()->error.code.isEmpty()) {
            failure = row;
        }
    }
    REQUIRE(failure >= 0);
    CHECK(logs.detail()->record()->error.code == QStringLiteral("AzureActiveDirectoryConflictEntry"));
    fixture.saveScreenshot(QStringLiteral("sync-logs.png"));

    // Troubleshooting (Help > Troubleshooting, F1): the catalogue with a quarantine reason explained.
    window.showPage(6);
    REQUIRE(window.currentPage() == 6);
    window.troubleshootingPage()->showCode(QStringLiteral("TooManyDeletes"));
    CHECK(window.troubleshootingPage()->currentCode() == QStringLiteral("TooManyDeletes"));
    fixture.saveScreenshot(QStringLiteral("troubleshooting.png"));
}
