// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/SignalWaiter.h"

#include <QSignalSpy>
#include <QTest>

namespace tb::test {

bool SignalWaiter::waitUntil(const std::function<bool()>& predicate, int ceilingMs)
{
    return QTest::qWaitFor(predicate, ceilingMs);
}

bool SignalWaiter::waitForCount(const QSignalSpy& spy, int count, int ceilingMs)
{
    return QTest::qWaitFor([&spy, count] { return spy.count() >= count; }, ceilingMs);
}

} // namespace tb::test
