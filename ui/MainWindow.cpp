// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "core/Workspace.h"
#include "ui/pages/DirectoryPage.h"
#include "ui/widgets/MessageBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace tb::ui {

MainWindow::MainWindow(Workspace& workspace, QWidget* parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_directoryPage(new DirectoryPage(workspace, this))
    , m_banner(new MessageBanner(this))
    , m_connectionLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("TenantBridge"));

    m_banner->setObjectName(QStringLiteral("windowBanner"));
    m_navigation->setObjectName(QStringLiteral("navigationList"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->addItem(tr("Directory"));
    m_navigation->setMaximumWidth(160);
    m_pages->setObjectName(QStringLiteral("pageStack"));
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

    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_connectionLabel->setText(tr("Connecting…"));
    statusBar()->addPermanentWidget(m_connectionLabel);

    connect(&m_workspace, &Workspace::ready, this, &MainWindow::showWorkspaceReady);
    connect(&m_workspace, &Workspace::failed, this, &MainWindow::showWorkspaceFailed);
    if (m_workspace.isReady()) {
        showWorkspaceReady();
    }
    resize(1240, 720);
}

void MainWindow::showWorkspaceReady()
{
    const QString where = m_workspace.connectionDescription();
    setWindowTitle(tr("TenantBridge — %1").arg(where));
    m_connectionLabel->setText(
        tr("%1 · %n tenant(s)", nullptr, static_cast<int>(m_workspace.tenants().size())).arg(where));
    m_directoryPage->reloadTenants();
}

void MainWindow::showWorkspaceFailed(const QString& message)
{
    m_banner->showMessage(MessageBanner::Level::Error, message);
    m_connectionLabel->setText(tr("Not connected"));
}

} // namespace tb::ui
