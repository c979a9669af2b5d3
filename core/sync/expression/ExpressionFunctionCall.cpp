// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/expression/ExpressionFunctionCall.h"

namespace tb::sync {

ExpressionFunctionCall::ExpressionFunctionCall(const ExpressionNode& call, NodeEvaluator evaluateNode,
    const ExpressionContext& context, ExpressionResult& result, const int& emptyAttributeReads, bool isTopLevel)
    : m_call(call)
    , m_evaluateNode(std::move(evaluateNode))
    , m_context(context)
    , m_result(result)
    , m_emptyAttributeReads(emptyAttributeReads)
    , m_isTopLevel(isTopLevel)
{
    m_values.resize(call.children.size());
}

bool ExpressionFunctionCall::isProvided(int index) const
{
    return index >= 0 && index < count() && m_call.children.at(index).kind != ExpressionNode::Kind::Omitted;
}

ExpressionValue ExpressionFunctionCall::value(int index)
{
    if (!isProvided(index)) {
        return {};
    }
    if (!m_values.at(index).has_value()) {
        m_values[index] = m_evaluateNode(m_call.children.at(index));
    }
    return *m_values.at(index);
}

QString ExpressionFunctionCall::text(int index, const QString& parameter)
{
    const ExpressionValue argument = value(index);
    if (argument.isMultiValued()) {
        fail(QStringLiteral("%1 must be a single value, not the multi-valued %2").arg(parameter, argument.describe()));
    }
    return argument.toString();
}

qint64 ExpressionFunctionCall::integer(int index, const QString& parameter)
{
    const ExpressionValue argument = value(index);
    const std::optional<qint64> number = argument.toInteger();
    if (!number) {
        fail(QStringLiteral("%1 must be a whole number, not %2").arg(parameter, argument.describe()));
    }
    return *number;
}

ExpressionValue ExpressionFunctionCall::valueCountingEmptyReads(int index, int* emptyReads)
{
    const int before = m_emptyAttributeReads;
    const ExpressionValue argument = value(index);
    *emptyReads = m_emptyAttributeReads - before;
    return argument;
}

QDateTime ExpressionFunctionCall::now() const
{
    return (m_context.clock ? m_context.clock() : QDateTime::currentDateTimeUtc()).toUTC();
}

void ExpressionFunctionCall::fail(const QString& reason) const
{
    throw ExpressionFailure {m_call.text + QStringLiteral(": ") + reason};
}

} // namespace tb::sync
