// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace tb::sync {

// One value in an attribute-mapping expression, the way the Entra provisioning service sees it ("Reference for
// writing expressions for attribute mappings in Microsoft Entra ID"): the service works on strings, so numbers are
// their decimal text and a boolean is the text "True" or "False" (what IsNull, Not and CBool return). An absent
// attribute is Null; a multi-valued attribute (proxyAddresses, Split's result) is a list. A list with no values is
// Null, as an attribute without values is absent in the directory. Value type.
class ExpressionValue
{
public:
    enum class Kind { Null, String, MultiValued, Boolean };

    ExpressionValue() = default; // Null
    [[nodiscard]] static ExpressionValue null() { return {}; }
    [[nodiscard]] static ExpressionValue fromString(const QString& text);
    [[nodiscard]] static ExpressionValue fromList(const QStringList& values); // empty: Null
    [[nodiscard]] static ExpressionValue fromBool(bool value);
    [[nodiscard]] static ExpressionValue fromInteger(qint64 value);

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] bool isNull() const { return m_kind == Kind::Null; }
    [[nodiscard]] bool isMultiValued() const { return m_kind == Kind::MultiValued; }
    [[nodiscard]] bool isBoolean() const { return m_kind == Kind::Boolean; }
    // Null, or a single empty string (IsNullOrEmpty). A list is never empty (see above).
    [[nodiscard]] bool isNullOrEmpty() const;

    // The text the service would send: "" for Null, "True"/"False" for a boolean, the values joined with ", " for a
    // list (for display; functions that take one value refuse a list instead, see ExpressionFunctionCall::text).
    [[nodiscard]] QString toString() const;
    // Null: no values; a single value: one; a list: its values.
    [[nodiscard]] QStringList toList() const;
    // A boolean, the strings "True"/"False" in any case (VB's CBool), or a number: non-zero is true.
    [[nodiscard]] std::optional<bool> toBool() const;
    // A whole number written in decimal ("-10") or VB hexadecimal ("&HF7"); nothing for anything else.
    [[nodiscard]] std::optional<qint64> toInteger() const;
    // For tests and the preview: null, "text", True, ["a", "b"].
    [[nodiscard]] QString describe() const;

    friend bool operator==(const ExpressionValue& left, const ExpressionValue& right);

private:
    Kind m_kind = Kind::Null;
    QStringList m_values; // one value for String and Boolean ("True"/"False"), several for MultiValued
};

// Parses decimal or "&H" hexadecimal integer text, with optional surrounding spaces and sign.
[[nodiscard]] std::optional<qint64> parseExpressionInteger(const QString& text);

} // namespace tb::sync
