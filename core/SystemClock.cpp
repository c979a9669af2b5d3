// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/SystemClock.h"

namespace tb {

SystemClock::SystemClock()
{
    m_elapsed.start();
}

QDateTime SystemClock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicMs() const
{
    return m_elapsed.elapsed();
}

} // namespace tb
