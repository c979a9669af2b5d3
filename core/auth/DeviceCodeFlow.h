// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/AuthError.h"
#include "core/auth/AuthorityInfo.h"
#include "core/auth/DeviceCodePrompt.h"
#include "core/auth/TokenResponse.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace tb::auth {

// One device-code sign-in (RFC 8628, a job): asks the tenant's device authorization endpoint for a code, shows
// it (promptReady), then polls the token endpoint until the person approved, declined, or the code expired.
// Follows the checklist of auth-reference.md 2: one poll in flight, the next one scheduled by a single-shot timer
// after each answer, the interval honoured (5 s when missing), slow_down adding 5 s for the rest of the flow, a
// local deadline on a monotonic clock, the JSON error read whatever the HTTP status, transient failures retried
// with a capped doubling back-off. The device code stays inside this object and is never logged. Owned by its
// caller (it does not delete itself); lives on the thread of its QNetworkAccessManager, which must outlive it.
class DeviceCodeFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceCodeFlow)

public:
    struct Timing
    {
        int slowDownIncrementMs = 5000; // RFC 8628 3.5: +5 s for this and every later poll
        int minimumIntervalMs = 0; // a floor under the server's interval
        int transientRetryCapMs = 30000; // the doubling back-off after network errors, 5xx and 429 stops here
        // Test hook: poll this often instead of at the server's interval, until the first slow_down (which puts
        // the flow back on the server's interval plus the increment). -1: off.
        int intervalOverrideMs = -1;
    };

    DeviceCodeFlow(QNetworkAccessManager& network, const AuthorityInfo& authority, const QString& clientId,
        const QStringList& scopes, QObject* parent = nullptr);
    ~DeviceCodeFlow() override;

    void setTiming(const Timing& timing) { m_timing = timing; }
    [[nodiscard]] const Timing& timing() const { return m_timing; }

    // Asks for the code; everything after comes through the signals, later from the event loop.
    void start();
    // Aborts the request in flight and the timer; finished(Cancelled) is emitted now unless already finished.
    void cancel();

    [[nodiscard]] bool isFinished() const { return m_finished; }
    // The current polling interval (after slow_down increments), milliseconds.
    [[nodiscard]] int intervalMs() const { return m_intervalMs; }
    // How many token polls were sent (for diagnostics and tests).
    [[nodiscard]] int pollCount() const { return m_pollCount; }
    // What the device code request asks for: scopes plus openid profile offline_access.
    [[nodiscard]] const QStringList& requestedScopes() const { return m_scopes; }

    // Bounds on what the device authorization answer may hold (issue 9). Entra's user codes are 9 letters and
    // digits ("FJ6RSPXQ2", graph-reference.md 7.1); RFC 8628 6.1 suggests 8 characters, with dashes or spaces for
    // readability. 32 leaves room for any service's format and none for text that would fill the code label.
    static constexpr int kMaxUserCodeLength = 32;
    static constexpr int kMaxVerificationUriLength = 2048; // a URL, not a page
    static constexpr int kMaxMessageLength = 2000; // Entra's sentence is about 150 characters in any language
    // Why a prompt cannot be shown, for a person; empty when it can. A user code must be 1 to kMaxUserCodeLength
    // letters, digits, dashes or spaces; the verification address an http(s) URL of at most
    // kMaxVerificationUriLength characters. A longer message is not a reason: it is dropped (it is optional).
    [[nodiscard]] static QString promptProblem(const DeviceCodePrompt& prompt);

signals:
    void promptReady(const tb::auth::DeviceCodePrompt& prompt);
    // The interval grew (slow_down, or a larger interval from the server); seconds, rounded up.
    void intervalChanged(int seconds);
    // Exactly once. response is valid only when error.isError() is false.
    void finished(const tb::auth::TokenResponse& response, const tb::auth::AuthError& error);

private:
    void handleDeviceCodeReply();
    void poll();
    void handlePollReply();
    // Schedules the next poll after delayMs, or ends the flow with Expired when the code's lifetime is over first.
    void scheduleNextPoll(int delayMs);
    // The delay after a transient failure: doubling from the interval, capped, at least Retry-After.
    [[nodiscard]] int transientDelayMs(int retryAfterMs);
    void finish(const TokenResponse& response, const AuthError& error);
    void finishLater(const AuthError& error);

    QNetworkAccessManager& m_network;
    AuthorityInfo m_authority;
    QString m_clientId;
    QStringList m_scopes;
    Timing m_timing;
    QPointer<QNetworkReply> m_reply;
    QTimer m_pollTimer;
    QDeadlineTimer m_deadline;
    QString m_deviceCode;
    int m_serverIntervalMs = 5000;
    int m_intervalMs = 5000;
    int m_transientDelayMs = 0; // 0: the last poll was not a transient failure
    int m_pollCount = 0;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace tb::auth
