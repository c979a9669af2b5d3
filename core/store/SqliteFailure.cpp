// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/SqliteFailure.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <sqlite3.h>

#include <cerrno>
#include <cstring>

namespace tb::store {

namespace {

bool isDiskFullErrno(int systemErrno)
{
    switch (systemErrno) {
    case ENOSPC: // no space left on the device
    case EFBIG: // the file size limit of the process (RLIMIT_FSIZE) or of the file system
#ifdef EDQUOT
    case EDQUOT: // the user's quota
#endif
        return true;
    default:
        return false;
    }
}

bool isReadOnlyErrno(int systemErrno)
{
    return systemErrno == EACCES || systemErrno == EPERM || systemErrno == EROFS;
}

// SQLite keeps the errno of a failed call (sqlite3_system_errno) only where the error passes through
// sqlite3SystemError: a write that fails inside COMMIT (the WAL append of a whole transaction) leaves it 0. The
// thread's errno, read before anything else ran, then still holds what the failed write() set.
int systemErrnoOf(sqlite3* db, int resultCode, int threadErrno)
{
    switch (resultCode & 0xff) {
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_FULL:
    case SQLITE_READONLY:
        break;
    default:
        return 0; // not a file call that failed: whatever errno holds belongs to something else
    }
    const int kept = sqlite3_system_errno(db);
    return kept != 0 ? kept : threadErrno;
}

} // namespace

StoreError::Kind SqliteFailure::kindOf(int resultCode, int systemErrno, StoreError::Kind otherwise)
{
    switch (resultCode & 0xff) {
    case SQLITE_FULL:
        return StoreError::Kind::DiskFull;
    case SQLITE_READONLY:
        return StoreError::Kind::ReadOnly;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        if (isDiskFullErrno(systemErrno)) {
            return StoreError::Kind::DiskFull;
        }
        if (isReadOnlyErrno(systemErrno)) {
            return StoreError::Kind::ReadOnly;
        }
        return otherwise;
    default:
        return otherwise;
    }
}

QString SqliteFailure::detailOf(const QString& text, int resultCode, int systemErrno)
{
    QString detail = text.trimmed();
    if (resultCode != SQLITE_OK) {
        detail += QStringLiteral(" [SQLite %1").arg(resultCode);
        if (systemErrno != 0) {
            detail += QStringLiteral(", %1").arg(QString::fromLocal8Bit(std::strerror(systemErrno)));
        }
        detail += QLatin1Char(']');
    }
    return detail;
}

StoreError SqliteFailure::fromHandle(
    sqlite3* db, const QString& filePath, const QString& what, StoreError::Kind otherwise)
{
    const int threadErrno = errno; // first: before anything here can change it
    if (db == nullptr) {
        return StoreError(otherwise, filePath, what);
    }
    const int code = sqlite3_extended_errcode(db);
    const int systemErrno = systemErrnoOf(db, code, threadErrno);
    const QString text = QStringLiteral("%1: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(db)));
    return StoreError(kindOf(code, systemErrno, otherwise), filePath, detailOf(text, code, systemErrno));
}

StoreError SqliteFailure::fromQuery(
    const QSqlDatabase& db, const QSqlError& error, const QString& filePath, StoreError::Kind otherwise)
{
    const int threadErrno = errno; // first: before anything here can change it
    // QSQLITE puts the code of the failed call in nativeErrorCode; the connection still holds its extended form
    // and the errno until the next call that fails.
    bool isNumber = false;
    int code = error.nativeErrorCode().toInt(&isNumber);
    if (!isNumber) {
        code = SQLITE_OK;
    }
    int systemErrno = 0;
    if (sqlite3* handle = handleOf(db)) {
        const int extended = sqlite3_extended_errcode(handle);
        if (code == SQLITE_OK || (extended & 0xff) == (code & 0xff)) {
            code = extended;
        }
        systemErrno = systemErrnoOf(handle, code, threadErrno);
    }
    QString text = error.text();
    if (text.trimmed().isEmpty()) {
        text = QStringLiteral("no detail from SQLite");
    }
    return StoreError(kindOf(code, systemErrno, otherwise), filePath, detailOf(text, code, systemErrno));
}

sqlite3* SqliteFailure::handleOf(const QSqlDatabase& db)
{
    if (!db.isValid() || db.driver() == nullptr) {
        return nullptr;
    }
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return nullptr;
    }
    return *static_cast<sqlite3* const*>(handle.constData());
}

} // namespace tb::store
