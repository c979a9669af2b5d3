// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tb::store {

// What went wrong with the local database, in one value: the kind (for code to branch on), the
// technical detail from SQLite (for logs), and a sentence that tells a person what to do.
class StoreError
{
public:
    enum class Kind {
        CannotOpen, // the file or its folder cannot be read or written
        DriverMissing, // Qt's SQLite plugin is not installed: nothing about the file is wrong
        NotADatabase, // the file exists but is not an SQLite database, or is damaged
        NewerSchema, // made by a newer TenantBridge: we must not touch it
        MigrationFailed, // an upgrade step failed and was rolled back
        QueryFailed, // a statement failed on a healthy database
    };

    StoreError(Kind kind, QString filePath, QString detail);

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] const QString& filePath() const { return m_filePath; }
    [[nodiscard]] const QString& detail() const { return m_detail; }
    // One or two sentences for the user: what happened to which file and what to do about it.
    [[nodiscard]] QString userMessage() const;

private:
    Kind m_kind;
    QString m_filePath;
    QString m_detail;
};

} // namespace tb::store
