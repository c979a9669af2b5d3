// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/topology/DiagramNode.h"

#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace tb::ui {

DiagramNode::DiagramNode(const QString& title, QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_body(new QVBoxLayout)
{
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 10);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    m_body->setSpacing(4);
    layout->addLayout(m_body);
    setAccessibleName(title);
}

void DiagramNode::setTitle(const QString& title)
{
    m_title->setText(title);
    setAccessibleName(title);
}

QString DiagramNode::title() const
{
    return m_title->text();
}

void DiagramNode::setAccent(const QColor& color)
{
    m_accent = color;
    update();
}

QLabel* DiagramNode::addLine(const QString& objectName, bool secondary)
{
    auto* label = new QLabel(this);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // tenant names come from the tenant, never read as markup
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (secondary) {
        label->setForegroundRole(QPalette::PlaceholderText);
    }
    m_body->addWidget(label);
    return label;
}

void DiagramNode::paintEvent(QPaintEvent* event)
{
    QWidget::paintEvent(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const bool accented = m_accent.isValid();
    const QColor border = accented ? m_accent : palette().color(QPalette::Mid);
    const qreal width = accented ? 2.0 : 1.0;
    painter.setPen(QPen(border, width));
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRoundedRect(QRectF(rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2), 8, 8);
}

} // namespace tb::ui
