// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sync/expression/ExpressionFunctionCall.h"
#include "core/sync/expression/ExpressionValue.h"

#include <QString>
#include <QStringList>

namespace tb::sync {

// The function library of Entra provisioning expressions, with the semantics of "Reference for writing expressions
// for attribute mappings in Microsoft Entra ID" (learn.microsoft.com, functions-for-customizing-application-data).
// Each function's comment in the .cpp quotes what the reference says and names the choice made where it is silent.
// Function names match case-insensitively: the reference's own Switch caution writes "switch([companyName], …)", and
// its "the syntax is case-sensitive" is about the strings compared. Date functions are in ExpressionDateFunctions.
// Stateless; the table is built once and safe to read from any thread.
class ExpressionFunctions
{
public:
    using Implementation = ExpressionValue (*)(ExpressionFunctionCall& call);

    struct Definition
    {
        QString name; // as the reference spells it
        int minimumArguments = 0;
        int maximumArguments = 0; // -1: no upper bound
        Implementation implementation = nullptr;
    };

    // The definition for a name in any case; nullptr for a function the reference does not have.
    [[nodiscard]] static const Definition* find(const QString& name);
    [[nodiscard]] static QStringList names();

    // Used by several functions and by ScopingOperator: .NET's invariant simple case mapping, one code point at a
    // time (so "ß" stays "ß" in upper case), with the Turkish and Azeri dotted and dotless i for those cultures.
    [[nodiscard]] static QString toUpper(const QString& text, const QString& culture = {});
    [[nodiscard]] static QString toLower(const QString& text, const QString& culture = {});
    [[nodiscard]] static QString normalizeDiacritics(const QString& text);
};

} // namespace tb::sync
