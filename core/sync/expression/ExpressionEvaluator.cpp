// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/expression/ExpressionEvaluator.h"

#include "core/sync/expression/ExpressionFunctionCall.h"
#include "core/sync/expression/ExpressionFunctions.h"
#include "core/sync/expression/ExpressionParser.h"

#include <exception>

namespace tb::sync {

namespace {

// One evaluation of one expression: the attribute reads, the result's flags, the count of empty reads for IIF.
class Evaluation
{
public:
    Evaluation(const ExpressionAttributes& attributes, const ExpressionContext& context, ExpressionResult& result)
        : m_attributes(attributes)
        , m_context(context)
        , m_result(result)
    { }

    ExpressionValue evaluate(const ExpressionNode& node, bool isTopLevel)
    {
        switch (node.kind) {
        case ExpressionNode::Kind::Attribute: {
            const ExpressionValue value = m_attributes.value(node.text);
            if (value.isNullOrEmpty()) {
                ++m_emptyAttributeReads;
            }
            return value;
        }
        case ExpressionNode::Kind::String:
            return ExpressionValue::fromString(node.text);
        case ExpressionNode::Kind::Number:
            return number(node);
        case ExpressionNode::Kind::Name:
            return name(node);
        case ExpressionNode::Kind::Omitted:
            return {};
        case ExpressionNode::Kind::Comparison:
            return compare(node);
        case ExpressionNode::Kind::Call:
            break;
        }
        return call(node, isTopLevel);
    }

private:
    [[noreturn]] static void fail(const QString& reason) { throw ExpressionFailure {reason}; }

    static ExpressionValue number(const ExpressionNode& node)
    {
        // "&HF7" becomes "247", so that Join("", &HF) writes what the service would.
        if (node.text.startsWith(QLatin1Char('&'))) {
            const std::optional<qint64> value = parseExpressionInteger(node.text);
            if (!value) {
                fail(QStringLiteral("%1 at %2 is not a number").arg(node.text).arg(node.position));
            }
            return ExpressionValue::fromInteger(*value);
        }
        return ExpressionValue::fromString(node.text);
    }

    static ExpressionValue name(const ExpressionNode& node)
    {
        if (node.text.compare(QLatin1String("True"), Qt::CaseInsensitive) == 0) {
            return ExpressionValue::fromBool(true);
        }
        if (node.text.compare(QLatin1String("False"), Qt::CaseInsensitive) == 0) {
            return ExpressionValue::fromBool(false);
        }
        if (node.text.compare(QLatin1String("vbTextCompare"), Qt::CaseInsensitive) == 0
            || node.text.compare(QLatin1String("vbBinaryCompare"), Qt::CaseInsensitive) == 0) {
            return ExpressionValue::fromString(node.text);
        }
        fail(QStringLiteral("unknown name '%1' at %2 (attributes are written in square brackets, strings in quotes)")
                 .arg(node.text.left(60))
                 .arg(node.position));
    }

    ExpressionValue compare(const ExpressionNode& node)
    {
        const ExpressionValue left = evaluate(node.children.at(0), false);
        const ExpressionValue right = evaluate(node.children.at(1), false);
        if (left.isMultiValued() || right.isMultiValued()) {
            fail(QStringLiteral("'%1' at %2 compares a multi-valued attribute").arg(node.text).arg(node.position));
        }
        if (left.isNull() || right.isNull()) {
            return ExpressionValue::fromBool(false);
        }
        int order = 0;
        const std::optional<qint64> leftInteger = left.toInteger();
        const std::optional<qint64> rightInteger = right.toInteger();
        bool leftIsReal = false;
        bool rightIsReal = false;
        const double leftReal = left.toString().toDouble(&leftIsReal);
        const double rightReal = right.toString().toDouble(&rightIsReal);
        if (leftInteger && rightInteger) {
            order = *leftInteger < *rightInteger ? -1 : (*leftInteger > *rightInteger ? 1 : 0);
        } else if (leftIsReal && rightIsReal) {
            order = leftReal < rightReal ? -1 : (leftReal > rightReal ? 1 : 0);
        } else if ((left.isBoolean() || right.isBoolean()) && left.toBool() && right.toBool()) {
            order = *left.toBool() == *right.toBool() ? 0 : (*left.toBool() ? 1 : -1);
        } else {
            order = QString::compare(left.toString(), right.toString(), Qt::CaseSensitive);
        }
        const QString& op = node.text;
        if (op == QLatin1String("=")) {
            return ExpressionValue::fromBool(order == 0);
        }
        if (op == QLatin1String("<>")) {
            return ExpressionValue::fromBool(order != 0);
        }
        if (op == QLatin1String("<")) {
            return ExpressionValue::fromBool(order < 0);
        }
        if (op == QLatin1String("<=")) {
            return ExpressionValue::fromBool(order <= 0);
        }
        if (op == QLatin1String(">")) {
            return ExpressionValue::fromBool(order > 0);
        }
        return ExpressionValue::fromBool(order >= 0); // ">=", the lexer makes no other
    }

    ExpressionValue call(const ExpressionNode& node, bool isTopLevel)
    {
        const ExpressionFunctions::Definition* definition = ExpressionFunctions::find(node.text);
        if (!definition) {
            fail(QStringLiteral("unknown function '%1' at %2").arg(node.text.left(60)).arg(node.position));
        }
        const int count = static_cast<int>(node.children.size());
        const int minimum = definition->minimumArguments;
        const int maximum = definition->maximumArguments;
        if (count < minimum || (maximum >= 0 && count > maximum)) {
            QString expected;
            if (maximum < 0) {
                expected = QStringLiteral("at least %1").arg(minimum);
            } else if (minimum == maximum) {
                expected = QString::number(minimum);
            } else {
                expected = QStringLiteral("%1 to %2").arg(minimum).arg(maximum);
            }
            fail(QStringLiteral("%1 at %2 takes %3 argument%4, not %5")
                     .arg(definition->name)
                     .arg(node.position)
                     .arg(expected, maximum == 1 && minimum == 1 ? QString() : QStringLiteral("s"))
                     .arg(count));
        }
        ExpressionFunctionCall functionCall(
            node, [this](const ExpressionNode& argument) { return evaluate(argument, false); }, m_context, m_result,
            m_emptyAttributeReads, isTopLevel);
        return definition->implementation(functionCall);
    }

    const ExpressionAttributes& m_attributes;
    const ExpressionContext& m_context;
    ExpressionResult& m_result;
    int m_emptyAttributeReads = 0;
};

ExpressionResult failed(ExpressionResult result, const QString& reason)
{
    result.value = ExpressionValue();
    result.error = QString::fromLatin1(ExpressionEvaluator::kErrorPrefix) + reason;
    return result;
}

} // namespace

ExpressionEvaluator::ExpressionEvaluator(ExpressionContext context)
    : m_context(std::move(context))
{ }

ExpressionResult ExpressionEvaluator::evaluate(const ExpressionNode& root, const ExpressionAttributes& attributes) const
{
    ExpressionResult result;
    try {
        Evaluation evaluation(attributes, m_context, result);
        result.value = evaluation.evaluate(root, true);
    } catch (const ExpressionFailure& failure) {
        return failed(result, failure.reason);
    } catch (const std::exception& exception) {
        return failed(result, QString::fromLocal8Bit(exception.what()));
    } catch (...) {
        return failed(result, QStringLiteral("the expression could not be evaluated"));
    }
    return result;
}

ExpressionResult ExpressionEvaluator::evaluate(const QString& expression, const ExpressionAttributes& attributes) const
{
    const ExpressionParser::Result parsed = ExpressionParser::parse(expression);
    if (!parsed.isValid()) {
        return failed(ExpressionResult(), parsed.error);
    }
    return evaluate(*parsed.root, attributes);
}

} // namespace tb::sync
