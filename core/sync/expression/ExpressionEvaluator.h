// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sync/expression/ExpressionAttributes.h"
#include "core/sync/expression/ExpressionContext.h"
#include "core/sync/expression/ExpressionNode.h"
#include "core/sync/expression/ExpressionResult.h"

#include <QString>

namespace tb::sync {

// Evaluates an attribute-mapping expression (parsed by ExpressionParser) against one source object's attributes,
// with the function library of ExpressionFunctions, the way the provisioning service would, so that a preview can
// show the value an attribute will get. Whatever the expression, the answer is an ExpressionResult: a value with its
// flags (dropped from the flow, varies on each run, assumed unique, redacted), or an error
// "cannot preview this attribute: <reason>" for this expression only (unknown function, wrong number of
// arguments, a value a function cannot take). Nothing is thrown out of it.
//
// Comparisons (in IIF's condition, CBool's argument; the reference lists =, <>, >, >=, <, <=): Null on either side
// makes the comparison False; two whole numbers (or two decimal numbers) compare as numbers; a boolean against text
// that reads as a boolean compares as booleans; anything else compares as text, case-sensitively and ordinally.
// Bare names: True and False are booleans, vbTextCompare and vbBinaryCompare are InStr's compare types.
//
// Value type holding the context; evaluate() is const and safe to call from several threads when the context's
// functions are.
class ExpressionEvaluator
{
public:
    static constexpr const char* kErrorPrefix = "cannot preview this attribute: ";

    explicit ExpressionEvaluator(ExpressionContext context = {});

    [[nodiscard]] ExpressionResult evaluate(const ExpressionNode& root, const ExpressionAttributes& attributes) const;
    // Parses, then evaluates; a syntax error is the result's error.
    [[nodiscard]] ExpressionResult evaluate(const QString& expression, const ExpressionAttributes& attributes) const;

private:
    ExpressionContext m_context;
};

} // namespace tb::sync
