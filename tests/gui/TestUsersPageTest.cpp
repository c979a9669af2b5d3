// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The test users page against an in-process sandbox, as an administrator uses it: the pair set up on the topology
// page, a few users listed, Preview (nothing written), then Test sync after the confirmation, with the outcome per
// user in the table and the detail pane; screenshots saved as test artefacts.
#include "ui/pages/TestUsersPage.h"
#include "core/Workspace.h"
#include "core/sandbox/RequestLog.h"
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/sync/InjectedUserErrors.h"
#include "core/sandbox/sync/ProvisioningService.h"
#include "core/store/Database.h"
#include "core/store/ProfileSettings.h"
#include "core/sync/TestSyncOutcome.h"
#include "core/sync/UserPreview.h"
#include "tests/support/GuiTestSupport.h"
#include "tests/support/SignalWaiter.h"
#include "ui/models/UserPreviewModel.h"
#include "ui/widgets/TestSyncHistoryList.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using tb::sync::TestSyncOutcome;
using tb::sync::UserPreview;
using tb::test::GuiTestSupport;
using tb::test::SignalWaiter;
using tb::ui::TestSyncHistoryList;
using tb::ui::TestUsersPage;
using SignedInPair = GuiTestSupport::SignedInPair;

namespace {

const QString kAdele = QStringLiteral("adele.vance@contoso.onmicrosoft.com"); // new in Fabrikam
const QString kZainab = QStringLiteral("zainab.okafor@contoso.onmicrosoft.com"); // an accepted guest in Fabrikam
const QString kBianca = QStringLiteral("bianca.berg@contoso.onmicrosoft.com"); // a pending guest in Fabrikam
const QString kHenrietta = QStringLiteral("henrietta.chen@contoso.onmicrosoft.com"); // new in Fabrikam

int rowOf(const tb::ui::UserPreviewModel& model, const QString& upn)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.previewAt(row)->userPrincipalName.compare(upn, Qt::CaseInsensitive) == 0) {
            return row;
        }
    }
    return -1;
}

} // namespace

TEST_CASE("The test users page previews without writing, then a test sync matches the preview", "[gui]")
{
    SignedInPair pair;
    const tb::setup::SetupState state = GuiTestSupport::applyOnTopologyPage(*pair.workspace);

    TestUsersPage page(*pair.workspace);
    page.setSetupState(state);
    page.resize(1300, 860);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    page.setListedUsers({kAdele, kZainab, QStringLiteral("# a comment line"), kBianca, QString(), kAdele});
    CHECK(page.listedUsers() == QStringList({kAdele, kZainab, kBianca}));

    // Preview: nothing but GETs reach the tenants.
    const qint64 before = pair.sandbox.requestLog().total();
    QSignalSpy previewed(&page, &TestUsersPage::previewFinished);
    page.preview();
    REQUIRE(SignalWaiter::waitForCount(previewed, 1, 30000));
    CHECK(previewed.first().first().toInt() == 3);
    CHECK(GuiTestSupport::writesSince(pair.sandbox.requestLog(), before) == 0);

    tb::ui::UserPreviewModel& model = *page.model();
    const int adele = rowOf(model, kAdele);
    const int zainab = rowOf(model, kZainab);
    const int bianca = rowOf(model, kBianca);
    REQUIRE(adele >= 0);
    REQUIRE(zainab >= 0);
    REQUIRE(bianca >= 0);
    CHECK(model.previewAt(adele)->match == UserPreview::Match::New);
    CHECK(model.previewAt(adele)->action == UserPreview::Action::Create);
    CHECK(model.previewAt(zainab)->match == UserPreview::Match::ExistingGuest);
    CHECK(model.previewAt(bianca)->match == UserPreview::Match::PendingGuest);
    auto* summary = page.findChild<QLabel*>(QStringLiteral("testUsersSummary"));
    REQUIRE(summary != nullptr);
    CHECK(summary->text().startsWith(QStringLiteral("Preview, nothing changed")));
    page.findChild<QTableView*>(QStringLiteral("previewTable"))->selectRow(adele);
    GuiTestSupport::saveScreenshot(page, QStringLiteral("test-users-preview.png"), 1);

    // Test sync asks first, naming the target; Cancel sends nothing.
    page.testSync();
    REQUIRE(page.testSyncConfirmation() != nullptr);
    CHECK(page.testSyncConfirmation()->text().contains(QStringLiteral("into Fabrikam")));
    CHECK(page.testSyncConfirmation()->defaultButton() == page.testSyncConfirmation()->button(QMessageBox::Cancel));
    const qint64 beforeCancel = pair.sandbox.requestLog().total();
    page.testSyncConfirmation()->button(QMessageBox::Cancel)->click();
    QCoreApplication::processEvents();
    CHECK(GuiTestSupport::writesSince(pair.sandbox.requestLog(), beforeCancel) == 0);

    QSignalSpy synced(&page, &TestUsersPage::testSyncFinished);
    page.testSync();
    REQUIRE(page.testSyncConfirmation() != nullptr);
    QAbstractButton* go = nullptr;
    for (QAbstractButton* candidate : page.testSyncConfirmation()->buttons()) {
        if (page.testSyncConfirmation()->buttonRole(candidate) == QMessageBox::AcceptRole) {
            go = candidate;
        }
    }
    REQUIRE(go != nullptr);
    go->click();
    REQUIRE(SignalWaiter::waitForCount(synced, 1, 60000));
    const std::optional<TestSyncOutcome> adeleOutcome = model.outcomeAt(adele);
    REQUIRE(adeleOutcome.has_value());
    INFO(adeleOutcome->summary().toStdString());
    CHECK(adeleOutcome->verdict == TestSyncOutcome::Verdict::AsPredicted);
    CHECK(adeleOutcome->serviceAction == QStringLiteral("create"));
    CHECK_FALSE(adeleOutcome->timeline.isEmpty());
    const std::optional<TestSyncOutcome> zainabOutcome = model.outcomeAt(zainab);
    REQUIRE(zainabOutcome.has_value());
    INFO(zainabOutcome->summary().toStdString());
    CHECK(zainabOutcome->verdict == TestSyncOutcome::Verdict::AsPredicted);
    CHECK(summary->text().startsWith(QStringLiteral("Test sync finished")));
    // Done: another preview or test sync can follow, nothing to cancel.
    CHECK(page.findChild<QPushButton*>(QStringLiteral("previewButton"))->isEnabled());
    CHECK(page.findChild<QPushButton*>(QStringLiteral("testSyncButton"))->isEnabled());
    CHECK_FALSE(page.findChild<QPushButton*>(QStringLiteral("cancelTestButton"))->isEnabled());
    page.findChild<QTableView*>(QStringLiteral("previewTable"))->selectRow(adele);
    GuiTestSupport::saveScreenshot(page, QStringLiteral("test-users-test-sync.png"), 1);
}

TEST_CASE("The test users page shows the required attributes the profile saved, though the window is built before "
          "the profile opens",
    "[gui]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("profile.sqlite"));
    {
        tb::store::Database database(path);
        REQUIRE_FALSE(database.open().has_value());
        REQUIRE_FALSE(tb::store::ProfileSettings(database)
                          .setRequiredAttributes({QStringLiteral("mail"), QStringLiteral("employeeId")})
                          .has_value());
    }
    tb::WorkspaceOptions options;
    options.secretStorage = tb::WorkspaceOptions::SecretStorage::MemoryOnly;
    options.databasePath = path;
    tb::Workspace workspace(options);
    // As the app's main() does it: the page first, then start().
    TestUsersPage page(workspace);
    QSignalSpy ready(&workspace, &tb::Workspace::ready);
    workspace.start();
    REQUIRE(SignalWaiter::waitForCount(ready));
    CHECK(
        GuiTestSupport::child<QLineEdit>(page, "requiredAttributesEdit")->text() == QStringLiteral("mail, employeeId"));
}

TEST_CASE("The test users page imports a list and names the line it cannot read", "[gui]")
{
    SignedInPair pair;
    TestUsersPage page(*pair.workspace);
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("users.csv"));
    QFile file(csv);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("version:v1.0\n"
               "Name [displayName] Required,User name [userPrincipalName] Required\n"
               "\"Vance, Adele\",adele.vance@contoso.onmicrosoft.com\n"
               "Zainab Okafor,zainab.okafor@contoso.onmicrosoft.com\n");
    file.close();
    QString problem;
    INFO(problem.toStdString());
    REQUIRE(page.importList(csv, &problem));
    CHECK(page.listedUsers() == QStringList({kAdele, kZainab}));

    const QString broken = dir.filePath(QStringLiteral("broken.txt"));
    QFile brokenFile(broken);
    REQUIRE(brokenFile.open(QIODevice::WriteOnly));
    brokenFile.write("bianca.berg@contoso.onmicrosoft.com\nnot a user name\n");
    brokenFile.close();
    CHECK_FALSE(page.importList(broken, &problem));
    CHECK(problem.contains(QStringLiteral("Line 2")));
    CHECK(page.listedUsers() == QStringList({kAdele, kZainab})); // nothing of the broken file
}

TEST_CASE("The test users page keeps each test sync: History lists them newest first and shows one read-only", "[gui]")
{
    SignedInPair pair;
    const tb::setup::SetupState state = GuiTestSupport::applyOnTopologyPage(*pair.workspace);
    TestUsersPage page(*pair.workspace);
    page.setSetupState(state);
    page.resize(1300, 860);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    auto* required = page.findChild<QLineEdit*>(QStringLiteral("requiredAttributesEdit"));
    REQUIRE(required != nullptr);
    required->setText(QStringLiteral("department, jobTitle, mail"));

    // Preview, then test sync after the confirmation; the run's id.
    const auto previewAndSync = [&page](const QStringList& users) {
        page.setListedUsers(users);
        QSignalSpy previewed(&page, &TestUsersPage::previewFinished);
        page.preview();
        REQUIRE(SignalWaiter::waitForCount(previewed, 1, 30000));
        QSignalSpy synced(&page, &TestUsersPage::testSyncFinished);
        page.testSync();
        REQUIRE(page.testSyncConfirmation() != nullptr);
        for (QAbstractButton* candidate : page.testSyncConfirmation()->buttons()) {
            if (page.testSyncConfirmation()->buttonRole(candidate) == QMessageBox::AcceptRole) {
                candidate->click();
                break;
            }
        }
        REQUIRE(SignalWaiter::waitForCount(synced, 1, 60000));
        return synced.first().first().toString();
    };
    // First Adele alone; then Zainab, and Henrietta whose export the target refuses.
    const QString first = previewAndSync({kAdele});
    QString problem;
    INFO(problem.toStdString());
    REQUIRE(pair.sandbox.provisioning().userErrors().add(
                QJsonObject {{QStringLiteral("userPrincipalNames"), QJsonArray {kHenrietta}},
                    {QStringLiteral("code"), QStringLiteral("AzureActiveDirectoryInvalidValue")},
                    {QStringLiteral("count"), 1}},
                &problem)
        == std::optional<int>(1));
    const QString second = previewAndSync({kZainab, kHenrietta});
    REQUIRE(first != second);

    // History: both runs, newest first, with their counts.
    auto* historyButton = page.findChild<QPushButton*>(QStringLiteral("testSyncHistoryButton"));
    REQUIRE(historyButton != nullptr);
    historyButton->click();
    TestSyncHistoryList* history = page.history();
    CHECK(history->isVisible());
    REQUIRE(history->topLevelItemCount() == 2);
    const auto cell
        = [history](int row, TestSyncHistoryList::Column column) { return history->topLevelItem(row)->text(column); };
    CHECK(history->topLevelItem(0)->data(TestSyncHistoryList::When, Qt::UserRole).toString() == second);
    CHECK(cell(0, TestSyncHistoryList::Users) == QStringLiteral("2"));
    CHECK(cell(0, TestSyncHistoryList::AsPredicted) == QStringLiteral("1"));
    CHECK(cell(0, TestSyncHistoryList::Differs) == QStringLiteral("0"));
    CHECK(cell(0, TestSyncHistoryList::Failed) == QStringLiteral("1"));
    // Henrietta failed: what the target needs did not arrive for her.
    CHECK(cell(0, TestSyncHistoryList::RequiredAttributes)
        == QStringLiteral("missing for 1 user(s) (department, jobTitle, mail)"));
    CHECK(history->topLevelItem(1)->data(TestSyncHistoryList::When, Qt::UserRole).toString() == first);
    CHECK(cell(1, TestSyncHistoryList::Users) == QStringLiteral("1"));
    CHECK(cell(1, TestSyncHistoryList::AsPredicted) == QStringLiteral("1"));
    CHECK(cell(1, TestSyncHistoryList::Differs) == QStringLiteral("0"));
    CHECK(cell(1, TestSyncHistoryList::Failed) == QStringLiteral("0"));
    CHECK(
        cell(1, TestSyncHistoryList::RequiredAttributes) == QStringLiteral("all arrived (department, jobTitle, mail)"));

    // Picking the first run shows its user and outcome in the table, read-only.
    auto* table = page.findChild<QTableView*>(QStringLiteral("previewTable"));
    REQUIRE(table != nullptr);
    history->setCurrentItem(history->topLevelItem(1));
    CHECK(page.shownRunId() == first);
    CHECK(table->model() == page.shownModel());
    REQUIRE(page.shownModel()->rowCount() == 1);
    CHECK(page.shownModel()->previewAt(0)->userPrincipalName == kAdele);
    REQUIRE(page.shownModel()->outcomeAt(0).has_value());
    CHECK(page.shownModel()->outcomeAt(0)->verdict == TestSyncOutcome::Verdict::AsPredicted);
    CHECK_FALSE(page.findChild<QPushButton*>(QStringLiteral("previewButton"))->isEnabled());
    CHECK_FALSE(page.findChild<QPushButton*>(QStringLiteral("testSyncButton"))->isEnabled());
    auto* back = page.findChild<QPushButton*>(QStringLiteral("backToCurrentListButton"));
    REQUIRE(back != nullptr);
    CHECK(back->isVisible());
    auto* summary = page.findChild<QLabel*>(QStringLiteral("testUsersSummary"));
    CHECK(summary->text().startsWith(QStringLiteral("Earlier test sync of")));
    GuiTestSupport::saveScreenshot(page, QStringLiteral("test-users-history.png"), 1);

    // Back: the current list (the second run's users) again, usable.
    back->click();
    CHECK(page.shownRunId().isEmpty());
    CHECK(table->model() == page.model());
    CHECK(page.model()->rowCount() == 2);
    CHECK_FALSE(back->isVisible());
    CHECK(summary->text().startsWith(QStringLiteral("Test sync finished")));
    CHECK(page.findChild<QPushButton*>(QStringLiteral("previewButton"))->isEnabled());
}
