// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/graph/LogFilter.h"

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>

namespace tbsandbox {

struct LogFilter::Node
{
    enum class Kind { And, Or, Not, Compare, Function };
    Kind kind = Kind::Compare;
    QList<std::shared_ptr<const Node>> children;
    QString path; // slash-separated property path
    bool lower = false; // tolower(path)
    QString op; // eq, ne, gt, ge, lt, le, contains, startswith, endswith
    QJsonValue literal;
    bool bareLiteral = false; // a date, date-time or number written without quotes
};

namespace {

QJsonValue resolve(const QJsonObject& record, const QString& path)
{
    QJsonValue value = record;
    for (const QString& part : path.split(QLatin1Char('/'))) {
        value = value.toObject().value(part);
    }
    return value;
}

std::optional<QDateTime> instant(const QString& text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        time = QDateTime::fromString(text, Qt::ISODate);
    }
    if (!time.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid()) {
            return std::nullopt;
        }
        time = date.startOfDay(Qt::UTC);
    }
    return time;
}

// <0, 0, >0; nothing when the two cannot be ordered.
std::optional<int> order(const QJsonValue& value, const QJsonValue& literal)
{
    if (value.isString() && literal.isString()) {
        const std::optional<QDateTime> left = instant(value.toString());
        const std::optional<QDateTime> right = instant(literal.toString());
        if (left && right && value.toString().size() >= 10) {
            return *left < *right ? -1 : (*left > *right ? 1 : 0);
        }
        return value.toString().compare(literal.toString(), Qt::CaseSensitive);
    }
    if (value.isDouble() && literal.isDouble()) {
        return value.toDouble() < literal.toDouble() ? -1 : (value.toDouble() > literal.toDouble() ? 1 : 0);
    }
    return std::nullopt;
}

class Parser
{
public:
    explicit Parser(const QString& text)
        : m_text(text)
    { }

    std::shared_ptr<const LogFilter::Node> parse(QString* problem)
    {
        auto root = orExpression();
        skipSpace();
        if (!root || m_pos < m_text.size()) {
            *problem = m_problem.isEmpty() ? QStringLiteral("Invalid $filter near '%1'.").arg(m_text.mid(m_pos, 30))
                                           : m_problem;
            return nullptr;
        }
        return root;
    }

private:
    using NodePtr = std::shared_ptr<LogFilter::Node>;

    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace()) {
            ++m_pos;
        }
    }

    // The next word (letters, digits, '_', '.', '/', ':', '-', '+') without consuming it.
    QString peekWord()
    {
        skipSpace();
        qsizetype end = m_pos;
        while (end < m_text.size()
            && (m_text.at(end).isLetterOrNumber() || QStringLiteral("_./:-+").contains(m_text.at(end)))) {
            ++end;
        }
        return m_text.mid(m_pos, end - m_pos);
    }

    QString word()
    {
        const QString next = peekWord();
        m_pos += next.size();
        return next;
    }

    bool take(QChar c)
    {
        skipSpace();
        if (m_pos < m_text.size() && m_text.at(m_pos) == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    NodePtr fail(const QString& message)
    {
        if (m_problem.isEmpty()) {
            m_problem = message;
        }
        return nullptr;
    }

    NodePtr orExpression()
    {
        NodePtr left = andExpression();
        while (left && peekWord().compare(QLatin1String("or"), Qt::CaseInsensitive) == 0) {
            word();
            NodePtr right = andExpression();
            if (!right) {
                return nullptr;
            }
            auto node = std::make_shared<LogFilter::Node>();
            node->kind = LogFilter::Node::Kind::Or;
            node->children = {left, right};
            left = node;
        }
        return left;
    }

    NodePtr andExpression()
    {
        NodePtr left = unary();
        while (left && peekWord().compare(QLatin1String("and"), Qt::CaseInsensitive) == 0) {
            word();
            NodePtr right = unary();
            if (!right) {
                return nullptr;
            }
            auto node = std::make_shared<LogFilter::Node>();
            node->kind = LogFilter::Node::Kind::And;
            node->children = {left, right};
            left = node;
        }
        return left;
    }

    NodePtr unary()
    {
        // Every level of parentheses or 'not' passes here once; a request of thousands of '(' must get a 400 rather
        // than overflow the server's stack. Real filters nest a few levels.
        constexpr int kMaxNesting = 100;
        ++m_depth;
        NodePtr node = m_depth > kMaxNesting
            ? fail(QStringLiteral("Invalid $filter: it nests parentheses or 'not' more than %1 levels deep.")
                       .arg(kMaxNesting))
            : nestedUnary();
        --m_depth;
        return node;
    }

    NodePtr nestedUnary()
    {
        if (peekWord().compare(QLatin1String("not"), Qt::CaseInsensitive) == 0) {
            word();
            NodePtr inner = unary();
            if (!inner) {
                return nullptr;
            }
            auto node = std::make_shared<LogFilter::Node>();
            node->kind = LogFilter::Node::Kind::Not;
            node->children = {inner};
            return node;
        }
        if (take(QLatin1Char('('))) {
            NodePtr inner = orExpression();
            if (!inner || !take(QLatin1Char(')'))) {
                return fail(QStringLiteral("Invalid $filter: a '(' is not closed."));
            }
            return inner;
        }
        const QString first = peekWord();
        static const QStringList functions {
            QStringLiteral("contains"), QStringLiteral("startswith"), QStringLiteral("endswith")};
        if (functions.contains(first.toLower())) {
            word();
            auto node = std::make_shared<LogFilter::Node>();
            node->kind = LogFilter::Node::Kind::Function;
            node->op = first.toLower();
            if (!take(QLatin1Char('(')) || !operand(*node) || !take(QLatin1Char(',')) || !literal(*node)
                || !take(QLatin1Char(')'))) {
                return fail(QStringLiteral("Invalid $filter: %1 takes (property, 'text').").arg(first));
            }
            return node;
        }
        auto node = std::make_shared<LogFilter::Node>();
        node->kind = LogFilter::Node::Kind::Compare;
        if (!operand(*node)) {
            return fail(QStringLiteral("Invalid $filter near '%1': expected a property.").arg(m_text.mid(m_pos, 30)));
        }
        static const QStringList operators {QStringLiteral("eq"), QStringLiteral("ne"), QStringLiteral("gt"),
            QStringLiteral("ge"), QStringLiteral("lt"), QStringLiteral("le")};
        node->op = word().toLower();
        if (!operators.contains(node->op)) {
            return fail(QStringLiteral("Invalid $filter: '%1' is not an operator of this collection (eq, ne, gt, ge, "
                                       "lt, le, contains, startswith, endswith).")
                            .arg(node->op));
        }
        if (!literal(*node)) {
            return fail(QStringLiteral("Invalid $filter near '%1': expected a value.").arg(m_text.mid(m_pos, 30)));
        }
        return node;
    }

    bool operand(LogFilter::Node& node)
    {
        if (peekWord().compare(QLatin1String("tolower"), Qt::CaseInsensitive) == 0) {
            word();
            node.lower = true;
            if (!take(QLatin1Char('('))) {
                return false;
            }
            node.path = word();
            return !node.path.isEmpty() && take(QLatin1Char(')'));
        }
        node.path = word();
        static const QRegularExpression pathPattern(QStringLiteral("^[A-Za-z][A-Za-z0-9_]*(/[A-Za-z][A-Za-z0-9_]*)*$"));
        return pathPattern.match(node.path).hasMatch();
    }

    bool literal(LogFilter::Node& node)
    {
        skipSpace();
        QString prefix = peekWord(); // microsoft.graph.provisioningResult'failure'
        if (!prefix.isEmpty() && m_pos + prefix.size() < m_text.size()
            && m_text.at(m_pos + prefix.size()) == QLatin1Char('\'')
            && prefix.startsWith(QLatin1String("microsoft."))) {
            m_pos += prefix.size();
        }
        if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char('\'')) {
            QString value;
            ++m_pos;
            while (m_pos < m_text.size()) {
                if (m_text.at(m_pos) == QLatin1Char('\'')) {
                    if (m_pos + 1 < m_text.size() && m_text.at(m_pos + 1) == QLatin1Char('\'')) {
                        value += QLatin1Char('\'');
                        m_pos += 2;
                        continue;
                    }
                    ++m_pos;
                    node.literal = value;
                    return true;
                }
                value += m_text.at(m_pos++);
            }
            return false;
        }
        const QString bare = word();
        if (bare.isEmpty()) {
            return false;
        }
        node.bareLiteral = true;
        if (bare == QLatin1String("null")) {
            node.literal = QJsonValue::Null;
        } else if (bare == QLatin1String("true") || bare == QLatin1String("false")) {
            node.literal = bare == QLatin1String("true");
        } else if (instant(bare)) {
            node.literal = bare;
        } else {
            bool ok = false;
            const double number = bare.toDouble(&ok);
            if (!ok) {
                return false;
            }
            node.literal = number;
        }
        return true;
    }

    const QString& m_text;
    qsizetype m_pos = 0;
    QString m_problem;
    int m_depth = 0;
};

bool evaluate(const LogFilter::Node& node, const QJsonObject& record)
{
    using Kind = LogFilter::Node::Kind;
    switch (node.kind) {
    case Kind::And:
        return evaluate(*node.children.at(0), record) && evaluate(*node.children.at(1), record);
    case Kind::Or:
        return evaluate(*node.children.at(0), record) || evaluate(*node.children.at(1), record);
    case Kind::Not:
        return !evaluate(*node.children.at(0), record);
    case Kind::Function:
    case Kind::Compare:
        break;
    }
    QJsonValue value = resolve(record, node.path);
    if (node.lower && value.isString()) {
        value = value.toString().toLower();
    }
    if (node.kind == Kind::Function) {
        const QString haystack = value.toString();
        const QString needle = node.literal.toString();
        if (!value.isString()) {
            return false;
        }
        if (node.op == QLatin1String("contains")) {
            return haystack.contains(needle, Qt::CaseSensitive);
        }
        return node.op == QLatin1String("startswith") ? haystack.startsWith(needle, Qt::CaseSensitive)
                                                      : haystack.endsWith(needle, Qt::CaseSensitive);
    }
    if (node.op == QLatin1String("eq") || node.op == QLatin1String("ne")) {
        bool equal = false;
        if (node.literal.isNull()) {
            equal = value.isNull() || value.isUndefined();
        } else if (const std::optional<int> compared = order(value, node.literal)) {
            equal = *compared == 0;
        } else {
            equal = value == node.literal;
        }
        return node.op == QLatin1String("eq") ? equal : !equal;
    }
    const std::optional<int> compared = order(value, node.literal);
    if (!compared) {
        return false;
    }
    if (node.op == QLatin1String("gt")) {
        return *compared > 0;
    }
    if (node.op == QLatin1String("ge")) {
        return *compared >= 0;
    }
    if (node.op == QLatin1String("lt")) {
        return *compared < 0;
    }
    return *compared <= 0;
}

} // namespace

LogFilter::LogFilter() = default;
LogFilter::~LogFilter() = default;
LogFilter::LogFilter(LogFilter&&) noexcept = default;
LogFilter& LogFilter::operator=(LogFilter&&) noexcept = default;

std::optional<LogFilter> LogFilter::parse(const QString& text, QString* problem)
{
    Parser parser(text);
    std::shared_ptr<const Node> root = parser.parse(problem);
    if (!root) {
        return std::nullopt;
    }
    LogFilter filter;
    filter.m_root = std::move(root);
    return filter;
}

bool LogFilter::matches(const QJsonObject& record) const
{
    return !m_root || evaluate(*m_root, record);
}

} // namespace tbsandbox
