// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/login/AccessTokenValidator.h"

#include "core/sandbox/World.h"
#include "core/sandbox/login/GraphScopes.h"
#include "core/sandbox/login/JwtSigner.h"
#include "core/sandbox/login/LoginState.h"

namespace tbsandbox {

AccessTokenValidator::AccessTokenValidator(const World& world, const LoginState& state)
    : m_world(world)
    , m_state(state)
{ }

AccessTokenValidator::Result AccessTokenValidator::validate(const QString& token, qint64 nowMs) const
{
    Result result;
    if (token.isEmpty()) {
        result.problem = QStringLiteral("Access token is empty.");
        return result;
    }
    QString problem;
    const std::optional<QJsonObject> claims = JwtSigner::verify(token, m_state.signingKey(), &problem);
    if (!claims) {
        result.problem = QStringLiteral("Access token validation failure. %1").arg(problem);
        return result;
    }
    const qint64 now = nowMs / 1000;
    const QJsonValue exp = claims->value(QLatin1String("exp"));
    const QJsonValue nbf = claims->value(QLatin1String("nbf"));
    if (!exp.isDouble() || !nbf.isDouble() || exp.toInteger() <= now || nbf.toInteger() > now) {
        result.problem = QStringLiteral("Access token has expired or is not yet valid.");
        return result;
    }
    TenantState* tenant = m_world.tenantById(QUuid::fromString(claims->value(QLatin1String("tid")).toString()));
    if (!tenant) {
        result.problem = QStringLiteral("Access token validation failure. The token's tenant is not served by this "
                                        "sandbox.");
        return result;
    }
    if (claims->value(QLatin1String("aud")).toString() != GraphScopes::audienceFor(tenant->cloud())) {
        result.problem = QStringLiteral("Access token validation failure. Invalid audience.");
        return result;
    }
    if (claims->value(QLatin1String("iss")).toString()
        != QStringLiteral("https://sts.windows.net/%1/").arg(tenant->idText())) {
        result.problem = QStringLiteral("Access token validation failure. Invalid issuer.");
        return result;
    }
    result.tenant = tenant;
    result.userId = QUuid::fromString(claims->value(QLatin1String("oid")).toString());
    result.clientId = claims->value(QLatin1String("appid")).toString();
    result.scopes = claims->value(QLatin1String("scp")).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return result;
}

} // namespace tbsandbox
