// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsWidget>

class QGraphicsProxyWidget;

namespace tb::ui {

class StateLegend;
class SynchronizationBox;
class TenantBox;

// The graphics item of the topology diagram: the source tenant, the cross-tenant synchronization and the target
// tenant side by side with arrows from the source's outbound settings through the synchronization to the
// target's inbound settings, and the legend underneath. The boxes are widgets (real checkboxes, word-wrapped
// labels) in proxies; this item places them and paints the arrows in the palette's text colour. Scene
// coordinates are fixed; the view scales them to its size. GUI thread.
class TopologyDiagram final : public QGraphicsWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyDiagram)

public:
    // Takes ownership of the widgets, which must have no parent.
    TopologyDiagram(TenantBox* source, SynchronizationBox* synchronization, TenantBox* target, StateLegend* legend,
        QGraphicsItem* parent = nullptr);

    // Places the boxes again after their content changed (a longer name, a status line that wraps).
    void relayout();
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    // A box asking for a new layout (its text changed, it was polished with its real font) lays the diagram out
    // again once the events of the moment are through.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void paintArrow(QPainter* painter, qreal fromX, qreal toX, qreal y, const QString& label) const;

    TenantBox* m_source;
    SynchronizationBox* m_synchronization;
    TenantBox* m_target;
    StateLegend* m_legend;
    QGraphicsProxyWidget* m_sourceProxy;
    QGraphicsProxyWidget* m_synchronizationProxy;
    QGraphicsProxyWidget* m_targetProxy;
    QGraphicsProxyWidget* m_legendProxy;
    qreal m_arrowY = 0;
    bool m_relayoutPosted = false;
};

} // namespace tb::ui
