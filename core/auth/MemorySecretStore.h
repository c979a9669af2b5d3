// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/SecretStore.h"

#include <QHash>

namespace tb::auth {

// Secrets in process memory only: the fallback when KeychainSecretStore::probe() fails (the UI then says the
// session is not remembered), and the store of tests that need no keychain. Changes apply at once, answers come
// later like the keychain's. Values are overwritten with zeros when removed, replaced or when the store is
// destroyed. Owned by whoever wires sign-in; used on one thread.
class MemorySecretStore final : public SecretStore
{
public:
    MemorySecretStore() = default;
    ~MemorySecretStore() override;
    Q_DISABLE_COPY_MOVE(MemorySecretStore)

    void read(const QString& key, QObject* context, ReadCallback callback) override;
    void write(const QString& key, const QByteArray& value, QObject* context, Callback callback) override;
    void remove(const QString& key, QObject* context, Callback callback) override;
    [[nodiscard]] bool isPersistent() const override { return false; }

    // How many keys hold a value (for diagnostics and tests).
    [[nodiscard]] int size() const { return static_cast<int>(m_values.size()); }

private:
    QHash<QString, QByteArray> m_values; // each value owns its buffer alone, so wipe() really zeroes it
};

} // namespace tb::auth
