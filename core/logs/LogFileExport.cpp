// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/LogFileExport.h"

#include "core/logs/LogStore.h"
#include "core/store/Database.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <algorithm>

namespace tb::logs {

using model::ProvisioningLogEntry;
using store::StoreError;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("tb::logs::LogFileExport", text);
}

} // namespace

LogFileExport::Result LogFileExport::run(
    const QString& databasePath, const LogQuery& query, const QString& filePath, const Options& options)
{
    store::Database database(databasePath);
    if (const std::optional<StoreError> error = database.open()) {
        Result result;
        result.error = error->userMessage();
        return result;
    }
    LogStore store(database);
    return run(store, query, filePath, options);
}

LogFileExport::Result LogFileExport::run(
    LogStore& store, const LogQuery& query, const QString& filePath, const Options& options)
{
    Result result;
    auto storeFailed = [&](const StoreError& error) {
        result.error = tr("Nothing was exported to %1: %2").arg(filePath, error.userMessage());
        return result;
    };
    const auto total = store.totalCount(query);
    if (const auto* error = std::get_if<StoreError>(&total)) {
        return storeFailed(*error);
    }
    const qint64 wanted
        = options.limit > 0 ? std::min(options.limit, std::get<qint64>(total)) : std::get<qint64>(total);

    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = tr("Cannot write %1: %2").arg(filePath, file.errorString());
        return result;
    }
    LogExporter exporter(file, options.exporter);
    auto writeFailed = [&] {
        file.cancelWriting();
        result.error = tr("Nothing was exported to %1: %2").arg(filePath, exporter.errorString());
        return result;
    };
    if (!exporter.begin()) {
        return writeFailed();
    }
    // Rows by offset in the query's order: the store answers a page at any offset (what the logs table does).
    qint64 offset = 0;
    while (offset < wanted) {
        const int pageSize = static_cast<int>(std::min<qint64>(kRowPageSize, wanted - offset));
        const auto rows = store.rows(query, offset, pageSize);
        if (const auto* error = std::get_if<StoreError>(&rows)) {
            file.cancelWriting();
            return storeFailed(*error);
        }
        const QList<LogRow>& page = std::get<QList<LogRow>>(rows);
        if (page.isEmpty()) {
            break; // records were removed meanwhile
        }
        for (qsizetype first = 0; first < page.size(); first += kRecordBatch) {
            QList<ProvisioningLogEntry> batch;
            batch.reserve(std::min<qsizetype>(kRecordBatch, page.size() - first));
            for (qsizetype i = first; i < page.size() && i < first + kRecordBatch; ++i) {
                const auto record = store.record(page.at(i).rowId);
                if (const auto* error = std::get_if<StoreError>(&record)) {
                    file.cancelWriting();
                    return storeFailed(*error);
                }
                if (const auto& entry = std::get<std::optional<ProvisioningLogEntry>>(record)) {
                    batch.append(*entry);
                }
            }
            if (!exporter.write(batch)) {
                return writeFailed();
            }
            result.records = exporter.recordsWritten();
            if (options.progress) {
                options.progress(result.records, wanted);
            }
            if (options.cancelRequested && options.cancelRequested()) {
                file.cancelWriting();
                result.cancelled = true;
                result.error = tr("The export to %1 was cancelled; no file was written.").arg(filePath);
                return result;
            }
        }
        offset += page.size();
    }
    if (!exporter.finish()) {
        return writeFailed();
    }
    if (!file.commit()) {
        result.error = tr("Cannot write %1: %2").arg(filePath, file.errorString());
        return result;
    }
    result.ok = true;
    result.records = exporter.recordsWritten();
    return result;
}

} // namespace tb::logs
