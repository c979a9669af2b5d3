// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/topology/SettingStatus.h"

#include <QWidget>

class QCheckBox;
class QLabel;

namespace tb::ui {

// One setting on the topology diagram: a real checkbox (what the administrator wants), and below it what the
// tenant has, in words and in the state colour of the bar on its left (applied, pending change, blocked). The
// checkbox carries the accessible name and the explaining tooltip; the words make the state readable without
// colour. GUI thread.
class AccessSettingToggle final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccessSettingToggle)

public:
    // settingId: the plan step the setting belongs to (PlanStep::kTargetUserSync, ...).
    AccessSettingToggle(const QString& settingId, const QString& label, QWidget* parent = nullptr);

    [[nodiscard]] QString settingId() const { return m_settingId; }
    [[nodiscard]] QCheckBox* checkBox() const { return m_checkBox; }
    [[nodiscard]] bool isChecked() const;
    // Sets the tick without emitting toggled().
    void setChecked(bool checked);
    void setStatus(SettingStatus status, const QString& statusText);
    [[nodiscard]] SettingStatus status() const { return m_status; }
    [[nodiscard]] QString statusText() const;
    // What the setting does (and, when unticked, what stops working): the tooltip of the whole toggle.
    void setExplanation(const QString& text);

signals:
    void toggled(bool checked);

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    QString m_settingId;
    QCheckBox* m_checkBox;
    QLabel* m_label;
    QLabel* m_statusLabel;
    SettingStatus m_status = SettingStatus::Unknown;
};

} // namespace tb::ui
