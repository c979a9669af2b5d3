// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/setup/SetupState.h"
#include "core/sync/TestSyncOutcome.h"
#include "core/sync/UserPreview.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QMessageBox;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace tb {
class Workspace;
}

namespace tb::setup {
class UserListing;
} // namespace tb::setup

namespace tb::sync {
class Preview;
class TestSync;
class TestSyncStore;
} // namespace tb::sync

namespace tb::ui {

class MessageBanner;
class PairConfigurationReader;
class TestSyncHistoryList;
class UserPreviewDetail;
class UserPreviewModel;

// "Test with a few users first" (issue 6): the administrator lists a handful of source users (typed or pasted
// sign-in names, an imported list, search results or a group's members), previews what sync would do to each
// (no writes: core's Preview), then runs a real test sync of just those users (core's TestSync, after a
// confirmation naming the target and the counts) and sees, per user, whether reality matched the preview and
// whether every attribute their target needs arrived. The attributes the target needs are kept per profile.
// Finds the pair's configuration and job itself (PairConfigurationReader) unless the topology page hands its state
// over. GUI thread.
class TestUsersPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestUsersPage)

public:
    explicit TestUsersPage(Workspace& workspace, QWidget* parent = nullptr);
    ~TestUsersPage() override;

    // What the topology page read: the configuration and job to test against.
    void setSetupState(const setup::SetupState& state);
    // The users as listed (one per line; blank lines and # comments left out).
    [[nodiscard]] QStringList listedUsers() const;
    void setListedUsers(const QStringList& users);
    // Reads a file of sign-in names or object ids (one per line, or a CSV with a userPrincipalName column, as the
    // Entra admin center's bulk files have) into the list; false with a sentence in problem.
    bool importList(const QString& filePath, QString* problem);

    void preview();
    // Asks first (returns with the confirmation open); testSyncConfirmation() is it, for tests.
    void testSync();
    void cancel();
    [[nodiscard]] bool isBusy() const;
    [[nodiscard]] QMessageBox* testSyncConfirmation() const { return m_confirmation; }
    [[nodiscard]] UserPreviewModel* model() const { return m_model; }
    // "Why not synced?": opens a TraceDialog for the selected row's user, or asks for a user first (an input dialog,
    // opened window-modal) when no row is selected.
    void traceUser();

    // History: the earlier test syncs kept in the profile. Shown, it lists them (read again each time); picking one
    // shows its users' outcomes in the table and detail pane, read-only, until showCurrentList().
    void showHistory(bool shown);
    [[nodiscard]] TestSyncHistoryList* history() const { return m_history; }
    void showRun(const QString& runId);
    void showCurrentList();
    // The run the table shows, empty while it shows the current list.
    [[nodiscard]] const QString& shownRunId() const { return m_shownRunId; }
    // What the table shows: the current list, or the picked run's users.
    [[nodiscard]] UserPreviewModel* shownModel() const;

signals:
    void previewFinished(int users);
    void testSyncFinished(const QString& runId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void addFromDirectory(bool groupMembers);
    void startTestSync();
    void showSelected();
    void saveRequiredAttributes();
    void showStoredRequiredAttributes();
    void updateButtons();
    void reloadHistory();
    void showModel(UserPreviewModel* model);
    [[nodiscard]] QStringList requiredAttributes() const;
    [[nodiscard]] bool hasJob() const;

    Workspace& m_workspace;
    PairConfigurationReader* m_configurationReader;
    setup::SetupState m_state;
    bool m_stateKnown = false;
    MessageBanner* m_banner;
    QPlainTextEdit* m_usersEdit;
    QLineEdit* m_findEdit;
    QPushButton* m_addFoundButton;
    QPushButton* m_addGroupButton;
    QPushButton* m_importButton;
    QLineEdit* m_requiredEdit;
    QPushButton* m_previewButton;
    QPushButton* m_testSyncButton;
    QPushButton* m_cancelButton;
    QProgressBar* m_progress;
    QLabel* m_progressLabel;
    QLabel* m_summary;
    UserPreviewModel* m_model;
    QTableView* m_table;
    UserPreviewDetail* m_detail;
    QPointer<setup::UserListing> m_listing;
    QPointer<sync::Preview> m_preview;
    QPointer<sync::TestSync> m_testSync;
    QPointer<QMessageBox> m_confirmation;
    std::unique_ptr<sync::TestSyncStore> m_store;
    // History (showHistory).
    QPushButton* m_historyButton = nullptr;
    QPushButton* m_backButton = nullptr;
    TestSyncHistoryList* m_history = nullptr;
    UserPreviewModel* m_runModel = nullptr; // the shown run's users
    QString m_shownRunId;
    QString m_currentSummary; // the summary of the current list, while a run is shown
};

} // namespace tb::ui
