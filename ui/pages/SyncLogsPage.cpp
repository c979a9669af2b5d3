// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/SyncLogsPage.h"

#include "core/Workspace.h"
#include "core/logs/LogFileExport.h"
#include "core/logs/LogFileImport.h"
#include "core/logs/LogSync.h"
#include "core/model/TenantRole.h"
#include "core/store/Database.h"
#include "core/sync/ErrorCatalogue.h"
#include "ui/models/LogTableModel.h"
#include "ui/pages/PairConfigurationReader.h"
#include "ui/widgets/LogRecordDetail.h"
#include "ui/widgets/MessageBanner.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace tb::ui {

using logs::LogQuery;
using logs::LogSet;
using model::TenantRole;

namespace {

// tr()'s count for "%Ln record(s)": an int. Stores can hold more records than that; the plural is the same beyond.
int pluralCount(qint64 count)
{
    return static_cast<int>(std::clamp<qint64>(count, 0, std::numeric_limits<int>::max()));
}

// How long typing may pause before the query runs: short enough to feel like search as you type, long enough not
// to query for every letter of a name.
constexpr int kTypingPauseMs = 250;

enum ErrorGroupColumn { GroupCode, GroupTitle, GroupCount, GroupColumnCount };

QString setText(const LogSet& set, const QString& sourceName)
{
    if (set.kind == LogSet::Kind::Import) {
        return SyncLogsPage::tr("Imported: %1 (%2)")
            .arg(set.fileName, QLocale().toString(set.importedAt.toLocalTime(), QLocale::ShortFormat));
    }
    return sourceName.isEmpty() ? SyncLogsPage::tr("Fetched logs of job %1").arg(set.jobId.left(40))
                                : SyncLogsPage::tr("Fetched from %1").arg(sourceName);
}

} // namespace

SyncLogsPage::SyncLogsPage(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_configurationReader(new PairConfigurationReader(workspace, this))
    , m_store(std::make_unique<logs::LogStore>(workspace.database()))
    , m_banner(new MessageBanner(this))
    , m_setCombo(new QComboBox(this))
    , m_statusCombo(new QComboBox(this))
    , m_actionCombo(new QComboBox(this))
    , m_timeCombo(new QComboBox(this))
    , m_fromEdit(new QDateTimeEdit(this))
    , m_toEdit(new QDateTimeEdit(this))
    , m_searchEdit(new QLineEdit(this))
    , m_errorCodeEdit(new QLineEdit(this))
    , m_cycleEdit(new QLineEdit(this))
    , m_userEdit(new QLineEdit(this))
    , m_clearButton(new QPushButton(tr("C&lear filters"), this))
    , m_fetchButton(new QPushButton(tr("&Fetch"), this))
    , m_importButton(new QPushButton(tr("&Import…"), this))
    , m_exportButton(new QPushButton(tr("E&xport…"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_statusLabel(new QLabel(this))
    , m_typingPause(new QTimer(this))
    , m_views(new QTabWidget(this))
    , m_recordsStack(new QStackedWidget(this))
    , m_emptyLabel(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new LogTableModel(*m_store, this))
    , m_detail(new LogRecordDetail(this))
    , m_errorGroups(new QTreeWidget(this))
{
    auto* title = new QLabel(tr("Sync logs"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_setCombo->setObjectName(QStringLiteral("logSetCombo"));
    m_setCombo->setAccessibleName(tr("Log set"));
    m_setCombo->setMinimumContentsLength(24);
    m_setCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_setCombo->setPlaceholderText(tr("No logs stored"));
    m_statusCombo->setObjectName(QStringLiteral("logStatusCombo"));
    m_statusCombo->setAccessibleName(tr("Status"));
    m_statusCombo->addItem(tr("Any status"), QString());
    for (const QString& status :
        {QStringLiteral("failure"), QStringLiteral("warning"), QStringLiteral("skipped"), QStringLiteral("success")}) {
        m_statusCombo->addItem(LogTableModel::statusIcon(status), LogTableModel::statusText(status), status);
    }
    m_actionCombo->setObjectName(QStringLiteral("logActionCombo"));
    m_actionCombo->setAccessibleName(tr("Action"));
    m_actionCombo->addItem(tr("Any action"), QString());
    for (const QString& action : {QStringLiteral("create"), QStringLiteral("update"), QStringLiteral("delete"),
             QStringLiteral("disable"), QStringLiteral("stageddelete"), QStringLiteral("other")}) {
        m_actionCombo->addItem(LogTableModel::actionText(action), action);
    }
    m_timeCombo->setObjectName(QStringLiteral("logTimeCombo"));
    m_timeCombo->setAccessibleName(tr("Time range"));
    m_timeCombo->addItem(tr("All time"), static_cast<int>(TimeRange::All));
    m_timeCombo->addItem(tr("Last 24 hours"), static_cast<int>(TimeRange::Last24Hours));
    m_timeCombo->addItem(tr("Last 7 days"), static_cast<int>(TimeRange::Last7Days));
    m_timeCombo->addItem(tr("Last 30 days"), static_cast<int>(TimeRange::Last30Days));
    m_timeCombo->addItem(tr("Custom…"), static_cast<int>(TimeRange::Custom));
    for (QDateTimeEdit* edit : {m_fromEdit, m_toEdit}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setVisible(false);
    }
    m_fromEdit->setObjectName(QStringLiteral("logFromEdit"));
    m_fromEdit->setAccessibleName(tr("From (local time)"));
    m_toEdit->setObjectName(QStringLiteral("logToEdit"));
    m_toEdit->setAccessibleName(tr("Until (local time)"));
    m_fromEdit->setDateTime(QDateTime::currentDateTime().addDays(-1));
    m_toEdit->setDateTime(QDateTime::currentDateTime());

    m_searchEdit->setObjectName(QStringLiteral("logSearchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search names, sign-in names, error text…"));
    m_searchEdit->setAccessibleName(tr("Search"));
    m_searchEdit->setClearButtonEnabled(true);
    m_errorCodeEdit->setObjectName(QStringLiteral("logErrorCodeEdit"));
    m_errorCodeEdit->setPlaceholderText(tr("Error code"));
    m_errorCodeEdit->setAccessibleName(tr("Error code"));
    m_errorCodeEdit->setClearButtonEnabled(true);
    m_cycleEdit->setObjectName(QStringLiteral("logCycleEdit"));
    m_cycleEdit->setPlaceholderText(tr("Cycle id"));
    m_cycleEdit->setAccessibleName(tr("Cycle id"));
    m_cycleEdit->setClearButtonEnabled(true);
    m_userEdit->setObjectName(QStringLiteral("logUserEdit"));
    m_userEdit->setPlaceholderText(tr("Source user: name, sign-in name or id"));
    m_userEdit->setAccessibleName(tr("Source user"));
    m_userEdit->setClearButtonEnabled(true);
    m_clearButton->setObjectName(QStringLiteral("clearLogFiltersButton"));

    m_fetchButton->setObjectName(QStringLiteral("fetchLogsButton"));
    m_fetchButton->setToolTip(tr("Reads the job's new provisioning logs from the source tenant into the profile."));
    m_importButton->setObjectName(QStringLiteral("importLogsButton"));
    m_importButton->setToolTip(tr("Reads a JSON or CSV file downloaded from the Entra admin center."));
    m_exportButton->setObjectName(QStringLiteral("exportLogsButton"));
    m_exportButton->setToolTip(tr("Writes the records of the current filters to a CSV or JSON file."));
    m_cancelButton->setObjectName(QStringLiteral("cancelLogsButton"));
    m_cancelButton->setVisible(false);
    m_progress->setObjectName(QStringLiteral("logsProgress"));
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->setVisible(false);
    m_progress->setMaximumWidth(220);
    m_statusLabel->setObjectName(QStringLiteral("logsStatusLabel"));

    m_typingPause->setSingleShot(true);
    m_typingPause->setInterval(kTypingPauseMs);

    m_table->setObjectName(QStringLiteral("logsTable"));
    m_table->setAccessibleName(tr("Provisioning log records"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(LogTableModel::Time, Qt::DescendingOrder);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    // Fixed row heights: the view never measures a row, so a million rows cost nothing until shown.
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    // Set widths rather than ResizeToContents, which would read rows to measure them.
    header->resizeSection(LogTableModel::Time, 140);
    header->resizeSection(LogTableModel::Status, 82);
    header->resizeSection(LogTableModel::Action, 66);
    header->resizeSection(LogTableModel::SourceUser, 125);
    header->resizeSection(LogTableModel::TargetUser, 125);
    header->resizeSection(LogTableModel::ErrorCode, 180);
    header->resizeSection(LogTableModel::Duration, 62);

    m_emptyLabel->setObjectName(QStringLiteral("logsEmptyLabel"));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setMargin(24);

    m_detail->setObjectName(QStringLiteral("logRecordDetail"));
    m_detail->setMinimumWidth(300);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({820, 560});
    splitter->setChildrenCollapsible(false);
    m_recordsStack->addWidget(m_emptyLabel);
    m_recordsStack->addWidget(splitter);

    m_errorGroups->setObjectName(QStringLiteral("logErrorGroups"));
    m_errorGroups->setAccessibleName(tr("Records per error code; double-click to list them"));
    m_errorGroups->setColumnCount(GroupColumnCount);
    m_errorGroups->setHeaderLabels({tr("Error code"), tr("What it is"), tr("Records")});
    m_errorGroups->setRootIsDecorated(false);
    m_errorGroups->setColumnWidth(GroupCode, 320);
    m_errorGroups->setColumnWidth(GroupTitle, 380);
    m_errorGroups->header()->setStretchLastSection(true);

    m_views->setObjectName(QStringLiteral("logViews"));
    m_views->addTab(m_recordsStack, tr("&Records"));
    m_views->addTab(m_errorGroups, tr("By &error"));

    auto* setRow = new QHBoxLayout;
    auto* setLabel = new QLabel(tr("&Logs:"), this);
    setLabel->setBuddy(m_setCombo);
    setRow->addWidget(setLabel);
    setRow->addWidget(m_setCombo, 1);
    setRow->addWidget(m_fetchButton);
    setRow->addWidget(m_importButton);
    setRow->addWidget(m_exportButton);
    setRow->addWidget(m_progress);
    setRow->addWidget(m_cancelButton);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_statusCombo);
    filterRow->addWidget(m_actionCombo);
    filterRow->addWidget(m_timeCombo);
    filterRow->addWidget(m_fromEdit);
    filterRow->addWidget(m_toEdit);
    filterRow->addWidget(m_searchEdit, 2);
    auto* filterRow2 = new QHBoxLayout;
    filterRow2->addWidget(m_userEdit, 2);
    filterRow2->addWidget(m_errorCodeEdit, 2);
    filterRow2->addWidget(m_cycleEdit, 2);
    filterRow2->addWidget(m_clearButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_banner);
    layout->addLayout(setRow);
    layout->addLayout(filterRow);
    layout->addLayout(filterRow2);
    layout->addWidget(m_views, 1);
    layout->addWidget(m_statusLabel);
    m_banner->hide();

    connect(m_setCombo, &QComboBox::currentIndexChanged, this, &SyncLogsPage::applyFilters);
    connect(m_statusCombo, &QComboBox::currentIndexChanged, this, &SyncLogsPage::applyFilters);
    connect(m_actionCombo, &QComboBox::currentIndexChanged, this, &SyncLogsPage::applyFilters);
    connect(m_timeCombo, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = m_timeCombo->currentData().toInt() == static_cast<int>(TimeRange::Custom);
        m_fromEdit->setVisible(custom);
        m_toEdit->setVisible(custom);
        applyFilters();
    });
    connect(m_fromEdit, &QDateTimeEdit::dateTimeChanged, m_typingPause, qOverload<>(&QTimer::start));
    connect(m_toEdit, &QDateTimeEdit::dateTimeChanged, m_typingPause, qOverload<>(&QTimer::start));
    for (QLineEdit* edit : {m_searchEdit, m_errorCodeEdit, m_cycleEdit, m_userEdit}) {
        connect(edit, &QLineEdit::textChanged, m_typingPause, qOverload<>(&QTimer::start));
        connect(edit, &QLineEdit::returnPressed, this, &SyncLogsPage::applyFilters);
    }
    connect(m_typingPause, &QTimer::timeout, this, &SyncLogsPage::applyFilters);
    connect(m_clearButton, &QPushButton::clicked, this, &SyncLogsPage::clearFilters);
    connect(m_fetchButton, &QPushButton::clicked, this, &SyncLogsPage::fetch);
    connect(m_importButton, &QPushButton::clicked, this, &SyncLogsPage::chooseImportFile);
    connect(m_exportButton, &QPushButton::clicked, this, &SyncLogsPage::chooseExportFile);
    connect(m_cancelButton, &QPushButton::clicked, this, &SyncLogsPage::cancel);
    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SyncLogsPage::showSelectedRecord);
    connect(m_model, &QAbstractItemModel::modelReset, m_detail, &LogRecordDetail::clear);
    connect(m_model, &LogTableModel::storeFailed, this, [this](const QString& message) {
        m_banner->showMessage(MessageBanner::Level::Error, tr("Could not read the logs: %1").arg(message));
    });
    connect(m_views, &QTabWidget::currentChanged, this, [this] {
        if (m_views->currentWidget() == m_errorGroups && m_errorGroupsStale) {
            readErrorGroups();
        }
    });
    connect(m_errorGroups, &QTreeWidget::itemActivated, this,
        [this](QTreeWidgetItem* item) { drillDown(item->data(GroupCode, Qt::UserRole).toString()); });
    // Not signed in: the stored and imported logs are still there to read; Fetch says what it needs.
    m_configurationReader->showReadsOn(m_statusLabel, m_banner, PairConfigurationReader::NotSignedIn::StayQuiet);
    connect(m_configurationReader, &PairConfigurationReader::finished, this, &SyncLogsPage::setSetupState);
    updateButtons();
    showEmptyState();
}

SyncLogsPage::~SyncLogsPage()
{
    // The fetch borrows the store: it goes first. A worker has its own connection but reports to this page.
    delete m_sync.data();
    if (m_worker) {
        *m_cancelWorker = true;
        m_worker->wait();
        delete m_worker.data();
    }
}

void SyncLogsPage::setSetupState(const setup::SetupState& state)
{
    const auto jobOf = [](const setup::SetupState& of) {
        return of.configuration ? of.configuration->servicePrincipalId + of.configuration->jobId : QString();
    };
    const bool sameJob = m_stateKnown && state.isValid() && jobOf(m_state) == jobOf(state);
    m_state = state;
    m_stateKnown = state.isValid();
    // The topology page reads often: the same job keeps the table, its scroll position and the selected record.
    if (!sameJob) {
        reloadSets();
    }
    updateButtons();
}

void SyncLogsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_workspace.database().isOpen() && m_sets.isEmpty()) {
        reloadSets();
    }
    m_configurationReader->readWhenShown(m_stateKnown);
}

bool SyncLogsPage::hasJob() const
{
    return m_stateKnown && PairConfigurationReader::hasJob(m_state);
}

QString SyncLogsPage::sourceName() const
{
    if (m_stateKnown) {
        return m_state.source.readableName();
    }
    const auto source = m_workspace.tenant(TenantRole::Source);
    return source ? source->readableName() : QString();
}

void SyncLogsPage::reloadSets()
{
    if (!m_workspace.database().isOpen()) {
        return;
    }
    const auto read = m_store->sets();
    if (const auto* error = std::get_if<store::StoreError>(&read)) {
        m_banner->showMessage(
            MessageBanner::Level::Error, tr("Could not read the stored logs: %1").arg(error->userMessage()));
        return;
    }
    const qint64 shown = currentSetId();
    m_sets = std::get<QList<LogSet>>(read);
    // The pair's job first, as the set one opens the page for.
    qint64 wanted = shown;
    {
        const QSignalBlocker blocker(m_setCombo);
        m_setCombo->clear();
        for (const LogSet& set : std::as_const(m_sets)) {
            const bool thisJob = hasJob() && set.kind == LogSet::Kind::Job
                && set.servicePrincipalId == m_state.configuration->servicePrincipalId;
            m_setCombo->addItem(setText(set, thisJob ? sourceName() : QString()), set.id);
            if (thisJob && shown == 0) {
                wanted = set.id;
            }
        }
        const int index = m_setCombo->findData(wanted);
        m_setCombo->setCurrentIndex(index >= 0 ? index : 0);
    }
    applyFilters();
}

bool SyncLogsPage::selectSet(qint64 setId)
{
    const int index = m_setCombo->findData(setId);
    if (index < 0) {
        return false;
    }
    if (index == m_setCombo->currentIndex()) {
        applyFilters();
    } else {
        m_setCombo->setCurrentIndex(index); // applies
    }
    return true;
}

qint64 SyncLogsPage::currentSetId() const
{
    return m_setCombo->currentIndex() >= 0 ? m_setCombo->currentData().toLongLong() : 0;
}

void SyncLogsPage::setTimeRange(TimeRange range, const QDateTime& from, const QDateTime& to)
{
    {
        const QSignalBlocker fromBlocker(m_fromEdit);
        const QSignalBlocker toBlocker(m_toEdit);
        if (from.isValid()) {
            m_fromEdit->setDateTime(from.toLocalTime());
        }
        if (to.isValid()) {
            m_toEdit->setDateTime(to.toLocalTime());
        }
    }
    const int index = m_timeCombo->findData(static_cast<int>(range));
    if (index == m_timeCombo->currentIndex()) {
        applyFilters();
    } else {
        m_timeCombo->setCurrentIndex(index);
    }
}

LogQuery SyncLogsPage::currentQuery() const
{
    LogQuery query;
    query.setId = currentSetId();
    if (const QString status = m_statusCombo->currentData().toString(); !status.isEmpty()) {
        query.statuses = {status};
    }
    if (const QString action = m_actionCombo->currentData().toString(); !action.isEmpty()) {
        query.actions = {action};
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (static_cast<TimeRange>(m_timeCombo->currentData().toInt())) {
    case TimeRange::All:
        break;
    case TimeRange::Last24Hours:
        query.from = now.addDays(-1);
        break;
    case TimeRange::Last7Days:
        query.from = now.addDays(-7);
        break;
    case TimeRange::Last30Days:
        query.from = now.addDays(-30);
        break;
    case TimeRange::Custom:
        query.from = m_fromEdit->dateTime().toUTC();
        query.to = m_toEdit->dateTime().toUTC();
        break;
    }
    query.text = m_searchEdit->text().trimmed();
    query.errorCode = m_errorCodeEdit->text().trimmed();
    query.cycleId = m_cycleEdit->text().trimmed();
    query.sourceIdentity = m_userEdit->text().trimmed();
    // The table's sort stays when the filters change.
    query.sortColumn = m_model->query().sortColumn;
    query.sortOrder = m_model->query().sortOrder;
    return query;
}

void SyncLogsPage::applyFilters()
{
    m_typingPause->stop();
    const LogQuery query = currentQuery();
    m_model->setQuery(query);
    m_errorGroupsStale = true;
    if (m_views->currentWidget() == m_errorGroups) {
        readErrorGroups();
    }
    showEmptyState();
    updateButtons();
    emit queryApplied(m_model->totalCount());
}

void SyncLogsPage::clearFilters()
{
    {
        const QSignalBlocker status(m_statusCombo);
        const QSignalBlocker action(m_actionCombo);
        const QSignalBlocker time(m_timeCombo);
        m_statusCombo->setCurrentIndex(0);
        m_actionCombo->setCurrentIndex(0);
        m_timeCombo->setCurrentIndex(0);
        for (QLineEdit* edit : {m_searchEdit, m_errorCodeEdit, m_cycleEdit, m_userEdit}) {
            const QSignalBlocker blocker(edit);
            edit->clear();
        }
    }
    m_fromEdit->setVisible(false);
    m_toEdit->setVisible(false);
    applyFilters();
}

QString SyncLogsPage::emptyText() const
{
    if (m_model->totalCount() > 0) {
        return {};
    }
    const QString source = sourceName().isEmpty() ? tr("the source tenant") : sourceName();
    if (m_sets.isEmpty()) {
        if (hasJob()) {
            return tr("No logs stored yet: Fetch reads them from %1. Import… reads a file downloaded from the Entra "
                      "admin center.")
                .arg(source);
        }
        return tr("No logs stored yet. Once the pair has a synchronization job (Topology page), Fetch reads its logs "
                  "from %1; Import… reads a file downloaded from the Entra admin center, without any sign-in.")
            .arg(source);
    }
    LogQuery unfiltered;
    unfiltered.setId = currentSetId();
    unfiltered.sortColumn = m_model->query().sortColumn;
    unfiltered.sortOrder = m_model->query().sortOrder;
    unfiltered.pageSize = LogTableModel::kPageRows;
    if (m_model->query() == unfiltered) {
        return tr("These logs have no records yet: Fetch reads them from %1 after a synchronization cycle.")
            .arg(source);
    }
    return tr("No records match these filters. Widen the time range or Clear filters.");
}

void SyncLogsPage::showEmptyState()
{
    const QString empty = emptyText();
    m_emptyLabel->setText(empty);
    m_recordsStack->setCurrentIndex(empty.isEmpty() ? 1 : 0);
    if (currentSetId() == 0) {
        m_statusLabel->clear();
        return;
    }
    m_statusLabel->setText(tr("%Ln record(s)", nullptr, pluralCount(m_model->totalCount())));
}

void SyncLogsPage::showSelectedRecord()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const std::optional<logs::LogRow> row = current.isValid() ? m_model->rowAt(current.row()) : std::nullopt;
    if (!row) {
        m_detail->clear();
        return;
    }
    const auto record = m_store->record(row->rowId);
    if (const auto* error = std::get_if<store::StoreError>(&record)) {
        m_banner->showMessage(
            MessageBanner::Level::Error, tr("Could not read the record: %1").arg(error->userMessage()));
        m_detail->clear();
        return;
    }
    const auto& entry = std::get<std::optional<model::ProvisioningLogEntry>>(record);
    if (entry) {
        m_detail->showRecord(*entry);
    } else {
        m_detail->clear();
    }
}

void SyncLogsPage::readErrorGroups()
{
    m_errorGroups->clear();
    m_errorGroupsStale = false;
    if (currentSetId() == 0) {
        return;
    }
    const auto counts = m_store->countsByErrorCode(m_model->query());
    if (const auto* error = std::get_if<store::StoreError>(&counts)) {
        m_banner->showMessage(
            MessageBanner::Level::Error, tr("Could not count the errors: %1").arg(error->userMessage()));
        return;
    }
    const sync::ErrorCatalogue& catalogue = sync::ErrorCatalogue::builtIn();
    for (const logs::ErrorCodeCount& count : std::get<QList<logs::ErrorCodeCount>>(counts)) {
        auto* item = new QTreeWidgetItem(m_errorGroups);
        const sync::ErrorCatalogue::Explanation explanation = catalogue.explainError(count.errorCode);
        item->setText(GroupCode, count.errorCode);
        item->setData(GroupCode, Qt::UserRole, count.errorCode);
        item->setIcon(GroupCode, LogTableModel::statusIcon(QStringLiteral("failure")));
        item->setText(GroupTitle, explanation.known ? explanation.title : tr("(not in the catalogue)"));
        item->setToolTip(GroupTitle, explanation.meaning);
        item->setText(GroupCount, QLocale().toString(count.count));
        item->setTextAlignment(GroupCount, Qt::AlignRight | Qt::AlignVCenter);
    }
    if (m_errorGroups->topLevelItemCount() == 0) {
        auto* item = new QTreeWidgetItem(m_errorGroups);
        item->setText(GroupCode, tr("No errors among these records."));
        item->setFlags(Qt::ItemIsEnabled);
    }
}

void SyncLogsPage::drillDown(const QString& errorCode)
{
    if (errorCode.isEmpty()) {
        return;
    }
    {
        const QSignalBlocker blocker(m_errorCodeEdit);
        m_errorCodeEdit->setText(errorCode);
    }
    m_views->setCurrentWidget(m_recordsStack);
    applyFilters();
}

void SyncLogsPage::showRecords()
{
    m_views->setCurrentWidget(m_recordsStack);
}

void SyncLogsPage::showErrorGroups()
{
    m_views->setCurrentWidget(m_errorGroups); // reads the counts when stale
}

bool SyncLogsPage::isBusy() const
{
    return (m_sync && m_sync->isRunning()) || m_worker;
}

void SyncLogsPage::updateButtons()
{
    const bool busy = isBusy();
    m_fetchButton->setEnabled(!busy && hasJob() && m_workspace.setupClient(TenantRole::Source) != nullptr);
    if (!hasJob()) {
        m_fetchButton->setToolTip(tr("Needs both tenants signed in and the pair's synchronization job."));
    }
    m_importButton->setEnabled(!busy && m_workspace.database().isOpen());
    m_exportButton->setEnabled(!busy && m_model->totalCount() > 0);
    m_cancelButton->setVisible(busy);
    m_progress->setVisible(busy);
    m_setCombo->setEnabled(!busy && !m_sets.isEmpty());
    // Nothing to filter before there are logs.
    for (QWidget* filter : std::initializer_list<QWidget*> {m_statusCombo, m_actionCombo, m_timeCombo, m_fromEdit,
             m_toEdit, m_searchEdit, m_errorCodeEdit, m_cycleEdit, m_userEdit, m_clearButton}) {
        filter->setEnabled(!m_sets.isEmpty());
    }
}

void SyncLogsPage::finishWork(const QString& message, bool error)
{
    m_progress->setVisible(false);
    updateButtons();
    showEmptyState(); // the status line said what the work was doing ("Cancelling…"); back to the set's count
    if (message.isEmpty()) {
        return;
    }
    m_banner->showMessage(error ? MessageBanner::Level::Error : MessageBanner::Level::Information, message);
}

void SyncLogsPage::fetch()
{
    graph::GraphClient* source = m_workspace.setupClient(TenantRole::Source);
    if (isBusy() || !hasJob() || source == nullptr) {
        if (!hasJob()) {
            m_banner->showMessage(
                MessageBanner::Level::Information, PairConfigurationReader::noJobMessage(m_state, tr("read its logs")));
        }
        return;
    }
    delete m_sync.data();
    m_sync = new logs::LogSync(*source, *m_store, m_workspace.database(), this);
    connect(m_sync, &logs::LogSync::progress, this, [this](int pages, int records, int newRecords) {
        m_statusLabel->setText(tr("Fetching from %1: %2, %3, %4 new")
                                   .arg(sourceName(), tr("%Ln page(s)", nullptr, pages),
                                       tr("%Ln record(s)", nullptr, records), QLocale().toString(newRecords)));
    });
    connect(m_sync, &logs::LogSync::finished, this, [this](int newRecords, qint64 setId) {
        m_sync->deleteLater();
        finishWork(newRecords == 0 ? tr("No new records in the logs of %1 since the last Fetch.").arg(sourceName())
                                   : tr("Fetched %Ln new record(s) from %1.", nullptr, newRecords).arg(sourceName()),
            false);
        reloadSets();
        selectSet(setId);
        emit fetchFinished(true);
    });
    connect(m_sync, &logs::LogSync::failed, this, [this](const QString& message) {
        const qint64 setId = m_sync->setId();
        m_sync->deleteLater();
        finishWork(message, true);
        reloadSets();
        selectSet(setId);
        emit fetchFinished(false);
    });
    if (!m_sync->fetch(m_state.configuration->servicePrincipalId, m_state.configuration->jobId)) {
        delete m_sync.data();
        return;
    }
    m_banner->hide();
    m_progress->setRange(0, 0); // pages arrive with no total
    m_statusLabel->setText(tr("Fetching from %1…").arg(sourceName()));
    updateButtons();
}

void SyncLogsPage::chooseImportFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import provisioning logs"), QString(), tr("Provisioning logs (*.json *.csv);;All files (*)"));
    if (!path.isEmpty()) {
        importFile(path);
    }
}

void SyncLogsPage::chooseExportFile()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the records shown"),
        QStringLiteral("provisioning-logs.csv"), tr("CSV (*.csv);;JSON (*.json)"), &filter);
    if (path.isEmpty()) {
        return;
    }
    const bool json = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) || filter.startsWith(u"JSON");
    exportFile(path, json ? logs::LogExporter::Format::Json : logs::LogExporter::Format::Csv);
}

void SyncLogsPage::importFile(const QString& path)
{
    if (isBusy() || !m_workspace.database().isOpen()) {
        return;
    }
    const QString databasePath = m_workspace.database().filePath();
    const QString name = QFileInfo(path).fileName();
    m_cancelWorker = std::make_shared<std::atomic_bool>(false);
    QPointer<SyncLogsPage> page(this);
    logs::LogFileImport::Options options;
    options.cancelRequested = [cancel = m_cancelWorker] { return cancel->load(); };
    options.progress = [page](qint64 bytesRead, qint64 bytesTotal, qint64 records) {
        QMetaObject::invokeMethod(
            page,
            [page, bytesRead, bytesTotal, records] {
                if (!page) {
                    return;
                }
                page->m_progress->setRange(0, bytesTotal > 0 ? 1000 : 0);
                if (bytesTotal > 0) {
                    page->m_progress->setValue(static_cast<int>(bytesRead * 1000 / bytesTotal));
                }
                page->m_statusLabel->setText(tr("Importing: %Ln record(s)", nullptr, pluralCount(records)));
            },
            Qt::QueuedConnection);
    };
    auto result = std::make_shared<logs::LogFileImport::Result>();
    m_worker = QThread::create(
        [databasePath, path, options, result] { *result = logs::LogFileImport::run(databasePath, path, options); });
    connect(m_worker, &QThread::finished, this, [this, result, name] {
        m_worker->deleteLater();
        m_worker = nullptr;
        if (result->ok) {
            finishWork(tr("Imported %Ln record(s) from %1.", nullptr, pluralCount(result->records)).arg(name), false);
            reloadSets();
            selectSet(result->setId);
        } else {
            finishWork(
                result->cancelled ? tr("Import cancelled; nothing was imported.") : result->error, !result->cancelled);
        }
        emit importFinished(result->ok);
    });
    m_banner->hide();
    m_progress->setRange(0, 0);
    m_statusLabel->setText(tr("Importing %1…").arg(name));
    m_worker->start();
    updateButtons();
}

void SyncLogsPage::exportFile(const QString& path, logs::LogExporter::Format format)
{
    if (isBusy() || m_model->query().setId == 0) {
        return;
    }
    const QString databasePath = m_workspace.database().filePath();
    const LogQuery query = m_model->query();
    const QString name = QFileInfo(path).fileName();
    m_cancelWorker = std::make_shared<std::atomic_bool>(false);
    QPointer<SyncLogsPage> page(this);
    const auto progress = [page](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            page,
            [page, done, total] {
                if (!page) {
                    return;
                }
                page->m_progress->setRange(0, 1000);
                page->m_progress->setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
                page->m_statusLabel->setText(
                    tr("Exporting: %1 of %Ln record(s)", nullptr, pluralCount(total)).arg(QLocale().toString(done)));
            },
            Qt::QueuedConnection);
    };
    logs::LogFileExport::Options options;
    options.exporter.format = format;
    options.progress = progress;
    options.cancelRequested = [cancel = m_cancelWorker] { return cancel->load(); };
    auto result = std::make_shared<logs::LogFileExport::Result>();
    m_worker = QThread::create([databasePath, query, path, options, result] {
        *result = logs::LogFileExport::run(databasePath, query, path, options);
    });
    connect(m_worker, &QThread::finished, this, [this, result, name] {
        m_worker->deleteLater();
        m_worker = nullptr;
        if (result->ok) {
            finishWork(tr("Exported %Ln record(s) to %1.", nullptr, pluralCount(result->records)).arg(name), false);
        } else {
            finishWork(result->cancelled ? tr("Export cancelled; %1 was not written.").arg(name) : result->error,
                !result->cancelled);
        }
        emit exportFinished(result->ok);
    });
    m_banner->hide();
    m_progress->setRange(0, 0);
    m_statusLabel->setText(tr("Exporting to %1…").arg(name));
    m_worker->start();
    updateButtons();
}

void SyncLogsPage::cancel()
{
    if (m_sync && m_sync->isRunning()) {
        const qint64 setId = m_sync->setId();
        m_sync->cancel(); // no signal follows
        m_sync->deleteLater();
        finishWork(tr("Fetch cancelled; what was read is kept and the next Fetch goes on from there."), false);
        reloadSets();
        selectSet(setId);
        emit fetchFinished(false);
        return;
    }
    if (m_worker && m_cancelWorker) {
        *m_cancelWorker = true; // the worker's finished() reports it
        m_statusLabel->setText(tr("Cancelling…"));
    }
}

} // namespace tb::ui
