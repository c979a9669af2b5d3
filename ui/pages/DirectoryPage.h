// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTableView;

namespace tb {
class Workspace;
}

namespace tb::setup {
class UserListing;
}

namespace tb::ui {

class DirectoryUserModel;
class MessageBanner;
class TenantListModel;

// The tenants of the workspace on the left, the users of the selected one on the right, with a search box
// and a group box. Reads through core's UserListing; holds no Graph code. GUI thread.
class DirectoryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DirectoryPage)

public:
    static constexpr int kUserLimit = 500;

    explicit DirectoryPage(Workspace& workspace, QWidget* parent = nullptr);

    // Fills the tenant list from the workspace and selects the first tenant.
    void reloadTenants();
    [[nodiscard]] bool isLoading() const;

signals:
    // A listing ended; for tests and the status bar.
    void usersLoaded(int count);

private:
    void loadUsers();
    void showListingOutcome(const QString& tenantName);

    Workspace& m_workspace;
    TenantListModel* m_tenantModel;
    DirectoryUserModel* m_userModel;
    QListView* m_tenantView;
    QTableView* m_userView;
    QLineEdit* m_searchEdit;
    QLineEdit* m_groupEdit;
    QPushButton* m_searchButton;
    QLabel* m_summaryLabel;
    MessageBanner* m_banner;
    QPointer<setup::UserListing> m_listing;
};

} // namespace tb::ui
