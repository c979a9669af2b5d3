// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QUuid>

namespace tbsandbox {

// One group: its Graph properties as JSON (groups are few, so no compact form) and its direct members, which
// are user or group ids of the same tenant. A value inside TenantState.
struct GroupRecord
{
    QUuid id;
    QJsonObject properties; // includes "id"; never "members"
    QList<QUuid> memberIds;
};

} // namespace tbsandbox
