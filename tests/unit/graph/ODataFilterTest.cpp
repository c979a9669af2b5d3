// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/ODataFilter.h"

#include <catch2/catch.hpp>

using tb::graph::ODataFilter;

namespace {

// Walks an expression the way an OData parser does and returns what is outside string literals, so a test
// can show that user text never leaks out of its literal.
QString outsideLiterals(const QString& expression)
{
    QString outside;
    bool inLiteral = false;
    for (qsizetype i = 0; i < expression.size(); ++i) {
        const QChar c = expression.at(i);
        if (c == QLatin1Char('\'')) {
            if (inLiteral && i + 1 < expression.size() && expression.at(i + 1) == QLatin1Char('\'')) {
                ++i; // doubled quote: still inside
                continue;
            }
            inLiteral = !inLiteral;
            outside += QLatin1Char('\'');
            continue;
        }
        if (!inLiteral) {
            outside += c;
        }
    }
    return outside;
}

} // namespace

TEST_CASE("ODataFilter writes eq with a quoted literal", "[graph][odata]")
{
    CHECK(ODataFilter::eq(QStringLiteral("displayName"), QStringLiteral("Sales")).toString()
        == QStringLiteral("displayName eq 'Sales'"));
    CHECK(
        ODataFilter::eq(QStringLiteral("accountEnabled"), true).toString() == QStringLiteral("accountEnabled eq true"));
}

TEST_CASE("ODataFilter doubles quotes in user text", "[graph][odata]")
{
    CHECK(ODataFilter::quote(QStringLiteral("O'Brien")) == QStringLiteral("'O''Brien'"));
    CHECK(ODataFilter::quote(QStringLiteral("''")) == QStringLiteral("''''''"));
    CHECK(ODataFilter::startsWith(QStringLiteral("surname"), QStringLiteral("O'B")).toString()
        == QStringLiteral("startswith(surname, 'O''B')"));
}

TEST_CASE("ODataFilter keeps an injection attempt inside one literal", "[graph][odata]")
{
    const QString attack = QStringLiteral("x' or 1 eq 1 or displayName eq 'y");
    const ODataFilter filter = ODataFilter::eq(QStringLiteral("displayName"), attack);
    CHECK(filter.toString() == QStringLiteral("displayName eq 'x'' or 1 eq 1 or displayName eq ''y'"));
    // Outside the literal there is only the one clause we wrote.
    CHECK(outsideLiterals(filter.toString()) == QStringLiteral("displayName eq ''"));
    const ODataFilter prefix = ODataFilter::startsWith(QStringLiteral("mail"), attack);
    CHECK(outsideLiterals(prefix.toString()) == QStringLiteral("startswith(mail, '')"));
}

TEST_CASE("ODataFilter passes unicode text through unchanged", "[graph][odata]")
{
    const QString text = QStringLiteral("Zoë Müller-Łukasz 山田 \U0001F600");
    CHECK(ODataFilter::eq(QStringLiteral("displayName"), text).toString()
        == QStringLiteral("displayName eq '") + text + QLatin1Char('\''));
}

TEST_CASE("ODataFilter builds in lists and rejects an empty one", "[graph][odata]")
{
    CHECK(ODataFilter::in(QStringLiteral("mail"), {QStringLiteral("a@x.com"), QStringLiteral("b'c@x.com")}).toString()
        == QStringLiteral("mail in ('a@x.com', 'b''c@x.com')"));
    const ODataFilter empty = ODataFilter::in(QStringLiteral("mail"), {});
    CHECK_FALSE(empty.isValid());
    CHECK(empty.toString().isEmpty());
}

TEST_CASE("ODataFilter joins parts in parentheses and skips empty ones", "[graph][odata]")
{
    const ODataFilter a = ODataFilter::eq(QStringLiteral("userType"), QStringLiteral("Guest"));
    const ODataFilter b = ODataFilter::startsWith(QStringLiteral("displayName"), QStringLiteral("A"));
    CHECK((a && b).toString() == QStringLiteral("(userType eq 'Guest') and (startswith(displayName, 'A'))"));
    CHECK((a || b).toString() == QStringLiteral("(userType eq 'Guest') or (startswith(displayName, 'A'))"));
    CHECK(ODataFilter::anyOf({ODataFilter(), a}).toString() == QStringLiteral("userType eq 'Guest'"));
    CHECK(ODataFilter::anyOf({}).isEmpty());
}

TEST_CASE("ODataFilter rejects property names that could carry an expression", "[graph][odata]")
{
    CHECK(ODataFilter::isValidPropertyName(QStringLiteral("assignedLicenses/skuId")));
    CHECK(ODataFilter::isValidPropertyName(QStringLiteral("extension_abc_costCenter")));
    for (const QString& bad :
        {QStringLiteral(""), QStringLiteral("displayName eq 'x' or id"), QStringLiteral("a'b"), QStringLiteral("a b"),
            QStringLiteral("/x"), QStringLiteral("x/"), QStringLiteral("a(b)"), QStringLiteral("naïve")}) {
        INFO(bad.toStdString());
        CHECK_FALSE(ODataFilter::isValidPropertyName(bad));
        const ODataFilter filter = ODataFilter::eq(bad, QStringLiteral("v"));
        CHECK_FALSE(filter.isValid());
        CHECK(filter.toString().isEmpty());
        CHECK_FALSE(filter.errorMessage().isEmpty());
    }
}

TEST_CASE("ODataFilter makes a whole combination invalid when one part is", "[graph][odata]")
{
    const ODataFilter good = ODataFilter::eq(QStringLiteral("displayName"), QStringLiteral("a"));
    const ODataFilter bad = ODataFilter::eq(QStringLiteral("bad name"), QStringLiteral("a"));
    CHECK_FALSE((good || bad).isValid());
    CHECK((good || bad).toString().isEmpty());
}
