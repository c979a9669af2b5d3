// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace tb::model {

// A group as Graph's group resource describes it, limited to what scoping and the group lists need.
// Value type, any thread.
struct DirectoryGroup
{
    QString id;
    QString displayName;
    QString description;
    QString mail;
    QString mailNickname;
    std::optional<bool> mailEnabled;
    std::optional<bool> securityEnabled;
    QStringList groupTypes; // "Unified" for Microsoft 365 groups, "DynamicMembership"
    std::optional<bool> isAssignableToRole;

    [[nodiscard]] static DirectoryGroup fromJson(const QJsonObject& json);
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] bool isMicrosoft365Group() const;
    [[nodiscard]] bool isDynamic() const;
};

} // namespace tb::model
