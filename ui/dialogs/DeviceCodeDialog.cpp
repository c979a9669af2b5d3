// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/DeviceCodeDialog.h"

#include "core/auth/AuthSettings.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDesktopServices>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace tb::ui {

DeviceCodeDialog::DeviceCodeDialog(const QString& roleTitle, const QString& tenant, QWidget* parent)
    : QDialog(parent)
    , m_instructions(new QLabel(this))
    , m_codeEdit(new QLineEdit(this))
    , m_copyButton(new QPushButton(tr("&Copy code"), this))
    , m_browserButton(new QPushButton(tr("&Open browser"), this))
    , m_countdownLabel(new QLabel(this))
    , m_statusLabel(new QLabel(this))
    , m_retryButton(new QPushButton(tr("&Try again"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_countdownTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("deviceCodeDialog"));
    setWindowTitle(tr("Sign in to the %1").arg(roleTitle));
    setModal(true);

    auto* heading
        = new QLabel(tr("<b>Sign in to the %1 %2</b>").arg(roleTitle.toHtmlEscaped(), tenant.toHtmlEscaped()), this);
    heading->setTextFormat(Qt::RichText);
    heading->setWordWrap(true);

    m_instructions->setObjectName(QStringLiteral("deviceCodeInstructions"));
    m_instructions->setWordWrap(true);
    m_instructions->setTextFormat(Qt::RichText);
    m_instructions->setOpenExternalLinks(false);
    m_instructions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_instructions->setText(tr("Asking the sign-in service for a code…"));

    m_codeEdit->setObjectName(QStringLiteral("deviceCodeEdit"));
    m_codeEdit->setAccessibleName(tr("Device code"));
    m_codeEdit->setReadOnly(true);
    m_codeEdit->setAlignment(Qt::AlignCenter);
    QFont codeFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    codeFont.setPointSizeF(codeFont.pointSizeF() * 2.2);
    codeFont.setBold(true);
    codeFont.setLetterSpacing(QFont::AbsoluteSpacing, 3);
    m_codeEdit->setFont(codeFont);
    m_codeEdit->setMinimumWidth(m_codeEdit->fontMetrics().horizontalAdvance(QStringLiteral("MMMMMMMMMMMM")));

    m_copyButton->setObjectName(QStringLiteral("copyCodeButton"));
    m_copyButton->setEnabled(false);
    m_copyButton->setToolTip(tr("Copy the code to the clipboard"));
    m_browserButton->setObjectName(QStringLiteral("openBrowserButton"));
    m_browserButton->setEnabled(false);
    m_browserButton->setToolTip(tr("Open the sign-in page in your browser and copy the code"));
    m_countdownLabel->setObjectName(QStringLiteral("countdownLabel"));
    m_statusLabel->setObjectName(QStringLiteral("deviceCodeStatus"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_retryButton->setVisible(false);
    m_cancelButton->setObjectName(QStringLiteral("cancelSignInButton"));

    auto* codeButtons = new QHBoxLayout;
    codeButtons->addStretch(1);
    codeButtons->addWidget(m_copyButton);
    codeButtons->addWidget(m_browserButton);
    codeButtons->addStretch(1);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_countdownLabel, 1);
    buttons->addWidget(m_retryButton);
    buttons->addWidget(m_cancelButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_instructions);
    layout->addWidget(m_codeEdit);
    layout->addLayout(codeButtons);
    layout->addWidget(m_statusLabel);
    layout->addStretch(1);
    layout->addLayout(buttons);

    connect(m_copyButton, &QPushButton::clicked, this, &DeviceCodeDialog::copyCode);
    connect(m_browserButton, &QPushButton::clicked, this, &DeviceCodeDialog::openBrowser);
    connect(m_retryButton, &QPushButton::clicked, this, [this] {
        m_failed = false;
        m_retryButton->setVisible(false);
        m_cancelButton->setText(tr("Cancel"));
        showWaiting(tr("Starting again…"));
        emit retryRequested();
    });
    connect(m_cancelButton, &QPushButton::clicked, this, &DeviceCodeDialog::reject);
    m_countdownTimer->setInterval(1000);
    connect(m_countdownTimer, &QTimer::timeout, this, &DeviceCodeDialog::updateCountdown);
    setTabOrder(m_codeEdit, m_copyButton);
    setTabOrder(m_copyButton, m_browserButton);
    setTabOrder(m_browserButton, m_retryButton);
    setTabOrder(m_retryButton, m_cancelButton);
    setMinimumWidth(520);
    resize(560, 340);
}

void DeviceCodeDialog::showPrompt(const auth::DeviceCodePrompt& prompt)
{
    m_prompt = prompt;
    m_failed = false;
    m_instructions->setText(tr("1. On this or any other device, open this page in a browser:<br><b>%1</b><br>"
                               "2. Enter the code below, then sign in with an administrator account of this tenant.")
                                .arg(prompt.verificationUri.toHtmlEscaped()));
    m_codeEdit->setText(prompt.userCode);
    m_codeEdit->selectAll();
    m_copyButton->setEnabled(true);
    // The page opens in the person's browser: only https, or http to this machine (the sandbox).
    m_browserButton->setEnabled(auth::AuthSettings::isAllowedUrl(QUrl(prompt.verificationUri)));
    m_retryButton->setVisible(false);
    m_cancelButton->setText(tr("Cancel"));
    showWaiting(tr("Waiting for you to finish in the browser…"));
    updateCountdown();
    m_countdownTimer->start();
    m_browserButton->setFocus();
}

void DeviceCodeDialog::showWaiting(const QString& text)
{
    m_statusLabel->setStyleSheet(QString());
    m_statusLabel->setText(text);
}

void DeviceCodeDialog::showFailure(const QString& userMessage, bool canRetry)
{
    m_failed = true;
    m_countdownTimer->stop();
    m_countdownLabel->clear();
    m_codeEdit->clear();
    m_copyButton->setEnabled(false);
    m_browserButton->setEnabled(false);
    m_statusLabel->setStyleSheet(
        QStringLiteral("color: palette(highlighted-text); background: #b3261e; padding: 6px;"));
    m_statusLabel->setText(userMessage);
    m_retryButton->setVisible(canRetry);
    m_cancelButton->setText(tr("Close"));
    if (canRetry) {
        m_retryButton->setFocus();
    }
}

QString DeviceCodeDialog::userCode() const
{
    return m_codeEdit->text();
}

QString DeviceCodeDialog::statusText() const
{
    return m_statusLabel->text();
}

QString DeviceCodeDialog::countdownText() const
{
    return m_countdownLabel->text();
}

void DeviceCodeDialog::reject()
{
    m_countdownTimer->stop();
    if (!m_failed) {
        emit cancelRequested();
    }
    QDialog::reject();
}

void DeviceCodeDialog::updateCountdown()
{
    if (!m_prompt.expiresAtUtc.isValid()) {
        m_countdownLabel->clear();
        return;
    }
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(m_prompt.expiresAtUtc);
    if (left <= 0) {
        m_countdownTimer->stop();
        m_countdownLabel->setText(tr("The code has expired."));
        return;
    }
    m_countdownLabel->setText(tr("The code expires in %1:%2.").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0')));
}

void DeviceCodeDialog::copyCode()
{
    QApplication::clipboard()->setText(m_prompt.userCode);
    showWaiting(tr("The code is on the clipboard. Waiting for you to finish in the browser…"));
}

void DeviceCodeDialog::openBrowser()
{
    copyCode();
    if (!QDesktopServices::openUrl(QUrl(m_prompt.verificationUri))) {
        showWaiting(tr("No browser could be opened here. Open %1 on any device and enter the code.")
                        .arg(m_prompt.verificationUri));
    }
}

} // namespace tb::ui
