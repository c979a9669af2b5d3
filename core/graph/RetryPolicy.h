// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <functional>
#include <optional>

namespace tb::graph {

// When and how long to wait before sending a failed request again. Pure arithmetic with an injectable
// random source, so tests can pin the jitter. Value type, any thread.
//
// Follows "Microsoft Graph throttling guidance": on 429 wait Retry-After (seconds) when present, else back
// off exponentially; 503 and 504 are transient too. Backoff uses AWS's "Exponential Backoff And Jitter":
// full jitter (random in [0, min(cap, base*2^n)]) or decorrelated jitter (random in [base, prev*3],
// capped). A Retry-After is honoured as a floor: the delay is never shorter, only spread a little above.
class RetryPolicy
{
public:
    enum class Jitter { Full, Decorrelated };
    // Returns a number in [0, 1).
    using RandomSource = std::function<double()>;

    static constexpr int kDefaultMaxAttempts = 5;
    static constexpr qint64 kDefaultBaseDelayMs = 1000;
    static constexpr qint64 kDefaultMaxDelayMs = 30000;
    static constexpr qint64 kDefaultMaxRetryAfterMs = 120000;
    static constexpr qint64 kDefaultRetryAfterSpreadMs = 250;

    RetryPolicy(); // QRandomGenerator::global() as random source, the defaults above, 429/503/504

    RetryPolicy& setMaxAttempts(int maxAttempts); // total sends of one call, first included; >= 1
    RetryPolicy& setBaseDelayMs(qint64 baseDelayMs);
    RetryPolicy& setMaxDelayMs(qint64 maxDelayMs); // cap of the computed backoff
    // A Retry-After longer than this is not waited for: the call fails as Throttled and says when to retry.
    RetryPolicy& setMaxRetryAfterMs(qint64 maxRetryAfterMs);
    // Extra random wait added on top of a Retry-After, so that many throttled calls do not return in step.
    RetryPolicy& setRetryAfterSpreadMs(qint64 spreadMs);
    RetryPolicy& setJitter(Jitter jitter);
    RetryPolicy& setRetryableStatuses(const QList<int>& statuses);
    RetryPolicy& setRandomSource(RandomSource random);

    [[nodiscard]] int maxAttempts() const { return m_maxAttempts; }
    [[nodiscard]] qint64 baseDelayMs() const { return m_baseDelayMs; }
    [[nodiscard]] qint64 maxDelayMs() const { return m_maxDelayMs; }
    [[nodiscard]] qint64 maxRetryAfterMs() const { return m_maxRetryAfterMs; }
    [[nodiscard]] Jitter jitter() const { return m_jitter; }

    [[nodiscard]] bool isRetryableStatus(int httpStatus) const;
    // attemptsMade: sends so far (1 after the first). A network error or timeout is retried only when the
    // request is retry-safe; a retryable status always (the service did not act on a 429/503/504).
    [[nodiscard]] bool shouldRetry(int attemptsMade, int httpStatus, bool transportFailed, bool retrySafe) const;

    // Retry-After as milliseconds from now: delta-seconds ("3") or an HTTP date (RFC 9110 10.2.3, IMF-fixdate,
    // RFC 850 or asctime). A date in the past gives 0. Absent, negative or garbage gives nothing.
    [[nodiscard]] static std::optional<qint64> parseRetryAfterMs(const QByteArray& value, const QDateTime& nowUtc);

    // Backoff before retry number `retry` (1 for the first retry), without Retry-After. previousDelayMs is
    // the last delay used (for decorrelated jitter; 0 at first).
    [[nodiscard]] qint64 backoffMs(int retry, qint64 previousDelayMs) const;
    // The delay to use: with a Retry-After, that value plus up to the spread; else backoffMs.
    [[nodiscard]] qint64 delayMs(int retry, std::optional<qint64> retryAfterMs, qint64 previousDelayMs) const;
    // True when a Retry-After is too long to wait for (see setMaxRetryAfterMs).
    [[nodiscard]] bool isRetryAfterTooLong(qint64 retryAfterMs) const;

private:
    [[nodiscard]] double random() const;

    int m_maxAttempts = kDefaultMaxAttempts;
    qint64 m_baseDelayMs = kDefaultBaseDelayMs;
    qint64 m_maxDelayMs = kDefaultMaxDelayMs;
    qint64 m_maxRetryAfterMs = kDefaultMaxRetryAfterMs;
    qint64 m_retryAfterSpreadMs = kDefaultRetryAfterSpreadMs;
    Jitter m_jitter = Jitter::Full;
    QList<int> m_retryableStatuses;
    RandomSource m_random;
};

} // namespace tb::graph
