// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/LogStore.h"

#include "core/logs/LogRecordWriter.h"
#include "core/store/Database.h"
#include "core/store/SqliteFailure.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <thread>

namespace tb::logs {

using model::ProvisioningLogEntry;
using store::StoreError;

namespace {

// Below this many entries insert() makes the rows on the calling thread alone.
constexpr qsizetype kParallelRowsFrom = 256;

// QtSql binds a null QString as SQL NULL; the text columns are NOT NULL with '' for "nothing".
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

qint64 msOf(const QDateTime& time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QDateTime timeOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

LogSet setFrom(const QSqlQuery& query)
{
    LogSet set;
    set.id = query.value(0).toLongLong();
    set.kind = query.value(1).toString() == QLatin1String("import") ? LogSet::Kind::Import : LogSet::Kind::Job;
    set.servicePrincipalId = query.value(2).toString();
    set.jobId = query.value(3).toString();
    set.fileName = query.value(4).toString();
    const qint64 importedAt = query.value(5).toLongLong();
    set.importedAt = importedAt != 0 ? timeOf(importedAt) : QDateTime();
    set.createdAt = timeOf(query.value(6).toLongLong());
    return set;
}

const QString kSetColumns
    = QStringLiteral("id, kind, service_principal_id, job_id, file_name, imported_at, created_at");

const QString kRowColumns = QStringLiteral("r.id, r.record_id, r.activity_ms, r.status, r.action, r.cycle_id, "
                                           "r.source_id, r.source_name, r.source_upn, r.target_id, r.target_name, "
                                           "r.error_code, r.error_reason, r.duration_ms");

LogRow rowFrom(const QSqlQuery& query)
{
    LogRow row;
    row.rowId = query.value(0).toLongLong();
    row.recordId = query.value(1).toString();
    row.activityTime = timeOf(query.value(2).toLongLong());
    row.status = query.value(3).toString();
    row.action = query.value(4).toString();
    row.cycleId = query.value(5).toString();
    row.sourceId = query.value(6).toString();
    row.sourceName = query.value(7).toString();
    row.sourceUserPrincipalName = query.value(8).toString();
    row.targetId = query.value(9).toString();
    row.targetName = query.value(10).toString();
    row.errorCode = query.value(11).toString();
    row.errorReason = query.value(12).toString();
    row.durationMs = query.value(13).toLongLong();
    return row;
}

// The FROM and WHERE clauses of a query and the values to bind to their placeholders, in order. Every value a person
// typed is bound; only column names and placeholders (from this file) are part of the text.
//
// A filter that picks few rows out of many (free text, an identity) yields a set of row ids, a "driver". SQLite would
// rather walk the time index in the wanted order and probe each of a million rows against that set; the first driver
// is therefore the outer loop of a CROSS JOIN (which SQLite never reorders), and the rows it names are sorted after.
struct Filter
{
    QStringList conditions;
    QVariantList values;
    QStringList drivers;
    QList<QVariantList> driverValues;

    void add(const QString& condition, const QVariantList& bound)
    {
        conditions.append(condition);
        values.append(bound);
    }

    void addDriver(const QString& rowIds, const QVariantList& bound)
    {
        drivers.append(rowIds);
        driverValues.append(bound);
    }

    void addAnyOf(const QString& column, const QStringList& words)
    {
        QStringList wanted;
        for (const QString& word : words) {
            if (!word.trimmed().isEmpty()) {
                wanted.append(word.trimmed().toLower());
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        if (wanted.size() == 1) {
            add(column + QStringLiteral(" = ?"), {wanted.constFirst()});
            return;
        }
        QStringList marks;
        QVariantList bound;
        for (const QString& word : std::as_const(wanted)) {
            marks.append(QStringLiteral("?"));
            bound.append(word);
        }
        add(QStringLiteral("%1 IN (%2)").arg(column, marks.join(QLatin1Char(','))), bound);
    }

    // An identity by object id (exact) or display name or UPN (whole value, case-insensitive). The id index and an
    // FTS phrase find the few candidate rows fast; the comparison then keeps the exact ones.
    void addIdentity(const QString& side, qint64 setId, const QString& value)
    {
        const QString wanted = value.trimmed();
        if (wanted.isEmpty()) {
            return;
        }
        const QString id = QStringLiteral("%1_id").arg(side);
        const QString name = QStringLiteral("%1_name").arg(side);
        const QString upn = QStringLiteral("%1_upn").arg(side);
        add(QStringLiteral("(r.%1 = ? OR r.%2 = ? COLLATE NOCASE OR r.%3 = ? COLLATE NOCASE)").arg(id, name, upn),
            {wanted, wanted, wanted});
        const QString phrase = LogQuery::phraseExpression({name, upn}, wanted);
        if (phrase.isEmpty()) {
            return; // nothing the text index could find: the comparison alone decides
        }
        addDriver(QStringLiteral("SELECT id AS row_id FROM log_records WHERE set_id = ? AND %1 = ?"
                                 " UNION SELECT rowid FROM log_fts WHERE log_fts MATCH ?")
                      .arg(id),
            {setId, wanted, phrase});
    }

    [[nodiscard]] QString fromClause() const
    {
        if (drivers.isEmpty()) {
            return QStringLiteral(" FROM log_records r");
        }
        return QStringLiteral(" FROM (%1) AS driver CROSS JOIN log_records r ON r.id = driver.row_id")
            .arg(drivers.constFirst());
    }

    [[nodiscard]] QString whereClause() const
    {
        QStringList all = conditions;
        for (qsizetype i = 1; i < drivers.size(); ++i) {
            all.append(QStringLiteral("r.id IN (%1)").arg(drivers.at(i)));
        }
        return QStringLiteral(" WHERE ") + all.join(QStringLiteral(" AND "));
    }

    // The values in the order of fromClause() + whereClause().
    [[nodiscard]] QVariantList boundValues() const
    {
        QVariantList all;
        if (!drivers.isEmpty()) {
            all.append(driverValues.constFirst());
        }
        all.append(values);
        for (qsizetype i = 1; i < drivers.size(); ++i) {
            all.append(driverValues.at(i));
        }
        return all;
    }
};

enum class ErrorCodeFilter { Apply, Ignore };

// The distinct error codes in a set, for free text that is part of one (see LogQuery::matchExpression). A loose
// index scan: one probe of log_records_by_error per code, so a million records with a dozen codes cost a dozen
// probes, where DISTINCT would read the whole index. Empty when the text is empty, or when the read fails (the
// query itself then reports the error).
QStringList errorCodesFor(const QSqlDatabase& db, const LogQuery& query)
{
    if (LogQuery::matchExpression(query.text).isEmpty()) {
        return {};
    }
    QSqlQuery codes(db);
    codes.setForwardOnly(true);
    codes.prepare(QStringLiteral(
        "WITH RECURSIVE code (value) AS ("
        " SELECT min(error_code) FROM log_records WHERE set_id = ? AND error_code > ''"
        " UNION ALL SELECT (SELECT min(error_code) FROM log_records WHERE set_id = ? AND error_code > code.value)"
        " FROM code WHERE code.value IS NOT NULL LIMIT 1000)"
        " SELECT value FROM code WHERE value IS NOT NULL"));
    codes.addBindValue(query.setId);
    codes.addBindValue(query.setId);
    QStringList result;
    if (codes.exec()) {
        while (codes.next()) {
            result.append(codes.value(0).toString());
        }
    }
    return result;
}

Filter filterOf(
    const LogQuery& query, const QStringList& errorCodes, ErrorCodeFilter errorCode = ErrorCodeFilter::Apply)
{
    Filter filter;
    filter.add(QStringLiteral("r.set_id = ?"), {query.setId});
    filter.addAnyOf(QStringLiteral("r.status"), query.statuses);
    filter.addAnyOf(QStringLiteral("r.action"), query.actions);
    if (query.from.isValid()) {
        filter.add(QStringLiteral("r.activity_ms >= ?"), {msOf(query.from)});
    }
    if (query.to.isValid()) {
        filter.add(QStringLiteral("r.activity_ms < ?"), {msOf(query.to)});
    }
    if (!query.cycleId.trimmed().isEmpty()) {
        filter.add(QStringLiteral("r.cycle_id = ?"), {query.cycleId.trimmed()});
    }
    if (errorCode == ErrorCodeFilter::Apply && !query.errorCode.trimmed().isEmpty()) {
        filter.add(QStringLiteral("r.error_code = ?"), {query.errorCode.trimmed()});
    }
    // Free text first: when there is some, it drives.
    const QString match = LogQuery::matchExpression(query.text, errorCodes);
    if (!match.isEmpty()) {
        filter.addDriver(QStringLiteral("SELECT rowid AS row_id FROM log_fts WHERE log_fts MATCH ?"), {match});
    }
    filter.addIdentity(QStringLiteral("source"), query.setId, query.sourceIdentity);
    filter.addIdentity(QStringLiteral("target"), query.setId, query.targetIdentity);
    return filter;
}

QString orderBy(const LogQuery& query)
{
    const QString direction = query.sortOrder == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QString column;
    switch (query.sortColumn) {
    case LogQuery::SortColumn::ActivityTime:
        break;
    case LogQuery::SortColumn::Status:
        column = QStringLiteral("r.status");
        break;
    case LogQuery::SortColumn::Action:
        column = QStringLiteral("r.action");
        break;
    case LogQuery::SortColumn::SourceName:
        column = QStringLiteral("r.source_name COLLATE NOCASE");
        break;
    case LogQuery::SortColumn::TargetName:
        column = QStringLiteral("r.target_name COLLATE NOCASE");
        break;
    case LogQuery::SortColumn::ErrorCode:
        column = QStringLiteral("r.error_code");
        break;
    case LogQuery::SortColumn::CycleId:
        column = QStringLiteral("r.cycle_id");
        break;
    case LogQuery::SortColumn::Duration:
        column = QStringLiteral("r.duration_ms");
        break;
    }
    // Time, then the row id, break ties, so that paging through equal values is stable; (set, status, time) and
    // the other indexes then deliver the order without a sort.
    QStringList keys;
    if (!column.isEmpty()) {
        keys.append(column + direction);
    }
    keys.append(QStringLiteral("r.activity_ms") + direction);
    keys.append(QStringLiteral("r.id") + direction);
    return QStringLiteral(" ORDER BY ") + keys.join(QStringLiteral(", "));
}

void bindAll(QSqlQuery& query, const QVariantList& values)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        query.bindValue(static_cast<int>(i), values.at(i));
    }
}

} // namespace

LogStore::LogStore(store::Database& database)
    : m_database(database)
{ }

LogStore::~LogStore() = default;

StoreError LogStore::queryError(const QString& detail) const
{
    return StoreError(StoreError::Kind::QueryFailed, m_database.filePath(), detail);
}

StoreError LogStore::queryError(const QSqlError& error) const
{
    return store::SqliteFailure::fromQuery(m_database.connection(), error, m_database.filePath());
}

std::variant<LogSet, StoreError> LogStore::jobSet(const QString& servicePrincipalId, const QString& jobId)
{
    if (servicePrincipalId.isEmpty() || jobId.isEmpty()) {
        return queryError(QStringLiteral("a job's log set needs the service principal id and the job id"));
    }
    QSqlQuery query(m_database.connection());
    // The partial unique index makes a second creation of the same job's set a no-op.
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO log_sets (kind, service_principal_id, job_id, created_at) "
                                 "VALUES ('job', ?, ?, ?)"));
    query.addBindValue(servicePrincipalId);
    query.addBindValue(jobId);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!query.exec()) {
        return queryError(query.lastError());
    }
    query.prepare(QStringLiteral("SELECT %1 FROM log_sets WHERE kind = 'job' AND service_principal_id = ? "
                                 "AND job_id = ?")
                      .arg(kSetColumns));
    query.addBindValue(servicePrincipalId);
    query.addBindValue(jobId);
    if (!query.exec()) {
        return queryError(query.lastError());
    }
    if (!query.next()) {
        return queryError(QStringLiteral("the log set of job %1 was not created").arg(jobId));
    }
    return setFrom(query);
}

std::variant<LogSet, StoreError> LogStore::createImportSet(const QString& fileName, const QDateTime& importedAt)
{
    const QDateTime at = importedAt.isValid() ? importedAt.toUTC() : QDateTime::currentDateTimeUtc();
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("INSERT INTO log_sets (kind, file_name, imported_at, created_at) VALUES ('import', ?, ?, ?)"));
    query.addBindValue(text(fileName));
    query.addBindValue(at.toMSecsSinceEpoch());
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!query.exec()) {
        return queryError(query.lastError());
    }
    const qint64 id = query.lastInsertId().toLongLong();
    auto found = findSet(id);
    if (auto* error = std::get_if<StoreError>(&found)) {
        return *error;
    }
    const auto& set = std::get<std::optional<LogSet>>(found);
    if (!set) {
        return queryError(QStringLiteral("the log set of %1 was not created").arg(fileName));
    }
    return *set;
}

std::variant<QList<LogSet>, StoreError> LogStore::sets() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT %1 FROM log_sets ORDER BY kind = 'import', imported_at DESC, id")
                        .arg(kSetColumns))) {
        return queryError(query.lastError());
    }
    QList<LogSet> sets;
    while (query.next()) {
        sets.append(setFrom(query));
    }
    return sets;
}

std::variant<std::optional<LogSet>, StoreError> LogStore::findSet(qint64 setId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT %1 FROM log_sets WHERE id = ?").arg(kSetColumns));
    query.addBindValue(setId);
    if (!query.exec()) {
        return queryError(query.lastError());
    }
    if (!query.next()) {
        return std::optional<LogSet>();
    }
    return std::optional<LogSet>(setFrom(query));
}

std::optional<StoreError> LogStore::deleteSet(qint64 setId)
{
    QSqlDatabase db = m_database.connection();
    if (!db.transaction()) {
        return queryError(db.lastError());
    }
    // Children first, so the result is the same whether or not this connection enforces the foreign keys.
    QSqlQuery query(db);
    const QStringList statements {
        QStringLiteral("DELETE FROM log_record_bodies WHERE record_rowid IN "
                       "(SELECT id FROM log_records WHERE set_id = ?)"),
        QStringLiteral("DELETE FROM log_records WHERE set_id = ?"),
        // After the records: while the set is listed, the delete trigger knows they are not in the text index.
        QStringLiteral("DELETE FROM log_fts_deferred WHERE set_id = ?"),
        QStringLiteral("DELETE FROM log_sets WHERE id = ?"),
    };
    for (const QString& statement : statements) {
        query.prepare(statement);
        query.addBindValue(setId);
        if (!query.exec()) {
            const StoreError failed = queryError(query.lastError()); // before the rollback replaces SQLite's error
            db.rollback();
            return failed;
        }
    }
    if (!db.commit()) {
        const StoreError failed = queryError(db.lastError());
        db.rollback();
        return failed;
    }
    return std::nullopt;
}

std::variant<int, StoreError> LogStore::insert(qint64 setId, const QList<ProvisioningLogEntry>& entries)
{
    return insert(setId, entries, {});
}

std::variant<int, StoreError> LogStore::insert(
    qint64 setId, const QList<ProvisioningLogEntry>& entries, const QList<QByteArray>& json)
{
    if (!json.isEmpty() && json.size() != entries.size()) {
        return queryError(QStringLiteral("%1 log records, but %2 JSON texts").arg(entries.size()).arg(json.size()));
    }
    // Making a row (its JSON built and compressed) costs about as much as writing it: above a few hundred entries a
    // second thread makes half of them.
    QList<LogRecordRow> rows(entries.size());
    const auto makeRows = [&](qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i) {
            rows[i] = LogRecordRow::from(entries.at(i), json.isEmpty() ? QByteArray() : json.at(i));
        }
    };
    const qsizetype half = entries.size() >= kParallelRowsFrom ? entries.size() / 2 : entries.size();
    std::thread helper;
    if (half < entries.size()) {
        helper = std::thread(makeRows, half, entries.size());
    }
    makeRows(0, half);
    if (helper.joinable()) {
        helper.join();
    }
    return insert(setId, rows);
}

std::variant<int, StoreError> LogStore::insert(qint64 setId, const QList<LogRecordRow>& rows)
{
    if (m_bulkWriter) {
        return m_bulkWriter->write(setId, rows);
    }
    LogRecordWriter writer(m_database.filePath(), LogRecordWriter::Mode::Normal);
    return writer.write(setId, rows);
}

std::variant<QDateTime, StoreError> LogStore::newestActivityTime(qint64 setId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT max(activity_ms) FROM log_records WHERE set_id = ?"));
    query.addBindValue(setId);
    if (!query.exec()) {
        return queryError(query.lastError());
    }
    if (!query.next() || query.isNull(0)) {
        return QDateTime();
    }
    return timeOf(query.value(0).toLongLong());
}

std::variant<qint64, StoreError> LogStore::count(qint64 setId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM log_records WHERE set_id = ?"));
    query.addBindValue(setId);
    if (!query.exec() || !query.next()) {
        return queryError(query.lastError());
    }
    return query.value(0).toLongLong();
}

std::variant<QList<LogRow>, StoreError> LogStore::rows(const LogQuery& logQuery, qint64 offset, int limit) const
{
    if (limit <= 0) {
        return QList<LogRow>();
    }
    const Filter filter = filterOf(logQuery, errorCodesFor(m_database.connection(), logQuery));
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kRowColumns + filter.fromClause() + filter.whereClause()
        + orderBy(logQuery) + QStringLiteral(" LIMIT ? OFFSET ?"));
    QVariantList values = filter.boundValues();
    values.append(limit);
    values.append(std::max<qint64>(offset, 0));
    bindAll(query, values);
    if (!query.exec()) {
        return queryError(query.lastError());
    }
    QList<LogRow> rows;
    rows.reserve(limit);
    while (query.next()) {
        rows.append(rowFrom(query));
    }
    return rows;
}

std::variant<QList<LogRow>, StoreError> LogStore::firstPage(const LogQuery& query) const
{
    return rows(query, 0, query.pageSize);
}

std::variant<qint64, StoreError> LogStore::totalCount(const LogQuery& logQuery) const
{
    const Filter filter = filterOf(logQuery, errorCodesFor(m_database.connection(), logQuery));
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT count(*)") + filter.fromClause() + filter.whereClause());
    bindAll(query, filter.boundValues());
    if (!query.exec() || !query.next()) {
        return queryError(query.lastError());
    }
    return query.value(0).toLongLong();
}

std::variant<std::optional<ProvisioningLogEntry>, StoreError> LogStore::record(qint64 rowId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT body FROM log_record_bodies WHERE record_rowid = ?"));
    query.addBindValue(rowId);
    if (!query.exec()) {
        return queryError(query.lastError());
    }
    if (!query.next()) {
        return std::optional<ProvisioningLogEntry>();
    }
    const QByteArray json = LogRecordRow::jsonOf(query.value(0).toByteArray());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return queryError(QStringLiteral("log record %1 is damaged: %2").arg(rowId).arg(parseError.errorString()));
    }
    return std::optional<ProvisioningLogEntry>(ProvisioningLogEntry::fromJson(document.object()));
}

std::variant<QList<ErrorCodeCount>, StoreError> LogStore::countsByErrorCode(const LogQuery& logQuery) const
{
    Filter filter = filterOf(logQuery, errorCodesFor(m_database.connection(), logQuery), ErrorCodeFilter::Ignore);
    filter.add(QStringLiteral("r.error_code <> ''"), {});
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT r.error_code, count(*)") + filter.fromClause() + filter.whereClause()
        + QStringLiteral(" GROUP BY r.error_code ORDER BY 2 DESC, 1"));
    bindAll(query, filter.boundValues());
    if (!query.exec()) {
        return queryError(query.lastError());
    }
    QList<ErrorCodeCount> counts;
    while (query.next()) {
        counts.append({query.value(0).toString(), query.value(1).toLongLong()});
    }
    return counts;
}

std::optional<StoreError> LogStore::beginBulkInsert()
{
    auto writer = std::make_unique<LogRecordWriter>(m_database.filePath(), LogRecordWriter::Mode::Bulk);
    if (std::optional<StoreError> failed = writer->open()) {
        return failed;
    }
    m_bulkWriter = std::move(writer);
    return std::nullopt;
}

std::optional<StoreError> LogStore::endBulkInsert()
{
    if (!m_bulkWriter) {
        return std::nullopt;
    }
    std::optional<StoreError> failed = m_bulkWriter->finish();
    m_bulkWriter.reset(); // checkpoints and closes its connection
    return failed;
}

} // namespace tb::logs
