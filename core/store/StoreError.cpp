// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/StoreError.h"

#include <QDir>
#include <QFileInfo>

namespace tb::store {

StoreError::StoreError(Kind kind, QString filePath, QString detail)
    : m_kind(kind)
    , m_filePath(std::move(filePath))
    , m_detail(std::move(detail))
{ }

QString StoreError::folderPath() const
{
    return QDir::toNativeSeparators(QFileInfo(m_filePath).absolutePath());
}

QString StoreError::userMessage() const
{
    const QString file = QDir::toNativeSeparators(m_filePath);
    switch (m_kind) {
    case Kind::CannotOpen:
        return QStringLiteral("The TenantBridge database %1 cannot be opened (%2). Check that the folder exists and "
                              "that you may read and write it, or choose another profile.")
            .arg(file, m_detail);
    case Kind::DriverMissing:
        return QStringLiteral("TenantBridge cannot open its database %1: %2. Install it (on Debian: apt install "
                              "libqt6sql6-sqlite), then start again; nothing was changed.")
            .arg(file, m_detail);
    case Kind::NotADatabase:
        return QStringLiteral("%1 is not a TenantBridge database or is damaged (%2). It was left untouched: move it "
                              "aside or restore it from a backup, then start again.")
            .arg(file, m_detail);
    case Kind::NewerSchema:
        return QStringLiteral("The database %1 was written by a newer version of TenantBridge (%2). It was left "
                              "untouched: update TenantBridge, or use another profile.")
            .arg(file, m_detail);
    case Kind::MigrationFailed:
        return QStringLiteral("Upgrading the database %1 failed and was rolled back (%2). Your data is as it was; "
                              "free some disk space or check the file's permissions, then start again.")
            .arg(file, m_detail);
    case Kind::QueryFailed:
        return QStringLiteral("A query on the database %1 failed (%2). Try again; if it keeps failing, report it "
                              "with this message.")
            .arg(file, m_detail);
    case Kind::DiskFull:
        // SQLite rolls a failed write back whole (WAL): what was saved before is intact, the last change is not in.
        return QStringLiteral("The disk that holds %1 is full, so TenantBridge could not save to its database %2 (%3). "
                              "The change was rolled back and nothing saved before was lost. Free some space on that "
                              "disk, then try again.")
            .arg(folderPath(), file, m_detail);
    case Kind::ReadOnly:
        return QStringLiteral("TenantBridge cannot write to the folder %1 or its database %2 (%3), and it saves the "
                              "journal of every tenant change there. Make the folder and the file writable for your "
                              "user (and check the disk is not mounted read-only), or choose another profile, then "
                              "try again.")
            .arg(folderPath(), file, m_detail);
    }
    return m_detail;
}

} // namespace tb::store
