// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/CoreDumps.h"

#include <QtGlobal>

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

namespace tb::app {

bool CoreDumps::disable()
{
    bool disabled = true;
#if defined(Q_OS_UNIX)
    // Both limits: a later setrlimit() in this process (a plugin, a library) cannot raise them again.
    const rlimit none {0, 0};
    disabled = ::setrlimit(RLIMIT_CORE, &none) == 0;
#endif
#if defined(Q_OS_LINUX)
    // The kernel does not apply the limit above when core_pattern pipes to a collector (systemd-coredump, apport):
    // the collector decides. A process that is not dumpable is not dumped at all (with the default
    // fs.suid_dumpable of 0).
    disabled = ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 && disabled;
#endif
    return disabled;
}

} // namespace tb::app
