// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sync/expression/ExpressionValue.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace tb::sync {

// One clause of a scoping filter (graph-reference.md 2.6: filterClause { operatorName, sourceOperandName,
// targetOperand.values }), evaluated against the source object's value of sourceOperandName, with the semantics of
// "Scoping users or groups to be provisioned with scoping filters" (Microsoft Entra docs):
//   EQUALS / NOT EQUALS: exact, case-sensitive string match;
//   Includes / Not_Includes: the attribute contains the value (.NET String.Contains, case-sensitive);
//   & / !&: "the evaluated attribute exists in the input string value": the value contains the attribute;
//   ENDS_WITH: the attribute ends with the value (case-sensitive);
//   REGEX MATCH / NOT REGEX MATCH: the pattern matches somewhere in the attribute (.NET Regex.IsMatch);
//   IS TRUE / IS FALSE: the attribute is the boolean true / false ("True"/"true");
//   IS NULL / IS NOT NULL: the attribute is absent or empty / is not;
//   Greater_Than, Greater_Than_OR_EQUALS, Less_Than, Less_Than_OR_EQUALS: "The value specified on the scoping
//   filter must be an integer and the attribute on the user must be an integer": whole numbers only; a value that
//   is not one is an error (so that a preview says it cannot tell, rather than guessing out of scope). The docs list
//   only the Greater_ forms; Less_ ones are the service's filterOperators names and work the same way.
// "Scoping filters will return false if the value is null / empty": every operator except IS NULL (true) and
// IS NOT NULL is false for an absent or empty attribute, the negated ones (NOT EQUALS, NOT REGEX MATCH,
// Not_Includes, !&) too. "Filtering is not supported for multi-valued attributes"; the service's
// filterOperatorSchema says multivaluedComparisonType defaults to All, which is applied: every value must satisfy the
// clause. Several target values: a positive operator is true when any value matches, a negated one when none does.
// Operator names match case-insensitively with spaces or underscores ("NOT_EQUALS", "Not Equals"). Stateless.
class ScopingOperator
{
public:
    enum class Kind {
        Equals,
        NotEquals,
        Includes,
        NotIncludes,
        ContainedIn, // &
        NotContainedIn, // !&
        EndsWith,
        RegexMatch,
        NotRegexMatch,
        IsTrue,
        IsFalse,
        IsNull,
        IsNotNull,
        GreaterThan,
        GreaterThanOrEquals,
        LessThan,
        LessThanOrEquals
    };

    struct Result
    {
        bool matches = false;
        QString error; // unknown operator, missing or non-integer value, invalid pattern
        [[nodiscard]] bool isError() const { return !error.isEmpty(); }
    };

    // The operator for a name as the service or the portal writes it; nothing for an unknown one.
    [[nodiscard]] static std::optional<Kind> fromName(const QString& operatorName);
    // The name the service writes (EQUALS, NOT EQUALS, Greater_Than, …).
    [[nodiscard]] static QString name(Kind kind);
    [[nodiscard]] static Result evaluate(
        const QString& operatorName, const ExpressionValue& source, const QStringList& targetValues);
    [[nodiscard]] static Result evaluate(Kind kind, const ExpressionValue& source, const QStringList& targetValues);
};

} // namespace tb::sync
