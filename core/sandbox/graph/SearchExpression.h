// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/graph/QueryError.h"

#include <QJsonValue>
#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace tbsandbox {

// A parsed $search: "property:text" clauses in double quotes joined by OR or AND (AND binds tighter), as
// Graph's directory search takes them. A clause matches when every word of its text is the prefix of some
// word of the property value, case-insensitively (Graph tokenizes displayName and mail the same way).
// Immutable after parse; any thread.
class SearchExpression final
{
public:
    using PropertyResolver = std::function<int(const QString& name)>; // -1: not searchable
    using ValueAccessor = std::function<QJsonValue(int propertyId)>;

    [[nodiscard]] static std::optional<SearchExpression> parse(
        const QString& text, const PropertyResolver& resolver, QueryError* error);
    [[nodiscard]] bool matches(const ValueAccessor& accessor) const;

private:
    struct Clause
    {
        int propertyId = -1;
        QStringList words; // lower-case
    };

    [[nodiscard]] static bool clauseMatches(const Clause& clause, const ValueAccessor& accessor);

    QList<QList<Clause>> m_alternatives; // OR of ANDs
};

} // namespace tbsandbox
