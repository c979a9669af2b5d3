// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/sync/ScopeFilter.h"

#include "core/sandbox/sync/MappingExpression.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace tbsandbox {

namespace {

enum class Operator {
    Equals,
    NotEquals,
    IsTrue,
    IsFalse,
    IsNull,
    IsNotNull,
    RegexMatch,
    NotRegexMatch,
    GreaterThan,
    Includes
};

struct OperatorSpec
{
    Operator op;
    QLatin1String name; // as the portal spells it
    bool unary;
    QLatin1String types;
};

const QList<OperatorSpec>& operators()
{
    static const QList<OperatorSpec> table = {
        {Operator::Equals, QLatin1String("EQUALS"), false, QLatin1String("String,Integer,Boolean,Reference")},
        {Operator::NotEquals, QLatin1String("NOT EQUALS"), false, QLatin1String("String,Integer,Boolean,Reference")},
        {Operator::IsTrue, QLatin1String("IS TRUE"), true, QLatin1String("Boolean")},
        {Operator::IsFalse, QLatin1String("IS FALSE"), true, QLatin1String("Boolean")},
        {Operator::IsNull, QLatin1String("IS NULL"), true, QLatin1String("String,Integer,Boolean,Reference,Binary")},
        {Operator::IsNotNull, QLatin1String("IS NOT NULL"), true,
            QLatin1String("String,Integer,Boolean,Reference,Binary")},
        {Operator::RegexMatch, QLatin1String("REGEX MATCH"), false, QLatin1String("String")},
        {Operator::NotRegexMatch, QLatin1String("NOT REGEX MATCH"), false, QLatin1String("String")},
        {Operator::GreaterThan, QLatin1String("Greater_Than"), false, QLatin1String("Integer")},
        {Operator::Includes, QLatin1String("Includes"), false, QLatin1String("String")},
    };
    return table;
}

QString normalized(const QString& name)
{
    return name.simplified().replace(QLatin1Char('_'), QLatin1Char(' ')).toUpper();
}

const OperatorSpec* findOperator(const QString& name)
{
    const QString wanted = normalized(name);
    const auto found = std::find_if(operators().cbegin(), operators().cend(),
        [&](const OperatorSpec& spec) { return normalized(spec.name) == wanted; });
    return found == operators().cend() ? nullptr : &*found;
}

QJsonValue attribute(const QJsonObject& attributes, const QString& name)
{
    // The evaluator's Attribute lookup: case-insensitive, unknown as null.
    return MappingExpression::evaluate(
        QJsonObject {{QStringLiteral("type"), QStringLiteral("Attribute")}, {QStringLiteral("name"), name}},
        attributes);
}

QStringList texts(const QJsonValue& value)
{
    QStringList list;
    if (value.isArray()) {
        for (const QJsonValue& item : value.toArray()) {
            list.append(MappingExpression::text(item));
        }
    } else if (!value.isNull() && !value.isUndefined()) {
        list.append(MappingExpression::text(value));
    }
    return list;
}

bool anyRegexMatch(const QStringList& values, const QStringList& patterns)
{
    for (const QString& pattern : patterns) {
        const QRegularExpression expression(pattern, QRegularExpression::CaseInsensitiveOption);
        if (!expression.isValid()) {
            continue;
        }
        for (const QString& value : values) {
            if (expression.match(value).hasMatch()) {
                return true;
            }
        }
    }
    return false;
}

bool clauseHolds(const OperatorSpec& spec, const QJsonValue& value, const QStringList& wanted)
{
    const QStringList values = texts(value);
    const bool empty = values.isEmpty()
        || std::all_of(values.cbegin(), values.cend(), [](const QString& text) { return text.isEmpty(); });
    const auto equalsAny = [&] {
        for (const QString& actual : values) {
            for (const QString& target : wanted) {
                // Exact and case-sensitive, as Microsoft's scoping-filter article says of EQUALS.
                if (actual == target) {
                    return true;
                }
            }
        }
        return false;
    };
    switch (spec.op) {
    case Operator::Equals:
        return equalsAny();
    case Operator::NotEquals:
        return !equalsAny();
    case Operator::IsTrue:
        return !empty && MappingExpression::truth(value);
    case Operator::IsFalse:
        return !empty && !MappingExpression::truth(value);
    case Operator::IsNull:
        return empty;
    case Operator::IsNotNull:
        return !empty;
    case Operator::RegexMatch:
        return anyRegexMatch(values, wanted);
    case Operator::NotRegexMatch:
        return !anyRegexMatch(values, wanted);
    case Operator::GreaterThan: {
        bool ok = false;
        const double actual = MappingExpression::text(value).toDouble(&ok);
        bool targetOk = false;
        const double target = wanted.value(0).toDouble(&targetOk);
        return ok && targetOk && actual > target;
    }
    case Operator::Includes:
        // A multi-valued attribute includes the value; a string contains it.
        if (value.isArray()) {
            return equalsAny();
        }
        return std::any_of(wanted.cbegin(), wanted.cend(), [&](const QString& target) {
            return !values.isEmpty() && values.first().contains(target, Qt::CaseInsensitive);
        });
    }
    return false;
}

QStringList targetValues(const QJsonObject& clause)
{
    QStringList values;
    for (const QJsonValue& value :
        clause.value(QLatin1String("targetOperand")).toObject().value(QLatin1String("values")).toArray()) {
        values.append(MappingExpression::text(value));
    }
    return values;
}

} // namespace

ScopeFilter::Result ScopeFilter::evaluate(const QJsonObject& scope, const QJsonObject& attributes)
{
    Result result;
    bool required = true; // every built-in group
    bool anyOther = false; // some other group
    bool otherGroups = false;
    for (const QJsonValue& groupValue : scope.value(QLatin1String("groups")).toArray()) {
        const QJsonObject group = groupValue.toObject();
        const QString groupName = group.value(QLatin1String("name")).toString();
        bool all = true;
        for (const QJsonValue& clauseValue : group.value(QLatin1String("clauses")).toArray()) {
            const QJsonObject clause = clauseValue.toObject();
            const QString operatorName = clause.value(QLatin1String("operatorName")).toString();
            const QString operand = clause.value(QLatin1String("sourceOperandName")).toString();
            const QStringList wanted = targetValues(clause);
            const OperatorSpec* spec = findOperator(operatorName);
            const bool holds = spec && clauseHolds(*spec, attribute(attributes, operand), wanted);
            QString label = QStringLiteral("%1.%2 %3").arg(groupName, operand, operatorName);
            if (!wanted.isEmpty()) {
                label += QStringLiteral(" '%1'").arg(wanted.join(QStringLiteral("', '")));
            }
            result.clauses.insert(label, holds);
            all = all && holds;
        }
        if (groupName.compare(kExternalUsersGroup, Qt::CaseInsensitive) == 0) {
            required = required && all;
        } else {
            otherGroups = true;
            anyOther = anyOther || all;
        }
    }
    result.passed = required && (!otherGroups || anyOther);
    return result;
}

std::optional<QString> ScopeFilter::problem(const QJsonObject& scope)
{
    const QJsonValue groups = scope.value(QLatin1String("groups"));
    if (!groups.isUndefined() && !groups.isNull() && !groups.isArray()) {
        return QStringLiteral("scope.groups must be an array of filter groups.");
    }
    for (const QJsonValue& groupValue : groups.toArray()) {
        for (const QJsonValue& clauseValue : groupValue.toObject().value(QLatin1String("clauses")).toArray()) {
            const QJsonObject clause = clauseValue.toObject();
            const QString operatorName = clause.value(QLatin1String("operatorName")).toString();
            if (!findOperator(operatorName)) {
                return QStringLiteral("The scoping filter operator '%1' is not one of the filterOperators.")
                    .arg(operatorName);
            }
            if (clause.value(QLatin1String("sourceOperandName")).toString().isEmpty()) {
                return QStringLiteral("Each scoping filter clause needs a sourceOperandName.");
            }
        }
    }
    return std::nullopt;
}

QJsonArray ScopeFilter::supportedOperators()
{
    QJsonArray list;
    for (const OperatorSpec& spec : operators()) {
        QJsonArray types;
        for (const QString& type : QString(spec.types).split(QLatin1Char(','))) {
            types.append(type);
        }
        list.append(QJsonObject {{QStringLiteral("name"), QString(spec.name)},
            {QStringLiteral("arity"), spec.unary ? QStringLiteral("Unary") : QStringLiteral("Binary")},
            {QStringLiteral("multivaluedComparisonType"), QStringLiteral("Any")},
            {QStringLiteral("supportedAttributeTypes"), types}});
    }
    return list;
}

} // namespace tbsandbox
