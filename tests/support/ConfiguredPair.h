// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/SandboxOptions.h"
#include "core/store/Database.h"
#include "core/store/Journal.h"
#include "core/sync/JobMonitor.h"
#include "tests/support/SandboxFixture.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace tb::graph {
class GraphClient;
}

namespace tb::test {

// Contoso -> Fabrikam of the seeds, set up completely by the plan (as `apply` does), so the source holds a CTS
// configuration with its job, created paused (graph-reference.md 2.2). The set-up REQUIREs each step, so it must be
// made inside a test case. Shared by the sync integration tests (JobMonitor, Preview, Trace, Cleanup, SyncEndpoints,
// TestSync, Rollout), which derive from it for their own helpers; test thread only.
struct ConfiguredPair
{
    explicit ConfiguredPair(const tbsandbox::SandboxOptions& sandboxOptions = options());

    [[nodiscard]] static tbsandbox::SandboxOptions options();
    // Cycles only when a test asks for one (POST /_sandbox/synchronization/runCycle), so nothing runs behind its back.
    [[nodiscard]] static tbsandbox::SandboxOptions onDemandCycles();
    [[nodiscard]] static sync::JobMonitor::Timing fastTiming();

    // Helpers over Graph, each REQUIREing success. The id of a source user by UPN (empty when unknown).
    [[nodiscard]] QString sourceUserId(const QString& userPrincipalName) const;
    // The msiam_access role of the configuration's service principal.
    [[nodiscard]] QString msiamAccessRoleId() const;
    // Assigns a source user or group to the configuration.
    void assign(const QString& principalId) const;
    // POST .../jobs/{jobId}/start.
    void startJob() const;
    // The target's users whose mail is this one, with every property the sandbox serves.
    [[nodiscard]] QList<QJsonObject> targetUsersWithMail(const QString& mail) const;

    SandboxFixture fixture;
    QTemporaryDir directory;
    std::unique_ptr<store::Database> database;
    std::unique_ptr<store::Journal> journal;
    graph::GraphClient* sourceClient = nullptr;
    graph::GraphClient* targetClient = nullptr;
    QString sourceTenantId;
    QString targetTenantId;
    QString servicePrincipalId;
    QString jobId;
};

} // namespace tb::test
