// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace tbsandbox {

// An object mapping's scoping filter (graph-reference 2.6): `groups` of `clauses` {operatorName, sourceOperandName,
// targetOperand:{values}}; a group is true when ALL its clauses are, the filter when ANY group is (no groups: true).
// The built-in group "Filter external users" is the exception: it is required (ANDed with the rest), since it
// stands for the service's own rule that only internal members sync (10.5) and an admin's group next to it would
// otherwise widen nothing. Operators (case-insensitive, space or underscore): EQUALS, NOT EQUALS, IS TRUE, IS FALSE,
// IS NULL, IS NOT NULL, REGEX MATCH, NOT REGEX MATCH, GREATER THAN, INCLUDES. Stateless; any thread.
class ScopeFilter final
{
public:
    ScopeFilter() = delete;

    static inline const QString kExternalUsersGroup = QStringLiteral("Filter external users");

    struct Result
    {
        bool passed = true;
        // {"<group>.<attribute> <OPERATOR> '<value>'": bool} for every clause, as ScopeEvaluationResult shows it.
        QJsonObject clauses;
    };

    // scope: the object mapping's `scope` (null or empty: everything passes); attributes: the source user's.
    [[nodiscard]] static Result evaluate(const QJsonObject& scope, const QJsonObject& attributes);

    // What is wrong with a scope (an unknown operator, a clause without sourceOperandName), or nothing.
    [[nodiscard]] static std::optional<QString> problem(const QJsonObject& scope);

    // GET .../schema/filterOperators: [{name, arity, multivaluedComparisonType, supportedAttributeTypes}].
    [[nodiscard]] static QJsonArray supportedOperators();
};

} // namespace tbsandbox
