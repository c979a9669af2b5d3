// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace tb::test {

// Makes a file's mode bind the calling thread even when it runs as root (CI does): drops CAP_DAC_OVERRIDE and
// CAP_DAC_READ_SEARCH from the thread's effective capability set (capset(2); capabilities are per thread on Linux),
// so a chmod'ed read-only file or folder refuses this thread's writes as it would an ordinary user's. The permitted
// set is kept, and the destructor puts the effective set back. Without those capabilities (an ordinary user) it has
// nothing to do and isActive() is still true. Other threads are not affected: do the writes on this thread.
class FilePermissionsEnforced final
{
public:
    FilePermissionsEnforced();
    ~FilePermissionsEnforced();
    FilePermissionsEnforced(const FilePermissionsEnforced&) = delete;
    FilePermissionsEnforced& operator=(const FilePermissionsEnforced&) = delete;

    // False when the capabilities could not be read or changed (the test cannot rely on chmod then).
    [[nodiscard]] bool isActive() const { return m_active; }

private:
    bool m_active = false;
    bool m_changed = false;
    quint32 m_previousEffective[2] = {0, 0};
};

} // namespace tb::test
