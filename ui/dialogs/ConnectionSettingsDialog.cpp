// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/ConnectionSettingsDialog.h"

#include "core/auth/AuthSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QVBoxLayout>

namespace tb::ui {

ConnectionSettingsDialog::ConnectionSettingsDialog(const QString& profile, QWidget* parent)
    : QDialog(parent)
    , m_profile(profile)
    , m_modeCombo(new QComboBox(this))
    , m_cloudCombo(new QComboBox(this))
    , m_sandboxEdit(new QLineEdit(this))
    , m_loginHostEdit(new QLineEdit(this))
    , m_graphHostEdit(new QLineEdit(this))
    , m_clientIdEdit(new QLineEdit(this))
    , m_problemLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("connectionSettingsDialog"));
    setWindowTitle(tr("Connection settings"));

    m_modeCombo->setObjectName(QStringLiteral("connectionModeCombo"));
    m_modeCombo->addItem(tr("Built-in sandbox (sample tenants on this computer)"),
        ConnectionSettings::modeName(ConnectionSettings::Mode::BuiltInSandbox));
    m_modeCombo->addItem(tr("A running sandbox"), ConnectionSettings::modeName(ConnectionSettings::Mode::Sandbox));
    m_modeCombo->addItem(
        tr("Microsoft Entra ID (real tenants)"), ConnectionSettings::modeName(ConnectionSettings::Mode::Cloud));
    m_modeCombo->addItem(
        tr("Custom login and Graph hosts"), ConnectionSettings::modeName(ConnectionSettings::Mode::CustomHosts));
    m_cloudCombo->setObjectName(QStringLiteral("cloudCombo"));
    m_cloudCombo->addItem(tr("Found from each tenant"), QStringLiteral("auto"));
    m_cloudCombo->addItem(tr("Global (commercial, GCC)"), QStringLiteral("global"));
    m_cloudCombo->addItem(tr("US Government (GCC High)"), QStringLiteral("usgov"));
    m_cloudCombo->addItem(tr("US Government DoD"), QStringLiteral("usgov-dod"));
    m_cloudCombo->addItem(tr("China (21Vianet)"), QStringLiteral("china"));
    m_sandboxEdit->setObjectName(QStringLiteral("sandboxUrlEdit"));
    m_sandboxEdit->setPlaceholderText(QStringLiteral("http://127.0.0.1:8400"));
    m_loginHostEdit->setObjectName(QStringLiteral("loginHostEdit"));
    m_loginHostEdit->setPlaceholderText(QStringLiteral("https://login.microsoftonline.com"));
    m_graphHostEdit->setObjectName(QStringLiteral("graphHostEdit"));
    m_graphHostEdit->setPlaceholderText(QStringLiteral("https://graph.microsoft.com"));
    m_clientIdEdit->setObjectName(QStringLiteral("clientIdEdit"));
    m_clientIdEdit->setPlaceholderText(QString::fromLatin1(auth::AuthSettings::kDefaultClientId));
    m_problemLabel->setObjectName(QStringLiteral("settingsProblemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Tenants:"), m_modeCombo);
    form->addRow(tr("C&loud:"), m_cloudCombo);
    form->addRow(tr("&Sandbox address:"), m_sandboxEdit);
    form->addRow(tr("Lo&gin host:"), m_loginHostEdit);
    form->addRow(tr("&Graph host:"), m_graphHostEdit);
    form->addRow(tr("&Client id:"), m_clientIdEdit);
    auto* note = new QLabel(tr("The client id is the application (client) ID of a public client app registration "
                               "with \"Allow public client flows\" on; empty uses Microsoft Graph Command Line Tools. "
                               "http is allowed only for addresses on this computer. Changes take effect when "
                               "TenantBridge starts again; command-line options win over these settings."),
        this);
    note->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_buttons);

    connect(m_modeCombo, &QComboBox::currentIndexChanged, this, &ConnectionSettingsDialog::updateFields);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionSettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionSettingsDialog::reject);
    setSettings(ConnectionSettings::load(profile));
}

ConnectionSettings ConnectionSettingsDialog::settings() const
{
    ConnectionSettings result;
    result.mode = ConnectionSettings::modeFromName(m_modeCombo->currentData().toString())
                      .value_or(ConnectionSettings::Mode::BuiltInSandbox);
    result.cloudName = m_cloudCombo->currentData().toString();
    result.sandboxUrl = QUrl(m_sandboxEdit->text().trimmed(), QUrl::StrictMode);
    result.loginHost = QUrl(m_loginHostEdit->text().trimmed(), QUrl::StrictMode);
    result.graphHost = QUrl(m_graphHostEdit->text().trimmed(), QUrl::StrictMode);
    result.clientId = m_clientIdEdit->text().trimmed();
    return result;
}

void ConnectionSettingsDialog::setSettings(const ConnectionSettings& settings)
{
    m_modeCombo->setCurrentIndex(std::max(0, m_modeCombo->findData(ConnectionSettings::modeName(settings.mode))));
    m_cloudCombo->setCurrentIndex(std::max(0, m_cloudCombo->findData(settings.cloudName)));
    m_sandboxEdit->setText(settings.sandboxUrl.toString());
    m_loginHostEdit->setText(settings.loginHost.toString());
    m_graphHostEdit->setText(settings.graphHost.toString());
    m_clientIdEdit->setText(settings.clientId);
    updateFields();
}

QString ConnectionSettingsDialog::problemText() const
{
    return m_problemLabel->text();
}

void ConnectionSettingsDialog::accept()
{
    const ConnectionSettings chosen = settings();
    if (const auto problem = chosen.problem()) {
        m_problemLabel->setText(*problem);
        return;
    }
    chosen.save(m_profile);
    QDialog::accept();
}

void ConnectionSettingsDialog::updateFields()
{
    const auto mode = ConnectionSettings::modeFromName(m_modeCombo->currentData().toString());
    m_cloudCombo->setEnabled(mode == ConnectionSettings::Mode::Cloud);
    m_sandboxEdit->setEnabled(mode == ConnectionSettings::Mode::Sandbox);
    m_loginHostEdit->setEnabled(mode == ConnectionSettings::Mode::CustomHosts);
    m_graphHostEdit->setEnabled(mode == ConnectionSettings::Mode::CustomHosts);
    m_problemLabel->clear();
}

} // namespace tb::ui
