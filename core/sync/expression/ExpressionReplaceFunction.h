// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sync/expression/ExpressionFunctionCall.h"
#include "core/sync/expression/ExpressionValue.h"

namespace tb::sync {

// Replace, the one function of the expression library (ExpressionFunctions lists it) with several forms chosen by
// which of its seven parameters are given, two of them .NET regular expressions run with PCRE (QRegularExpression;
// .NET's named groups (?<name>…) and substitutions $1, ${name} carry over). Stateless.
class ExpressionReplaceFunction
{
public:
    [[nodiscard]] static ExpressionValue replace(ExpressionFunctionCall& call);
};

} // namespace tb::sync
