// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/FileSizeLimit.h"

#include <csignal>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace tb::test {

#ifdef Q_OS_UNIX
namespace {

using Handler = void (*)(int);

bool setSoftLimit(rlim_t soft, rlim_t hard)
{
    rlimit limit {};
    limit.rlim_cur = soft;
    limit.rlim_max = hard;
    return setrlimit(RLIMIT_FSIZE, &limit) == 0;
}

} // namespace

FileSizeLimit::FileSizeLimit(qint64 maxFileBytes)
{
    rlimit previous {};
    if (getrlimit(RLIMIT_FSIZE, &previous) != 0) {
        return;
    }
    m_previousSoft = previous.rlim_cur;
    m_previousHard = previous.rlim_max;
    m_previousHandler = reinterpret_cast<void*>(std::signal(SIGXFSZ, SIG_IGN));
    // Only the soft limit moves: an unprivileged process can raise it back up to the hard limit afterwards.
    m_active = setSoftLimit(static_cast<rlim_t>(maxFileBytes), previous.rlim_max);
    if (!m_active) {
        std::signal(SIGXFSZ, reinterpret_cast<Handler>(m_previousHandler));
    }
}

FileSizeLimit::~FileSizeLimit()
{
    lift();
}

void FileSizeLimit::lift()
{
    if (!m_active) {
        return;
    }
    m_active = false;
    setSoftLimit(static_cast<rlim_t>(m_previousSoft), static_cast<rlim_t>(m_previousHard));
    std::signal(SIGXFSZ, reinterpret_cast<Handler>(m_previousHandler));
}

void FileSizeLimit::applyInChild(qint64 maxFileBytes)
{
    std::signal(SIGXFSZ, SIG_IGN); // stays ignored across exec
    rlimit previous {};
    if (getrlimit(RLIMIT_FSIZE, &previous) == 0) {
        setSoftLimit(static_cast<rlim_t>(maxFileBytes), previous.rlim_max);
    }
}

#else
// No RLIMIT_FSIZE: isActive() is false, and tests that need it skip.
FileSizeLimit::FileSizeLimit(qint64) { }
FileSizeLimit::~FileSizeLimit() = default;
void FileSizeLimit::lift() { }
void FileSizeLimit::applyInChild(qint64) { }
#endif

} // namespace tb::test
