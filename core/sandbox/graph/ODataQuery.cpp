// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/graph/ODataQuery.h"

#include "core/sandbox/TenantState.h"
#include "core/sandbox/graph/GraphRequestContext.h"
#include "core/sandbox/graph/SkipToken.h"

#include <QRegularExpression>

namespace tbsandbox {

namespace {

QueryError badRequest(const QString& message)
{
    return {400, QStringLiteral("Request_BadRequest"), message};
}

QueryError unsupported(const QString& message)
{
    return {400, QStringLiteral("Request_UnsupportedQuery"), message};
}

QString needsEventual(const QString& what)
{
    return QStringLiteral("%1 is an advanced query: send the header 'ConsistencyLevel: eventual' and $count=true.")
        .arg(what);
}

} // namespace

std::optional<ODataQuery> ODataQuery::parse(
    const GraphRequestContext& context, const Schema& schema, Shape shape, QueryError* error)
{
    static const QStringList known = {QStringLiteral("$select"), QStringLiteral("$filter"), QStringLiteral("$top"),
        QStringLiteral("$skiptoken"), QStringLiteral("$count"), QStringLiteral("$search"), QStringLiteral("$orderby")};
    QHash<QString, QString> options;
    for (const auto& [rawKey, value] : context.queryItems) {
        const QString key = rawKey.toLower();
        if (!key.startsWith(QLatin1Char('$'))) {
            continue; // custom query parameters are ignored, as Graph does
        }
        if (!known.contains(key)) {
            *error = badRequest(QStringLiteral("Query option '%1' is not supported here; supported: %2.")
                                    .arg(rawKey, known.join(QStringLiteral(", "))));
            return std::nullopt;
        }
        if (options.contains(key)) {
            *error = badRequest(QStringLiteral("Query option '%1' is specified more than once.").arg(rawKey));
            return std::nullopt;
        }
        options.insert(key, value);
    }
    const auto allowedFor = [&](const QString& key) {
        switch (shape) {
        case Shape::Entity:
            return key == QLatin1String("$select");
        case Shape::Count:
            return key == QLatin1String("$filter") || key == QLatin1String("$search");
        case Shape::Collection:
            return true;
        }
        return false;
    };
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        if (!allowedFor(it.key())) {
            *error = badRequest(QStringLiteral("Query option '%1' is not allowed on this request.").arg(it.key()));
            return std::nullopt;
        }
    }

    ODataQuery query;
    if (options.contains(QStringLiteral("$select"))) {
        for (const QString& raw : options.value(QStringLiteral("$select")).split(QLatin1Char(','))) {
            const QString name = raw.trimmed();
            if (name.isEmpty() || !schema.isSelectable || !schema.isSelectable(name)) {
                *error = badRequest(
                    QStringLiteral("Could not find a property named '%1' on type '%2'.").arg(name, schema.typeName));
                return std::nullopt;
            }
            if (!query.m_select.contains(name, Qt::CaseInsensitive)) {
                query.m_select.append(name);
            }
        }
    }
    if (options.contains(QStringLiteral("$top"))) {
        const QString text = options.value(QStringLiteral("$top"));
        bool ok = false;
        const int top = text.toInt(&ok);
        if (!ok || top < 1 || top > kMaxPageSize) {
            *error = badRequest(QStringLiteral("Invalid page size specified: '%1'. Must be between 1 and %2 inclusive.")
                                    .arg(text)
                                    .arg(kMaxPageSize));
            return std::nullopt;
        }
        query.m_top = top;
    }
    if (options.contains(QStringLiteral("$count"))) {
        const QString text = options.value(QStringLiteral("$count")).toLower();
        if (text != QLatin1String("true") && text != QLatin1String("false")) {
            *error = badRequest(QStringLiteral("$count must be true or false, not '%1'.").arg(text));
            return std::nullopt;
        }
        query.m_count = text == QLatin1String("true");
        if (query.m_count && !context.consistencyEventual) {
            *error = unsupported(needsEventual(QStringLiteral("$count=true")));
            return std::nullopt;
        }
    }
    if (options.contains(QStringLiteral("$filter"))) {
        if (!schema.filterResolver) {
            *error = unsupported(QStringLiteral("$filter is not supported on this collection."));
            return std::nullopt;
        }
        query.m_filter
            = FilterExpression::parse(options.value(QStringLiteral("$filter")), schema.filterResolver, error);
        if (!query.m_filter) {
            return std::nullopt;
        }
        // Graph's advanced-query rule: ne, not and endswith need both the header and $count=true.
        // A /$count path is itself a count request.
        const bool counted = query.m_count || shape == Shape::Count;
        if (query.m_filter->usesAdvancedOperators() && (!context.consistencyEventual || !counted)) {
            *error = unsupported(
                needsEventual(QStringLiteral("The operator '%1'").arg(query.m_filter->advancedOperator())));
            return std::nullopt;
        }
    }
    if (options.contains(QStringLiteral("$search"))) {
        if (!schema.searchResolver) {
            *error = unsupported(QStringLiteral("$search is not supported on this collection."));
            return std::nullopt;
        }
        if (!context.consistencyEventual) {
            *error = unsupported(QStringLiteral("Request with $search query parameter only works through MSGraph with "
                                                "a special request header: 'ConsistencyLevel: eventual'"));
            return std::nullopt;
        }
        query.m_search
            = SearchExpression::parse(options.value(QStringLiteral("$search")), schema.searchResolver, error);
        if (!query.m_search) {
            return std::nullopt;
        }
    }
    if (options.contains(QStringLiteral("$orderby"))) {
        static const QRegularExpression form(
            QStringLiteral("^\\s*(\\w+)(?:\\s+(asc|desc))?\\s*$"), QRegularExpression::CaseInsensitiveOption);
        const QString text = options.value(QStringLiteral("$orderby"));
        const QRegularExpressionMatch match = form.match(text);
        const QString property = match.captured(1);
        if (!match.hasMatch() || !schema.orderable.contains(property, Qt::CaseInsensitive)) {
            *error = unsupported(QStringLiteral("$orderby '%1' is not supported; order by %2.")
                                     .arg(text, schema.orderable.join(QStringLiteral(" or "))));
            return std::nullopt;
        }
        query.m_orderBy = property;
        query.m_descending = match.captured(2).compare(QLatin1String("desc"), Qt::CaseInsensitive) == 0;
    }
    query.m_scope = (context.tenant ? context.tenant->idText() : QString()) + QLatin1Char('/')
        + context.segments.join(QLatin1Char('/')) + QLatin1Char('|') + options.value(QStringLiteral("$filter"))
        + QLatin1Char('|') + options.value(QStringLiteral("$search")) + QLatin1Char('|')
        + options.value(QStringLiteral("$orderby"));
    if (options.contains(QStringLiteral("$skiptoken"))) {
        const std::optional<qsizetype> offset
            = SkipToken::decode(options.value(QStringLiteral("$skiptoken")), query.m_scope);
        if (!offset) {
            *error = badRequest(QStringLiteral("The $skiptoken is not valid for this request: follow @odata.nextLink "
                                               "exactly as it was returned."));
            return std::nullopt;
        }
        query.m_offset = *offset;
    }
    return query;
}

} // namespace tbsandbox
