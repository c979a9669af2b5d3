// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphError.h"
#include "core/model/ProvisioningLogEntry.h"
#include "core/sync/JobMonitor.h"
#include "core/sync/RolloutPlan.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <optional>

namespace tb::graph {
class GraphClient;
class PageReader;
} // namespace tb::graph

namespace tb::sync {

// Watches a rollout stage's cycles (RolloutRunner step 3): starts the job when it is not active (a new configuration's
// job is created paused), then on every read of the job (JobMonitor, with its back-off) reads the provisioning logs
// of the job since the watch began and reports the stage's progress, counting the cycles that began after the watch
// and have ended. It only reports; the runner decides (threshold, done) and may pause the job through it.
//
// Its commands to the job are sent one after the other, in the order asked: JobMonitor refuses a command while
// another is under way, so a start asked for while a pause is still in flight (resume right after pause) waits for
// the pause's answer and is sent then. A watch that begins while a pause is in flight queues the start at once,
// since any read of the job until the pause answers may be from before it. QObject on the client's thread; the
// client must outlive it.
class RolloutWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutWatcher)

public:
    RolloutWatcher(graph::GraphClient& sourceClient, const QString& servicePrincipalId, const QString& jobId,
        const JobMonitor::Timing& timing, QObject* parent = nullptr);
    ~RolloutWatcher() override;

    // Logs from `since` on count (a whole second earlier: log and cycle times may be whole seconds).
    void start(const QDateTime& since, const QStringList& expectedUserIds);
    // Stops reading; a command under way, and those queued behind it, still end with jobCommandFinished.
    void stop();
    [[nodiscard]] bool isWatching() const { return m_watching; }
    void pauseJob();
    // A command to the job is under way or queued.
    [[nodiscard]] bool hasPendingCommands() const { return m_commandInFlight.has_value() || !m_queued.isEmpty(); }

signals:
    void progressRead(const tb::sync::RolloutProgress& progress);
    // A read of the job or of its logs, or a command, failed (the reads go on with their back-off): what failed, and
    // the error, so the runner can tell a lost sign-in from a passing fault.
    void failed(const QString& message, const tb::graph::GraphError& error);
    void jobCommandFinished(tb::sync::JobMonitor::Command command, bool succeeded, const QString& message);

private:
    void onJobRead(const model::SyncJob& job);
    void readLogs();
    void sendCommand(JobMonitor::Command command);
    void sendNextCommand();
    void onCommandFinished(JobMonitor::Command command, bool succeeded, const QString& message);

    graph::GraphClient& m_source;
    QString m_jobId;
    JobMonitor* m_monitor;
    QPointer<graph::PageReader> m_logReader;
    QDateTime m_since;
    QStringList m_expected;
    QSet<QString> m_cyclesSeen; // cycles (by start time) that ended after the watch began
    QList<model::ProvisioningLogEntry> m_logEntries;
    bool m_watching = false;
    bool m_startSent = false;
    bool m_readAgain = false;
    std::optional<JobMonitor::Command> m_commandInFlight; // sent through m_monitor, not answered yet
    QList<JobMonitor::Command> m_queued; // asked for while another was in flight, in order
};

} // namespace tb::sync
