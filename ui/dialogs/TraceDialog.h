// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/setup/SetupState.h"
#include "core/sync/TraceResult.h"

#include <QDialog>
#include <QPointer>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace tb {
class Workspace;
}

namespace tb::sync {
class Trace;
}

namespace tb::ui {

class MessageBanner;

// "Why is this user not synced?" (issue 6): runs core's Trace for one source user of the pair's configuration and
// shows the checks in the order the service makes them (source user, assignment, scoping filter with the deciding
// clause, licence, matching, job, the latest provisioning log records), each marked with an icon and a word (pass,
// note, stops the user, unknown), the first one that stops the user highlighted with its fix, and the user's latest
// provisioning log records. Reads only. The workspace must outlive it; GUI thread.
class TraceDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraceDialog)

public:
    // state: the pair with its configuration and job; user: a UPN or object id of the source.
    TraceDialog(Workspace& workspace, const setup::SetupState& state, const QString& user, QWidget* parent = nullptr);
    ~TraceDialog() override;

    // Starts (or repeats) the trace. False, with a sentence in the dialog, when the pair has no job or a tenant is
    // not signed in, or while a trace is under way.
    bool start();
    void cancel();
    [[nodiscard]] bool isRunning() const { return !m_trace.isNull(); }
    [[nodiscard]] const std::optional<sync::TraceResult>& result() const { return m_result; }
    [[nodiscard]] QString user() const { return m_user; }

    // "Pass", "Pass, with a note", "Stops the user", "Unknown".
    [[nodiscard]] static QString stateText(sync::TraceResult::State state);

signals:
    void traced(const tb::sync::TraceResult& result);
    void failed(const QString& userMessage);

private:
    void showResult(const sync::TraceResult& result);
    void setBusy(bool busy, const QString& text = {});

    Workspace& m_workspace;
    setup::SetupState m_state;
    QString m_user;
    std::optional<sync::TraceResult> m_result;
    QPointer<sync::Trace> m_trace;

    QLabel* m_heading;
    MessageBanner* m_banner;
    MessageBanner* m_verdict;
    QProgressBar* m_progress;
    QLabel* m_progressLabel;
    QTableWidget* m_steps;
    QLabel* m_logsLabel;
    QTableWidget* m_logs;
    QPushButton* m_againButton;
    QPushButton* m_cancelButton;
};

} // namespace tb::ui
