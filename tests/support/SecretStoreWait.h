// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/SecretStoreError.h"

#include <QByteArray>
#include <QString>

namespace tb::auth {
class SecretStore;
}

namespace tb::test {

// Runs one secret-store operation and waits for its answer (through the event loop, with SignalWaiter's
// ceiling), so that a test reads like the sequence of operations it checks. Shared by the store tests.
class SecretStoreWait final
{
public:
    struct ReadOutcome
    {
        auth::SecretStoreError error;
        QByteArray value;
    };

    SecretStoreWait() = delete;

    [[nodiscard]] static ReadOutcome read(auth::SecretStore& store, const QString& key);
    [[nodiscard]] static auth::SecretStoreError write(
        auth::SecretStore& store, const QString& key, const QByteArray& value);
    [[nodiscard]] static auth::SecretStoreError remove(auth::SecretStore& store, const QString& key);
};

} // namespace tb::test
