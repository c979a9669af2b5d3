// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/SecretChunking.h"

#include <catch2/catch.hpp>

using tb::auth::SecretChunking;

namespace {

QByteArray sampleBytes(int size)
{
    QByteArray bytes(size, '\0');
    for (int i = 0; i < size; ++i) {
        bytes[i] = static_cast<char>((i * 7 + 3) % 256); // includes NUL bytes
    }
    return bytes;
}

} // namespace

TEST_CASE("SecretChunking counts chunks", "[auth][chunking]")
{
    CHECK(SecretChunking::chunkCount(0, 64) == 1);
    CHECK(SecretChunking::chunkCount(1, 64) == 1);
    CHECK(SecretChunking::chunkCount(64, 64) == 1);
    CHECK(SecretChunking::chunkCount(65, 64) == 2);
    CHECK(SecretChunking::chunkCount(100000, 64) == 1563);
    CHECK(SecretChunking::chunkCount(100000, SecretChunking::kDefaultChunkSize) == 49);
    CHECK(SecretChunking::chunkCount(5, 0) == 5); // below 1 counts as 1
}

TEST_CASE("SecretChunking splits into header plus parts and joins back", "[auth][chunking]")
{
    const QByteArray value = sampleBytes(200);
    const QList<QByteArray> chunks = SecretChunking::split(value, 64);
    REQUIRE(chunks.size() == 4);
    CHECK(chunks.at(0).size() == SecretChunking::kHeaderSize + 64);
    CHECK(chunks.at(1) == value.mid(64, 64));
    CHECK(chunks.at(3) == value.mid(192));
    const auto header = SecretChunking::readHeader(chunks.at(0));
    REQUIRE(header.has_value());
    CHECK(header->count == 4);
    CHECK(header->size == 200);
    CHECK(SecretChunking::join(chunks) == value);
}

TEST_CASE("SecretChunking handles empty and exact-multiple values", "[auth][chunking]")
{
    const QList<QByteArray> empty = SecretChunking::split(QByteArray(), 64);
    REQUIRE(empty.size() == 1);
    CHECK(empty.at(0).size() == SecretChunking::kHeaderSize);
    const auto joinedEmpty = SecretChunking::join(empty);
    REQUIRE(joinedEmpty.has_value());
    CHECK(joinedEmpty->isEmpty());

    const QByteArray value = sampleBytes(128);
    const QList<QByteArray> exact = SecretChunking::split(value, 64);
    CHECK(exact.size() == 2);
    CHECK(SecretChunking::join(exact) == value);
}

TEST_CASE("SecretChunking refuses missing, extra, changed or foreign chunks", "[auth][chunking]")
{
    const QByteArray value = sampleBytes(300);
    const QList<QByteArray> chunks = SecretChunking::split(value, 64);
    REQUIRE(chunks.size() == 5);

    QList<QByteArray> missing = chunks;
    missing.removeLast();
    CHECK_FALSE(SecretChunking::join(missing).has_value());

    QList<QByteArray> extra = chunks;
    extra.append(QByteArrayLiteral("stale"));
    CHECK_FALSE(SecretChunking::join(extra).has_value());

    QList<QByteArray> changed = chunks;
    changed[2][5] = static_cast<char>(changed[2][5] ^ 0x01); // same length, one bit differs
    CHECK_FALSE(SecretChunking::join(changed).has_value());

    QList<QByteArray> shorter = chunks;
    shorter[1].chop(1);
    CHECK_FALSE(SecretChunking::join(shorter).has_value());

    CHECK_FALSE(SecretChunking::readHeader(QByteArrayLiteral("a plain old refresh token")).has_value());
    CHECK_FALSE(SecretChunking::join({QByteArrayLiteral("a plain old refresh token")}).has_value());
    CHECK_FALSE(SecretChunking::join({}).has_value());
}

TEST_CASE("SecretChunking refuses a header claiming an impossible chunk count", "[auth][chunking]")
{
    QByteArray first = SecretChunking::split(sampleBytes(10), 64).at(0);
    // count (bytes 5..8, big-endian) = 0x00010000 + 1: more than kMaxChunks and more than the 10 bytes allow
    first[5] = 0;
    first[6] = 1;
    first[7] = 0;
    first[8] = 1;
    CHECK_FALSE(SecretChunking::readHeader(first).has_value());
}

TEST_CASE("SecretChunking names chunk keys", "[auth][chunking]")
{
    CHECK(SecretChunking::chunkKey(QStringLiteral("svc/Global/t/a"), 0) == QStringLiteral("svc/Global/t/a"));
    CHECK(SecretChunking::chunkKey(QStringLiteral("svc/Global/t/a"), 3) == QStringLiteral("svc/Global/t/a.3"));
}
