// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/ProvisionOnDemandResult.h"
#include "core/sync/TestSyncOutcome.h"
#include "core/sync/UserPreview.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace tb::graph {
class BatchRequest;
class GraphClient;
class GraphResponse;
} // namespace tb::graph

namespace tb::sync {

class TestSyncStore;

// A real sync of a few test users, compared with their preview (issue 6, graph-reference.md 2.7 and 3):
//  1. assigns the users that are not assigned yet (UserPreview::assigned false) to the configuration with its
//     msiam_access role, in $batch requests of 20, remembering which assignments the test sync added;
//  2. provisions each user on demand, at most `concurrency` at a time (the service allows 5 calls per 10 s per
//     job and answers 429 + Retry-After beyond; GraphClient's RetryPolicy retries those, POST included, because
//     the service did not act on a 429);
//  3. turns the answer's steps into a readable timeline, reads the target user back and compares it with the
//     preview (compare(): the pure part, unit-tested), and
//  4. keeps the run and each outcome in the store (when one is given).
// A user whose assignment or provisioning call fails gets a Failed outcome; the run goes on with the others.
// failed() is only for what stops the whole run (the service principal or schema cannot be read, the store
// refuses the run). A job: create, connect, start() once; main thread; the clients and the store must outlive it.
class TestSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestSync)

public:
    static constexpr int kDefaultConcurrency = 2;

    struct Request
    {
        QString servicePrincipalId; // the configuration's, in the source
        QString jobId;
        QString ruleId; // SynchronizationSchema::userRuleId(); empty: read from the job's schema first
        QString sourceTenantId; // for the store
        QString targetTenantId;
        QList<UserPreview> users; // the users to test, each with what the preview said
        QStringList requiredAttributes; // what the administrator's target needs (ProfileSettings)
        int concurrency = kDefaultConcurrency; // provisionOnDemand calls in flight, 1..5
    };

    // store may be null: nothing is kept, the run id is still made up.
    TestSync(graph::GraphClient& source, graph::GraphClient& target, TestSyncStore* store, QObject* parent = nullptr);
    ~TestSync() override;

    // Starts on the next event-loop turn. False (nothing started) when called twice, the request lacks ids, or it has
    // more than TestUserLimit::kMaxUsers users.
    bool start(const Request& request);
    // Stops before the next user: calls under way finish and are reported, the users not started yet end as
    // Failed with "cancelled" in their outcome. Assignments the test sync already added STAY (removing them would
    // make the service deprovision whoever it created); their outcomes say so (assignedByTestSync).
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] const QString& runId() const { return m_runId; }

    // The comparison, without the network. preview: what was expected; result: the provisionOnDemand answer;
    // targetUser: GET /users/{id} (empty when it could not be read); required: attributes that must have a value.
    [[nodiscard]] static TestSyncOutcome compare(const UserPreview& preview,
        const model::ProvisionOnDemandResult& result, const QJsonObject& targetUser, const QStringList& required);
    // What the service should do to the user once the test sync has assigned it: the preview's action, except for
    // a user the preview skipped only because it was not assigned yet ("not assigned to the configuration"): then
    // Create for a new (or pending-guest) match, Update for a linked or existing guest. A scoping filter that would
    // still exclude the user shows as Skipped.
    [[nodiscard]] static UserPreview::Action expectedAction(const UserPreview& preview);
    // One sentence per step: "Matching: Retrieved the matching user … (targetObjectId 1234)".
    [[nodiscard]] static QList<TestSyncOutcome::TimelineStep> timelineOf(const model::ProvisionOnDemandResult& result);
    // "meaning — what to do" from the ErrorCatalogue.
    [[nodiscard]] static QString explain(const QString& errorCode);
    // The $select of the read-back: id, userPrincipalName, and the preview's attribute names and the required ones
    // that Graph can $select (Preview::selectableUserProperties()); the others are neither read nor compared.
    [[nodiscard]] static QStringList readBackAttributes(const UserPreview& preview, const QStringList& required);
    // The text of a target value: strings as they are, booleans true/false, numbers, arrays joined by ", ".
    [[nodiscard]] static QString valueText(const QJsonValue& value);

signals:
    void progress(int done, int total, const QString& currentUpn);
    void userFinished(const tb::sync::TestSyncOutcome& outcome);
    void finished(const QString& runId, const QList<tb::sync::TestSyncOutcome>& outcomes);
    void failed(const QString& userMessage);

private:
    struct Slot
    {
        UserPreview preview;
        bool assignedByTestSync = false;
        bool done = false;
    };

    void begin();
    void readRuleId();
    void assign();
    void assignWithRole(const QString& roleId);
    void onAssigned(const QList<int>& indexes, const QList<graph::GraphResponse>& responses);
    void provisionNext();
    void provision(int index);
    void readBack(int index, const model::ProvisionOnDemandResult& result);
    void finishUser(int index, TestSyncOutcome outcome);
    void finishRun();
    void fail(const QString& message);
    [[nodiscard]] TestSyncOutcome failedOutcome(int index, const QString& message) const;

    graph::GraphClient& m_source;
    graph::GraphClient& m_target;
    TestSyncStore* m_store;
    Request m_request;
    QString m_runId;
    QList<Slot> m_slots;
    QList<TestSyncOutcome> m_outcomes; // in the order users finished
    QPointer<graph::BatchRequest> m_batch;
    int m_next = 0; // the next slot to provision
    int m_inFlight = 0;
    int m_done = 0;
    bool m_started = false;
    bool m_running = false;
    bool m_provisioning = false; // assignments are settled: provisionNext may start users
    bool m_cancelled = false;
};

} // namespace tb::sync
