// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace tb::sync {

// The answer to "why is user X not synced?" (issue 6, Trace): the checks walked in order, each with its state and a
// sentence naming tenants and values, the first one that failed (the blocker) with its fix, and the user's latest
// provisioning log records in short. Built by Trace::decide, printed by `tenantbridge-cli trace`. Value type.
struct TraceResult
{
    enum class State {
        Pass,
        Warn, // worth knowing, does not stop the user (no P1 licence, a disabled user that is already linked)
        Fail, // stops the user
        Unknown, // could not be read or worked out
    };

    struct Step
    {
        QString check; // a few words: "Assignment", "Scoping filter", "Job"
        State state = State::Unknown;
        QString detail; // for an administrator: what was found, with names and values
        QString fix; // what to do; set on failing steps (and on some warnings)

        [[nodiscard]] bool passed() const { return state == State::Pass || state == State::Warn; }
        friend bool operator==(const Step& a, const Step& b) = default;
    };

    // One provisioning log record, newest first.
    struct LogRecord
    {
        QDateTime activityDateTime; // UTC
        QString action; // create, update, delete, disable, other
        QString status; // success, warning, failure, skipped
        QString code; // the error code of a failure
        QString reason; // the error's or the skip's reason
        QString initiatedBy; // "system" for a cycle, the admin's name for provision on demand

        friend bool operator==(const LogRecord& a, const LogRecord& b) = default;
    };

    QString user; // as asked: a UPN or an object id
    QString sourceUserId; // empty when the source does not have the user
    QString userPrincipalName;
    QList<Step> steps; // in the order they were checked
    int blocker = -1; // index in steps of the first failing step; -1 when nothing blocks
    QString conclusion; // one sentence: the blocker, or what happens to the user ("in scope and synced: …")
    QList<LogRecord> logs;

    [[nodiscard]] bool isBlocked() const { return blocker >= 0; }
    // The failing step, or nullptr.
    [[nodiscard]] const Step* blockingStep() const;
    // The blocker's fix; empty when nothing blocks.
    [[nodiscard]] QString fix() const;

    [[nodiscard]] static QString stateName(State state); // "pass", "warn", "fail", "unknown"
    // {user, sourceUserId, userPrincipalName, blocked, blocker: {check, detail, fix} | null, fix, conclusion,
    //  steps: [{check, state, passed, detail, fix}], logs: [{activityDateTime, action, status, code, reason}]}.
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const TraceResult& a, const TraceResult& b) = default;
};

} // namespace tb::sync

Q_DECLARE_METATYPE(tb::sync::TraceResult)
