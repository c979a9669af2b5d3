// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/graph/AuditLogController.h"

#include "core/sandbox/TenantState.h"
#include "core/sandbox/graph/GraphJson.h"
#include "core/sandbox/graph/GraphRequestContext.h"
#include "core/sandbox/graph/LogFilter.h"
#include "core/sandbox/graph/SkipToken.h"

#include <QJsonArray>

#include <algorithm>

namespace tbsandbox {

namespace {

constexpr int kDefaultPageSize = 100;
constexpr int kMaxPageSize = 1000;

QString nextLink(const GraphRequestContext& context, const QString& skipToken)
{
    QByteArray query;
    for (const auto& [key, value] : context.rawQueryItems) {
        if (QUrl::fromPercentEncoding(key).compare(QLatin1String("$skiptoken"), Qt::CaseInsensitive) == 0) {
            continue;
        }
        query += key + '=' + value + '&';
    }
    query += QByteArrayLiteral("$skiptoken=") + skipToken.toLatin1();
    return context.baseUrl.toString() + QString::fromLatin1(context.rawPath) + QLatin1Char('?')
        + QString::fromLatin1(query);
}

} // namespace

std::optional<GraphReply> AuditLogController::handle(const GraphRequestContext& context) const
{
    const QStringList& s = context.segments;
    if (s.size() != 2 || s.first() != QLatin1String("auditLogs")
        || (s.at(1) != QLatin1String("provisioning") && s.at(1) != QLatin1String("directoryAudits"))) {
        return std::nullopt;
    }
    if (context.method != QLatin1String("GET")) {
        return GraphJson::methodNotAllowed(context, QByteArrayLiteral("GET"));
    }
    const bool provisioning = s.at(1) == QLatin1String("provisioning");
    QString filterText;
    QString orderBy;
    QString skipToken;
    int top = kDefaultPageSize;
    for (const auto& [key, value] : context.queryItems) {
        if (key == QLatin1String("$filter")) {
            filterText = value;
        } else if (key == QLatin1String("$orderby")) {
            orderBy = value.simplified();
        } else if (key == QLatin1String("$skiptoken")) {
            skipToken = value;
        } else if (key == QLatin1String("$top")) {
            bool ok = false;
            top = value.toInt(&ok);
            if (!ok || top < 1 || top > kMaxPageSize) {
                return GraphJson::badRequest(
                    context, QStringLiteral("$top must be a whole number from 1 to %1.").arg(kMaxPageSize));
            }
        } else if (key.startsWith(QLatin1Char('$'))) {
            return GraphJson::badRequest(
                context, QStringLiteral("Query option '%1' is not supported on audit logs.").arg(key));
        }
    }
    bool ascending = false;
    if (!orderBy.isEmpty()) {
        if (orderBy.compare(QLatin1String("activityDateTime"), Qt::CaseInsensitive) == 0
            || orderBy.compare(QLatin1String("activityDateTime asc"), Qt::CaseInsensitive) == 0) {
            ascending = true;
        } else if (orderBy.compare(QLatin1String("activityDateTime desc"), Qt::CaseInsensitive) != 0) {
            return GraphJson::badRequest(context, QStringLiteral("$orderby supports activityDateTime asc or desc."));
        }
    }
    std::optional<LogFilter> filter;
    if (!filterText.isEmpty()) {
        QString problem;
        filter = LogFilter::parse(filterText, &problem);
        if (!filter) {
            return GraphJson::badRequest(context, problem);
        }
    }
    qsizetype offset = 0;
    // The token is bound to the query it pages, so it cannot be replayed on another filter or order.
    const QString scope = s.at(1) + QLatin1Char('|') + filterText + QLatin1Char('|')
        + (ascending ? QLatin1String("asc") : QLatin1String("desc"));
    if (!skipToken.isEmpty()) {
        const std::optional<qsizetype> decoded = SkipToken::decode(skipToken, scope);
        if (!decoded) {
            return GraphJson::badRequest(context,
                QStringLiteral("The $skiptoken is not valid for this request: follow @odata.nextLink exactly as it "
                               "was returned."));
        }
        offset = *decoded;
    }
    const QList<QJsonObject>& log
        = provisioning ? context.tenant->provisioningLog() : context.tenant->directoryAudits();
    QList<const QJsonObject*> matching;
    for (const QJsonObject& entry : log) {
        if (!filter || filter->matches(entry)) {
            matching.append(&entry);
        }
    }
    if (!ascending) {
        std::reverse(matching.begin(), matching.end()); // kept oldest first; served newest first by default
    }
    QJsonArray value;
    const qsizetype end = std::min<qsizetype>(matching.size(), offset + top);
    for (qsizetype i = offset; i < end; ++i) {
        value.append(*matching.at(i));
    }
    QJsonObject body {{QStringLiteral("@odata.context"), GraphJson::metadataUrl(context, s.join(QLatin1Char('/')))},
        {QStringLiteral("value"), value}};
    if (end < matching.size()) {
        body.insert(QStringLiteral("@odata.nextLink"), nextLink(context, SkipToken::encode(end, scope)));
    }
    return GraphReply::jsonReply(200, body);
}

} // namespace tbsandbox
