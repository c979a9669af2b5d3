// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/StoreError.h"
#include "core/sync/RolloutPlan.h"

#include <QList>
#include <QString>

#include <optional>
#include <variant>

namespace tb::store {
class Database;
}

namespace tb::sync {

// Keeps staged rollouts in the profile's database (Migrations step 3): the plan with its stages (rollouts,
// rollout_stages) and every assignment a stage added (rollout_assignments), so that a restarted runner resumes where
// the last one stopped and undo removes exactly what a stage added. Borrows the Database; same thread.
class RolloutStore final
{
public:
    // One assignment a stage added.
    struct Assignment
    {
        int stage = 0; // position in the plan
        QString principalId;
        QString assignmentId;
        bool removed = false;
    };

    explicit RolloutStore(store::Database& database);

    // Inserts or updates the plan and all its stages, in one transaction.
    [[nodiscard]] std::optional<store::StoreError> save(const RolloutPlan& plan);
    [[nodiscard]] std::variant<std::optional<RolloutPlan>, store::StoreError> load(const QString& rolloutId) const;
    // The newest rollout of this configuration, if any.
    [[nodiscard]] std::variant<std::optional<RolloutPlan>, store::StoreError> latest(
        const QString& servicePrincipalId) const;

    // Records assignments one stage added (or removes the removed flag of one added again), in one transaction.
    [[nodiscard]] std::optional<store::StoreError> recordAssignments(
        const QString& rolloutId, const QList<Assignment>& assignments);
    [[nodiscard]] std::optional<store::StoreError> markRemoved(
        const QString& rolloutId, const QStringList& principalIds);
    // A stage's assignments (every stage with stage < 0), in the order recorded.
    [[nodiscard]] std::variant<QList<Assignment>, store::StoreError> assignments(
        const QString& rolloutId, int stage = -1) const;

private:
    [[nodiscard]] store::StoreError queryError(const QString& detail) const;

    store::Database& m_database;
};

} // namespace tb::sync
