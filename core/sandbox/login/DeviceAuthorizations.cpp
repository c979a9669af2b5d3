// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/login/DeviceAuthorizations.h"

#include "core/sandbox/login/JwtSigner.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace tbsandbox {

namespace {

const QLatin1String kUserCodeAlphabet("BCDFGHJKLMNPQRSTVWXZ");
constexpr int kDeviceCodeBytes = 64;

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return bytes;
}

} // namespace

QString DeviceAuthorizations::normalizeUserCode(const QString& typed)
{
    QString code;
    for (const QChar c : typed) {
        if (c == QLatin1Char('-') || c.isSpace()) {
            continue;
        }
        const QChar upper = c.toUpper();
        if (!kUserCodeAlphabet.contains(upper)) {
            return {};
        }
        code.append(upper);
    }
    return code.size() == kUserCodeLength ? code : QString();
}

QByteArray DeviceAuthorizations::hashOf(const QString& deviceCode)
{
    return QCryptographicHash::hash(deviceCode.toUtf8(), QCryptographicHash::Sha256).toHex();
}

DeviceAuthorizations::Issued DeviceAuthorizations::issue(const QUuid& tenantId, const QString& clientId,
    const QString& scope, qint64 nowMs, int lifetimeSeconds, int intervalSeconds)
{
    purge(nowMs);
    DeviceAuthorization entry;
    QString userCode;
    do {
        userCode.clear();
        for (int i = 0; i < kUserCodeLength; ++i) {
            userCode.append(kUserCodeAlphabet.at(
                static_cast<qsizetype>(QRandomGenerator::system()->bounded(kUserCodeAlphabet.size()))));
        }
    } while (findByUserCode(userCode));
    const QString deviceCode = QString::fromLatin1(JwtSigner::base64Url(randomBytes(kDeviceCodeBytes)));
    entry.deviceCodeHash = hashOf(deviceCode);
    entry.userCode = userCode;
    entry.tenantId = tenantId;
    entry.clientId = clientId;
    entry.scope = scope;
    entry.issuedAtMs = nowMs;
    entry.expiresAtMs = nowMs + qint64(lifetimeSeconds) * 1000;
    entry.intervalSeconds = intervalSeconds;
    entry.formNonce = QString::fromLatin1(JwtSigner::base64Url(randomBytes(24)));
    const QByteArray key = entry.deviceCodeHash;
    auto it = m_byHash.insert(key, std::move(entry));
    return Issued {deviceCode, &it.value()};
}

DeviceAuthorization* DeviceAuthorizations::findByDeviceCode(const QString& deviceCode)
{
    return deviceCode.isEmpty() ? nullptr : findByHash(hashOf(deviceCode));
}

DeviceAuthorization* DeviceAuthorizations::findByHash(const QByteArray& deviceCodeHash)
{
    const auto it = m_byHash.find(deviceCodeHash);
    return it == m_byHash.end() ? nullptr : &it.value();
}

DeviceAuthorization* DeviceAuthorizations::findByUserCode(const QString& typed)
{
    const QString code = normalizeUserCode(typed);
    if (code.isEmpty()) {
        return nullptr;
    }
    for (auto it = m_byHash.begin(); it != m_byHash.end(); ++it) {
        if (it->userCode == code) {
            return &it.value();
        }
    }
    return nullptr;
}

void DeviceAuthorizations::remove(const QByteArray& deviceCodeHash)
{
    m_byHash.remove(deviceCodeHash);
}

void DeviceAuthorizations::purge(qint64 nowMs)
{
    for (auto it = m_byHash.begin(); it != m_byHash.end();) {
        const qint64 lifetime = it->expiresAtMs - it->issuedAtMs;
        it = nowMs > it->expiresAtMs + lifetime ? m_byHash.erase(it) : std::next(it);
    }
}

QJsonArray DeviceAuthorizations::toJson() const
{
    QJsonArray list;
    for (const DeviceAuthorization& entry : m_byHash) {
        list.append(entry.toJson());
    }
    return list;
}

bool DeviceAuthorizations::fromJson(const QJsonArray& json, QString* errorMessage)
{
    QMap<QByteArray, DeviceAuthorization> loaded;
    for (const QJsonValue& value : json) {
        std::optional<DeviceAuthorization> entry = DeviceAuthorization::fromJson(value.toObject());
        if (!entry) {
            *errorMessage = QStringLiteral("a device authorization lacks its code hash, user code, tenant or nonce");
            return false;
        }
        loaded.insert(entry->deviceCodeHash, std::move(*entry));
    }
    m_byHash = std::move(loaded);
    return true;
}

} // namespace tbsandbox
