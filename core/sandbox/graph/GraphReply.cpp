// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/graph/GraphReply.h"

#include "core/sandbox/graph/ErrorBody.h"
#include "core/sandbox/graph/GraphRequestContext.h"

#include <QJsonDocument>

namespace tbsandbox {

GraphReply GraphReply::jsonReply(int status, QJsonObject body)
{
    GraphReply reply;
    reply.status = status;
    reply.json = std::move(body);
    return reply;
}

GraphReply GraphReply::textReply(int status, QByteArray text)
{
    GraphReply reply;
    reply.status = status;
    reply.text = std::move(text);
    return reply;
}

GraphReply GraphReply::noContent()
{
    GraphReply reply;
    reply.status = 204;
    return reply;
}

GraphReply GraphReply::error(
    const GraphRequestContext& context, int status, const QString& code, const QString& message)
{
    return jsonReply(status, ErrorBody::make(code, message, context.requestId, context.clientRequestId));
}

QByteArray GraphReply::contentType() const
{
    if (status == 204) {
        return {};
    }
    if (json) {
        return QByteArrayLiteral(
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8");
    }
    return QByteArrayLiteral("text/plain;charset=utf-8");
}

QByteArray GraphReply::bodyBytes() const
{
    if (status == 204) {
        return {};
    }
    return json ? QJsonDocument(*json).toJson(QJsonDocument::Compact) : text;
}

} // namespace tbsandbox
