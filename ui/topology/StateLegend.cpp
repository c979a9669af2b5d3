// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/topology/StateLegend.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>

namespace tb::ui {

namespace {

constexpr int kSwatchSize = 14;

} // namespace

StateLegend::StateLegend(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("stateLegend"));
    setAccessibleName(tr("Legend"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(6);
    layout->addWidget(new QLabel(tr("Legend:"), this));
    for (const SettingStatus status :
        {SettingStatus::Applied, SettingStatus::Pending, SettingStatus::Blocked, SettingStatus::Off}) {
        auto* swatch = new QLabel(this);
        swatch->setFixedSize(kSwatchSize, kSwatchSize);
        auto* text = new QLabel(SettingStatusStyle::name(status), this);
        text->setBuddy(swatch);
        layout->addSpacing(8);
        layout->addWidget(swatch);
        layout->addWidget(text);
        m_swatches.append({status, swatch});
    }
    layout->addStretch(1);
    paintSwatches();
}

void StateLegend::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        paintSwatches();
    }
}

void StateLegend::paintSwatches()
{
    for (const auto& [status, label] : m_swatches) {
        const qreal ratio = label->devicePixelRatioF();
        QPixmap pixmap(QSize(kSwatchSize, kSwatchSize) * ratio);
        pixmap.setDevicePixelRatio(ratio);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(SettingStatusStyle::color(status, palette()));
        painter.drawRoundedRect(QRectF(1, 1, kSwatchSize - 2, kSwatchSize - 2), 3, 3);
        painter.end();
        label->setPixmap(pixmap);
    }
}

} // namespace tb::ui
