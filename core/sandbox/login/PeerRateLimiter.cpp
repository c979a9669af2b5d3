// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/login/PeerRateLimiter.h"

namespace tbsandbox {

PeerRateLimiter::PeerRateLimiter(int limit, qint64 windowMs)
    : m_limit(limit)
    , m_windowMs(windowMs)
{ }

void PeerRateLimiter::forgetOld(QList<qint64>& failures, qint64 nowMs) const
{
    while (!failures.isEmpty() && failures.first() <= nowMs - m_windowMs) {
        failures.removeFirst();
    }
}

bool PeerRateLimiter::isLimited(const QHostAddress& peer, qint64 nowMs)
{
    const auto it = m_failures.find(peer.toString());
    if (it == m_failures.end()) {
        return false;
    }
    forgetOld(*it, nowMs);
    if (it->isEmpty()) {
        m_failures.erase(it);
        return false;
    }
    return it->size() >= m_limit;
}

void PeerRateLimiter::recordFailure(const QHostAddress& peer, qint64 nowMs)
{
    QList<qint64>& failures = m_failures[peer.toString()];
    forgetOld(failures, nowMs);
    failures.append(nowMs);
}

int PeerRateLimiter::retryAfterSeconds(const QHostAddress& peer, qint64 nowMs) const
{
    const QList<qint64> failures = m_failures.value(peer.toString());
    if (failures.isEmpty()) {
        return 0;
    }
    return static_cast<int>((failures.first() + m_windowMs - nowMs + 999) / 1000);
}

} // namespace tbsandbox
