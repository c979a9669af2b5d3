// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/LogFetcher.h"
#include "core/store/StoreError.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>
#include <variant>

namespace tb::graph {
class GraphClient;
}

namespace tb::store {
class Database;
}

namespace tb::logs {

class LogStore;

// Fetches one job's provisioning logs into the log store: finds or creates the job's set (LogStore::jobSet), reads
// the set's saved watermark, runs a LogFetcher whose sink inserts each page (de-duplicated by id), and saves the
// watermark the fetcher hands back when the fetch finishes, fails or is cancelled, so the next fetch resumes where
// this one stopped (LogFetcher explains why a watermark and not the newest stored time).
//
// WHERE THE WATERMARK LIVES. LogStore has no column for it, so it is kept in the profile's profile_meta table
// (store::ProfileSettings) under "logs.completeThrough.<setId>" as ISO 8601 UTC with milliseconds. A saved value is
// used only while the set holds records: a set that was deleted and whose id came back empty starts from the
// beginning. That needs the Database: LogStore does not hand out its own. Without one (the three-argument
// constructor) the watermark is the newest activity time stored in the job's set, which is the same value as long
// as the service returns records oldest first, as Graph and the sandbox do; only a fetch that broke off while the
// service ignored that order could then leave older records behind until the next full fetch.
//
// QObject on the store's (and the client's) thread; both must outlive it. One fetch at a time.
class LogSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogSync)

public:
    static inline const QString kWatermarkKeyPrefix = QStringLiteral("logs.completeThrough.");

    LogSync(graph::GraphClient& source, LogStore& store, QObject* parent = nullptr);
    // The same, with the exact watermark kept in the database's profile_meta (see above). The database must be the
    // one the store was made on.
    LogSync(graph::GraphClient& source, LogStore& store, store::Database& database, QObject* parent = nullptr);
    ~LogSync() override;

    // Starts fetching the job's logs (servicePrincipalId: the configuration's object id). False (nothing started)
    // while a fetch runs or without both ids. A store error at the start is reported by failed(), after return.
    bool fetch(const QString& servicePrincipalId, const QString& jobId);
    // Stops at once and saves the watermark of what was stored; no signal follows.
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    // Records per page asked of Graph (LogFetcher::Request::pageSize), for the next fetch; default the most.
    void setPageSize(int pageSize) { m_pageSize = pageSize; }

    // Of the current or last fetch: the job's set (0 before it is known), the fetcher's outcome (pages, records,
    // completeThrough: the stored logs cover everything before it), and the records that were new to the store.
    [[nodiscard]] qint64 setId() const { return m_setId; }
    [[nodiscard]] const LogFetcher::Outcome& outcome() const { return m_fetcher->outcome(); }
    [[nodiscard]] int newRecords() const { return m_newRecords; }

    // The watermark saved for a set: invalid when none was saved or the set holds no records.
    [[nodiscard]] static std::variant<QDateTime, store::StoreError> savedWatermark(
        store::Database& database, LogStore& store, qint64 setId);
    [[nodiscard]] static std::optional<store::StoreError> saveWatermark(
        store::Database& database, qint64 setId, const QDateTime& completeThrough);

signals:
    // After each stored page: pages and records delivered so far (the overlap's repeats included), and how many of
    // them were new to the store.
    void progress(int pages, int records, int newRecords);
    void finished(int newRecords, qint64 setId);
    // A sentence saying what failed, how much was stored and that the next fetch resumes.
    void failed(const QString& message);

private:
    [[nodiscard]] std::variant<QDateTime, store::StoreError> watermark() const;
    // Saves the outcome's watermark; the problem when that failed.
    [[nodiscard]] std::optional<QString> keepWatermark();
    void failLater(const QString& message);

    LogStore& m_store;
    store::Database* m_database = nullptr;
    LogFetcher* m_fetcher = nullptr;
    qint64 m_setId = 0;
    int m_pageSize = LogFetcher::kMaxPageSize;
    int m_newRecords = 0;
    bool m_running = false;
};

} // namespace tb::logs
