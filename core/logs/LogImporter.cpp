// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/LogImporter.h"

#include "core/logs/CsvFormulaGuard.h"
#include "core/logs/CsvRecordReader.h"
#include "core/logs/JsonRecordScanner.h"
#include "core/logs/LogCsvColumns.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace tb::logs {

namespace {

using Entry = model::ProvisioningLogEntry;
using Field = LogCsvColumns::Field;

QString typeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

// The checks fromJson's tolerance would let through silently: what a record needs, and the types of the fields
// we read. Empty when the record is fine.
// The first character of text that is not white space (as QByteArray::trimmed sees it), or '\0'.
char firstNonSpace(const QByteArray& text)
{
    for (const char c : text) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f') {
            return c;
        }
    }
    return '\0';
}

QString recordProblem(const QJsonObject& json)
{
    const QJsonValue id = json.value(QLatin1String("id"));
    if (!id.isString() || id.toString().isEmpty()) {
        return id.isUndefined() || id.isNull() || id.toString().isEmpty()
            ? QStringLiteral("the record has no id")
            : QStringLiteral("id: expected a string, found %1").arg(typeName(id));
    }
    const QJsonValue date = json.value(QLatin1String("activityDateTime"));
    if (!date.isString()) {
        return date.isUndefined() || date.isNull()
            ? QStringLiteral("the record has no activityDateTime")
            : QStringLiteral("activityDateTime: expected a string, found %1").arg(typeName(date));
    }
    if (!Entry::parseDateTime(date.toString()).isValid()) {
        return QStringLiteral("activityDateTime: '%1' is not an ISO 8601 date and time").arg(date.toString().left(60));
    }
    const auto expect = [&](const char* key, QJsonValue::Type type, const char* kind) -> QString {
        const QJsonValue value = json.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull() || value.type() == type) {
            return {};
        }
        return QStringLiteral("%1: expected %2, found %3")
            .arg(QLatin1String(key), QLatin1String(kind), typeName(value));
    };
    const std::initializer_list<std::tuple<const char*, QJsonValue::Type, const char*>> fields {
        {"durationInMilliseconds", QJsonValue::Double, "a number"},
        {"provisioningAction", QJsonValue::String, "a string"},
        {"action", QJsonValue::String, "a string"},
        {"tenantId", QJsonValue::String, "a string"},
        {"jobId", QJsonValue::String, "a string"},
        {"cycleId", QJsonValue::String, "a string"},
        {"changeId", QJsonValue::String, "a string"},
        {"provisioningSteps", QJsonValue::Array, "an array"},
        {"modifiedProperties", QJsonValue::Array, "an array"},
        {"provisioningStatusInfo", QJsonValue::Object, "an object"},
        {"statusInfo", QJsonValue::Object, "an object"},
        {"sourceIdentity", QJsonValue::Object, "an object"},
        {"targetIdentity", QJsonValue::Object, "an object"},
        {"sourceSystem", QJsonValue::Object, "an object"},
        {"targetSystem", QJsonValue::Object, "an object"},
        {"initiatedBy", QJsonValue::Object, "an object"},
    };
    for (const auto& [key, type, kind] : fields) {
        const QString problem = expect(key, type, kind);
        if (!problem.isEmpty()) {
            return problem;
        }
    }
    const QJsonValue principal = json.value(QLatin1String("servicePrincipal"));
    if (!principal.isUndefined() && !principal.isNull() && !principal.isObject() && !principal.isArray()) {
        return QStringLiteral("servicePrincipal: expected an object, found %1").arg(typeName(principal));
    }
    for (const char* key : {"provisioningSteps", "modifiedProperties"}) {
        const QJsonArray items = json.value(QLatin1String(key)).toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items.at(i).isObject()) {
                return QStringLiteral("%1[%2]: expected an object, found %3")
                    .arg(QLatin1String(key))
                    .arg(i)
                    .arg(typeName(items.at(i)));
            }
        }
    }
    return {};
}

// The status as the CSV import reads it (LogCsvColumns): one of Graph's provisioningResult values. Whatever is imported
// can then be exported to CSV and imported again.
QString statusProblem(const Entry& entry)
{
    if (entry.status.isEmpty()) {
        return QStringLiteral("the record has no status (provisioningStatusInfo.status)");
    }
    Entry check;
    QString problem;
    if (!LogCsvColumns::assign(check, LogCsvColumns::Field::Status, entry.status, &problem)) {
        return QStringLiteral("provisioningStatusInfo.status: %1").arg(problem);
    }
    return {};
}

// The companion files of the CSV download are recognised by their headers: a change ID, no date, and step or
// property columns.
QString companionFileProblem(const QSet<QString>& normalizedHeaders)
{
    if (!normalizedHeaders.contains(QStringLiteral("changeid"))) {
        return {};
    }
    if (normalizedHeaders.contains(QStringLiteral("oldvalue"))
        || normalizedHeaders.contains(QStringLiteral("newvalue"))) {
        return QStringLiteral("this is the modified-properties file of a CSV download "
                              "(ProvisioningLogs_ModifiedProperties); import the ProvisioningLogs file next to it, or "
                              "download the logs as JSON, which holds everything in one file");
    }
    for (const char* key : {"provisioningsteptype", "steptype", "stepname", "name", "description"}) {
        if (normalizedHeaders.contains(QLatin1String(key))) {
            return QStringLiteral("this is the provisioning-steps file of a CSV download "
                                  "(ProvisioningLogs_ProvisioningSteps); import the ProvisioningLogs file next to it, "
                                  "or download the logs as JSON, which holds everything in one file");
        }
    }
    return {};
}

} // namespace

// One batch on its way from the parsing thread to the caller's.
struct LogImporter::Batch
{
    QList<Entry> entries; // Shape::Entries
    QList<LogRecordRow> rows; // Shape::Rows
    qint64 bytesRead = 0;

    [[nodiscard]] qsizetype size() const { return entries.size() + rows.size(); }
};

// Two batches at most in flight: the parser works on the next batch while the sink stores this one, and memory stays
// bounded by a few batches whatever the file's size.
class LogImporter::BatchQueue
{
public:
    // False when the consumer has stopped (the sink cancelled).
    bool push(Batch&& batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_batches.size() < kDepth || m_stopped; });
        if (m_stopped) {
            return false;
        }
        m_batches.push_back(std::move(batch));
        m_changed.notify_all();
        return true;
    }

    // std::nullopt once the producer has closed the queue and every batch is taken.
    std::optional<Batch> pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_batches.empty() || m_closed; });
        if (m_batches.empty()) {
            return std::nullopt;
        }
        Batch batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_changed.notify_all();
        return batch;
    }

    void close()
    {
        const std::lock_guard lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
    }

    void stop()
    {
        const std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_batches.clear();
        m_changed.notify_all();
    }

private:
    static constexpr size_t kDepth = 2;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch> m_batches;
    bool m_closed = false;
    bool m_stopped = false;
};

// Batches and progress, shared by both formats. Without a queue (the check pass of validateFirst) a batch is
// dropped and progress is reported right here; with one, the batch and its progress go to the caller's thread.
class LogImporter::Delivery
{
public:
    Delivery(Result& result, BatchQueue* queue, const ProgressSink& progress, QIODevice& device, int batchSize,
        Shape shape, bool twoPasses)
        : m_result(result)
        , m_queue(queue)
        , m_progress(progress)
        , m_batchSize(batchSize)
        , m_shape(shape)
        , m_twoPasses(twoPasses)
        , m_total(device.isSequential() ? -1 : device.size())
    {
        reserve();
    }

    // False when the sink cancelled.
    // json: the text a JSON record was read from, kept as the row's body (Shape::Rows).
    bool add(Entry&& entry, qint64 bytesRead, const QByteArray& json = {})
    {
        if (m_shape == Shape::Rows) {
            // Made here, on the parsing thread: the entry is freed by the thread that allocated it, and the storing
            // thread only writes.
            m_batch.rows.append(LogRecordRow::from(entry, json));
        } else {
            m_batch.entries.append(std::move(entry));
        }
        return m_batch.size() < m_batchSize || flush(bytesRead);
    }

    bool flush(qint64 bytesRead)
    {
        m_result.bytesRead = bytesRead;
        if (!m_queue) {
            m_batch.entries.clear();
            m_batch.rows.clear();
            report(m_progress, m_total, m_twoPasses, true, bytesRead);
            return true;
        }
        if (m_batch.size() == 0) {
            return true;
        }
        m_batch.bytesRead = bytesRead;
        Batch full = std::move(m_batch);
        m_batch = Batch();
        reserve();
        return m_queue->push(std::move(full));
    }

    [[nodiscard]] qint64 total() const { return m_total; }

    static void report(const ProgressSink& progress, qint64 total, bool twoPasses, bool checkPass, qint64 bytesRead)
    {
        if (!progress) {
            return;
        }
        if (!twoPasses || total < 0) {
            progress(bytesRead, total);
        } else { // two passes over one file: the first is the first half of the way
            progress((checkPass ? 0 : total) + bytesRead, 2 * total);
        }
    }

private:
    void reserve()
    {
        if (m_shape == Shape::Rows) {
            m_batch.rows.reserve(m_batchSize);
        } else {
            m_batch.entries.reserve(m_batchSize);
        }
    }

    Result& m_result;
    BatchQueue* m_queue;
    const ProgressSink& m_progress;
    int m_batchSize;
    Shape m_shape;
    bool m_twoPasses;
    qint64 m_total;
    Batch m_batch;
};

LogImporter::LogImporter()
    : LogImporter(Options())
{ }

LogImporter::LogImporter(Options options)
    : m_options(options)
{
    m_options.batchSize = qMax(1, m_options.batchSize);
}

LogImporter::Format LogImporter::detectFormat(QByteArrayView head)
{
    if (head.startsWith(QByteArrayView("\xEF\xBB\xBF"))) {
        head = head.sliced(3);
    }
    for (const char c : head) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            continue;
        }
        return c == '[' || c == '{' ? Format::Json : Format::Csv;
    }
    return Format::Unknown;
}

LogImporter::Result LogImporter::importFile(const QString& path, const BatchSink& sink)
{
    return importFile(
        path, [&sink](const Batch& batch) { return sink(batch.entries); }, Shape::Entries);
}

LogImporter::Result LogImporter::importFileAsRows(const QString& path, const RowSink& sink)
{
    return importFile(
        path, [&sink](const Batch& batch) { return sink(batch.rows); }, Shape::Rows);
}

LogImporter::Result LogImporter::importDevice(QIODevice& device, const BatchSink& sink)
{
    return importDevice(
        device, [&sink](const Batch& batch) { return sink(batch.entries); }, Shape::Entries);
}

LogImporter::Result LogImporter::importDeviceAsRows(QIODevice& device, const RowSink& sink)
{
    return importDevice(
        device, [&sink](const Batch& batch) { return sink(batch.rows); }, Shape::Rows);
}

LogImporter::Result LogImporter::importFile(const QString& path, const Consumer& sink, Shape shape)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return result;
    }
    return importDevice(file, sink, shape);
}

LogImporter::Result LogImporter::importDevice(QIODevice& device, const Consumer& sink, Shape shape)
{
    Result result;
    result.format = detectFormat(device.peek(64 * 1024));
    if (result.format == Format::Unknown) {
        result.error = QStringLiteral("the file is empty");
        return result;
    }
    if (m_options.validateFirst) {
        const Result check = parse(device, result.format, nullptr, Shape::Entries);
        if (!check.ok) {
            return check;
        }
        if (!device.seek(0)) {
            result.error = QStringLiteral("cannot read the file a second time: %1").arg(device.errorString());
            return result;
        }
    }
    return deliver(device, result.format, sink, shape);
}

LogImporter::Result LogImporter::deliver(QIODevice& device, Format format, const Consumer& sink, Shape shape)
{
    // A second thread parses while this one hands batches to the sink (which stores them, typically on a database
    // connection of this thread): parsing and storing cost about the same, so a large import takes about half the
    // time on two cores. The device is used by the parser alone until it is done.
    const qint64 total = device.isSequential() ? -1 : device.size();
    BatchQueue queue;
    Result parsed;
    std::thread parser([&] {
        parsed = parse(device, format, &queue, shape);
        queue.close();
    });
    qint64 delivered = 0;
    bool cancelled = false;
    while (std::optional<Batch> batch = queue.pop()) {
        if (!sink(*batch)) {
            cancelled = true;
            queue.stop();
            break;
        }
        delivered += batch->size();
        Delivery::report(m_progress, total, m_options.validateFirst, false, batch->bytesRead);
    }
    parser.join();
    parsed.recordsDelivered = delivered;
    if (cancelled) {
        parsed.ok = false;
        parsed.cancelled = true;
        parsed.error = QStringLiteral("the import was cancelled");
    } else if (parsed.ok) {
        Delivery::report(m_progress, total, m_options.validateFirst, false, parsed.bytesRead);
    }
    return parsed;
}

LogImporter::Result LogImporter::parse(QIODevice& device, Format format, BatchQueue* queue, Shape shape)
{
    return format == Format::Json ? runJson(device, queue, shape) : runCsv(device, queue, shape);
}

LogImporter::Result LogImporter::readAll(QIODevice& device, QList<Entry>& records)
{
    return readAll(device, records, Options());
}

LogImporter::Result LogImporter::readAll(QIODevice& device, QList<Entry>& records, Options options)
{
    records.clear();
    LogImporter importer(options);
    Result result = importer.importDevice(device, [&records](const QList<Entry>& batch) {
        records.append(batch);
        return true;
    });
    if (!result.ok) {
        records.clear();
    }
    return result;
}

LogImporter::Result LogImporter::runJson(QIODevice& device, BatchQueue* queue, Shape shape)
{
    Result result;
    result.format = Format::Json;
    Delivery delivery(result, queue, m_progress, device, m_options.batchSize, shape, m_options.validateFirst);
    JsonRecordScanner scanner(device, m_options.maxRecordBytes, m_options.maxFieldBytes);
    QByteArray text;
    while (true) {
        const JsonRecordScanner::Step step = scanner.next(text);
        if (step == JsonRecordScanner::Step::Error) {
            result.error = scanner.errorString();
            result.record = scanner.recordIndex();
            result.line = scanner.recordLine();
            return result;
        }
        if (step == JsonRecordScanner::Step::End) {
            break;
        }
        // Made only for a message: a million records would pay for a million of them.
        const auto where = [&scanner] {
            return QStringLiteral("record %1 (line %2)").arg(scanner.recordIndex()).arg(scanner.recordLine());
        };
        result.record = scanner.recordIndex();
        result.line = scanner.recordLine();
        // QJsonDocument reads only objects and arrays; say what a record of another kind is before it complains.
        const char start = firstNonSpace(text);
        if (start != '{') {
            const QString kind = start == '['  ? QStringLiteral("an array")
                : start == '"'                 ? QStringLiteral("a string")
                : start == 't' || start == 'f' ? QStringLiteral("a boolean")
                : start == 'n'                 ? QStringLiteral("null")
                                               : QStringLiteral("a number");
            result.error
                = QStringLiteral("%1: expected a provisioning record (an object), found %2").arg(where(), kind);
            return result;
        }
        QJsonParseError parseError {};
        const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            const qint64 line = scanner.recordLine() + text.left(parseError.offset).count('\n');
            result.line = line;
            result.error = QStringLiteral("%1: the JSON is not valid at line %2: %3")
                               .arg(where())
                               .arg(line)
                               .arg(parseError.errorString());
            return result;
        }
        const QJsonObject json = document.object();
        QString problem = recordProblem(json);
        Entry entry = problem.isEmpty() ? Entry::fromJson(json) : Entry();
        if (problem.isEmpty()) {
            problem = statusProblem(entry);
        }
        if (!problem.isEmpty()) {
            const QString id = json.value(QLatin1String("id")).toString();
            result.error = id.isEmpty() ? QStringLiteral("%1: %2").arg(where(), problem)
                                        : QStringLiteral("%1, id %2: %3").arg(where(), id.left(80), problem);
            return result;
        }
        if (!delivery.add(std::move(entry), scanner.bytesRead(), text)) {
            return result;
        }
    }
    if (!delivery.flush(scanner.bytesRead())) {
        return result;
    }
    result.ok = true;
    result.line = 0;
    result.record = 0;
    return result;
}

LogImporter::Result LogImporter::runCsv(QIODevice& device, BatchQueue* queue, Shape shape)
{
    Result result;
    result.format = Format::Csv;
    Delivery delivery(result, queue, m_progress, device, m_options.batchSize, shape, m_options.validateFirst);
    CsvRecordReader reader(device, m_options.maxFieldBytes, m_options.maxRecordBytes);
    bool inData = false;
    const auto failReader = [&]() {
        result.error = reader.errorString();
        result.line = reader.recordLine();
        if (inData) {
            ++result.record; // the record being read
        }
        return result;
    };

    QStringList header;
    if (!reader.next(header)) {
        if (reader.hasError()) {
            return failReader();
        }
        result.error = QStringLiteral("the file is empty");
        return result;
    }
    QList<std::optional<Field>> mapping;
    QSet<Field> mapped;
    QSet<QString> normalizedHeaders;
    for (QString& name : header) {
        name = name.trimmed();
        normalizedHeaders.insert(LogCsvColumns::normalized(name));
        std::optional<Field> field = LogCsvColumns::fieldForHeader(name);
        if (field && mapped.contains(*field)) {
            field.reset(); // a second column for the same field: the first one counts
        }
        if (field) {
            mapped.insert(*field);
        } else {
            result.ignoredColumns.append(name);
        }
        mapping.append(field);
    }
    if (!mapped.contains(Field::ActivityDateTime)) {
        const QString companion = companionFileProblem(normalizedHeaders);
        if (!companion.isEmpty()) {
            result.line = 1;
            result.error = QStringLiteral("line 1: %1").arg(companion);
            return result;
        }
    }
    const auto missing = [&](Field field) {
        result.line = 1;
        result.error = QStringLiteral("line 1: the header has no %1 column (accepted names: %2)")
                           .arg(LogCsvColumns::header(field), LogCsvColumns::acceptedHeaders(field));
        return result;
    };
    if (!mapped.contains(Field::ActivityDateTime)) {
        return missing(Field::ActivityDateTime);
    }
    if (!mapped.contains(Field::Status) && !mapped.contains(Field::StatusInfo)) {
        return missing(Field::Status);
    }
    if (!mapped.contains(Field::Id) && !mapped.contains(Field::ChangeId)) {
        return missing(Field::Id);
    }

    QStringList fields;
    inData = true;
    while (reader.next(fields)) {
        ++result.record;
        const qint64 line = reader.recordLine();
        result.line = line;
        const auto fail = [&](const QString& message) {
            result.error = QStringLiteral("line %1: %2").arg(line).arg(message);
            return result;
        };
        if (fields.size() < header.size()) {
            return fail(
                QStringLiteral("%1 fields, but the header has %2 columns").arg(fields.size()).arg(header.size()));
        }
        for (qsizetype i = header.size(); i < fields.size(); ++i) {
            if (!fields.at(i).isEmpty()) {
                return fail(
                    QStringLiteral("%1 fields, but the header has %2 columns").arg(fields.size()).arg(header.size()));
            }
        }
        Entry entry;
        for (qsizetype i = 0; i < header.size(); ++i) {
            if (!mapping.at(i)) {
                continue;
            }
            QString problem;
            if (!LogCsvColumns::assign(entry, *mapping.at(i), CsvFormulaGuard::unprotect(fields.at(i)), &problem)) {
                return fail(QStringLiteral("%1: %2").arg(header.at(i), problem));
            }
        }
        if (entry.id.isEmpty()) {
            entry.id = entry.changeId; // the docs call the change ID a unique identifier
        }
        if (entry.id.isEmpty()) {
            return fail(QStringLiteral("the record has neither an Id nor a Change ID"));
        }
        if (!entry.activityDateTime.isValid()) {
            return fail(QStringLiteral("the record has no date"));
        }
        if (entry.status.isEmpty()) {
            return fail(QStringLiteral("the record has no status"));
        }
        if (!delivery.add(std::move(entry), reader.bytesRead())) {
            return result;
        }
    }
    if (reader.hasError()) {
        return failReader();
    }
    if (!delivery.flush(reader.bytesRead())) {
        return result;
    }
    result.ok = true;
    result.line = 0;
    result.record = 0;
    return result;
}

} // namespace tb::logs
