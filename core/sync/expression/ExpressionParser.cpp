// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/expression/ExpressionParser.h"

#include "core/sync/expression/ExpressionLexer.h"

namespace tb::sync {

namespace {

using Token = ExpressionLexer::Token;
using TokenKind = ExpressionLexer::TokenKind;

// Thrown inside the parser only, caught in parse().
struct SyntaxError
{
    QString message;
    int position = 0;
};

class Parser
{
public:
    explicit Parser(const QList<Token>& tokens)
        : m_tokens(tokens)
    { }

    ExpressionNode parseAll()
    {
        ExpressionNode root = parseExpression(0);
        if (current().kind != TokenKind::End) {
            fail(QStringLiteral("expected the end of the expression"));
        }
        return root;
    }

private:
    const Token& current() const { return m_tokens.at(m_index); }

    void advance()
    {
        if (m_index + 1 < m_tokens.size()) {
            ++m_index;
        }
    }

    [[noreturn]] void fail(const QString& expected) const
    {
        const Token& token = current();
        QString found = ExpressionLexer::describe(token.kind);
        if (token.kind != TokenKind::End) {
            // Long strings are cut: the message is for a person looking at one line.
            const QString shown = token.text.size() > 40 ? token.text.left(40) + QStringLiteral("…") : token.text;
            found = QStringLiteral("%1 '%2'").arg(found, shown);
        }
        throw SyntaxError {
            QStringLiteral("%1 at %2 (found %3)").arg(expected).arg(token.position).arg(found), token.position};
    }

    void expect(TokenKind kind, const QString& expected)
    {
        if (current().kind != kind) {
            fail(expected);
        }
        advance();
    }

    ExpressionNode parseExpression(int depth)
    {
        if (depth > ExpressionParser::kMaxDepth) {
            throw SyntaxError {QStringLiteral("functions are nested more than %1 deep at %2")
                                   .arg(ExpressionParser::kMaxDepth)
                                   .arg(current().position),
                current().position};
        }
        ExpressionNode left = parseOperand(depth);
        if (current().kind != TokenKind::Operator) {
            return left;
        }
        ExpressionNode comparison;
        comparison.kind = ExpressionNode::Kind::Comparison;
        comparison.text = current().text;
        comparison.position = current().position;
        advance();
        ExpressionNode right = parseOperand(depth);
        comparison.children.push_back(std::move(left));
        comparison.children.push_back(std::move(right));
        if (current().kind == TokenKind::Operator) {
            fail(QStringLiteral("expected ',' or ')' (comparisons cannot be chained)"));
        }
        return comparison;
    }

    ExpressionNode parseOperand(int depth)
    {
        const Token token = current();
        ExpressionNode node;
        node.position = token.position;
        node.text = token.text;
        switch (token.kind) {
        case TokenKind::Attribute:
            node.kind = ExpressionNode::Kind::Attribute;
            advance();
            return node;
        case TokenKind::String:
            node.kind = ExpressionNode::Kind::String;
            advance();
            return node;
        case TokenKind::Number:
            node.kind = ExpressionNode::Kind::Number;
            advance();
            return node;
        case TokenKind::Name:
            advance();
            if (current().kind != TokenKind::OpenParen) {
                node.kind = ExpressionNode::Kind::Name;
                return node;
            }
            node.kind = ExpressionNode::Kind::Call;
            advance();
            parseArguments(node, depth);
            return node;
        default:
            break;
        }
        fail(QStringLiteral("expected an attribute, a string, a number or a function"));
    }

    // After "(": arguments up to and including ")". "F()" has no argument; "F(a, )" has an omitted second one.
    void parseArguments(ExpressionNode& call, int depth)
    {
        if (current().kind == TokenKind::CloseParen) {
            advance();
            return;
        }
        for (;;) {
            if (current().kind == TokenKind::Comma || current().kind == TokenKind::CloseParen) {
                ExpressionNode omitted;
                omitted.kind = ExpressionNode::Kind::Omitted;
                omitted.position = current().position;
                call.children.push_back(std::move(omitted));
            } else {
                call.children.push_back(parseExpression(depth + 1));
            }
            if (current().kind == TokenKind::Comma) {
                advance();
                continue;
            }
            expect(TokenKind::CloseParen, QStringLiteral("expected ',' or ')'"));
            return;
        }
    }

    const QList<Token>& m_tokens;
    qsizetype m_index = 0;
};

} // namespace

ExpressionParser::Result ExpressionParser::parse(const QString& expression)
{
    Result result;
    if (expression.size() > kMaxLength) {
        result.errorPosition = kMaxLength + 1;
        result.error = QStringLiteral("the expression has %1 characters; the service allows at most %2")
                           .arg(expression.size())
                           .arg(kMaxLength);
        return result;
    }
    const ExpressionLexer::Result lexed = ExpressionLexer::tokenize(expression);
    if (!lexed.error.isEmpty()) {
        result.error = lexed.error;
        result.errorPosition = lexed.errorPosition;
        return result;
    }
    try {
        Parser parser(lexed.tokens);
        result.root = parser.parseAll();
    } catch (const SyntaxError& error) {
        result.error = error.message;
        result.errorPosition = error.position;
    }
    return result;
}

} // namespace tb::sync
