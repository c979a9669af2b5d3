// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/ConnectPage.h"

#include "core/Workspace.h"
#include "core/auth/SignInService.h"
#include "ui/dialogs/ConnectionSettingsDialog.h"
#include "ui/widgets/AccountCard.h"
#include "ui/widgets/MessageBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tb::ui {

ConnectPage::ConnectPage(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_banner(new MessageBanner(this))
    , m_sourceCard(new AccountCard(workspace, model::TenantRole::Source, this))
    , m_targetCard(new AccountCard(workspace, model::TenantRole::Target, this))
{
    setObjectName(QStringLiteral("connectPage"));
    m_banner->setObjectName(QStringLiteral("connectBanner"));

    auto* heading = new QLabel(tr("<h2>Connect to both tenants</h2>"), this);
    auto* intro = new QLabel(tr("Cross-tenant synchronization copies users from the source tenant into the target "
                                "tenant. Type each tenant's ID or one of its verified domains: TenantBridge shows the "
                                "cloud it lives in, then you sign in with a code in your browser. Use an account that "
                                "may change cross-tenant access settings in each tenant (for example Security "
                                "Administrator); the next pages say which roles each step needs."),
        this);
    intro->setWordWrap(true);

    auto* cards = new QHBoxLayout;
    cards->addWidget(m_sourceCard, 1);
    auto* arrow = new QLabel(QStringLiteral("→"), this);
    arrow->setAccessibleName(tr("copies users into"));
    QFont arrowFont = arrow->font();
    arrowFont.setPointSizeF(arrowFont.pointSizeF() * 2.5);
    arrow->setFont(arrowFont);
    cards->addWidget(arrow);
    cards->addWidget(m_targetCard, 1);

    auto* settingsButton = new QPushButton(tr("Connection &settings…"), this);
    settingsButton->setObjectName(QStringLiteral("connectionSettingsButton"));
    settingsButton->setToolTip(tr("Choose the sandbox, a Microsoft cloud or private hosts, and the client id"));
    connect(settingsButton, &QPushButton::clicked, this, [this] {
        ConnectionSettingsDialog dialog(m_workspace.options().profile, this);
        if (dialog.exec() == QDialog::Accepted) {
            emit connectionSettingsSaved();
        }
    });
    auto* footer = new QHBoxLayout;
    footer->addStretch(1);
    footer->addWidget(settingsButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(intro);
    layout->addWidget(m_banner);
    layout->addLayout(cards);
    layout->addLayout(footer);
    layout->addStretch(1);

    connect(&m_workspace.signIn(), &auth::SignInService::storageModeChanged, this, &ConnectPage::showStorageMode);
}

AccountCard* ConnectPage::card(model::TenantRole role) const
{
    return role == model::TenantRole::Source ? m_sourceCard : m_targetCard;
}

void ConnectPage::showWorkspaceReady()
{
    m_sourceCard->refresh();
    m_targetCard->refresh();
    showStorageMode();
}

void ConnectPage::showStorageMode()
{
    const auth::SignInService& service = m_workspace.signIn();
    if (service.isMemoryOnly()) {
        m_banner->showMessage(MessageBanner::Level::Warning, service.storageWarning());
        return;
    }
    if (m_workspace.options().sandboxInProcess) {
        m_banner->showMessage(MessageBanner::Level::Information,
            tr("You are using the built-in sandbox: sample tenants that live only on this computer. Its sign-in page "
               "approves each code as the tenant's administrator after a few seconds. To use your own tenants, start "
               "TenantBridge with --cloud, or choose a cloud in Connection settings."));
        return;
    }
    if (m_workspace.usesSandbox()) {
        m_banner->showMessage(MessageBanner::Level::Information,
            tr("You are using the sandbox at %1: its tenants are emulated.")
                .arg(m_workspace.options().sandboxUrl.toDisplayString()));
        return;
    }
    m_banner->hide();
}

} // namespace tb::ui
