// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// KeychainSecretStore against the real Secret Service (gnome-keyring, unlocked, inside dbus-run-session: see
// .ci/test-session). Each test uses its own service name and removes what it wrote; raw QtKeychain jobs look
// at individual chunk entries behind the store's back.
#include "core/auth/KeychainSecretStore.h"
#include "core/auth/SecretChunking.h"
#include "tests/support/SignalWaiter.h"

#include <qt6keychain/keychain.h>

#include <QObject>
#include <QUuid>

#include "tests/support/SecretStoreWait.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <optional>

using tb::auth::KeychainSecretStore;
using tb::auth::SecretChunking;
using tb::auth::SecretStore;
using tb::auth::SecretStoreError;
using Kind = tb::auth::SecretStoreError::Kind;
using tb::test::SecretStoreWait;
using namespace std::chrono_literals;

namespace {

QString uniqueService()
{
    return QStringLiteral("tb-keychain-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray binaryValue(int size)
{
    QByteArray bytes(size, '\0');
    for (int i = 0; i < size; ++i) {
        bytes[i] = static_cast<char>((i * 131 + i / 256) % 256); // every byte value, NULs included
    }
    return bytes;
}

// Straight to QtKeychain, bypassing the store: what is really in the keyring under one entry key.
struct RawEntry
{
    QKeychain::Error error = QKeychain::OtherError;
    QByteArray data;
};

RawEntry rawRead(const QString& service, const QString& entryKey)
{
    auto* job = new QKeychain::ReadPasswordJob(service);
    job->setInsecureFallback(false);
    job->setKey(entryKey);
    std::optional<RawEntry> entry;
    QObject::connect(job, &QKeychain::Job::finished, job, [&](QKeychain::Job*) {
        entry = RawEntry {job->error(), job->binaryData()};
    });
    job->start();
    REQUIRE(tb::test::SignalWaiter::waitUntil([&] { return entry.has_value(); }));
    return *entry;
}

void rawWrite(const QString& service, const QString& entryKey, const QByteArray& data)
{
    auto* job = new QKeychain::WritePasswordJob(service);
    job->setInsecureFallback(false);
    job->setKey(entryKey);
    job->setBinaryData(data);
    std::optional<QKeychain::Error> error;
    QObject::connect(job, &QKeychain::Job::finished, job, [&](QKeychain::Job*) { error = job->error(); });
    job->start();
    REQUIRE(tb::test::SignalWaiter::waitUntil([&] { return error.has_value(); }));
    REQUIRE(*error == QKeychain::NoError);
}

void rawDelete(const QString& service, const QString& entryKey)
{
    auto* job = new QKeychain::DeletePasswordJob(service);
    job->setKey(entryKey);
    bool done = false;
    QObject::connect(job, &QKeychain::Job::finished, job, [&](QKeychain::Job*) { done = true; });
    job->start();
    REQUIRE(tb::test::SignalWaiter::waitUntil([&] { return done; }));
}

// How many chunk entries exist for key, counting up from chunk 0 until one is missing (checked up to limit).
int countEntries(const QString& service, const QString& key, int limit)
{
    int found = 0;
    for (int i = 0; i < limit; ++i) {
        if (rawRead(service, SecretChunking::chunkKey(key, i)).error == QKeychain::NoError) {
            ++found;
        }
    }
    return found;
}

// Removes every entry a test wrote, even when a REQUIRE failed half-way.
class EntryCleanup final
{
public:
    EntryCleanup(QString service, int maxChunks)
        : m_service(std::move(service))
        , m_maxChunks(maxChunks)
    { }
    ~EntryCleanup()
    {
        for (const QString& key : m_keys) {
            for (int i = 0; i < m_maxChunks; ++i) {
                rawDelete(m_service, SecretChunking::chunkKey(key, i));
            }
        }
    }
    Q_DISABLE_COPY_MOVE(EntryCleanup)
    const QString& add(const QString& key)
    {
        m_keys.append(key);
        return m_keys.last();
    }

private:
    QString m_service;
    int m_maxChunks;
    QStringList m_keys;
};

QString keyFor(const QString& service, const QString& tenantSuffix)
{
    return SecretStore::makeKey(service, tb::model::CloudInstance(),
        QStringLiteral("00000000-0000-0000-0000-00000000000") + tenantSuffix,
        QStringLiteral("aaaaaaaa-0000-0000-0000-000000000000.00000000-0000-0000-0000-00000000000") + tenantSuffix);
}

} // namespace

TEST_CASE("KeychainSecretStore round-trips small, empty and large binary values", "[keychain]")
{
    const QString service = uniqueService();
    KeychainSecretStore store(service);
    CHECK(store.isPersistent());
    EntryCleanup cleanup(service, 2);

    const QString small = cleanup.add(keyFor(service, QStringLiteral("1")));
    const QByteArray smallValue = QByteArrayLiteral("0.AAAA-refresh-token");
    REQUIRE_FALSE(SecretStoreWait::write(store, small, smallValue).isError());
    SecretStoreWait::ReadOutcome outcome = SecretStoreWait::read(store, small);
    CHECK_FALSE(outcome.error.isError());
    CHECK(outcome.value == smallValue);

    const QString empty = cleanup.add(keyFor(service, QStringLiteral("2")));
    REQUIRE_FALSE(SecretStoreWait::write(store, empty, QByteArray()).isError());
    outcome = SecretStoreWait::read(store, empty);
    CHECK_FALSE(outcome.error.isError());
    CHECK(outcome.value.isEmpty());

    // 100 000 bytes with the default chunk size: 49 entries.
    const QString large = keyFor(service, QStringLiteral("3"));
    EntryCleanup largeCleanup(service, 50);
    largeCleanup.add(large);
    const QByteArray largeValue = binaryValue(100000);
    REQUIRE(largeValue.contains('\0'));
    REQUIRE_FALSE(SecretStoreWait::write(store, large, largeValue).isError());
    CHECK(countEntries(service, large, 50) == 49);
    outcome = SecretStoreWait::read(store, large);
    CHECK_FALSE(outcome.error.isError());
    CHECK(outcome.value == largeValue);

    for (const QString& key : {small, empty, large}) {
        CHECK_FALSE(SecretStoreWait::remove(store, key).isError());
        CHECK(SecretStoreWait::read(store, key).error.kind() == Kind::NotFound);
    }
}

TEST_CASE("KeychainSecretStore splits a value into chunks and reads it back whole", "[keychain]")
{
    const QString service = uniqueService();
    KeychainSecretStore store(service);
    store.setChunkSize(64);
    EntryCleanup cleanup(service, 12);
    const QString key = cleanup.add(keyFor(service, QStringLiteral("1")));

    const QByteArray value = binaryValue(600); // 10 chunks of 64 bytes, the last one 24
    REQUIRE_FALSE(SecretStoreWait::write(store, key, value).isError());
    CHECK(countEntries(service, key, 12) == 10);
    // Each entry holds at most the chunk size (plus the header in chunk 0).
    CHECK(rawRead(service, key).data.size() == SecretChunking::kHeaderSize + 64);
    CHECK(rawRead(service, SecretChunking::chunkKey(key, 1)).data == value.mid(64, 64));
    CHECK(rawRead(service, SecretChunking::chunkKey(key, 9)).data == value.mid(576));

    const SecretStoreWait::ReadOutcome outcome = SecretStoreWait::read(store, key);
    CHECK_FALSE(outcome.error.isError());
    CHECK(outcome.value == value);

    CHECK_FALSE(SecretStoreWait::remove(store, key).isError());
    CHECK(countEntries(service, key, 12) == 0);
}

TEST_CASE("KeychainSecretStore leaves no stale chunk after a shorter value", "[keychain]")
{
    const QString service = uniqueService();
    KeychainSecretStore store(service);
    store.setChunkSize(64);
    EntryCleanup cleanup(service, 8);
    const QString key = cleanup.add(keyFor(service, QStringLiteral("1")));

    REQUIRE_FALSE(SecretStoreWait::write(store, key, binaryValue(64 * 5)).isError());
    REQUIRE(countEntries(service, key, 8) == 5);

    const QByteArray shorter = QByteArrayLiteral("short enough for two chunks of sixty-four bytes, or a little more "
                                                 "than that");
    REQUIRE(SecretChunking::chunkCount(shorter.size(), 64) == 2);
    REQUIRE_FALSE(SecretStoreWait::write(store, key, shorter).isError());
    for (int i = 2; i < 6; ++i) {
        INFO("chunk " << i);
        CHECK(rawRead(service, SecretChunking::chunkKey(key, i)).error == QKeychain::EntryNotFound);
    }
    const SecretStoreWait::ReadOutcome outcome = SecretStoreWait::read(store, key);
    CHECK_FALSE(outcome.error.isError());
    CHECK(outcome.value == shorter);

    // Leftovers behind a chunk 0 the store cannot parse (an older format, an interrupted write) go as well.
    rawWrite(service, key, QByteArrayLiteral("not a header"));
    rawWrite(service, SecretChunking::chunkKey(key, 1), QByteArrayLiteral("leftover 1"));
    rawWrite(service, SecretChunking::chunkKey(key, 2), QByteArrayLiteral("leftover 2"));
    REQUIRE_FALSE(SecretStoreWait::write(store, key, QByteArrayLiteral("one chunk")).isError());
    CHECK(countEntries(service, key, 4) == 1);
    CHECK(SecretStoreWait::read(store, key).value == QByteArrayLiteral("one chunk"));

    CHECK_FALSE(SecretStoreWait::remove(store, key).isError());
}

TEST_CASE("KeychainSecretStore reports damaged or missing chunks instead of a wrong value", "[keychain]")
{
    const QString service = uniqueService();
    KeychainSecretStore store(service);
    store.setChunkSize(64);
    EntryCleanup cleanup(service, 6);
    const QString key = cleanup.add(keyFor(service, QStringLiteral("1")));
    const QByteArray value = binaryValue(64 * 4);

    SECTION("a chunk overwritten with other bytes of the same length")
    {
        REQUIRE_FALSE(SecretStoreWait::write(store, key, value).isError());
        QByteArray damaged = value.mid(64, 64);
        damaged[10] = static_cast<char>(damaged[10] ^ 0x5a);
        rawWrite(service, SecretChunking::chunkKey(key, 1), damaged);
        const SecretStoreWait::ReadOutcome outcome = SecretStoreWait::read(store, key);
        CHECK(outcome.error.kind() == Kind::Damaged);
        CHECK_FALSE(outcome.error.message().isEmpty());
        CHECK(outcome.value.isEmpty());
    }
    SECTION("a missing last chunk")
    {
        REQUIRE_FALSE(SecretStoreWait::write(store, key, value).isError());
        rawDelete(service, SecretChunking::chunkKey(key, 3));
        const SecretStoreWait::ReadOutcome outcome = SecretStoreWait::read(store, key);
        CHECK(outcome.error.kind() == Kind::Damaged);
        CHECK(outcome.error.detail().contains(QStringLiteral("missing")));
        CHECK(outcome.value.isEmpty());
    }
    SECTION("an entry without our header")
    {
        rawWrite(service, key, QByteArrayLiteral("plain refresh token from elsewhere"));
        const SecretStoreWait::ReadOutcome outcome = SecretStoreWait::read(store, key);
        CHECK(outcome.error.kind() == Kind::Damaged);
        CHECK(outcome.value.isEmpty());
    }
    CHECK_FALSE(SecretStoreWait::remove(store, key).isError());
    CHECK(countEntries(service, key, 6) == 0);
}

TEST_CASE("KeychainSecretStore removes every chunk and treats a missing key as NotFound", "[keychain]")
{
    const QString service = uniqueService();
    KeychainSecretStore store(service);
    store.setChunkSize(64);
    EntryCleanup cleanup(service, 8);
    const QString key = cleanup.add(keyFor(service, QStringLiteral("1")));

    const SecretStoreWait::ReadOutcome missing = SecretStoreWait::read(store, key);
    CHECK(missing.error.kind() == Kind::NotFound);
    CHECK(missing.error.key() == key);
    CHECK_FALSE(missing.error.message().isEmpty());
    CHECK_FALSE(SecretStoreWait::remove(store, key).isError()); // nothing there: still fine

    REQUIRE_FALSE(SecretStoreWait::write(store, key, binaryValue(64 * 6)).isError());
    REQUIRE(countEntries(service, key, 8) == 6);
    CHECK_FALSE(SecretStoreWait::remove(store, key).isError());
    CHECK(countEntries(service, key, 8) == 0);
    CHECK(SecretStoreWait::read(store, key).error.kind() == Kind::NotFound);
}

TEST_CASE("KeychainSecretStore keeps two tenants' entries apart", "[keychain]")
{
    const QString service = uniqueService();
    KeychainSecretStore store(service);
    EntryCleanup cleanup(service, 2);
    const QString tenantA = cleanup.add(keyFor(service, QStringLiteral("1")));
    const QString tenantB = cleanup.add(keyFor(service, QStringLiteral("2")));
    REQUIRE(tenantA != tenantB);

    REQUIRE_FALSE(SecretStoreWait::write(store, tenantA, QByteArrayLiteral("token of tenant A")).isError());
    REQUIRE_FALSE(SecretStoreWait::write(store, tenantB, QByteArrayLiteral("token of tenant B")).isError());
    CHECK(SecretStoreWait::read(store, tenantA).value == QByteArrayLiteral("token of tenant A"));
    CHECK(SecretStoreWait::read(store, tenantB).value == QByteArrayLiteral("token of tenant B"));

    CHECK_FALSE(SecretStoreWait::remove(store, tenantA).isError());
    CHECK(SecretStoreWait::read(store, tenantA).error.kind() == Kind::NotFound);
    CHECK(SecretStoreWait::read(store, tenantB).value == QByteArrayLiteral("token of tenant B"));
    CHECK_FALSE(SecretStoreWait::remove(store, tenantB).isError());
}

TEST_CASE("KeychainSecretStore answers later, once, and not to a destroyed context", "[keychain]")
{
    const QString service = uniqueService();
    KeychainSecretStore store(service);
    EntryCleanup cleanup(service, 2);
    const QString key = cleanup.add(keyFor(service, QStringLiteral("1")));

    QObject context;
    int answers = 0;
    store.write(key, QByteArrayLiteral("v"), &context, [&](const SecretStoreError&) { ++answers; });
    CHECK(answers == 0);
    REQUIRE(tb::test::SignalWaiter::waitUntil([&] { return answers == 1; }));

    auto shortLived = std::make_unique<QObject>();
    bool lateAnswer = false;
    store.read(key, shortLived.get(), [&](const SecretStoreError&, const QByteArray&) { lateAnswer = true; });
    shortLived.reset();
    // A later operation finishes after the first (QtKeychain runs one job at a time).
    CHECK(SecretStoreWait::read(store, key).value == QByteArrayLiteral("v"));
    CHECK_FALSE(lateAnswer);
    CHECK(answers == 1);
    CHECK_FALSE(SecretStoreWait::remove(store, key).isError());
}

TEST_CASE("KeychainSecretStore::probe succeeds on a working keyring and leaves nothing behind", "[keychain]")
{
    const QString service = uniqueService();
    KeychainSecretStore store(service);
    QObject context;
    std::optional<SecretStoreError> outcome;
    store.probe(&context, [&](const SecretStoreError& error) { outcome = error; });
    CHECK_FALSE(outcome.has_value());
    REQUIRE(tb::test::SignalWaiter::waitUntil([&] { return outcome.has_value(); }));
    INFO(outcome->detail().toStdString());
    CHECK_FALSE(outcome->isError());
}
