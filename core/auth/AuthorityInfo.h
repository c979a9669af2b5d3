// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/CloudInstance.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

namespace tb::auth {

// What OIDC discovery says about one tenant: its id, the endpoints to sign in with, and the cloud it lives in
// (graph-reference.md 6.2). Kept with the account so that a restored session refreshes against the same
// endpoints. Value type, any thread; holds no secret.
struct AuthorityInfo
{
    QString requestedTenant; // what the person typed: a GUID or a domain
    QString tenantId; // the GUID from the issuer, lower case
    QString issuer;
    QUrl tokenEndpoint;
    QUrl deviceAuthorizationEndpoint;
    QUrl loginHost; // scheme, host and port the document was read from
    QUrl graphHost; // where Graph is called for this tenant
    std::optional<model::CloudInstance> cloud; // none when the document names no known cloud
    QString regionScope; // tenant_region_scope ("NA", "EU", "USGov", ...)
    QString regionSubScope; // tenant_region_sub_scope ("GCC", "DODCON", "DOD", or empty)

    [[nodiscard]] bool isValid() const { return !tenantId.isEmpty() && tokenEndpoint.isValid(); }

    [[nodiscard]] QJsonObject toJson() const;
    // Nothing when a required member is missing or an endpoint is not https (or http to loopback).
    [[nodiscard]] static std::optional<AuthorityInfo> fromJson(const QJsonObject& json);

    // Reads a discovery document fetched from loginHost. Endpoints must be https or http to a loopback host; with
    // requireSameOrigin they must also be on loginHost's scheme, host and port (the final read; the commercial
    // probe of a tenant of another cloud points elsewhere). graphOverride wins over the detected Graph host; a
    // login host override (customLoginHost) serves its own Graph at its msgraph_host. On failure returns nothing
    // and sets problem to a sentence.
    [[nodiscard]] static std::optional<AuthorityInfo> fromDiscovery(const QJsonObject& document,
        const QString& requestedTenant, const QUrl& loginHost, bool requireSameOrigin, bool customLoginHost,
        const QUrl& graphOverride, QString* problem);

    // Scheme, host and port of url, no path.
    [[nodiscard]] static QUrl originOf(const QUrl& url);
};

} // namespace tb::auth

Q_DECLARE_METATYPE(tb::auth::AuthorityInfo)
