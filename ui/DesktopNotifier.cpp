// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DesktopNotifier.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>
#include <QWidget>

namespace tb::ui {

namespace {

// The freedesktop Desktop Notifications Specification, version 1.2.
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
constexpr int kExpireAfterMs = 10000;

} // namespace

DesktopNotifier::DesktopNotifier(QWidget* window, QObject* parent)
    : QObject(parent)
    , m_window(window)
{ }

const QString& DesktopNotifier::desktopEntry()
{
    static const QString entry = QStringLiteral("io.github.tenantbridge.TenantBridge"); // packaging/linux
    return entry;
}

bool DesktopNotifier::notify(const QString& summary, const QString& body)
{
    if (m_window && m_window->isActiveWindow()) {
        return false;
    }
    if (m_window) {
        QApplication::alert(m_window);
    }
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        emit deliveryFailed(tr("There is no session bus to send a desktop notification on."));
        return true;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    const QVariantMap hints {{QStringLiteral("desktop-entry"), desktopEntry()}};
    // The body is markup for some servers: escape it, so a tenant's name cannot format the text.
    call << QCoreApplication::applicationName() << 0U << desktopEntry() << summary << body.toHtmlEscaped()
         << QStringList() << hints << kExpireAfterMs;
    auto* watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher* finished) {
        const QDBusPendingReply<uint> reply = *finished;
        if (reply.isError()) {
            emit deliveryFailed(reply.error().message());
        }
        finished->deleteLater();
    });
    return true;
}

} // namespace tb::ui
