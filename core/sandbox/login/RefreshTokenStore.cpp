// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/login/RefreshTokenStore.h"

#include "core/sandbox/login/JwtSigner.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRandomGenerator>

namespace tbsandbox {

namespace {

constexpr int kTokenBytes = 48;

QByteArray hashOf(const QString& token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
}

QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace

QString RefreshTokenStore::issue(const QUuid& tenantId, const QUuid& userId, const QString& clientId, qint64 nowMs)
{
    QByteArray bytes(kTokenBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    // "1." like Entra's refresh tokens, so a client that logs a prefix shows something familiar.
    const QString token = QStringLiteral("1.") + QString::fromLatin1(JwtSigner::base64Url(bytes));
    Grant grant;
    grant.tenantId = tenantId;
    grant.userId = userId;
    grant.clientId = clientId;
    grant.issuedAtMs = nowMs;
    grant.expiresAtMs = nowMs + kLifetimeMs;
    // Expired grants go when a new one is issued, so a long session does not grow the store for ever.
    for (auto it = m_grants.begin(); it != m_grants.end();) {
        it = it->expiresAtMs < nowMs ? m_grants.erase(it) : std::next(it);
    }
    m_grants.insert(hashOf(token), grant);
    return token;
}

RefreshTokenStore::Lookup RefreshTokenStore::find(const QString& refreshToken, qint64 nowMs) const
{
    Lookup lookup;
    lookup.hash = hashOf(refreshToken);
    const auto it = m_grants.constFind(lookup.hash);
    if (refreshToken.isEmpty() || it == m_grants.constEnd()) {
        return lookup;
    }
    lookup.grant = *it;
    lookup.status = it->revoked   ? Status::Revoked
        : it->redeemed            ? Status::Redeemed
        : it->expiresAtMs < nowMs ? Status::Expired
                                  : Status::Valid;
    return lookup;
}

void RefreshTokenStore::markRedeemed(const QByteArray& hash)
{
    const auto it = m_grants.find(hash);
    if (it != m_grants.end()) {
        it->redeemed = true;
    }
}

int RefreshTokenStore::revokeUser(const QUuid& tenantId, const QUuid& userId)
{
    int revoked = 0;
    for (Grant& grant : m_grants) {
        if (grant.tenantId == tenantId && grant.userId == userId && !grant.revoked) {
            grant.revoked = true;
            ++revoked;
        }
    }
    return revoked;
}

QString RefreshTokenStore::consentKey(const QUuid& tenantId, const QUuid& userId, const QString& clientId)
{
    return idText(tenantId) + QLatin1Char('|') + idText(userId) + QLatin1Char('|') + clientId.toLower();
}

QStringList RefreshTokenStore::consentedScopes(
    const QUuid& tenantId, const QUuid& userId, const QString& clientId) const
{
    return m_consents.value(consentKey(tenantId, userId, clientId));
}

void RefreshTokenStore::addConsent(
    const QUuid& tenantId, const QUuid& userId, const QString& clientId, const QStringList& scopes)
{
    QStringList& consented = m_consents[consentKey(tenantId, userId, clientId)];
    for (const QString& scope : scopes) {
        if (!consented.contains(scope, Qt::CaseInsensitive)) {
            consented.append(scope);
        }
    }
}

QJsonObject RefreshTokenStore::toJson() const
{
    QJsonArray grants;
    for (auto it = m_grants.constBegin(); it != m_grants.constEnd(); ++it) {
        grants.append(QJsonObject {{QStringLiteral("sha256"), QString::fromLatin1(it.key())},
            {QStringLiteral("tenantId"), idText(it->tenantId)}, {QStringLiteral("userId"), idText(it->userId)},
            {QStringLiteral("clientId"), it->clientId}, {QStringLiteral("issuedAtMs"), it->issuedAtMs},
            {QStringLiteral("expiresAtMs"), it->expiresAtMs}, {QStringLiteral("revoked"), it->revoked},
            {QStringLiteral("redeemed"), it->redeemed}});
    }
    QJsonArray consents;
    for (auto it = m_consents.constBegin(); it != m_consents.constEnd(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('|'));
        consents.append(QJsonObject {{QStringLiteral("tenantId"), parts.value(0)},
            {QStringLiteral("userId"), parts.value(1)}, {QStringLiteral("clientId"), parts.value(2)},
            {QStringLiteral("scopes"), QJsonArray::fromStringList(it.value())}});
    }
    return QJsonObject {{QStringLiteral("grants"), grants}, {QStringLiteral("consents"), consents}};
}

bool RefreshTokenStore::fromJson(const QJsonObject& json, QString* errorMessage)
{
    QMap<QByteArray, Grant> grants;
    for (const QJsonValue& value : json.value(QLatin1String("grants")).toArray()) {
        const QJsonObject entry = value.toObject();
        const QByteArray hash = entry.value(QLatin1String("sha256")).toString().toLatin1();
        Grant grant;
        grant.tenantId = QUuid::fromString(entry.value(QLatin1String("tenantId")).toString());
        grant.userId = QUuid::fromString(entry.value(QLatin1String("userId")).toString());
        grant.clientId = entry.value(QLatin1String("clientId")).toString();
        grant.issuedAtMs = entry.value(QLatin1String("issuedAtMs")).toInteger();
        grant.expiresAtMs = entry.value(QLatin1String("expiresAtMs")).toInteger();
        grant.revoked = entry.value(QLatin1String("revoked")).toBool();
        grant.redeemed = entry.value(QLatin1String("redeemed")).toBool();
        if (hash.size() != 64 || grant.tenantId.isNull() || grant.userId.isNull() || grant.clientId.isEmpty()) {
            *errorMessage = QStringLiteral("a refresh-token grant lacks its hash, tenant, user or client");
            return false;
        }
        grants.insert(hash, grant);
    }
    QMap<QString, QStringList> consents;
    for (const QJsonValue& value : json.value(QLatin1String("consents")).toArray()) {
        const QJsonObject entry = value.toObject();
        const QUuid tenantId = QUuid::fromString(entry.value(QLatin1String("tenantId")).toString());
        const QUuid userId = QUuid::fromString(entry.value(QLatin1String("userId")).toString());
        const QString clientId = entry.value(QLatin1String("clientId")).toString();
        if (tenantId.isNull() || userId.isNull() || clientId.isEmpty()) {
            *errorMessage = QStringLiteral("a consent lacks its tenant, user or client");
            return false;
        }
        QStringList scopes;
        for (const QJsonValue& scope : entry.value(QLatin1String("scopes")).toArray()) {
            scopes.append(scope.toString());
        }
        consents.insert(consentKey(tenantId, userId, clientId), scopes);
    }
    m_grants = std::move(grants);
    m_consents = std::move(consents);
    return true;
}

} // namespace tbsandbox
