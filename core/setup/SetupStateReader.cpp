// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/setup/SetupStateReader.h"

#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/ODataFilter.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/PolicyEndpoints.h"
#include "core/graph/endpoints/SynchronizationEndpoints.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <optional>

namespace tb::setup {

namespace {

using graph::GraphCall;
using graph::GraphError;
using graph::GraphRequest;
using graph::GraphResponse;
using graph::PolicyEndpoints;
using graph::SynchronizationEndpoints;

QString nameOf(const model::Tenant& tenant)
{
    return tenant.displayName.isEmpty() ? tenant.id : tenant.displayName;
}

// Every service principal made from the CTS template; the filter literal is built by ODataFilter, so nothing
// typed can widen it.
GraphRequest listConfigurationsRequest()
{
    const graph::ODataFilter filter = graph::ODataFilter::eq(QStringLiteral("applicationTemplateId"),
        QString::fromLatin1(SynchronizationEndpoints::kCtsApplicationTemplateId));
    return GraphRequest::get(QStringLiteral("/servicePrincipals"))
        .addQueryItem(QStringLiteral("$filter"), filter.toString());
}

} // namespace

struct SetupStateReader::Run
{
    model::Tenant source;
    model::Tenant target;
    Options options;
    QElapsedTimer elapsed;
    std::optional<GraphResponse> targetPartner;
    std::optional<GraphResponse> targetIdentitySync;
    std::optional<GraphResponse> sourcePartner;
    std::optional<QList<model::CtsConfiguration>> configurations;
    QList<model::CtsConfiguration> listing; // the pages of the listing in progress
    QList<QPointer<GraphCall>> calls;
    QPointer<graph::PageReader> reader;
    QTimer pollTimer;
    // The context of every connection of this read: replacing the run drops its late answers.
    QObject guard;
    SetupState state;
    bool finished = false;
};

SetupStateReader::SetupStateReader(graph::GraphClient& source, graph::GraphClient& target, QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_target(target)
{ }

SetupStateReader::~SetupStateReader()
{
    stopRun();
}

bool SetupStateReader::isReading() const
{
    return m_run && !m_run->finished;
}

void SetupStateReader::stopRun()
{
    if (!m_run) {
        return;
    }
    m_run->finished = true;
    m_run->pollTimer.stop();
    for (const QPointer<GraphCall>& call : std::as_const(m_run->calls)) {
        if (call) {
            call->disconnect(&m_run->guard);
            call->cancel();
        }
    }
    m_run->calls.clear();
    if (m_run->reader) {
        m_run->reader->disconnect(&m_run->guard);
        m_run->reader->cancel();
        m_run->reader->deleteLater();
    }
}

void SetupStateReader::read(const model::Tenant& source, const model::Tenant& target, const Options& options)
{
    // One read at a time: a new read replaces the one under way, which then reports nothing.
    stopRun();
    m_run = std::make_unique<Run>();
    m_run->source = source;
    m_run->target = target;
    m_run->options = options;
    m_run->elapsed.start();
    m_run->pollTimer.setSingleShot(true);
    m_run->state.source = source;
    m_run->state.target = target;
    Run* run = m_run.get();
    connect(&run->pollTimer, &QTimer::timeout, &run->guard, [this] { listConfigurations(); });

    // The three policy reads and the listing are independent: all in flight at once.
    const auto track = [this, run](GraphCall* call, std::optional<GraphResponse>& slot) {
        run->calls.append(call);
        connect(call, &GraphCall::finished, &run->guard, [this, run, &slot](const GraphResponse& response) {
            if (run->finished) {
                return;
            }
            slot = response;
            checkPolicies();
        });
    };
    const PolicyEndpoints targetPolicy(m_target);
    const PolicyEndpoints sourcePolicy(m_source);
    track(targetPolicy.getPartner(source.id), run->targetPartner);
    track(targetPolicy.getIdentitySynchronization(source.id), run->targetIdentitySync);
    track(sourcePolicy.getPartner(target.id), run->sourcePartner);
    listConfigurations();
}

void SetupStateReader::cancel()
{
    if (!isReading()) {
        return;
    }
    stopRun();
    emit failed(tr("Reading the state of %1 and %2 was cancelled.").arg(nameOf(m_run->source), nameOf(m_run->target)),
        GraphError(GraphError::Kind::Cancelled, tr("The read was cancelled.")));
}

void SetupStateReader::listConfigurations()
{
    Run* run = m_run.get();
    run->listing.clear();
    auto* reader = new graph::PageReader(m_source, listConfigurationsRequest(), this);
    run->reader = reader;
    connect(reader, &graph::PageReader::pageReceived, &run->guard, [run](const QJsonArray& items) {
        for (const QJsonValue& item : items) {
            const model::CtsConfiguration configuration
                = model::CtsConfiguration::fromServicePrincipalJson(item.toObject());
            if (configuration.hasServicePrincipal()) {
                run->listing.append(configuration);
            }
        }
    });
    connect(
        reader, &graph::PageReader::finished, &run->guard, [this, run, reader](const graph::PageReadResult& result) {
            reader->deleteLater();
            if (run->finished) {
                return;
            }
            run->reader.clear();
            if (result.error.isError()) {
                fail(tr("Could not list the cross-tenant synchronization configurations of %1.")
                         .arg(nameOf(run->source)),
                    result.error);
                return;
            }
            run->configurations = run->listing;
            checkPolicies();
        });
    reader->start();
}

void SetupStateReader::checkPolicies()
{
    Run* run = m_run.get();
    if (!run->targetPartner || !run->targetIdentitySync || !run->sourcePartner || !run->configurations) {
        return; // still waiting for one of the reads
    }
    if (!run->state.readAt.isValid()) {
        const std::optional<model::AccessSettings> targetSide
            = PolicyEndpoints::parseAccessSettings(run->source.id, *run->targetPartner, *run->targetIdentitySync);
        if (!targetSide) {
            const GraphResponse& bad
                = run->targetPartner->isSuccess() || PolicyEndpoints::isNotFound(*run->targetPartner)
                ? *run->targetIdentitySync
                : *run->targetPartner;
            fail(tr("Could not read the cross-tenant access settings of %1 for partner %2.")
                     .arg(nameOf(run->target), nameOf(run->source)),
                bad.error());
            return;
        }
        // The source side has no identitySynchronization to read: as if it answered "not there".
        GraphResponse missing;
        missing.setHttpStatus(404);
        missing.setError(GraphError(GraphError::Kind::NotFound, QString()));
        const std::optional<model::AccessSettings> sourceSide
            = PolicyEndpoints::parseAccessSettings(run->target.id, *run->sourcePartner, missing);
        if (!sourceSide) {
            fail(tr("Could not read the cross-tenant access settings of %1 for partner %2.")
                     .arg(nameOf(run->source), nameOf(run->target)),
                run->sourcePartner->error());
            return;
        }
        run->state.targetSide = *targetSide;
        run->state.sourceSide = *sourceSide;
        run->state.readAt = QDateTime::currentDateTimeUtc();
    }
    pickConfiguration();
}

void SetupStateReader::pickConfiguration()
{
    Run* run = m_run.get();
    QList<model::CtsConfiguration> all = *run->configurations;
    qsizetype index = -1;
    if (!run->options.knownServicePrincipalId.isEmpty()) {
        for (qsizetype i = 0; i < all.size() && index < 0; ++i) {
            if (all.at(i).servicePrincipalId == run->options.knownServicePrincipalId) {
                index = i;
            }
        }
    }
    if (index < 0 && !run->options.configurationDisplayName.isEmpty()) {
        for (qsizetype i = 0; i < all.size() && index < 0; ++i) {
            if (all.at(i).displayName.compare(run->options.configurationDisplayName, Qt::CaseInsensitive) == 0) {
                index = i;
            }
        }
    }
    if (index < 0 && run->options.expectConfiguration && run->elapsed.elapsed() < run->options.settleMs) {
        // A configuration created just before a crash may take a while to be listed: look again.
        run->configurations.reset();
        run->pollTimer.start(std::max(0, run->options.settlePollMs));
        return;
    }
    run->state.configuration.reset();
    if (index >= 0) {
        run->state.configuration = all.takeAt(index);
    }
    run->state.otherConfigurations = all;
    if (!run->state.configuration) {
        succeed();
        return;
    }
    readJobs();
}

void SetupStateReader::readJobs()
{
    Run* run = m_run.get();
    GraphCall* call = SynchronizationEndpoints(m_source).listJobs(run->state.configuration->servicePrincipalId);
    run->calls.append(call);
    connect(call, &GraphCall::finished, &run->guard, [this, run](const GraphResponse& response) {
        if (run->finished) {
            return;
        }
        if (!response.isSuccess()) {
            // A service principal that was just listed may still answer 404 elsewhere for a moment.
            if (PolicyEndpoints::isNotFound(response) && run->elapsed.elapsed() < run->options.settleMs) {
                QTimer::singleShot(std::max(0, run->options.settlePollMs), &run->guard, [this, run] {
                    if (!run->finished) {
                        readJobs();
                    }
                });
                return;
            }
            fail(tr("Could not read the synchronization job of the configuration \"%1\" in %2.")
                     .arg(run->state.configuration->displayName, nameOf(run->source)),
                response.error());
            return;
        }
        const std::optional<model::SyncJob> job
            = SynchronizationEndpoints::findCtsJob(SynchronizationEndpoints::parseJobs(response));
        if (job) {
            run->state.configuration->jobId = job->id;
            run->state.configuration->jobStatusCode = job->statusCode;
        }
        succeed();
    });
}

void SetupStateReader::succeed()
{
    Run* run = m_run.get();
    run->finished = true;
    run->state.readAt = QDateTime::currentDateTimeUtc();
    const SetupState state = run->state;
    emit finished(state);
}

void SetupStateReader::fail(const QString& what, const GraphError& error)
{
    stopRun();
    emit failed(what + QLatin1Char(' ') + error.userMessage(), error);
}

} // namespace tb::setup
