// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/topology/TopologyDiagram.h"

#include "ui/topology/StateLegend.h"
#include "ui/topology/SynchronizationBox.h"
#include "ui/topology/TenantBox.h"

#include <QFontMetricsF>
#include <QGraphicsProxyWidget>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>

#include <algorithm>

namespace tb::ui {

namespace {

constexpr qreal kTenantWidth = 215;
constexpr qreal kSynchronizationWidth = 200;
constexpr qreal kGap = 80;
constexpr qreal kLegendGap = 14;
constexpr qreal kArrowHead = 10;

QGraphicsProxyWidget* embed(QWidget* widget, QGraphicsItem* parent)
{
    auto* proxy = new QGraphicsProxyWidget(parent);
    proxy->setWidget(widget);
    return proxy;
}

// The height a box needs at width: word-wrapped labels grow as the width shrinks.
qreal heightAt(QWidget* widget, qreal width)
{
    const int hfw = widget->heightForWidth(static_cast<int>(width));
    return std::max<qreal>(hfw > 0 ? hfw : 0, widget->minimumSizeHint().height());
}

} // namespace

TopologyDiagram::TopologyDiagram(TenantBox* source, SynchronizationBox* synchronization, TenantBox* target,
    StateLegend* legend, QGraphicsItem* parent)
    : QGraphicsWidget(parent)
    , m_source(source)
    , m_synchronization(synchronization)
    , m_target(target)
    , m_legend(legend)
    , m_sourceProxy(embed(source, this))
    , m_synchronizationProxy(embed(synchronization, this))
    , m_targetProxy(embed(target, this))
    , m_legendProxy(embed(legend, this))
{
    setFlag(QGraphicsItem::ItemHasNoContents, false);
    for (QWidget* box : {static_cast<QWidget*>(source), static_cast<QWidget*>(synchronization),
             static_cast<QWidget*>(target), static_cast<QWidget*>(legend)}) {
        box->installEventFilter(this);
    }
    relayout();
}

bool TopologyDiagram::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::LayoutRequest && !m_relayoutPosted) {
        m_relayoutPosted = true;
        QTimer::singleShot(0, this, [this] {
            m_relayoutPosted = false;
            relayout();
        });
    }
    return QGraphicsWidget::eventFilter(watched, event);
}

void TopologyDiagram::relayout()
{
    // The planned widths, unless a box cannot be that narrow (a long word, a large font).
    const qreal tenantWidth = std::max(
        {kTenantWidth, qreal(m_source->minimumSizeHint().width()), qreal(m_target->minimumSizeHint().width())});
    const qreal synchronizationWidth
        = std::max(kSynchronizationWidth, qreal(m_synchronization->minimumSizeHint().width()));
    const qreal sourceHeight = heightAt(m_source, tenantWidth);
    const qreal targetHeight = heightAt(m_target, tenantWidth);
    const qreal synchronizationHeight = heightAt(m_synchronization, synchronizationWidth);
    // The access settings boxes fill the lower part of the tenant boxes, so arrows through the middle of the
    // row read as "these settings feed the synchronization, which feeds the target's settings".
    const qreal rowHeight = std::max({sourceHeight, targetHeight, synchronizationHeight + 40});
    const qreal synchronizationTop = (rowHeight - synchronizationHeight) / 2;
    m_arrowY = rowHeight / 2;

    const qreal synchronizationX = tenantWidth + kGap;
    const qreal targetX = synchronizationX + synchronizationWidth + kGap;
    const qreal width = targetX + tenantWidth;
    m_sourceProxy->setGeometry(QRectF(0, 0, tenantWidth, rowHeight));
    m_synchronizationProxy->setGeometry(
        QRectF(synchronizationX, synchronizationTop, synchronizationWidth, synchronizationHeight));
    m_targetProxy->setGeometry(QRectF(targetX, 0, tenantWidth, rowHeight));
    const qreal legendHeight = m_legend->sizeHint().height();
    m_legendProxy->setGeometry(QRectF(0, rowHeight + kLegendGap, width, legendHeight));
    resize(width, rowHeight + kLegendGap + legendHeight);
    update();
}

void TopologyDiagram::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    QGraphicsWidget::paint(painter, option, widget);
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF source = m_sourceProxy->geometry();
    const QRectF synchronization = m_synchronizationProxy->geometry();
    const QRectF target = m_targetProxy->geometry();
    const qreal y = m_arrowY;
    paintArrow(painter, source.right(), synchronization.left(), y, tr("outbound"));
    paintArrow(painter, synchronization.right(), target.left(), y, tr("inbound"));
}

void TopologyDiagram::paintArrow(QPainter* painter, qreal fromX, qreal toX, qreal y, const QString& label) const
{
    const QColor color = palette().color(QPalette::Text);
    const qreal start = fromX + 6;
    const qreal end = toX - 6;
    painter->setPen(QPen(color, 2, Qt::SolidLine, Qt::RoundCap));
    painter->drawLine(QPointF(start, y), QPointF(end - kArrowHead, y));
    QPainterPath head;
    head.moveTo(end, y);
    head.lineTo(end - kArrowHead, y - kArrowHead / 2);
    head.lineTo(end - kArrowHead, y + kArrowHead / 2);
    head.closeSubpath();
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPath(head);

    painter->setPen(color);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    painter->setFont(small);
    const QFontMetricsF metrics(small);
    const QRectF labelRect(start, y - metrics.height() - 4, end - start, metrics.height());
    painter->drawText(labelRect, Qt::AlignHCenter | Qt::AlignBottom | Qt::TextDontClip, label);
}

} // namespace tb::ui
