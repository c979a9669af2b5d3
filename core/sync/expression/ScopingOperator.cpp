// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/expression/ScopingOperator.h"

#include <QHash>
#include <QRegularExpression>

namespace tb::sync {

namespace {

using Kind = ScopingOperator::Kind;

struct OperatorName
{
    Kind kind;
    const char* serviceName;
};

const OperatorName kOperatorNames[] = {{Kind::Equals, "EQUALS"}, {Kind::NotEquals, "NOT EQUALS"},
    {Kind::Includes, "Includes"}, {Kind::NotIncludes, "Not_Includes"}, {Kind::ContainedIn, "&"},
    {Kind::NotContainedIn, "!&"}, {Kind::EndsWith, "ENDS_WITH"}, {Kind::RegexMatch, "REGEX MATCH"},
    {Kind::NotRegexMatch, "NOT REGEX MATCH"}, {Kind::IsTrue, "IS TRUE"}, {Kind::IsFalse, "IS FALSE"},
    {Kind::IsNull, "IS NULL"}, {Kind::IsNotNull, "IS NOT NULL"}, {Kind::GreaterThan, "Greater_Than"},
    {Kind::GreaterThanOrEquals, "Greater_Than_OR_EQUALS"}, {Kind::LessThan, "Less_Than"},
    {Kind::LessThanOrEquals, "Less_Than_OR_EQUALS"}};

// "Not_Includes", "NOT INCLUDES" and "not  includes" all become "NOT INCLUDES".
QString canonical(const QString& name)
{
    QString text = name.toUpper();
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    return text.simplified();
}

bool isNegated(Kind kind)
{
    return kind == Kind::NotEquals || kind == Kind::NotIncludes || kind == Kind::NotContainedIn
        || kind == Kind::NotRegexMatch;
}

bool needsTargetValue(Kind kind)
{
    return kind != Kind::IsTrue && kind != Kind::IsFalse && kind != Kind::IsNull && kind != Kind::IsNotNull;
}

// The positive form of each operator on one attribute value and one target value. Sets error for what cannot be
// compared.
bool matchesOne(Kind kind, const QString& value, const QString& target, QString* error)
{
    switch (kind) {
    case Kind::Equals:
    case Kind::NotEquals:
        return value == target;
    case Kind::Includes:
    case Kind::NotIncludes:
        return value.contains(target, Qt::CaseSensitive);
    case Kind::ContainedIn:
    case Kind::NotContainedIn:
        return target.contains(value, Qt::CaseSensitive);
    case Kind::EndsWith:
        return value.endsWith(target, Qt::CaseSensitive);
    case Kind::RegexMatch:
    case Kind::NotRegexMatch: {
        const QRegularExpression pattern(target);
        if (!pattern.isValid()) {
            *error = QStringLiteral("the pattern \"%1\" is not valid: %2").arg(target, pattern.errorString());
            return false;
        }
        return pattern.match(value).hasMatch();
    }
    case Kind::IsTrue:
        return value.trimmed().compare(QLatin1String("True"), Qt::CaseInsensitive) == 0;
    case Kind::IsFalse:
        return value.trimmed().compare(QLatin1String("False"), Qt::CaseInsensitive) == 0;
    case Kind::IsNull:
    case Kind::IsNotNull:
        return value.isEmpty();
    case Kind::GreaterThan:
    case Kind::GreaterThanOrEquals:
    case Kind::LessThan:
    case Kind::LessThanOrEquals:
        break;
    }
    bool valueIsInteger = false;
    bool targetIsInteger = false;
    const qint64 number = value.trimmed().toLongLong(&valueIsInteger);
    const qint64 limit = target.trimmed().toLongLong(&targetIsInteger);
    if (!targetIsInteger) {
        *error = QStringLiteral("%1 compares whole numbers; the clause's value \"%2\" is not one")
                     .arg(ScopingOperator::name(kind), target);
        return false;
    }
    if (!valueIsInteger) {
        *error = QStringLiteral("%1 compares whole numbers; the attribute's value \"%2\" is not one")
                     .arg(ScopingOperator::name(kind), value);
        return false;
    }
    switch (kind) {
    case Kind::GreaterThan:
        return number > limit;
    case Kind::GreaterThanOrEquals:
        return number >= limit;
    case Kind::LessThan:
        return number < limit;
    default:
        return number <= limit;
    }
}

} // namespace

std::optional<ScopingOperator::Kind> ScopingOperator::fromName(const QString& operatorName)
{
    static const QHash<QString, Kind> byName = [] {
        QHash<QString, Kind> built;
        for (const OperatorName& entry : kOperatorNames) {
            built.insert(canonical(QString::fromLatin1(entry.serviceName)), entry.kind);
        }
        return built;
    }();
    const auto found = byName.constFind(canonical(operatorName));
    if (found == byName.constEnd()) {
        return std::nullopt;
    }
    return *found;
}

QString ScopingOperator::name(Kind kind)
{
    for (const OperatorName& entry : kOperatorNames) {
        if (entry.kind == kind) {
            return QString::fromLatin1(entry.serviceName);
        }
    }
    return {};
}

ScopingOperator::Result ScopingOperator::evaluate(
    const QString& operatorName, const ExpressionValue& source, const QStringList& targetValues)
{
    const std::optional<Kind> kind = fromName(operatorName);
    if (!kind) {
        return {false, QStringLiteral("unknown scoping operator \"%1\"").arg(operatorName)};
    }
    return evaluate(*kind, source, targetValues);
}

ScopingOperator::Result ScopingOperator::evaluate(
    Kind kind, const ExpressionValue& source, const QStringList& targetValues)
{
    if (needsTargetValue(kind) && targetValues.isEmpty()) {
        return {false, QStringLiteral("%1 needs a value to compare with").arg(name(kind))};
    }
    if (source.isNullOrEmpty()) {
        return {kind == Kind::IsNull, QString()};
    }
    if (kind == Kind::IsNull || kind == Kind::IsNotNull) {
        return {kind == Kind::IsNotNull, QString()};
    }
    const QStringList targets = needsTargetValue(kind) ? targetValues : QStringList {QString()};
    const bool negated = isNegated(kind);
    // multivaluedComparisonType All: the clause holds for the object when it holds for every value.
    for (const QString& value : source.toList()) {
        bool anyTarget = false;
        for (const QString& target : targets) {
            QString error;
            const bool matched = matchesOne(kind, value, target, &error);
            if (!error.isEmpty()) {
                return {false, error};
            }
            anyTarget = anyTarget || matched;
        }
        if (anyTarget == negated) {
            return {false, QString()};
        }
    }
    return {true, QString()};
}

} // namespace tb::sync
