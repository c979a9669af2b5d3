// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// logs::LogFetcher and logs::UserTimelineReader against the sandbox's CTS engine on a configured Contoso -> Fabrikam
// pair whose cycles write provisioning logs (source) and directory audits (target): paging with a small $top, a
// connection dropped mid-fetch (past the client's retries) and a sink that fails, each followed by a fetch that
// resumes from the returned watermark without an overlap (so nothing is found again by luck: the union must equal a
// clean read, with nothing missing), incremental fetches, and one user's timeline across both tenants.
#include "core/logs/LogFetcher.h"
#include "core/logs/UserTimeline.h"
#include "core/logs/UserTimelineReader.h"
#include "tests/support/ConfiguredPair.h"
#include "tests/support/ProvisioningLogTestSupport.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>

using tb::logs::LogFetcher;
using tb::logs::UserTimeline;
using tb::logs::UserTimelineReader;
using tb::model::ProvisioningLogEntry;
using tb::test::ConfiguredPair;
using tb::test::ProvisioningLogTestSupport;
using tb::test::SignalWaiter;

namespace {

const QString kAdele = QStringLiteral("adele.vance@contoso.onmicrosoft.com"); // in Sales
const QString kTomas = QStringLiteral("tomas.fernandez@contoso.onmicrosoft.com"); // in Sales

// What a store does with the pages: keeps each record once by id (INSERT OR IGNORE) and, for the test, counts
// records delivered again. beforeStore runs first and may refuse the page.
struct MemorySink
{
    QHash<QString, ProvisioningLogEntry> byId;
    int duplicates = 0;
    int pages = 0;
    std::function<std::optional<QString>(int page)> beforeStore;

    LogFetcher::Sink sink()
    {
        return [this](const QList<ProvisioningLogEntry>& entries) -> std::optional<QString> {
            ++pages;
            if (beforeStore) {
                if (std::optional<QString> problem = beforeStore(pages)) {
                    return problem;
                }
            }
            for (const ProvisioningLogEntry& entry : entries) {
                if (byId.contains(entry.id)) {
                    ++duplicates;
                } else {
                    byId.insert(entry.id, entry);
                }
            }
            return std::nullopt;
        };
    }

    [[nodiscard]] QSet<QString> ids() const
    {
        const QList<QString> keys = byId.keys();
        return QSet<QString>(keys.cbegin(), keys.cend());
    }
};

struct Fetch
{
    LogFetcher::Outcome outcome;
    QString failure; // failed()'s sentence
    int progressSignals = 0;
    QStringList requestTargets; // what was sent to /auditLogs/provisioning
};

Fetch fetch(ConfiguredPair& pair, const LogFetcher::Request& request, MemorySink& sink)
{
    const qint64 before = pair.fixture.lastSeq();
    LogFetcher fetcher(*pair.sourceClient);
    QSignalSpy finished(&fetcher, &LogFetcher::finished);
    QSignalSpy failed(&fetcher, &LogFetcher::failed);
    QSignalSpy progress(&fetcher, &LogFetcher::progress);
    REQUIRE(fetcher.start(request, sink.sink()));
    CHECK_FALSE(fetcher.start(request, sink.sink())); // one fetch at a time
    REQUIRE(SignalWaiter::waitUntil([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 60000));
    Fetch result;
    result.progressSignals = static_cast<int>(progress.size());
    if (!failed.isEmpty()) {
        result.failure = failed.first().at(0).toString();
        result.outcome = failed.first().at(1).value<LogFetcher::Outcome>();
    } else {
        result.outcome = finished.first().first().value<LogFetcher::Outcome>();
    }
    CHECK(finished.size() + failed.size() == 1);
    CHECK_FALSE(fetcher.isRunning());
    result.requestTargets = ProvisioningLogTestSupport::provisioningLogTargets(pair, before);
    return result;
}

QDateTime newestOf(const QList<ProvisioningLogEntry>& entries)
{
    QDateTime newest;
    for (const ProvisioningLogEntry& entry : entries) {
        if (!newest.isValid() || entry.activityDateTime > newest) {
            newest = entry.activityDateTime;
        }
    }
    return newest;
}

LogFetcher::Request requestFor(const ConfiguredPair& pair, int pageSize)
{
    LogFetcher::Request request;
    request.jobId = pair.jobId;
    request.servicePrincipalId = pair.servicePrincipalId;
    request.pageSize = pageSize;
    return request;
}

struct TimelineRun
{
    UserTimeline timeline;
    QString failure;
    bool auditsTruncated = false;
};

// maxAuditRecords: the reader's cap on the target's audits (0: its default).
TimelineRun readTimeline(const ConfiguredPair& pair, const QString& user, int maxAuditRecords = 0)
{
    UserTimelineReader reader(*pair.sourceClient, *pair.targetClient);
    QSignalSpy finished(&reader, &UserTimelineReader::finished);
    QSignalSpy failed(&reader, &UserTimelineReader::failed);
    UserTimelineReader::Request request;
    request.user = user;
    request.jobId = pair.jobId;
    if (maxAuditRecords > 0) {
        request.maxAuditRecords = maxAuditRecords;
    }
    REQUIRE(reader.start(request));
    CHECK_FALSE(reader.start(request)); // one run at a time
    REQUIRE(SignalWaiter::waitUntil([&] { return !finished.isEmpty() || !failed.isEmpty(); }));
    CHECK(finished.size() + failed.size() == 1);
    TimelineRun run;
    run.auditsTruncated = reader.auditsTruncated();
    if (!failed.isEmpty()) {
        run.failure = failed.first().first().toString();
    } else {
        run.timeline = finished.first().first().value<UserTimeline>();
    }
    return run;
}

} // namespace

TEST_CASE("LogFetcher reads a job's logs oldest first, page by page, into the sink", "[integration][logs][fetch]")
{
    ConfiguredPair pair(ConfiguredPair::onDemandCycles());
    ProvisioningLogTestSupport::syncSales(pair);
    const QList<ProvisioningLogEntry> all = ProvisioningLogTestSupport::cleanRead(pair);
    INFO("records in the log: " << all.size());
    REQUIRE(all.size() >= 20);

    LogFetcher fetcher(*pair.sourceClient);
    CHECK_FALSE(fetcher.start(LogFetcher::Request(), [](const QList<ProvisioningLogEntry>&) {
        return std::optional<QString>();
    })); // neither a job nor a service principal
    CHECK_FALSE(fetcher.start(requestFor(pair, 5), nullptr));

    MemorySink sink;
    const Fetch first = fetch(pair, requestFor(pair, 5), sink);
    INFO(first.failure.toStdString());
    REQUIRE(first.outcome.isComplete());
    const int expectedPages = static_cast<int>((all.size() + 4) / 5);
    CHECK(first.outcome.pages == expectedPages);
    CHECK(first.progressSignals == expectedPages);
    CHECK(first.outcome.records == all.size());
    CHECK(sink.duplicates == 0);
    CHECK(sink.ids() == ProvisioningLogTestSupport::idsOf(all));
    CHECK(first.outcome.completeThrough == newestOf(all));
    CHECK(first.outcome.newestDelivered == newestOf(all));
    CHECK_FALSE(first.outcome.from.isValid()); // no watermark: from the beginning
    // The requests: oldest first, $top=5, filtered by job and service principal, next links followed.
    REQUIRE(first.requestTargets.size() == expectedPages);
    const QString firstTarget = QUrl::fromPercentEncoding(first.requestTargets.first().toUtf8());
    CHECK(firstTarget.contains(QStringLiteral("$orderby=activityDateTime asc")));
    CHECK(firstTarget.contains(QStringLiteral("$top=5")));
    CHECK(firstTarget.contains(QStringLiteral("jobId eq '") + pair.jobId + QLatin1Char('\'')));
    CHECK(firstTarget.contains(QStringLiteral("servicePrincipal/id eq '") + pair.servicePrincipalId));
    CHECK(first.requestTargets.last().contains(QStringLiteral("skiptoken")));
    // Delivered oldest first.
    CHECK(first.outcome.oldestDelivered <= first.outcome.newestDelivered);
}

TEST_CASE("A fetch cut off by a dropped connection resumes from its watermark: nothing lost or doubled",
    "[integration][logs][fetch]")
{
    ConfiguredPair pair(ConfiguredPair::onDemandCycles());
    ProvisioningLogTestSupport::syncSales(pair);
    const QList<ProvisioningLogEntry> all = ProvisioningLogTestSupport::cleanRead(pair);
    REQUIRE(all.size() >= 20);

    // After the second page is stored, every further answer of the log is cut off halfway, past the client's 8
    // attempts: the connection "drops" mid-fetch.
    MemorySink sink;
    sink.beforeStore = [&pair](int page) -> std::optional<QString> {
        if (page == 2) {
            REQUIRE(pair.fixture.putFaults(QJsonObject {{QStringLiteral("drops"),
                QJsonArray {QJsonObject {{QStringLiteral("pathPattern"), QStringLiteral("*/auditLogs/provisioning")},
                    {QStringLiteral("count"), 100}}}}}));
        }
        return std::nullopt;
    };
    LogFetcher::Request request = requestFor(pair, 5);
    request.overlapSeconds = 0; // resume exactly at the watermark: the resumption alone must find the rest
    const Fetch broken = fetch(pair, request, sink);
    INFO(broken.failure.toStdString());
    REQUIRE(broken.outcome.state == LogFetcher::Outcome::State::Failed);
    CHECK(broken.outcome.pages == 2);
    CHECK(broken.outcome.records == 10);
    CHECK(broken.failure.startsWith(QStringLiteral("Fetching the provisioning logs stopped after 2 pages (10 records "
                                                   "stored). The connection to Microsoft Graph failed")));
    CHECK(broken.failure.contains(QStringLiteral("the next fetch continues from")));
    CHECK(broken.failure == broken.outcome.problem);
    // The watermark is the newest record delivered: all older ones are in the sink.
    REQUIRE(broken.outcome.completeThrough.isValid());
    CHECK(broken.outcome.completeThrough == broken.outcome.newestDelivered);
    for (const ProvisioningLogEntry& entry : all) {
        if (entry.activityDateTime < broken.outcome.completeThrough) {
            CHECK(sink.byId.contains(entry.id));
        }
    }
    REQUIRE(sink.ids().size() == 10);

    REQUIRE(pair.fixture.clearFaults());
    sink.beforeStore = nullptr;
    request.completeThrough = broken.outcome.completeThrough;
    const Fetch resumed = fetch(pair, request, sink);
    INFO(resumed.failure.toStdString());
    REQUIRE(resumed.outcome.isComplete());
    CHECK(resumed.outcome.from == broken.outcome.completeThrough);
    CHECK(sink.ids() == ProvisioningLogTestSupport::idsOf(all)); // nothing missing, nothing extra
    // Found twice only: the records at the watermark's instant (asked with ge).
    qsizetype atWatermark = 0;
    for (const ProvisioningLogEntry& entry : all) {
        atWatermark += entry.activityDateTime == broken.outcome.completeThrough ? 1 : 0;
    }
    CHECK(sink.duplicates >= 1);
    CHECK(sink.duplicates <= atWatermark);
    CHECK(resumed.outcome.completeThrough == newestOf(all));
}

TEST_CASE("A sink that cannot store a page stops the fetch before that page and the next fetch stores it",
    "[integration][logs][fetch]")
{
    ConfiguredPair pair(ConfiguredPair::onDemandCycles());
    ProvisioningLogTestSupport::syncSales(pair);
    const QList<ProvisioningLogEntry> all = ProvisioningLogTestSupport::cleanRead(pair);

    MemorySink sink;
    sink.beforeStore = [](int page) -> std::optional<QString> {
        return page == 3 ? std::optional<QString>(QStringLiteral("the disk is full")) : std::nullopt;
    };
    LogFetcher::Request request = requestFor(pair, 4);
    request.overlapSeconds = 0;
    const Fetch broken = fetch(pair, request, sink);
    REQUIRE(broken.outcome.state == LogFetcher::Outcome::State::Failed);
    CHECK(broken.failure.startsWith(QStringLiteral(
        "Fetching the provisioning logs stopped after 2 pages (8 records stored). Storing the provisioning logs "
        "failed: the disk is full. Nothing stored is lost")));
    CHECK(broken.outcome.records == 8);
    CHECK(sink.ids().size() == 8);

    sink.beforeStore = nullptr;
    request.completeThrough = broken.outcome.completeThrough;
    const Fetch resumed = fetch(pair, request, sink);
    REQUIRE(resumed.outcome.isComplete());
    CHECK(sink.ids() == ProvisioningLogTestSupport::idsOf(all));
}

TEST_CASE("An incremental fetch asks from the watermark minus the overlap", "[integration][logs][fetch]")
{
    ConfiguredPair pair(ConfiguredPair::onDemandCycles());
    ProvisioningLogTestSupport::syncSales(pair);
    MemorySink sink;
    const Fetch first = fetch(pair, requestFor(pair, 1000), sink);
    REQUIRE(first.outcome.isComplete());
    CHECK(first.outcome.pages == 1);
    const QSet<QString> firstCycle = sink.ids();
    const QDateTime watermark = first.outcome.completeThrough;
    REQUIRE(watermark.isValid());

    // Nothing new: the same watermark comes back, and without an overlap only the records at its instant repeat.
    LogFetcher::Request request = requestFor(pair, 1000);
    request.completeThrough = watermark;
    request.overlapSeconds = 0;
    const Fetch idle = fetch(pair, request, sink);
    REQUIRE(idle.outcome.isComplete());
    CHECK(idle.outcome.completeThrough == watermark);
    CHECK(idle.outcome.records >= 1);
    CHECK(idle.outcome.oldestDelivered == watermark);
    CHECK(sink.ids() == firstCycle);

    // A second cycle with Engineering assigned too: only its records are new.
    pair.assign(ProvisioningLogTestSupport::engineeringGroupId());
    REQUIRE(pair.fixture.runSyncCycle() == 1);
    const QList<ProvisioningLogEntry> all = ProvisioningLogTestSupport::cleanRead(pair);
    REQUIRE(all.size() > firstCycle.size() + 10);
    const int duplicatesBefore = sink.duplicates;
    const Fetch second = fetch(pair, request, sink);
    REQUIRE(second.outcome.isComplete());
    CHECK(sink.ids() == ProvisioningLogTestSupport::idsOf(all));
    CHECK(second.outcome.records - (sink.duplicates - duplicatesBefore) == all.size() - firstCycle.size());
    CHECK(sink.duplicates - duplicatesBefore <= idle.outcome.records); // only those at the old watermark
    CHECK(second.outcome.completeThrough == newestOf(all));
    CHECK(second.outcome.completeThrough > watermark);

    // The default overlap (5 minutes) reaches back over both cycles of this fast test: everything again, and the
    // sink's set does not change.
    request.completeThrough = second.outcome.completeThrough;
    request.overlapSeconds = LogFetcher::kDefaultOverlapSeconds;
    CHECK(LogFetcher::fetchFrom(request) == second.outcome.completeThrough.addSecs(-300));
    const Fetch overlapping = fetch(pair, request, sink);
    REQUIRE(overlapping.outcome.isComplete());
    CHECK(overlapping.outcome.records == all.size());
    CHECK(sink.ids() == ProvisioningLogTestSupport::idsOf(all));
    CHECK(QUrl::fromPercentEncoding(overlapping.requestTargets.first().toUtf8())
              .contains(
                  QStringLiteral("activityDateTime ge ") + LogFetcher::fetchFrom(request).toString(Qt::ISODateWithMs)));
}

TEST_CASE("Cancel stops a fetch with the watermark as far as delivered", "[integration][logs][fetch]")
{
    ConfiguredPair pair(ConfiguredPair::onDemandCycles());
    ProvisioningLogTestSupport::syncSales(pair);
    LogFetcher fetcher(*pair.sourceClient);
    QSignalSpy finished(&fetcher, &LogFetcher::finished);
    QSignalSpy failed(&fetcher, &LogFetcher::failed);
    int pages = 0;
    REQUIRE(fetcher.start(requestFor(pair, 5), [&](const QList<ProvisioningLogEntry>&) -> std::optional<QString> {
        if (++pages == 2) {
            fetcher.cancel();
        }
        return std::nullopt;
    }));
    REQUIRE(SignalWaiter::waitUntil([&] { return !fetcher.isRunning(); }));
    // A late signal would show here.
    CHECK_FALSE(SignalWaiter::waitUntil([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 200));
    CHECK(finished.isEmpty());
    CHECK(failed.isEmpty());
    CHECK(pages == 2);
    CHECK(fetcher.outcome().state == LogFetcher::Outcome::State::Cancelled);
    CHECK(fetcher.outcome().records == 10); // the page being stored when cancel came is delivered
    CHECK(fetcher.outcome().completeThrough == fetcher.outcome().newestDelivered);
    CHECK(fetcher.outcome().problem.startsWith(QStringLiteral("The log fetch was cancelled after 10 records")));
}

TEST_CASE("A user's timeline joins the source's provisioning records and the target's audits",
    "[integration][logs][timeline]")
{
    ConfiguredPair pair(ConfiguredPair::onDemandCycles());
    // Tomas's create fails once, with a code the catalogue explains.
    REQUIRE(pair.fixture.injectUserErrors({kTomas}, QStringLiteral("AzureActiveDirectoryInvalidValue"), 1));
    ProvisioningLogTestSupport::syncSales(pair);

    const TimelineRun adele = readTimeline(pair, kAdele);
    REQUIRE(adele.failure.isEmpty());
    CHECK_FALSE(adele.auditsTruncated);
    const UserTimeline& timeline = adele.timeline;
    CHECK(timeline.person.sourceUserId == pair.sourceUserId(kAdele));
    REQUIRE(timeline.person.targetUserIds.size() == 1);
    // Adele is created in Fabrikam: the source's create record, then the target's "Add user" of the same change.
    REQUIRE(timeline.events.size() == 2);
    const UserTimeline::Event& created = timeline.events.at(0);
    const UserTimeline::Event& added = timeline.events.at(1);
    CHECK(created.tenant == UserTimeline::Tenant::Source);
    CHECK(created.action == QStringLiteral("create"));
    CHECK(created.status == QStringLiteral("success"));
    CHECK(added.tenant == UserTimeline::Tenant::Target);
    CHECK(added.action == QStringLiteral("Add user"));
    CHECK(added.changeId == created.changeId);
    CHECK(added.targetUserId == timeline.person.targetUserIds.first());
    CHECK(added.when >= created.when);

    const TimelineRun tomas = readTimeline(pair, kTomas);
    REQUIRE(tomas.failure.isEmpty());
    REQUIRE(tomas.timeline.events.size() == 1); // nothing happened in the target
    const UserTimeline::Event& failedCreate = tomas.timeline.events.first();
    CHECK(failedCreate.tenant == UserTimeline::Tenant::Source);
    CHECK(failedCreate.status == QStringLiteral("failure"));
    CHECK(failedCreate.errorCode == QStringLiteral("AzureActiveDirectoryInvalidValue"));
    CHECK(failedCreate.explanation.known);
    CHECK(tomas.timeline.failures() == 1);

    const TimelineRun nobody = readTimeline(pair, QStringLiteral("nobody@contoso.onmicrosoft.com"));
    CHECK(nobody.failure == QStringLiteral("The source tenant has no user nobody@contoso.onmicrosoft.com."));

    // The audits are read newest first up to the cap, and the run says when it stopped there: Sales made more
    // audits in Fabrikam than two.
    const TimelineRun capped = readTimeline(pair, kAdele, 2);
    REQUIRE(capped.failure.isEmpty());
    CHECK(capped.auditsTruncated);
    CHECK(capped.timeline.events.size() <= 3);
    CHECK(capped.timeline.events.first().tenant == UserTimeline::Tenant::Source); // the source's records are all read
}
