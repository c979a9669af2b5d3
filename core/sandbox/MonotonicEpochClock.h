// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace tbsandbox {

// Milliseconds since the Unix epoch that never go backwards: the wall clock read once, then a monotonic
// timer added. Throttle windows and request-log times use it, so a clock step on the machine cannot reopen
// a window or make a retry look early. Safe on any thread after first use.
class MonotonicEpochClock final
{
public:
    MonotonicEpochClock() = delete;

    [[nodiscard]] static qint64 nowMs();
};

} // namespace tbsandbox
