// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/DirectoryPage.h"

#include "core/Workspace.h"
#include "core/graph/GraphError.h"
#include "core/setup/UserListing.h"
#include "ui/models/DirectoryUserModel.h"
#include "ui/models/TenantListModel.h"
#include "ui/widgets/MessageBanner.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace tb::ui {

DirectoryPage::DirectoryPage(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_tenantModel(new TenantListModel(this))
    , m_userModel(new DirectoryUserModel(this))
    , m_tenantView(new QListView(this))
    , m_userView(new QTableView(this))
    , m_searchEdit(new QLineEdit(this))
    , m_groupEdit(new QLineEdit(this))
    , m_searchButton(new QPushButton(tr("&Show users"), this))
    , m_summaryLabel(new QLabel(this))
    , m_banner(new MessageBanner(this))
{
    m_banner->setObjectName(QStringLiteral("directoryBanner"));
    m_tenantView->setObjectName(QStringLiteral("tenantList"));
    m_tenantView->setAccessibleName(tr("Tenants"));
    m_tenantView->setModel(m_tenantModel);
    m_tenantView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tenantView->setSpacing(2);

    m_userView->setObjectName(QStringLiteral("userTable"));
    m_userView->setAccessibleName(tr("Users of the selected tenant"));
    m_userView->setModel(m_userModel);
    m_userView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_userView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_userView->setAlternatingRowColors(true);
    m_userView->setWordWrap(false);
    m_userView->verticalHeader()->hide();
    m_userView->verticalHeader()->setDefaultSectionSize(m_userView->fontMetrics().height() + 8);
    m_userView->horizontalHeader()->setStretchLastSection(true);
    m_userView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    m_searchEdit->setObjectName(QStringLiteral("userSearchEdit"));
    m_searchEdit->setPlaceholderText(tr("Name, mail or sign-in name starts with…"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->setAccessibleName(tr("Search users"));
    m_groupEdit->setObjectName(QStringLiteral("groupNameEdit"));
    m_groupEdit->setPlaceholderText(tr("Group name, e.g. CTS Pilot"));
    m_groupEdit->setClearButtonEnabled(true);
    m_groupEdit->setAccessibleName(tr("Only members of this group"));
    m_searchButton->setObjectName(QStringLiteral("showUsersButton"));
    m_summaryLabel->setObjectName(QStringLiteral("userSummaryLabel"));

    auto* filters = new QFormLayout;
    filters->addRow(tr("&Search:"), m_searchEdit);
    filters->addRow(tr("&Group:"), m_groupEdit);
    auto* filterRow = new QHBoxLayout;
    filterRow->addLayout(filters, 1);
    filterRow->addWidget(m_searchButton, 0, Qt::AlignBottom);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(filterRow);
    rightLayout->addWidget(m_userView, 1);
    rightLayout->addWidget(m_summaryLabel);

    auto* tenantsLabel = new QLabel(tr("&Tenants"), this);
    tenantsLabel->setBuddy(m_tenantView);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(tenantsLabel);
    leftLayout->addWidget(m_tenantView, 1);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({310, 800});

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);

    connect(m_searchButton, &QPushButton::clicked, this, &DirectoryPage::loadUsers);
    connect(m_searchEdit, &QLineEdit::returnPressed, this, &DirectoryPage::loadUsers);
    connect(m_groupEdit, &QLineEdit::returnPressed, this, &DirectoryPage::loadUsers);
    connect(m_tenantView->selectionModel(), &QItemSelectionModel::currentChanged, this, &DirectoryPage::loadUsers);
}

void DirectoryPage::reloadTenants()
{
    // Keep the tenant the person was looking at (a sign-in of the other role, or a name arriving, changes the list
    // without changing what they chose): its users are not read again.
    const model::Tenant* before = m_tenantModel->tenantAt(m_tenantView->currentIndex().row());
    const QString selectedId = before ? before->id : QString();
    const QList<model::Tenant> tenants = m_workspace.tenants();
    int row = 0;
    for (int i = 0; i < tenants.size(); ++i) {
        if (tenants.at(i).id == selectedId) {
            row = i;
        }
    }
    const QSignalBlocker blocker(m_tenantView->selectionModel());
    m_tenantModel->setTenants(tenants);
    if (m_tenantModel->rowCount() == 0) {
        m_userModel->clear();
        return;
    }
    m_tenantView->setCurrentIndex(m_tenantModel->index(row));
    if (tenants.at(row).id != selectedId) {
        loadUsers();
    }
}

bool DirectoryPage::isLoading() const
{
    return !m_listing.isNull();
}

void DirectoryPage::loadUsers()
{
    const model::Tenant* tenant = m_tenantModel->tenantAt(m_tenantView->currentIndex().row());
    if (!tenant) {
        return;
    }
    if (m_listing) {
        // A newer question replaces the running one; its late pages must not land in the table.
        m_listing->disconnect(this);
        m_listing->cancel();
        m_listing->deleteLater();
    }
    graph::DirectoryEndpoints* directory = m_workspace.directory(tenant->id);
    if (!directory) {
        m_banner->showMessage(MessageBanner::Level::Error,
            tr("%1 is not connected. Restart TenantBridge to connect again.").arg(tenant->displayName));
        return;
    }
    m_banner->hide();
    m_userModel->clear();
    m_summaryLabel->setText(tr("Loading users of %1…").arg(tenant->displayName));

    setup::UserListingQuery query;
    query.searchText = m_searchEdit->text().trimmed();
    query.groupName = m_groupEdit->text().trimmed();
    query.limit = kUserLimit;
    auto* listing = new setup::UserListing(*directory, query, this);
    m_listing = listing;
    connect(listing, &setup::UserListing::usersReceived, this,
        [this](const QList<model::DirectoryUser>& users) { m_userModel->appendUsers(users); });
    const QString tenantName = tenant->displayName;
    connect(listing, &setup::UserListing::finished, this, [this, listing, tenantName](const graph::GraphError& error) {
        if (error.isError()) {
            m_banner->showMessage(MessageBanner::Level::Error, error.userMessage());
            m_summaryLabel->setText(tr("Could not list the users of %1.").arg(tenantName));
        } else if (listing->isGroupMissing()) {
            m_banner->showMessage(MessageBanner::Level::Warning,
                tr("%1 has no group named \"%2\". Check the spelling, or clear the group box to "
                   "see all users.")
                    .arg(tenantName, m_groupEdit->text().trimmed()));
            m_summaryLabel->clear();
        } else {
            showListingOutcome(tenantName);
        }
        listing->deleteLater();
        m_userView->resizeColumnsToContents();
        emit usersLoaded(m_userModel->rowCount());
    });
    listing->start();
}

void DirectoryPage::showListingOutcome(const QString& tenantName)
{
    const int count = m_userModel->rowCount();
    if (count == 0) {
        m_summaryLabel->setText(tr("No user of %1 matches.").arg(tenantName));
    } else if (count >= kUserLimit) {
        m_summaryLabel->setText(
            tr("Showing the first %Ln user(s) of %1; narrow the search to see others.", nullptr, count)
                .arg(tenantName));
    } else {
        m_summaryLabel->setText(tr("%n user(s) of %1.", nullptr, count).arg(tenantName));
    }
}

} // namespace tb::ui
