// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/UserTimeline.h"
#include "core/model/DirectoryAuditEntry.h"
#include "core/model/ProvisioningLogEntry.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace tb::graph {
class GraphCall;
class GraphClient;
class GraphResponse;
class PageReader;
struct PageReadResult;
} // namespace tb::graph

namespace tb::logs {

// Reads what UserTimeline merges, live from both tenants: the source user (GET /users/{id or UPN}: id, UPN, mail),
// the job's provisioning records about them (sourceIdentity/id eq …, oldest first) and the target's directory
// audits since the given time, newest first, at most maxAuditRecords of them. The audits cannot be narrowed to the
// person on the service side: Graph's targetResources/any(…) lambda is not answered everywhere (the sandbox does
// not), so they are filtered here by UserTimeline::merge (by the target id the provisioning records name, the
// changeId, the UPN). Reads only. QObject on the clients' thread; both clients must outlive it. One run at a time.
class UserTimelineReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserTimelineReader)

public:
    static constexpr int kDefaultMaxAuditRecords = 20000;

    struct Request
    {
        QString user; // a source UPN or object id
        QString jobId; // the job whose provisioning records to read; empty: any job
        QString servicePrincipalId; // or the configuration's
        QDateTime since; // invalid: all the services keep (30 days with P1)
        int maxAuditRecords = kDefaultMaxAuditRecords; // the newest audits read at most
    };

    UserTimelineReader(graph::GraphClient& sourceClient, graph::GraphClient& targetClient, QObject* parent = nullptr);
    ~UserTimelineReader() override;

    // False (nothing started) while a run is under way or without a user.
    bool start(const Request& request);
    void cancel(); // no signal follows
    [[nodiscard]] bool isRunning() const { return m_running; }
    // Whether the last run stopped reading audits at maxAuditRecords (older ones may then be missing).
    [[nodiscard]] bool auditsTruncated() const { return m_auditsTruncated; }

signals:
    void finished(const tb::logs::UserTimeline& timeline);
    void failed(const QString& userMessage);

private:
    void handleUser(const graph::GraphResponse& response);
    void readAudits();
    void handleAuditPage(const QJsonArray& items);
    void done();
    void fail(const QString& message);
    void stop();

    graph::GraphClient& m_source;
    graph::GraphClient& m_target;
    Request m_request;
    UserTimeline::Person m_person;
    QList<model::ProvisioningLogEntry> m_provisioning;
    QList<model::DirectoryAuditEntry> m_audits;
    QPointer<graph::GraphCall> m_call;
    QPointer<graph::PageReader> m_reader;
    bool m_running = false;
    bool m_auditsTruncated = false;
};

} // namespace tb::logs
