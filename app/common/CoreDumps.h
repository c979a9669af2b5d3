// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace tb::app {

// Keeps a crash of the GUI or the CLI from leaving a core file: the process holds access tokens, refresh tokens and
// device codes in memory, and with a raised core limit ("ulimit -c unlimited", common on developer machines) and the
// kernel's default pattern the core lands in the working folder, often the home folder, in clear. KeePassXC's
// Bootstrap::disableCoreDumps does the same for the same reason. Called first thing in main(); any thread.
class CoreDumps final
{
public:
    CoreDumps() = delete;

    // Sets the core size limit to zero and, on Linux, marks the process not dumpable (which also keeps other
    // processes of the same user from reading its memory through ptrace). False when the system refused either.
    static bool disable();
};

} // namespace tb::app
