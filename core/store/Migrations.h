// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/StoreError.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QStringList>

#include <optional>

namespace tb::store {

// The numbered schema steps of the profile database. Forward only: step N takes a database at version N-1
// to version N inside one transaction, and sets PRAGMA user_version to N in the same transaction, so a
// crash leaves either the old or the new schema. New steps are appended, never edited.
class Migrations final
{
public:
    Migrations() = delete;

    [[nodiscard]] static int latestVersion();
    // Applies every step above the file's current version. The error names the step that failed.
    [[nodiscard]] static std::optional<StoreError> apply(QSqlDatabase& db, const QString& filePath);

private:
    [[nodiscard]] static QList<QStringList> steps();
    [[nodiscard]] static StoreError stepError(
        const QSqlDatabase& db, const QSqlError& error, const QString& filePath, int version);
};

} // namespace tb::store
