// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphError.h"
#include "core/model/SyncJob.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

class QTimer;

namespace tb::graph {
class GraphCall;
class GraphClient;
class GraphResponse;
} // namespace tb::graph

namespace tb::sync {

// Watches one synchronization job in the source tenant (graph-reference.md 2.2, 2.3): reads it with GET
// .../jobs/{jobId} and says when it changed, and sends start, pause and restart with a read straight after.
//
// Polling is for whoever watches (addWatcher): with no watcher it stops, and it resumes with a read when one
// comes. It backs off: every Timing::fastMs for the next fastPolls reads after a command, every cycleMs while a
// cycle runs (SyncJob::isCycleRunning; a first cycle can take an hour), from Timing::steadyMs otherwise, doubling
// while nothing changes and after failures, never beyond Timing::maxMs. A change brings it back to steadyMs.
//
// QObject, main thread; the client is the source tenant's, asking for the synchronization scopes. When the
// client goes away (a new sign-in makes a new one), the monitor stops and says so; make a new monitor then. One read
// and one command at a time: a command while another is under way is refused with failed().
class JobMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobMonitor)

public:
    enum class Command { Start, Pause, Restart };
    Q_ENUM(Command)

    struct Timing
    {
        int fastMs = 3000;
        int fastPolls = 10; // reads at fastMs after a command
        int cycleMs = 10000;
        int steadyMs = 30000;
        int maxMs = 300000;
    };

    explicit JobMonitor(graph::GraphClient& client, QObject* parent = nullptr);
    ~JobMonitor() override;

    void setTiming(const Timing& timing);
    [[nodiscard]] const Timing& timing() const { return m_timing; }

    // The job to watch; forgets what it knew of another one. Reads at once when someone watches.
    void setJob(const QString& servicePrincipalId, const QString& jobId);
    [[nodiscard]] const QString& servicePrincipalId() const { return m_servicePrincipalId; }
    [[nodiscard]] const QString& jobId() const { return m_jobId; }
    // The last job read, if any.
    [[nodiscard]] const std::optional<model::SyncJob>& job() const { return m_job; }

    // Polling runs while at least one watcher is registered; a destroyed watcher unregisters itself.
    void addWatcher(QObject* watcher);
    void removeWatcher(QObject* watcher);
    [[nodiscard]] bool isPolling() const;
    // The wait before the next poll, -1 when not polling.
    [[nodiscard]] int nextPollMs() const;

    // One read now, watched or not (a read under way counts).
    void refresh();
    void start();
    void pause();
    // resetScope: SynchronizationEndpoints::resetScopeValues(); the default is the portal's restart.
    void restart(const QStringList& resetScope);
    void restart();
    [[nodiscard]] bool isReading() const;
    [[nodiscard]] bool isSendingCommand() const;

signals:
    // After each read that differs from the one before (the first read always counts).
    void jobChanged(const tb::model::SyncJob& job);
    // After each successful read, changed or not.
    void jobRead(const tb::model::SyncJob& job);
    // A read or a command failed: a sentence for a person (which job, what failed, what to do).
    void failed(const QString& userMessage, const tb::graph::GraphError& error);
    // A command was accepted (succeeded) or refused; the read after it follows with jobChanged/jobRead.
    void commandFinished(tb::sync::JobMonitor::Command command, bool succeeded, const QString& userMessage);

private:
    void read();
    void finishRead(const graph::GraphResponse& response);
    void send(Command command, const QStringList& resetScope);
    void schedule();
    void cancelCalls();
    [[nodiscard]] bool hasJob() const;
    [[nodiscard]] bool clientGone();
    [[nodiscard]] static QString commandWord(Command command);

    QPointer<graph::GraphClient> m_client;
    Timing m_timing;
    QTimer* m_timer;
    QString m_servicePrincipalId;
    QString m_jobId;
    std::optional<model::SyncJob> m_job;
    QSet<QObject*> m_watchers;
    QPointer<graph::GraphCall> m_read;
    QPointer<graph::GraphCall> m_command;
    int m_fastPollsLeft = 0;
    int m_idleMs = 0; // the current slow interval; 0: not backed off yet
    bool m_readAgain = false; // a read was asked for while one was under way
};

} // namespace tb::sync
