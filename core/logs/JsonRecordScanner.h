// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>

namespace tb::logs {

// Cuts a JSON file of provisioning records into one record at a time without reading the whole file: the
// admin center's download (a top-level array of records), a Graph page or a saved answer ({"value": [...],
// "@odata.context": ...}, other keys skipped) or one record on its own (a top-level object without a value
// array). Each record comes back as its raw JSON text, which the caller parses (QJsonDocument) and checks; this
// class only follows the structure (strings with escapes, nesting) far enough to find where records begin and
// end, so it holds one record in memory and reads the file in one pass.
//
// Refused with a message naming the record and its line: a file that ends inside a record or before the
// closing ] (a truncated download), something other than , or ] between records, text after the end, a
// record over maxRecordBytes, a string over maxStringBytes. Not thread-safe; the device must stay open.
class JsonRecordScanner
{
public:
    enum class Step { Record, End, Error };

    explicit JsonRecordScanner(QIODevice& device, qint64 maxRecordBytes, qint64 maxStringBytes);

    // The next record's JSON text into record (Step::Record), or the end of the file, or an error.
    [[nodiscard]] Step next(QByteArray& record);

    [[nodiscard]] QString errorString() const { return m_error; }
    // 1-based index of the record last returned or being read when an error happened; 0 before the first.
    [[nodiscard]] qint64 recordIndex() const { return m_index; }
    // The line (1-based) on which that record begins.
    [[nodiscard]] qint64 recordLine() const { return m_recordLine; }
    [[nodiscard]] qint64 bytesRead() const { return m_bytesRead; }

private:
    enum class State { Start, InArray, AfterArray, Done };

    bool get(char& c);
    bool peek(char& c);
    bool skipWhitespace(); // false at the end of the input
    bool readValue(); // one value, whatever its kind; into m_capture when set
    bool readStringRest(); // after the opening quote
    bool readKey(QByteArray& key);
    bool readWrapperRest(); // the wrapper object's keys after its value array, up to its }
    bool expectEnd(); // only whitespace left
    Step fail(const QString& message);
    Step truncated(const QString& where);
    QString at() const; // "record 3 (line 17)"

    QIODevice& m_device;
    qint64 m_maxRecordBytes;
    qint64 m_maxStringBytes;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_bytesRead = 0;
    qint64 m_line = 1;
    qint64 m_index = 0;
    qint64 m_recordLine = 0;
    State m_state = State::Start;
    bool m_inWrapper = false;
    bool m_first = true;
    QByteArray* m_capture = nullptr;
    QString m_error;
};

} // namespace tb::logs
