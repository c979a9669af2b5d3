// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/JournalEntry.h"
#include "core/sync/RolloutPlan.h"
#include "tests/integration/cli/CliSession.h"

#include <QHash>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace tb::test {

// A CliSession for the rollout tests (tests/integration/cli/CliRollout*Test.cpp): its sandbox runs provisioning
// cycles only when the test asks (so a watched stage waits for the test), with the test routes and the access-token
// lifetime given; plus what those tests read back: requests the sandbox got, the configuration's assignments, and the
// profile's rollout and journal (read with the product's own store classes, while no CLI runs).
struct CliRolloutSession : CliSession
{
    // Contoso's seeded groups: the two stages the tests plan.
    static constexpr const char* kPilotStage = "Pilot=CTS Pilot";
    static constexpr const char* kWaveStage = "Wave=Engineering,Sales,CTS Wave 2";

    explicit CliRolloutSession(int accessTokenLifetimeSeconds = 3599);

    // Signs both tenants in, applies the setup and plans the two stages (REQUIREs each).
    void setUpRollout();

    // Starts tenantbridge-cli with arguments; the caller waits for it, kills it, or hands it to finishWithCycles.
    [[nodiscard]] std::unique_ptr<QProcess> start(const QStringList& arguments) const;
    // Runs a provisioning cycle now and then while the process runs (a watched stage needs one), until it ends.
    [[nodiscard]] CliRun finishWithCycles(QProcess& process);
    // start() then finishWithCycles().
    [[nodiscard]] CliRun runWithCycles(const QStringList& arguments);
    // SIGKILL (no handler, no clean-up) and wait for the process to be gone.
    static void kill(QProcess& process);

    // Replaces the sandbox's fault plan with one hold: the next `skip` matches are answered after 1 ms, the one
    // after that `ms` later (the request is handled at once: the tenant has changed, the client not heard).
    void holdAnswer(const QString& method, const QString& pathGlob, int ms, int skip = 0);
    // The hold rule set by holdAnswer() has fired.
    [[nodiscard]] bool holdFired() const;

    // Requests the sandbox logged after seq (0: all; $batch items count one each) with this method and path glob.
    [[nodiscard]] int countRequests(const QString& method, const QString& pathGlob, qint64 since = 0) const;
    [[nodiscard]] qint64 lastSeq() const;
    // POST .../appRoleAssignedTo per principal id (the body is not logged: the sandbox's assignment list tells).
    [[nodiscard]] int assignmentPosts(qint64 since = 0) const;
    // The configuration's assignments in the source now: principal id -> assignment id.
    [[nodiscard]] QHash<QString, QString> assignments() const;
    // Contoso's group id by display name.
    [[nodiscard]] QString groupId(const QString& displayName) const;
    // The admin every device code was approved as.
    [[nodiscard]] QString sourceAdmin() const;
    // POST /_sandbox/users/revoke for the source admin: the next refresh of the source account fails.
    void revokeSourceAdmin() const;

    // The newest rollout in the profile, and its journal rows (in the order written).
    [[nodiscard]] sync::RolloutPlan storedPlan() const;
    [[nodiscard]] QList<store::JournalEntry> journal(const QString& rolloutId) const;

    QString servicePrincipalId; // the configuration's, known after setUpRollout()
};

} // namespace tb::test
