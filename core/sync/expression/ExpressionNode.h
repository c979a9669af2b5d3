// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <vector>

namespace tb::sync {

// One node of a parsed attribute-mapping expression (ExpressionParser). The reference's grammar has three kinds of
// argument: attributes ([name]), string constants ("...") and function calls; its own examples add number
// constants (DateAdd("d", 7, …), BitAnd(&HF, &HF7)), bare names (InStr(…, vbBinaryCompare)), comparisons inside a
// condition (IIF([country]="USA", …), CBool([a] = [b])) and arguments left out (Replace([mail], , "x", , "", , ),
// Switch([Active], , "1", …)). Value type; a call owns its arguments.
struct ExpressionNode
{
    enum class Kind {
        Attribute, // text: the attribute name as written
        String, // text: the constant with escapes resolved
        Number, // text: the literal as written ("7", "-10", "&HF7")
        Name, // text: a bare name (True, False, vbTextCompare)
        Call, // text: the function name as written; children: the arguments
        Comparison, // text: the operator (=, <>, <, <=, >, >=); children: left, right
        Omitted // an argument left out between commas
    };

    Kind kind = Kind::Omitted;
    QString text;
    int position = 0; // 1-based character where the node starts
    std::vector<ExpressionNode> children;

    // The expression written back in canonical form (function names as written, strings re-escaped).
    [[nodiscard]] QString toExpression() const;
};

} // namespace tb::sync
