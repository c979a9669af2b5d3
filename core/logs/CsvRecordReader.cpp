// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/CsvRecordReader.h"

namespace tb::logs {

namespace {

constexpr qint64 kChunkBytes = 256 * 1024;

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'g', 3);
}

} // namespace

CsvRecordReader::CsvRecordReader(QIODevice& device, qint64 maxFieldBytes, qint64 maxRecordBytes)
    : m_device(device)
    , m_maxFieldBytes(maxFieldBytes)
    , m_maxRecordBytes(maxRecordBytes)
{ }

bool CsvRecordReader::read(char& c)
{
    if (m_pos >= m_buffer.size()) {
        m_buffer = m_device.read(kChunkBytes);
        m_pos = 0;
        if (m_buffer.isEmpty()) {
            return false;
        }
    }
    c = m_buffer.at(m_pos++);
    ++m_bytesRead;
    if (c == '\n') {
        ++m_line;
    }
    return true;
}

bool CsvRecordReader::fail(const QString& message)
{
    m_error = message;
    return false;
}

bool CsvRecordReader::next(QStringList& fields)
{
    fields.clear();
    if (hasError()) {
        return false;
    }
    if (!m_started) {
        m_started = true;
        char c = 0;
        // The byte order mark Excel and Windows tools put first; read() fetched a chunk, so all three are in it.
        if (read(c)) {
            if (c == '\xEF' && m_buffer.size() >= 3 && m_buffer.at(1) == '\xBB' && m_buffer.at(2) == '\xBF') {
                m_pos = 3;
                m_bytesRead = 3;
            } else {
                unread();
            }
        }
    }

    enum class State { FieldStart, Unquoted, Quoted, AfterQuote };
    State state = State::FieldStart;
    QByteArray field;
    qint64 recordBytes = 0;
    qint64 quoteLine = 0;
    m_recordLine = m_line;

    const auto pushField = [&]() {
        fields.append(QString::fromUtf8(field));
        field.clear();
    };
    // After a CR that ends a record: swallow the LF of CRLF; a lone CR counts as a line end of its own.
    const auto endAfterCr = [&]() {
        char c = 0;
        if (read(c) && c != '\n') {
            unread();
            ++m_line;
        }
    };

    char c = 0;
    while (true) {
        if (!read(c)) {
            if (state == State::Quoted) {
                return fail(QStringLiteral("line %1: a quoted field is never closed (its quote opened on line %2)")
                                .arg(m_line)
                                .arg(quoteLine));
            }
            if (state == State::FieldStart && fields.isEmpty()) {
                return false; // the end of the input
            }
            pushField();
            return true;
        }
        if (++recordBytes > m_maxRecordBytes) {
            return fail(QStringLiteral("line %1: the record is longer than %2 MB (a quote that is never closed?)")
                            .arg(m_recordLine)
                            .arg(megabytes(m_maxRecordBytes)));
        }
        switch (state) {
        case State::FieldStart:
            if (c == '"') {
                state = State::Quoted;
                quoteLine = m_line;
            } else if (c == ',') {
                pushField();
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    endAfterCr();
                }
                if (fields.isEmpty()) { // an empty line
                    recordBytes = 0;
                    m_recordLine = m_line;
                    continue;
                }
                pushField();
                return true;
            } else {
                field.append(c);
                state = State::Unquoted;
            }
            break;
        case State::Unquoted:
            if (c == ',') {
                pushField();
                state = State::FieldStart;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    endAfterCr();
                }
                pushField();
                return true;
            } else if (c == '"' && field.trimmed().isEmpty()) {
                field.clear(); // spaces before the opening quote
                state = State::Quoted;
                quoteLine = m_line;
            } else {
                field.append(c); // a quote inside an unquoted field is kept, as spreadsheets do
            }
            break;
        case State::Quoted:
            if (c == '"') {
                state = State::AfterQuote;
            } else {
                field.append(c);
            }
            break;
        case State::AfterQuote:
            if (c == '"') {
                field.append('"');
                state = State::Quoted;
            } else if (c == ',') {
                pushField();
                state = State::FieldStart;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    endAfterCr();
                }
                pushField();
                return true;
            } else if (c != ' ' && c != '\t') {
                return fail(QStringLiteral("line %1: text after the closing quote of field %2 (its quote opened on "
                                           "line %3; a quote inside a quoted field must be doubled)")
                                .arg(m_line)
                                .arg(fields.size() + 1)
                                .arg(quoteLine));
            }
            break;
        }
        if (field.size() > m_maxFieldBytes) {
            return fail(QStringLiteral("line %1: field %2 is longer than %3 MB")
                            .arg(m_recordLine)
                            .arg(fields.size() + 1)
                            .arg(megabytes(m_maxFieldBytes)));
        }
    }
}

} // namespace tb::logs
