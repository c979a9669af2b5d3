// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sync/expression/ExpressionNode.h"

#include <QString>

#include <optional>

namespace tb::sync {

// Parses the text of an attribute-mapping expression into an ExpressionNode tree: a recursive-descent parser over
// ExpressionLexer's tokens. Grammar (from the reference's syntax overview and its own examples, see ExpressionNode):
//
//   expression := operand [ ("=" | "<>" | "<" | "<=" | ">" | ">=") operand ]
//   operand    := attribute | string | number | name [ "(" [ argument { "," argument } ] ")" ]
//   argument   := expression | (nothing: an omitted argument)
//
// The reference says an expression is made of functions; the service's own mappings also hold a lone attribute
// ([mail]) or constant ("Member"), so those parse too. A syntax error says what was expected at which 1-based
// character ("expected ')' at 23"). Expressions are at most 10,000 characters (graph-reference.md 2.6), and nesting
// is limited so that no text can exhaust the stack. Stateless; safe from any thread.
class ExpressionParser
{
public:
    static constexpr int kMaxLength = 10000;
    static constexpr int kMaxDepth = 100;

    struct Result
    {
        std::optional<ExpressionNode> root; // set when error is empty
        QString error; // "expected ')' at 23"
        int errorPosition = 0; // 1-based; 0 when there is no error
        [[nodiscard]] bool isValid() const { return root.has_value(); }
    };

    [[nodiscard]] static Result parse(const QString& expression);
};

} // namespace tb::sync
