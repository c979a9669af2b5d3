// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QtGlobal>

namespace tb::sync {

// Paces a rollout's assignment batches once the service has throttled one (additive increase, multiplicative
// decrease). Unpaced at first: a rollout that is never throttled goes as fast as the client allows. When a batch comes
// back with items that had to be retried (answered 429 first), the pace becomes 95% of what the service had accepted
// in the second before that batch went out (what filled its limit), and grows by `growth` per batch that goes through
// untouched, so it settles just under the limit, whatever the limit is. Batches sent before a cut do not cut again:
// one burst is one event. Without pacing, every throttled burst waits out Retry-After plus the client's spread while
// the limit's window is already free again; paced, the window stays full. Value type, same thread; times are
// milliseconds of one monotonic clock (nowMs()).
class RolloutPacer
{
public:
    explicit RolloutPacer(double growth = 0.01);

    [[nodiscard]] static qint64 nowMs();

    [[nodiscard]] bool isPacing() const { return m_pace > 0.0; }
    [[nodiscard]] double itemsPerSecond() const { return m_pace; }
    // How long to wait before a batch of `items` may go; 0: go now (its slot is then taken).
    [[nodiscard]] qint64 waitBeforeSending(int items, qint64 nowMs);
    // A batch sent at sentAtMs came back at nowMs: items accepted at the first attempt (about when it went out) and
    // after a retry (just now), and whether any item was throttled.
    void noteBatch(qint64 sentAtMs, int acceptedFirstTime, int acceptedAfterRetry, bool throttled, qint64 nowMs);

private:
    double m_growth;
    double m_pace = 0.0; // items per second; 0: not paced
    qint64 m_nextSendMs = 0;
    qint64 m_lastCutMs = -1;
    QList<qint64> m_acceptedAtMs; // sorted; the last few seconds
};

} // namespace tb::sync
