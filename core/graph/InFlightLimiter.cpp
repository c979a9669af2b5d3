// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/InFlightLimiter.h"

#include <algorithm>

namespace tb::graph {

InFlightLimiter::InFlightLimiter(int maxInFlight)
    : m_maxInFlight(std::max(1, maxInFlight))
{ }

InFlightLimiter::Ticket InFlightLimiter::acquire(StartFunction start)
{
    const Ticket ticket = m_nextTicket++;
    m_queue.append({ticket, std::move(start)});
    startQueued();
    return ticket;
}

void InFlightLimiter::release(Ticket ticket)
{
    if (m_running.removeOne(ticket)) {
        startQueued();
    }
}

bool InFlightLimiter::cancel(Ticket ticket)
{
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        if (m_queue.at(i).first == ticket) {
            m_queue.removeAt(i);
            return true;
        }
    }
    release(ticket);
    return false;
}

void InFlightLimiter::startQueued()
{
    // A start function may release or acquire at once; the flag turns that re-entry into more turns of
    // this loop instead of a deeper stack.
    if (m_starting) {
        return;
    }
    m_starting = true;
    while (!m_queue.isEmpty() && m_running.size() < m_maxInFlight) {
        auto [ticket, start] = m_queue.takeFirst();
        m_running.append(ticket);
        m_peakInFlight = std::max(m_peakInFlight, static_cast<int>(m_running.size()));
        if (start) {
            start();
        }
    }
    m_starting = false;
}

} // namespace tb::graph
