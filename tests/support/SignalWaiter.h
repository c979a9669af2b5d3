// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

class QSignalSpy;

namespace tb::test {

// Waits for asynchronous work by spinning the event loop, with a generous ceiling so that a slow machine
// does not fail a test. The ceiling is a safety net, never an assertion about speed.
class SignalWaiter final
{
public:
    static constexpr int kDefaultCeilingMs = 60000;

    SignalWaiter() = delete;

    // True once predicate holds; false if the ceiling passed first.
    [[nodiscard]] static bool waitUntil(const std::function<bool()>& predicate, int ceilingMs = kDefaultCeilingMs);
    // True once spy has recorded at least count emissions.
    [[nodiscard]] static bool waitForCount(const QSignalSpy& spy, int count = 1, int ceilingMs = kDefaultCeilingMs);
};

} // namespace tb::test
