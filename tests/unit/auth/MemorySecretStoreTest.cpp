// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/MemorySecretStore.h"
#include "tests/support/SignalWaiter.h"

#include <QCoreApplication>
#include <QObject>

#include "tests/support/SecretStoreWait.h"

#include <catch2/catch.hpp>

#include <memory>
#include <optional>

using tb::auth::MemorySecretStore;
using tb::auth::SecretStoreError;
using Kind = tb::auth::SecretStoreError::Kind;
using tb::test::SecretStoreWait;

TEST_CASE("MemorySecretStore round-trips values, including empty and binary ones", "[auth][secretstore]")
{
    MemorySecretStore store;
    CHECK_FALSE(store.isPersistent());
    const QByteArray binary = QByteArray("a\0b\0\xff", 5);
    CHECK_FALSE(SecretStoreWait::write(store, QStringLiteral("k1"), binary).isError());
    CHECK_FALSE(SecretStoreWait::write(store, QStringLiteral("k2"), QByteArray()).isError());
    const SecretStoreWait::ReadOutcome one = SecretStoreWait::read(store, QStringLiteral("k1"));
    CHECK_FALSE(one.error.isError());
    CHECK(one.value == binary);
    const SecretStoreWait::ReadOutcome two = SecretStoreWait::read(store, QStringLiteral("k2"));
    CHECK_FALSE(two.error.isError());
    CHECK(two.value.isEmpty());
    CHECK(store.size() == 2);
}

TEST_CASE("MemorySecretStore reports a missing key as NotFound with a sentence", "[auth][secretstore]")
{
    MemorySecretStore store;
    const SecretStoreWait::ReadOutcome outcome = SecretStoreWait::read(store, QStringLiteral("missing"));
    CHECK(outcome.error.kind() == Kind::NotFound);
    CHECK(outcome.error.key() == QStringLiteral("missing"));
    CHECK_FALSE(outcome.error.message().isEmpty());
    CHECK(outcome.value.isEmpty());
}

TEST_CASE("MemorySecretStore overwrites and removes values", "[auth][secretstore]")
{
    MemorySecretStore store;
    REQUIRE_FALSE(
        SecretStoreWait::write(store, QStringLiteral("k"), QByteArrayLiteral("first, longer value")).isError());
    REQUIRE_FALSE(SecretStoreWait::write(store, QStringLiteral("k"), QByteArrayLiteral("second")).isError());
    CHECK(SecretStoreWait::read(store, QStringLiteral("k")).value == QByteArrayLiteral("second"));
    CHECK_FALSE(SecretStoreWait::remove(store, QStringLiteral("k")).isError());
    CHECK(SecretStoreWait::read(store, QStringLiteral("k")).error.kind() == Kind::NotFound);
    CHECK(store.size() == 0);
    // Removing what is not there succeeds, like the keychain.
    CHECK_FALSE(SecretStoreWait::remove(store, QStringLiteral("k")).isError());
}

TEST_CASE("MemorySecretStore keeps its own copy of a written value", "[auth][secretstore]")
{
    MemorySecretStore store;
    QByteArray value = QByteArrayLiteral("secret");
    REQUIRE_FALSE(SecretStoreWait::write(store, QStringLiteral("k"), value).isError());
    value[0] = 'X';
    CHECK(SecretStoreWait::read(store, QStringLiteral("k")).value == QByteArrayLiteral("secret"));
    // A value handed out stays intact after the store forgets its own.
    const QByteArray handedOut = SecretStoreWait::read(store, QStringLiteral("k")).value;
    REQUIRE_FALSE(SecretStoreWait::remove(store, QStringLiteral("k")).isError());
    CHECK(handedOut == QByteArrayLiteral("secret"));
}

TEST_CASE("MemorySecretStore answers later, never inside the call", "[auth][secretstore]")
{
    MemorySecretStore store;
    QObject context;
    int answers = 0;
    store.write(QStringLiteral("k"), QByteArrayLiteral("v"), &context, [&](const SecretStoreError&) { ++answers; });
    store.read(QStringLiteral("k"), &context, [&](const SecretStoreError&, const QByteArray&) { ++answers; });
    store.remove(QStringLiteral("k"), &context, [&](const SecretStoreError&) { ++answers; });
    CHECK(answers == 0);
    REQUIRE(tb::test::SignalWaiter::waitUntil([&] { return answers == 3; }));
    QCoreApplication::processEvents();
    CHECK(answers == 3); // exactly once each
}

TEST_CASE("MemorySecretStore delivers nothing to a destroyed context", "[auth][secretstore]")
{
    MemorySecretStore store;
    auto context = std::make_unique<QObject>();
    bool called = false;
    store.write(
        QStringLiteral("k"), QByteArrayLiteral("v"), context.get(), [&](const SecretStoreError&) { called = true; });
    context.reset();
    // The write itself happened; only its answer is dropped.
    CHECK(SecretStoreWait::read(store, QStringLiteral("k")).value == QByteArrayLiteral("v"));
    QCoreApplication::processEvents();
    CHECK_FALSE(called);
    // A null context means nobody listens: the operation still runs.
    store.remove(QStringLiteral("k"), nullptr, nullptr);
    CHECK(SecretStoreWait::read(store, QStringLiteral("k")).error.kind() == Kind::NotFound);
}

TEST_CASE("MemorySecretStore refuses an empty key", "[auth][secretstore]")
{
    MemorySecretStore store;
    const SecretStoreError error = SecretStoreWait::write(store, QString(), QByteArrayLiteral("v"));
    CHECK(error.kind() == Kind::Other);
    CHECK(store.size() == 0);
}
