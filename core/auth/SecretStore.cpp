// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/SecretStore.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <utility>

namespace tb::auth {

namespace {

QString encodePart(const QString& part)
{
    // Percent-encode everything but letters, digits, '-', '_' and '~': '.' and '/' never appear unencoded.
    return QString::fromLatin1(QUrl::toPercentEncoding(part, QByteArray(), QByteArrayLiteral(".")));
}

} // namespace

QString SecretStore::makeKey(
    const QString& service, const model::CloudInstance& cloud, const QString& tenantId, const QString& homeAccountId)
{
    if (service.isEmpty() || tenantId.isEmpty() || homeAccountId.isEmpty()) {
        return {};
    }
    // Tenant ids and home account ids ("<object id>.<tenant id>") are GUIDs, compared case-insensitively.
    return encodePart(service) + QLatin1Char('/') + encodePart(cloud.name()) + QLatin1Char('/')
        + encodePart(tenantId.toLower()) + QLatin1Char('/') + encodePart(homeAccountId.toLower());
}

void SecretStore::wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty() && bytes.isDetached()) {
        volatile char* data = bytes.data();
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            data[i] = 0;
        }
    }
    bytes.clear();
}

void SecretStore::deliverLater(QObject* context, std::function<void()> call)
{
    if (context == nullptr) {
        return;
    }
    // Queued to the context: runs on its thread, after the caller returned, and is dropped with the context.
    QMetaObject::invokeMethod(context, std::move(call), Qt::QueuedConnection);
}

} // namespace tb::auth
