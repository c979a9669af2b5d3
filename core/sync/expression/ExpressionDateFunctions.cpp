// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/expression/ExpressionDateFunctions.h"

#include "core/sync/expression/DotNetDateFormat.h"

namespace tb::sync {

namespace {

// Active Directory's date numbers (accountExpires, lastLogonTimestamp) count 100-nanosecond ticks since 1601-01-01
// UTC (Windows FILETIME).
const QDateTime& fileTimeEpoch()
{
    static const QDateTime epoch(QDate(1601, 1, 1), QTime(0, 0), Qt::UTC);
    return epoch;
}

constexpr qint64 kTicksPerMillisecond = 10000;
// Beyond this many units DateAdd would leave the calendar QDateTime (and .NET's DateTime) can hold.
constexpr qint64 kMaxDateAddUnits = 1000000000000LL;

enum class Interval { Year, Month, Day, Week, Hour, Minute, Second };

// The reference's interval list for DateAdd and DateDiff: yyyy, m, d, ww, h, n, s. VB's other intervals (q, y, w)
// are not in it and are refused. Case-insensitive, as VB's DateAdd is.
Interval intervalOf(ExpressionFunctionCall& call)
{
    const QString text = call.text(0, QStringLiteral("interval")).toLower();
    if (text == QLatin1String("yyyy")) {
        return Interval::Year;
    }
    if (text == QLatin1String("m")) {
        return Interval::Month;
    }
    if (text == QLatin1String("d")) {
        return Interval::Day;
    }
    if (text == QLatin1String("ww")) {
        return Interval::Week;
    }
    if (text == QLatin1String("h")) {
        return Interval::Hour;
    }
    if (text == QLatin1String("n")) {
        return Interval::Minute;
    }
    if (text == QLatin1String("s")) {
        return Interval::Second;
    }
    call.fail(QStringLiteral("interval must be one of yyyy, m, d, ww, h, n, s; not \"%1\"").arg(text));
}

// A date argument: the service's own text (from CDate or Now) or an ISO 8601 date. Nothing when Null.
std::optional<QDateTime> dateArgument(ExpressionFunctionCall& call, int index, const QString& parameter)
{
    const ExpressionValue value = call.value(index);
    if (value.isNull()) {
        return std::nullopt;
    }
    const QString text = call.text(index, parameter);
    const std::optional<QDateTime> date = DotNetDateFormat::parseFlexible(text);
    if (!date) {
        call.fail(QStringLiteral("%1 \"%2\" is not a date the service reads").arg(parameter, text));
    }
    return date;
}

ExpressionValue serviceDate(ExpressionFunctionCall& call, const QDateTime& date)
{
    // .NET's DateTime holds years 1 to 9999; beyond that the service's conversion fails.
    if (!date.isValid() || date.date().year() < 1 || date.date().year() > 9999) {
        call.fail(QStringLiteral("the date is out of range"));
    }
    return ExpressionValue::fromString(DotNetDateFormat::formatServiceDate(date));
}

} // namespace

// "The CDate function returns a UTC DateTime from a string … The returned string is always in UTC and follows the
// format M/d/yyyy h:mm:ss tt." CDate("2021-06-30+08:00") is "6/29/2021 4:00:00 PM". Null gives Null.
ExpressionValue ExpressionDateFunctions::cDate(ExpressionFunctionCall& call)
{
    const std::optional<QDateTime> date = dateArgument(call, 0, QStringLiteral("expression"));
    return date ? serviceDate(call, *date) : ExpressionValue();
}

// "Returns a date/time string representing a date to which a specified time interval is added … M/d/yyyy h:mm:ss
// tt." value is a whole number of units, positive or negative; months add like .NET's AddMonths (the day is clamped
// to the end of a shorter month). A Null date gives Null.
ExpressionValue ExpressionDateFunctions::dateAdd(ExpressionFunctionCall& call)
{
    const Interval interval = intervalOf(call);
    const qint64 units = call.integer(1, QStringLiteral("value"));
    const std::optional<QDateTime> date = dateArgument(call, 2, QStringLiteral("dateTime"));
    if (!date) {
        return {};
    }
    if (std::abs(units) > kMaxDateAddUnits) {
        call.fail(QStringLiteral("value %1 leaves the calendar").arg(units));
    }
    switch (interval) {
    case Interval::Year:
        return serviceDate(call, date->addYears(static_cast<int>(std::clamp<qint64>(units, -20000, 20000))));
    case Interval::Month:
        return serviceDate(call, date->addMonths(static_cast<int>(std::clamp<qint64>(units, -240000, 240000))));
    case Interval::Day:
        return serviceDate(call, date->addDays(units));
    case Interval::Week:
        return serviceDate(call, date->addDays(units * 7));
    case Interval::Hour:
        return serviceDate(call, date->addSecs(units * 3600));
    case Interval::Minute:
        return serviceDate(call, date->addSecs(units * 60));
    case Interval::Second:
        return serviceDate(call, date->addSecs(units));
    }
    return {};
}

// "Returns a positive number if date2 > date1, a negative number if date2 < date1, 0 if date2 == date1." The
// reference's table matches VB.NET's DateAndTime.DateDiff, which this follows: years and months count calendar
// boundaries (2012-03-16 to 2021-08-25 is 113 months); days, hours, minutes and seconds are the elapsed time
// truncated toward zero (-3449.4 days is -3449); weeks count Sundays crossed (each date moved back to its Sunday,
// then whole days / 7: -493 in the reference's table, where elapsed days / 7 would give -492).
ExpressionValue ExpressionDateFunctions::dateDiff(ExpressionFunctionCall& call)
{
    const Interval interval = intervalOf(call);
    const std::optional<QDateTime> first = dateArgument(call, 1, QStringLiteral("date1"));
    const std::optional<QDateTime> second = dateArgument(call, 2, QStringLiteral("date2"));
    if (!first || !second) {
        return {};
    }
    const qint64 elapsedMs = first->msecsTo(*second);
    switch (interval) {
    case Interval::Year:
        return ExpressionValue::fromInteger(second->date().year() - first->date().year());
    case Interval::Month:
        return ExpressionValue::fromInteger(
            qint64(second->date().year() - first->date().year()) * 12 + second->date().month() - first->date().month());
    case Interval::Day:
        return ExpressionValue::fromInteger(elapsedMs / 86400000);
    case Interval::Week: {
        // QDate::dayOfWeek: Monday 1 … Sunday 7; days since the last Sunday is dayOfWeek % 7.
        const QDateTime firstSunday = first->addDays(-(first->date().dayOfWeek() % 7));
        const QDateTime secondSunday = second->addDays(-(second->date().dayOfWeek() % 7));
        return ExpressionValue::fromInteger(firstSunday.msecsTo(secondSunday) / 86400000 / 7);
    }
    case Interval::Hour:
        return ExpressionValue::fromInteger(elapsedMs / 3600000);
    case Interval::Minute:
        return ExpressionValue::fromInteger(elapsedMs / 60000);
    case Interval::Second:
        return ExpressionValue::fromInteger(elapsedMs / 1000);
    }
    return {};
}

// "Converts a value in AD's date format to a DateTime type": DateFromNum(129699324000000000) is January 1, 2012,
// 11:00 PM, given as the service's date text. Null gives Null.
ExpressionValue ExpressionDateFunctions::dateFromNum(ExpressionFunctionCall& call)
{
    if (call.value(0).isNull()) {
        return {};
    }
    const qint64 ticks = call.integer(0, QStringLiteral("value"));
    if (ticks < 0) {
        call.fail(QStringLiteral("value %1 is before 1601, not an AD date").arg(ticks));
    }
    return serviceDate(call, fileTimeEpoch().addMSecs(ticks / kTicksPerMillisecond));
}

// FormatDateTime(source, dateTimeStyles, inputFormat, outputFormat): "Takes a date string from one format and
// converts it into a different format", both .NET custom format strings. The older three-argument form without
// dateTimeStyles is accepted too. dateTimeStyles is read and not applied: the default (RoundtripKind,
// AllowLeadingWhite, AllowTrailingWhite) is what DotNetDateFormat does. Choice where the reference is silent: a
// time with an offset keeps its wall-clock time and offset (so "2020-12-31-08:00" with "yyyy-MM-ddzzz" gives
// "2020-12-31", as the reference's NumFromDate example needs). Null gives Null.
ExpressionValue ExpressionDateFunctions::formatDateTime(ExpressionFunctionCall& call)
{
    const int inputIndex = call.count() == 3 ? 1 : 2;
    const ExpressionValue source = call.value(0);
    if (source.isNull()) {
        return {};
    }
    const QString text = call.text(0, QStringLiteral("source"));
    const QString inputFormat = call.text(inputIndex, QStringLiteral("inputFormat"));
    const QString outputFormat = call.text(inputIndex + 1, QStringLiteral("outputFormat"));
    if (inputFormat.isEmpty() || outputFormat.isEmpty()) {
        call.fail(QStringLiteral("inputFormat and outputFormat are required"));
    }
    const std::optional<QDateTime> date = DotNetDateFormat::parseExact(text, inputFormat);
    if (!date) {
        call.fail(QStringLiteral("\"%1\" does not match the input format \"%2\"").arg(text, inputFormat));
    }
    return ExpressionValue::fromString(DotNetDateFormat::format(*date, outputFormat));
}

// "Returns a string representing the current UTC DateTime in the format M/d/yyyy h:mm:ss tt", from the context's
// clock. Marked as varying: the service computes it again on each run.
ExpressionValue ExpressionDateFunctions::now(ExpressionFunctionCall& call)
{
    call.result().variesOnEachRun = true;
    return serviceDate(call, call.now());
}

// "Converts a DateTime value to Active Directory format": the FILETIME tick count as decimal text. The reference
// wants ISO 8601 ("2020-12-31 23:59:59-08:00" in its example); the service's own date text is accepted too. Null
// gives Null.
ExpressionValue ExpressionDateFunctions::numFromDate(ExpressionFunctionCall& call)
{
    const std::optional<QDateTime> date = dateArgument(call, 0, QStringLiteral("value"));
    if (!date) {
        return {};
    }
    const qint64 milliseconds = fileTimeEpoch().msecsTo(*date);
    if (milliseconds < 0) {
        call.fail(QStringLiteral("dates before 1601 have no AD number"));
    }
    return ExpressionValue::fromInteger(milliseconds * kTicksPerMillisecond);
}

} // namespace tb::sync
