// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/expression/ScopingOperator.h"

#include <catch2/catch.hpp>

using tb::sync::ExpressionValue;
using tb::sync::ScopingOperator;

namespace {

ExpressionValue one(const char* text)
{
    return ExpressionValue::fromString(QString::fromUtf8(text));
}

bool holds(const char* operatorName, const ExpressionValue& source, const QStringList& targets = {})
{
    const ScopingOperator::Result result
        = ScopingOperator::evaluate(QString::fromLatin1(operatorName), source, targets);
    INFO(operatorName << " " << source.describe().toStdString() << " -> " << result.error.toStdString());
    REQUIRE_FALSE(result.isError());
    return result.matches;
}

QString errorOf(const char* operatorName, const ExpressionValue& source, const QStringList& targets = {})
{
    const ScopingOperator::Result result
        = ScopingOperator::evaluate(QString::fromLatin1(operatorName), source, targets);
    REQUIRE(result.isError());
    CHECK_FALSE(result.matches);
    return result.error;
}

QStringList values(std::initializer_list<const char*> texts)
{
    QStringList list;
    for (const char* text : texts) {
        list.append(QString::fromUtf8(text));
    }
    return list;
}

} // namespace

TEST_CASE("ScopingOperator names match in any case, with spaces or underscores", "[sync][scoping]")
{
    using Kind = ScopingOperator::Kind;
    CHECK(ScopingOperator::fromName(QStringLiteral("EQUALS")) == Kind::Equals);
    CHECK(ScopingOperator::fromName(QStringLiteral("equals")) == Kind::Equals);
    CHECK(ScopingOperator::fromName(QStringLiteral("NOT EQUALS")) == Kind::NotEquals);
    CHECK(ScopingOperator::fromName(QStringLiteral("NOT_EQUALS")) == Kind::NotEquals);
    CHECK(ScopingOperator::fromName(QStringLiteral("IS_NOT_NULL")) == Kind::IsNotNull);
    CHECK(ScopingOperator::fromName(QStringLiteral("Greater_Than")) == Kind::GreaterThan);
    CHECK(ScopingOperator::fromName(QStringLiteral("GREATER THAN OR EQUALS")) == Kind::GreaterThanOrEquals);
    CHECK(ScopingOperator::fromName(QStringLiteral("Less_Than_OR_EQUALS")) == Kind::LessThanOrEquals);
    CHECK(ScopingOperator::fromName(QStringLiteral("not includes")) == Kind::NotIncludes);
    CHECK(ScopingOperator::fromName(QStringLiteral("Regex_Match")) == Kind::RegexMatch);
    CHECK(ScopingOperator::fromName(QStringLiteral("&")) == Kind::ContainedIn);
    CHECK(ScopingOperator::fromName(QStringLiteral("!&")) == Kind::NotContainedIn);
    CHECK(ScopingOperator::fromName(QStringLiteral("ends with")) == Kind::EndsWith);
    CHECK_FALSE(ScopingOperator::fromName(QStringLiteral("IsMemberOf")).has_value());
    CHECK(ScopingOperator::name(Kind::NotRegexMatch) == QLatin1String("NOT REGEX MATCH"));
    CHECK(errorOf("LIKE", one("a"), values({"a"})).contains(QLatin1String("unknown scoping operator \"LIKE\"")));
}

TEST_CASE("ScopingOperator EQUALS and NOT EQUALS are exact and case-sensitive", "[sync][scoping]")
{
    CHECK(holds("EQUALS", one("Sales"), values({"Sales"})));
    CHECK_FALSE(holds("EQUALS", one("sales"), values({"Sales"})));
    CHECK(holds("NOT EQUALS", one("sales"), values({"Sales"})));
    CHECK_FALSE(holds("NOT EQUALS", one("Sales"), values({"Sales"})));
    CHECK(holds("EQUALS", one("Zoë Ñúñez"), values({"Zoë Ñúñez"})));
    CHECK(holds("EQUALS", one("b"), values({"a", "b"}))); // any of several values
    CHECK_FALSE(holds("NOT EQUALS", one("b"), values({"a", "b"})));
    // The built-in CTS clause: alternativeSecurityIds EQUALS None.
    CHECK(holds("EQUALS", one("None"), values({"None"})));
}

TEST_CASE("ScopingOperator is false for a null or empty attribute except IS NULL", "[sync][scoping]")
{
    for (const ExpressionValue& empty : {ExpressionValue(), one("")}) {
        CHECK_FALSE(holds("EQUALS", empty, values({""})));
        CHECK_FALSE(holds("NOT EQUALS", empty, values({"Sales"})));
        CHECK_FALSE(holds("NOT REGEX MATCH", empty, values({"x"})));
        CHECK_FALSE(holds("Not_Includes", empty, values({"x"})));
        CHECK_FALSE(holds("IS TRUE", empty));
        CHECK_FALSE(holds("IS FALSE", empty));
        CHECK_FALSE(holds("Greater_Than", empty, values({"1"})));
        CHECK(holds("IS NULL", empty));
        CHECK_FALSE(holds("IS NOT NULL", empty));
    }
    CHECK_FALSE(holds("IS NULL", one("x")));
    CHECK(holds("IS NOT NULL", one("x")));
}

TEST_CASE("ScopingOperator IS TRUE and IS FALSE read booleans", "[sync][scoping]")
{
    CHECK(holds("IS TRUE", ExpressionValue::fromBool(true)));
    CHECK(holds("IS TRUE", one("true")));
    CHECK_FALSE(holds("IS TRUE", one("False")));
    CHECK(holds("IS FALSE", ExpressionValue::fromBool(false)));
    CHECK_FALSE(holds("IS FALSE", one("yes")));
    CHECK_FALSE(holds("IS TRUE", one("1")));
}

TEST_CASE("ScopingOperator REGEX MATCH and NOT REGEX MATCH", "[sync][scoping]")
{
    // The docs' common filters.
    CHECK(holds("REGEX MATCH", one("ann@domain.com"), values({R"(.*\@domain.com)"})));
    CHECK_FALSE(holds("NOT REGEX MATCH", one("ann@domain.com"), values({R"(.*\@domain.com)"})));
    CHECK(holds("NOT REGEX MATCH", one("ann@other.com"), values({R"(.*\@domain.com)"})));
    CHECK(holds("REGEX MATCH", one("1500000"), values({"(1[0-9][0-9][0-9][0-9][0-9][0-9])"})));
    CHECK(holds("REGEX MATCH", one("55"), values({"([1-9][0-9])"})));
    CHECK_FALSE(holds("REGEX MATCH", one("ABC"), values({"abc"}))); // case-sensitive
    CHECK(holds("REGEX MATCH", one("Zoë"), values({"^Zo.$"})));
    CHECK(errorOf("REGEX MATCH", one("x"), values({"("})).contains(QLatin1String("not valid")));
}

TEST_CASE("ScopingOperator Greater_Than and friends compare whole numbers only", "[sync][scoping]")
{
    CHECK(holds("Greater_Than", one("2000001"), values({"2000000"})));
    CHECK_FALSE(holds("Greater_Than", one("2000000"), values({"2000000"})));
    CHECK(holds("Greater_Than_OR_EQUALS", one("2000000"), values({"2000000"})));
    CHECK(holds("Less_Than", one("9"), values({"10"}))); // as numbers, not text
    CHECK_FALSE(holds("Less_Than", one("10"), values({"10"})));
    CHECK(holds("Less_Than_OR_EQUALS", one("-3"), values({"0"})));
    CHECK(errorOf("Greater_Than", one("12"), values({"1.5"})).contains(QLatin1String("clause's value")));
    CHECK(errorOf("Greater_Than", one("A12"), values({"5"})).contains(QLatin1String("attribute's value")));
    CHECK(errorOf("Greater_Than", one("12"), {}).contains(QLatin1String("needs a value")));
}

TEST_CASE("ScopingOperator Includes, Not_Includes, &, !& and ENDS_WITH", "[sync][scoping]")
{
    CHECK(holds("Includes", one("Sales Europe"), values({"Europe"})));
    CHECK_FALSE(holds("Includes", one("Sales Europe"), values({"europe"})));
    CHECK(holds("Not_Includes", one("Sales Europe"), values({"Asia"})));
    CHECK_FALSE(holds("Not_Includes", one("Sales Europe"), values({"Sales"})));
    CHECK(holds("&", one("Sales"), values({"Sales;Marketing"})));
    CHECK_FALSE(holds("&", one("Finance"), values({"Sales;Marketing"})));
    CHECK(holds("!&", one("Finance"), values({"Sales;Marketing"})));
    CHECK(holds("ENDS_WITH", one("ann@contoso.com"), values({"@contoso.com"})));
    CHECK_FALSE(holds("ENDS_WITH", one("ann@contoso.com"), values({"@CONTOSO.COM"})));
    CHECK(holds("Includes", one("Straße"), values({"ß"})));
}

TEST_CASE("ScopingOperator applies a clause to every value of a multi-valued attribute", "[sync][scoping]")
{
    const ExpressionValue addresses = ExpressionValue::fromList(values({"SMTP:a@contoso.com", "smtp:b@contoso.com"}));
    CHECK(holds("Includes", addresses, values({"@contoso.com"})));
    CHECK_FALSE(holds("Includes", addresses, values({"SMTP"})));
    CHECK(holds("NOT EQUALS", addresses, values({"x"})));
    CHECK_FALSE(holds("NOT EQUALS", addresses, values({"smtp:b@contoso.com"})));
}
