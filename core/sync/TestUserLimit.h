// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace tb::sync {

// How many users one preview or test sync takes (issue 9: 10,000 pasted users), and the list as both use it. Every
// place users are entered (the Test users page, `preview` and `test-sync` of the CLI) checks problem() before it
// starts, and Preview and TestSync refuse a longer list themselves, so no path sends thousands of requests.
//
// Why 200. A test user costs its preview about four Graph reads (the user, its licences, its groups when a group is
// assigned, its match in the target: 1 to 2 resource units each, graph-reference.md 8.2), so 200 users are about
// 1,600 RU, within the 3,500 RU a small tenant may spend every 10 s: the preview of a full list is never throttled.
// A test sync then provisions each user on demand, which Microsoft allows 5 times per 10 s (graph-reference.md
// 2.7): 200 users take at least 400 s, the longest a "test with a few users first" should keep a person waiting.
// More users are what a staged rollout is for. Stateless; any thread.
class TestUserLimit final
{
public:
    static constexpr int kMaxUsers = 200;

    TestUserLimit() = delete;

    // The users trimmed, blank ones left out, each once (compared case-insensitively; the first spelling is kept), in
    // the order given. Linear time: 10,000 lines take milliseconds, not the seconds a pairwise search did.
    [[nodiscard]] static QStringList distinct(const QStringList& users);
    // Empty when count users fit; else a sentence for a person: how many were listed, how many are allowed, why, and
    // what to do instead.
    [[nodiscard]] static QString problem(qsizetype count);
};

} // namespace tb::sync
