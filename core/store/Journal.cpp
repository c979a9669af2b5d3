// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Journal.h"

#include "core/Redaction.h"
#include "core/store/Database.h"
#include "core/store/SqliteFailure.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tb::store {

namespace {

const QString kColumns = QStringLiteral(
    "id, run_id, step_key, tenant_id, phase, method, path, request_body, http_status, request_id, detail, recorded_at");

// QtSql binds a null QString as SQL NULL; the text columns are NOT NULL with '' for "nothing".
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

JournalEntry entryFromQuery(const QSqlQuery& query)
{
    JournalEntry entry;
    entry.id = query.value(0).toLongLong();
    entry.runId = query.value(1).toString();
    entry.stepKey = query.value(2).toString();
    entry.tenantId = query.value(3).toString();
    entry.phase = JournalEntry::phaseFromName(query.value(4).toString());
    entry.method = query.value(5).toString();
    entry.path = query.value(6).toString();
    entry.requestBody = query.value(7).toString();
    entry.httpStatus = query.value(8).toInt();
    entry.requestId = query.value(9).toString();
    entry.detail = query.value(10).toString();
    entry.recordedAt = QDateTime::fromString(query.value(11).toString(), Qt::ISODateWithMs);
    return entry;
}

} // namespace

Journal::Journal(Database& database)
    : m_database(database)
{ }

StoreError Journal::queryError(const QString& detail) const
{
    return StoreError(StoreError::Kind::QueryFailed, m_database.filePath(), detail);
}

StoreError Journal::queryError(const QSqlError& error) const
{
    return SqliteFailure::fromQuery(m_database.connection(), error, m_database.filePath());
}

std::variant<qint64, StoreError> Journal::record(JournalEntry entry)
{
    if (entry.runId.isEmpty() || entry.stepKey.isEmpty() || entry.tenantId.isEmpty()) {
        return queryError(QStringLiteral("a journal entry needs a run, a step and a tenant"));
    }
    if (!entry.recordedAt.isValid()) {
        entry.recordedAt = QDateTime::currentDateTimeUtc();
    }
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO journal (run_id, step_key, tenant_id, phase, method, path, request_body, "
                                 "http_status, request_id, detail, recorded_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(text(entry.runId));
    query.addBindValue(text(entry.stepKey));
    query.addBindValue(text(entry.tenantId));
    query.addBindValue(JournalEntry::phaseName(entry.phase));
    query.addBindValue(text(entry.method));
    query.addBindValue(text(entry.path));
    // The journal is a file on disk: nothing secret may reach it, whatever a caller passes.
    query.addBindValue(text(Redaction::redact(entry.requestBody)));
    query.addBindValue(entry.httpStatus);
    query.addBindValue(text(entry.requestId));
    query.addBindValue(text(Redaction::redact(entry.detail)));
    query.addBindValue(entry.recordedAt.toUTC().toString(Qt::ISODateWithMs));
    // Autocommit: each row is durable on its own before the caller goes on to send the request.
    if (!query.exec()) {
        return queryError(query.lastError());
    }
    return query.lastInsertId().toLongLong();
}

std::variant<QList<JournalEntry>, StoreError> Journal::entries(const QString& runId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT %1 FROM journal WHERE run_id = ? ORDER BY id").arg(kColumns));
    query.addBindValue(runId);
    if (!query.exec()) {
        return queryError(query.lastError());
    }
    QList<JournalEntry> result;
    while (query.next()) {
        result.append(entryFromQuery(query));
    }
    return result;
}

std::variant<std::optional<JournalEntry>, StoreError> Journal::lastEntry(
    const QString& runId, const QString& stepKey) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT %1 FROM journal WHERE run_id = ? AND step_key = ? ORDER BY id DESC LIMIT 1")
                      .arg(kColumns));
    query.addBindValue(runId);
    query.addBindValue(stepKey);
    if (!query.exec()) {
        return queryError(query.lastError());
    }
    if (!query.next()) {
        return std::optional<JournalEntry>();
    }
    return std::optional<JournalEntry>(entryFromQuery(query));
}

std::variant<QStringList, StoreError> Journal::interruptedRuns() const
{
    QSqlQuery query(m_database.connection());
    // The latest row of each (run, step) decides; an intent there means the answer was never recorded.
    const bool ok = query.exec(QStringLiteral("SELECT DISTINCT j.run_id FROM journal j "
                                              "JOIN (SELECT run_id, step_key, MAX(id) AS last_id FROM journal "
                                              "      GROUP BY run_id, step_key) l ON j.id = l.last_id "
                                              "WHERE j.phase = 'intent' ORDER BY j.run_id"));
    if (!ok) {
        return queryError(query.lastError());
    }
    QStringList runs;
    while (query.next()) {
        runs.append(query.value(0).toString());
    }
    return runs;
}

} // namespace tb::store
