// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/MemorySecretStore.h"
#include "tests/support/SignalWaiter.h"

#include <QCoreApplication>
#include <QObject>

#include <catch2/catch.hpp>

#include <memory>
#include <optional>

using tb::auth::MemorySecretStore;
using tb::auth::SecretStoreError;
using Kind = tb::auth::SecretStoreError::Kind;

namespace {

struct ReadOutcome
{
    SecretStoreError error;
    QByteArray value;
};

ReadOutcome readNow(MemorySecretStore& store, const QString& key)
{
    QObject context;
    std::optional<ReadOutcome> outcome;
    store.read(key, &context, [&](const SecretStoreError& error, const QByteArray& value) {
        outcome = ReadOutcome {error, value};
    });
    REQUIRE(tb::test::SignalWaiter::waitUntil([&] { return outcome.has_value(); }));
    return *outcome;
}

SecretStoreError writeNow(MemorySecretStore& store, const QString& key, const QByteArray& value)
{
    QObject context;
    std::optional<SecretStoreError> outcome;
    store.write(key, value, &context, [&](const SecretStoreError& error) { outcome = error; });
    REQUIRE(tb::test::SignalWaiter::waitUntil([&] { return outcome.has_value(); }));
    return *outcome;
}

SecretStoreError removeNow(MemorySecretStore& store, const QString& key)
{
    QObject context;
    std::optional<SecretStoreError> outcome;
    store.remove(key, &context, [&](const SecretStoreError& error) { outcome = error; });
    REQUIRE(tb::test::SignalWaiter::waitUntil([&] { return outcome.has_value(); }));
    return *outcome;
}

} // namespace

TEST_CASE("MemorySecretStore round-trips values, including empty and binary ones", "[auth][secretstore]")
{
    MemorySecretStore store;
    CHECK_FALSE(store.isPersistent());
    const QByteArray binary = QByteArray("a\0b\0\xff", 5);
    CHECK_FALSE(writeNow(store, QStringLiteral("k1"), binary).isError());
    CHECK_FALSE(writeNow(store, QStringLiteral("k2"), QByteArray()).isError());
    const ReadOutcome one = readNow(store, QStringLiteral("k1"));
    CHECK_FALSE(one.error.isError());
    CHECK(one.value == binary);
    const ReadOutcome two = readNow(store, QStringLiteral("k2"));
    CHECK_FALSE(two.error.isError());
    CHECK(two.value.isEmpty());
    CHECK(store.size() == 2);
}

TEST_CASE("MemorySecretStore reports a missing key as NotFound with a sentence", "[auth][secretstore]")
{
    MemorySecretStore store;
    const ReadOutcome outcome = readNow(store, QStringLiteral("missing"));
    CHECK(outcome.error.kind() == Kind::NotFound);
    CHECK(outcome.error.key() == QStringLiteral("missing"));
    CHECK_FALSE(outcome.error.message().isEmpty());
    CHECK(outcome.value.isEmpty());
}

TEST_CASE("MemorySecretStore overwrites and removes values", "[auth][secretstore]")
{
    MemorySecretStore store;
    REQUIRE_FALSE(writeNow(store, QStringLiteral("k"), QByteArrayLiteral("first, longer value")).isError());
    REQUIRE_FALSE(writeNow(store, QStringLiteral("k"), QByteArrayLiteral("second")).isError());
    CHECK(readNow(store, QStringLiteral("k")).value == QByteArrayLiteral("second"));
    CHECK_FALSE(removeNow(store, QStringLiteral("k")).isError());
    CHECK(readNow(store, QStringLiteral("k")).error.kind() == Kind::NotFound);
    CHECK(store.size() == 0);
    // Removing what is not there succeeds, like the keychain.
    CHECK_FALSE(removeNow(store, QStringLiteral("k")).isError());
}

TEST_CASE("MemorySecretStore keeps its own copy of a written value", "[auth][secretstore]")
{
    MemorySecretStore store;
    QByteArray value = QByteArrayLiteral("secret");
    REQUIRE_FALSE(writeNow(store, QStringLiteral("k"), value).isError());
    value[0] = 'X';
    CHECK(readNow(store, QStringLiteral("k")).value == QByteArrayLiteral("secret"));
    // A value handed out stays intact after the store forgets its own.
    const QByteArray handedOut = readNow(store, QStringLiteral("k")).value;
    REQUIRE_FALSE(removeNow(store, QStringLiteral("k")).isError());
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
    CHECK(readNow(store, QStringLiteral("k")).value == QByteArrayLiteral("v"));
    QCoreApplication::processEvents();
    CHECK_FALSE(called);
    // A null context means nobody listens: the operation still runs.
    store.remove(QStringLiteral("k"), nullptr, nullptr);
    CHECK(readNow(store, QStringLiteral("k")).error.kind() == Kind::NotFound);
}

TEST_CASE("MemorySecretStore refuses an empty key", "[auth][secretstore]")
{
    MemorySecretStore store;
    const SecretStoreError error = writeNow(store, QString(), QByteArrayLiteral("v"));
    CHECK(error.kind() == Kind::Other);
    CHECK(store.size() == 0);
}
