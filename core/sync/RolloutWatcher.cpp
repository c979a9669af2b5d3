// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/RolloutWatcher.h"

#include "core/CoreLogging.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/ProvisioningLogEndpoints.h"

#include <QJsonArray>

namespace tb::sync {

namespace {

QDateTime windowStart(const QDateTime& since)
{
    QDateTime start = since.toUTC();
    start.setTime(QTime(start.time().hour(), start.time().minute(), start.time().second()));
    return start.addSecs(-1);
}

} // namespace

RolloutWatcher::RolloutWatcher(graph::GraphClient& sourceClient, const QString& servicePrincipalId,
    const QString& jobId, const JobMonitor::Timing& timing, QObject* parent)
    : QObject(parent)
    , m_source(sourceClient)
    , m_jobId(jobId)
    , m_monitor(new JobMonitor(sourceClient, this))
{
    m_monitor->setTiming(timing);
    m_monitor->setJob(servicePrincipalId, jobId);
    connect(m_monitor, &JobMonitor::jobRead, this, &RolloutWatcher::onJobRead);
    connect(m_monitor, &JobMonitor::commandFinished, this, &RolloutWatcher::onCommandFinished);
    connect(m_monitor, &JobMonitor::failed, this, [this](const QString& message, const graph::GraphError& error) {
        if (m_watching || m_commandInFlight) {
            emit failed(message, error);
        }
    });
}

RolloutWatcher::~RolloutWatcher()
{
    if (m_logReader) {
        disconnect(m_logReader, nullptr, this, nullptr);
        m_logReader->cancel();
    }
}

void RolloutWatcher::start(const QDateTime& since, const QStringList& expectedUserIds)
{
    m_since = windowStart(since);
    m_expected = expectedUserIds;
    m_cyclesSeen.clear();
    m_startSent = false;
    m_readAgain = false;
    m_watching = true;
    const bool pausing
        = m_commandInFlight == JobMonitor::Command::Pause || m_queued.contains(JobMonitor::Command::Pause);
    if (pausing && !m_queued.endsWith(JobMonitor::Command::Start)) {
        // The job is paused once that answers, whatever a read says before: start it again after it, in order.
        m_startSent = true;
        sendCommand(JobMonitor::Command::Start);
    }
    m_monitor->addWatcher(this);
    m_monitor->refresh();
}

void RolloutWatcher::stop()
{
    m_watching = false;
    m_monitor->removeWatcher(this);
    if (m_logReader) {
        disconnect(m_logReader, nullptr, this, nullptr);
        m_logReader->cancel();
        m_logReader = nullptr;
    }
}

void RolloutWatcher::pauseJob()
{
    sendCommand(JobMonitor::Command::Pause);
}

void RolloutWatcher::sendCommand(JobMonitor::Command command)
{
    m_queued.append(command);
    sendNextCommand();
}

void RolloutWatcher::sendNextCommand()
{
    if (m_commandInFlight || m_queued.isEmpty()) {
        return;
    }
    // Taken off the queue first: a command refused at once answers (onCommandFinished) inside the call below.
    const JobMonitor::Command command = m_queued.takeFirst();
    m_commandInFlight = command;
    switch (command) {
    case JobMonitor::Command::Start:
        m_monitor->start();
        break;
    case JobMonitor::Command::Pause:
        m_monitor->pause();
        break;
    case JobMonitor::Command::Restart:
        m_monitor->restart();
        break;
    }
}

void RolloutWatcher::onCommandFinished(JobMonitor::Command command, bool succeeded, const QString& message)
{
    m_commandInFlight.reset();
    emit jobCommandFinished(command, succeeded, message);
    sendNextCommand();
}

void RolloutWatcher::onJobRead(const model::SyncJob& job)
{
    if (!m_watching) {
        return;
    }
    if (job.scheduleState != QLatin1String("Active") && !m_startSent) {
        // The stage's users only provision while the job runs.
        m_startSent = true;
        sendCommand(JobMonitor::Command::Start);
        return;
    }
    if (job.lastExecution && job.lastExecution->timeBegan.isValid() && job.lastExecution->timeEnded.isValid()
        && job.lastExecution->timeBegan >= m_since) {
        m_cyclesSeen.insert(job.lastExecution->timeBegan.toString(Qt::ISODateWithMs));
    }
    readLogs();
}

void RolloutWatcher::readLogs()
{
    if (m_logReader) {
        m_readAgain = true;
        return;
    }
    graph::ProvisioningLogEndpoints::ProvisioningLogQuery query;
    query.jobId = m_jobId;
    query.since = m_since;
    query.top = 1000;
    m_logEntries.clear();
    const int cycles = static_cast<int>(m_cyclesSeen.size()); // the cycles this read certainly covers
    graph::ProvisioningLogEndpoints endpoints(m_source);
    m_logReader = endpoints.provisioningLogs(query, this);
    connect(m_logReader, &graph::PageReader::pageReceived, this, [this](const QJsonArray& page) {
        m_logEntries.append(graph::ProvisioningLogEndpoints::parseProvisioningLogs(page));
    });
    connect(m_logReader, &graph::PageReader::finished, this, [this, cycles](const graph::PageReadResult& result) {
        m_logReader = nullptr;
        if (!m_watching) {
            return;
        }
        if (!result.isComplete()) {
            // The job reads go on; the next one tries the logs again.
            qCWarning(lcSync) << "rollout: could not read the provisioning logs:" << result.error.userMessage();
            emit failed(QStringLiteral("Could not read the provisioning logs: %1").arg(result.error.userMessage()),
                result.error);
            return;
        }
        emit progressRead(RolloutProgress::fromLogs(m_logEntries, m_expected, cycles));
        if (m_readAgain && m_watching) {
            m_readAgain = false;
            readLogs();
        }
    });
    m_logReader->start();
}

} // namespace tb::sync
