// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/ProfileSettings.h"

#include "core/store/Database.h"
#include "core/store/SqliteFailure.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace tb::store {

ProfileSettings::ProfileSettings(Database& database)
    : m_database(database)
{ }

StoreError ProfileSettings::queryError(const QString& detail) const
{
    return StoreError(StoreError::Kind::QueryFailed, m_database.filePath(), detail);
}

StoreError ProfileSettings::queryError(const QSqlError& error) const
{
    return SqliteFailure::fromQuery(m_database.connection(), error, m_database.filePath());
}

std::variant<std::optional<QString>, StoreError> ProfileSettings::value(const QString& key) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT value FROM profile_meta WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec()) {
        return queryError(query.lastError());
    }
    if (!query.next()) {
        return std::optional<QString>();
    }
    return std::optional<QString>(query.value(0).toString());
}

std::optional<StoreError> ProfileSettings::setValue(const QString& key, const QString& value)
{
    if (key.isEmpty()) {
        return queryError(QStringLiteral("a profile setting needs a key"));
    }
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO profile_meta (key, value) VALUES (?, ?)"));
    query.addBindValue(key);
    query.addBindValue(value.isNull() ? QStringLiteral("") : value);
    if (!query.exec()) {
        return queryError(query.lastError());
    }
    return std::nullopt;
}

std::optional<StoreError> ProfileSettings::remove(const QString& key)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM profile_meta WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec()) {
        return queryError(query.lastError());
    }
    return std::nullopt;
}

std::variant<QStringList, StoreError> ProfileSettings::stringList(const QString& key, const QStringList& fallback) const
{
    auto stored = value(key);
    if (auto* error = std::get_if<StoreError>(&stored)) {
        return *error;
    }
    const std::optional<QString>& text = std::get<std::optional<QString>>(stored);
    if (!text) {
        return fallback;
    }
    const QJsonDocument document = QJsonDocument::fromJson(text->toUtf8());
    if (!document.isArray()) {
        return fallback;
    }
    QStringList values;
    for (const QJsonValue& item : document.array()) {
        values.append(item.toString());
    }
    return values;
}

std::optional<StoreError> ProfileSettings::setStringList(const QString& key, const QStringList& values)
{
    return setValue(
        key, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact)));
}

std::variant<QStringList, StoreError> ProfileSettings::requiredAttributes() const
{
    return stringList(kRequiredAttributesKey, defaultRequiredAttributes());
}

std::optional<StoreError> ProfileSettings::setRequiredAttributes(const QStringList& attributes)
{
    return setStringList(kRequiredAttributesKey, attributes);
}

QStringList ProfileSettings::defaultRequiredAttributes()
{
    return {QStringLiteral("department"), QStringLiteral("jobTitle"), QStringLiteral("mail")};
}

} // namespace tb::store
