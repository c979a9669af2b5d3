// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/Tenant.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace tb::graph {

// One entry of the sandbox's catalog (GET /_sandbox/tenants): the tenant, its static bearer token and how
// big it is. Value type, any thread. The token is a secret: never log it.
struct SandboxTenant
{
    model::Tenant tenant;
    QString staticToken;
    int users = 0;
    int groups = 0;

    [[nodiscard]] static SandboxTenant fromJson(const QJsonObject& json);
    // The Graph base URL of this tenant on that sandbox: "http://127.0.0.1:PORT/<tenant id>".
    [[nodiscard]] QUrl graphBaseUrl(const QUrl& sandboxUrl) const;
};

} // namespace tb::graph

Q_DECLARE_METATYPE(tb::graph::SandboxTenant)
