// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/StoreError.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>
#include <variant>

namespace tb::store {

// One SQLite file per profile, opened once, in WAL mode, migrated to the current schema. A file that
// cannot be opened, is not a database, or comes from a newer version is reported and never deleted or
// overwritten; one that cannot be written (read-only file, folder or mount) is refused with StoreError::ReadOnly,
// because every tenant change is journalled here before it is sent. Owned by the profile's composition root; used on
// the thread that opened it (QtSql rule).
class Database final
{
public:
    // <AppDataLocation>/profiles/<profile>.sqlite
    [[nodiscard]] static QString defaultFilePath(const QString& profile);

    explicit Database(QString filePath);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Opens (creating the file and its folder when missing), checks, switches to WAL and migrates.
    // Returns the error when any of that fails; the database is then closed.
    [[nodiscard]] std::optional<StoreError> open();
    void close();

    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] const QString& filePath() const { return m_filePath; }
    // The connection for queries; valid while open.
    [[nodiscard]] QSqlDatabase connection() const;
    // PRAGMA user_version after migration.
    [[nodiscard]] int schemaVersion() const;
    // PRAGMA journal_mode, lower case ("wal" once open).
    [[nodiscard]] QString journalMode() const;

private:
    [[nodiscard]] std::optional<StoreError> checkReadable();
    [[nodiscard]] std::optional<StoreError> checkWritable();
    [[nodiscard]] std::optional<StoreError> configure();

    QString m_filePath;
    QString m_connectionName;
};

} // namespace tb::store
