// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The sync logs page over a real profile database (a temporary folder) filled with generated records through
// LogStore, as an administrator reads it: every filter narrows the table to the records it should; the table reads
// only the pages it shows; "By error" counts per code and drills down; the detail pane explains a failure from the
// catalogue; export and import round-trip the query; empty states say what to do; and, against the in-process
// sandbox, Fetch reads the pair's job's logs with an injected failure. Screenshots saved as test artefacts.
#include "ui/pages/SyncLogsPage.h"
#include "core/Workspace.h"
#include "core/graph/GraphClient.h"
#include "core/graph/GraphRequest.h"
#include "core/graph/endpoints/AppRoleAssignmentEndpoints.h"
#include "core/logs/LogExporter.h"
#include "core/logs/LogStore.h"
#include "core/model/TenantRole.h"
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/sync/InjectedUserErrors.h"
#include "core/sandbox/sync/ProvisioningService.h"
#include "core/store/Database.h"
#include "core/sync/ErrorCatalogue.h"
#include "tests/support/GraphWait.h"
#include "tests/support/GuiTestSupport.h"
#include "tests/support/SignalWaiter.h"
#include "ui/models/LogTableModel.h"
#include "ui/widgets/LogRecordDetail.h"
#include "ui/widgets/MessageBanner.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

#include <functional>
#include <memory>
#include <optional>

using tb::logs::LogQuery;
using tb::logs::LogStore;
using tb::model::ProvisioningLogEntry;
using tb::test::GuiTestSupport;
using tb::test::SignalWaiter;
using tb::ui::LogTableModel;
using tb::ui::SyncLogsPage;
using SignedInPair = GuiTestSupport::SignedInPair;

namespace {

const QString kConflict = QStringLiteral("AzureActiveDirectoryConflictEntry");
const QString kPolicy = QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure");
const QString kUnknownCode = QStringLiteral("ContosoCustomFailure");

// A workspace with its profile database in a temporary folder and no sign-in: the page reads stored logs offline.
struct OfflineWorkspace
{
    QTemporaryDir dir;
    std::unique_ptr<tb::Workspace> workspace;

    OfflineWorkspace()
    {
        tb::WorkspaceOptions options;
        options.secretStorage = tb::WorkspaceOptions::SecretStorage::MemoryOnly;
        options.databasePath = dir.filePath(QStringLiteral("logs.sqlite"));
        workspace = std::make_unique<tb::Workspace>(options);
        QSignalSpy ready(workspace.get(), &tb::Workspace::ready);
        workspace->start();
        REQUIRE(SignalWaiter::waitForCount(ready));
    }
};

// Record i of the generated log: newest first, ten minutes apart (so the last 24 hours hold records 0..143);
// 60% success, 20% failure (three codes, one the catalogue does not know), 10% skipped, 10% warning; 30 users;
// a cycle per 100 records.
ProvisioningLogEntry generated(int i, const QDateTime& now)
{
    ProvisioningLogEntry entry;
    entry.id = QStringLiteral("record-%1").arg(i, 5, 10, QLatin1Char('0'));
    entry.activityDateTime = now.addSecs(-600LL * i - 60);
    entry.jobId = QStringLiteral("Azure2Azure.test.job");
    entry.cycleId = QStringLiteral("cycle-%1").arg(i / 100);
    entry.changeId = QStringLiteral("change-%1").arg(i);
    entry.durationMs = 100 + (i % 50) * 37;
    const int user = i % 30;
    entry.sourceIdentity
        = {QStringLiteral("source-%1").arg(user), QStringLiteral("Test User %1").arg(user), QStringLiteral("User"),
            {{QStringLiteral("UserPrincipalName"), QStringLiteral("test.user%1@contoso.example").arg(user)}}};
    entry.targetIdentity
        = {QStringLiteral("target-%1").arg(user), QStringLiteral("Test User %1").arg(user), QStringLiteral("User"), {}};
    const int kind = i % 10;
    if (kind < 6) {
        entry.status = QStringLiteral("success");
        entry.action = i % 3 == 0 ? QStringLiteral("create") : QStringLiteral("update");
        entry.modifiedProperties
            = {{QStringLiteral("department"), QStringLiteral("Sales"), QStringLiteral("Marketing")},
                {QStringLiteral("jobTitle"), std::nullopt, QStringLiteral("Engineer")}};
    } else if (kind < 8) {
        entry.status = QStringLiteral("failure");
        entry.action = QStringLiteral("create");
        const int code = (i / 10) % 3;
        entry.error.code = code == 0 ? kConflict : (code == 1 ? kPolicy : kUnknownCode);
        entry.error.reason = code == 0
            ? QStringLiteral("The value of proxyAddresses is already used by another object.")
            : QStringLiteral("The target refused the user.");
    } else if (kind == 8) {
        entry.status = QStringLiteral("skipped");
        entry.action = QStringLiteral("other");
    } else {
        entry.status = QStringLiteral("warning");
        entry.action = QStringLiteral("disable");
    }
    using Step = ProvisioningLogEntry::Step;
    entry.steps = {Step {QStringLiteral("EntryImportAdd"), QStringLiteral("Received the user from Contoso"),
                       QStringLiteral("import"), QStringLiteral("success"), {}},
        Step {QStringLiteral("EntrySynchronizationScoping"), QStringLiteral("The user is in scope"),
            QStringLiteral("scoping"), QStringLiteral("success"),
            {{QStringLiteral("Assigned to the application"), QStringLiteral("True")}}},
        Step {QStringLiteral("EntryMatching"), QStringLiteral("No matching user in Fabrikam"),
            QStringLiteral("matching"), QStringLiteral("success"), {}},
        Step {QStringLiteral("EntryExportAdd"), QStringLiteral("Exported the user to Fabrikam"),
            QStringLiteral("export"), entry.status, {}}};
    return entry;
}

struct FilledStore
{
    QList<ProvisioningLogEntry> entries;
    qint64 setId = 0;

    FilledStore(tb::store::Database& database, int count)
    {
        LogStore store(database);
        const auto set = store.jobSet(QStringLiteral("sp-test"), QStringLiteral("Azure2Azure.test.job"));
        REQUIRE(std::holds_alternative<tb::logs::LogSet>(set));
        setId = std::get<tb::logs::LogSet>(set).id;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < count; ++i) {
            entries.append(generated(i, now));
        }
        const auto inserted = store.insert(setId, entries);
        REQUIRE(std::holds_alternative<int>(inserted));
        REQUIRE(std::get<int>(inserted) == count);
    }

    [[nodiscard]] qint64 countWhere(const std::function<bool(const ProvisioningLogEntry&)>& wanted) const
    {
        return std::count_if(entries.cbegin(), entries.cend(), wanted);
    }
};

// At the size the screenshots are taken at.
void showPage(SyncLogsPage& page, int height = 820)
{
    page.resize(1400, height);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
}

// The offline tests' set-up: generated records stored in an offline workspace's profile, then the page over it,
// shown. show() builds it, so each test picks how many records. Torn down page first, the workspace last.
struct OfflineLogsPage
{
    OfflineWorkspace offline;
    std::optional<FilledStore> filled;
    std::unique_ptr<SyncLogsPage> shownPage;

    // Stores `records` generated records first (none: the profile stays empty), then shows the page.
    SyncLogsPage& show(int records, int height = 820)
    {
        if (records > 0) {
            filled.emplace(offline.workspace->database(), records);
        }
        shownPage = std::make_unique<SyncLogsPage>(*offline.workspace);
        showPage(*shownPage, height);
        return *shownPage;
    }
};

void pickData(QComboBox* combo, const QVariant& data)
{
    const int index = combo->findData(data);
    REQUIRE(index >= 0);
    combo->setCurrentIndex(index);
}

} // namespace

TEST_CASE_METHOD(OfflineLogsPage, "The sync logs page narrows the stored logs with every filter", "[gui]")
{
    SyncLogsPage& page = show(1200);
    REQUIRE(page.currentSetId() == filled->setId);
    LogTableModel* model = page.model();
    CHECK(model->rowCount() == 1200);
    CHECK(page.emptyText().isEmpty());
    GuiTestSupport::saveScreenshot(page, QStringLiteral("sync-logs-table.png"));

    SECTION("status")
    {
        pickData(GuiTestSupport::child<QComboBox>(page, "logStatusCombo"), QStringLiteral("failure"));
        CHECK(model->rowCount() == filled->countWhere([](const auto& e) { return e.isFailure(); }));
        CHECK(model->rowCount() == 240);
        for (int row = 0; row < model->rowCount(); row += 37) {
            CHECK(model->rowAt(row)->status == QStringLiteral("failure"));
        }
    }
    SECTION("action")
    {
        pickData(GuiTestSupport::child<QComboBox>(page, "logActionCombo"), QStringLiteral("disable"));
        CHECK(model->rowCount() == filled->countWhere([](const auto& e) { return e.action == u"disable"; }));
        pickData(GuiTestSupport::child<QComboBox>(page, "logActionCombo"), QStringLiteral("create"));
        CHECK(model->rowCount() == filled->countWhere([](const auto& e) { return e.action == u"create"; }));
    }
    SECTION("time range")
    {
        pickData(GuiTestSupport::child<QComboBox>(page, "logTimeCombo"),
            static_cast<int>(SyncLogsPage::TimeRange::Last24Hours));
        const QDateTime dayAgo = QDateTime::currentDateTimeUtc().addDays(-1);
        CHECK(
            model->rowCount() == filled->countWhere([&dayAgo](const auto& e) { return e.activityDateTime >= dayAgo; }));
        CHECK(model->rowCount() == 144);
        pickData(GuiTestSupport::child<QComboBox>(page, "logTimeCombo"),
            static_cast<int>(SyncLogsPage::TimeRange::Last7Days));
        CHECK(model->rowCount() == 1008);
        // Custom: a window of exactly ten records.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        page.setTimeRange(SyncLogsPage::TimeRange::Custom, now.addSecs(-600LL * 30), now.addSecs(-600LL * 20));
        CHECK(GuiTestSupport::child<QWidget>(page, "logFromEdit")->isVisible());
        CHECK(model->rowCount() == 10);
    }
    SECTION("free text, searched as one types")
    {
        QSignalSpy applied(&page, &SyncLogsPage::queryApplied);
        auto* search = GuiTestSupport::child<QLineEdit>(page, "logSearchEdit");
        QTest::keyClicks(search, QStringLiteral("proxyAdd"));
        // Not one query per letter: nothing yet, then one query after the pause.
        CHECK(applied.isEmpty());
        CHECK(model->rowCount() == 1200);
        REQUIRE(SignalWaiter::waitForCount(applied));
        CHECK(applied.size() == 1);
        CHECK(model->rowCount() == filled->countWhere([](const auto& e) {
            return e.error.reason.contains(QStringLiteral("proxyAddresses"));
        }));
        CHECK(model->rowCount() == 80);
    }
    SECTION("error code, cycle and user, together")
    {
        QSignalSpy applied(&page, &SyncLogsPage::queryApplied);
        GuiTestSupport::child<QLineEdit>(page, "logErrorCodeEdit")->setText(kPolicy);
        GuiTestSupport::child<QLineEdit>(page, "logCycleEdit")->setText(QStringLiteral("cycle-3"));
        REQUIRE(SignalWaiter::waitForCount(applied));
        CHECK(model->rowCount()
            == filled->countWhere([](const auto& e) { return e.error.code == kPolicy && e.cycleId == u"cycle-3"; }));
        CHECK(model->rowCount() > 0);
        GuiTestSupport::child<QLineEdit>(page, "logUserEdit")->setText(QStringLiteral("test.user7@contoso.example"));
        GuiTestSupport::child<QLineEdit>(page, "logUserEdit")->returnPressed();
        CHECK(model->rowCount() == filled->countWhere([](const auto& e) {
            return e.error.code == kPolicy && e.cycleId == u"cycle-3" && e.sourceIdentity.id == u"source-7";
        }));
        // A user alone, by display name.
        GuiTestSupport::child<QPushButton>(page, "clearLogFiltersButton")->click();
        CHECK(model->rowCount() == 1200);
        GuiTestSupport::child<QLineEdit>(page, "logUserEdit")->setText(QStringLiteral("Test User 12"));
        page.applyFilters();
        CHECK(model->rowCount() == 40);
        // Nothing matches: the empty state says what to do.
        GuiTestSupport::child<QLineEdit>(page, "logErrorCodeEdit")->setText(QStringLiteral("NoSuchCode"));
        page.applyFilters();
        CHECK(model->rowCount() == 0);
        CHECK(page.emptyText().contains(QStringLiteral("No records match")));
        CHECK(GuiTestSupport::child<QLabel>(page, "logsEmptyLabel")->isVisible());
        GuiTestSupport::saveScreenshot(page, QStringLiteral("sync-logs-no-match.png"));
    }
    SECTION("sorting by a header re-queries the store")
    {
        QHeaderView* header = page.table()->horizontalHeader();
        const int x = header->sectionViewportPosition(LogTableModel::Duration) + 10;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        CHECK(model->query().sortColumn == LogQuery::SortColumn::Duration);
        const qint64 first = model->rowAt(0)->durationMs;
        const qint64 last = model->rowAt(model->rowCount() - 1)->durationMs;
        CHECK(first != last);
        const qint64 longest = 100 + 49 * 37;
        CHECK((first == longest || last == longest));
        // Sorting survives a filter.
        pickData(GuiTestSupport::child<QComboBox>(page, "logStatusCombo"), QStringLiteral("success"));
        CHECK(model->query().sortColumn == LogQuery::SortColumn::Duration);
    }
}

TEST_CASE_METHOD(OfflineLogsPage, "The sync logs table reads only the pages it shows", "[gui]")
{
    SyncLogsPage& page = show(5000);
    QCoreApplication::processEvents();
    LogTableModel* model = page.model();
    REQUIRE(model->rowCount() == 5000);
    const int pages = 5000 / LogTableModel::kPageRows;
    // The first screen: one page (two at most, should the rows shown straddle a page).
    CHECK(model->pageReads() >= 1);
    CHECK(model->pageReads() <= 2);

    // Scroll to the bottom in steps of a screen: the cache never holds more than its few pages.
    QScrollBar* bar = page.table()->verticalScrollBar();
    int maxCached = 0;
    while (bar->value() < bar->maximum()) {
        bar->setValue(bar->value() + bar->pageStep());
        QCoreApplication::processEvents();
        maxCached = std::max(maxCached, model->cachedPages());
    }
    CHECK(maxCached <= LogTableModel::kMaxPages);
    CHECK(model->pageReads() <= pages + 1);
    // Jump to the end and back: two screens, not the pages between.
    const int before = model->pageReads();
    page.table()->scrollToTop();
    QCoreApplication::processEvents();
    page.table()->scrollToBottom();
    QCoreApplication::processEvents();
    CHECK(model->pageReads() - before <= 4);
    CHECK(model->rowAt(4999)->recordId == filled->entries.last().id); // oldest last, newest first
}

TEST_CASE_METHOD(OfflineLogsPage, "Sync logs: group by error counts per code and drills down", "[gui]")
{
    SyncLogsPage& page = show(1200);
    pickData(
        GuiTestSupport::child<QComboBox>(page, "logTimeCombo"), static_cast<int>(SyncLogsPage::TimeRange::Last7Days));

    page.showErrorGroups();
    QTreeWidget* groups = page.errorGroups();
    REQUIRE(groups->isVisible());
    REQUIRE(groups->topLevelItemCount() == 3);
    const auto& catalogue = tb::sync::ErrorCatalogue::builtIn();
    const QDateTime weekAgo = QDateTime::currentDateTimeUtc().addDays(-7);
    qint64 previous = std::numeric_limits<qint64>::max();
    for (int i = 0; i < groups->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = groups->topLevelItem(i);
        const QString code = item->text(0);
        const qint64 expected
            = filled->countWhere([&](const auto& e) { return e.error.code == code && e.activityDateTime >= weekAgo; });
        CHECK(item->text(2) == QLocale().toString(expected));
        CHECK(expected <= previous); // most frequent first
        previous = expected;
        const auto explanation = catalogue.explainError(code);
        if (code == kUnknownCode) {
            CHECK(item->text(1) == QStringLiteral("(not in the catalogue)"));
        } else {
            REQUIRE(explanation.known);
            CHECK(item->text(1) == explanation.title);
        }
    }
    GuiTestSupport::saveScreenshot(page, QStringLiteral("sync-logs-by-error.png"));

    // Double-click the conflict code: the table, filtered to it (the week still applies).
    QTreeWidgetItem* conflict = groups->findItems(kConflict, Qt::MatchExactly).value(0);
    REQUIRE(conflict != nullptr);
    const QRect rect = groups->visualItemRect(conflict);
    // As a mouse sends it: a click, then the double-click.
    QTest::mouseClick(groups->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(groups->viewport(), Qt::LeftButton, {}, rect.center());
    CHECK(GuiTestSupport::child<QLineEdit>(page, "logErrorCodeEdit")->text() == kConflict);
    CHECK(GuiTestSupport::child<QTabWidget>(page, "logViews")->currentIndex() == 0);
    CHECK(page.model()->rowCount() == filled->countWhere([&](const auto& e) {
        return e.error.code == kConflict && e.activityDateTime >= weekAgo;
    }));
    CHECK(page.model()->rowAt(0)->errorCode == kConflict);
}

TEST_CASE_METHOD(
    OfflineLogsPage, "Sync logs: the detail pane explains a failure and shows its steps, changes and ids", "[gui]")
{
    SyncLogsPage& page = show(300, 860);
    tb::ui::LogRecordDetail* detail = page.detail();
    CHECK_FALSE(detail->record().has_value());

    // Record 6 is the newest failure (code 0: a conflict).
    pickData(GuiTestSupport::child<QComboBox>(page, "logStatusCombo"), QStringLiteral("failure"));
    page.table()->selectRow(0);
    REQUIRE(detail->record().has_value());
    const ProvisioningLogEntry& shown = *detail->record();
    CHECK(shown.id == QStringLiteral("record-00006"));
    CHECK(shown.error.code == kConflict);
    const auto explanation = tb::sync::ErrorCatalogue::builtIn().explainError(kConflict);
    REQUIRE(explanation.known);
    CHECK(GuiTestSupport::child<QLabel>(*detail, "logErrorTitle")->text().contains(explanation.title));
    CHECK(GuiTestSupport::child<QLabel>(*detail, "logErrorMeaning")->text() == explanation.meaning);
    CHECK(GuiTestSupport::child<QLabel>(*detail, "logErrorAction")->text().contains(explanation.action));
    CHECK(GuiTestSupport::child<QLabel>(*detail, "logErrorReason")->text().contains(QStringLiteral("proxyAddresses")));
    CHECK(GuiTestSupport::child<QWidget>(*detail, "logDetailError")->isVisible());
    auto* steps = GuiTestSupport::child<QTreeWidget>(*detail, "logDetailSteps");
    REQUIRE(steps->topLevelItemCount() == 4);
    CHECK(steps->topLevelItem(0)->text(0) == QStringLiteral("Import"));
    CHECK(steps->topLevelItem(3)->text(0) == QStringLiteral("Export"));
    CHECK(steps->topLevelItem(3)->text(1) == QStringLiteral("Failure"));
    auto* recordId = GuiTestSupport::child<QLineEdit>(*detail, "recordIdField");
    CHECK(recordId->text() == QStringLiteral("record-00006"));
    CHECK(recordId->isReadOnly());
    CHECK(GuiTestSupport::child<QLineEdit>(*detail, "changeIdField")->text() == QStringLiteral("change-6"));
    CHECK(GuiTestSupport::child<QLineEdit>(*detail, "cycleIdField")->text() == QStringLiteral("cycle-0"));
    CHECK(GuiTestSupport::child<QLineEdit>(*detail, "jobIdField")->text() == QStringLiteral("Azure2Azure.test.job"));
    GuiTestSupport::saveScreenshot(page, QStringLiteral("sync-logs-detail-failure.png"));

    // A success: old → new, no error box.
    pickData(GuiTestSupport::child<QComboBox>(page, "logStatusCombo"), QStringLiteral("success"));
    CHECK_FALSE(detail->record().has_value()); // a new query clears the pane
    page.table()->selectRow(0);
    REQUIRE(detail->record().has_value());
    CHECK_FALSE(GuiTestSupport::child<QWidget>(*detail, "logDetailError")->isVisible());
    auto* properties = GuiTestSupport::child<QTableWidget>(*detail, "logDetailProperties");
    REQUIRE(properties->rowCount() == 2);
    CHECK(properties->item(0, 1)->text() == QStringLiteral("Sales"));
    CHECK(properties->item(0, 2)->text() == QStringLiteral("Marketing"));
    CHECK(properties->item(1, 1)->text() == QStringLiteral("(none)"));
    GuiTestSupport::saveScreenshot(page, QStringLiteral("sync-logs-detail-success.png"));
}

TEST_CASE_METHOD(
    OfflineLogsPage, "Sync logs: export of the query and import of the file, and the empty states", "[gui]")
{
    SyncLogsPage& page = show(0);
    CHECK(page.emptyText().startsWith(QStringLiteral("No logs stored yet.")));
    CHECK(page.emptyText().contains(QStringLiteral("Import")));
    CHECK_FALSE(GuiTestSupport::child<QPushButton>(page, "fetchLogsButton")->isEnabled()); // not signed in
    CHECK_FALSE(GuiTestSupport::child<QPushButton>(page, "exportLogsButton")->isEnabled());
    GuiTestSupport::saveScreenshot(page, QStringLiteral("sync-logs-empty.png"));

    filled.emplace(offline.workspace->database(), 400);
    page.reloadSets();
    REQUIRE(page.model()->rowCount() == 400);
    pickData(GuiTestSupport::child<QComboBox>(page, "logStatusCombo"), QStringLiteral("failure"));
    REQUIRE(page.model()->rowCount() == 80);

    for (const auto format : {tb::logs::LogExporter::Format::Json, tb::logs::LogExporter::Format::Csv}) {
        const bool json = format == tb::logs::LogExporter::Format::Json;
        const QString path
            = offline.dir.filePath(json ? QStringLiteral("failures.json") : QStringLiteral("failures.csv"));
        QSignalSpy exported(&page, &SyncLogsPage::exportFinished);
        page.exportFile(path, format);
        CHECK(page.isBusy());
        REQUIRE(SignalWaiter::waitForCount(exported, 1, 30000));
        REQUIRE(exported.first().first().toBool());
        CHECK_FALSE(page.isBusy());

        QSignalSpy imported(&page, &SyncLogsPage::importFinished);
        page.importFile(path);
        REQUIRE(SignalWaiter::waitForCount(imported, 1, 30000));
        INFO(GuiTestSupport::child<QLabel>(page, "logsStatusLabel")->text().toStdString());
        REQUIRE(imported.first().first().toBool());
        // The new set is shown, with the filters kept: every record is a failure.
        CHECK(page.currentSetId() != filled->setId);
        CHECK(
            GuiTestSupport::child<QComboBox>(page, "logSetCombo")->currentText().contains(QFileInfo(path).fileName()));
        CHECK(page.model()->rowCount() == 80);
        pickData(GuiTestSupport::child<QComboBox>(page, "logStatusCombo"), QString());
        CHECK(page.model()->rowCount() == 80);
        pickData(GuiTestSupport::child<QComboBox>(page, "logStatusCombo"), QStringLiteral("failure"));
        page.selectSet(filled->setId);
    }
    CHECK(GuiTestSupport::child<QComboBox>(page, "logSetCombo")->count() == 3);
    GuiTestSupport::saveScreenshot(page, QStringLiteral("sync-logs-imported.png"));

    // A broken file: a clear error and no new set.
    const QString broken = offline.dir.filePath(QStringLiteral("broken.json"));
    QFile file(broken);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(R"([{"id":"a","activityDateTime":"2026-11-01T10:00:00Z","provisioningStatusInfo":{"status":"success"}},)"
               R"({"id":"b","activityDateTime":"yesterday"}])");
    file.close();
    QSignalSpy imported(&page, &SyncLogsPage::importFinished);
    page.importFile(broken);
    REQUIRE(SignalWaiter::waitForCount(imported, 1, 30000));
    CHECK_FALSE(imported.first().first().toBool());
    CHECK(GuiTestSupport::child<QComboBox>(page, "logSetCombo")->count() == 3);
    CHECK(page.findChild<QWidget*>(QStringLiteral("logsProgress"))->isHidden());
}

TEST_CASE_METHOD(OfflineLogsPage, "Sync logs: Cancel stops an import and keeps nothing of it", "[gui]")
{
    // A file of four batches (the importer's batches are 5,000 records): the cancel, clicked at once, is seen
    // after the first batch, long before the last.
    SyncLogsPage& page = show(20000);
    const QString path = offline.dir.filePath(QStringLiteral("large.json"));
    QSignalSpy exported(&page, &SyncLogsPage::exportFinished);
    page.exportFile(path, tb::logs::LogExporter::Format::Json);
    REQUIRE(SignalWaiter::waitForCount(exported, 1, 120000));
    REQUIRE(exported.first().first().toBool());
    auto* sets = GuiTestSupport::child<QComboBox>(page, "logSetCombo");
    const int setsBefore = sets->count();
    tb::logs::LogStore store(offline.workspace->database());
    const auto before = store.sets();
    REQUIRE(std::holds_alternative<QList<tb::logs::LogSet>>(before));

    QSignalSpy imported(&page, &SyncLogsPage::importFinished);
    page.importFile(path);
    auto* cancel = GuiTestSupport::child<QPushButton>(page, "cancelLogsButton");
    REQUIRE(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    REQUIRE(SignalWaiter::waitForCount(imported, 1, 120000));
    CHECK_FALSE(imported.first().first().toBool());
    auto* banner = page.findChild<tb::ui::MessageBanner*>();
    REQUIRE(banner != nullptr);
    CHECK(banner->text() == QStringLiteral("Import cancelled; nothing was imported."));
    // The status line is back to the set's count, not "Cancelling…".
    CHECK(GuiTestSupport::child<QLabel>(page, "logsStatusLabel")->text().startsWith(QStringLiteral("20")));
    CHECK_FALSE(cancel->isVisible());
    CHECK(sets->count() == setsBefore);
    const auto after = store.sets();
    REQUIRE(std::holds_alternative<QList<tb::logs::LogSet>>(after));
    CHECK(std::get<QList<tb::logs::LogSet>>(after) == std::get<QList<tb::logs::LogSet>>(before));
    // Nothing of the cancelled set is left, in the text index either.
    QSqlQuery query(offline.workspace->database().connection());
    REQUIRE(query.exec(QStringLiteral("SELECT count(*) FROM log_records")));
    REQUIRE(query.next());
    CHECK(query.value(0).toInt() == 20000);
    REQUIRE(query.exec(QStringLiteral("SELECT count(*) FROM log_fts_deferred")));
    REQUIRE(query.next());
    CHECK(query.value(0).toInt() == 0);
    CHECK(query.exec(QStringLiteral("INSERT INTO log_fts (log_fts, rank) VALUES ('integrity-check', 1)")));
}

TEST_CASE("Sync logs: Fetch reads the pair's job's logs from the sandbox, failures explained", "[gui][sandbox]")
{
    SignedInPair pair;
    const tb::setup::SetupState state = GuiTestSupport::applyOnTopologyPage(*pair.workspace);
    tb::graph::GraphClient* source = pair.workspace->setupClient(tb::model::TenantRole::Source);
    REQUIRE(source != nullptr);
    const QString spId = state.configuration->servicePrincipalId;

    // Sales assigned and the job started, one of its users failing its export; then one cycle.
    const auto principal = tb::test::GraphWait::response(
        source->send(tb::graph::GraphRequest::get(QStringLiteral("/servicePrincipals/") + spId)));
    REQUIRE(principal.has_value());
    REQUIRE(principal->isSuccess());
    const QString roleId = tb::graph::AppRoleAssignmentEndpoints::msiamAccessRoleId(principal->json());
    const tb::graph::AppRoleAssignmentEndpoints assignments(*source);
    const auto assigned = tb::test::GraphWait::response(
        assignments.addAssignment(spId, QStringLiteral("c5bc1ffd-8557-5d19-998e-54b1d616591a"), roleId));
    REQUIRE(assigned.has_value());
    REQUIRE(assigned->isSuccess());
    const auto started = tb::test::GraphWait::response(source->send(
        tb::graph::GraphRequest::post(QStringLiteral("/servicePrincipals/%1/synchronization/jobs/%2/start")
                                          .arg(spId, tb::graph::GraphRequest::pathSegment(state.configuration->jobId)),
            {})));
    REQUIRE(started.has_value());
    REQUIRE(started->isSuccess());
    QString problem;
    INFO(problem.toStdString());
    REQUIRE(pair.sandbox.provisioning().userErrors().add(
                QJsonObject {{QStringLiteral("userPrincipalNames"),
                                 QJsonArray {QStringLiteral("tomas.fernandez@contoso.onmicrosoft.com")}},
                    {QStringLiteral("code"), kConflict}, {QStringLiteral("count"), 1}},
                &problem)
        == std::optional<int>(1));
    REQUIRE(SignalWaiter::waitUntil([&pair] { return pair.sandbox.provisioning().runCycle() >= 1; }, 20000));

    SyncLogsPage page(*pair.workspace);
    page.setSetupState(state);
    showPage(page, 860);
    CHECK(page.emptyText()
        == QStringLiteral("No logs stored yet: Fetch reads them from Contoso. Import… reads a file "
                          "downloaded from the Entra admin center."));
    auto* fetchButton = GuiTestSupport::child<QPushButton>(page, "fetchLogsButton");
    REQUIRE(fetchButton->isEnabled());
    QSignalSpy fetched(&page, &SyncLogsPage::fetchFinished);
    fetchButton->click();
    CHECK(page.isBusy());
    REQUIRE(SignalWaiter::waitForCount(fetched, 1, 60000));
    REQUIRE(fetched.first().first().toBool());
    const qint64 total = page.model()->rowCount();
    CHECK(total > 5);
    CHECK(
        GuiTestSupport::child<QComboBox>(page, "logSetCombo")->currentText() == QStringLiteral("Fetched from Contoso"));

    // A second fetch finds nothing new: no duplicates.
    fetched.clear();
    fetchButton->click();
    REQUIRE(SignalWaiter::waitForCount(fetched, 1, 60000));
    CHECK(page.model()->rowCount() == total);

    // The injected failure, explained.
    pickData(GuiTestSupport::child<QComboBox>(page, "logStatusCombo"), QStringLiteral("failure"));
    REQUIRE(page.model()->rowCount() >= 1);
    page.table()->selectRow(0);
    REQUIRE(page.detail()->record().has_value());
    CHECK(page.detail()->record()->error.code == kConflict);
    CHECK(GuiTestSupport::child<QLabel>(*page.detail(), "logErrorTitle")
              ->text()
              .contains(tb::sync::ErrorCatalogue::builtIn().explainError(kConflict).title));
    GuiTestSupport::saveScreenshot(page, QStringLiteral("sync-logs-sandbox-fetch.png"));
}
