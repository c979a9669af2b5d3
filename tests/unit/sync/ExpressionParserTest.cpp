// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/expression/ExpressionParser.h"
#include "core/sync/expression/ExpressionLexer.h"

#include <catch2/catch.hpp>

using tb::sync::ExpressionLexer;
using tb::sync::ExpressionNode;
using tb::sync::ExpressionParser;
using Kind = tb::sync::ExpressionNode::Kind;

namespace {

ExpressionNode parsed(const QString& expression)
{
    const ExpressionParser::Result result = ExpressionParser::parse(expression);
    INFO(expression.toStdString() << " -> " << result.error.toStdString());
    REQUIRE(result.isValid());
    return *result.root;
}

QString errorOf(const QString& expression)
{
    const ExpressionParser::Result result = ExpressionParser::parse(expression);
    REQUIRE_FALSE(result.isValid());
    return result.error;
}

} // namespace

TEST_CASE("ExpressionParser reads attributes, strings and nested calls", "[sync][expression]")
{
    const ExpressionNode root = parsed(QStringLiteral("Join(\"@\", NormalizeDiacritics(StripSpaces([givenName])), "
                                                      "\"contoso.com\")"));
    CHECK(root.kind == Kind::Call);
    CHECK(root.text == QLatin1String("Join"));
    CHECK(root.position == 1);
    REQUIRE(root.children.size() == 3);
    CHECK(root.children[0].kind == Kind::String);
    CHECK(root.children[0].text == QLatin1String("@"));
    CHECK(root.children[0].position == 6);
    const ExpressionNode& normalize = root.children[1];
    CHECK(normalize.kind == Kind::Call);
    CHECK(normalize.text == QLatin1String("NormalizeDiacritics"));
    REQUIRE(normalize.children.size() == 1);
    CHECK(normalize.children[0].children[0].kind == Kind::Attribute);
    CHECK(normalize.children[0].children[0].text == QLatin1String("givenName"));
    CHECK(root.children[2].text == QLatin1String("contoso.com"));
}

TEST_CASE("ExpressionParser accepts a lone attribute or constant, as the service's mappings hold", "[sync][expression]")
{
    CHECK(parsed(QStringLiteral("[mail]")).kind == Kind::Attribute);
    CHECK(parsed(QStringLiteral("  \"Member\"  ")).kind == Kind::String);
    CHECK(parsed(QStringLiteral("[extension_abc_costCenter]")).text == QLatin1String("extension_abc_costCenter"));
}

TEST_CASE("ExpressionParser resolves the documented string escapes", "[sync][expression]")
{
    // The reference: "Company name: \"Contoso\"" — a backslash escapes a quotation mark or a backslash.
    CHECK(
        parsed(QStringLiteral(R"~("Company name: \"Contoso\"")~")).text == QLatin1String("Company name: \"Contoso\""));
    CHECK(parsed(QStringLiteral(R"~("a\\b")~")).text == QLatin1String("a\\b"));
    // The reference's regex examples write "\\d"; a lone backslash before another character is kept.
    CHECK(parsed(QStringLiteral(R"~("\\+(?<isdCode>\\d* )")~")).text == QLatin1String("\\+(?<isdCode>\\d* )"));
    CHECK(parsed(QStringLiteral(R"~("\d")~")).text == QLatin1String("\\d"));
    CHECK(parsed(QStringLiteral("\"Zoë Ñúñez\"")).text == QStringLiteral("Zoë Ñúñez"));
}

TEST_CASE("ExpressionParser reads numbers, VB hexadecimal, bare names and empty arguments", "[sync][expression]")
{
    const ExpressionNode bitAnd = parsed(QStringLiteral("BitAnd(&HF, &HF7)"));
    REQUIRE(bitAnd.children.size() == 2);
    CHECK(bitAnd.children[0].kind == Kind::Number);
    CHECK(bitAnd.children[1].text == QLatin1String("&HF7"));

    const ExpressionNode dateAdd = parsed(QStringLiteral("DateAdd(\"d\", -10, CDate([StatusHireDate]))"));
    CHECK(dateAdd.children[1].kind == Kind::Number);
    CHECK(dateAdd.children[1].text == QLatin1String("-10"));

    const ExpressionNode inStr = parsed(QStringLiteral("InStr(\"repEated\",\"e\",3,vbBinaryCompare)"));
    CHECK(inStr.children[3].kind == Kind::Name);

    // The reference's Replace examples leave arguments out, trailing ones too.
    const ExpressionNode replace = parsed(QStringLiteral("Replace([mail], \"@contoso.com\", , ,\"\", ,)"));
    REQUIRE(replace.children.size() == 7);
    CHECK(replace.children[2].kind == Kind::Omitted);
    CHECK(replace.children[4].kind == Kind::String);
    CHECK(replace.children[6].kind == Kind::Omitted);

    CHECK(parsed(QStringLiteral("Guid()")).children.empty());
    CHECK(parsed(QStringLiteral("Switch([Active], , \"1\", \"x\")")).children[1].kind == Kind::Omitted);
}

TEST_CASE("ExpressionParser reads the comparisons IIF's condition uses", "[sync][expression]")
{
    const ExpressionNode iif = parsed(QStringLiteral("IIF([country]=\"USA\",[country],[department])"));
    REQUIRE(iif.children.size() == 3);
    const ExpressionNode& condition = iif.children[0];
    CHECK(condition.kind == Kind::Comparison);
    CHECK(condition.text == QLatin1String("="));
    CHECK(condition.children[0].text == QLatin1String("country"));
    CHECK(condition.children[1].text == QLatin1String("USA"));
    for (const char* op : {"<>", "<", "<=", ">", ">="}) {
        const ExpressionNode node = parsed(QStringLiteral("CBool([a] %1 5)").arg(QLatin1String(op)));
        CHECK(node.children[0].text == QLatin1String(op));
    }
    // The multi-line Switch of the reference's DateDiff example.
    const ExpressionNode multiLine = parsed(QStringLiteral(
        "Switch([Active], , \n  \"1\", IIF(DateDiff(\"d\", Now(), CDate([StatusHireDate])) > 5, \"False\", \"True\"), "
        "\n  \"0\", \"False\")"));
    CHECK(multiLine.children.size() == 6);
}

TEST_CASE("ExpressionParser function names keep their spelling; matching is the evaluator's", "[sync][expression]")
{
    CHECK(parsed(QStringLiteral("switch([a], \"x\")")).text == QLatin1String("switch"));
}

TEST_CASE("ExpressionParser says what it expected at which character", "[sync][expression]")
{
    // 1-based positions: the 23rd character is where ')' was due.
    CHECK(errorOf(QStringLiteral("Join(\"@\", [givenName] \"x\")"))
              .startsWith(QLatin1String("expected ',' or ')' at 23")));
    CHECK(errorOf(QStringLiteral("Left([a], 3")).startsWith(QLatin1String("expected ',' or ')' at 12")));
    CHECK(
        errorOf(QStringLiteral("Left([a], 3))")).startsWith(QLatin1String("expected the end of the expression at 13")));
    CHECK(errorOf(QStringLiteral(""))
              .startsWith(QLatin1String("expected an attribute, a string, a number or a function at 1")));
    CHECK(errorOf(QStringLiteral("Left([a, 3)"))
        == QLatin1String("expected ']' to close the attribute name started at 6"));
    CHECK(errorOf(QStringLiteral("Append([a], \"x)"))
        == QLatin1String("expected '\"' to close the string started at 13"));
    CHECK(errorOf(QStringLiteral("Append([a]; \"x\")")) == QLatin1String("unexpected character ';' at 11"));
    CHECK(errorOf(QStringLiteral("Left([], 1)")) == QLatin1String("expected an attribute name at 7"));
    CHECK(errorOf(QStringLiteral("IIF([a] = [b] = [c], 1, 2)")).contains(QLatin1String("cannot be chained")));
    CHECK(errorOf(QStringLiteral("BitAnd(&H, 1)")).startsWith(QLatin1String("expected hexadecimal digits")));
    CHECK(errorOf(QStringLiteral("(\"a\")")).contains(QLatin1String("at 1")));
}

TEST_CASE("ExpressionParser refuses more than 10,000 characters and deep nesting", "[sync][expression]")
{
    const QString longest = QLatin1Char('"') + QString(9998, QLatin1Char('a')) + QLatin1Char('"');
    CHECK(ExpressionParser::parse(longest).isValid());
    const ExpressionParser::Result tooLong = ExpressionParser::parse(longest + QLatin1Char(' '));
    CHECK_FALSE(tooLong.isValid());
    CHECK(tooLong.error.contains(QLatin1String("at most 10000")));

    QString deep;
    for (int i = 0; i < 500; ++i) {
        deep += QStringLiteral("Trim(");
    }
    deep += QStringLiteral("[a]") + QString(500, QLatin1Char(')'));
    const ExpressionParser::Result nested = ExpressionParser::parse(deep);
    CHECK_FALSE(nested.isValid());
    CHECK(nested.error.contains(QLatin1String("nested more than")));

    QString unclosed;
    for (int i = 0; i < 2500; ++i) {
        unclosed += QStringLiteral("F(");
    }
    CHECK_FALSE(ExpressionParser::parse(unclosed).isValid());
}

TEST_CASE("ExpressionParser's canonical form reads back to the same tree", "[sync][expression]")
{
    const QString text = QStringLiteral(R"~(Replace([a], , "\\d+\"x", , "", , ))~");
    const QString canonical = parsed(text).toExpression();
    CHECK(canonical == QLatin1String(R"~(Replace([a], , "\\d+\"x", , "", , ))~"));
    CHECK(parsed(canonical).toExpression() == canonical);
}

TEST_CASE("ExpressionLexer gives positions of tokens", "[sync][expression]")
{
    const ExpressionLexer::Result lexed = ExpressionLexer::tokenize(QStringLiteral("Left( [a] ,2)"));
    REQUIRE(lexed.error.isEmpty());
    REQUIRE(lexed.tokens.size() == 7);
    CHECK(lexed.tokens[0].kind == ExpressionLexer::TokenKind::Name);
    CHECK(lexed.tokens[2].kind == ExpressionLexer::TokenKind::Attribute);
    CHECK(lexed.tokens[2].position == 7);
    CHECK(lexed.tokens[4].position == 12);
    CHECK(lexed.tokens[6].kind == ExpressionLexer::TokenKind::End);
}
