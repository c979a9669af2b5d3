// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/Account.h"

#include "core/auth/AuthorityInfo.h"
#include "core/auth/ScopeSet.h"
#include "core/auth/TokenResponse.h"

#include <QJsonArray>

namespace tb::auth {

Account Account::fromTokenResponse(
    model::TenantRole role, const AuthorityInfo& authority, const TokenResponse& response)
{
    Account account;
    account.role = role;
    account.homeAccountId = response.homeAccountId();
    // The tenant signed in to: the id token's tid, else the discovered one. A guest's home tenant (utid) can differ.
    account.tenantId = (response.tenantId.isEmpty() ? authority.tenantId : response.tenantId).toLower();
    account.objectId = (response.objectId.isEmpty() ? response.clientInfoUid : response.objectId).toLower();
    account.username = response.preferredUsername;
    account.displayName = response.name;
    account.cloudName = authority.cloud ? authority.cloud->name() : QString();
    account.loginHost = authority.loginHost;
    account.graphHost = authority.graphHost;
    account.requestedTenant = authority.requestedTenant;
    account.grantedScopes = ScopeSet::normalizeAll(response.scopes);
    return account;
}

QJsonObject Account::toJson() const
{
    return QJsonObject {{QStringLiteral("role"), model::tenantRoleName(role)},
        {QStringLiteral("homeAccountId"), homeAccountId}, {QStringLiteral("tenantId"), tenantId},
        {QStringLiteral("objectId"), objectId}, {QStringLiteral("username"), username},
        {QStringLiteral("displayName"), displayName}, {QStringLiteral("cloud"), cloudName},
        {QStringLiteral("loginHost"), loginHost.toString()}, {QStringLiteral("graphHost"), graphHost.toString()},
        {QStringLiteral("requestedTenant"), requestedTenant},
        {QStringLiteral("grantedScopes"), QJsonArray::fromStringList(grantedScopes)}};
}

std::optional<Account> Account::fromJson(const QJsonObject& json)
{
    const auto role = model::tenantRoleFromName(json.value(QStringLiteral("role")).toString());
    if (!role) {
        return std::nullopt;
    }
    Account account;
    account.role = *role;
    account.homeAccountId = json.value(QStringLiteral("homeAccountId")).toString();
    account.tenantId = json.value(QStringLiteral("tenantId")).toString();
    account.objectId = json.value(QStringLiteral("objectId")).toString();
    account.username = json.value(QStringLiteral("username")).toString();
    account.displayName = json.value(QStringLiteral("displayName")).toString();
    account.cloudName = json.value(QStringLiteral("cloud")).toString();
    account.loginHost = QUrl(json.value(QStringLiteral("loginHost")).toString(), QUrl::StrictMode);
    account.graphHost = QUrl(json.value(QStringLiteral("graphHost")).toString(), QUrl::StrictMode);
    account.requestedTenant = json.value(QStringLiteral("requestedTenant")).toString();
    for (const QJsonValue& scope : json.value(QStringLiteral("grantedScopes")).toArray()) {
        account.grantedScopes.append(scope.toString());
    }
    account.grantedScopes = ScopeSet::normalizeAll(account.grantedScopes);
    if (!account.isValid()) {
        return std::nullopt;
    }
    return account;
}

} // namespace tb::auth
