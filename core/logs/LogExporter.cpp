// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/LogExporter.h"

#include "core/logs/CsvFormulaGuard.h"
#include "core/logs/LogCsvColumns.h"

#include <QJsonDocument>

namespace tb::logs {

LogExporter::LogExporter(QIODevice& device, Options options)
    : m_device(device)
    , m_options(options)
{ }

QByteArray LogExporter::csvLine(const QStringList& cells)
{
    QByteArray line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0) {
            line.append(',');
        }
        QString cell = CsvFormulaGuard::protect(cells.at(i));
        cell.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        line.append('"');
        line.append(cell.toUtf8());
        line.append('"');
    }
    line.append("\r\n");
    return line;
}

bool LogExporter::put(const QByteArray& bytes)
{
    if (!m_error.isEmpty()) {
        return false;
    }
    if (m_device.write(bytes) != bytes.size()) {
        m_error = QStringLiteral("cannot write the export: %1").arg(m_device.errorString());
        return false;
    }
    return true;
}

bool LogExporter::begin()
{
    if (m_begun) {
        return m_error.isEmpty();
    }
    m_begun = true;
    if (m_options.format == Format::Json) {
        return put(QByteArrayLiteral("["));
    }
    QStringList headers;
    for (const LogCsvColumns::Field field : LogCsvColumns::exportedFields(m_options.withDetails)) {
        headers.append(LogCsvColumns::header(field));
    }
    return put(QByteArrayLiteral("\xEF\xBB\xBF") + csvLine(headers));
}

bool LogExporter::write(const QList<model::ProvisioningLogEntry>& batch)
{
    if (!begin()) {
        return false;
    }
    if (m_finished) {
        m_error = QStringLiteral("the export is already finished");
        return false;
    }
    QByteArray bytes;
    if (m_options.format == Format::Json) {
        for (const model::ProvisioningLogEntry& entry : batch) {
            bytes.append(m_records == 0 ? "\n" : ",\n");
            bytes.append(QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact));
            ++m_records;
        }
    } else {
        const QList<LogCsvColumns::Field> fields = LogCsvColumns::exportedFields(m_options.withDetails);
        QStringList cells;
        for (const model::ProvisioningLogEntry& entry : batch) {
            cells.clear();
            for (const LogCsvColumns::Field field : fields) {
                cells.append(LogCsvColumns::cell(entry, field));
            }
            bytes.append(csvLine(cells));
            ++m_records;
        }
    }
    return put(bytes);
}

bool LogExporter::finish()
{
    if (!begin()) {
        return false;
    }
    if (m_finished) {
        return m_error.isEmpty();
    }
    m_finished = true;
    return m_options.format == Format::Json ? put(QByteArrayLiteral("\n]\n")) : m_error.isEmpty();
}

} // namespace tb::logs
