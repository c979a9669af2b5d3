// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Migrations.h"

#include "core/CoreLogging.h"
#include "core/store/SqliteFailure.h"

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
        // 4: provisioning logs (issue 7). Every record belongs to a log set: the logs fetched for one job, or one
        // imported file, so a customer's file never mixes with what was fetched. The columns the queries filter and
        // sort on are kept beside the record; the whole record (compact JSON, qCompress'ed) lives in its own table so
        // that scans of log_records stay small. log_fts indexes identities and error text for free text; triggers keep
        // it in step with log_records. Every index starts with set_id because every query is within one set.
        {
            QStringLiteral("CREATE TABLE log_sets ("
                           " id INTEGER PRIMARY KEY,"
                           " kind TEXT NOT NULL CHECK (kind IN ('job', 'import')),"
                           " service_principal_id TEXT NOT NULL DEFAULT '',"
                           " job_id TEXT NOT NULL DEFAULT '',"
                           " file_name TEXT NOT NULL DEFAULT '',"
                           " imported_at INTEGER NOT NULL DEFAULT 0,"
                           " created_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE UNIQUE INDEX log_sets_by_job ON log_sets (service_principal_id, job_id)"
                           " WHERE kind = 'job'"),
            QStringLiteral("CREATE TABLE log_records ("
                           " id INTEGER PRIMARY KEY,"
                           " set_id INTEGER NOT NULL REFERENCES log_sets (id) ON DELETE CASCADE,"
                           " record_id TEXT NOT NULL,"
                           " activity_ms INTEGER NOT NULL,"
                           " status TEXT NOT NULL,"
                           " action TEXT NOT NULL,"
                           " cycle_id TEXT NOT NULL,"
                           " change_id TEXT NOT NULL,"
                           " job_id TEXT NOT NULL,"
                           " source_id TEXT NOT NULL,"
                           " source_name TEXT NOT NULL,"
                           " source_upn TEXT NOT NULL,"
                           " target_id TEXT NOT NULL,"
                           " target_name TEXT NOT NULL,"
                           " target_upn TEXT NOT NULL,"
                           " error_code TEXT NOT NULL,"
                           " error_reason TEXT NOT NULL,"
                           " error_details TEXT NOT NULL,"
                           " duration_ms INTEGER NOT NULL,"
                           " UNIQUE (set_id, record_id))"),
            QStringLiteral("CREATE TABLE log_record_bodies ("
                           " record_rowid INTEGER PRIMARY KEY REFERENCES log_records (id) ON DELETE CASCADE,"
                           " body BLOB NOT NULL)"),
            QStringLiteral("CREATE INDEX log_records_by_time ON log_records (set_id, activity_ms)"),
            QStringLiteral("CREATE INDEX log_records_by_status ON log_records (set_id, status, activity_ms)"),
            QStringLiteral("CREATE INDEX log_records_by_error ON log_records (set_id, error_code, activity_ms)"),
            QStringLiteral("CREATE INDEX log_records_by_cycle ON log_records (set_id, cycle_id, activity_ms)"),
            QStringLiteral("CREATE INDEX log_records_by_source ON log_records (set_id, source_id)"),
            QStringLiteral("CREATE INDEX log_records_by_target ON log_records (set_id, target_id)"),
            // External content: the text lives once, in log_records; the FTS table holds only its index.
            QStringLiteral("CREATE VIRTUAL TABLE log_fts USING fts5 ("
                           " source_id, source_name, source_upn, target_id, target_name, target_upn,"
                           " error_code, error_reason, error_details,"
                           " content = 'log_records', content_rowid = 'id',"
                           " tokenize = 'unicode61 remove_diacritics 2')"),
            QStringLiteral("CREATE TRIGGER log_records_fts_insert AFTER INSERT ON log_records BEGIN"
                           " INSERT INTO log_fts (rowid, source_id, source_name, source_upn, target_id, target_name,"
                           " target_upn, error_code, error_reason, error_details) VALUES (new.id, new.source_id,"
                           " new.source_name, new.source_upn, new.target_id, new.target_name, new.target_upn,"
                           " new.error_code, new.error_reason, new.error_details);"
                           " END"),
            QStringLiteral("CREATE TRIGGER log_records_fts_delete AFTER DELETE ON log_records BEGIN"
                           " INSERT INTO log_fts (log_fts, rowid, source_id, source_name, source_upn, target_id,"
                           " target_name, target_upn, error_code, error_reason, error_details) VALUES ('delete',"
                           " old.id, old.source_id, old.source_name, old.source_upn, old.target_id,"
                           " old.target_name, old.target_upn, old.error_code, old.error_reason, old.error_details);"
                           " END"),
        },
        // 5: a bulk import fills the text index of its new set once, at the end (issue 7). One INSERT ... SELECT
        // indexes 200,000 records in 3 s; the same rows through the insert trigger took 18 s, because FTS5 writes
        // its pending terms at the end of every statement. A set listed in log_fts_deferred has none of its rows in
        // log_fts, so both triggers leave it alone (deleting a row that is not indexed would damage the index);
        // the writer that listed it indexes the set and removes it from the list in one transaction.
        //    And an index for each sort column of the logs table that had none: sorting a million records by source
        //    name took 5.2 s for the first page; the index gives the order (ties by time, then row id) without a sort.
        {
            QStringLiteral("CREATE INDEX log_records_by_action ON log_records (set_id, action, activity_ms)"),
            QStringLiteral("CREATE INDEX log_records_by_source_name ON log_records"
                           " (set_id, source_name COLLATE NOCASE, activity_ms)"),
            QStringLiteral("CREATE INDEX log_records_by_target_name ON log_records"
                           " (set_id, target_name COLLATE NOCASE, activity_ms)"),
            QStringLiteral("CREATE INDEX log_records_by_duration ON log_records (set_id, duration_ms, activity_ms)"),
            QStringLiteral("CREATE TABLE log_fts_deferred (set_id INTEGER PRIMARY KEY)"),
            QStringLiteral("DROP TRIGGER log_records_fts_insert"),
            QStringLiteral("DROP TRIGGER log_records_fts_delete"),
            QStringLiteral("CREATE TRIGGER log_records_fts_insert AFTER INSERT ON log_records"
                           " WHEN NOT EXISTS (SELECT 1 FROM log_fts_deferred WHERE set_id = new.set_id) BEGIN"
                           " INSERT INTO log_fts (rowid, source_id, source_name, source_upn, target_id, target_name,"
                           " target_upn, error_code, error_reason, error_details) VALUES (new.id, new.source_id,"
                           " new.source_name, new.source_upn, new.target_id, new.target_name, new.target_upn,"
                           " new.error_code, new.error_reason, new.error_details);"
                           " END"),
            QStringLiteral("CREATE TRIGGER log_records_fts_delete AFTER DELETE ON log_records"
                           " WHEN NOT EXISTS (SELECT 1 FROM log_fts_deferred WHERE set_id = old.set_id) BEGIN"
                           " INSERT INTO log_fts (log_fts, rowid, source_id, source_name, source_upn, target_id,"
                           " target_name, target_upn, error_code, error_reason, error_details) VALUES ('delete',"
                           " old.id, old.source_id, old.source_name, old.source_upn, old.target_id,"
                           " old.target_name, old.target_upn, old.error_code, old.error_reason, old.error_details);"
                           " END"),
        },
    };
}

// MigrationFailed, or DiskFull / ReadOnly when the disk or the permissions are to blame (their sentences say what to
// do); the detail names the step either way.
StoreError Migrations::stepError(const QSqlDatabase& db, const QSqlError& error, const QString& filePath, int version)
{
    const StoreError failed = SqliteFailure::fromQuery(db, error, filePath, StoreError::Kind::MigrationFailed);
    return StoreError(failed.kind(), filePath, QStringLiteral("step %1: %2").arg(version).arg(failed.detail()));
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
            return stepError(db, db.lastError(), filePath, version);
        }
        QStringList statements = all.at(version - 1);
        // PRAGMA takes no bound values; the number comes from our own table, not from input.
        statements.append(QStringLiteral("PRAGMA user_version = %1").arg(version));
        for (const QString& statement : std::as_const(statements)) {
            if (!query.exec(statement)) {
                const StoreError error = stepError(db, query.lastError(), filePath, version);
                db.rollback();
                return error;
            }
        }
        if (!db.commit()) {
            const StoreError error = stepError(db, db.lastError(), filePath, version);
            db.rollback();
            return error;
        }
        qCInfo(lcStore) << "migrated" << filePath << "to schema" << version;
    }
    return std::nullopt;
}

} // namespace tb::store
