// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/RolloutPacer.h"

#include <QElapsedTimer>

#include <algorithm>

namespace tb::sync {

RolloutPacer::RolloutPacer(double growth)
    : m_growth(growth)
{ }

qint64 RolloutPacer::nowMs()
{
    static QElapsedTimer clock;
    if (!clock.isValid()) {
        clock.start();
    }
    return clock.elapsed();
}

qint64 RolloutPacer::waitBeforeSending(int items, qint64 nowMs)
{
    if (m_pace <= 0.0) {
        return 0;
    }
    if (nowMs < m_nextSendMs) {
        return m_nextSendMs - nowMs;
    }
    m_nextSendMs = std::max(m_nextSendMs, nowMs) + static_cast<qint64>(1000.0 * items / m_pace);
    return 0;
}

void RolloutPacer::noteBatch(
    qint64 sentAtMs, int acceptedFirstTime, int acceptedAfterRetry, bool throttled, qint64 nowMs)
{
    if (m_growth <= 0.0) {
        return;
    }
    for (int i = 0; i < acceptedFirstTime; ++i) {
        m_acceptedAtMs.append(sentAtMs);
    }
    for (int i = 0; i < acceptedAfterRetry; ++i) {
        m_acceptedAtMs.append(nowMs);
    }
    std::sort(m_acceptedAtMs.begin(), m_acceptedAtMs.end());
    while (!m_acceptedAtMs.isEmpty() && m_acceptedAtMs.first() < nowMs - 5000) {
        m_acceptedAtMs.removeFirst();
    }
    if (!throttled) {
        if (m_pace > 0.0) {
            m_pace *= 1.0 + m_growth;
        }
        return;
    }
    if (sentAtMs <= m_lastCutMs) {
        return; // sent before the last cut: that cut already answered this burst
    }
    m_lastCutMs = nowMs;
    const auto taken = std::count_if(m_acceptedAtMs.cbegin(), m_acceptedAtMs.cend(),
        [sentAtMs](qint64 at) { return at > sentAtMs - 1000 && at <= sentAtMs; });
    const double measured = std::max(1.0, static_cast<double>(taken));
    m_pace = std::max(1.0, (m_pace > 0.0 ? std::min(m_pace, measured) : measured) * 0.95);
}

} // namespace tb::sync
