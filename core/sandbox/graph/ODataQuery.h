// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/graph/FilterExpression.h"
#include "core/sandbox/graph/QueryError.h"
#include "core/sandbox/graph/SearchExpression.h"

#include <QStringList>

#include <optional>

namespace tbsandbox {

struct GraphRequestContext;

// The OData system query options of one request, validated against what the resource supports: $select,
// $filter, $search, $top (1..999, default 100), $count, $orderby and $skiptoken. Graph's advanced-query rules
// (graph-reference 8.5) are enforced here: $count=true, $search and the ne/not/endswith operators need
// ConsistencyLevel: eventual. A value; built per request.
class ODataQuery final
{
public:
    static constexpr int kDefaultPageSize = 100;
    static constexpr int kMaxPageSize = 999;

    enum class Shape {
        Collection,
        Count, // /users/$count: $filter and $search, no paging
        Entity, // a single object: $select only
    };

    // What a resource accepts. Empty resolvers mean the option is not supported there.
    struct Schema
    {
        QString typeName; // "microsoft.graph.user", for messages
        std::function<bool(const QString& name)> isSelectable;
        FilterExpression::PropertyResolver filterResolver;
        SearchExpression::PropertyResolver searchResolver;
        QStringList orderable;
    };

    [[nodiscard]] static std::optional<ODataQuery> parse(
        const GraphRequestContext& context, const Schema& schema, Shape shape, QueryError* error);

    [[nodiscard]] const QStringList& select() const { return m_select; }
    [[nodiscard]] const std::optional<FilterExpression>& filter() const { return m_filter; }
    [[nodiscard]] const std::optional<SearchExpression>& search() const { return m_search; }
    [[nodiscard]] int top() const { return m_top; }
    [[nodiscard]] qsizetype offset() const { return m_offset; }
    [[nodiscard]] bool count() const { return m_count; }
    [[nodiscard]] const QString& orderBy() const { return m_orderBy; }
    [[nodiscard]] bool descending() const { return m_descending; }
    // What a $skiptoken of this query is bound to: tenant, path and the options that shape the result.
    [[nodiscard]] const QString& scope() const { return m_scope; }

private:
    QStringList m_select;
    std::optional<FilterExpression> m_filter;
    std::optional<SearchExpression> m_search;
    int m_top = kDefaultPageSize;
    qsizetype m_offset = 0;
    bool m_count = false;
    QString m_orderBy;
    bool m_descending = false;
    QString m_scope;
};

} // namespace tbsandbox
