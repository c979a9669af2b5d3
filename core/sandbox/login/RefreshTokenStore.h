// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace tbsandbox {

// Refresh tokens and consent. A refresh token is 48 random bytes; only its SHA-256 is kept, with the user,
// tenant and client it was issued to. Consent is the set of Graph scopes a user granted a client in a tenant,
// which a refresh may ask for again without a new sign-in (graph-reference 7.3). Part of LoginState; server
// thread.
class RefreshTokenStore final
{
public:
    // Entra's default refresh-token lifetime (auth-reference 1.9).
    static constexpr qint64 kLifetimeMs = 90LL * 24 * 3600 * 1000;

    struct Grant
    {
        QUuid tenantId;
        QUuid userId;
        QString clientId;
        qint64 issuedAtMs = 0;
        qint64 expiresAtMs = 0;
        bool revoked = false; // revokeSignInSessions or /_sandbox/users/revoke
        bool redeemed = false; // used once while single-use refresh tokens are on
    };

    enum class Status {
        Valid,
        Unknown,
        Expired,
        Revoked,
        Redeemed,
    };

    struct Lookup
    {
        Status status = Status::Unknown;
        Grant grant;
        QByteArray hash;
    };

    // A new refresh token for this user, client and tenant.
    [[nodiscard]] QString issue(const QUuid& tenantId, const QUuid& userId, const QString& clientId, qint64 nowMs);
    [[nodiscard]] Lookup find(const QString& refreshToken, qint64 nowMs) const;
    void markRedeemed(const QByteArray& hash);
    // Revokes every refresh token of the user in the tenant; returns how many were live.
    int revokeUser(const QUuid& tenantId, const QUuid& userId);
    [[nodiscard]] qsizetype size() const { return m_grants.size(); }

    [[nodiscard]] QStringList consentedScopes(
        const QUuid& tenantId, const QUuid& userId, const QString& clientId) const;
    void addConsent(const QUuid& tenantId, const QUuid& userId, const QString& clientId, const QStringList& scopes);

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] bool fromJson(const QJsonObject& json, QString* errorMessage);

private:
    [[nodiscard]] static QString consentKey(const QUuid& tenantId, const QUuid& userId, const QString& clientId);

    QMap<QByteArray, Grant> m_grants; // by SHA-256 of the token, hex
    QMap<QString, QStringList> m_consents; // by "tenant|user|client"
};

} // namespace tbsandbox
