// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/SecretStoreWait.h"

#include "core/auth/SecretStore.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QObject>

#include <optional>

namespace tb::test {

SecretStoreWait::ReadOutcome SecretStoreWait::read(auth::SecretStore& store, const QString& key)
{
    QObject context;
    std::optional<ReadOutcome> outcome;
    store.read(key, &context, [&](const auth::SecretStoreError& error, const QByteArray& value) {
        outcome = ReadOutcome {error, value};
    });
    REQUIRE(SignalWaiter::waitUntil([&] { return outcome.has_value(); }));
    return *outcome;
}

auth::SecretStoreError SecretStoreWait::write(auth::SecretStore& store, const QString& key, const QByteArray& value)
{
    QObject context;
    std::optional<auth::SecretStoreError> outcome;
    store.write(key, value, &context, [&](const auth::SecretStoreError& error) { outcome = error; });
    REQUIRE(SignalWaiter::waitUntil([&] { return outcome.has_value(); }));
    return *outcome;
}

auth::SecretStoreError SecretStoreWait::remove(auth::SecretStore& store, const QString& key)
{
    QObject context;
    std::optional<auth::SecretStoreError> outcome;
    store.remove(key, &context, [&](const auth::SecretStoreError& error) { outcome = error; });
    REQUIRE(SignalWaiter::waitUntil([&] { return outcome.has_value(); }));
    return *outcome;
}

} // namespace tb::test
