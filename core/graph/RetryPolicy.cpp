// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/RetryPolicy.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace tb::graph {

namespace {

constexpr qint64 kMaxDeltaSeconds = 365LL * 24 * 3600; // anything longer is nonsense, treat as garbage

} // namespace

RetryPolicy::RetryPolicy()
    : m_retryableStatuses {429, 503, 504}
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
{ }

RetryPolicy& RetryPolicy::setMaxAttempts(int maxAttempts)
{
    m_maxAttempts = std::max(1, maxAttempts);
    return *this;
}

RetryPolicy& RetryPolicy::setBaseDelayMs(qint64 baseDelayMs)
{
    m_baseDelayMs = std::max<qint64>(0, baseDelayMs);
    return *this;
}

RetryPolicy& RetryPolicy::setMaxDelayMs(qint64 maxDelayMs)
{
    m_maxDelayMs = std::max<qint64>(0, maxDelayMs);
    return *this;
}

RetryPolicy& RetryPolicy::setMaxRetryAfterMs(qint64 maxRetryAfterMs)
{
    m_maxRetryAfterMs = std::max<qint64>(0, maxRetryAfterMs);
    return *this;
}

RetryPolicy& RetryPolicy::setRetryAfterSpreadMs(qint64 spreadMs)
{
    m_retryAfterSpreadMs = std::max<qint64>(0, spreadMs);
    return *this;
}

RetryPolicy& RetryPolicy::setJitter(Jitter jitter)
{
    m_jitter = jitter;
    return *this;
}

RetryPolicy& RetryPolicy::setRetryableStatuses(const QList<int>& statuses)
{
    m_retryableStatuses = statuses;
    return *this;
}

RetryPolicy& RetryPolicy::setRandomSource(RandomSource random)
{
    if (random) {
        m_random = std::move(random);
    }
    return *this;
}

bool RetryPolicy::isRetryableStatus(int httpStatus) const
{
    return m_retryableStatuses.contains(httpStatus);
}

bool RetryPolicy::shouldRetry(int attemptsMade, int httpStatus, bool transportFailed, bool retrySafe) const
{
    if (attemptsMade >= m_maxAttempts) {
        return false;
    }
    if (transportFailed) {
        // The request may have reached the service; only send it again when doing so twice is harmless.
        return retrySafe;
    }
    return isRetryableStatus(httpStatus);
}

std::optional<qint64> RetryPolicy::parseRetryAfterMs(const QByteArray& value, const QDateTime& nowUtc)
{
    const QString text = QString::fromLatin1(value).trimmed();
    if (text.isEmpty()) {
        return std::nullopt;
    }
    // delta-seconds = 1*DIGIT (RFC 9110 10.2.3): no sign, no fraction.
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,12}$"));
    if (digits.match(text).hasMatch()) {
        const qint64 seconds = text.toLongLong();
        if (seconds > kMaxDeltaSeconds) {
            return std::nullopt;
        }
        return seconds * 1000;
    }
    // HTTP-date: IMF-fixdate, then the obsolete RFC 850 and asctime forms that recipients must accept. The
    // weekday is dropped before parsing: it is redundant, and Qt would reject RFC 850's two-digit year
    // (read as 19xx) whenever the weekday fits 20xx instead.
    QString dateText = text.simplified();
    static const QRegularExpression weekday(QStringLiteral("^[A-Za-z]+,? "));
    dateText.remove(weekday);
    // Date and time are parsed apart and joined as UTC: parsing them together would read a local time first,
    // and a time in the local daylight-saving gap would come out invalid.
    static const QRegularExpression imfFixdate(QStringLiteral("^(\\d{1,2} \\w{3} \\d{4}) (\\d{2}:\\d{2}:\\d{2}) GMT$"));
    static const QRegularExpression rfc850(QStringLiteral("^(\\d{1,2}-\\w{3}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}) GMT$"));
    static const QRegularExpression asctime(QStringLiteral("^(\\w{3} \\d{1,2}) (\\d{2}:\\d{2}:\\d{2}) (\\d{4})$"));
    const QLocale c = QLocale::c();
    QDate date;
    QString timeText;
    if (const auto m = imfFixdate.match(dateText); m.hasMatch()) {
        date = c.toDate(m.captured(1), QStringLiteral("d MMM yyyy"));
        timeText = m.captured(2);
    } else if (const auto m850 = rfc850.match(dateText); m850.hasMatch()) {
        date = c.toDate(m850.captured(1), QStringLiteral("d-MMM-yy"));
        timeText = m850.captured(2);
        if (date.isValid() && date.year() < 1970) {
            date = date.addYears(100); // RFC 850's two-digit years: "interpret as the most recent past"
        }
    } else if (const auto mAsc = asctime.match(dateText); mAsc.hasMatch()) {
        date = c.toDate(mAsc.captured(1) + QLatin1Char(' ') + mAsc.captured(3), QStringLiteral("MMM d yyyy"));
        timeText = mAsc.captured(2);
    }
    const QTime time = QTime::fromString(timeText, QStringLiteral("HH:mm:ss"));
    if (date.isValid() && time.isValid()) {
        return std::max<qint64>(0, nowUtc.msecsTo(QDateTime(date, time, Qt::UTC)));
    }
    return std::nullopt;
}

double RetryPolicy::random() const
{
    const double value = m_random ? m_random() : 0.0;
    // Clamp a misbehaving source so the bounds below always hold.
    return std::clamp(value, 0.0, std::nextafter(1.0, 0.0));
}

qint64 RetryPolicy::backoffMs(int retry, qint64 previousDelayMs) const
{
    const int exponent = std::clamp(retry - 1, 0, 30);
    if (m_jitter == Jitter::Decorrelated) {
        // sleep = min(cap, random_between(base, prev * 3))
        const qint64 low = m_baseDelayMs;
        const qint64 high = std::max(low, std::max(previousDelayMs, m_baseDelayMs) * 3);
        const auto value = low + static_cast<qint64>(random() * static_cast<double>(high - low));
        return std::min(m_maxDelayMs, value);
    }
    // Full jitter: sleep = random_between(0, min(cap, base * 2^retry-1))
    const double ceiling
        = std::min(static_cast<double>(m_maxDelayMs), static_cast<double>(m_baseDelayMs) * std::ldexp(1.0, exponent));
    return static_cast<qint64>(random() * ceiling);
}

qint64 RetryPolicy::delayMs(int retry, std::optional<qint64> retryAfterMs, qint64 previousDelayMs) const
{
    if (retryAfterMs) {
        // Never earlier than the service asked; the spread only ever adds.
        return *retryAfterMs + static_cast<qint64>(random() * static_cast<double>(m_retryAfterSpreadMs));
    }
    return backoffMs(retry, previousDelayMs);
}

bool RetryPolicy::isRetryAfterTooLong(qint64 retryAfterMs) const
{
    return retryAfterMs > m_maxRetryAfterMs;
}

} // namespace tb::graph
