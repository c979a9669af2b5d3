// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

namespace tbsandbox {

// Milliseconds since the Unix epoch that never go backwards: the wall clock read once, when the clock is made,
// then a monotonic timer added. Throttle windows and request-log times use it, so a clock step on the machine
// cannot reopen a window, make a retry look early or reorder the log. One per SandboxServer, which hands it
// to its connections and router; read on the server's thread.
class MonotonicEpochClock final
{
    Q_DISABLE_COPY_MOVE(MonotonicEpochClock)

public:
    MonotonicEpochClock();

    [[nodiscard]] qint64 nowMs() const;

private:
    qint64 m_originEpochMs;
    QElapsedTimer m_elapsed;
};

} // namespace tbsandbox
