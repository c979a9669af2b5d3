// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace tb::ui {

// A box of the topology diagram: a rounded frame in the palette's base colour with a bold title and a body
// that the owner fills. The border takes an accent colour when one is set (the state of what the box stands
// for), else the palette's mid colour, so the box reads in light and dark palettes. GUI thread.
class DiagramNode : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagramNode)

public:
    explicit DiagramNode(const QString& title, QWidget* parent = nullptr);

    void setTitle(const QString& title);
    [[nodiscard]] QString title() const;
    // An invalid colour goes back to the palette's border.
    void setAccent(const QColor& color);
    [[nodiscard]] QVBoxLayout* body() const { return m_body; }
    // A word-wrapped plain-text label added to the body.
    QLabel* addLine(const QString& objectName, bool secondary = false);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QLabel* m_title;
    QVBoxLayout* m_body;
    QColor m_accent;
};

} // namespace tb::ui
