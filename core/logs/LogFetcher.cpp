// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/LogFetcher.h"

#include "core/CoreLogging.h"
#include "core/graph/PageReadResult.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/ProvisioningLogEndpoints.h"

#include <QJsonArray>

#include <algorithm>

namespace tb::logs {

namespace {

QDateTime later(const QDateTime& a, const QDateTime& b)
{
    if (!a.isValid()) {
        return b;
    }
    if (!b.isValid()) {
        return a;
    }
    return std::max(a, b);
}

// A sentence ends with a full stop, whoever wrote it.
QString sentence(const QString& text)
{
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() || trimmed.endsWith(QLatin1Char('.')) ? trimmed : trimmed + QLatin1Char('.');
}

QString counted(qint64 count, const QString& one, const QString& many)
{
    return QStringLiteral("%1 %2").arg(count).arg(count == 1 ? one : many);
}

QString timeText(const QDateTime& when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("the oldest kept record");
}

} // namespace

LogFetcher::LogFetcher(graph::GraphClient& client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{ }

LogFetcher::~LogFetcher()
{
    stopReader();
}

QDateTime LogFetcher::fetchFrom(const Request& request)
{
    if (!request.completeThrough.isValid()) {
        return {};
    }
    return request.completeThrough.toUTC().addSecs(-std::max<qint64>(0, request.overlapSeconds));
}

bool LogFetcher::start(const Request& request, Sink sink)
{
    if (m_running || !sink || (request.jobId.trimmed().isEmpty() && request.servicePrincipalId.trimmed().isEmpty())) {
        return false;
    }
    m_running = true;
    m_sink = std::move(sink);
    m_orderHeld = true;
    m_startWatermark = request.completeThrough.isValid() ? request.completeThrough.toUTC() : QDateTime();
    m_outcome = Outcome();
    m_outcome.from = fetchFrom(request);
    m_outcome.completeThrough = m_startWatermark;

    graph::ProvisioningLogEndpoints::ProvisioningLogQuery query;
    query.jobId = request.jobId;
    query.servicePrincipalId = request.servicePrincipalId;
    query.since = m_outcome.from;
    query.top = std::clamp(request.pageSize, 1, kMaxPageSize);
    query.newestFirst = false; // oldest first: the watermark can follow the pages (see the header)
    const graph::ProvisioningLogEndpoints endpoints(m_client);
    m_reader = endpoints.provisioningLogs(query, this);
    connect(m_reader, &graph::PageReader::pageReceived, this, &LogFetcher::handlePage);
    connect(m_reader, &graph::PageReader::finished, this, &LogFetcher::handleReaderFinished);
    qCDebug(lcLogs) << "fetching provisioning logs from" << timeText(m_outcome.from);
    m_reader->start();
    return true;
}

void LogFetcher::cancel()
{
    if (!m_running) {
        return;
    }
    stopReader();
    m_running = false;
    m_sink = nullptr;
    m_outcome.state = Outcome::State::Cancelled;
    describeCancel();
}

void LogFetcher::describeCancel()
{
    m_outcome.problem = QStringLiteral("The log fetch was cancelled after %1; the next fetch continues from %2.")
                            .arg(counted(m_outcome.records, QStringLiteral("record"), QStringLiteral("records")),
                                timeText(m_outcome.completeThrough));
}

void LogFetcher::handlePage(const QJsonArray& items)
{
    if (!m_running) {
        return;
    }
    const QList<model::ProvisioningLogEntry> entries = graph::ProvisioningLogEndpoints::parseProvisioningLogs(items);
    QDateTime oldest;
    QDateTime newest = m_outcome.newestDelivered;
    bool orderHeld = m_orderHeld;
    for (const model::ProvisioningLogEntry& entry : entries) {
        const QDateTime when = entry.activityDateTime;
        if (!when.isValid()) {
            continue; // cannot be placed: it moves no watermark, and the store keeps it by id all the same
        }
        if (newest.isValid() && when < newest) {
            orderHeld = false;
        }
        newest = later(newest, when);
        oldest = oldest.isValid() ? std::min(oldest, when) : when;
    }
    if (!entries.isEmpty()) {
        // A copy: the sink may call cancel(), which lets go of m_sink while it runs.
        const Sink sink = m_sink;
        const std::optional<QString> problem = sink(entries);
        if (problem && m_running) {
            fail(QStringLiteral("Storing the provisioning logs failed: %1").arg(*problem));
            return;
        }
        if (problem) {
            return; // cancelled, and the page was not stored either
        }
    }
    m_orderHeld = orderHeld;
    ++m_outcome.pages;
    m_outcome.records += entries.size();
    m_outcome.newestDelivered = newest;
    if (oldest.isValid()) {
        m_outcome.oldestDelivered
            = m_outcome.oldestDelivered.isValid() ? std::min(m_outcome.oldestDelivered, oldest) : oldest;
    }
    // Oldest first: everything before the newest record delivered so far is delivered too.
    if (m_orderHeld) {
        m_outcome.completeThrough = later(m_startWatermark, m_outcome.newestDelivered);
    }
    if (!m_running) {
        describeCancel(); // cancelled by the sink, after it stored this page
        return;
    }
    emit progress(m_outcome.pages, m_outcome.records);
}

void LogFetcher::handleReaderFinished(const graph::PageReadResult& result)
{
    m_reader = nullptr;
    if (!m_running) {
        return;
    }
    if (!result.isComplete()) {
        fail(result.error.userMessage());
        return;
    }
    m_running = false;
    m_sink = nullptr;
    m_outcome.state = Outcome::State::Complete;
    m_outcome.completeThrough = later(m_startWatermark, m_outcome.newestDelivered);
    qCDebug(lcLogs) << "provisioning logs fetched:" << m_outcome.pages << "pages," << m_outcome.records << "records";
    emit finished(m_outcome);
}

void LogFetcher::fail(const QString& problem)
{
    stopReader();
    m_running = false;
    m_sink = nullptr;
    m_outcome.state = Outcome::State::Failed;
    m_outcome.problem
        = QStringLiteral("Fetching the provisioning logs stopped after %1 (%2 stored). %3 Nothing stored is lost: "
                         "the next fetch continues from %4.")
              .arg(counted(m_outcome.pages, QStringLiteral("page"), QStringLiteral("pages")),
                  counted(m_outcome.records, QStringLiteral("record"), QStringLiteral("records")), sentence(problem),
                  timeText(m_outcome.completeThrough));
    qCWarning(lcLogs) << "provisioning log fetch failed after" << m_outcome.pages << "pages";
    emit failed(m_outcome.problem, m_outcome);
}

void LogFetcher::stopReader()
{
    if (m_reader) {
        m_reader->disconnect(this);
        m_reader->cancel();
        m_reader = nullptr;
    }
}

} // namespace tb::logs
