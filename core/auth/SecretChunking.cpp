// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/SecretChunking.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <algorithm>
#include <limits>

namespace tb::auth {

namespace {

constexpr char kMagic[4] = {'T', 'B', 'S', 'C'};
constexpr quint8 kVersion = 1;
constexpr int kShaSize = 32;

QByteArray sha256(const QByteArray& value)
{
    return QCryptographicHash::hash(value, QCryptographicHash::Sha256);
}

} // namespace

int SecretChunking::chunkCount(qint64 valueSize, int chunkSize)
{
    const qint64 size = std::max<qint64>(chunkSize, 1);
    return static_cast<int>(std::max<qint64>(1, (valueSize + size - 1) / size));
}

QList<QByteArray> SecretChunking::split(const QByteArray& value, int chunkSize)
{
    const int size = std::max(chunkSize, 1);
    const int count = chunkCount(value.size(), size);

    QByteArray header(kHeaderSize, '\0');
    char* out = header.data();
    std::copy(std::begin(kMagic), std::end(kMagic), out);
    out[4] = static_cast<char>(kVersion);
    qToBigEndian<quint32>(static_cast<quint32>(count), out + 5);
    qToBigEndian<quint64>(static_cast<quint64>(value.size()), out + 9);
    const QByteArray digest = sha256(value);
    std::copy(digest.cbegin(), digest.cend(), out + 17);

    QList<QByteArray> chunks;
    chunks.reserve(count);
    chunks.append(header + value.mid(0, size));
    for (int i = 1; i < count; ++i) {
        chunks.append(value.mid(static_cast<qsizetype>(i) * size, size));
    }
    return chunks;
}

std::optional<SecretChunking::Header> SecretChunking::readHeader(const QByteArray& firstChunk)
{
    if (firstChunk.size() < kHeaderSize || !std::equal(std::begin(kMagic), std::end(kMagic), firstChunk.cbegin())
        || static_cast<quint8>(firstChunk.at(4)) != kVersion) {
        return std::nullopt;
    }
    const char* in = firstChunk.constData();
    const quint32 count = qFromBigEndian<quint32>(in + 5);
    const quint64 size = qFromBigEndian<quint64>(in + 9);
    // Every chunk after the first holds at least one byte, so a value of n bytes never has more than n chunks.
    if (count < 1 || count > static_cast<quint32>(kMaxChunks) || (count > 1 && count > size)
        || size > static_cast<quint64>(std::numeric_limits<int>::max())) {
        return std::nullopt;
    }
    Header header;
    header.count = static_cast<int>(count);
    header.size = static_cast<qint64>(size);
    header.sha256 = firstChunk.mid(17, kShaSize);
    return header;
}

std::optional<QByteArray> SecretChunking::join(const QList<QByteArray>& chunks)
{
    if (chunks.isEmpty()) {
        return std::nullopt;
    }
    const std::optional<Header> header = readHeader(chunks.first());
    if (!header || header->count != chunks.size()) {
        return std::nullopt;
    }
    QByteArray value;
    value.reserve(header->size);
    value.append(chunks.first().constData() + kHeaderSize, chunks.first().size() - kHeaderSize);
    for (qsizetype i = 1; i < chunks.size(); ++i) {
        value.append(chunks.at(i));
    }
    if (value.size() != header->size || sha256(value) != header->sha256) {
        return std::nullopt;
    }
    return value;
}

QString SecretChunking::chunkKey(const QString& key, int index)
{
    return index == 0 ? key : key + QLatin1Char('.') + QString::number(index);
}

} // namespace tb::auth
