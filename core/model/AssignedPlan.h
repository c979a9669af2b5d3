// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace tb::model {

// One entry of a user's or organization's assignedPlans (Graph resource "assignedPlan"): which service
// plan, and whether it works. Value type, any thread.
struct AssignedPlan
{
    QString servicePlanId;
    QString service;
    QString capabilityStatus; // Enabled, Warning, Suspended, Deleted, LockedOut
    QDateTime assignedDateTime;

    [[nodiscard]] static AssignedPlan fromJson(const QJsonObject& json);
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] bool isEnabled() const;
};

} // namespace tb::model
