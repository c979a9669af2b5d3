// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/TenantRole.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace tb::auth {

struct AuthorityInfo;
struct TokenResponse;

// The person signed in for one tenant role: who (ids and names from client_info and the id token), where (cloud,
// hosts, tenant) and which scopes were granted. Value type, any thread. Holds no secret, so it can be shown,
// logged and written to JSON.
struct Account
{
    model::TenantRole role = model::TenantRole::Source;
    QString homeAccountId; // "uid.utid" from client_info, else "oid.tid"
    QString tenantId;
    QString objectId;
    QString username; // preferred_username: display only, it can change
    QString displayName;
    QString cloudName; // model::CloudInstance::name(), empty when unknown
    QUrl loginHost;
    QUrl graphHost;
    QString requestedTenant;
    QStringList grantedScopes; // normal form (ScopeSet)

    [[nodiscard]] bool isValid() const { return !homeAccountId.isEmpty() && !tenantId.isEmpty(); }

    // The account of a device-flow answer for the tenant of authority.
    [[nodiscard]] static Account fromTokenResponse(
        model::TenantRole role, const AuthorityInfo& authority, const TokenResponse& response);

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<Account> fromJson(const QJsonObject& json);
};

} // namespace tb::auth

Q_DECLARE_METATYPE(tb::auth::Account)
