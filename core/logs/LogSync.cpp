// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/LogSync.h"

#include "core/CoreLogging.h"
#include "core/logs/LogStore.h"
#include "core/store/ProfileSettings.h"

#include <QTimer>

namespace tb::logs {

using model::ProvisioningLogEntry;
using store::StoreError;

LogSync::LogSync(graph::GraphClient& source, LogStore& store, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_fetcher(new LogFetcher(source, this))
{
    connect(m_fetcher, &LogFetcher::progress, this,
        [this](int pages, qint64 records) { emit progress(pages, static_cast<int>(records), m_newRecords); });
    connect(m_fetcher, &LogFetcher::finished, this, [this](const LogFetcher::Outcome&) {
        m_running = false;
        if (const std::optional<QString> problem = keepWatermark()) {
            emit failed(*problem);
            return;
        }
        emit finished(m_newRecords, m_setId);
    });
    connect(m_fetcher, &LogFetcher::failed, this, [this](const QString& message, const LogFetcher::Outcome&) {
        m_running = false;
        const std::optional<QString> problem = keepWatermark();
        emit failed(problem ? message + QLatin1Char(' ') + *problem : message);
    });
}

LogSync::LogSync(graph::GraphClient& source, LogStore& store, store::Database& database, QObject* parent)
    : LogSync(source, store, parent)
{
    m_database = &database;
}

LogSync::~LogSync()
{
    if (m_running) {
        cancel();
    }
}

bool LogSync::fetch(const QString& servicePrincipalId, const QString& jobId)
{
    if (m_running || servicePrincipalId.trimmed().isEmpty() || jobId.trimmed().isEmpty()) {
        return false;
    }
    m_newRecords = 0;
    m_setId = 0;
    const auto set = m_store.jobSet(servicePrincipalId, jobId);
    if (const auto* error = std::get_if<StoreError>(&set)) {
        failLater(error->userMessage());
        return true;
    }
    m_setId = std::get<LogSet>(set).id;
    const auto completeThrough = watermark();
    if (const auto* error = std::get_if<StoreError>(&completeThrough)) {
        failLater(error->userMessage());
        return true;
    }

    LogFetcher::Request request;
    request.servicePrincipalId = servicePrincipalId;
    request.jobId = jobId;
    request.completeThrough = std::get<QDateTime>(completeThrough);
    request.pageSize = m_pageSize;
    const qint64 setId = m_setId;
    m_running = m_fetcher->start(request, [this, setId](const QList<ProvisioningLogEntry>& page) {
        const auto inserted = m_store.insert(setId, page);
        if (const auto* error = std::get_if<StoreError>(&inserted)) {
            return std::optional<QString>(error->userMessage());
        }
        m_newRecords += std::get<int>(inserted);
        return std::optional<QString>();
    });
    return m_running;
}

void LogSync::cancel()
{
    if (!m_running) {
        return;
    }
    m_fetcher->cancel();
    m_running = false;
    if (const std::optional<QString> problem = keepWatermark()) {
        qCWarning(lcLogs) << "the watermark of a cancelled log fetch was not saved:" << *problem;
    }
}

std::variant<QDateTime, StoreError> LogSync::savedWatermark(store::Database& database, LogStore& store, qint64 setId)
{
    const auto count = store.count(setId);
    if (const auto* error = std::get_if<StoreError>(&count)) {
        return *error;
    }
    if (std::get<qint64>(count) == 0) {
        return QDateTime(); // a watermark of records no longer there (or never stored) would skip them
    }
    const auto value = store::ProfileSettings(database).value(kWatermarkKeyPrefix + QString::number(setId));
    if (const auto* error = std::get_if<StoreError>(&value)) {
        return *error;
    }
    const std::optional<QString>& text = std::get<std::optional<QString>>(value);
    if (!text) {
        return QDateTime();
    }
    QDateTime time = QDateTime::fromString(*text, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

std::optional<StoreError> LogSync::saveWatermark(
    store::Database& database, qint64 setId, const QDateTime& completeThrough)
{
    if (!completeThrough.isValid()) {
        return std::nullopt; // nothing delivered from an empty start: nothing to remember
    }
    return store::ProfileSettings(database).setValue(
        kWatermarkKeyPrefix + QString::number(setId), completeThrough.toUTC().toString(Qt::ISODateWithMs));
}

std::variant<QDateTime, StoreError> LogSync::watermark() const
{
    if (m_database != nullptr) {
        return savedWatermark(*m_database, m_store, m_setId);
    }
    return m_store.newestActivityTime(m_setId);
}

std::optional<QString> LogSync::keepWatermark()
{
    if (m_database == nullptr || m_setId == 0) {
        return std::nullopt;
    }
    if (const std::optional<StoreError> error = saveWatermark(*m_database, m_setId, outcome().completeThrough)) {
        return tr("Where the fetch stopped could not be saved, so the next fetch reads from an earlier point again "
                  "(nothing is stored twice): %1")
            .arg(error->userMessage());
    }
    return std::nullopt;
}

void LogSync::failLater(const QString& message)
{
    // The caller connects after fetch() returns as often as before: the signal comes from the event loop.
    QTimer::singleShot(0, this, [this, message] { emit failed(message); });
}

} // namespace tb::logs
