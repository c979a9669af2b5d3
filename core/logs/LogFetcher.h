// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/ProvisioningLogEntry.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace tb::graph {
class GraphClient;
class PageReader;
struct PageReadResult;
} // namespace tb::graph

namespace tb::logs {

// Fetches the provisioning logs of one job (GET /auditLogs/provisioning, graph-reference.md 4) incrementally and
// hands each page to a sink (the log store, in tests a map): the fetcher stores nothing and knows no store.
//
// RESUMABILITY. A "set" (one job, or one configuration) has a watermark, completeThrough: every record of the set
// whose activityDateTime is before it has been delivered to the sink already. The caller keeps it next to the
// records (the store's business) and passes it in; the fetcher hands back the new one in every Outcome, also of a
// fetch that failed or was cancelled halfway. Records are asked for OLDEST FIRST ($orderby=activityDateTime asc,
// which Graph and the sandbox support), from completeThrough minus an overlap, so after every delivered page
// "everything before the newest delivered time" holds, and a fetch that breaks off after k pages leaves a
// watermark at the last record of page k: the next fetch continues there and nothing older is skipped.
//
// Why not "the newest stored time" with Graph's usual newest-first order: a fetch that dies after the first page
// has stored the newest records, and the next fetch, starting from them, would never ask for the older ones that
// were still to come. The watermark also keeps records imported from files (LogImporter, which may be newer than
// anything fetched) from moving the start of a fetch.
//
// The overlap (default 5 minutes) is there because records arrive late and in no particular order of
// activityDateTime: one written a minute after a newer one was read is still found by the next fetch. Records
// delivered twice (the overlap, a page read again after a failure) are the sink's to ignore: de-duplication by id
// (INSERT OR IGNORE). Should the service not honour the ascending order (a page not sorted), the watermark stops
// moving during the fetch and advances only when the fetch completes, to the newest time delivered.
//
// Failures (the connection dropped, a 5xx or 429 still there after GraphClient's retries, the sink could not
// store a page, a refused filter) end the fetch with failed(): a sentence saying what happened, how much was
// delivered and that the next fetch resumes, plus the Outcome with the watermark to keep.
//
// QObject on the client's thread; the client must outlive it. One fetch at a time.
class LogFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFetcher)

public:
    // Stores one page of records; returns a sentence when that failed, which stops the fetch. The page is then not
    // counted as delivered and the watermark stays before it.
    using Sink = std::function<std::optional<QString>(const QList<model::ProvisioningLogEntry>&)>;

    static constexpr int kMaxPageSize = 1000; // the most $top the provisioning logs accept
    static constexpr qint64 kDefaultOverlapSeconds = 5 * 60;

    // Which records, and from where.
    struct Request
    {
        QString jobId; // jobId eq '…'
        QString servicePrincipalId; // servicePrincipal/id eq '…' (the configuration's object id); at least one of both
        // The set's watermark from the last fetch; invalid: everything the service still keeps (30 days with P1).
        QDateTime completeThrough;
        qint64 overlapSeconds = kDefaultOverlapSeconds; // >= 0
        int pageSize = kMaxPageSize; // $top, clamped to 1..kMaxPageSize
    };

    // How a fetch ended. Also what a failed or cancelled fetch delivered before it stopped.
    struct Outcome
    {
        enum class State { Complete, Failed, Cancelled };
        State state = State::Complete;
        int pages = 0; // pages delivered to the sink
        qint64 records = 0; // records delivered (repeats of the overlap included)
        QDateTime from; // the activityDateTime the fetch asked from (invalid: from the beginning)
        QDateTime oldestDelivered; // invalid when nothing was delivered
        QDateTime newestDelivered;
        // The watermark to keep for the next fetch (see above); never earlier than the one passed in.
        QDateTime completeThrough;
        QString problem; // empty when complete: the same sentence as failed()

        [[nodiscard]] bool isComplete() const { return state == State::Complete; }
    };

    explicit LogFetcher(graph::GraphClient& client, QObject* parent = nullptr);
    ~LogFetcher() override;

    // False (nothing started) while a fetch runs, without a sink, or with neither a job nor a service principal.
    bool start(const Request& request, Sink sink);
    // Stops at once (the page being read is dropped; one the sink is storing counts as delivered); the Outcome (state
    // Cancelled, watermark as far as delivered) is in outcome(), and no signal follows. The sink may call it.
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    // The last fetch's outcome, also while one runs (what was delivered so far).
    [[nodiscard]] const Outcome& outcome() const { return m_outcome; }

    // The activityDateTime a fetch of this request asks from: completeThrough minus the overlap; invalid when
    // completeThrough is.
    [[nodiscard]] static QDateTime fetchFrom(const Request& request);

signals:
    // After each delivered page: the totals so far.
    void progress(int pages, qint64 records);
    void finished(const tb::logs::LogFetcher::Outcome& outcome);
    void failed(const QString& userMessage, const tb::logs::LogFetcher::Outcome& outcome);

private:
    void handlePage(const QJsonArray& items);
    void handleReaderFinished(const graph::PageReadResult& result);
    void fail(const QString& problem);
    void describeCancel();
    void stopReader();

    graph::GraphClient& m_client;
    QPointer<graph::PageReader> m_reader;
    Sink m_sink;
    Outcome m_outcome;
    QDateTime m_startWatermark;
    bool m_orderHeld = true; // every record so far was at or after the one before
    bool m_running = false;
};

} // namespace tb::logs

Q_DECLARE_METATYPE(tb::logs::LogFetcher::Outcome)
