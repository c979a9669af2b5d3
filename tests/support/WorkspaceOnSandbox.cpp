// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/WorkspaceOnSandbox.h"

#include "core/auth/SignInService.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QSignalSpy>

namespace tb::test {

WorkspaceOnSandbox::WorkspaceOnSandbox()
    : WorkspaceOnSandbox(sandboxOptions())
{ }

WorkspaceOnSandbox::WorkspaceOnSandbox(const tbsandbox::SandboxOptions& serverOptions)
    : sandbox(serverOptions)
{
    QString error;
    REQUIRE(sandbox.start(&error));
    WorkspaceOptions options;
    options.sandboxUrl = sandbox.baseUrl();
    options.sandboxInProcess = true;
    options.auth.loginHost = sandbox.baseUrl();
    options.auth.graphHost = sandbox.baseUrl();
    options.secretStorage = WorkspaceOptions::SecretStorage::MemoryOnly;
    options.databasePath = dir.filePath(QStringLiteral("gui.sqlite"));
    workspace = std::make_unique<Workspace>(options);
}

tbsandbox::SandboxOptions WorkspaceOnSandbox::sandboxOptions()
{
    tbsandbox::SandboxOptions options;
    options.autoApproveAfterMs = 0;
    options.deviceCodeIntervalSeconds = 1;
    return options;
}

QStringList WorkspaceOnSandbox::setupScopes(model::TenantRole role)
{
    return Workspace::setupScopes(role);
}

QStringList WorkspaceOnSandbox::defaultScopes(model::TenantRole)
{
    return auth::SignInService::defaultScopes();
}

void WorkspaceOnSandbox::startSignedIn(const ScopesForRole& scopes)
{
    using model::TenantRole;
    QSignalSpy ready(workspace.get(), &Workspace::ready);
    workspace->start();
    REQUIRE(SignalWaiter::waitForCount(ready));
    QSignalSpy signedIn(&workspace->signIn(), &auth::SignInService::signedIn);
    workspace->signIn().signIn(
        TenantRole::Source, QStringLiteral("contoso.onmicrosoft.com"), scopes(TenantRole::Source));
    REQUIRE(SignalWaiter::waitForCount(signedIn));
    workspace->signIn().signIn(
        TenantRole::Target, QStringLiteral("fabrikam.onmicrosoft.com"), scopes(TenantRole::Target));
    REQUIRE(SignalWaiter::waitForCount(signedIn, 2));
    REQUIRE(SignalWaiter::waitUntil([this] {
        const auto source = workspace->tenant(TenantRole::Source);
        const auto target = workspace->tenant(TenantRole::Target);
        return source && source->displayName == QStringLiteral("Contoso") && target
            && target->displayName == QStringLiteral("Fabrikam");
    }));
}

} // namespace tb::test
