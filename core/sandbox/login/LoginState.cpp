// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/login/LoginState.h"

#include "core/sandbox/login/GraphScopes.h"
#include "core/sandbox/login/JwtSigner.h"

#include <QRandomGenerator>

namespace tbsandbox {

namespace {

constexpr int kSigningKeyBytes = 32; // HS256 wants a key as long as its hash
constexpr int kStateVersion = 1;

} // namespace

LoginState::LoginState()
    : m_signingKey(kSigningKeyBytes, Qt::Uninitialized)
{
    QRandomGenerator::system()->generate(m_signingKey.begin(), m_signingKey.end());
    QByteArray kid(9, Qt::Uninitialized);
    QRandomGenerator::system()->generate(kid.begin(), kid.end());
    m_keyId = QString::fromLatin1(JwtSigner::base64Url(kid));
}

bool LoginState::decide(DeviceAuthorization& authorization, bool approve, const QUuid& userId)
{
    if (authorization.decision != DeviceAuthorization::Decision::Pending) {
        return false;
    }
    authorization.decision
        = approve ? DeviceAuthorization::Decision::Approved : DeviceAuthorization::Decision::Declined;
    authorization.userId = userId;
    if (approve) {
        m_refreshTokens.addConsent(
            authorization.tenantId, userId, authorization.clientId, GraphScopes::parse(authorization.scope).graph);
    }
    return true;
}

QJsonObject LoginState::toJson() const
{
    return QJsonObject {{QStringLiteral("version"), kStateVersion},
        {QStringLiteral("signingKey"), QString::fromLatin1(m_signingKey.toBase64())},
        {QStringLiteral("keyId"), m_keyId}, {QStringLiteral("deviceAuthorizations"), m_devices.toJson()},
        {QStringLiteral("refreshTokens"), m_refreshTokens.toJson()}};
}

bool LoginState::fromJson(const QJsonObject& json, QString* error)
{
    QString ignored;
    QString& problem = error ? *error : ignored;
    if (json.value(QLatin1String("version")).toInt() != kStateVersion) {
        problem = QStringLiteral("The login state has version %1; this sandbox reads version %2.")
                      .arg(json.value(QLatin1String("version")).toInt())
                      .arg(kStateVersion);
        return false;
    }
    const QByteArray key = QByteArray::fromBase64(json.value(QLatin1String("signingKey")).toString().toLatin1());
    const QString keyId = json.value(QLatin1String("keyId")).toString();
    if (key.size() < kSigningKeyBytes || keyId.isEmpty()) {
        problem = QStringLiteral("The login state has no usable signing key.");
        return false;
    }
    DeviceAuthorizations devices;
    RefreshTokenStore refreshTokens;
    QString reason;
    if (!devices.fromJson(json.value(QLatin1String("deviceAuthorizations")).toArray(), &reason)
        || !refreshTokens.fromJson(json.value(QLatin1String("refreshTokens")).toObject(), &reason)) {
        problem = QStringLiteral("The login state is damaged: %1.").arg(reason);
        return false;
    }
    m_signingKey = key;
    m_keyId = keyId;
    m_devices = std::move(devices);
    m_refreshTokens = std::move(refreshTokens);
    return true;
}

} // namespace tbsandbox
