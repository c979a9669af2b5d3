// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tb::graph {

// Builds $filter expressions with user text made harmless ("Use the $filter query parameter"; OData 4.01
// ABNF: a quote inside a string literal is written as two quotes). Property names are checked against
// [A-Za-z0-9_/]; a bad one makes the filter invalid instead of reaching the service. Whatever the user
// types ends up inside one string literal: it cannot close the literal and add a clause. Value type.
class ODataFilter
{
public:
    ODataFilter() = default; // empty: matches everything, isEmpty()

    [[nodiscard]] static ODataFilter eq(const QString& property, const QString& text);
    [[nodiscard]] static ODataFilter eq(const QString& property, bool value);
    [[nodiscard]] static ODataFilter startsWith(const QString& property, const QString& text);
    // property in ('a', 'b'); an empty list gives an invalid filter (Graph rejects "in ()").
    [[nodiscard]] static ODataFilter in(const QString& property, const QStringList& texts);
    // Joins with or/and, each part in parentheses; empty parts are skipped.
    [[nodiscard]] static ODataFilter anyOf(const QList<ODataFilter>& parts);
    [[nodiscard]] static ODataFilter allOf(const QList<ODataFilter>& parts);

    [[nodiscard]] ODataFilter operator&&(const ODataFilter& other) const;
    [[nodiscard]] ODataFilter operator||(const ODataFilter& other) const;

    // 'text' with every ' doubled.
    [[nodiscard]] static QString quote(const QString& text);
    [[nodiscard]] static bool isValidPropertyName(const QString& property);

    [[nodiscard]] bool isEmpty() const { return m_expression.isEmpty() && m_error.isEmpty(); }
    [[nodiscard]] bool isValid() const { return m_error.isEmpty(); }
    // Why it is invalid, as a sentence; empty when valid.
    [[nodiscard]] const QString& errorMessage() const { return m_error; }
    // The expression for $filter (not yet URL-encoded; GraphRequest does that). Empty when invalid.
    [[nodiscard]] QString toString() const;

private:
    [[nodiscard]] static ODataFilter invalid(const QString& reason);
    [[nodiscard]] static ODataFilter join(const QList<ODataFilter>& parts, const QString& op);

    QString m_expression;
    QString m_error;
};

} // namespace tb::graph
