// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/JobMonitor.h"

#include "core/CoreLogging.h"
#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/endpoints/SynchronizationEndpoints.h"

#include <QTimer>

#include <algorithm>

namespace tb::sync {

using graph::SynchronizationEndpoints;

JobMonitor::JobMonitor(graph::GraphClient& client, QObject* parent)
    : QObject(parent)
    , m_client(&client)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &JobMonitor::read);
}

JobMonitor::~JobMonitor()
{
    cancelCalls();
}

void JobMonitor::setTiming(const Timing& timing)
{
    m_timing = timing;
    m_timing.fastMs = std::max(1, m_timing.fastMs);
    m_timing.steadyMs = std::max(m_timing.fastMs, m_timing.steadyMs);
    m_timing.cycleMs = std::clamp(m_timing.cycleMs, m_timing.fastMs, m_timing.steadyMs);
    m_timing.maxMs = std::max(m_timing.steadyMs, m_timing.maxMs);
    schedule();
}

void JobMonitor::setJob(const QString& servicePrincipalId, const QString& jobId)
{
    if (servicePrincipalId == m_servicePrincipalId && jobId == m_jobId) {
        return;
    }
    cancelCalls();
    m_servicePrincipalId = servicePrincipalId;
    m_jobId = jobId;
    m_job.reset();
    m_idleMs = 0;
    m_fastPollsLeft = 0;
    if (isPolling()) {
        read();
    } else {
        schedule();
    }
}

void JobMonitor::addWatcher(QObject* watcher)
{
    if (!watcher || m_watchers.contains(watcher)) {
        return;
    }
    const bool wasPolling = isPolling();
    m_watchers.insert(watcher);
    connect(watcher, &QObject::destroyed, this, [this, watcher] { removeWatcher(watcher); });
    if (!wasPolling && isPolling()) {
        read(); // what a new watcher sees first is the job now
    }
}

void JobMonitor::removeWatcher(QObject* watcher)
{
    if (!m_watchers.remove(watcher)) {
        return;
    }
    disconnect(watcher, &QObject::destroyed, this, nullptr);
    schedule();
}

bool JobMonitor::hasJob() const
{
    return !m_servicePrincipalId.isEmpty() && !m_jobId.isEmpty();
}

bool JobMonitor::clientGone()
{
    if (m_client) {
        return false;
    }
    m_timer->stop();
    m_watchers.clear();
    emit failed(tr("The connection to the source tenant was closed; sign in again to watch the synchronization job."),
        graph::GraphError());
    return true;
}

bool JobMonitor::isPolling() const
{
    return hasJob() && !m_watchers.isEmpty();
}

int JobMonitor::nextPollMs() const
{
    return m_timer->isActive() ? m_timer->interval() : -1;
}

bool JobMonitor::isReading() const
{
    return !m_read.isNull();
}

bool JobMonitor::isSendingCommand() const
{
    return !m_command.isNull();
}

void JobMonitor::refresh()
{
    read();
}

void JobMonitor::read()
{
    if (!hasJob()) {
        return;
    }
    if (m_read) {
        m_readAgain = true;
        return;
    }
    m_timer->stop();
    if (clientGone()) {
        return;
    }
    graph::GraphCall* call = SynchronizationEndpoints(*m_client).getJob(m_servicePrincipalId, m_jobId);
    m_read = call;
    connect(call, &graph::GraphCall::finished, this, &JobMonitor::finishRead);
}

void JobMonitor::finishRead(const graph::GraphResponse& response)
{
    m_read.clear();
    if (response.error().kind() == graph::GraphError::Kind::Cancelled) {
        return;
    }
    // The quick reads after a command watch for its effect; their quiet answers say nothing about how long the job
    // will stay quiet, so they do not lengthen the wait that follows them.
    const bool fastRead = m_fastPollsLeft > 0;
    if (fastRead) {
        --m_fastPollsLeft;
    }
    const std::optional<model::SyncJob> job = SynchronizationEndpoints::parseJob(response);
    const bool changed = job && (!m_job || !(*m_job == *job));
    if (changed || (fastRead && job)) {
        m_idleMs = m_timing.steadyMs;
    } else {
        // Back off on failure as on quiet: a tenant that refuses now will likely refuse in a second too.
        m_idleMs = std::min(m_idleMs > 0 ? m_idleMs * 2 : m_timing.steadyMs, m_timing.maxMs);
    }
    if (job) {
        m_job = job;
    }
    // The next read is planned before anyone hears of this one, so a listener sees nextPollMs() for it.
    if (m_readAgain) {
        m_readAgain = false;
        read();
    } else {
        schedule();
    }
    if (!job) {
        emit failed(
            tr("Could not read the synchronization job: %1").arg(response.error().userMessage()), response.error());
        return;
    }
    if (changed) {
        emit jobChanged(*job);
    }
    emit jobRead(*job);
}

void JobMonitor::schedule()
{
    if (!isPolling()) {
        m_timer->stop();
        return;
    }
    if (m_read) {
        return; // the read under way schedules the next one
    }
    int interval = m_idleMs > 0 ? m_idleMs : m_timing.steadyMs;
    if (m_fastPollsLeft > 0) {
        interval = m_timing.fastMs;
    } else if (m_job && m_job->isCycleRunning()) {
        interval = m_timing.cycleMs;
    }
    m_timer->start(std::min(interval, m_timing.maxMs));
}

void JobMonitor::start()
{
    send(Command::Start, {});
}

void JobMonitor::pause()
{
    send(Command::Pause, {});
}

void JobMonitor::restart(const QStringList& resetScope)
{
    send(Command::Restart, resetScope);
}

void JobMonitor::restart()
{
    send(Command::Restart, SynchronizationEndpoints::defaultResetScope());
}

QString JobMonitor::commandWord(Command command)
{
    switch (command) {
    case Command::Start:
        return tr("start");
    case Command::Pause:
        return tr("pause");
    case Command::Restart:
        break;
    }
    return tr("restart");
}

void JobMonitor::send(Command command, const QStringList& resetScope)
{
    if (!hasJob() || m_command) {
        const QString message = !hasJob()
            ? tr("There is no synchronization job to %1 yet; apply the setup first.").arg(commandWord(command))
            : tr("Another command to the synchronization job is still under way; wait for it to finish.");
        emit failed(message, graph::GraphError());
        emit commandFinished(command, false, message);
        return;
    }
    if (clientGone()) {
        emit commandFinished(command, false, tr("The connection to the source tenant was closed; nothing was sent."));
        return;
    }
    const SynchronizationEndpoints endpoints(*m_client);
    graph::GraphCall* call = nullptr;
    switch (command) {
    case Command::Start:
        call = endpoints.startJob(m_servicePrincipalId, m_jobId);
        break;
    case Command::Pause:
        call = endpoints.pauseJob(m_servicePrincipalId, m_jobId);
        break;
    case Command::Restart:
        call = endpoints.restartJob(m_servicePrincipalId, m_jobId, resetScope);
        break;
    }
    m_command = call;
    connect(call, &graph::GraphCall::finished, this, [this, command](const graph::GraphResponse& response) {
        m_command.clear();
        if (!response.isSuccess()) {
            if (response.error().kind() == graph::GraphError::Kind::Cancelled) {
                return;
            }
            const QString message = tr("Could not %1 the synchronization job: %2")
                                        .arg(commandWord(command), response.error().userMessage());
            emit failed(message, response.error());
            emit commandFinished(command, false, message);
            return;
        }
        qCInfo(lcSync) << "job command accepted:" << commandWord(command);
        // The job changes over the next seconds (a cycle begins, a pause lets the running cycle end): look often.
        m_fastPollsLeft = m_timing.fastPolls;
        m_idleMs = 0;
        emit commandFinished(command, true, {});
        read();
    });
}

void JobMonitor::cancelCalls()
{
    m_timer->stop();
    m_readAgain = false;
    if (m_read) {
        m_read->disconnect(this);
        m_read->cancel();
        m_read.clear();
    }
    if (m_command) {
        m_command->disconnect(this);
        m_command->cancel();
        m_command.clear();
    }
}

} // namespace tb::sync
