// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace tbsandbox {

// The sandbox's own evaluator of an attributeMapping's structured source (graph-reference 2.6: {type, name,
// parameters:[{key, value: source}]}; the `expression` text is never parsed). Attribute reads the source user's
// attribute (case-insensitive name; unknown: null), Constant is its name as a string, Function one of
// supportedFunctions(). Parameters are found by key (case-insensitive) and otherwise by position, so both the keyed
// form the API stores and a plain list work. Values are JSON: null, strings, booleans, arrays (multi-valued).
// Stateless; any thread.
class MappingExpression final
{
public:
    MappingExpression() = delete;

    // attributes: the source user's attributes by name.
    [[nodiscard]] static QJsonValue evaluate(const QJsonObject& source, const QJsonObject& attributes);

    // What is wrong with a source tree (unknown type, unknown function name, a Function without its required
    // parameters), as a sentence naming it; nothing when the engine can evaluate it.
    [[nodiscard]] static std::optional<QString> problem(const QJsonObject& source);

    // GET .../schema/functions: [{id, name, parameters:[{name, type, required, allowMultipleOccurrences}]}].
    [[nodiscard]] static QJsonArray supportedFunctions();

    // A value as the text a string attribute gets: booleans as True/False, arrays by their first value.
    [[nodiscard]] static QString text(const QJsonValue& value);
    // A value as a boolean: true/false in any case, non-zero numbers; null and anything else false.
    [[nodiscard]] static bool truth(const QJsonValue& value);
};

} // namespace tbsandbox
