// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;

namespace tb::ui {

// An inline message above a page's content: an error or warning that says what happened and what to do,
// instead of a modal box. Hidden until shown; GUI thread.
class MessageBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBanner)

public:
    enum class Level { Information, Warning, Error };

    explicit MessageBanner(QWidget* parent = nullptr);

    void showMessage(Level level, const QString& text);
    [[nodiscard]] QString text() const;
    [[nodiscard]] Level level() const { return m_level; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyTint();

    QLabel* m_label;
    Level m_level = Level::Information;
    bool m_tinting = false; // applyTint's own setPalette must not start it again
};

} // namespace tb::ui
