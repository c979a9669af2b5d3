// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/MonotonicEpochClock.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace tbsandbox {

namespace {

struct Origin
{
    qint64 epochMs = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer elapsed;
    Origin() { elapsed.start(); }
};

} // namespace

qint64 MonotonicEpochClock::nowMs()
{
    // Initialised once, thread-safely, on first use.
    static const Origin origin;
    return origin.epochMs + origin.elapsed.elapsed();
}

} // namespace tbsandbox
