// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/topology/AccessSettingToggle.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QSignalBlocker>

namespace tb::ui {

namespace {

constexpr int kBarWidth = 5;

} // namespace

AccessSettingToggle::AccessSettingToggle(const QString& settingId, const QString& label, QWidget* parent)
    : QWidget(parent)
    , m_settingId(settingId)
    , m_checkBox(new QCheckBox(this))
    , m_label(new QLabel(label, this))
    , m_statusLabel(new QLabel(this))
{
    setObjectName(settingId + QStringLiteral(".toggle"));
    m_checkBox->setObjectName(settingId + QStringLiteral(".check"));
    m_checkBox->setAccessibleName(label);
    // The text is a label beside the box rather than the checkbox's own text, so that it wraps in the narrow
    // boxes of the diagram; a click on it (or anywhere on the toggle) ticks the box, see mouseReleaseEvent.
    m_label->setObjectName(settingId + QStringLiteral(".label"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_label->setBuddy(m_checkBox);
    m_statusLabel->setObjectName(settingId + QStringLiteral(".status"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    QFont small = m_statusLabel->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_statusLabel->setFont(small);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(kBarWidth + 6, 6, 6, 6);
    layout->setHorizontalSpacing(4);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_checkBox, 0, 0, Qt::AlignTop);
    layout->addWidget(m_label, 0, 1);
    layout->addWidget(m_statusLabel, 1, 1); // under the text, not under the box
    layout->setColumnStretch(1, 1);
    connect(m_checkBox, &QCheckBox::toggled, this, &AccessSettingToggle::toggled);
    setStatus(SettingStatus::Unknown, SettingStatusStyle::name(SettingStatus::Unknown));
}

bool AccessSettingToggle::isChecked() const
{
    return m_checkBox->isChecked();
}

void AccessSettingToggle::setChecked(bool checked)
{
    const QSignalBlocker blocker(m_checkBox);
    m_checkBox->setChecked(checked);
}

void AccessSettingToggle::setStatus(SettingStatus status, const QString& statusText)
{
    m_status = status;
    m_statusLabel->setText(statusText);
    m_checkBox->setAccessibleDescription(statusText);
    update();
}

QString AccessSettingToggle::statusText() const
{
    return m_statusLabel->text();
}

void AccessSettingToggle::setExplanation(const QString& text)
{
    setToolTip(text);
    m_checkBox->setToolTip(text);
}

void AccessSettingToggle::mouseReleaseEvent(QMouseEvent* event)
{
    // Clicks on the checkbox itself never get here; the labels pass theirs on.
    if (event->button() == Qt::LeftButton && m_checkBox->isEnabled() && rect().contains(event->position().toPoint())) {
        m_checkBox->click();
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void AccessSettingToggle::paintEvent(QPaintEvent* event)
{
    QWidget::paintEvent(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor color = SettingStatusStyle::color(m_status, palette());
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QColor fill = color;
    fill.setAlpha(28); // a faint tint of the state over the box's own background, light or dark
    painter.setPen(QPen(color, 1));
    painter.setBrush(fill);
    painter.drawRoundedRect(frame, 4, 4);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(0, 0, kBarWidth, height()), 2, 2);
}

} // namespace tb::ui
