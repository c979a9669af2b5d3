// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Workspace.h"
#include "core/model/TenantRole.h"
#include "core/sandbox/SandboxServer.h"

#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace tb::test {

// What the GUI tests stand on: an in-process sandbox with its seed tenants that approves each device code at
// once, and a workspace on it with memory-only sessions and its database in a temporary folder. The workspace
// is made but not started, so a test can put a window on it first. Main thread.
struct WorkspaceOnSandbox
{
    using ScopesForRole = std::function<QStringList(model::TenantRole)>;

    QTemporaryDir dir;
    tbsandbox::SandboxServer sandbox {sandboxOptions()};
    std::unique_ptr<Workspace> workspace;

    WorkspaceOnSandbox();
    // With other sandbox options (sandboxOptions() changed: a short token lifetime, say).
    explicit WorkspaceOnSandbox(const tbsandbox::SandboxOptions& serverOptions);

    [[nodiscard]] static tbsandbox::SandboxOptions sandboxOptions();
    // The scopes the Topology page needs (Workspace::setupScopes), or the Connect page's (defaultScopes).
    [[nodiscard]] static QStringList setupScopes(model::TenantRole role);
    [[nodiscard]] static QStringList defaultScopes(model::TenantRole role);

    // Starts the workspace and signs in Contoso as the source and Fabrikam as the target, asking each for
    // scopes(role); returns once both tenants have their names.
    void startSignedIn(const ScopesForRole& scopes);
};

} // namespace tb::test
