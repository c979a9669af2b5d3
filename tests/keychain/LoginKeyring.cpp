// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/keychain/LoginKeyring.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>
#include <QList>

namespace {

const QString kService = QStringLiteral("org.freedesktop.secrets");
const QString kServicePath = QStringLiteral("/org/freedesktop/secrets");

// The Secret Service's Secret struct, (oayays): session, parameters, value, content type.
struct Secret
{
    QDBusObjectPath session;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
};

QDBusArgument& operator<<(QDBusArgument& argument, const Secret& secret)
{
    argument.beginStructure();
    argument << secret.session << secret.parameters << secret.value << secret.contentType;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, Secret& secret)
{
    argument.beginStructure();
    argument >> secret.session >> secret.parameters >> secret.value >> secret.contentType;
    argument.endStructure();
    return argument;
}

} // namespace

Q_DECLARE_METATYPE(Secret)

namespace tb::test {

QString LoginKeyring::lock()
{
    QDBusInterface service(
        kService, kServicePath, QStringLiteral("org.freedesktop.Secret.Service"), QDBusConnection::sessionBus());
    const QDBusMessage reply
        = service.call(QStringLiteral("Lock"), QVariant::fromValue(QList<QDBusObjectPath> {QDBusObjectPath(kPath)}));
    if (reply.type() == QDBusMessage::ErrorMessage) {
        return reply.errorMessage();
    }
    return isLocked() ? QString() : QStringLiteral("Lock answered, but the collection is still unlocked");
}

QString LoginKeyring::unlock(const QString& password)
{
    qDBusRegisterMetaType<Secret>();
    QDBusInterface service(
        kService, kServicePath, QStringLiteral("org.freedesktop.Secret.Service"), QDBusConnection::sessionBus());
    // OpenSession("plain", ""): (v output, o session).
    const QDBusMessage opened = service.call(
        QStringLiteral("OpenSession"), QStringLiteral("plain"), QVariant::fromValue(QDBusVariant(QString())));
    if (opened.type() == QDBusMessage::ErrorMessage || opened.arguments().size() != 2) {
        return QStringLiteral("OpenSession: ") + opened.errorMessage();
    }
    const QDBusObjectPath session = opened.arguments().at(1).value<QDBusObjectPath>();
    QDBusInterface internal(kService, kServicePath,
        QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"), QDBusConnection::sessionBus());
    const Secret master {session, QByteArray(), password.toUtf8(), QStringLiteral("text/plain")};
    const QDBusMessage reply = internal.call(QStringLiteral("UnlockWithMasterPassword"),
        QVariant::fromValue(QDBusObjectPath(kPath)), QVariant::fromValue(master));
    QDBusInterface(
        kService, session.path(), QStringLiteral("org.freedesktop.Secret.Session"), QDBusConnection::sessionBus())
        .call(QStringLiteral("Close"));
    if (reply.type() == QDBusMessage::ErrorMessage) {
        return QStringLiteral("UnlockWithMasterPassword: ") + reply.errorMessage();
    }
    QString error;
    if (isLocked(&error)) {
        return QStringLiteral("the collection is still locked");
    }
    return error;
}

bool LoginKeyring::isLocked(QString* error)
{
    QDBusInterface collection(
        kService, kPath, QStringLiteral("org.freedesktop.Secret.Collection"), QDBusConnection::sessionBus());
    const QVariant locked = collection.property("Locked");
    if (!locked.isValid()) {
        if (error) {
            *error = collection.lastError().message();
        }
        return false;
    }
    return locked.toBool();
}

} // namespace tb::test
