// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Migrations.h"

#include "core/CoreLogging.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tb::store {

QList<QStringList> Migrations::steps()
{
    return {
        // 1: the journal of every change made to a tenant. A step writes an "intent" row before it sends
        // its request and an outcome row after the answer; a run with an intent and no outcome was cut
        // short (crash, power loss) and is resumed by checking the tenant before sending again.
        {
            QStringLiteral("CREATE TABLE profile_meta ("
                           " key TEXT PRIMARY KEY NOT NULL,"
                           " value TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE journal ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " run_id TEXT NOT NULL,"
                           " step_key TEXT NOT NULL,"
                           " tenant_id TEXT NOT NULL,"
                           " phase TEXT NOT NULL CHECK (phase IN ('intent', 'done', 'failed')),"
                           " method TEXT NOT NULL DEFAULT '',"
                           " path TEXT NOT NULL DEFAULT '',"
                           " request_body TEXT NOT NULL DEFAULT '',"
                           " http_status INTEGER NOT NULL DEFAULT 0,"
                           " request_id TEXT NOT NULL DEFAULT '',"
                           " detail TEXT NOT NULL DEFAULT '',"
                           " recorded_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX journal_by_run_step ON journal (run_id, step_key, id)"),
        },
        // 2: test syncs (issue 6): one row per run, one per user with the whole TestSyncOutcome as JSON.
        {
            QStringLiteral("CREATE TABLE test_sync_runs ("
                           " id TEXT PRIMARY KEY NOT NULL,"
                           " started_at TEXT NOT NULL,"
                           " finished_at TEXT NOT NULL DEFAULT '',"
                           " source_tenant_id TEXT NOT NULL,"
                           " target_tenant_id TEXT NOT NULL,"
                           " service_principal_id TEXT NOT NULL,"
                           " job_id TEXT NOT NULL,"
                           " required_attributes TEXT NOT NULL DEFAULT '[]',"
                           " summary TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE TABLE test_sync_outcomes ("
                           " run_id TEXT NOT NULL REFERENCES test_sync_runs (id) ON DELETE CASCADE,"
                           " source_user_id TEXT NOT NULL,"
                           " user_principal_name TEXT NOT NULL,"
                           " verdict TEXT NOT NULL,"
                           " outcome TEXT NOT NULL,"
                           " PRIMARY KEY (run_id, source_user_id))"),
        },
        // 3: staged rollouts (issue 6): the stages a user planned, and every assignment a stage added, so that undo
        // removes exactly those. What was sent to the tenant is journalled in `journal` under the rollout's run id.
        {
            QStringLiteral("CREATE TABLE rollouts ("
                           " id TEXT PRIMARY KEY NOT NULL,"
                           " created_at TEXT NOT NULL,"
                           " source_tenant_id TEXT NOT NULL,"
                           " target_tenant_id TEXT NOT NULL,"
                           " service_principal_id TEXT NOT NULL,"
                           " job_id TEXT NOT NULL,"
                           " settings TEXT NOT NULL DEFAULT '{}',"
                           " state TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE rollout_stages ("
                           " rollout_id TEXT NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,"
                           " position INTEGER NOT NULL,"
                           " name TEXT NOT NULL,"
                           " principals TEXT NOT NULL DEFAULT '[]',"
                           " state TEXT NOT NULL,"
                           " detail TEXT NOT NULL DEFAULT '{}',"
                           " PRIMARY KEY (rollout_id, position))"),
            QStringLiteral("CREATE TABLE rollout_assignments ("
                           " rollout_id TEXT NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,"
                           " position INTEGER NOT NULL,"
                           " principal_id TEXT NOT NULL,"
                           " assignment_id TEXT NOT NULL,"
                           " removed INTEGER NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (rollout_id, principal_id))"),
        },
    };
}

int Migrations::latestVersion()
{
    return static_cast<int>(steps().size());
}

std::optional<StoreError> Migrations::apply(QSqlDatabase& db, const QString& filePath)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        return StoreError(StoreError::Kind::NotADatabase, filePath, query.lastError().text());
    }
    const int current = query.value(0).toInt();
    const QList<QStringList> all = steps();
    for (int version = current + 1; version <= all.size(); ++version) {
        if (!db.transaction()) {
            return StoreError(StoreError::Kind::MigrationFailed, filePath,
                QStringLiteral("step %1: %2").arg(version).arg(db.lastError().text()));
        }
        QStringList statements = all.at(version - 1);
        // PRAGMA takes no bound values; the number comes from our own table, not from input.
        statements.append(QStringLiteral("PRAGMA user_version = %1").arg(version));
        for (const QString& statement : std::as_const(statements)) {
            if (!query.exec(statement)) {
                const QString detail = QStringLiteral("step %1: %2").arg(version).arg(query.lastError().text());
                db.rollback();
                return StoreError(StoreError::Kind::MigrationFailed, filePath, detail);
            }
        }
        if (!db.commit()) {
            const QString detail = QStringLiteral("step %1: %2").arg(version).arg(db.lastError().text());
            db.rollback();
            return StoreError(StoreError::Kind::MigrationFailed, filePath, detail);
        }
        qCInfo(lcStore) << "migrated" << filePath << "to schema" << version;
    }
    return std::nullopt;
}

} // namespace tb::store
