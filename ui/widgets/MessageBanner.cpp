// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/MessageBanner.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>

namespace tb::ui {

MessageBanner::MessageBanner(QWidget* parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setObjectName(QStringLiteral("messageBannerText"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_label, 1);
    hide();
}

void MessageBanner::showMessage(Level level, const QString& text)
{
    m_level = level;
    // Plain text: messages can quote server answers, which must never be read as markup.
    m_label->setTextFormat(Qt::PlainText);
    m_label->setText(text);
    applyTint();
    setAccessibleName(level == Level::Error ? tr("Error") : (level == Level::Warning ? tr("Warning") : tr("Note")));
    setAccessibleDescription(text);
    show();
}

void MessageBanner::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    // The palette changed under the banner (a switch between light and dark): tint the new window colour.
    if (event->type() == QEvent::PaletteChange && !m_tinting) {
        applyTint();
    }
}

void MessageBanner::applyTint()
{
    m_tinting = true;
    // Tints that stay readable on light and dark palettes: mix the state colour into the window colour of what
    // the banner sits on (its own Window colour is the tint).
    const QPalette around = parentWidget() ? parentWidget()->palette() : QApplication::palette();
    const QColor base = around.color(QPalette::Window);
    const QColor tint = m_level == Level::Error
        ? QColor(0xd9, 0x3a, 0x3a)
        : (m_level == Level::Warning ? QColor(0xe0, 0xa0, 0x20) : QColor(0x3a, 0x7b, 0xd9));
    const auto mix = [](int a, int b) { return (a * 4 + b) / 5; };
    QPalette pal = palette();
    pal.setColor(QPalette::Window,
        QColor(mix(base.red(), tint.red()), mix(base.green(), tint.green()), mix(base.blue(), tint.blue())));
    setPalette(pal);
    m_tinting = false;
}

QString MessageBanner::text() const
{
    return m_label->text();
}

} // namespace tb::ui
