// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/LogFileImport.h"

#include "core/CoreLogging.h"
#include "core/logs/LogStore.h"
#include "core/store/Database.h"
#include "core/store/ProfileSettings.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace tb::logs {

using store::StoreError;

namespace {

QString pendingKey(qint64 setId)
{
    return LogFileImport::kPendingKeyPrefix + QString::number(setId);
}

QString thisProcess()
{
    return QString::number(QCoreApplication::applicationPid());
}

} // namespace

LogFileImport::Result LogFileImport::run(const QString& databasePath, const QString& filePath, const Options& options)
{
    store::Database database(databasePath);
    if (const std::optional<StoreError> error = database.open()) {
        Result result;
        result.storeFailed = true;
        result.error = error->userMessage();
        return result;
    }
    return run(database, filePath, options);
}

LogFileImport::Result LogFileImport::run(store::Database& database, const QString& filePath, const Options& options)
{
    Result result;
    const QString fileName = QFileInfo(filePath).fileName();
    removeInterrupted(database);

    LogStore store(database);
    store::ProfileSettings settings(database);
    const auto set = store.createImportSet(fileName, QDateTime::currentDateTimeUtc());
    if (const auto* error = std::get_if<StoreError>(&set)) {
        result.storeFailed = true;
        result.error = error->userMessage();
        return result;
    }
    const qint64 setId = std::get<LogSet>(set).id;
    if (const std::optional<StoreError> error = settings.setValue(pendingKey(setId), thisProcess())) {
        static_cast<void>(store.deleteSet(setId));
        result.storeFailed = true;
        result.error = error->userMessage();
        return result;
    }
    if (const std::optional<StoreError> error = store.beginBulkInsert()) {
        qCWarning(lcLogs) << "bulk insert mode not available:" << error->detail();
    }

    std::optional<StoreError> storeError;
    LogImporter importer(options.importer);
    // The importer reports after each batch it handed over (and so after it is stored) and at the end.
    importer.setProgressSink([&](qint64 read, qint64 total) {
        if (options.progress) {
            options.progress(read, total, result.records);
        }
    });
    // The parsing thread makes the rows (a JSON record's own text is its body: building it again from the entry cost
    // most of an import); this thread only writes them.
    const LogImporter::Result imported = importer.importFileAsRows(filePath, [&](const QList<LogRecordRow>& rows) {
        const auto inserted = store.insert(setId, rows);
        if (const auto* error = std::get_if<StoreError>(&inserted)) {
            storeError = *error;
            return false;
        }
        result.records += std::get<int>(inserted);
        return !(options.cancelRequested && options.cancelRequested());
    });
    if (const std::optional<StoreError> error = store.endBulkInsert(); error && !storeError) {
        storeError = *error; // the last rows were not committed
    }
    result.importer = imported;
    result.format = imported.format;

    if (imported.ok && !storeError) {
        if (const std::optional<StoreError> error = settings.remove(pendingKey(setId))) {
            // The records are all in; a marker left behind would delete them on the next import.
            static_cast<void>(store.deleteSet(setId));
            result.records = 0;
            result.storeFailed = true;
            result.error = error->userMessage();
            return result;
        }
        result.ok = true;
        result.setId = setId;
        return result;
    }

    const std::optional<StoreError> removed = store.deleteSet(setId);
    if (!removed) {
        static_cast<void>(settings.remove(pendingKey(setId)));
    } // else the marker stays, and the next import removes the set
    result.records = 0;
    if (storeError) {
        result.storeFailed = true;
        result.error = QCoreApplication::translate("LogFileImport", "Nothing was imported from %1: %2")
                           .arg(fileName, storeError->userMessage());
    } else if (imported.cancelled) {
        result.cancelled = true;
        result.error = QCoreApplication::translate("LogFileImport", "The import of %1 was cancelled; nothing was kept.")
                           .arg(fileName);
    } else {
        result.error = QCoreApplication::translate("LogFileImport", "Nothing was imported from %1: %2")
                           .arg(fileName, imported.error);
    }
    return result;
}

int LogFileImport::removeInterrupted(store::Database& database)
{
    LogStore store(database);
    store::ProfileSettings settings(database);
    const auto sets = store.sets();
    if (std::holds_alternative<StoreError>(sets)) {
        return -1;
    }
    int removed = 0;
    for (const LogSet& set : std::get<QList<LogSet>>(sets)) {
        if (set.kind != LogSet::Kind::Import) {
            continue;
        }
        const auto marker = settings.value(pendingKey(set.id));
        if (std::holds_alternative<StoreError>(marker)) {
            return -1;
        }
        const std::optional<QString>& owner = std::get<std::optional<QString>>(marker);
        // Another thread of this process may be importing into it right now.
        if (!owner || *owner == thisProcess()) {
            continue;
        }
        if (!store.deleteSet(set.id) && !settings.remove(pendingKey(set.id))) {
            ++removed;
        }
    }
    return removed;
}

} // namespace tb::logs
