// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/graph/SearchExpression.h"

#include <QRegularExpression>

namespace tbsandbox {

namespace {

QStringList words(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    return text.toLower().split(separators, Qt::SkipEmptyParts);
}

QueryError searchError(const QString& what)
{
    return {400, QStringLiteral("Request_BadRequest"),
        QStringLiteral("Invalid $search: %1. Write it as \"property:text\", clauses joined by OR or AND.").arg(what)};
}

} // namespace

std::optional<SearchExpression> SearchExpression::parse(
    const QString& text, const PropertyResolver& resolver, QueryError* error)
{
    SearchExpression expression;
    QList<Clause> conjunction;
    qsizetype i = 0;
    bool expectClause = true;
    while (true) {
        while (i < text.size() && text.at(i).isSpace()) {
            ++i;
        }
        if (i >= text.size()) {
            break;
        }
        if (expectClause) {
            if (text.at(i) != QLatin1Char('"')) {
                *error = searchError(QStringLiteral("expected a quoted clause at position %1").arg(i));
                return std::nullopt;
            }
            const qsizetype close = text.indexOf(QLatin1Char('"'), i + 1);
            if (close < 0) {
                *error = searchError(QStringLiteral("the clause at position %1 has no closing quote").arg(i));
                return std::nullopt;
            }
            const QString clauseText = text.mid(i + 1, close - i - 1);
            const qsizetype colon = clauseText.indexOf(QLatin1Char(':'));
            if (colon <= 0) {
                *error = searchError(QStringLiteral("the clause \"%1\" does not name a property").arg(clauseText));
                return std::nullopt;
            }
            const QString property = clauseText.left(colon).trimmed();
            Clause clause;
            clause.propertyId = resolver(property);
            if (clause.propertyId < 0) {
                *error = {400, QStringLiteral("Request_UnsupportedQuery"),
                    QStringLiteral("$search is not supported on property '%1'.").arg(property)};
                return std::nullopt;
            }
            clause.words = words(clauseText.mid(colon + 1));
            conjunction.append(clause);
            i = close + 1;
            expectClause = false;
            continue;
        }
        const QString rest = text.mid(i);
        if (rest.startsWith(QLatin1String("OR"), Qt::CaseSensitive) && rest.size() > 2 && rest.at(2).isSpace()) {
            expression.m_alternatives.append(conjunction);
            conjunction.clear();
            i += 2;
        } else if (rest.startsWith(QLatin1String("AND"), Qt::CaseSensitive) && rest.size() > 3
            && rest.at(3).isSpace()) {
            i += 3;
        } else {
            *error = searchError(QStringLiteral("expected OR or AND at position %1").arg(i));
            return std::nullopt;
        }
        expectClause = true;
    }
    if (expectClause) {
        *error = searchError(conjunction.isEmpty() && expression.m_alternatives.isEmpty()
                ? QStringLiteral("it is empty")
                : QStringLiteral("it ends with OR or AND"));
        return std::nullopt;
    }
    expression.m_alternatives.append(conjunction);
    return expression;
}

bool SearchExpression::clauseMatches(const Clause& clause, const ValueAccessor& accessor)
{
    const QStringList valueWords = words(accessor(clause.propertyId).toString());
    for (const QString& wanted : clause.words) {
        bool found = false;
        for (const QString& word : valueWords) {
            if (word.startsWith(wanted)) {
                found = true;
                break;
            }
        }
        if (!found) {
            return false;
        }
    }
    return true;
}

bool SearchExpression::matches(const ValueAccessor& accessor) const
{
    for (const QList<Clause>& conjunction : m_alternatives) {
        bool all = true;
        for (const Clause& clause : conjunction) {
            if (!clauseMatches(clause, accessor)) {
                all = false;
                break;
            }
        }
        if (all) {
            return true;
        }
    }
    return false;
}

} // namespace tbsandbox
