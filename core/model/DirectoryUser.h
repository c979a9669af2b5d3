// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/AssignedPlan.h"
#include "core/model/ObjectIdentity.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tb::model {

// A user as Graph's user resource describes it (graph-reference.md 5.1), limited to what preflight,
// preview and the user lists need. Fields Graph did not return (no $select) stay empty / unset.
// Value type, any thread.
struct DirectoryUser
{
    QString id;
    QString displayName;
    QString givenName;
    QString surname;
    QString userPrincipalName;
    QString mail;
    QString jobTitle;
    QString department;
    QString usageLocation;
    std::optional<bool> accountEnabled;
    QString userType; // Member or Guest
    QString creationType; // empty for a work account, Invitation for an external one, ...
    QString externalUserState; // PendingAcceptance, Accepted or empty
    QStringList assignedLicenseSkuIds;
    QList<AssignedPlan> assignedPlans;
    QList<ObjectIdentity> identities;

    // Tolerates missing, null and wrongly typed fields: they stay empty.
    [[nodiscard]] static DirectoryUser fromJson(const QJsonObject& json);
    [[nodiscard]] QJsonObject toJson() const;

    [[nodiscard]] bool isGuest() const;
    // A B2B account whose home is another Entra tenant: an identity with issuer "ExternalAzureAD", or
    // (when identities were not selected) creationType "Invitation" with userType Guest.
    [[nodiscard]] bool isB2bFromAnotherTenant() const;
    // True when an assigned plan with this id is Enabled (how a user counts as licensed, 5.2).
    [[nodiscard]] bool hasEnabledPlan(const QString& servicePlanId) const;
};

} // namespace tb::model
