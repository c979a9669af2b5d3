// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/AccountCard.h"

#include "core/Workspace.h"
#include "core/auth/Account.h"
#include "core/auth/AuthError.h"
#include "core/auth/AuthorityInfo.h"
#include "core/auth/DeviceCodePrompt.h"
#include "core/auth/SignInService.h"
#include "core/model/TenantReference.h"
#include "ui/dialogs/DeviceCodeDialog.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tb::ui {

namespace {

constexpr int kDiscoverDelayMs = 600;

QString roleTitle(model::TenantRole role)
{
    return role == model::TenantRole::Source ? AccountCard::tr("source tenant") : AccountCard::tr("target tenant");
}

} // namespace

AccountCard::AccountCard(Workspace& workspace, model::TenantRole role, QWidget* parent)
    : QGroupBox(parent)
    , m_workspace(workspace)
    , m_role(role)
    , m_tenantEdit(new QLineEdit(this))
    , m_problemLabel(new QLabel(this))
    , m_cloudLabel(new QLabel(this))
    , m_accountLabel(new QLabel(this))
    , m_tenantNameLabel(new QLabel(this))
    , m_signInButton(new QPushButton(tr("&Sign in…"), this))
    , m_signOutButton(new QPushButton(tr("Sign &out"), this))
{
    const QString name = model::tenantRoleName(role);
    setObjectName(name + QStringLiteral("Card"));
    setTitle(role == model::TenantRole::Source ? tr("Source tenant — users are copied from here")
                                               : tr("Target tenant — users are copied into here"));

    m_tenantEdit->setObjectName(name + QStringLiteral("TenantEdit"));
    m_tenantEdit->setAccessibleName(tr("%1 ID or domain").arg(roleTitle(role)));
    m_tenantEdit->setPlaceholderText(tr("Tenant ID or verified domain, e.g. contoso.onmicrosoft.com"));
    m_tenantEdit->setClearButtonEnabled(true);
    m_problemLabel->setObjectName(name + QStringLiteral("ProblemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problemLabel->setVisible(false);
    m_cloudLabel->setObjectName(name + QStringLiteral("CloudLabel"));
    m_cloudLabel->setWordWrap(true);
    m_cloudLabel->setAccessibleName(tr("Cloud of the %1").arg(roleTitle(role)));
    m_accountLabel->setObjectName(name + QStringLiteral("AccountLabel"));
    m_accountLabel->setWordWrap(true);
    m_accountLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_accountLabel->setAccessibleName(tr("Account of the %1").arg(roleTitle(role)));
    m_tenantNameLabel->setObjectName(name + QStringLiteral("TenantNameLabel"));
    m_tenantNameLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tenantNameLabel->setAccessibleName(tr("Name and ID of the %1").arg(roleTitle(role)));
    m_signInButton->setObjectName(name + QStringLiteral("SignInButton"));
    m_signOutButton->setObjectName(name + QStringLiteral("SignOutButton"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Tenant:"), m_tenantEdit);
    form->addRow(QString(), m_problemLabel);
    form->addRow(tr("Cloud:"), m_cloudLabel);
    form->addRow(tr("Account:"), m_accountLabel);
    form->addRow(tr("Name:"), m_tenantNameLabel);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_signOutButton);
    buttons->addWidget(m_signInButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);

    m_discoverTimer.setSingleShot(true);
    m_discoverTimer.setInterval(kDiscoverDelayMs);
    connect(&m_discoverTimer, &QTimer::timeout, this, &AccountCard::discover);
    connect(m_tenantEdit, &QLineEdit::textEdited, this, &AccountCard::checkTenantText);
    connect(m_tenantEdit, &QLineEdit::returnPressed, this, &AccountCard::signIn);
    connect(m_signInButton, &QPushButton::clicked, this, &AccountCard::signIn);
    connect(m_signOutButton, &QPushButton::clicked, this, [this] { m_workspace.signIn().signOut(m_role); });

    auth::SignInService& service = m_workspace.signIn();
    connect(&service, &auth::SignInService::discovered, this,
        [this](model::TenantRole which, const auth::AuthorityInfo& info, const auth::AuthError& error) {
            if (which == m_role) {
                showDiscovered(info, error);
            }
        });
    connect(&service, &auth::SignInService::promptReady, this,
        [this](model::TenantRole which, const auth::DeviceCodePrompt& prompt) {
            if (which == m_role) {
                showPrompt(prompt);
            }
        });
    connect(&service, &auth::SignInService::signedIn, this, [this](model::TenantRole which) {
        if (which == m_role) {
            showSignedIn();
        }
    });
    connect(&service, &auth::SignInService::signInFailed, this,
        [this](model::TenantRole which, const auth::AuthError& error) {
            if (which == m_role) {
                showFailed(error);
            }
        });
    connect(&service, &auth::SignInService::stateChanged, this, [this](model::TenantRole which) {
        if (which == m_role) {
            refresh();
        }
    });
    connect(&m_workspace, &Workspace::tenantsChanged, this, &AccountCard::refresh);
    refresh();
}

DeviceCodeDialog* AccountCard::dialog() const
{
    return m_dialog.data();
}

QString AccountCard::tenantText() const
{
    return m_tenantEdit->text();
}

void AccountCard::setTenantText(const QString& text)
{
    m_tenantEdit->setText(text);
    checkTenantText();
}

QString AccountCard::cloudText() const
{
    return m_cloudLabel->text();
}

QString AccountCard::accountText() const
{
    return m_accountLabel->text();
}

QString AccountCard::tenantNameText() const
{
    return m_tenantNameLabel->text();
}

QString AccountCard::problemText() const
{
    return m_problemLabel->isVisible() ? m_problemLabel->text() : QString();
}

void AccountCard::checkTenantText()
{
    QString problem;
    const auto reference = model::TenantReference::parse(m_tenantEdit->text(), &problem);
    if (!reference) {
        m_discoverTimer.stop();
        // An empty field is not an error until someone tries to sign in with it.
        showProblem(m_tenantEdit->text().trimmed().isEmpty() ? QString() : problem);
        m_cloudLabel->setText(tr("—"));
        return;
    }
    showProblem(QString());
    if (reference->text() != m_discoveredTenant) {
        m_cloudLabel->setText(tr("Looking up…"));
        m_discoverTimer.start();
    }
}

void AccountCard::discover()
{
    const auto reference = model::TenantReference::parse(m_tenantEdit->text());
    if (!reference) {
        return;
    }
    // A sign-in under way looks the tenant up itself; a second lookup would stop it.
    const auth::SignInService::State state = m_workspace.signIn().state(m_role);
    if (state == auth::SignInService::State::Discovering || state == auth::SignInService::State::WaitingForUser) {
        return;
    }
    m_discoveredTenant = reference->text();
    m_workspace.signIn().discover(m_role, reference->text());
}

void AccountCard::showDiscovered(const auth::AuthorityInfo& info, const auth::AuthError& error)
{
    if (error.isError()) {
        m_cloudLabel->setText(tr("—"));
        showProblem(error.userMessage);
        return;
    }
    showProblem(QString());
    QString text = info.cloud ? info.cloud->displayName() : tr("Unknown cloud (%1)").arg(info.loginHost.host());
    if (!info.regionScope.isEmpty()) {
        text += tr(" · region %1").arg(info.regionScope);
    }
    if (info.cloud && !info.cloud->isSupported()) {
        text += tr(" — cross-tenant synchronization is not available in this cloud");
    }
    m_cloudLabel->setText(text);
}

void AccountCard::signIn()
{
    QString problem;
    const auto reference = model::TenantReference::parse(m_tenantEdit->text(), &problem);
    if (!reference) {
        showProblem(problem);
        m_tenantEdit->setFocus();
        return;
    }
    showProblem(QString());
    m_discoverTimer.stop();
    m_discoveredTenant = reference->text();
    if (!m_dialog) {
        m_dialog = new DeviceCodeDialog(roleTitle(m_role), reference->text(), window());
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(
            m_dialog, &DeviceCodeDialog::cancelRequested, this, [this] { m_workspace.signIn().cancelSignIn(m_role); });
        connect(m_dialog, &DeviceCodeDialog::retryRequested, this, [this] {
            const auto again = model::TenantReference::parse(m_tenantEdit->text());
            if (again) {
                m_workspace.signIn().signIn(m_role, again->text());
            }
        });
    }
    m_dialog->show();
    m_workspace.signIn().signIn(m_role, reference->text());
}

void AccountCard::showPrompt(const auth::DeviceCodePrompt& prompt)
{
    if (m_dialog) {
        m_dialog->showPrompt(prompt);
    }
}

void AccountCard::showSignedIn()
{
    if (m_dialog) {
        m_dialog->accept();
    }
    refresh();
}

void AccountCard::showFailed(const auth::AuthError& error)
{
    if (error.kind == auth::AuthError::Kind::Cancelled) {
        refresh();
        return;
    }
    if (m_dialog && m_dialog->isVisible()) {
        const bool canRetry
            = error.kind != auth::AuthError::Kind::Configuration && error.kind != auth::AuthError::Kind::InvalidInput;
        m_dialog->showFailure(error.userMessage, canRetry);
    } else {
        showProblem(error.userMessage);
    }
    refresh();
}

void AccountCard::showProblem(const QString& text)
{
    m_problemLabel->setText(text);
    m_problemLabel->setVisible(!text.isEmpty());
}

void AccountCard::refresh()
{
    auth::SignInService& service = m_workspace.signIn();
    const auth::SignInService::State state = service.state(m_role);
    const std::optional<auth::Account> account = service.account(m_role);
    const std::optional<model::Tenant> tenant = m_workspace.tenant(m_role);
    const bool busy = state == auth::SignInService::State::Discovering
        || state == auth::SignInService::State::WaitingForUser || state == auth::SignInService::State::Restoring;

    if (m_tenantEdit->text().isEmpty()) {
        const QString suggestion = m_workspace.suggestedTenant(m_role);
        if (!suggestion.isEmpty()) {
            setTenantText(suggestion);
        }
    }
    if (const auto authority = service.authority(m_role); authority && account) {
        showDiscovered(*authority, {});
    }

    QString text;
    switch (state) {
    case auth::SignInService::State::SignedOut:
        text = tr("Not signed in.");
        break;
    case auth::SignInService::State::Restoring:
        text = tr("Reading the saved session…");
        break;
    case auth::SignInService::State::Discovering:
        text = tr("Looking up the tenant…");
        break;
    case auth::SignInService::State::WaitingForUser:
        text = tr("Waiting for the sign-in in the browser…");
        break;
    case auth::SignInService::State::SignedIn:
    case auth::SignInService::State::SignInRequired:
        if (account) {
            const QString who = account->displayName.isEmpty()
                ? account->username
                : tr("%1 (%2)").arg(account->displayName, account->username);
            text = state == auth::SignInService::State::SignedIn
                ? who
                : tr("%1 — the session has ended; sign in again.").arg(who);
        }
        break;
    }
    m_accountLabel->setText(text);
    if (account) {
        const QString name = tenant && !tenant->displayName.isEmpty() ? tenant->displayName : account->requestedTenant;
        m_tenantNameLabel->setText(tr("%1 (%2)").arg(name, account->tenantId));
    } else {
        m_tenantNameLabel->setText(tr("—"));
    }
    const bool signedIn = state == auth::SignInService::State::SignedIn;
    m_tenantEdit->setReadOnly(signedIn || busy);
    m_signInButton->setEnabled(!signedIn && !busy);
    m_signInButton->setText(
        state == auth::SignInService::State::SignInRequired ? tr("&Sign in again…") : tr("&Sign in…"));
    m_signOutButton->setEnabled(account.has_value() && !busy);
}

} // namespace tb::ui
