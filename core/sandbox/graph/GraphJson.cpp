// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/graph/GraphJson.h"

#include "core/sandbox/graph/GraphRequestContext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tbsandbox {

std::optional<QJsonObject> GraphJson::body(const GraphRequestContext& context, GraphReply* refusal)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(context.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *refusal = badRequest(context, QStringLiteral("The request body must be a JSON object."));
        return std::nullopt;
    }
    return document.object();
}

GraphReply GraphJson::notFound(const GraphRequestContext& context, const QString& what)
{
    return GraphReply::error(context, 404, QStringLiteral("Request_ResourceNotFound"),
        QStringLiteral("Resource '%1' does not exist or one of its queried reference-property objects are not "
                       "present.")
            .arg(what));
}

GraphReply GraphJson::methodNotAllowed(const GraphRequestContext& context, const QByteArray& allowed)
{
    GraphReply reply = GraphReply::error(context, 405, QStringLiteral("Request_BadRequest"),
        QStringLiteral("This path accepts %1 only.").arg(QString::fromLatin1(allowed)));
    reply.headers.append({QByteArrayLiteral("Allow"), allowed});
    return reply;
}

GraphReply GraphJson::badRequest(const GraphRequestContext& context, const QString& message)
{
    return GraphReply::error(context, 400, QStringLiteral("Request_BadRequest"), message);
}

QString GraphJson::metadataUrl(const GraphRequestContext& context, const QString& fragment)
{
    return context.baseUrl.toString() + context.pathPrefix + QStringLiteral("/$metadata#") + fragment;
}

GraphReply GraphJson::conflict(const GraphRequestContext& context, const QString& message)
{
    GraphReply reply
        = GraphReply::error(context, 409, QStringLiteral("Request_MultipleObjectsWithSameKeyValue"), message);
    QJsonObject error = reply.json->value(QLatin1String("error")).toObject();
    error.insert(QStringLiteral("details"),
        QJsonArray {QJsonObject {{QStringLiteral("code"), QStringLiteral("ConflictingObjects")},
            {QStringLiteral("message"), message}, {QStringLiteral("target"), QStringLiteral("tenantId")}}});
    reply.json->insert(QStringLiteral("error"), error);
    return reply;
}

} // namespace tbsandbox
