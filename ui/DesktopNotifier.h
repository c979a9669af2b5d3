// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace tb::ui {

// Tells the administrator that something long has finished (a test sync, a rollout stage, an apply) while the
// window is in the background: a desktop notification through the freedesktop Notifications service on the
// session bus (GNOME, KDE and most Linux desktops; the service is D-Bus activated), and the taskbar entry asks
// for attention (QApplication::alert). Nothing is shown while the window is the active one: the page already
// says it. The text must not hold a secret; it says what finished, never a token or a code. GUI thread.
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    explicit DesktopNotifier(QWidget* window, QObject* parent = nullptr);

    // Returns whether a notification was sent (false while the window is active).
    bool notify(const QString& summary, const QString& body);

    // The app id the notification names (the desktop entry's), for the desktop to show the right icon.
    static const QString& desktopEntry();

signals:
    // The service refused or is not there; the taskbar alert still happened.
    void deliveryFailed(const QString& reason);

private:
    QPointer<QWidget> m_window;
};

} // namespace tb::ui
