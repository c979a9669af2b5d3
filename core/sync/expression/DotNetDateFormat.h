// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace tb::sync {

// Dates the way the provisioning service's date functions read and write them. The service is .NET: FormatDateTime
// takes ".NET custom date and time format strings" (yyyy, MM, dd, HH, hh, mm, ss, f…, F…, tt, zzz, K, quoted
// literals, \ escapes) with the invariant culture, and CDate, DateAdd and Now write "M/d/yyyy h:mm:ss tt" in UTC
// (reference: CDate remarks, Now). Stateless.
class DotNetDateFormat
{
public:
    // The service's own output format for date functions.
    static constexpr const char* kServiceFormat = "M/d/yyyy h:mm:ss tt";

    // DateTime.ParseExact with the invariant culture. Without an offset in the text (zzz, zz, z, K) the time is
    // taken as UTC. With one, the result keeps the offset as written (Qt::OffsetFromUTC).
    [[nodiscard]] static std::optional<QDateTime> parseExact(const QString& text, const QString& format);
    // DateTime.ToString(format) with the invariant culture; offsets (zzz) are the date time's own.
    [[nodiscard]] static QString format(const QDateTime& dateTime, const QString& format);
    // The service's output format, in UTC: "3/16/2020 7:00:00 AM".
    [[nodiscard]] static QString formatServiceDate(const QDateTime& dateTime);
    // What CDate (and a date argument of DateAdd/DateDiff) accepts: ISO 8601 dates with or without time and offset
    // ("2020-03-16-07:00", "2009-06-15T01:45:30-07:00", "2021-08-24"), the service's own "M/d/yyyy h:mm:ss tt", and
    // LDAP generalized time ("20150123105347.1Z"). No offset: UTC, the service's time zone. Gives a UTC time.
    [[nodiscard]] static std::optional<QDateTime> parseFlexible(const QString& text);
};

} // namespace tb::sync
