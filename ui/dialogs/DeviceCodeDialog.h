// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/DeviceCodePrompt.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace tb::ui {

// Shows a device code while a sign-in waits for the person in the browser: the code large and selectable, a
// copy button, a button that opens the verification page (and copies the code), a countdown to the code's
// expiry, Cancel, and — when the sign-in fails — what went wrong and what to do, with Try again. It only shows:
// the owner runs the flow and calls showPrompt / showFailure / accept. GUI thread.
class DeviceCodeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceCodeDialog)

public:
    // roleTitle: "source tenant", "target tenant"; tenant: what the user typed.
    DeviceCodeDialog(const QString& roleTitle, const QString& tenant, QWidget* parent = nullptr);

    void showPrompt(const auth::DeviceCodePrompt& prompt);
    void showWaiting(const QString& text);
    void showFailure(const QString& userMessage, bool canRetry);

    [[nodiscard]] QString userCode() const;
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString countdownText() const;

signals:
    // The person pressed Cancel or closed the dialog while a sign-in was under way.
    void cancelRequested();
    void retryRequested();

protected:
    void reject() override;

private:
    void updateCountdown();
    void copyCode();
    void openBrowser();

    auth::DeviceCodePrompt m_prompt;
    QLabel* m_instructions;
    QLineEdit* m_codeEdit;
    QPushButton* m_copyButton;
    QPushButton* m_browserButton;
    QLabel* m_countdownLabel;
    QLabel* m_statusLabel;
    QPushButton* m_retryButton;
    QPushButton* m_cancelButton;
    QTimer* m_countdownTimer;
    bool m_failed = false;
};

} // namespace tb::ui
