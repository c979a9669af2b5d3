// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/RetryPolicy.h"

#include <catch2/catch.hpp>

#include <ctime>

#include <QDateTime>

using tb::graph::RetryPolicy;

namespace {

const QDateTime kNow = QDateTime(QDate(2025, 1, 10), QTime(10, 17, 5), Qt::UTC);

RetryPolicy fixedRandom(double value)
{
    RetryPolicy policy;
    policy.setRandomSource([value] { return value; });
    return policy;
}

} // namespace

TEST_CASE("RetryPolicy reads Retry-After in seconds", "[graph][retry]")
{
    CHECK(RetryPolicy::parseRetryAfterMs("0", kNow) == 0);
    CHECK(RetryPolicy::parseRetryAfterMs("1", kNow) == 1000);
    CHECK(RetryPolicy::parseRetryAfterMs(" 120 ", kNow) == 120000);
}

TEST_CASE("RetryPolicy reads Retry-After as an HTTP date in all three forms", "[graph][retry]")
{
    CHECK(RetryPolicy::parseRetryAfterMs("Fri, 10 Jan 2025 10:17:35 GMT", kNow) == 30000);
    CHECK(RetryPolicy::parseRetryAfterMs("Friday, 10-Jan-25 10:17:15 GMT", kNow) == 10000);
    CHECK(RetryPolicy::parseRetryAfterMs("Fri Jan 10 10:18:05 2025", kNow) == 60000);
}

TEST_CASE("RetryPolicy reads a Retry-After date that falls in a local daylight-saving gap", "[graph][retry]")
{
    // 02:30 on 29 March 2026 does not exist in Berlin; as a UTC time it is ordinary.
    const QByteArray previous = qgetenv("TZ");
    qputenv("TZ", "Europe/Berlin");
    tzset();
    const QDateTime now(QDate(2026, 3, 29), QTime(2, 29, 0), Qt::UTC);
    const auto wait = RetryPolicy::parseRetryAfterMs("Sun, 29 Mar 2026 02:30:00 GMT", now);
    if (previous.isNull()) {
        qunsetenv("TZ");
    } else {
        qputenv("TZ", previous);
    }
    tzset();
    CHECK(wait == 60000);
}

TEST_CASE("RetryPolicy treats a Retry-After date in the past as no wait", "[graph][retry]")
{
    CHECK(RetryPolicy::parseRetryAfterMs("Thu, 09 Jan 2025 10:17:05 GMT", kNow) == 0);
}

TEST_CASE("RetryPolicy ignores an absent or garbage Retry-After", "[graph][retry]")
{
    CHECK_FALSE(RetryPolicy::parseRetryAfterMs("", kNow).has_value());
    CHECK_FALSE(RetryPolicy::parseRetryAfterMs("soon", kNow).has_value());
    CHECK_FALSE(RetryPolicy::parseRetryAfterMs("-5", kNow).has_value());
    CHECK_FALSE(RetryPolicy::parseRetryAfterMs("1.5", kNow).has_value());
    CHECK_FALSE(RetryPolicy::parseRetryAfterMs("5s", kNow).has_value());
    CHECK_FALSE(RetryPolicy::parseRetryAfterMs("99999999999", kNow).has_value());
    CHECK_FALSE(RetryPolicy::parseRetryAfterMs("Fri, 32 Jan 2025 10:17:35 GMT", kNow).has_value());
}

TEST_CASE("RetryPolicy retries 429, 503 and 504 only, within the attempt budget", "[graph][retry]")
{
    RetryPolicy policy;
    policy.setMaxAttempts(3);
    CHECK(policy.shouldRetry(1, 429, false, false));
    CHECK(policy.shouldRetry(1, 503, false, false));
    CHECK(policy.shouldRetry(2, 504, false, false));
    CHECK_FALSE(policy.shouldRetry(3, 429, false, true));
    CHECK_FALSE(policy.shouldRetry(1, 500, false, true));
    CHECK_FALSE(policy.shouldRetry(1, 400, false, true));
    CHECK_FALSE(policy.shouldRetry(1, 401, false, true));
    CHECK_FALSE(policy.shouldRetry(1, 200, false, true));
}

TEST_CASE("RetryPolicy retries network errors only for retry-safe requests", "[graph][retry]")
{
    RetryPolicy policy;
    CHECK(policy.shouldRetry(1, 0, true, true));
    CHECK_FALSE(policy.shouldRetry(1, 0, true, false));
    CHECK_FALSE(policy.shouldRetry(policy.maxAttempts(), 0, true, true));
}

TEST_CASE("RetryPolicy never waits less than Retry-After and spreads only upwards", "[graph][retry]")
{
    RetryPolicy low = fixedRandom(0.0);
    CHECK(low.delayMs(1, 2000, 0) == 2000);
    RetryPolicy high = fixedRandom(0.999999);
    high.setRetryAfterSpreadMs(250);
    const qint64 delay = high.delayMs(1, 2000, 0);
    CHECK(delay >= 2000);
    CHECK(delay < 2250);
}

TEST_CASE("RetryPolicy full jitter stays within zero and the capped exponential", "[graph][retry]")
{
    RetryPolicy policy = fixedRandom(0.999999);
    policy.setBaseDelayMs(100).setMaxDelayMs(1000).setJitter(RetryPolicy::Jitter::Full);
    CHECK(policy.backoffMs(1, 0) <= 100);
    CHECK(policy.backoffMs(1, 0) >= 99);
    CHECK(policy.backoffMs(3, 0) >= 399);
    CHECK(policy.backoffMs(3, 0) <= 400);
    CHECK(policy.backoffMs(10, 0) <= 1000); // capped
    CHECK(policy.backoffMs(10, 0) >= 999);
    RetryPolicy zero = fixedRandom(0.0);
    CHECK(zero.backoffMs(5, 0) == 0);
}

TEST_CASE("RetryPolicy decorrelated jitter grows from base up to three times the last delay, capped", "[graph][retry]")
{
    RetryPolicy policy = fixedRandom(0.5);
    policy.setBaseDelayMs(100).setMaxDelayMs(10000).setJitter(RetryPolicy::Jitter::Decorrelated);
    CHECK(policy.backoffMs(1, 0) == 200); // between 100 and 300
    CHECK(policy.backoffMs(2, 1000) == 1550); // between 100 and 3000
    CHECK(policy.backoffMs(5, 9000) == 10000); // capped
    RetryPolicy low = fixedRandom(0.0);
    low.setBaseDelayMs(100).setJitter(RetryPolicy::Jitter::Decorrelated);
    CHECK(low.backoffMs(4, 5000) == 100);
}

TEST_CASE("RetryPolicy keeps jitter in bounds even with a misbehaving random source", "[graph][retry]")
{
    RetryPolicy policy = fixedRandom(7.0);
    policy.setBaseDelayMs(100).setMaxDelayMs(1000);
    CHECK(policy.backoffMs(2, 0) <= 200);
    RetryPolicy negative = fixedRandom(-3.0);
    CHECK(negative.backoffMs(2, 0) == 0);
    CHECK(negative.delayMs(1, 1000, 0) == 1000);
}

TEST_CASE("RetryPolicy refuses to wait for a Retry-After beyond its limit", "[graph][retry]")
{
    RetryPolicy policy;
    policy.setMaxRetryAfterMs(60000);
    CHECK_FALSE(policy.isRetryAfterTooLong(60000));
    CHECK(policy.isRetryAfterTooLong(60001));
}

TEST_CASE("RetryPolicy keeps at least one attempt", "[graph][retry]")
{
    RetryPolicy policy;
    policy.setMaxAttempts(0);
    CHECK(policy.maxAttempts() == 1);
    CHECK_FALSE(policy.shouldRetry(1, 429, false, true));
}
