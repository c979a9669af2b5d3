// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/graph/ODataQuery.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace tbsandbox {

class TenantState;
struct UserRecord;

// The properties of microsoft.graph.user that the sandbox serves, in Graph's spelling.
enum class UserProperty {
    Id,
    DisplayName,
    GivenName,
    Surname,
    UserPrincipalName,
    Mail,
    JobTitle,
    Department,
    OfficeLocation,
    MobilePhone,
    BusinessPhones,
    PreferredLanguage,
    UsageLocation,
    CompanyName,
    AccountEnabled,
    UserType,
    CreationType,
    ExternalUserState,
    ExternalUserStateChangeDateTime,
    Identities,
    AssignedLicenses,
    AssignedPlans,
    OnPremisesSyncEnabled,
    CreatedDateTime,
    Count,
};

// Maps between the compact UserRecord and Graph's user JSON: property names, the default property set
// (graph-reference section 5.1 and Graph's "user resource type" page), reading one property, seeding a user
// from JSON and applying a PATCH. Stateless; any thread.
class UserSchema final
{
public:
    UserSchema() = delete;

    // The property with this name (case-insensitive), or nothing.
    [[nodiscard]] static std::optional<UserProperty> property(const QString& name);
    [[nodiscard]] static QString name(UserProperty property);
    // What Graph returns without $select.
    [[nodiscard]] static QList<UserProperty> defaultSelection();
    [[nodiscard]] static bool isFilterable(UserProperty property);
    // What /users accepts in $select, $filter, $search and $orderby: every served property is selectable; the
    // collections are filterable only through any().
    [[nodiscard]] static ODataQuery::Schema odataSchema();

    [[nodiscard]] static QJsonValue value(const TenantState& tenant, const UserRecord& user, UserProperty property);
    [[nodiscard]] static QJsonObject toJson(
        const TenantState& tenant, const UserRecord& user, const QList<UserProperty>& selection);

    // Builds a user from its seed JSON (the Graph shape). Nothing, with a sentence, when a field is wrong.
    [[nodiscard]] static std::optional<UserRecord> fromJson(
        TenantState& tenant, const QJsonObject& json, QString* errorMessage);
    // Applies a PATCH body: all or nothing. Returns the reason when a property is unknown, read-only or of the
    // wrong type.
    [[nodiscard]] static std::optional<QString> applyPatch(
        TenantState& tenant, UserRecord& user, const QJsonObject& patch);
};

} // namespace tbsandbox
