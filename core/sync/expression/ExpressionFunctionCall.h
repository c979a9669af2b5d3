// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sync/expression/ExpressionContext.h"
#include "core/sync/expression/ExpressionNode.h"
#include "core/sync/expression/ExpressionResult.h"
#include "core/sync/expression/ExpressionValue.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace tb::sync {

// Why one expression cannot be evaluated. Thrown by the function library and caught by ExpressionEvaluator, which
// turns it into ExpressionResult::error; it never leaves the evaluator.
struct ExpressionFailure
{
    QString reason;
};

// One function call being evaluated, as the function library sees it (ExpressionFunctions): its arguments,
// evaluated only when asked (IIF and Switch evaluate only the branch they take, as a preview of a Guid() in the
// branch not taken must not say "varies"), the evaluation context and the result whose flags a function sets.
// Lives on the stack of ExpressionEvaluator for the duration of one call.
class ExpressionFunctionCall
{
public:
    using NodeEvaluator = std::function<ExpressionValue(const ExpressionNode& node)>;

    // emptyAttributeReads: the evaluator's count of attribute reads that gave null or empty, for IIF.
    ExpressionFunctionCall(const ExpressionNode& call, NodeEvaluator evaluateNode, const ExpressionContext& context,
        ExpressionResult& result, const int& emptyAttributeReads, bool isTopLevel);

    [[nodiscard]] QString name() const { return m_call.text; }
    [[nodiscard]] int count() const { return static_cast<int>(m_call.children.size()); }
    // An argument written (even as ""), not left out between commas and not past the end.
    [[nodiscard]] bool isProvided(int index) const;
    [[nodiscard]] const ExpressionNode& argumentNode(int index) const { return m_call.children.at(index); }
    [[nodiscard]] bool isTopLevel() const { return m_isTopLevel; }

    // The argument's value, evaluated once; Null when left out or past the end.
    [[nodiscard]] ExpressionValue value(int index);
    // A single value as text: Null is "", a boolean "True"/"False"; a multi-valued one fails with what names the
    // parameter ("source").
    [[nodiscard]] QString text(int index, const QString& parameter);
    // A whole number; anything else fails naming the parameter.
    [[nodiscard]] qint64 integer(int index, const QString& parameter);
    // Evaluates an argument counting the attributes it read that were null or empty (for IIF's condition).
    [[nodiscard]] ExpressionValue valueCountingEmptyReads(int index, int* emptyReads);

    [[nodiscard]] const ExpressionContext& context() const { return m_context; }
    [[nodiscard]] ExpressionResult& result() { return m_result; }
    [[nodiscard]] QDateTime now() const;

    // Stops the evaluation of the whole expression: "<Name>: <reason>".
    [[noreturn]] void fail(const QString& reason) const;

private:
    const ExpressionNode& m_call;
    NodeEvaluator m_evaluateNode;
    const ExpressionContext& m_context;
    ExpressionResult& m_result;
    const int& m_emptyAttributeReads;
    bool m_isTopLevel = false;
    QList<std::optional<ExpressionValue>> m_values;
};

} // namespace tb::sync
