// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace tb::model {

// One entry of a user's identities (Graph resource "objectIdentity"). A B2B user from another Entra
// tenant carries signInType "federated" with issuer "ExternalAzureAD". Value type, any thread.
struct ObjectIdentity
{
    QString signInType;
    QString issuer;
    QString issuerAssignedId;

    [[nodiscard]] static ObjectIdentity fromJson(const QJsonObject& json);
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace tb::model
