// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "core/ProfileName.h"
#include "core/Workspace.h"
#include "core/auth/Account.h"
#include "core/auth/AuthorityInfo.h"
#include "core/auth/SignInService.h"
#include "core/setup/SetupPlan.h"
#include "core/store/Database.h"
#include "core/sync/RolloutPlan.h"
#include "ui/AppTheme.h"
#include "ui/DesktopNotifier.h"
#include "ui/ProfileSwitcher.h"
#include "ui/dialogs/AboutDialog.h"
#include "ui/dialogs/ConnectionSettingsDialog.h"
#include "ui/models/UserPreviewModel.h"
#include "ui/pages/ConnectPage.h"
#include "ui/pages/DirectoryPage.h"
#include "ui/pages/RolloutPage.h"
#include "ui/pages/SyncLogsPage.h"
#include "ui/pages/TestUsersPage.h"
#include "ui/pages/TopologyPage.h"
#include "ui/pages/TroubleshootingPage.h"
#include "ui/widgets/MessageBanner.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
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

// The navigation list's rows.
enum PageIndex {
    ConnectIndex,
    TopologyIndex,
    TestUsersIndex,
    RolloutIndex,
    SyncLogsIndex,
    DirectoryIndex,
    TroubleshootingIndex,
    PageCount
};

const QString kGeometryKey = QStringLiteral("window/geometry");

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
    , m_troubleshootingPage(new TroubleshootingPage(this))
    , m_guide(new GettingStartedPanel(this))
    , m_banner(new MessageBanner(this))
    , m_sourceAccountLabel(new QLabel(this))
    , m_targetAccountLabel(new QLabel(this))
    , m_connectionLabel(new QLabel(this))
    , m_notifier(new DesktopNotifier(this, this))
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
    m_navigation->addItem(tr("Troubleshooting"));
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
    m_pages->addWidget(m_troubleshootingPage);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(ConnectIndex);

    auto* central = new QWidget(this);
    auto* body = new QHBoxLayout;
    body->addWidget(m_navigation);
    body->addWidget(m_pages, 1);
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(m_guide);
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

    createMenus();
    watchGuideSteps();
    connect(m_connectPage, &ConnectPage::connectionSettingsSaved, this, &MainWindow::offerRestart);

    // Long tasks that end while the administrator is in another window.
    connect(m_testUsersPage, &TestUsersPage::testSyncFinished, this, [this] {
        m_notifier->notify(tr("Test sync finished"),
            tr("TenantBridge compared each tested user with the preview; the Test users page shows the outcome."));
    });
    connect(m_rolloutPage, &RolloutPage::stageFinished, this, [this](int stage, sync::RolloutStage::State state) {
        const QString name = m_rolloutPage->plan().stages.value(stage).name;
        m_notifier->notify(
            tr("Rollout stage %1 “%2”: %3").arg(stage + 1).arg(name, sync::RolloutStage::stateName(state)),
            m_rolloutPage->plan().stages.value(stage).message);
    });
    connect(m_topologyPage, &TopologyPage::applyFinished, this, [this](bool succeeded) {
        m_notifier->notify(succeeded ? tr("The plan was applied") : tr("Applying the plan stopped"),
            succeeded ? tr("Both tenants were read again; the Topology page shows what they have now.")
                      : tr("The Topology page says which step stopped and what to do."));
    });

    connect(&m_workspace, &Workspace::ready, this, &MainWindow::showWorkspaceReady);
    connect(&m_workspace, &Workspace::failed, this, &MainWindow::showWorkspaceFailed);
    connect(&m_workspace, &Workspace::tenantsChanged, this, &MainWindow::showAccounts);
    connect(&m_workspace, &Workspace::tenantsChanged, m_directoryPage, &DirectoryPage::reloadTenants);
    connect(&m_workspace.signIn(), &auth::SignInService::stateChanged, this, &MainWindow::showAccounts);
    restoreWindowState();
    if (m_workspace.isReady()) {
        showWorkspaceReady();
    }
    showAccounts();
}

QString MainWindow::accountStatusText() const
{
    return m_sourceAccountLabel->text() + QStringLiteral(" | ") + m_targetAccountLabel->text();
}

void MainWindow::showPage(int index)
{
    if (index >= 0 && index < PageCount) {
        m_navigation->setCurrentRow(index);
    }
}

int MainWindow::currentPage() const
{
    return m_navigation->currentRow();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* settings = file->addAction(tr("&Connection settings…"), this, &MainWindow::editConnectionSettings);
    settings->setObjectName(QStringLiteral("connectionSettingsAction"));
    // The platform's key for preferences; X11 desktops have none, so Ctrl+, as on the others.
    const QKeySequence preferences(QKeySequence::Preferences);
    settings->setShortcut(preferences.isEmpty() ? QKeySequence(Qt::CTRL | Qt::Key_Comma) : preferences);
    m_profilesMenu = file->addMenu(tr("&Profiles"));
    m_profilesMenu->setObjectName(QStringLiteral("profilesMenu"));
    connect(m_profilesMenu, &QMenu::aboutToShow, this, &MainWindow::fillProfilesMenu);
    fillProfilesMenu();
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("quitAction"));

    // Go: every page from the keyboard, Ctrl+1 … Ctrl+7 in the order of the list.
    QMenu* go = menuBar()->addMenu(tr("&Go"));
    for (int index = 0; index < PageCount; ++index) {
        QAction* page = go->addAction(m_navigation->item(index)->text(), this, [this, index] { showPage(index); });
        page->setObjectName(QStringLiteral("goToPage%1Action").arg(index + 1));
        page->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + index)));
    }
    go->addSeparator();
    QAction* navigation
        = go->addAction(tr("&Page list"), this, [this] { m_navigation->setFocus(Qt::ShortcutFocusReason); });
    navigation->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QMenu* colours = view->addMenu(tr("&Colours"));
    colours->setObjectName(QStringLiteral("coloursMenu"));
    auto* themes = new QActionGroup(this);
    for (const AppTheme::Theme theme :
        {AppTheme::Theme::System, AppTheme::Theme::Light, AppTheme::Theme::Dark, AppTheme::Theme::HighContrast}) {
        QAction* choice = colours->addAction(AppTheme::label(theme), this, [theme] {
            AppTheme::apply(theme);
            AppTheme::save(theme);
        });
        choice->setObjectName(QStringLiteral("theme-%1").arg(AppTheme::name(theme)));
        choice->setCheckable(true);
        choice->setChecked(AppTheme::current() == theme);
        themes->addAction(choice);
    }
    m_guideAction = view->addAction(tr("&Getting started guide"), this, &MainWindow::setGuideShown);
    m_guideAction->setObjectName(QStringLiteral("guideAction"));
    m_guideAction->setCheckable(true);
    m_guideAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* troubleshooting
        = help->addAction(tr("&Troubleshooting"), this, [this] { showPage(TroubleshootingIndex); });
    troubleshooting->setShortcut(QKeySequence::HelpContents);
    help->addAction(m_guideAction);
    help->addSeparator();
    QAction* about = help->addAction(tr("&About TenantBridge"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::fillProfilesMenu()
{
    m_profilesMenu->clear();
    const QString current = m_workspace.options().profile;
    for (const QString& profile : ProfileSwitcher::knownProfiles()) {
        QAction* choice = m_profilesMenu->addAction(profile, this, [this, profile] { relaunch(profile); });
        choice->setCheckable(true);
        choice->setChecked(profile == current);
        choice->setEnabled(profile != current);
    }
    if (!m_profilesMenu->isEmpty()) {
        m_profilesMenu->addSeparator();
    }
    QAction* create = m_profilesMenu->addAction(tr("&New profile…"), this, &MainWindow::createProfile);
    create->setObjectName(QStringLiteral("newProfileAction"));
}

void MainWindow::watchGuideSteps()
{
    using Step = GettingStartedPanel::Step;
    connect(m_guide, &GettingStartedPanel::stepChosen, this, &MainWindow::showGuideStep);
    connect(m_guide, &GettingStartedPanel::connectOwnTenantsRequested, this, &MainWindow::editConnectionSettings);
    connect(m_guide, &GettingStartedPanel::hideRequested, this, [this] { setGuideShown(false); });
    connect(m_topologyPage, &TopologyPage::stateRead, this, [this] {
        m_guide->setStepDone(Step::ReadTopology, true);
        // Nothing left to send: the pair is set up already (or was, before this session).
        m_guide->setStepDone(Step::ApplyPlan, m_topologyPage->plan().isEmpty());
    });
    connect(m_topologyPage, &TopologyPage::preflightFinished, this,
        [this] { m_guide->setStepDone(Step::RunPreflight, true); });
    connect(m_topologyPage, &TopologyPage::applyFinished, this, [this](bool succeeded) {
        if (succeeded) {
            m_guide->setStepDone(Step::ApplyPlan, true);
        }
    });
    connect(m_testUsersPage, &TestUsersPage::testSyncFinished, this,
        [this] { m_guide->setStepDone(Step::TestUsers, true); });
}

void MainWindow::showGuideStep(GettingStartedPanel::Step step)
{
    using Step = GettingStartedPanel::Step;
    switch (step) {
    case Step::SignInSource:
    case Step::SignInTarget:
        showPage(ConnectIndex);
        break;
    case Step::ReadTopology:
    case Step::ApplyPlan:
        showPage(TopologyIndex);
        break;
    case Step::RunPreflight:
        showPage(TopologyIndex);
        if (m_guide->isStepDone(Step::ReadTopology)) {
            m_topologyPage->runPreflight();
        }
        break;
    case Step::TestUsers:
        showPage(TestUsersIndex);
        break;
    }
}

void MainWindow::setGuideShown(bool shown)
{
    m_guide->setVisible(shown);
    m_guideAction->setChecked(shown);
    QSettings().setValue(profileKey(QStringLiteral("guideHidden")), !shown);
}

void MainWindow::editConnectionSettings()
{
    ConnectionSettingsDialog dialog(m_workspace.options().profile, this);
    if (dialog.exec() == QDialog::Accepted) {
        offerRestart();
    }
}

void MainWindow::offerRestart()
{
    const auto answer = QMessageBox::question(this, tr("Restart TenantBridge?"),
        tr("The new connection settings apply from the next start. Restart TenantBridge now? Sign-ins you keep in "
           "the keychain stay."),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
        relaunch(m_workspace.options().profile);
    }
}

void MainWindow::createProfile()
{
    QString problem;
    QString name;
    for (;;) {
        bool accepted = false;
        const QString label = problem.isEmpty()
            ? tr("A profile keeps its own tenant pair, sign-ins, connection settings and data.\nName:")
            : problem + QStringLiteral("\n") + tr("Name:");
        name = QInputDialog::getText(this, tr("New profile"), label, QLineEdit::Normal, name, &accepted).trimmed();
        if (!accepted) {
            return;
        }
        const std::optional<QString> nameProblem = ProfileName::problem(name);
        if (!nameProblem) {
            break;
        }
        problem = *nameProblem;
    }
    relaunch(name);
}

void MainWindow::relaunch(const QString& profile)
{
    QStringList running;
    if (m_topologyPage->isApplying()) {
        running.append(tr("applying the plan"));
    }
    if (m_testUsersPage->isBusy()) {
        running.append(tr("a preview or test sync"));
    }
    if (m_rolloutPage->isBusy()) {
        running.append(tr("a rollout stage"));
    }
    if (m_syncLogsPage->isBusy()) {
        running.append(tr("fetching, importing or exporting logs"));
    }
    if (!running.isEmpty()) {
        const auto answer = QMessageBox::question(this, tr("Stop what is running?"),
            tr("TenantBridge is still busy with %1. Starting again stops it: an apply is offered for resuming from "
               "its journal, a rollout continues from its saved plan, anything else must be started again. Start "
               "again now?")
                .arg(running.join(QStringLiteral("; "))),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            return;
        }
    }
    m_relaunchProfile = profile;
    close();
}

void MainWindow::showAbout()
{
    const QString dataFolder = QFileInfo(m_workspace.database().filePath()).absolutePath();
    AboutDialog dialog(m_workspace.options().profile, dataFolder, this);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

QString MainWindow::profileKey(const QString& key) const
{
    return QStringLiteral("profiles/%1/window/%2").arg(m_workspace.options().profile, key);
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        resize(1240, 720);
    }
    const bool hidden = settings.value(profileKey(QStringLiteral("guideHidden")), false).toBool();
    m_guide->setVisible(!hidden);
    m_guideAction->setChecked(!hidden);
    m_guide->setSampleTenants(m_workspace.options().sandboxInProcess);
    ProfileSwitcher::noteUsed(m_workspace.options().profile);
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(profileKey(QStringLiteral("lastPage")), currentPage());
}

void MainWindow::showWorkspaceReady()
{
    const QString where = m_workspace.connectionDescription();
    // With more than one profile, the title says which one this window serves.
    const QString profile = m_workspace.options().profile;
    setWindowTitle(profile == QStringLiteral("default") ? tr("TenantBridge — %1").arg(where)
                                                        : tr("TenantBridge — %1 — %2").arg(profile, where));
    m_connectionLabel->setText(where);
    m_connectPage->showWorkspaceReady();
    m_directoryPage->reloadTenants();
    showAccounts();
    // Signed in to both already (a session restored from the keychain): the Connect page has nothing to ask, so the
    // page of last time (the Directory the first time).
    const bool bothSignedIn = m_workspace.tenant(model::TenantRole::Source).has_value()
        && m_workspace.tenant(model::TenantRole::Target).has_value();
    const int lastPage = QSettings().value(profileKey(QStringLiteral("lastPage")), int(DirectoryIndex)).toInt();
    showPage(bothSignedIn ? (lastPage > ConnectIndex && lastPage < PageCount ? lastPage : int(DirectoryIndex))
                          : int(ConnectIndex));
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
    const auth::SignInService& service = m_workspace.signIn();
    for (const model::TenantRole role : {model::TenantRole::Source, model::TenantRole::Target}) {
        const bool signedIn
            = service.account(role).has_value() && service.state(role) != auth::SignInService::State::SignInRequired;
        m_guide->setStepDone(role == model::TenantRole::Source ? GettingStartedPanel::Step::SignInSource
                                                               : GettingStartedPanel::Step::SignInTarget,
            signedIn);
    }
}

} // namespace tb::ui
