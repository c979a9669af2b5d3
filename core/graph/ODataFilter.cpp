// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/ODataFilter.h"

#include <QRegularExpression>

namespace tb::graph {

ODataFilter ODataFilter::invalid(const QString& reason)
{
    ODataFilter filter;
    filter.m_error = reason;
    return filter;
}

bool ODataFilter::isValidPropertyName(const QString& property)
{
    // Property paths such as assignedLicenses/skuId; nothing that could start a literal, a space-separated
    // operator or a function call.
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9_]+(/[A-Za-z0-9_]+)*$"));
    return allowed.match(property).hasMatch();
}

QString ODataFilter::quote(const QString& text)
{
    // OData ABNF: SQUOTE-in-string = SQUOTE SQUOTE. Nothing else needs escaping inside the literal; the
    // URL encoding of the whole query happens later, in GraphRequest.
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

ODataFilter ODataFilter::eq(const QString& property, const QString& text)
{
    if (!isValidPropertyName(property)) {
        return invalid(QStringLiteral("\"%1\" is not a property name that can be filtered on.").arg(property));
    }
    ODataFilter filter;
    filter.m_expression = property + QStringLiteral(" eq ") + quote(text);
    return filter;
}

ODataFilter ODataFilter::eq(const QString& property, bool value)
{
    if (!isValidPropertyName(property)) {
        return invalid(QStringLiteral("\"%1\" is not a property name that can be filtered on.").arg(property));
    }
    ODataFilter filter;
    filter.m_expression
        = property + QStringLiteral(" eq ") + (value ? QStringLiteral("true") : QStringLiteral("false"));
    return filter;
}

ODataFilter ODataFilter::startsWith(const QString& property, const QString& text)
{
    if (!isValidPropertyName(property)) {
        return invalid(QStringLiteral("\"%1\" is not a property name that can be filtered on.").arg(property));
    }
    ODataFilter filter;
    filter.m_expression
        = QStringLiteral("startswith(") + property + QStringLiteral(", ") + quote(text) + QLatin1Char(')');
    return filter;
}

ODataFilter ODataFilter::in(const QString& property, const QStringList& texts)
{
    if (!isValidPropertyName(property)) {
        return invalid(QStringLiteral("\"%1\" is not a property name that can be filtered on.").arg(property));
    }
    if (texts.isEmpty()) {
        return invalid(QStringLiteral("an \"in\" filter on %1 needs at least one value.").arg(property));
    }
    QStringList quoted;
    quoted.reserve(texts.size());
    for (const QString& text : texts) {
        quoted.append(quote(text));
    }
    ODataFilter filter;
    filter.m_expression = property + QStringLiteral(" in (") + quoted.join(QStringLiteral(", ")) + QLatin1Char(')');
    return filter;
}

ODataFilter ODataFilter::join(const QList<ODataFilter>& parts, const QString& op)
{
    QStringList expressions;
    for (const ODataFilter& part : parts) {
        if (!part.isValid()) {
            return part; // an invalid part makes the whole invalid, with its reason
        }
        if (!part.m_expression.isEmpty()) {
            expressions.append(part.m_expression);
        }
    }
    ODataFilter filter;
    if (expressions.size() == 1) {
        filter.m_expression = expressions.first();
    } else if (!expressions.isEmpty()) {
        // Parentheses keep each part's meaning whatever the precedence of the operators inside it.
        filter.m_expression
            = QLatin1Char('(') + expressions.join(QStringLiteral(") ") + op + QStringLiteral(" (")) + QLatin1Char(')');
    }
    return filter;
}

ODataFilter ODataFilter::anyOf(const QList<ODataFilter>& parts)
{
    return join(parts, QStringLiteral("or"));
}

ODataFilter ODataFilter::allOf(const QList<ODataFilter>& parts)
{
    return join(parts, QStringLiteral("and"));
}

ODataFilter ODataFilter::operator&&(const ODataFilter& other) const
{
    return allOf({*this, other});
}

ODataFilter ODataFilter::operator||(const ODataFilter& other) const
{
    return anyOf({*this, other});
}

QString ODataFilter::toString() const
{
    return isValid() ? m_expression : QString();
}

} // namespace tb::graph
