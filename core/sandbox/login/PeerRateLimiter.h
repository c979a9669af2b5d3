// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>

namespace tbsandbox {

// Counts failures per peer address in a sliding window and says when a peer has had too many: the device-login
// page's guard against guessing user codes (RFC 8628 section 5.1). Server thread.
class PeerRateLimiter final
{
public:
    PeerRateLimiter(int limit, qint64 windowMs);

    [[nodiscard]] bool isLimited(const QHostAddress& peer, qint64 nowMs);
    void recordFailure(const QHostAddress& peer, qint64 nowMs);
    // Seconds until the oldest failure of a limited peer leaves the window.
    [[nodiscard]] int retryAfterSeconds(const QHostAddress& peer, qint64 nowMs) const;

private:
    void forgetOld(QList<qint64>& failures, qint64 nowMs) const;

    int m_limit;
    qint64 m_windowMs;
    QHash<QString, QList<qint64>> m_failures;
};

} // namespace tbsandbox
