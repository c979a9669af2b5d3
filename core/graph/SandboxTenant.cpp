// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/SandboxTenant.h"

#include "core/graph/GraphRequest.h"

namespace tb::graph {

SandboxTenant SandboxTenant::fromJson(const QJsonObject& json)
{
    SandboxTenant entry;
    entry.tenant = model::Tenant::fromJson(json);
    entry.role = json.value(QStringLiteral("role")).toString();
    entry.users = json.value(QStringLiteral("users")).toInt();
    entry.groups = json.value(QStringLiteral("groups")).toInt();
    return entry;
}

QUrl SandboxTenant::graphBaseUrl(const QUrl& sandboxUrl) const
{
    // The tenant-scoped form {base}/{tenant}/v1.0/... (core/sandbox/README.md): a token of another tenant
    // then gets 403, as with a real tenant.
    QUrl url = sandboxUrl;
    QString path = sandboxUrl.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    url.setPath(path + QLatin1Char('/') + GraphRequest::pathSegment(tenant.id), QUrl::StrictMode);
    url.setQuery(QString());
    return url;
}

} // namespace tb::graph
