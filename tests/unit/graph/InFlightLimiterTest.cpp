// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/InFlightLimiter.h"

#include <catch2/catch.hpp>

#include <QList>

using tb::graph::InFlightLimiter;

TEST_CASE("InFlightLimiter runs up to N at once and queues the rest in order", "[graph][limiter]")
{
    InFlightLimiter limiter(2);
    QList<int> started;
    const auto a = limiter.acquire([&] { started.append(1); });
    const auto b = limiter.acquire([&] { started.append(2); });
    const auto c = limiter.acquire([&] { started.append(3); });
    const auto d = limiter.acquire([&] { started.append(4); });
    CHECK(started == QList<int> {1, 2});
    CHECK(limiter.inFlight() == 2);
    CHECK(limiter.queued() == 2);
    limiter.release(a);
    CHECK(started == QList<int> {1, 2, 3});
    limiter.release(b);
    limiter.release(c);
    limiter.release(d);
    CHECK(started == QList<int> {1, 2, 3, 4});
    CHECK(limiter.inFlight() == 0);
    CHECK(limiter.peakInFlight() == 2);
}

TEST_CASE("InFlightLimiter drops a queued ticket on cancel and frees a running one", "[graph][limiter]")
{
    InFlightLimiter limiter(1);
    QList<int> started;
    const auto a = limiter.acquire([&] { started.append(1); });
    const auto b = limiter.acquire([&] { started.append(2); });
    const auto c = limiter.acquire([&] { started.append(3); });
    CHECK(limiter.cancel(b));
    CHECK_FALSE(limiter.cancel(a)); // it was running: released, and c starts
    CHECK(started == QList<int> {1, 3});
    limiter.release(c);
    limiter.release(c); // twice: ignored
    CHECK(limiter.inFlight() == 0);
    CHECK(limiter.queued() == 0);
}

TEST_CASE("InFlightLimiter survives work that releases itself while starting", "[graph][limiter]")
{
    InFlightLimiter limiter(1);
    int runs = 0;
    QList<InFlightLimiter::Ticket> tickets;
    for (int i = 0; i < 50; ++i) {
        tickets.append(0);
    }
    for (int i = 0; i < 50; ++i) {
        tickets[i] = limiter.acquire([&, i] {
            ++runs;
            if (tickets.at(i) != 0) {
                limiter.release(tickets.at(i));
            }
        });
    }
    // The first started inside acquire (before its ticket was stored); releasing it starts the rest, each
    // of which releases itself at once.
    limiter.release(tickets.first());
    CHECK(runs == 50);
    CHECK(limiter.inFlight() == 0);
    CHECK(limiter.peakInFlight() == 1);
}

TEST_CASE("InFlightLimiter keeps at least one slot", "[graph][limiter]")
{
    InFlightLimiter limiter(0);
    CHECK(limiter.maxInFlight() == 1);
}
