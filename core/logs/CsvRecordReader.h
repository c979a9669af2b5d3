// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringList>

namespace tb::logs {

// Reads RFC 4180 records from a device one at a time, so a file of any size is read in one pass with one record
// in memory: fields separated by commas, optionally in double quotes, "" for a quote inside quotes; a quoted
// field may hold commas, CR and LF, which are kept as they are. Records end with CRLF or LF (a lone CR outside
// quotes also ends one). A UTF-8 byte order mark at the very start is skipped; the text is UTF-8.
//
// Tolerated because spreadsheet tools write it: spaces around a quoted field, a final line without a line end,
// empty lines (skipped). Refused with a message naming the line: a quote that is never closed, text after the
// closing quote of a field, a field over maxFieldBytes and a record over maxRecordBytes (a binary file, or a
// quote that opened by mistake and swallows the rest of the file). Not thread-safe; the device must stay open.
class CsvRecordReader
{
public:
    explicit CsvRecordReader(QIODevice& device, qint64 maxFieldBytes, qint64 maxRecordBytes);

    // The next record's fields into fields; false at the end of the input or on an error (see hasError()).
    [[nodiscard]] bool next(QStringList& fields);

    [[nodiscard]] bool hasError() const { return !m_error.isEmpty(); }
    // "unterminated quoted field (the quote opened on line 12)"; empty when none.
    [[nodiscard]] QString errorString() const { return m_error; }
    // The line (1-based) on which the last record returned, or the failing one, begins.
    [[nodiscard]] qint64 recordLine() const { return m_recordLine; }
    // Bytes consumed from the device so far.
    [[nodiscard]] qint64 bytesRead() const { return m_bytesRead; }

private:
    // The next byte into c; false at the end of the input.
    bool read(char& c);
    void unread()
    {
        --m_pos;
        --m_bytesRead;
    }
    bool fail(const QString& message);

    QIODevice& m_device;
    qint64 m_maxFieldBytes;
    qint64 m_maxRecordBytes;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_bytesRead = 0;
    qint64 m_line = 1; // of the next byte
    qint64 m_recordLine = 0;
    bool m_started = false;
    QString m_error;
};

} // namespace tb::logs
