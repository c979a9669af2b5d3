// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/JsonRecordScanner.h"

namespace tb::logs {

namespace {

constexpr qint64 kChunkBytes = 256 * 1024;

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'g', 3);
}

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

QString shown(char c)
{
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) {
        return QStringLiteral("byte 0x%1").arg(static_cast<unsigned char>(c), 2, 16, QLatin1Char('0'));
    }
    return QStringLiteral("'%1'").arg(QLatin1Char(c));
}

} // namespace

JsonRecordScanner::JsonRecordScanner(QIODevice& device, qint64 maxRecordBytes, qint64 maxStringBytes)
    : m_device(device)
    , m_maxRecordBytes(maxRecordBytes)
    , m_maxStringBytes(maxStringBytes)
{ }

bool JsonRecordScanner::peek(char& c)
{
    if (!m_error.isEmpty()) {
        return false;
    }
    if (m_pos >= m_buffer.size()) {
        m_buffer = m_device.read(kChunkBytes);
        m_pos = 0;
        if (m_buffer.isEmpty()) {
            return false;
        }
    }
    c = m_buffer.at(m_pos);
    return true;
}

bool JsonRecordScanner::get(char& c)
{
    if (!peek(c)) {
        return false;
    }
    ++m_pos;
    ++m_bytesRead;
    if (c == '\n') {
        ++m_line;
    }
    if (m_capture) {
        m_capture->append(c);
        if (m_capture->size() > m_maxRecordBytes) {
            m_error = QStringLiteral("%1: the record is larger than %2 MB").arg(at(), megabytes(m_maxRecordBytes));
            return false;
        }
    }
    return true;
}

bool JsonRecordScanner::skipWhitespace()
{
    char c = 0;
    while (peek(c)) {
        if (!isWhitespace(c)) {
            return true;
        }
        get(c);
    }
    return false;
}

bool JsonRecordScanner::readStringRest()
{
    // Most of a record is string content: copy it a run at a time up to the next quote or backslash.
    qint64 length = 0;
    char c = 0;
    while (true) {
        if (!peek(c)) {
            return false;
        }
        const char* begin = m_buffer.constData() + m_pos;
        const char* end = m_buffer.constData() + m_buffer.size();
        const char* p = begin;
        while (p < end && *p != '"' && *p != '\\') {
            if (*p == '\n') {
                ++m_line;
            }
            ++p;
        }
        const qsizetype run = p - begin;
        if (run > 0) {
            m_pos += run;
            m_bytesRead += run;
            length += run;
            if (m_capture) {
                m_capture->append(begin, run);
                if (m_capture->size() > m_maxRecordBytes) {
                    m_error
                        = QStringLiteral("%1: the record is larger than %2 MB").arg(at(), megabytes(m_maxRecordBytes));
                    return false;
                }
            }
        }
        if (length > m_maxStringBytes) {
            m_error = QStringLiteral("%1: a text value is longer than %2 MB (line %3)")
                          .arg(at(), megabytes(m_maxStringBytes))
                          .arg(m_line);
            return false;
        }
        if (p == end) {
            continue; // the run reached the end of the buffer
        }
        if (!get(c)) {
            return false;
        }
        if (c == '"') {
            return true;
        }
        if (!get(c)) { // the escaped character
            return false;
        }
        length += 2;
    }
}

bool JsonRecordScanner::readKey(QByteArray& key)
{
    key.clear();
    char c = 0;
    while (true) {
        if (!get(c)) {
            return false;
        }
        if (c == '"') {
            return true;
        }
        key.append(c);
        if (c == '\\') {
            if (!get(c)) {
                return false;
            }
            key.append(c);
        }
        if (key.size() > m_maxStringBytes) {
            m_error
                = QStringLiteral("line %1: a key is longer than %2 MB").arg(m_line).arg(megabytes(m_maxStringBytes));
            return false;
        }
    }
}

bool JsonRecordScanner::readValue()
{
    char c = 0;
    if (!get(c)) {
        return false;
    }
    if (c == '"') {
        return readStringRest();
    }
    if (c == '{' || c == '[') {
        int depth = 1;
        while (depth > 0) {
            if (!get(c)) {
                return false;
            }
            if (c == '"') {
                if (!readStringRest()) {
                    return false;
                }
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                --depth;
            }
        }
        return true;
    }
    if (c == ',' || c == ']' || c == '}' || c == ':') {
        m_error = QStringLiteral("line %1: expected a value, found %2").arg(m_line).arg(shown(c));
        return false;
    }
    // A number, true, false or null: up to the next delimiter; its spelling is checked by the JSON parser.
    while (peek(c) && c != ',' && c != ']' && c != '}' && !isWhitespace(c)) {
        get(c);
    }
    return m_error.isEmpty();
}

bool JsonRecordScanner::readWrapperRest()
{
    char c = 0;
    QByteArray key;
    while (true) {
        if (!skipWhitespace() || !get(c)) {
            return false;
        }
        if (c == '}') {
            return true;
        }
        if (c == ',') {
            continue;
        }
        if (c != '"' || !readKey(key) || !skipWhitespace() || !get(c)) {
            if (m_error.isEmpty() && c != '"') {
                m_error = QStringLiteral("line %1: expected a key or } in the top-level object, found %2")
                              .arg(m_line)
                              .arg(shown(c));
            }
            return false;
        }
        if (c != ':') {
            m_error = QStringLiteral("line %1: expected : after a key, found %2").arg(m_line).arg(shown(c));
            return false;
        }
        if (!skipWhitespace() || !readValue()) {
            return false;
        }
    }
}

bool JsonRecordScanner::expectEnd()
{
    if (skipWhitespace()) {
        m_error = QStringLiteral("line %1: unexpected text after the end of the JSON").arg(m_line);
        return false;
    }
    return m_error.isEmpty();
}

QString JsonRecordScanner::at() const
{
    return QStringLiteral("record %1 (line %2)").arg(m_index).arg(m_recordLine);
}

JsonRecordScanner::Step JsonRecordScanner::fail(const QString& message)
{
    if (m_error.isEmpty()) {
        m_error = message;
    }
    m_capture = nullptr;
    m_state = State::Done;
    return Step::Error;
}

JsonRecordScanner::Step JsonRecordScanner::truncated(const QString& where)
{
    return fail(where);
}

JsonRecordScanner::Step JsonRecordScanner::next(QByteArray& record)
{
    record.resize(0); // keeps the capacity for the next record
    if (!m_error.isEmpty()) {
        return Step::Error;
    }
    char c = 0;
    while (true) {
        switch (m_state) {
        case State::Start: {
            if (peek(c) && m_buffer.mid(m_pos, 3) == QByteArrayLiteral("\xEF\xBB\xBF")) {
                m_pos += 3;
                m_bytesRead += 3;
            }
            if (!skipWhitespace()) {
                return fail(QStringLiteral("the file is empty"));
            }
            get(c);
            if (c == '[') {
                m_state = State::InArray;
                break;
            }
            if (c != '{') {
                return fail(QStringLiteral("line %1: expected [ or { at the start of the JSON, found %2")
                                .arg(m_line)
                                .arg(shown(c)));
            }
            // A wrapper with a value array, or one record: keep the text until it is clear which.
            QByteArray object("{");
            m_capture = &object;
            m_index = 1;
            m_recordLine = m_line;
            QByteArray key;
            while (m_state == State::Start) {
                if (!skipWhitespace() || !get(c)) {
                    return truncated(QStringLiteral("%1: the file ends inside the top-level object (a truncated "
                                                    "download?)")
                                         .arg(at()));
                }
                if (c == '}') { // no value array: the object is the record
                    m_capture = nullptr;
                    m_state = State::Done;
                    if (!expectEnd()) {
                        return fail(m_error);
                    }
                    record = object;
                    return Step::Record;
                }
                if (c == ',') {
                    continue;
                }
                if (c != '"') {
                    return fail(QStringLiteral("line %1: expected a key in the top-level object, found %2")
                                    .arg(m_line)
                                    .arg(shown(c)));
                }
                if (!readKey(key) || !skipWhitespace() || !get(c)) {
                    return truncated(QStringLiteral("%1: the file ends inside the top-level object").arg(at()));
                }
                if (c != ':') {
                    return fail(QStringLiteral("line %1: expected : after a key, found %2").arg(m_line).arg(shown(c)));
                }
                if (!skipWhitespace()) {
                    return truncated(QStringLiteral("%1: the file ends inside the top-level object").arg(at()));
                }
                peek(c);
                if (key == "value" && c == '[') {
                    m_capture = nullptr;
                    get(c);
                    m_inWrapper = true;
                    m_index = 0;
                    m_state = State::InArray;
                } else if (!readValue()) {
                    return truncated(
                        QStringLiteral("%1: the file ends inside the top-level object (a truncated download?)")
                            .arg(at()));
                }
            }
            break;
        }
        case State::InArray: {
            if (!skipWhitespace()) {
                return truncated(QStringLiteral("the file ends after record %1 without the ] that closes the list "
                                                "of records (a truncated download?)")
                                     .arg(m_index));
            }
            peek(c);
            if (c == ']') {
                if (!m_first) {
                    return fail(QStringLiteral("line %1: a comma after record %2 with no record after it")
                                    .arg(m_line)
                                    .arg(m_index));
                }
                get(c);
                m_state = State::AfterArray;
                break;
            }
            ++m_index;
            m_recordLine = m_line;
            m_capture = &record;
            const bool complete = readValue();
            m_capture = nullptr;
            if (!complete) {
                return truncated(
                    QStringLiteral("%1: the file ends inside this record (a truncated download?)").arg(at()));
            }
            m_first = false;
            if (!skipWhitespace()) {
                return truncated(QStringLiteral("the file ends after record %1 without the ] that closes the list "
                                                "of records (a truncated download?)")
                                     .arg(m_index));
            }
            get(c);
            if (c == ']') {
                m_state = State::AfterArray;
            } else if (c != ',') {
                return fail(QStringLiteral("line %1: expected , or ] after record %2, found %3")
                                .arg(m_line)
                                .arg(m_index)
                                .arg(shown(c)));
            }
            return Step::Record;
        }
        case State::AfterArray:
            if (m_inWrapper && !readWrapperRest()) {
                return truncated(QStringLiteral("the file ends before the } that closes the top-level object (a "
                                                "truncated download?)"));
            }
            if (!expectEnd()) {
                return fail(m_error);
            }
            m_state = State::Done;
            return Step::End;
        case State::Done:
            return Step::End;
        }
    }
}

} // namespace tb::logs
