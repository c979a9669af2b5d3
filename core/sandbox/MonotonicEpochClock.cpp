// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/MonotonicEpochClock.h"

#include <QDateTime>

namespace tbsandbox {

MonotonicEpochClock::MonotonicEpochClock()
    : m_originEpochMs(QDateTime::currentMSecsSinceEpoch())
{
    m_elapsed.start();
}

qint64 MonotonicEpochClock::nowMs() const
{
    // The wall clock is never read again: later steps of it do not move these times.
    return m_originEpochMs + m_elapsed.elapsed();
}

} // namespace tbsandbox
