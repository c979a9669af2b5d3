// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/Tenant.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace tb::graph {

// One entry of the sandbox's catalog (GET /_sandbox/tenants): the tenant, the role it plays among the sample
// tenants ("source", "target", "generated" or empty) and how big it is. Value type, any thread.
struct SandboxTenant
{
    model::Tenant tenant;
    QString role;
    int users = 0;
    int groups = 0;

    [[nodiscard]] static SandboxTenant fromJson(const QJsonObject& json);
    // The Graph base URL of this tenant on that sandbox: "http://127.0.0.1:PORT/<tenant id>".
    [[nodiscard]] QUrl graphBaseUrl(const QUrl& sandboxUrl) const;
};

} // namespace tb::graph

Q_DECLARE_METATYPE(tb::graph::SandboxTenant)
