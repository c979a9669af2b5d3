// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/SyncError.h"

namespace tb::model {

SyncError SyncError::fromJson(const QJsonValue& json)
{
    const QJsonObject object = json.toObject();
    SyncError error;
    error.code = object.value(QStringLiteral("code")).toString();
    error.message = object.value(QStringLiteral("message")).toString();
    error.tenantActionable = object.value(QStringLiteral("tenantActionable")).toBool();
    return error;
}

QJsonObject SyncError::toJson() const
{
    return {{QStringLiteral("code"), code}, {QStringLiteral("message"), message},
        {QStringLiteral("tenantActionable"), tenantActionable}};
}

} // namespace tb::model
