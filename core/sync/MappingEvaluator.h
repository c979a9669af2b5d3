// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/SynchronizationSchema.h"
#include "core/sync/UserPreview.h"
#include "core/sync/expression/ExpressionAttributes.h"
#include "core/sync/expression/ExpressionContext.h"
#include "core/sync/expression/ExpressionNode.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tb::sync {

// What a job's schema (its user object mapping, SynchronizationSchema::userMapping()) does to one source user,
// worked out locally: whether the scoping filter lets the user in and which clause decided, and the value each
// attribute mapping would give the target user (graph-reference.md 2.6). The expressions are parsed with
// ExpressionParser and evaluated with ExpressionEvaluator; an expression that cannot be previewed gives a note on
// that attribute only. Used by Preview (and so by TestSync's comparison); it reads nothing over the network.
//
// Rules, as the service applies them and the sandbox emulates them (core/sandbox/README.md "Provisioning"):
// - The matching mapping (matchingPriority > 0, alternativeSecurityIds) is the service's own: left out.
// - A null or empty value takes the mapping's defaultValue; without one the attribute is not provisioned (9.2).
// - flowType ObjectAddOnly flows only when sync creates the user.
// - Scope: a group is true when ALL its clauses are, the filter when ANY group is; no groups: true. The built-in
//   group "Filter external users" is REQUIRED instead (ANDed with the others): the sandbox does this so that a
//   group appended to the default narrows the scope ([U] in graph-reference: how the real service combines them
//   is not documented).
// Value type; const methods are safe from any thread when the context's functions are.
class MappingEvaluator
{
public:
    // The built-in scoping group of the CTS template.
    static constexpr const char* kExternalUsersGroup = "Filter external users";

    struct Scope
    {
        bool passed = false;
        // Every evaluated clause: "<group>.<attribute> <OPERATOR> '<values>': true|false" (values joined by "', '",
        // none for unary operators), in the schema's order.
        QStringList clauseResults;
        // The clause (or rule) that decided, as in clauseResults; "no scoping filter" when there are no groups.
        QString decidedBy;
        // decidedBy as data, with the user's value; none when no clause decided (no groups, a group without clauses).
        std::optional<UserPreview::ScopeClause> decidingClause;
        // Clauses that could not be evaluated (an unknown operator, a non-integer for Greater_Than ...): each makes
        // its clause false and is said here.
        QStringList problems;
    };

    MappingEvaluator() = default; // no user mapping: hasUserMapping() false
    explicit MappingEvaluator(const model::SynchronizationSchema& schema, ExpressionContext context = {});
    explicit MappingEvaluator(model::SynchronizationSchema::ObjectMapping userMapping, ExpressionContext context = {});

    [[nodiscard]] bool hasUserMapping() const { return m_mapping.has_value(); }
    [[nodiscard]] const std::optional<model::SynchronizationSchema::ObjectMapping>& userMapping() const
    {
        return m_mapping;
    }

    [[nodiscard]] Scope evaluateScope(const ExpressionAttributes& source) const;

    // Every previewed attribute mapping, in the schema's order. targetUser: the matched target user's JSON (its
    // current values), nothing for a user sync would create. `changes` is set when the attribute flows and the
    // predicted value differs from the current one (for a create: when there is a value to write).
    [[nodiscard]] QList<UserPreview::Attribute> evaluateAttributes(
        const ExpressionAttributes& source, const std::optional<QJsonObject>& targetUser) const;

    // The source attributes the mappings and scoping clauses read (names as written, no duplicates ignoring case),
    // so a preview can $select them.
    [[nodiscard]] QStringList referencedSourceAttributes() const;
    // The target attributes the previewed mappings write, in the schema's order.
    [[nodiscard]] QStringList mappedTargetAttributes() const;

    // The mapping's expression: source.expression as sent; when that text is empty (a schema edited through the
    // structured tree only, which is what the service itself evaluates), the tree type/name/parameters written back
    // as expression text. Empty when the mapping has no source.
    [[nodiscard]] static QString expressionText(const model::SynchronizationSchema::AttributeMapping& mapping);
    // The structured source tree as an expression tree.
    [[nodiscard]] static ExpressionNode nodeFor(const model::SynchronizationSchema::AttributeMappingSource& source);

    // A source user's attributes as the service reads them: every property of the Graph user JSON (strings,
    // booleans, numbers, lists of strings) plus what the service derives — objectId (= id), netId (the JSON's, else
    // the id, as the sandbox does), mailNickname (the JSON's, else the UPN's local part), alternativeSecurityIds
    // ("None" for internal members, "External" for guests and invited users), isSoftDeleted ("False") and
    // appRoleAssignments ("msiam_access" when assigned, directly or through a group). The list of
    // core/sandbox/README.md "Mappings".
    [[nodiscard]] static ExpressionAttributes attributesFromUser(const QJsonObject& user, bool assigned);
    // Whether the user is a guest or an invited user (userType Guest, creationType Invitation): "External".
    [[nodiscard]] static bool isExternalUser(const QJsonObject& user);
    // A JSON value as the text the service compares and writes ("True"/"False" for booleans, lists joined by ", ").
    [[nodiscard]] static QString valueText(const QJsonValue& value);

    // The text of one clause without its result: "<group>.<attribute> <OPERATOR> '<values>'".
    [[nodiscard]] static QString clauseText(
        const QString& groupName, const model::SynchronizationSchema::ScopingClause& clause);

private:
    std::optional<model::SynchronizationSchema::ObjectMapping> m_mapping;
    ExpressionContext m_context;
};

} // namespace tb::sync
