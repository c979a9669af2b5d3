// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/MemorySecretStore.h"

#include "core/CoreLogging.h"

#include <utility>

namespace tb::auth {

namespace {

// A copy that shares no buffer with the original: the store can zero its own bytes without touching (or
// copying) anyone else's.
QByteArray deepCopy(const QByteArray& bytes)
{
    return QByteArray(bytes.constData(), bytes.size());
}

} // namespace

MemorySecretStore::~MemorySecretStore()
{
    for (auto it = m_values.begin(); it != m_values.end(); ++it) {
        wipe(it.value());
    }
}

void MemorySecretStore::read(const QString& key, QObject* context, ReadCallback callback)
{
    SecretStoreError error;
    QByteArray value;
    const auto it = m_values.constFind(key);
    if (key.isEmpty()) {
        error = SecretStoreError(SecretStoreError::Kind::Other, key, QStringLiteral("empty key"));
    } else if (it == m_values.cend()) {
        error = SecretStoreError(SecretStoreError::Kind::NotFound, key);
    } else if (context != nullptr) {
        value = deepCopy(it.value());
    }
    qCDebug(lcAuth) << "memory secret store: read" << key << SecretStoreError::kindName(error.kind());
    deliverLater(context, [callback = std::move(callback), error, value]() mutable {
        if (callback) {
            callback(error, value);
        }
        wipe(value);
    });
}

void MemorySecretStore::write(const QString& key, const QByteArray& value, QObject* context, Callback callback)
{
    SecretStoreError error;
    if (key.isEmpty()) {
        error = SecretStoreError(SecretStoreError::Kind::Other, key, QStringLiteral("empty key"));
    } else {
        auto it = m_values.find(key);
        if (it != m_values.end()) {
            wipe(it.value());
            it.value() = deepCopy(value);
        } else {
            m_values.insert(key, deepCopy(value));
        }
    }
    qCDebug(lcAuth) << "memory secret store: write" << key << SecretStoreError::kindName(error.kind());
    deliverLater(context, [callback = std::move(callback), error] {
        if (callback) {
            callback(error);
        }
    });
}

void MemorySecretStore::remove(const QString& key, QObject* context, Callback callback)
{
    SecretStoreError error;
    if (key.isEmpty()) {
        error = SecretStoreError(SecretStoreError::Kind::Other, key, QStringLiteral("empty key"));
    } else if (auto it = m_values.find(key); it != m_values.end()) {
        wipe(it.value());
        m_values.erase(it);
    }
    qCDebug(lcAuth) << "memory secret store: remove" << key << SecretStoreError::kindName(error.kind());
    deliverLater(context, [callback = std::move(callback), error] {
        if (callback) {
            callback(error);
        }
    });
}

} // namespace tb::auth
