// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/graph/QueryError.h"

#include <QJsonValue>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace tbsandbox {

// A parsed OData $filter, the sandbox's own implementation (never shared with the client's builder): eq, ne,
// gt, ge, lt, le, in, and, or, not, parentheses, startswith/endswith, '…' literals with '' for a quote, true,
// false, null, numbers, bare GUIDs, and the lambda any, e.g. assignedLicenses/any(x:x/skuId eq GUID).
// String comparisons are case-insensitive, as Graph's directory does. Immutable after parse; any thread.
class FilterExpression final
{
public:
    struct PropertyInfo
    {
        int id = -1;
        bool filterable = true;
        bool collection = false; // usable only through any()
    };
    using PropertyResolver = std::function<std::optional<PropertyInfo>(const QString& name)>;
    using ValueAccessor = std::function<QJsonValue(int propertyId)>;

    ~FilterExpression();
    FilterExpression(FilterExpression&&) noexcept;
    FilterExpression& operator=(FilterExpression&&) noexcept;

    // Parses text; on failure returns nothing and fills error with a message that names the offending token.
    [[nodiscard]] static std::optional<FilterExpression> parse(
        const QString& text, const PropertyResolver& resolver, QueryError* error);

    [[nodiscard]] bool matches(const ValueAccessor& accessor) const;
    // ne, not or endswith: Graph serves those only as advanced queries (ConsistencyLevel: eventual).
    [[nodiscard]] bool usesAdvancedOperators() const { return m_advanced; }
    [[nodiscard]] const QString& advancedOperator() const { return m_advancedOperator; }

    struct Node;

private:
    FilterExpression();

    std::shared_ptr<const Node> m_root;
    bool m_advanced = false;
    QString m_advancedOperator;

    friend class FilterParser;
};

} // namespace tbsandbox
