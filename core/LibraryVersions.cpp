// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/LibraryVersions.h"

#include <sqlite3.h>

namespace tb {

QString LibraryVersions::sqlite()
{
    return QString::fromLatin1(sqlite3_libversion());
}

QString LibraryVersions::qtKeychain()
{
#ifdef TB_QTKEYCHAIN_VERSION
    return QStringLiteral(TB_QTKEYCHAIN_VERSION);
#else
    return {};
#endif
}

} // namespace tb
