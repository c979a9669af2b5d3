// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/RolloutStore.h"

#include "core/store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace tb::sync {

namespace {

QString compact(const QJsonObject& json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

QString compact(const QJsonArray& json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

QJsonDocument parsed(const QVariant& value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8());
}

// The rollout's own state column: what a list of rollouts shows without reading the stages.
QString rolloutState(const RolloutPlan& plan)
{
    if (plan.activeStage() >= 0) {
        return QStringLiteral("active");
    }
    return plan.nextStage() >= 0 ? QStringLiteral("planned") : QStringLiteral("through");
}

} // namespace

RolloutStore::RolloutStore(store::Database& database)
    : m_database(database)
{ }

store::StoreError RolloutStore::queryError(const QString& detail) const
{
    return store::StoreError(store::StoreError::Kind::QueryFailed, m_database.filePath(), detail);
}

std::optional<store::StoreError> RolloutStore::save(const RolloutPlan& plan)
{
    QSqlDatabase db = m_database.connection();
    if (!db.transaction()) {
        return queryError(db.lastError().text());
    }
    QSqlQuery query(db);
    // An upsert, not INSERT OR REPLACE: replacing the row would cascade-delete the recorded assignments.
    query.prepare(QStringLiteral(
        "INSERT INTO rollouts (id, created_at, source_tenant_id, target_tenant_id, service_principal_id, job_id, "
        "settings, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, "
        "state = excluded.state, job_id = excluded.job_id"));
    query.addBindValue(plan.id);
    query.addBindValue(plan.createdAt.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(plan.sourceTenantId);
    query.addBindValue(plan.targetTenantId);
    query.addBindValue(plan.servicePrincipalId);
    query.addBindValue(plan.jobId);
    query.addBindValue(compact(plan.settings.toJson()));
    query.addBindValue(rolloutState(plan));
    bool ok = query.exec();
    QString failure = ok ? QString() : query.lastError().text();
    if (ok) {
        QSqlQuery remove(db);
        remove.prepare(QStringLiteral("DELETE FROM rollout_stages WHERE rollout_id = ? AND position >= ?"));
        remove.addBindValue(plan.id);
        remove.addBindValue(static_cast<int>(plan.stages.size()));
        ok = remove.exec();
        if (!ok) {
            failure = remove.lastError().text();
        }
    }
    for (int i = 0; ok && i < plan.stages.size(); ++i) {
        const RolloutStage& stage = plan.stages.at(i);
        QJsonObject detail = stage.toJson();
        const QJsonArray principals = detail.take(QLatin1String("principals")).toArray();
        detail.remove(QLatin1String("name"));
        detail.remove(QLatin1String("state"));
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral(
            "INSERT INTO rollout_stages (rollout_id, position, name, principals, state, detail) VALUES (?, ?, ?, ?, ?, "
            "?) "
            "ON CONFLICT (rollout_id, position) DO UPDATE SET name = excluded.name, principals = excluded.principals, "
            "state = excluded.state, detail = excluded.detail"));
        insert.addBindValue(plan.id);
        insert.addBindValue(i);
        insert.addBindValue(stage.name);
        insert.addBindValue(compact(principals));
        insert.addBindValue(RolloutStage::stateName(stage.state));
        insert.addBindValue(compact(detail));
        ok = insert.exec();
        if (!ok) {
            failure = insert.lastError().text();
        }
    }
    if (!ok) {
        db.rollback();
        return queryError(failure);
    }
    if (!db.commit()) {
        const QString detail = db.lastError().text();
        db.rollback();
        return queryError(detail);
    }
    return std::nullopt;
}

std::variant<std::optional<RolloutPlan>, store::StoreError> RolloutStore::load(const QString& rolloutId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id, created_at, source_tenant_id, target_tenant_id, service_principal_id, "
                                 "job_id, settings FROM rollouts WHERE id = ?"));
    query.addBindValue(rolloutId);
    if (!query.exec()) {
        return queryError(query.lastError().text());
    }
    if (!query.next()) {
        return std::optional<RolloutPlan>();
    }
    RolloutPlan plan;
    plan.id = query.value(0).toString();
    plan.createdAt = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs).toUTC();
    plan.sourceTenantId = query.value(2).toString();
    plan.targetTenantId = query.value(3).toString();
    plan.servicePrincipalId = query.value(4).toString();
    plan.jobId = query.value(5).toString();
    plan.settings = RolloutSettings::fromJson(parsed(query.value(6)).object());

    QSqlQuery stages(m_database.connection());
    stages.prepare(QStringLiteral(
        "SELECT name, principals, state, detail FROM rollout_stages WHERE rollout_id = ? ORDER BY position"));
    stages.addBindValue(rolloutId);
    if (!stages.exec()) {
        return queryError(stages.lastError().text());
    }
    while (stages.next()) {
        QJsonObject json = parsed(stages.value(3)).object();
        json.insert(QStringLiteral("name"), stages.value(0).toString());
        json.insert(QStringLiteral("principals"), parsed(stages.value(1)).array());
        json.insert(QStringLiteral("state"), stages.value(2).toString());
        plan.stages.append(RolloutStage::fromJson(json));
    }
    return std::optional<RolloutPlan>(plan);
}

std::variant<std::optional<RolloutPlan>, store::StoreError> RolloutStore::latest(
    const QString& servicePrincipalId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT id FROM rollouts WHERE service_principal_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1"));
    query.addBindValue(servicePrincipalId);
    if (!query.exec()) {
        return queryError(query.lastError().text());
    }
    if (!query.next()) {
        return std::optional<RolloutPlan>();
    }
    return load(query.value(0).toString());
}

std::optional<store::StoreError> RolloutStore::recordAssignments(
    const QString& rolloutId, const QList<Assignment>& assignments)
{
    QSqlDatabase db = m_database.connection();
    if (!db.transaction()) {
        return queryError(db.lastError().text());
    }
    for (const Assignment& assignment : assignments) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "INSERT INTO rollout_assignments (rollout_id, position, principal_id, assignment_id, removed) "
            "VALUES (?, ?, ?, ?, 0) ON CONFLICT (rollout_id, principal_id) DO UPDATE SET position = excluded.position, "
            "assignment_id = excluded.assignment_id, removed = 0"));
        query.addBindValue(rolloutId);
        query.addBindValue(assignment.stage);
        query.addBindValue(assignment.principalId);
        query.addBindValue(assignment.assignmentId);
        if (!query.exec()) {
            const QString detail = query.lastError().text();
            db.rollback();
            return queryError(detail);
        }
    }
    if (!db.commit()) {
        const QString detail = db.lastError().text();
        db.rollback();
        return queryError(detail);
    }
    return std::nullopt;
}

std::optional<store::StoreError> RolloutStore::markRemoved(const QString& rolloutId, const QStringList& principalIds)
{
    QSqlDatabase db = m_database.connection();
    if (!db.transaction()) {
        return queryError(db.lastError().text());
    }
    for (const QString& principalId : principalIds) {
        QSqlQuery query(db);
        query.prepare(
            QStringLiteral("UPDATE rollout_assignments SET removed = 1 WHERE rollout_id = ? AND principal_id = ?"));
        query.addBindValue(rolloutId);
        query.addBindValue(principalId);
        if (!query.exec()) {
            const QString detail = query.lastError().text();
            db.rollback();
            return queryError(detail);
        }
    }
    if (!db.commit()) {
        const QString detail = db.lastError().text();
        db.rollback();
        return queryError(detail);
    }
    return std::nullopt;
}

std::variant<QList<RolloutStore::Assignment>, store::StoreError> RolloutStore::assignments(
    const QString& rolloutId, int stage) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT position, principal_id, assignment_id, removed FROM rollout_assignments "
                                 "WHERE rollout_id = ? AND (? < 0 OR position = ?) ORDER BY rowid"));
    query.addBindValue(rolloutId);
    query.addBindValue(stage);
    query.addBindValue(stage);
    if (!query.exec()) {
        return queryError(query.lastError().text());
    }
    QList<Assignment> result;
    while (query.next()) {
        result.append(Assignment {
            query.value(0).toInt(), query.value(1).toString(), query.value(2).toString(), query.value(3).toInt() != 0});
    }
    return result;
}

} // namespace tb::sync
