// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/StoreError.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

class QSqlError;

namespace tb::store {

class Database;

// Small per-profile settings kept in the profile's database (table profile_meta: key, value), such as the
// attributes a test sync must see arrive (kRequiredAttributesKey). Values are text; lists are kept as a JSON
// array. Borrows the Database; same thread.
class ProfileSettings final
{
public:
    // The attributes the administrator's target needs, checked by every test sync (issue 6).
    static inline const QString kRequiredAttributesKey = QStringLiteral("testSync.requiredAttributes");

    explicit ProfileSettings(Database& database);

    // The value, or nothing when the key was never set.
    [[nodiscard]] std::variant<std::optional<QString>, StoreError> value(const QString& key) const;
    [[nodiscard]] std::optional<StoreError> setValue(const QString& key, const QString& value);
    [[nodiscard]] std::optional<StoreError> remove(const QString& key);

    // A list kept as a JSON array; fallback when the key was never set or does not hold an array.
    [[nodiscard]] std::variant<QStringList, StoreError> stringList(
        const QString& key, const QStringList& fallback = {}) const;
    [[nodiscard]] std::optional<StoreError> setStringList(const QString& key, const QStringList& values);

    // The required attributes of a test sync, defaultRequiredAttributes() until the administrator chooses.
    [[nodiscard]] std::variant<QStringList, StoreError> requiredAttributes() const;
    [[nodiscard]] std::optional<StoreError> setRequiredAttributes(const QStringList& attributes);
    // department, jobTitle, mail: what a B2B member most often lacks for the target's apps (address book, dynamic
    // groups and approvals key on department and jobTitle; mail is what people search for). displayName and
    // userPrincipalName are not in it because sync always writes them.
    [[nodiscard]] static QStringList defaultRequiredAttributes();

private:
    [[nodiscard]] StoreError queryError(const QString& detail) const;
    // The statement's error on the database's connection, classified (SqliteFailure).
    [[nodiscard]] StoreError queryError(const QSqlError& error) const;

    Database& m_database;
};

} // namespace tb::store
