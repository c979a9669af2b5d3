// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/DesiredSettings.h"
#include "core/model/Tenant.h"
#include "core/sandbox/SandboxOptions.h"
#include "core/setup/PlanRunner.h"
#include "core/store/Database.h"
#include "core/store/Journal.h"
#include "tests/support/SandboxFixture.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <memory>

namespace tb::graph {
class GraphClient;
}

namespace tb::test {

// The unconfigured Contoso -> Fabrikam pair of the seeds, signed in as each tenant's admin (the fixture asks for
// .default, which holds every scope Workspace::setupScopes() names), with a journal in a temporary profile and the
// default configuration name desired. The set-up REQUIREs each step, so it must be made inside a test case. Shared by
// the setup-apply tests (SetupApplyIntegrationTest, FaultStormIntegrationTest), which derive from it for their own
// helpers; test thread only.
struct UnconfiguredPair
{
    // propagationMs: how long the sandbox hides a new service principal from listings (graph-reference.md [O]).
    explicit UnconfiguredPair(int propagationMs = 0);

    [[nodiscard]] static tbsandbox::SandboxOptions options(int propagationMs);
    // A runner that waits up to 30 s for a propagating configuration and polls every 100 ms.
    [[nodiscard]] static setup::PlanRunner::Settings runnerSettings();

    SandboxFixture fixture;
    QTemporaryDir directory;
    std::unique_ptr<store::Database> database;
    std::unique_ptr<store::Journal> journal;
    // For /_sandbox/stats.
    QNetworkAccessManager statsNetwork;
    model::Tenant source;
    model::Tenant target;
    graph::GraphClient* sourceClient = nullptr;
    graph::GraphClient* targetClient = nullptr;
    model::DesiredSettings desired;
};

} // namespace tb::test
