// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/keychain/LoginKeyring.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>
#include <QList>

namespace {

const QString kService = QStringLiteral("org.freedesktop.secrets");
const QString kServicePath = QStringLiteral("/org/freedesktop/secrets");

// Plain method calls rather than QDBusInterface: an interface introspects its object and Qt caches the meta-object
// it builds until the connection goes, which the session bus never does before exit, so LeakSanitizer reports it.
QDBusMessage callSecrets(
    const QString& path, const QString& interface, const QString& method, const QVariantList& arguments = {})
{
    QDBusMessage call = QDBusMessage::createMethodCall(kService, path, interface, method);
    call.setArguments(arguments);
    return QDBusConnection::sessionBus().call(call);
}

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
    const QDBusMessage reply = callSecrets(kServicePath, QStringLiteral("org.freedesktop.Secret.Service"),
        QStringLiteral("Lock"), {QVariant::fromValue(QList<QDBusObjectPath> {QDBusObjectPath(kPath)})});
    if (reply.type() == QDBusMessage::ErrorMessage) {
        return reply.errorMessage();
    }
    return isLocked() ? QString() : QStringLiteral("Lock answered, but the collection is still unlocked");
}

QString LoginKeyring::unlock(const QString& password)
{
    qDBusRegisterMetaType<Secret>();
    // OpenSession("plain", ""): (v output, o session).
    const QDBusMessage opened = callSecrets(kServicePath, QStringLiteral("org.freedesktop.Secret.Service"),
        QStringLiteral("OpenSession"), {QStringLiteral("plain"), QVariant::fromValue(QDBusVariant(QString()))});
    if (opened.type() == QDBusMessage::ErrorMessage || opened.arguments().size() != 2) {
        return QStringLiteral("OpenSession: ") + opened.errorMessage();
    }
    const QDBusObjectPath session = opened.arguments().at(1).value<QDBusObjectPath>();
    const Secret master {session, QByteArray(), password.toUtf8(), QStringLiteral("text/plain")};
    const QDBusMessage reply
        = callSecrets(kServicePath, QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"),
            QStringLiteral("UnlockWithMasterPassword"),
            {QVariant::fromValue(QDBusObjectPath(kPath)), QVariant::fromValue(master)});
    callSecrets(session.path(), QStringLiteral("org.freedesktop.Secret.Session"), QStringLiteral("Close"));
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
    const QDBusMessage reply = callSecrets(kPath, QStringLiteral("org.freedesktop.DBus.Properties"),
        QStringLiteral("Get"), {QStringLiteral("org.freedesktop.Secret.Collection"), QStringLiteral("Locked")});
    if (reply.type() == QDBusMessage::ErrorMessage || reply.arguments().isEmpty()) {
        if (error) {
            *error = reply.errorMessage();
        }
        return false;
    }
    return reply.arguments().first().value<QDBusVariant>().variant().toBool();
}

} // namespace tb::test
