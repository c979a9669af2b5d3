// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/GettingStartedPanel.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace tb {
class Workspace;
}

namespace tb::ui {

class ConnectPage;
class DesktopNotifier;
class DirectoryPage;
class MessageBanner;
class RolloutPage;
class SyncLogsPage;
class TestUsersPage;
class TopologyPage;
class TroubleshootingPage;

// The main window: the getting-started guide on top, a navigation list on the left (Connect, Topology, Test users,
// Rollout, Sync logs, Directory, Troubleshooting), one page at a time, a status bar with the two signed-in accounts,
// their cloud and where the tenants come from; menus that reach every page and action with the shortcuts listed.
// Keeps its geometry (QSettings "window/geometry") and, per profile, the last page and whether the guide is hidden.
// Tells the desktop when a test sync, an apply or a rollout stage ends while it is in the background. Owns its
// widgets and nothing of core: the Workspace is borrowed. GUI thread.
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
    [[nodiscard]] TroubleshootingPage* troubleshootingPage() const { return m_troubleshootingPage; }
    [[nodiscard]] GettingStartedPanel* guide() const { return m_guide; }
    [[nodiscard]] DesktopNotifier* notifier() const { return m_notifier; }
    [[nodiscard]] QString accountStatusText() const;

    // Shows a page by its position in the navigation list (0: Connect … 6: Troubleshooting).
    void showPage(int index);
    [[nodiscard]] int currentPage() const;

    // Asks to start again on `profile` (the same one after a change of connection settings): the window closes and
    // main() starts the new process once this one has kept what it must. Empty until asked.
    [[nodiscard]] const std::optional<QString>& relaunchProfile() const { return m_relaunchProfile; }
    void relaunch(const QString& profile);

    // File > Connection settings, then the offer to restart (the settings apply from the next start).
    void editConnectionSettings();
    // File > Profiles > New profile: asks a name, then relaunch() on it.
    void createProfile();
    void showAbout();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void fillProfilesMenu();
    void watchGuideSteps();
    void showGuideStep(GettingStartedPanel::Step step);
    void setGuideShown(bool shown);
    void offerRestart();
    void restoreWindowState();
    void saveWindowState() const;
    [[nodiscard]] QString profileKey(const QString& key) const;
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
    TroubleshootingPage* m_troubleshootingPage;
    GettingStartedPanel* m_guide;
    MessageBanner* m_banner;
    QLabel* m_sourceAccountLabel;
    QLabel* m_targetAccountLabel;
    QLabel* m_connectionLabel;
    DesktopNotifier* m_notifier;
    QMenu* m_profilesMenu = nullptr;
    QAction* m_guideAction = nullptr;
    std::optional<QString> m_relaunchProfile;
};

} // namespace tb::ui
