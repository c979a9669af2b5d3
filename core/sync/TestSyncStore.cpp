// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/TestSyncStore.h"

#include "core/store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace tb::sync {

using store::StoreError;

namespace {

// QtSql binds a null QString as SQL NULL; the text columns are NOT NULL with '' for "nothing".
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString timeText(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("");
}

QDateTime timeFrom(const QString& text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

const QStringList kVerdictWords {
    QStringLiteral("asPredicted"), QStringLiteral("differs"), QStringLiteral("failed"), QStringLiteral("skipped")};

} // namespace

TestSyncStore::TestSyncStore(store::Database& database)
    : m_database(database)
{ }

StoreError TestSyncStore::queryError(const QString& detail) const
{
    return StoreError(StoreError::Kind::QueryFailed, m_database.filePath(), detail);
}

std::optional<StoreError> TestSyncStore::startRun(const TestSyncRun& run)
{
    if (run.id.isEmpty()) {
        return queryError(QStringLiteral("a test sync run needs an id"));
    }
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO test_sync_runs (id, started_at, finished_at, source_tenant_id, "
                                 "target_tenant_id, service_principal_id, job_id, required_attributes, summary) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(run.id);
    query.addBindValue(timeText(run.startedAt.isValid() ? run.startedAt : QDateTime::currentDateTimeUtc()));
    query.addBindValue(timeText(run.finishedAt));
    query.addBindValue(text(run.sourceTenantId));
    query.addBindValue(text(run.targetTenantId));
    query.addBindValue(text(run.servicePrincipalId));
    query.addBindValue(text(run.jobId));
    query.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(run.requiredAttributes)).toJson(QJsonDocument::Compact)));
    query.addBindValue(text(run.summary));
    if (!query.exec()) {
        return queryError(query.lastError().text());
    }
    return std::nullopt;
}

std::optional<StoreError> TestSyncStore::saveOutcome(const QString& runId, const TestSyncOutcome& outcome)
{
    QSqlQuery query(m_database.connection());
    // The foreign key is not enforced on every connection; check the run so an outcome never dangles.
    query.prepare(QStringLiteral("SELECT 1 FROM test_sync_runs WHERE id = ?"));
    query.addBindValue(text(runId));
    if (!query.exec()) {
        return queryError(query.lastError().text());
    }
    if (!query.next()) {
        return queryError(QStringLiteral("no test sync run %1").arg(runId));
    }
    query.finish();
    query.prepare(
        QStringLiteral("INSERT OR REPLACE INTO test_sync_outcomes "
                       "(run_id, source_user_id, user_principal_name, verdict, outcome) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(runId);
    // A user the preview could not resolve has no id; the UPN then keeps the row apart from the others.
    query.addBindValue(text(outcome.sourceUserId.isEmpty() ? outcome.userPrincipalName : outcome.sourceUserId));
    query.addBindValue(text(outcome.userPrincipalName));
    query.addBindValue(kVerdictWords.at(static_cast<qsizetype>(outcome.verdict)));
    query.addBindValue(QString::fromUtf8(QJsonDocument(outcome.toJson()).toJson(QJsonDocument::Compact)));
    if (!query.exec()) {
        return queryError(query.lastError().text());
    }
    return std::nullopt;
}

std::optional<StoreError> TestSyncStore::finishRun(
    const QString& runId, const QDateTime& finishedAt, const QString& summary)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE test_sync_runs SET finished_at = ?, summary = ? WHERE id = ?"));
    query.addBindValue(timeText(finishedAt.isValid() ? finishedAt : QDateTime::currentDateTimeUtc()));
    query.addBindValue(text(summary));
    query.addBindValue(text(runId));
    if (!query.exec()) {
        return queryError(query.lastError().text());
    }
    if (query.numRowsAffected() != 1) {
        return queryError(QStringLiteral("no test sync run %1").arg(runId));
    }
    return std::nullopt;
}

std::variant<QList<TestSyncRun>, StoreError> TestSyncStore::runs() const
{
    QSqlQuery query(m_database.connection());
    // ISO times in UTC with milliseconds sort as text; rowid breaks ties between runs started in the same ms.
    if (!query.exec(QStringLiteral("SELECT id, started_at, finished_at, source_tenant_id, target_tenant_id, "
                                   "service_principal_id, job_id, required_attributes, summary FROM test_sync_runs "
                                   "ORDER BY started_at DESC, rowid DESC"))) {
        return queryError(query.lastError().text());
    }
    QList<TestSyncRun> runs;
    while (query.next()) {
        TestSyncRun run;
        run.id = query.value(0).toString();
        run.startedAt = timeFrom(query.value(1).toString());
        run.finishedAt = timeFrom(query.value(2).toString());
        run.sourceTenantId = query.value(3).toString();
        run.targetTenantId = query.value(4).toString();
        run.servicePrincipalId = query.value(5).toString();
        run.jobId = query.value(6).toString();
        for (const QJsonValue& value : QJsonDocument::fromJson(query.value(7).toString().toUtf8()).array()) {
            run.requiredAttributes.append(value.toString());
        }
        run.summary = query.value(8).toString();
        runs.append(run);
    }
    return runs;
}

std::variant<QList<TestSyncOutcome>, StoreError> TestSyncStore::outcomes(const QString& runId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT outcome FROM test_sync_outcomes WHERE run_id = ? ORDER BY rowid"));
    query.addBindValue(text(runId));
    if (!query.exec()) {
        return queryError(query.lastError().text());
    }
    QList<TestSyncOutcome> outcomes;
    while (query.next()) {
        outcomes.append(
            TestSyncOutcome::fromJson(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object()));
    }
    return outcomes;
}

} // namespace tb::sync
