// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/sandbox/SandboxTestClient.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QPair>
#include <QString>

namespace tb::test {

// Initial domains of the compiled-in seed tenants the conformance tests talk to.
inline const QString kContoso = QStringLiteral("contoso.onmicrosoft.com");
inline const QString kFabrikam = QStringLiteral("fabrikam.onmicrosoft.com");

// The header that $count, $search and advanced $filter queries need.
inline const QList<QPair<QByteArray, QByteArray>> kEventual
    = {{QByteArrayLiteral("ConsistencyLevel"), QByteArrayLiteral("eventual")}};

// PUT /_sandbox/faults: replaces the fault plan in force with this JSON.
[[nodiscard]] SandboxAnswer putFaults(SandboxTestClient& client, const QByteArray& json);
// GET /_sandbox/requests?since=SEQ: the request log's entries.
[[nodiscard]] QJsonArray requestLog(SandboxTestClient& client, qint64 since = 0);
// The id of the first user of a tenant in the default order.
[[nodiscard]] QString firstUserId(SandboxTestClient& client, const QString& domain);
// The "value" array of a Graph collection answer.
[[nodiscard]] QJsonArray valueOf(const SandboxAnswer& answer);
// error.message of a Graph error answer.
[[nodiscard]] QString messageOf(const SandboxAnswer& answer);

} // namespace tb::test
