// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/LogExporter.h"
#include "core/logs/LogQuery.h"
#include "core/logs/LogStore.h"
#include "core/setup/SetupState.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QThread;
class QTimer;
class QTreeWidget;

namespace tb {
class Workspace;
}

namespace tb::logs {
class LogSync;
}

namespace tb::ui {

class LogRecordDetail;
class LogTableModel;
class MessageBanner;
class PairConfigurationReader;

// "Sync logs" (issue 7): the provisioning logs kept in the profile, read offline. A filter bar picks the log set (the
// pair's job's fetched logs, or a file someone imported) and narrows it by status, action, time range, free text
// (searched as one types), error code, cycle and source user; the table under it reads its rows lazily from the
// store (LogTableModel: a million records never sit in memory) and sorts by any column; beside it the selected
// record in full (LogRecordDetail: steps, old → new, the error explained, ids to copy). "By error" counts the
// query's records per error code with the catalogue's title; double-clicking a code filters the table to it.
// Fetch reads the job's logs from the source tenant (LogSync, incremental), Import… reads a file the Entra admin
// center downloads into a new set (LogFileImport, all or nothing, on a worker thread with its own connection),
// Export… writes the current query as CSV or JSON (LogFileExport, on a worker thread too); each shows progress and can
// be cancelled. Finds the pair's configuration itself (PairConfigurationReader) unless the topology page hands its
// state over. GUI thread.
class SyncLogsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncLogsPage)

public:
    enum class TimeRange { All, Last24Hours, Last7Days, Last30Days, Custom };

    explicit SyncLogsPage(Workspace& workspace, QWidget* parent = nullptr);
    ~SyncLogsPage() override;

    // The configuration and job whose logs Fetch reads.
    void setSetupState(const setup::SetupState& state);

    // Reads the sets again and shows the job's (or the one shown before, or the first).
    void reloadSets();
    // Shows a set; false when the store has no such set.
    bool selectSet(qint64 setId);
    [[nodiscard]] qint64 currentSetId() const;
    void setTimeRange(TimeRange range, const QDateTime& from = {}, const QDateTime& to = {});
    // The query the filter bar says (the table's, once applied).
    [[nodiscard]] logs::LogQuery currentQuery() const;
    // Applies the filter bar now rather than after the typing pause.
    void applyFilters();
    // The error-code filter, then the table (what double-clicking a row of "By error" does).
    void drillDown(const QString& errorCode);
    void showRecords();
    void showErrorGroups();

    void fetch();
    void importFile(const QString& path);
    void exportFile(const QString& path, logs::LogExporter::Format format);
    // Cancels whatever runs (fetch, import or export).
    void cancel();
    [[nodiscard]] bool isBusy() const;

    [[nodiscard]] LogTableModel* model() const { return m_model; }
    [[nodiscard]] QTableView* table() const { return m_table; }
    [[nodiscard]] LogRecordDetail* detail() const { return m_detail; }
    [[nodiscard]] QTreeWidget* errorGroups() const { return m_errorGroups; }
    // The sentence of the empty state, when the table has nothing to show; empty otherwise.
    [[nodiscard]] QString emptyText() const;

signals:
    void queryApplied(qint64 total);
    void fetchFinished(bool succeeded);
    void importFinished(bool succeeded);
    void exportFinished(bool succeeded);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showSelectedRecord();
    void readErrorGroups();
    void showEmptyState();
    void updateButtons();
    void finishWork(const QString& message, bool error);
    void chooseImportFile();
    void chooseExportFile();
    void clearFilters();
    [[nodiscard]] QString sourceName() const;
    [[nodiscard]] bool hasJob() const;

    Workspace& m_workspace;
    PairConfigurationReader* m_configurationReader;
    setup::SetupState m_state;
    bool m_stateKnown = false;
    std::unique_ptr<logs::LogStore> m_store;
    QList<logs::LogSet> m_sets;
    bool m_errorGroupsStale = true;

    MessageBanner* m_banner;
    QComboBox* m_setCombo;
    QComboBox* m_statusCombo;
    QComboBox* m_actionCombo;
    QComboBox* m_timeCombo;
    QDateTimeEdit* m_fromEdit;
    QDateTimeEdit* m_toEdit;
    QLineEdit* m_searchEdit;
    QLineEdit* m_errorCodeEdit;
    QLineEdit* m_cycleEdit;
    QLineEdit* m_userEdit;
    QPushButton* m_clearButton;
    QPushButton* m_fetchButton;
    QPushButton* m_importButton;
    QPushButton* m_exportButton;
    QPushButton* m_cancelButton;
    QProgressBar* m_progress;
    QLabel* m_statusLabel;
    QTimer* m_typingPause;
    QTabWidget* m_views;
    QStackedWidget* m_recordsStack;
    QLabel* m_emptyLabel;
    QTableView* m_table;
    LogTableModel* m_model;
    LogRecordDetail* m_detail;
    QTreeWidget* m_errorGroups;

    QPointer<logs::LogSync> m_sync;
    QPointer<QThread> m_worker; // an import or export
    std::shared_ptr<std::atomic_bool> m_cancelWorker;
};

} // namespace tb::ui
