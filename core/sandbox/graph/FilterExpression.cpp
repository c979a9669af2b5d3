// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/graph/FilterExpression.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>

namespace tbsandbox {

namespace {

enum class TokenKind {
    Identifier,
    String,
    Number,
    Guid,
    OpenParen,
    CloseParen,
    Comma,
    Colon,
    Slash,
    End,
};

struct Token
{
    TokenKind kind = TokenKind::End;
    QString text; // identifier name, literal value (unescaped), or the character
    qsizetype position = 0;
};

enum class NodeKind {
    Or,
    And,
    Not,
    Compare,
    In,
    StartsWith,
    EndsWith,
    Any,
};

enum class OperandKind {
    Property,
    Element, // the lambda variable itself
    ElementField, // lambda variable / field
    Literal,
};

struct Operand
{
    OperandKind kind = OperandKind::Literal;
    int propertyId = -1;
    QString field;
    QJsonValue literal;
};

} // namespace

struct FilterExpression::Node
{
    NodeKind kind = NodeKind::Compare;
    QString op; // eq, ne, gt, ge, lt, le
    std::shared_ptr<const Node> left;
    std::shared_ptr<const Node> right;
    Operand lhs;
    Operand rhs;
    QList<QJsonValue> list; // for in
    int collectionId = -1; // for any
};

namespace {

using Node = FilterExpression::Node;

QJsonValue operandValue(
    const Operand& operand, const FilterExpression::ValueAccessor& accessor, const QJsonValue& element)
{
    switch (operand.kind) {
    case OperandKind::Property:
        return accessor(operand.propertyId);
    case OperandKind::Element:
        return element;
    case OperandKind::ElementField:
        return element.toObject().value(operand.field);
    case OperandKind::Literal:
        return operand.literal;
    }
    return {};
}

bool valuesEqual(const QJsonValue& a, const QJsonValue& b)
{
    const bool aNull = a.isNull() || a.isUndefined();
    const bool bNull = b.isNull() || b.isUndefined();
    if (aNull || bNull) {
        return aNull && bNull;
    }
    if (a.isString() && b.isString()) {
        return a.toString().compare(b.toString(), Qt::CaseInsensitive) == 0;
    }
    if (a.isBool() && b.isBool()) {
        return a.toBool() == b.toBool();
    }
    if (a.isDouble() && b.isDouble()) {
        return a.toDouble() == b.toDouble();
    }
    return false;
}

std::optional<int> compareOrder(const QJsonValue& a, const QJsonValue& b)
{
    if (a.isString() && b.isString()) {
        return a.toString().compare(b.toString(), Qt::CaseInsensitive);
    }
    if (a.isDouble() && b.isDouble()) {
        return a.toDouble() < b.toDouble() ? -1 : (a.toDouble() > b.toDouble() ? 1 : 0);
    }
    return std::nullopt;
}

bool evaluate(const Node& node, const FilterExpression::ValueAccessor& accessor, const QJsonValue& element)
{
    switch (node.kind) {
    case NodeKind::Or:
        return evaluate(*node.left, accessor, element) || evaluate(*node.right, accessor, element);
    case NodeKind::And:
        return evaluate(*node.left, accessor, element) && evaluate(*node.right, accessor, element);
    case NodeKind::Not:
        return !evaluate(*node.left, accessor, element);
    case NodeKind::Compare: {
        const QJsonValue a = operandValue(node.lhs, accessor, element);
        const QJsonValue b = operandValue(node.rhs, accessor, element);
        if (node.op == QLatin1String("eq")) {
            return valuesEqual(a, b);
        }
        if (node.op == QLatin1String("ne")) {
            return !valuesEqual(a, b);
        }
        const std::optional<int> order = compareOrder(a, b);
        if (!order) {
            return false;
        }
        if (node.op == QLatin1String("gt")) {
            return *order > 0;
        }
        if (node.op == QLatin1String("ge")) {
            return *order >= 0;
        }
        if (node.op == QLatin1String("lt")) {
            return *order < 0;
        }
        return *order <= 0;
    }
    case NodeKind::In: {
        const QJsonValue a = operandValue(node.lhs, accessor, element);
        for (const QJsonValue& candidate : node.list) {
            if (valuesEqual(a, candidate)) {
                return true;
            }
        }
        return false;
    }
    case NodeKind::StartsWith:
    case NodeKind::EndsWith: {
        const QJsonValue a = operandValue(node.lhs, accessor, element);
        const QString needle = operandValue(node.rhs, accessor, element).toString();
        if (!a.isString()) {
            return false;
        }
        return node.kind == NodeKind::StartsWith ? a.toString().startsWith(needle, Qt::CaseInsensitive)
                                                 : a.toString().endsWith(needle, Qt::CaseInsensitive);
    }
    case NodeKind::Any: {
        const QJsonArray items = accessor(node.collectionId).toArray();
        for (const QJsonValue& item : items) {
            if (!node.left || evaluate(*node.left, accessor, item)) {
                return true;
            }
        }
        return false;
    }
    }
    return false;
}

} // namespace

// Counts one level of nesting for as long as it lives.
class NestingLevel final
{
public:
    explicit NestingLevel(int& depth)
        : m_depth(depth)
    {
        ++m_depth;
    }
    ~NestingLevel() { --m_depth; }
    NestingLevel(const NestingLevel&) = delete;
    NestingLevel& operator=(const NestingLevel&) = delete;

private:
    int& m_depth;
};

// Recursive-descent parser: or > and > not > primary. Lives only in this file.
class FilterParser final
{
public:
    // Parentheses, 'not' and any() each recurse once more; a request of thousands of '(' must get a 400 rather than
    // overflow the server's stack. Real filters nest a few levels.
    static constexpr int kMaxNesting = 100;

    FilterParser(const QString& text, const FilterExpression::PropertyResolver& resolver)
        : m_text(text)
        , m_resolver(resolver)
    { }

    std::optional<FilterExpression> run(QueryError* error)
    {
        if (!tokenize()) {
            *error = m_error;
            return std::nullopt;
        }
        std::shared_ptr<const Node> root = parseOr();
        if (root && peek().kind != TokenKind::End) {
            fail(QStringLiteral("unexpected '%1' at position %2; expected 'and', 'or' or the end of the filter")
                     .arg(peek().text)
                     .arg(peek().position));
            root.reset();
        }
        if (!root) {
            *error = m_error;
            return std::nullopt;
        }
        FilterExpression expression;
        expression.m_root = root;
        expression.m_advanced = !m_advancedOperator.isEmpty();
        expression.m_advancedOperator = m_advancedOperator;
        return expression;
    }

private:
    bool tokenize()
    {
        static const QRegularExpression guid(
            QStringLiteral("\\G[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"));
        qsizetype i = 0;
        while (i < m_text.size()) {
            const QChar c = m_text.at(i);
            if (c.isSpace()) {
                ++i;
                continue;
            }
            Token token;
            token.position = i;
            const QRegularExpressionMatch guidMatch = guid.match(m_text, i);
            if (guidMatch.hasMatch()) {
                token.kind = TokenKind::Guid;
                token.text = guidMatch.captured(0);
                i += token.text.size();
            } else if (c == QLatin1Char('\'')) {
                QString value;
                ++i;
                bool closed = false;
                while (i < m_text.size()) {
                    if (m_text.at(i) == QLatin1Char('\'')) {
                        if (i + 1 < m_text.size() && m_text.at(i + 1) == QLatin1Char('\'')) {
                            value += QLatin1Char('\'');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        ++i;
                        break;
                    }
                    value += m_text.at(i++);
                }
                if (!closed) {
                    return failSyntax(QStringLiteral("the string literal starting at position %1 is not closed with "
                                                     "a quote (write a quote inside a literal as '')")
                                          .arg(token.position));
                }
                token.kind = TokenKind::String;
                token.text = value;
            } else if (c.isLetter() || c == QLatin1Char('_') || c == QLatin1Char('$')) {
                const qsizetype start = i;
                while (i < m_text.size()
                    && (m_text.at(i).isLetterOrNumber() || m_text.at(i) == QLatin1Char('_')
                        || m_text.at(i) == QLatin1Char('$'))) {
                    ++i;
                }
                token.kind = TokenKind::Identifier;
                token.text = m_text.mid(start, i - start);
            } else if (c.isDigit() || (c == QLatin1Char('-') && i + 1 < m_text.size() && m_text.at(i + 1).isDigit())) {
                const qsizetype start = i++;
                while (i < m_text.size() && (m_text.at(i).isDigit() || m_text.at(i) == QLatin1Char('.'))) {
                    ++i;
                }
                token.kind = TokenKind::Number;
                token.text = m_text.mid(start, i - start);
            } else if (c == QLatin1Char('(')) {
                token = {TokenKind::OpenParen, QStringLiteral("("), i++};
            } else if (c == QLatin1Char(')')) {
                token = {TokenKind::CloseParen, QStringLiteral(")"), i++};
            } else if (c == QLatin1Char(',')) {
                token = {TokenKind::Comma, QStringLiteral(","), i++};
            } else if (c == QLatin1Char(':')) {
                token = {TokenKind::Colon, QStringLiteral(":"), i++};
            } else if (c == QLatin1Char('/')) {
                token = {TokenKind::Slash, QStringLiteral("/"), i++};
            } else {
                return failSyntax(QStringLiteral("the character '%1' at position %2 is not valid here").arg(c).arg(i));
            }
            m_tokens.append(token);
        }
        m_tokens.append(Token {TokenKind::End, QStringLiteral("end of filter"), m_text.size()});
        return true;
    }

    const Token& peek() const { return m_tokens.at(m_pos); }
    // Never moves past the End token, so a truncated filter cannot read beyond the list.
    const Token& next()
    {
        const Token& token = m_tokens.at(m_pos);
        if (m_pos + 1 < m_tokens.size()) {
            ++m_pos;
        }
        return token;
    }
    bool peekKeyword(QLatin1String word) const
    {
        return peek().kind == TokenKind::Identifier && peek().text.compare(word, Qt::CaseInsensitive) == 0;
    }

    bool failSyntax(const QString& what)
    {
        m_error = {400, QStringLiteral("Request_BadRequest"), QStringLiteral("Invalid $filter: %1.").arg(what)};
        return false;
    }
    std::shared_ptr<const Node> fail(const QString& what)
    {
        failSyntax(what);
        return nullptr;
    }
    std::shared_ptr<const Node> unsupported(const QString& what)
    {
        m_error = {400, QStringLiteral("Request_UnsupportedQuery"), what};
        return nullptr;
    }
    void markAdvanced(const QString& op)
    {
        if (m_advancedOperator.isEmpty()) {
            m_advancedOperator = op;
        }
    }

    std::shared_ptr<const Node> parseOr()
    {
        std::shared_ptr<const Node> left = parseAnd();
        while (left && peekKeyword(QLatin1String("or"))) {
            next();
            std::shared_ptr<const Node> right = parseAnd();
            if (!right) {
                return nullptr;
            }
            auto node = std::make_shared<Node>();
            node->kind = NodeKind::Or;
            node->left = left;
            node->right = right;
            left = node;
        }
        return left;
    }

    std::shared_ptr<const Node> parseAnd()
    {
        std::shared_ptr<const Node> left = parseUnary();
        while (left && peekKeyword(QLatin1String("and"))) {
            next();
            std::shared_ptr<const Node> right = parseUnary();
            if (!right) {
                return nullptr;
            }
            auto node = std::make_shared<Node>();
            node->kind = NodeKind::And;
            node->left = left;
            node->right = right;
            left = node;
        }
        return left;
    }

    std::shared_ptr<const Node> parseUnary()
    {
        // Every level of parentheses, 'not' or any() passes here once.
        const NestingLevel level(m_depth);
        if (m_depth > kMaxNesting) {
            return fail(QStringLiteral("it nests parentheses, 'not' or any() more than %1 levels deep at position %2")
                            .arg(kMaxNesting)
                            .arg(peek().position));
        }
        if (peekKeyword(QLatin1String("not"))) {
            next();
            markAdvanced(QStringLiteral("not"));
            std::shared_ptr<const Node> inner = parseUnary();
            if (!inner) {
                return nullptr;
            }
            auto node = std::make_shared<Node>();
            node->kind = NodeKind::Not;
            node->left = inner;
            return node;
        }
        return parsePrimary();
    }

    std::optional<QJsonValue> parseLiteral()
    {
        const Token& token = next();
        switch (token.kind) {
        case TokenKind::String:
        case TokenKind::Guid:
            return QJsonValue(token.text);
        case TokenKind::Number: {
            bool ok = false;
            const double number = token.text.toDouble(&ok);
            if (ok) {
                return QJsonValue(number);
            }
            break;
        }
        case TokenKind::Identifier:
            if (token.text == QLatin1String("true") || token.text == QLatin1String("false")) {
                return QJsonValue(token.text == QLatin1String("true"));
            }
            if (token.text == QLatin1String("null")) {
                return QJsonValue(QJsonValue::Null);
            }
            break;
        default:
            break;
        }
        failSyntax(QStringLiteral("expected a literal ('text', a number, a GUID, true, false or null) at position "
                                  "%1 but found '%2'")
                       .arg(token.position)
                       .arg(token.text));
        return std::nullopt;
    }

    // A property path, the lambda variable, or a literal.
    std::optional<Operand> parseOperand()
    {
        const Token& token = peek();
        if (token.kind != TokenKind::Identifier || token.text == QLatin1String("true")
            || token.text == QLatin1String("false") || token.text == QLatin1String("null")) {
            std::optional<QJsonValue> literal = parseLiteral();
            if (!literal) {
                return std::nullopt;
            }
            return Operand {OperandKind::Literal, -1, QString(), *literal};
        }
        next();
        if (!m_lambdaVariable.isEmpty() && token.text == m_lambdaVariable) {
            if (peek().kind == TokenKind::Slash) {
                next();
                const Token& field = next();
                if (field.kind != TokenKind::Identifier) {
                    failSyntax(QStringLiteral("expected a property name after '%1/' at position %2")
                                   .arg(m_lambdaVariable)
                                   .arg(field.position));
                    return std::nullopt;
                }
                return Operand {OperandKind::ElementField, -1, field.text, {}};
            }
            return Operand {OperandKind::Element, -1, QString(), {}};
        }
        if (peek().kind == TokenKind::Slash) {
            m_error = {400, QStringLiteral("Request_UnsupportedQuery"),
                QStringLiteral("Unsupported property path '%1/…' in $filter at position %2; only "
                               "assignedLicenses/any(x:x/skuId eq GUID) is a supported path.")
                    .arg(token.text)
                    .arg(token.position)};
            return std::nullopt;
        }
        const std::optional<FilterExpression::PropertyInfo> info = m_resolver(token.text);
        if (!info) {
            m_error = {400, QStringLiteral("Request_UnsupportedQuery"),
                QStringLiteral("Could not find a property named '%1' (position %2 of $filter); put text values in "
                               "single quotes, e.g. '%1'.")
                    .arg(token.text)
                    .arg(token.position)};
            return std::nullopt;
        }
        if (!info->filterable || info->collection) {
            m_error = {400, QStringLiteral("Request_UnsupportedQuery"),
                QStringLiteral("Unsupported or invalid query filter clause specified for property '%1'.")
                    .arg(token.text)};
            return std::nullopt;
        }
        return Operand {OperandKind::Property, info->id, QString(), {}};
    }

    std::shared_ptr<const Node> parsePrimary()
    {
        const Token& token = peek();
        if (token.kind == TokenKind::OpenParen) {
            next();
            std::shared_ptr<const Node> inner = parseOr();
            if (!inner) {
                return nullptr;
            }
            if (peek().kind != TokenKind::CloseParen) {
                return fail(
                    QStringLiteral("expected ')' at position %1 but found '%2'").arg(peek().position).arg(peek().text));
            }
            next();
            return inner;
        }
        if (token.kind == TokenKind::End) {
            return fail(QStringLiteral("the filter ends where a condition was expected"));
        }
        if (token.kind == TokenKind::Identifier && m_pos + 1 < m_tokens.size()
            && m_tokens.at(m_pos + 1).kind == TokenKind::OpenParen) {
            return parseFunction();
        }
        if (token.kind == TokenKind::Identifier && m_pos + 2 < m_tokens.size()
            && m_tokens.at(m_pos + 1).kind == TokenKind::Slash && m_tokens.at(m_pos + 2).kind == TokenKind::Identifier
            && m_tokens.at(m_pos + 2).text.compare(QLatin1String("any"), Qt::CaseInsensitive) == 0) {
            return parseAny();
        }
        std::optional<Operand> lhs = parseOperand();
        if (!lhs) {
            return nullptr;
        }
        const Token& op = next();
        static const QStringList comparisons = {QStringLiteral("eq"), QStringLiteral("ne"), QStringLiteral("gt"),
            QStringLiteral("ge"), QStringLiteral("lt"), QStringLiteral("le")};
        if (op.kind == TokenKind::Identifier && comparisons.contains(op.text.toLower())) {
            std::optional<Operand> rhs = parseOperand();
            if (!rhs) {
                return nullptr;
            }
            auto node = std::make_shared<Node>();
            node->kind = NodeKind::Compare;
            node->op = op.text.toLower();
            node->lhs = *lhs;
            node->rhs = *rhs;
            if (node->op == QLatin1String("ne")) {
                markAdvanced(QStringLiteral("ne"));
            }
            return node;
        }
        if (op.kind == TokenKind::Identifier && op.text.compare(QLatin1String("in"), Qt::CaseInsensitive) == 0) {
            if (next().kind != TokenKind::OpenParen) {
                return fail(QStringLiteral("expected '(' after 'in' at position %1").arg(op.position));
            }
            auto node = std::make_shared<Node>();
            node->kind = NodeKind::In;
            node->lhs = *lhs;
            while (true) {
                std::optional<QJsonValue> literal = parseLiteral();
                if (!literal) {
                    return nullptr;
                }
                node->list.append(*literal);
                const Token& separator = next();
                if (separator.kind == TokenKind::CloseParen) {
                    break;
                }
                if (separator.kind != TokenKind::Comma) {
                    return fail(QStringLiteral("expected ',' or ')' in the 'in' list at position %1 but found '%2'")
                                    .arg(separator.position)
                                    .arg(separator.text));
                }
            }
            return node;
        }
        return fail(QStringLiteral("expected an operator (eq, ne, gt, ge, lt, le, in) at position %1 but found '%2'")
                        .arg(op.position)
                        .arg(op.text));
    }

    std::shared_ptr<const Node> parseFunction()
    {
        const Token& name = next();
        const QString function = name.text.toLower();
        if (function != QLatin1String("startswith") && function != QLatin1String("endswith")) {
            return unsupported(QStringLiteral("The function '%1' (position %2 of $filter) is not supported; use "
                                              "startswith or endswith.")
                                   .arg(name.text)
                                   .arg(name.position));
        }
        next(); // '('
        std::optional<Operand> property = parseOperand();
        if (!property) {
            return nullptr;
        }
        if (next().kind != TokenKind::Comma) {
            return fail(QStringLiteral("%1 takes two arguments: (property,'text')").arg(name.text));
        }
        std::optional<QJsonValue> literal = parseLiteral();
        if (!literal) {
            return nullptr;
        }
        const Token& close = next();
        if (close.kind != TokenKind::CloseParen) {
            return fail(
                QStringLiteral("expected ')' at position %1 but found '%2'").arg(close.position).arg(close.text));
        }
        auto node = std::make_shared<Node>();
        node->kind = function == QLatin1String("startswith") ? NodeKind::StartsWith : NodeKind::EndsWith;
        node->lhs = *property;
        node->rhs = Operand {OperandKind::Literal, -1, QString(), *literal};
        if (node->kind == NodeKind::EndsWith) {
            markAdvanced(QStringLiteral("endswith"));
        }
        return node;
    }

    std::shared_ptr<const Node> parseAny()
    {
        const Token& collection = next();
        next(); // '/'
        next(); // 'any'
        const std::optional<FilterExpression::PropertyInfo> info = m_resolver(collection.text);
        if (!info || !info->collection) {
            return unsupported(QStringLiteral("The lambda 'any' is not supported on '%1' (position %2 of $filter).")
                                   .arg(collection.text)
                                   .arg(collection.position));
        }
        if (next().kind != TokenKind::OpenParen) {
            return fail(QStringLiteral("expected '(' after '%1/any'").arg(collection.text));
        }
        auto node = std::make_shared<Node>();
        node->kind = NodeKind::Any;
        node->collectionId = info->id;
        if (peek().kind == TokenKind::CloseParen) {
            next();
            return node;
        }
        const Token& variable = next();
        if (variable.kind != TokenKind::Identifier || next().kind != TokenKind::Colon) {
            return fail(
                QStringLiteral("expected 'x:' to name the lambda variable at position %1").arg(variable.position));
        }
        const QString outer = m_lambdaVariable;
        m_lambdaVariable = variable.text;
        std::shared_ptr<const Node> body = parseOr();
        m_lambdaVariable = outer;
        if (!body) {
            return nullptr;
        }
        const Token& close = next();
        if (close.kind != TokenKind::CloseParen) {
            return fail(QStringLiteral("expected ')' to close any() at position %1 but found '%2'")
                            .arg(close.position)
                            .arg(close.text));
        }
        node->left = body;
        return node;
    }

    const QString& m_text;
    const FilterExpression::PropertyResolver& m_resolver;
    QList<Token> m_tokens;
    qsizetype m_pos = 0;
    QString m_lambdaVariable;
    QString m_advancedOperator;
    QueryError m_error;
    int m_depth = 0;
};

FilterExpression::FilterExpression() = default;
FilterExpression::~FilterExpression() = default;
FilterExpression::FilterExpression(FilterExpression&&) noexcept = default;
FilterExpression& FilterExpression::operator=(FilterExpression&&) noexcept = default;

std::optional<FilterExpression> FilterExpression::parse(
    const QString& text, const PropertyResolver& resolver, QueryError* error)
{
    FilterParser parser(text, resolver);
    return parser.run(error);
}

bool FilterExpression::matches(const ValueAccessor& accessor) const
{
    return m_root && evaluate(*m_root, accessor, QJsonValue());
}

} // namespace tbsandbox
