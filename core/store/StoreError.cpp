// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/StoreError.h"

#include <QDir>

namespace tb::store {

StoreError::StoreError(Kind kind, QString filePath, QString detail)
    : m_kind(kind)
    , m_filePath(std::move(filePath))
    , m_detail(std::move(detail))
{ }

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
    }
    return m_detail;
}

} // namespace tb::store
