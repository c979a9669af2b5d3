// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/TenantRole.h"

#include <QWidget>

namespace tb {
class Workspace;
}

namespace tb::ui {

class AccountCard;
class MessageBanner;

// The first page: one card per role (source, target) to name the tenant, see its cloud and sign in, and a
// banner that says where the tenants come from (the built-in sandbox, a sandbox, Microsoft) and whether the
// sessions are remembered (the OS keychain) or kept in memory only. GUI thread; the Workspace is borrowed.
class ConnectPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectPage)

public:
    explicit ConnectPage(Workspace& workspace, QWidget* parent = nullptr);

    [[nodiscard]] AccountCard* card(model::TenantRole role) const;
    [[nodiscard]] MessageBanner* banner() const { return m_banner; }
    // Shows the workspace's state once it is ready: suggested tenants, where they come from, storage.
    void showWorkspaceReady();

signals:
    // Connection settings were saved; they apply from the next start (the window offers to restart).
    void connectionSettingsSaved();

private:
    void showStorageMode();

    Workspace& m_workspace;
    MessageBanner* m_banner;
    AccountCard* m_sourceCard;
    AccountCard* m_targetCard;
};

} // namespace tb::ui
