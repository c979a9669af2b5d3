// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/StoreError.h"
#include "core/sync/TestSyncOutcome.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace tb::store {
class Database;
}

namespace tb::sync {

// One test sync as the store keeps it (Migrations step 2, table test_sync_runs).
struct TestSyncRun
{
    QString id;
    QDateTime startedAt; // UTC
    QDateTime finishedAt; // invalid while the run has not finished (or was cut short)
    QString sourceTenantId;
    QString targetTenantId;
    QString servicePrincipalId;
    QString jobId;
    QStringList requiredAttributes;
    QString summary; // "3 as predicted, 1 differs", written by finishRun

    friend bool operator==(const TestSyncRun& a, const TestSyncRun& b) = default;
};

// The test syncs of a profile (issue 6: "each run is kept in the store"): a row per run and one per user holding
// the whole TestSyncOutcome as JSON (with its verdict and UPN in their own columns for queries). Each write
// commits on its own, so a run cut short keeps the outcomes it had. In core/sync rather than core/store because it
// stores sync values (the layer rule: store knows no network), like RolloutStore. Borrows the Database; same thread.
class TestSyncStore final
{
public:
    explicit TestSyncStore(store::Database& database);

    // Records a new run (id, startedAt, tenants, configuration, required attributes). An id already used fails.
    [[nodiscard]] std::optional<store::StoreError> startRun(const TestSyncRun& run);
    // Keeps one user's outcome; saving the same user of the same run again replaces it.
    [[nodiscard]] std::optional<store::StoreError> saveOutcome(const QString& runId, const TestSyncOutcome& outcome);
    // Marks the run finished with a one-line summary. An unknown run fails.
    [[nodiscard]] std::optional<store::StoreError> finishRun(
        const QString& runId, const QDateTime& finishedAt, const QString& summary);
    // Every run, newest first.
    [[nodiscard]] std::variant<QList<TestSyncRun>, store::StoreError> runs() const;
    // The outcomes of one run in the order they were saved (empty for an unknown run).
    [[nodiscard]] std::variant<QList<TestSyncOutcome>, store::StoreError> outcomes(const QString& runId) const;

private:
    [[nodiscard]] store::StoreError queryError(const QString& detail) const;

    store::Database& m_database;
};

} // namespace tb::sync
