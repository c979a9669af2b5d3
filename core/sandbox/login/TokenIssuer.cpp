// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/login/TokenIssuer.h"

#include "core/sandbox/TenantState.h"
#include "core/sandbox/login/GraphScopes.h"
#include "core/sandbox/login/JwtSigner.h"
#include "core/sandbox/login/LoginState.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QUuid>

namespace tbsandbox {

namespace {

QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString displayNameOf(const TenantState& tenant, const UserRecord& user)
{
    return tenant.strings().at(user.field(PooledUserField::DisplayName));
}

} // namespace

TokenIssuer::TokenIssuer(LoginState& state, int accessTokenLifetimeSeconds)
    : m_state(state)
    , m_lifetimeSeconds(accessTokenLifetimeSeconds)
{ }

QString TokenIssuer::accessToken(const Grant& grant, qint64 nowMs) const
{
    const qint64 now = nowMs / 1000;
    const QString tid = grant.tenant->idText();
    const QJsonObject claims {{QStringLiteral("aud"), GraphScopes::audienceFor(grant.tenant->cloud())},
        {QStringLiteral("iss"), QStringLiteral("https://sts.windows.net/%1/").arg(tid)}, {QStringLiteral("iat"), now},
        {QStringLiteral("nbf"), now}, {QStringLiteral("exp"), now + m_lifetimeSeconds}, {QStringLiteral("tid"), tid},
        {QStringLiteral("oid"), idText(grant.user->id)}, {QStringLiteral("upn"), grant.user->userPrincipalName},
        {QStringLiteral("name"), displayNameOf(*grant.tenant, *grant.user)},
        {QStringLiteral("scp"), grant.graphScopes.join(QLatin1Char(' '))}, {QStringLiteral("appid"), grant.clientId},
        {QStringLiteral("idtyp"), QStringLiteral("user")},
        // A unique id, so two tokens minted in the same second differ, as Entra's do.
        {QStringLiteral("uti"), QString::fromLatin1(JwtSigner::base64Url(QUuid::createUuid().toRfc4122()))},
        {QStringLiteral("ver"), QStringLiteral("1.0")}};
    return JwtSigner::sign(claims, m_state.signingKey(), m_state.keyId());
}

QJsonObject TokenIssuer::issue(const Grant& grant, const QUrl& baseUrl, qint64 nowMs)
{
    QStringList scope = grant.graphScopes;
    scope.append(grant.oidcScopes);
    QJsonObject body {{QStringLiteral("token_type"), QStringLiteral("Bearer")},
        {QStringLiteral("scope"), scope.join(QLatin1Char(' '))}, {QStringLiteral("expires_in"), m_lifetimeSeconds},
        {QStringLiteral("ext_expires_in"), m_lifetimeSeconds},
        {QStringLiteral("access_token"), accessToken(grant, nowMs)}};
    const QString tid = grant.tenant->idText();
    const QString oid = idText(grant.user->id);
    if (grant.issueRefreshToken) {
        body.insert(QStringLiteral("refresh_token"),
            m_state.refreshTokens().issue(grant.tenant->id(), grant.user->id, grant.clientId, nowMs));
    }
    if (grant.oidcScopes.contains(QLatin1String("openid"))) {
        const qint64 now = nowMs / 1000;
        // sub is pairwise: the same person has a different sub in every app (auth-reference 1.8).
        const QByteArray sub = JwtSigner::base64Url(QCryptographicHash::hash(
            (oid + QLatin1Char('|') + grant.clientId.toLower()).toUtf8(), QCryptographicHash::Sha256));
        const QJsonObject claims {{QStringLiteral("aud"), grant.clientId},
            {QStringLiteral("iss"), baseUrl.toString() + QLatin1Char('/') + tid + QStringLiteral("/v2.0")},
            {QStringLiteral("iat"), now}, {QStringLiteral("nbf"), now},
            {QStringLiteral("exp"), now + m_lifetimeSeconds}, {QStringLiteral("oid"), oid},
            {QStringLiteral("tid"), tid}, {QStringLiteral("sub"), QString::fromLatin1(sub)},
            {QStringLiteral("preferred_username"), grant.user->userPrincipalName},
            {QStringLiteral("name"), displayNameOf(*grant.tenant, *grant.user)},
            {QStringLiteral("ver"), QStringLiteral("2.0")}};
        body.insert(QStringLiteral("id_token"), JwtSigner::sign(claims, m_state.signingKey(), m_state.keyId()));
    }
    if (grant.clientInfo) {
        const QJsonObject info {{QStringLiteral("uid"), oid}, {QStringLiteral("utid"), tid}};
        body.insert(QStringLiteral("client_info"),
            QString::fromLatin1(JwtSigner::base64Url(QJsonDocument(info).toJson(QJsonDocument::Compact))));
    }
    return body;
}

} // namespace tbsandbox
