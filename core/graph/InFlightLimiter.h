// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>

#include <functional>

namespace tb::graph {

// Lets at most N pieces of work run at once and queues the rest in order (qBittorrent's per-host queue,
// generalised to N). GraphClient owns one per tenant; each GraphCall attempt holds one slot while its
// reply is open, and gives it back while it waits for a retry. Single thread (the client's).
class InFlightLimiter final
{
public:
    using Ticket = quint64;
    using StartFunction = std::function<void()>;

    explicit InFlightLimiter(int maxInFlight);

    // Runs start now when a slot is free, else when one frees up. The ticket identifies the slot or queue
    // entry for release() and cancel().
    [[nodiscard]] Ticket acquire(StartFunction start);
    // Gives back the slot of a started ticket and starts the next queued work. Unknown tickets are ignored.
    void release(Ticket ticket);
    // Drops a ticket: a queued one never starts (returns true); a running one is released (returns false).
    bool cancel(Ticket ticket);

    [[nodiscard]] int maxInFlight() const { return m_maxInFlight; }
    [[nodiscard]] int inFlight() const { return static_cast<int>(m_running.size()); }
    [[nodiscard]] int queued() const { return static_cast<int>(m_queue.size()); }
    // The most that ever ran at once: lets tests check the limit without timing.
    [[nodiscard]] int peakInFlight() const { return m_peakInFlight; }

private:
    void startQueued();

    int m_maxInFlight;
    Ticket m_nextTicket = 1;
    QList<Ticket> m_running;
    QList<QPair<Ticket, StartFunction>> m_queue;
    int m_peakInFlight = 0;
    bool m_starting = false;
};

} // namespace tb::graph
