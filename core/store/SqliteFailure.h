// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/StoreError.h"

#include <QString>

class QSqlDatabase;
class QSqlError;
struct sqlite3;

namespace tb::store {

// Turns what SQLite reports into a StoreError of the kind the user can act on (issue 9): a full disk and a folder
// that cannot be written each get their own kind and sentence instead of "a query failed".
//
// What SQLite says depends on how the room ran out (sqlite 3.40 os_unix.c, unixWrite): ENOSPC, or a write cut
// short, is SQLITE_FULL; any other failed write is SQLITE_IOERR_WRITE with the OS error kept aside
// (sqlite3_system_errno), so a file size limit (RLIMIT_FSIZE: EFBIG) or a quota (EDQUOT) arrives as an I/O error
// and is told apart here by its errno. A read-only file is SQLITE_READONLY; a folder where the -wal or -shm file
// cannot be made is SQLITE_CANTOPEN with EACCES or EROFS. Stateless; any thread (each call reads one connection).
class SqliteFailure final
{
public:
    SqliteFailure() = delete;

    // The kind for an SQLite result code (primary or extended) and the OS error behind it (0 when none); otherwise
    // when neither the disk nor the permissions are to blame.
    [[nodiscard]] static StoreError::Kind kindOf(int resultCode, int systemErrno, StoreError::Kind otherwise);
    // From the C API, right after the call that failed on db: its extended code and errno. what says what was
    // being done; the detail gets SQLite's message and the OS error.
    [[nodiscard]] static StoreError fromHandle(
        sqlite3* db, const QString& filePath, const QString& what, StoreError::Kind otherwise);
    // From QtSql, right after the statement (or commit) on db failed with error.
    [[nodiscard]] static StoreError fromQuery(const QSqlDatabase& db, const QSqlError& error, const QString& filePath,
        StoreError::Kind otherwise = StoreError::Kind::QueryFailed);
    // The sqlite3 handle behind a QtSql connection of the QSQLITE driver, or null.
    [[nodiscard]] static sqlite3* handleOf(const QSqlDatabase& db);

private:
    [[nodiscard]] static QString detailOf(const QString& text, int resultCode, int systemErrno);
};

} // namespace tb::store
