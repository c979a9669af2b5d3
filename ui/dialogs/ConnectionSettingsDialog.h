// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ConnectionSettings.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QDialogButtonBox;

namespace tb::ui {

// The advanced connection settings of a profile: the built-in sandbox, a running sandbox, a Microsoft cloud, or
// private login and Graph hosts, and the client id. Saved with QSettings when accepted; they take effect at the
// next start (the command line still wins). GUI thread.
class ConnectionSettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionSettingsDialog)

public:
    ConnectionSettingsDialog(const QString& profile, QWidget* parent = nullptr);

    [[nodiscard]] ConnectionSettings settings() const;
    void setSettings(const ConnectionSettings& settings);
    [[nodiscard]] QString problemText() const;

    void accept() override;

private:
    void updateFields();

    QString m_profile;
    QComboBox* m_modeCombo;
    QComboBox* m_cloudCombo;
    QLineEdit* m_sandboxEdit;
    QLineEdit* m_loginHostEdit;
    QLineEdit* m_graphHostEdit;
    QLineEdit* m_clientIdEdit;
    QLabel* m_problemLabel;
    QDialogButtonBox* m_buttons;
};

} // namespace tb::ui
