// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/expression/DotNetDateFormat.h"

#include <QList>
#include <QRegularExpression>

namespace tb::sync {

namespace {

const char* const kMonthNames[] = {"January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"};
const char* const kDayNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

// One piece of a .NET custom format: a run of one specifier letter ("yyyy"), or literal text.
struct FormatPiece
{
    QChar specifier; // null for literal text
    int count = 0;
    QString literal;
};

bool isSpecifier(QChar character)
{
    return QStringLiteral("yMdHhmsfFtzK").contains(character);
}

QList<FormatPiece> splitFormat(const QString& format)
{
    QList<FormatPiece> pieces;
    auto addLiteral = [&pieces](const QString& text) {
        if (!pieces.isEmpty() && pieces.last().specifier.isNull()) {
            pieces.last().literal += text;
        } else {
            pieces.append({QChar(), 0, text});
        }
    };
    qsizetype index = 0;
    while (index < format.size()) {
        const QChar character = format.at(index);
        if (character == QLatin1Char('\'') || character == QLatin1Char('"')) {
            const qsizetype close = format.indexOf(character, index + 1);
            const qsizetype end = close < 0 ? format.size() : close;
            addLiteral(format.mid(index + 1, end - index - 1));
            index = end + 1;
        } else if (character == QLatin1Char('\\') && index + 1 < format.size()) {
            addLiteral(format.at(index + 1));
            index += 2;
        } else if (character == QLatin1Char('%')) {
            ++index; // "%d": a single-letter custom format
        } else if (isSpecifier(character)) {
            qsizetype end = index + 1;
            while (end < format.size() && format.at(end) == character) {
                ++end;
            }
            pieces.append({character, static_cast<int>(end - index), QString()});
            index = end;
        } else {
            addLiteral(character); // ':' and '/' are the invariant culture's separators, themselves
            ++index;
        }
    }
    return pieces;
}

QString padded(qint64 number, int width)
{
    return QStringLiteral("%1").arg(number, width, 10, QLatin1Char('0'));
}

QString offsetText(int offsetSeconds, int count)
{
    const QChar sign = offsetSeconds < 0 ? QLatin1Char('-') : QLatin1Char('+');
    const int minutes = std::abs(offsetSeconds) / 60;
    if (count == 1) {
        return sign + QString::number(minutes / 60);
    }
    if (count == 2) {
        return sign + padded(minutes / 60, 2);
    }
    return sign + padded(minutes / 60, 2) + QLatin1Char(':') + padded(minutes % 60, 2);
}

// Reads text against the pieces, left to right, like DateTime.ParseExact.
class ExactReader
{
public:
    explicit ExactReader(const QString& text)
        : m_text(text)
    { }

    bool atEnd() const { return m_index >= m_text.size(); }

    std::optional<int> digits(int minimum, int maximum)
    {
        qsizetype end = m_index;
        while (end < m_text.size() && end - m_index < maximum && m_text.at(end).isDigit()
            && m_text.at(end).unicode() < 128) {
            ++end;
        }
        if (end - m_index < minimum) {
            return std::nullopt;
        }
        const int number = m_text.mid(m_index, end - m_index).toInt();
        m_width = static_cast<int>(end - m_index);
        m_index = end;
        return number;
    }

    int lastWidth() const { return m_width; }

    bool literal(const QString& expected)
    {
        if (m_text.mid(m_index, expected.size()).compare(expected, Qt::CaseInsensitive) != 0) {
            return false;
        }
        m_index += expected.size();
        return true;
    }

    // One of the names (or their first three letters when abbreviated); its 0-based index.
    std::optional<int> name(const char* const* names, int nameCount, bool abbreviated)
    {
        for (int i = 0; i < nameCount; ++i) {
            QString candidate = QString::fromLatin1(names[i]);
            if (abbreviated) {
                candidate.truncate(3);
            }
            if (literal(candidate)) {
                return i;
            }
        }
        return std::nullopt;
    }

    std::optional<int> offset()
    {
        if (literal(QStringLiteral("Z"))) {
            return 0;
        }
        if (atEnd() || (m_text.at(m_index) != QLatin1Char('+') && m_text.at(m_index) != QLatin1Char('-'))) {
            return std::nullopt;
        }
        const int sign = m_text.at(m_index) == QLatin1Char('-') ? -1 : 1;
        ++m_index;
        const std::optional<int> hours = digits(1, 2);
        if (!hours) {
            return std::nullopt;
        }
        int minutes = 0;
        if (literal(QStringLiteral(":"))) {
            const std::optional<int> read = digits(2, 2);
            if (!read) {
                return std::nullopt;
            }
            minutes = *read;
        }
        if (*hours > 14 || minutes > 59) {
            return std::nullopt;
        }
        return sign * (*hours * 3600 + minutes * 60);
    }

private:
    const QString& m_text;
    qsizetype m_index = 0;
    int m_width = 0;
};

QDateTime makeDateTime(
    int year, int month, int day, int hour, int minute, int second, int millisecond, std::optional<int> offsetSeconds)
{
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, millisecond);
    if (!date.isValid() || !time.isValid()) {
        return {};
    }
    if (offsetSeconds) {
        return QDateTime(date, time, Qt::OffsetFromUTC, *offsetSeconds);
    }
    return QDateTime(date, time, Qt::UTC);
}

int fractionToMilliseconds(const QString& digitsText)
{
    return QString(digitsText + QStringLiteral("000")).left(3).toInt();
}

} // namespace

std::optional<QDateTime> DotNetDateFormat::parseExact(const QString& text, const QString& format)
{
    if (format.isEmpty()) {
        return std::nullopt;
    }
    // DateTimeStyles.AllowLeadingWhite | AllowTrailingWhite, the service's default.
    const QString trimmed = text.trimmed();
    ExactReader reader(trimmed);
    int year = 1;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int millisecond = 0;
    std::optional<bool> afternoon;
    std::optional<int> offset;
    for (const FormatPiece& piece : splitFormat(format)) {
        const int count = piece.count;
        std::optional<int> number;
        switch (piece.specifier.unicode()) {
        case 0:
            if (!reader.literal(piece.literal)) {
                return std::nullopt;
            }
            continue;
        case 'y':
            number = count <= 2 ? reader.digits(1, 2) : reader.digits(count, count);
            if (!number) {
                return std::nullopt;
            }
            // Two-digit years: .NET's invariant calendar puts 00-49 in 2000-2049 (TwoDigitYearMax 2049).
            year = count <= 2 ? (*number <= 49 ? 2000 + *number : 1900 + *number) : *number;
            continue;
        case 'M':
            number = count >= 3 ? reader.name(kMonthNames, 12, count == 3) : reader.digits(count, 2);
            if (!number) {
                return std::nullopt;
            }
            month = count >= 3 ? *number + 1 : *number;
            continue;
        case 'd':
            if (count >= 3) {
                if (!reader.name(kDayNames, 7, count == 3)) {
                    return std::nullopt;
                }
                continue;
            }
            number = reader.digits(count, 2);
            if (!number) {
                return std::nullopt;
            }
            day = *number;
            continue;
        case 'H':
        case 'h':
        case 'm':
        case 's':
            number = reader.digits(std::min(count, 2), 2);
            if (!number) {
                return std::nullopt;
            }
            (piece.specifier == QLatin1Char('m')          ? minute
                    : piece.specifier == QLatin1Char('s') ? second
                                                          : hour)
                = *number;
            continue;
        case 'f':
        case 'F': {
            number = reader.digits(piece.specifier == QLatin1Char('f') ? count : 0, count);
            if (!number) {
                return std::nullopt;
            }
            QString fraction = padded(*number, reader.lastWidth());
            millisecond = reader.lastWidth() == 0 ? 0 : fractionToMilliseconds(fraction);
            continue;
        }
        case 't':
            if (reader.literal(count == 1 ? QStringLiteral("A") : QStringLiteral("AM"))) {
                afternoon = false;
            } else if (reader.literal(count == 1 ? QStringLiteral("P") : QStringLiteral("PM"))) {
                afternoon = true;
            } else {
                return std::nullopt;
            }
            continue;
        case 'z':
        case 'K':
            offset = reader.offset();
            if (!offset && piece.specifier == QLatin1Char('z')) {
                return std::nullopt;
            }
            continue;
        default:
            return std::nullopt;
        }
    }
    if (!reader.atEnd()) {
        return std::nullopt;
    }
    if (afternoon) {
        if (hour < 1 || hour > 12) {
            return std::nullopt;
        }
        hour = (hour % 12) + (*afternoon ? 12 : 0);
    }
    const QDateTime result = makeDateTime(year, month, day, hour, minute, second, millisecond, offset);
    return result.isValid() ? std::optional<QDateTime>(result) : std::nullopt;
}

QString DotNetDateFormat::format(const QDateTime& dateTime, const QString& format)
{
    const QDate date = dateTime.date();
    const QTime time = dateTime.time();
    QString out;
    for (const FormatPiece& piece : splitFormat(format)) {
        const int count = piece.count;
        switch (piece.specifier.unicode()) {
        case 0:
            out += piece.literal;
            break;
        case 'y':
            out += count == 1 ? QString::number(date.year() % 100)
                              : padded(count == 2 ? date.year() % 100 : date.year(), count);
            break;
        case 'M':
            if (count >= 3) {
                const QString name = QString::fromLatin1(kMonthNames[date.month() - 1]);
                out += count == 3 ? name.left(3) : name;
            } else {
                out += padded(date.month(), count);
            }
            break;
        case 'd':
            if (count >= 3) {
                const QString name = QString::fromLatin1(kDayNames[date.dayOfWeek() - 1]);
                out += count == 3 ? name.left(3) : name;
            } else {
                out += padded(date.day(), count);
            }
            break;
        case 'H':
            out += padded(time.hour(), std::min(count, 2));
            break;
        case 'h':
            out += padded(time.hour() % 12 == 0 ? 12 : time.hour() % 12, std::min(count, 2));
            break;
        case 'm':
            out += padded(time.minute(), std::min(count, 2));
            break;
        case 's':
            out += padded(time.second(), std::min(count, 2));
            break;
        case 'f':
        case 'F': {
            // Qt keeps milliseconds; further digits are zeros.
            QString fraction = (padded(time.msec(), 3) + QStringLiteral("0000")).left(std::min(count, 7));
            if (piece.specifier == QLatin1Char('F')) {
                while (fraction.endsWith(QLatin1Char('0'))) {
                    fraction.chop(1);
                }
                if (fraction.isEmpty() && out.endsWith(QLatin1Char('.'))) {
                    out.chop(1); // .NET drops the decimal point before an empty F fraction
                }
            }
            out += fraction;
            break;
        }
        case 't': {
            const QString designator = time.hour() < 12 ? QStringLiteral("AM") : QStringLiteral("PM");
            out += count == 1 ? designator.left(1) : designator;
            break;
        }
        case 'z':
            out += offsetText(dateTime.offsetFromUtc(), std::min(count, 3));
            break;
        case 'K':
            out += dateTime.timeSpec() == Qt::UTC ? QStringLiteral("Z") : offsetText(dateTime.offsetFromUtc(), 3);
            break;
        default:
            break;
        }
    }
    return out;
}

QString DotNetDateFormat::formatServiceDate(const QDateTime& dateTime)
{
    return format(dateTime.toUTC(), QString::fromLatin1(kServiceFormat));
}

std::optional<QDateTime> DotNetDateFormat::parseFlexible(const QString& text)
{
    const QString trimmed = text.trimmed();
    auto offsetOf = [](const QString& written) -> std::optional<int> {
        if (written.isEmpty()) {
            return std::nullopt;
        }
        if (written == QLatin1String("Z") || written == QLatin1String("z")) {
            return 0;
        }
        QString digits = written.mid(1);
        digits.remove(QLatin1Char(':'));
        const int hours = digits.left(2).toInt();
        const int minutes = digits.mid(2, 2).toInt();
        if (hours > 14 || minutes > 59) {
            return -1000000; // not an offset; makeDateTime is not reached (checked below)
        }
        return (written.startsWith(QLatin1Char('-')) ? -1 : 1) * (hours * 3600 + minutes * 60);
    };
    auto finish = [](const QDateTime& value) {
        return value.isValid() ? std::optional<QDateTime>(value.toUTC()) : std::nullopt;
    };

    static const QRegularExpression iso(QStringLiteral(
        R"(^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?\s*(Z|z|[+-]\d{2}:?\d{2})?$)"));
    QRegularExpressionMatch match = iso.match(trimmed);
    if (match.hasMatch()) {
        const std::optional<int> offset = offsetOf(match.captured(8));
        if (offset && *offset == -1000000) {
            return std::nullopt;
        }
        return finish(makeDateTime(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt(),
            match.captured(4).toInt(), match.captured(5).toInt(), match.captured(6).toInt(),
            match.captured(7).isEmpty() ? 0 : fractionToMilliseconds(match.captured(7)), offset));
    }
    static const QRegularExpression general(
        QStringLiteral(R"(^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$)"),
        QRegularExpression::CaseInsensitiveOption);
    match = general.match(trimmed);
    if (match.hasMatch()) {
        int hour = match.captured(4).toInt();
        const QString designator = match.captured(7).toUpper();
        if (!designator.isEmpty()) {
            if (hour < 1 || hour > 12) {
                return std::nullopt;
            }
            hour = (hour % 12) + (designator == QLatin1String("PM") ? 12 : 0);
        }
        return finish(makeDateTime(match.captured(3).toInt(), match.captured(1).toInt(), match.captured(2).toInt(),
            hour, match.captured(5).toInt(), match.captured(6).toInt(), 0, std::nullopt));
    }
    static const QRegularExpression generalized(
        QStringLiteral(R"(^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{4})?$)"));
    match = generalized.match(trimmed);
    if (match.hasMatch()) {
        const std::optional<int> offset = offsetOf(match.captured(8));
        if (offset && *offset == -1000000) {
            return std::nullopt;
        }
        return finish(makeDateTime(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt(),
            match.captured(4).toInt(), match.captured(5).toInt(), match.captured(6).toInt(),
            match.captured(7).isEmpty() ? 0 : fractionToMilliseconds(match.captured(7)), offset));
    }
    return std::nullopt;
}

} // namespace tb::sync
