// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

namespace tb {

// Where the core reads the time: token expiry, journal stamps, retry deadlines. Injected, so that tests
// can hold time still or move it on by hand. Implementations must be usable from the owning thread.
class Clock
{
public:
    virtual ~Clock() = default;

    // Wall-clock time in UTC.
    [[nodiscard]] virtual QDateTime nowUtc() const = 0;
    // Milliseconds on a monotonic clock with an arbitrary origin; only differences mean anything.
    [[nodiscard]] virtual qint64 monotonicMs() const = 0;
};

} // namespace tb
