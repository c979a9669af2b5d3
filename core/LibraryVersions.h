// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tb {

// The versions of the libraries core links privately, SQLite and QtKeychain, for the About box and bug reports:
// ui may not include their headers (tests/arch), so core says them. Any thread.
class LibraryVersions final
{
public:
    LibraryVersions() = delete;

    // The SQLite library in use at run time (sqlite3_libversion()): "3.40.1". The log store's bulk writer and Qt's
    // QSQLITE driver use the same system library.
    [[nodiscard]] static QString sqlite();
    // The QtKeychain release the build found (its CMake package version): "0.13.2"; empty when CMake did not say.
    // Not QTKEYCHAIN_VERSION of <qt6keychain/keychain.h>: that macro has read 0x000100 ("0.1.0") through every
    // release since, so it names none, and QtKeychain has no run-time version call.
    [[nodiscard]] static QString qtKeychain();
};

} // namespace tb
