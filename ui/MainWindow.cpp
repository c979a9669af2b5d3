// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "core/Workspace.h"
#include "core/auth/Account.h"
#include "core/auth/AuthorityInfo.h"
#include "core/auth/SignInService.h"
#include "ui/pages/ConnectPage.h"
#include "ui/pages/DirectoryPage.h"
#include "ui/pages/RolloutPage.h"
#include "ui/pages/SyncLogsPage.h"
#include "ui/pages/TestUsersPage.h"
#include "ui/pages/TopologyPage.h"
#include "ui/widgets/MessageBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace tb::ui {

namespace {

// "Source: admin@contoso.onmicrosoft.com · Microsoft Entra ID (global)" or "Source: not signed in".
QString accountSummary(const Workspace& workspace, model::TenantRole role)
{
    const QString label = role == model::TenantRole::Source ? MainWindow::tr("Source") : MainWindow::tr("Target");
    const auth::SignInService& service = workspace.signIn();
    const std::optional<auth::Account> account = service.account(role);
    if (!account) {
        return MainWindow::tr("%1: not signed in").arg(label);
    }
    const std::optional<auth::AuthorityInfo> authority = service.authority(role);
    const QString cloud = authority && authority->cloud ? authority->cloud->name() : QString();
    QString text = cloud.isEmpty() ? MainWindow::tr("%1: %2").arg(label, account->username)
                                   : MainWindow::tr("%1: %2 · %3").arg(label, account->username, cloud);
    if (service.state(role) == auth::SignInService::State::SignInRequired) {
        text += MainWindow::tr(" (sign in again)");
    }
    return text;
}

} // namespace

MainWindow::MainWindow(Workspace& workspace, QWidget* parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_connectPage(new ConnectPage(workspace, this))
    , m_topologyPage(new TopologyPage(workspace, this))
    , m_testUsersPage(new TestUsersPage(workspace, this))
    , m_rolloutPage(new RolloutPage(workspace, this))
    , m_syncLogsPage(new SyncLogsPage(workspace, this))
    , m_directoryPage(new DirectoryPage(workspace, this))
    , m_banner(new MessageBanner(this))
    , m_sourceAccountLabel(new QLabel(this))
    , m_targetAccountLabel(new QLabel(this))
    , m_connectionLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("TenantBridge"));

    m_banner->setObjectName(QStringLiteral("windowBanner"));
    m_navigation->setObjectName(QStringLiteral("navigationList"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->addItem(tr("Connect"));
    m_navigation->addItem(tr("Topology"));
    m_navigation->addItem(tr("Test users"));
    m_navigation->addItem(tr("Rollout"));
    m_navigation->addItem(tr("Sync logs"));
    m_navigation->addItem(tr("Directory"));
    m_navigation->setMaximumWidth(160);
    m_pages->setObjectName(QStringLiteral("pageStack"));
    m_pages->addWidget(m_connectPage);
    m_pages->addWidget(m_topologyPage);
    m_pages->addWidget(m_testUsersPage);
    // The test users page tests against the configuration the topology page found (it reads it itself otherwise).
    connect(m_topologyPage, &TopologyPage::stateRead, this,
        [this] { m_testUsersPage->setSetupState(m_topologyPage->state()); });
    m_pages->addWidget(m_rolloutPage);
    connect(m_topologyPage, &TopologyPage::stateRead, this,
        [this] { m_rolloutPage->setSetupState(m_topologyPage->state()); });
    m_pages->addWidget(m_syncLogsPage);
    connect(m_topologyPage, &TopologyPage::stateRead, this,
        [this] { m_syncLogsPage->setSetupState(m_topologyPage->state()); });
    m_pages->addWidget(m_directoryPage);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    auto* central = new QWidget(this);
    auto* body = new QHBoxLayout;
    body->addWidget(m_navigation);
    body->addWidget(m_pages, 1);
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    layout->addLayout(body, 1);
    setCentralWidget(central);

    m_sourceAccountLabel->setObjectName(QStringLiteral("sourceAccountLabel"));
    m_targetAccountLabel->setObjectName(QStringLiteral("targetAccountLabel"));
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_connectionLabel->setText(tr("Connecting…"));
    statusBar()->addWidget(m_sourceAccountLabel);
    statusBar()->addWidget(m_targetAccountLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);

    connect(&m_workspace, &Workspace::ready, this, &MainWindow::showWorkspaceReady);
    connect(&m_workspace, &Workspace::failed, this, &MainWindow::showWorkspaceFailed);
    connect(&m_workspace, &Workspace::tenantsChanged, this, &MainWindow::showAccounts);
    connect(&m_workspace, &Workspace::tenantsChanged, m_directoryPage, &DirectoryPage::reloadTenants);
    connect(&m_workspace.signIn(), &auth::SignInService::stateChanged, this, &MainWindow::showAccounts);
    if (m_workspace.isReady()) {
        showWorkspaceReady();
    }
    showAccounts();
    resize(1240, 720);
}

QString MainWindow::accountStatusText() const
{
    return m_sourceAccountLabel->text() + QStringLiteral(" | ") + m_targetAccountLabel->text();
}

void MainWindow::showWorkspaceReady()
{
    const QString where = m_workspace.connectionDescription();
    setWindowTitle(tr("TenantBridge — %1").arg(where));
    m_connectionLabel->setText(where);
    m_connectPage->showWorkspaceReady();
    m_directoryPage->reloadTenants();
    showAccounts();
    // Signed in to both already (a session restored from the keychain): the Connect page has nothing to ask.
    const bool bothSignedIn = m_workspace.tenant(model::TenantRole::Source).has_value()
        && m_workspace.tenant(model::TenantRole::Target).has_value();
    m_navigation->setCurrentRow(bothSignedIn ? m_pages->indexOf(m_directoryPage) : 0);
}

void MainWindow::showWorkspaceFailed(const QString& message)
{
    m_banner->showMessage(MessageBanner::Level::Error, message);
    m_connectionLabel->setText(tr("Not connected"));
}

void MainWindow::showAccounts()
{
    m_sourceAccountLabel->setText(accountSummary(m_workspace, model::TenantRole::Source));
    m_targetAccountLabel->setText(accountSummary(m_workspace, model::TenantRole::Target));
}

} // namespace tb::ui
