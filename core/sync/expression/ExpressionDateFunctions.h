// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sync/expression/ExpressionFunctionCall.h"
#include "core/sync/expression/ExpressionValue.h"

namespace tb::sync {

// The date functions of the expression library (ExpressionFunctions lists them): CDate, DateAdd, DateDiff,
// DateFromNum, FormatDateTime, Now and NumFromDate. DateTime is not an attribute type of the service; these
// functions pass dates between each other as the service's text "M/d/yyyy h:mm:ss tt" in UTC (reference: CDate
// remarks) and accept the ISO 8601 forms the reference's examples use (DotNetDateFormat::parseFlexible). Stateless.
class ExpressionDateFunctions
{
public:
    [[nodiscard]] static ExpressionValue cDate(ExpressionFunctionCall& call);
    [[nodiscard]] static ExpressionValue dateAdd(ExpressionFunctionCall& call);
    [[nodiscard]] static ExpressionValue dateDiff(ExpressionFunctionCall& call);
    [[nodiscard]] static ExpressionValue dateFromNum(ExpressionFunctionCall& call);
    [[nodiscard]] static ExpressionValue formatDateTime(ExpressionFunctionCall& call);
    [[nodiscard]] static ExpressionValue now(ExpressionFunctionCall& call);
    [[nodiscard]] static ExpressionValue numFromDate(ExpressionFunctionCall& call);
};

} // namespace tb::sync
