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
        DiskFull, // the disk (or the process's file size limit) left no room: the write was rolled back
        ReadOnly, // the file or its folder cannot be written (permissions, a read-only mount)
    };

    StoreError(Kind kind, QString filePath, QString detail);

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] const QString& filePath() const { return m_filePath; }
    [[nodiscard]] const QString& detail() const { return m_detail; }
    // The folder that holds the file, as the user should look for it.
    [[nodiscard]] QString folderPath() const;
    // One or two sentences for the user: what happened to which file and what to do about it.
    [[nodiscard]] QString userMessage() const;
    // True for the kinds the machine is to blame for rather than the data (DiskFull, ReadOnly): retrying after the
    // user freed space or fixed permissions can succeed.
    [[nodiscard]] bool isStorageProblem() const { return m_kind == Kind::DiskFull || m_kind == Kind::ReadOnly; }

private:
    Kind m_kind;
    QString m_filePath;
    QString m_detail;
};

} // namespace tb::store
