// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tb::cli {

// The yes/no question a command asks before it writes to a tenant (apply, job, test-sync, rollout, cleanup), and
// whether there is a person to ask: without a terminal on stdin, those commands want --yes instead. Main thread.
class CliConfirmation final
{
public:
    CliConfirmation() = delete;

    [[nodiscard]] static bool inputIsTerminal();
    // Prints the question on stderr and reads one line; true for "y" or "yes" (any case). Blocking is fine: nothing
    // else runs while the person decides.
    [[nodiscard]] static bool ask(const QString& question);
};

} // namespace tb::cli
