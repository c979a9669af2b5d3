// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/FilePermissionsEnforced.h"

#ifdef Q_OS_LINUX
#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace tb::test {

#ifdef Q_OS_LINUX
namespace {

// The raw system calls: libcap is not a dependency of the project, and glibc has no wrapper.
bool capabilities(__user_cap_data_struct (&data)[_LINUX_CAPABILITY_U32S_3])
{
    __user_cap_header_struct header {_LINUX_CAPABILITY_VERSION_3, 0};
    return syscall(SYS_capget, &header, data) == 0;
}

bool setCapabilities(__user_cap_data_struct (&data)[_LINUX_CAPABILITY_U32S_3])
{
    __user_cap_header_struct header {_LINUX_CAPABILITY_VERSION_3, 0}; // pid 0: this thread
    return syscall(SYS_capset, &header, data) == 0;
}

constexpr quint32 bit(int capability)
{
    return 1U << (capability % 32);
}

} // namespace

FilePermissionsEnforced::FilePermissionsEnforced()
{
    __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] {};
    if (!capabilities(data)) {
        return;
    }
    m_previousEffective[0] = data[0].effective;
    m_previousEffective[1] = data[1].effective;
    const quint32 drop = bit(CAP_DAC_OVERRIDE) | bit(CAP_DAC_READ_SEARCH); // both in the first 32 bits
    if ((data[0].effective & drop) == 0) {
        m_active = true; // an ordinary user: file modes bind already
        return;
    }
    data[0].effective &= ~drop;
    m_changed = setCapabilities(data);
    m_active = m_changed;
}

FilePermissionsEnforced::~FilePermissionsEnforced()
{
    if (!m_changed) {
        return;
    }
    __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] {};
    if (capabilities(data)) {
        data[0].effective = m_previousEffective[0];
        data[1].effective = m_previousEffective[1];
        setCapabilities(data);
    }
}
#else
// Elsewhere file modes are left to the operating system: isActive() is false, and tests that need it skip.
FilePermissionsEnforced::FilePermissionsEnforced() = default;
FilePermissionsEnforced::~FilePermissionsEnforced() = default;
#endif

} // namespace tb::test
