// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace tb::auth {

// The pure part of KeychainSecretStore's chunking: how a value becomes keychain entries and back. Chunk 0 (at
// the plain key) starts with a header (magic, version, chunk count, total size, SHA-256 of the whole value)
// followed by the first part; chunk n lives at "key.n". Storing the count and checksum is what the reference
// asks for (auth-reference.md 3.4): Nextcloud's scheme reads until EntryNotFound and so appends stale chunks of
// an older, longer value. Stateless; any thread.
class SecretChunking
{
public:
    // Bytes of the value per entry (the header comes on top in chunk 0): Windows limits a credential blob to
    // 2560 bytes (auth-reference.md 3.2).
    static constexpr int kDefaultChunkSize = 2048;
    static constexpr int kHeaderSize = 4 + 1 + 4 + 8 + 32;
    // A header claiming more is damaged (100 000 bytes at the smallest useful chunk size stay far below it).
    static constexpr int kMaxChunks = 65536;

    struct Header
    {
        int count = 0;
        qint64 size = 0;
        QByteArray sha256;
    };

    SecretChunking() = delete;

    // How many entries a value of valueSize bytes takes: at least one (an empty value still has its header).
    [[nodiscard]] static int chunkCount(qint64 valueSize, int chunkSize);
    // The entries for value, chunk 0 first. A chunkSize below 1 counts as 1.
    [[nodiscard]] static QList<QByteArray> split(const QByteArray& value, int chunkSize);
    // The header at the start of chunk 0, or nothing when the bytes are not one (foreign or damaged entry).
    [[nodiscard]] static std::optional<Header> readHeader(const QByteArray& firstChunk);
    // The value, or nothing when the chunks do not match the header (count, size or checksum).
    [[nodiscard]] static std::optional<QByteArray> join(const QList<QByteArray>& chunks);
    // The entry key of chunk index: key itself for 0, "key.<index>" after that.
    [[nodiscard]] static QString chunkKey(const QString& key, int index);
};

} // namespace tb::auth
