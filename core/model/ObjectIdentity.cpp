// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/ObjectIdentity.h"

namespace tb::model {

ObjectIdentity ObjectIdentity::fromJson(const QJsonObject& json)
{
    ObjectIdentity identity;
    identity.signInType = json.value(QStringLiteral("signInType")).toString();
    identity.issuer = json.value(QStringLiteral("issuer")).toString();
    identity.issuerAssignedId = json.value(QStringLiteral("issuerAssignedId")).toString();
    return identity;
}

QJsonObject ObjectIdentity::toJson() const
{
    return QJsonObject {{QStringLiteral("signInType"), signInType}, {QStringLiteral("issuer"), issuer},
        {QStringLiteral("issuerAssignedId"),
            issuerAssignedId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(issuerAssignedId)}};
}

} // namespace tb::model
