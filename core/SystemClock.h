// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Clock.h"

#include <QElapsedTimer>

namespace tb {

// The real clock: QDateTime for wall time, QElapsedTimer for the monotonic one.
class SystemClock final : public Clock
{
public:
    SystemClock();

    [[nodiscard]] QDateTime nowUtc() const override;
    [[nodiscard]] qint64 monotonicMs() const override;

private:
    QElapsedTimer m_elapsed;
};

} // namespace tb
