// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/TestUserLimit.h"

#include <catch2/catch.hpp>

using tb::sync::TestUserLimit;

TEST_CASE("TestUserLimit keeps each listed user once, in order, trimmed, whatever the case", "[sync]")
{
    CHECK(
        TestUserLimit::distinct({QStringLiteral(" adele@contoso.com "), QString(), QStringLiteral("ZAINAB@contoso.com"),
            QStringLiteral("   "), QStringLiteral("Adele@Contoso.com"), QStringLiteral("zainab@contoso.com")})
        == QStringList({QStringLiteral("adele@contoso.com"), QStringLiteral("ZAINAB@contoso.com")}));

    // 10,000 pasted lines, every one twice: half of them stay, in the order given.
    QStringList pasted;
    for (int i = 0; i < 10000; ++i) {
        pasted.append(QStringLiteral("user%1@contoso.com").arg(i));
    }
    const QStringList twice = pasted + pasted;
    CHECK(TestUserLimit::distinct(twice) == pasted);
}

TEST_CASE("TestUserLimit allows 200 users and explains the limit beyond", "[sync]")
{
    CHECK(TestUserLimit::problem(0).isEmpty());
    CHECK(TestUserLimit::problem(TestUserLimit::kMaxUsers).isEmpty());
    const QString problem = TestUserLimit::problem(TestUserLimit::kMaxUsers + 1);
    CHECK_FALSE(problem.isEmpty());
    const QString tenThousand = TestUserLimit::problem(10000);
    INFO(tenThousand.toStdString());
    CHECK(tenThousand.contains(QStringLiteral("takes at most 200")));
    CHECK(tenThousand.contains(QStringLiteral("5 times every 10 seconds")));
    CHECK(tenThousand.contains(QStringLiteral("staged rollout")));
}
