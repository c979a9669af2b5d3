// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/TenantRole.h"

#include <QGroupBox>
#include <QPointer>
#include <QTimer>

class QLabel;
class QLineEdit;
class QPushButton;

namespace tb {
class Workspace;
}

namespace tb::auth {
struct AuthError;
struct AuthorityInfo;
struct DeviceCodePrompt;
} // namespace tb::auth

namespace tb::ui {

class DeviceCodeDialog;

// One role's card on the Connect page: the tenant field (a tenant id or a verified domain, checked as it is
// typed), the cloud the tenant lives in (read from the login service before anyone signs in), the account and
// tenant name once signed in, and Sign in / Sign out. Sign-in runs in a DeviceCodeDialog. The Workspace is
// borrowed. GUI thread.
class AccountCard final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountCard)

public:
    AccountCard(Workspace& workspace, model::TenantRole role, QWidget* parent = nullptr);

    [[nodiscard]] model::TenantRole role() const { return m_role; }
    [[nodiscard]] QString tenantText() const;
    void setTenantText(const QString& text);
    [[nodiscard]] QString cloudText() const;
    [[nodiscard]] QString accountText() const;
    [[nodiscard]] QString tenantNameText() const;
    [[nodiscard]] QString problemText() const;
    // The dialog of a sign-in under way, or null.
    [[nodiscard]] DeviceCodeDialog* dialog() const;

    // Starts a sign-in to the tenant in the field (what the Sign in button does).
    void signIn();
    // Re-reads the role's state from the sign-in service and the workspace.
    void refresh();

private:
    void checkTenantText();
    void discover();
    void showDiscovered(const auth::AuthorityInfo& info, const auth::AuthError& error);
    void showPrompt(const auth::DeviceCodePrompt& prompt);
    void showSignedIn();
    void showFailed(const auth::AuthError& error);
    void showProblem(const QString& text);

    Workspace& m_workspace;
    model::TenantRole m_role;
    QLineEdit* m_tenantEdit;
    QLabel* m_problemLabel;
    QLabel* m_cloudLabel;
    QLabel* m_accountLabel;
    QLabel* m_tenantNameLabel;
    QPushButton* m_signInButton;
    QPushButton* m_signOutButton;
    QPointer<DeviceCodeDialog> m_dialog;
    QTimer m_discoverTimer; // discovery waits for a pause in typing
    QString m_discoveredTenant;
};

} // namespace tb::ui
