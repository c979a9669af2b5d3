// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/SecretStoreError.h"
#include "core/model/CloudInstance.h"

#include <QByteArray>
#include <QString>

#include <functional>

class QObject;

namespace tb::auth {

// Where refresh tokens are kept between runs: KeychainSecretStore (the OS keychain) or MemorySecretStore (the
// fallback when no keychain answers; nothing survives the process). Owned by whoever wires sign-in; used on the
// thread that created it. Keys come from makeKey() so that two tenants or accounts never share an entry.
class SecretStore
{
public:
    using ReadCallback = std::function<void(const SecretStoreError& error, const QByteArray& value)>;
    using Callback = std::function<void(const SecretStoreError& error)>;

    virtual ~SecretStore() = default;

    // Each operation answers exactly once, later from the event loop (never inside the call), on context's
    // thread, and not at all when context is destroyed first. A null context means nobody wants the answer; the
    // operation still runs.
    virtual void read(const QString& key, QObject* context, ReadCallback callback) = 0;
    virtual void write(const QString& key, const QByteArray& value, QObject* context, Callback callback) = 0;
    // Removing a key that holds nothing succeeds.
    virtual void remove(const QString& key, QObject* context, Callback callback) = 0;

    // False when values do not survive the process (the UI then says the session is not remembered).
    [[nodiscard]] virtual bool isPersistent() const = 0;

    // "<service>/<cloud>/<tenant id>/<home account id>", each part percent-encoded (so none holds '/' or '.',
    // which keeps chunk keys "key.N" apart from every made key) and ids in lower case. Empty when any part is
    // empty; the stores refuse empty keys.
    [[nodiscard]] static QString makeKey(const QString& service, const model::CloudInstance& cloud,
        const QString& tenantId, const QString& homeAccountId);

    // Overwrites bytes with zeros when this is the only reference to its buffer, then empties it. A shared
    // buffer is only released: writing to it would copy it first and leave the original untouched.
    static void wipe(QByteArray& bytes);

protected:
    // Runs call later on context's thread unless context is gone by then; nothing when context is null.
    static void deliverLater(QObject* context, std::function<void()> call);
};

} // namespace tb::auth
