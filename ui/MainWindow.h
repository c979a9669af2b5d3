// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace tb {
class Workspace;
}

namespace tb::ui {

class ConnectPage;
class DirectoryPage;
class MessageBanner;
class RolloutPage;
class SyncLogsPage;
class TestUsersPage;
class TopologyPage;

// The main window: a navigation list on the left (Connect, Topology, Test users, Rollout, Sync logs, Directory), one
// page at a time, and a status bar with the two signed-in accounts and their cloud, and where the tenants come from.
// Owns its widgets and nothing of core: the Workspace is borrowed. GUI thread.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Workspace& workspace, QWidget* parent = nullptr);

    [[nodiscard]] ConnectPage* connectPage() const { return m_connectPage; }
    [[nodiscard]] TopologyPage* topologyPage() const { return m_topologyPage; }
    [[nodiscard]] DirectoryPage* directoryPage() const { return m_directoryPage; }
    [[nodiscard]] TestUsersPage* testUsersPage() const { return m_testUsersPage; }
    [[nodiscard]] RolloutPage* rolloutPage() const { return m_rolloutPage; }
    [[nodiscard]] SyncLogsPage* syncLogsPage() const { return m_syncLogsPage; }
    [[nodiscard]] QString accountStatusText() const;

private:
    void showWorkspaceReady();
    void showWorkspaceFailed(const QString& message);
    void showAccounts();

    Workspace& m_workspace;
    QListWidget* m_navigation;
    QStackedWidget* m_pages;
    ConnectPage* m_connectPage;
    TopologyPage* m_topologyPage;
    TestUsersPage* m_testUsersPage;
    RolloutPage* m_rolloutPage;
    SyncLogsPage* m_syncLogsPage;
    DirectoryPage* m_directoryPage;
    MessageBanner* m_banner;
    QLabel* m_sourceAccountLabel;
    QLabel* m_targetAccountLabel;
    QLabel* m_connectionLabel;
};

} // namespace tb::ui
