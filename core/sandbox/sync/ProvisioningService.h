// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/sync/InjectedUserErrors.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace tbsandbox {

class TenantState;
class World;
struct SandboxOptions;
struct ServicePrincipalRecord;

// The cross-tenant synchronization service (graph-reference 2.2, 2.3, 2.7, 3, 4, 5.4, 9.1 and 10): runs the cycles
// of every active CTS job, moving the source's users in scope into the target named by the CompanyId secret as B2B
// members, taking over accepted B2B guests of the same person, soft-deleting users that leave scope, quarantining
// a job whose target no longer allows inbound sync, and writing provisioning logs (source) and directory audits
// (target). Each job applies its own schema (sync/JobSchema: attribute mappings evaluated by MappingExpression, the
// scoping filter by ScopeFilter). What it remembers per job (links source user -> target user with the values last
// exported, escrowed failures, whether the next cycle is a full one, the stored schema) is
// ServicePrincipalRecord::syncState. Cycles run on a timer every
// SandboxOptions::syncIntervalMs (0: only on demand) and when runCycle() is called. Owned by SandboxServer; server
// thread.
class ProvisioningService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProvisioningService)

public:
    // The options must outlive the service.
    ProvisioningService(World& world, const SandboxOptions& options, QObject* parent = nullptr);

    // Starts the clock (nothing when the interval is 0).
    void startClock();

    // One cycle for every job whose schedule is Active (quarantined jobs included: they are retried). Returns
    // the number of jobs that ran.
    int runCycle();

    // What blocks the policy check between source and the target tenant id (graph-reference 10.3): empty when
    // sync is allowed, else a sentence naming the missing switch.
    [[nodiscard]] static QString policyProblem(
        const World& world, const SandboxOptions& options, const TenantState& source, const QString& targetTenantId);

    // The job lifecycle (graph-reference 2.3, 10.4); the job must exist in record.
    void start(ServicePrincipalRecord& record, qsizetype jobIndex);
    void pause(ServicePrincipalRecord& record, qsizetype jobIndex);
    // resetScope as sent ("Watermark, Escrows, QuarantineState"; empty: the portal's restart); false with a
    // sentence when a value is unknown.
    [[nodiscard]] bool restart(
        ServicePrincipalRecord& record, qsizetype jobIndex, const QString& resetScope, QString* problem);
    // Forgets what the job knew (DELETE of the job).
    static void forgetJob(ServicePrincipalRecord& record, const QString& jobId);

    // provisionOnDemand's rate limit (graph-reference 2.7: 5 calls per 10 s per job, SandboxOptions): nothing when
    // this call is admitted (and counted), else the seconds to wait for Retry-After.
    [[nodiscard]] std::optional<int> admitOnDemand(const QString& jobId);

    // The per-user export failures tests inject (POST /_sandbox/synchronization/userErrors).
    [[nodiscard]] InjectedUserErrors& userErrors() { return m_userErrors; }

    struct OnDemandSubject
    {
        QString objectId;
        QString objectTypeName;
    };
    // provisionOnDemand for one user, now: the same pipeline as a cycle, logged with initiatedBy the caller.
    // Returns the stringKeyStringValuePair answer (shape B of graph-reference 2.7).
    [[nodiscard]] QJsonObject provisionOnDemand(TenantState& source, ServicePrincipalRecord& record, qsizetype jobIndex,
        const OnDemandSubject& subject, const QJsonObject& initiatedBy);

private:
    struct Cycle;
    struct Outcome;

    void runJob(TenantState& source, ServicePrincipalRecord& record, qsizetype jobIndex);
    // Evaluates one source user against the job (scope, match, action) and applies the result to the target.
    [[nodiscard]] Outcome processUser(Cycle& cycle, qsizetype sourceIndex, bool force);
    [[nodiscard]] Outcome deprovision(Cycle& cycle, const QString& sourceId, const QString& reason);
    // The provisioning log record in the source and, when the target changed, its directory audit record.
    void writeLog(Cycle& cycle, const Outcome& outcome);
    void quarantine(QJsonObject& job, const QString& code, const QString& message, bool countFailure);

    World& m_world;
    const SandboxOptions& m_options;
    QTimer m_clock;
    InjectedUserErrors m_userErrors;
    QElapsedTimer m_onDemandClock;
    QHash<QString, QList<qint64>> m_onDemandCalls; // by lower-case job id: admitted calls, ms on m_onDemandClock
};

} // namespace tbsandbox
