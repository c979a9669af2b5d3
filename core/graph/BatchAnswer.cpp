// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/BatchAnswer.h"

#include "core/graph/RetryPolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace tb::graph {

QHash<QString, QJsonObject> BatchAnswer::answersById(const QJsonObject& body)
{
    QHash<QString, QJsonObject> answers;
    for (const QJsonValue& value : body.value(QStringLiteral("responses")).toArray()) {
        const QJsonObject answer = value.toObject();
        answers.insert(answer.value(QStringLiteral("id")).toString().toLower(), answer);
    }
    return answers;
}

GraphResponse BatchAnswer::itemResponse(
    const QJsonObject& answer, const QString& itemId, const GraphResponse& outer, int attempts, const QDateTime& nowUtc)
{
    const int status = answer.value(QStringLiteral("status")).toInt();
    QHash<QByteArray, QByteArray> headers;
    const QJsonObject headerObject = answer.value(QStringLiteral("headers")).toObject();
    for (auto it = headerObject.constBegin(); it != headerObject.constEnd(); ++it) {
        headers.insert(it.key().toLatin1().toLower(), it.value().toVariant().toString().toLatin1());
    }
    GraphResponse response;
    response.setHttpStatus(status);
    response.setHeaders(headers);
    const QJsonValue body = answer.value(QStringLiteral("body"));
    response.setJson(body.toObject());
    if (body.isObject()) {
        response.setRawBody(QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact));
    } else if (body.isString()) {
        response.setRawBody(body.toString().toUtf8());
    }
    const QString innerRequestId = QString::fromLatin1(headers.value(QByteArrayLiteral("request-id")));
    response.setRequestId(innerRequestId.isEmpty() ? outer.requestId() : innerRequestId);
    response.setClientRequestId(outer.clientRequestId());
    response.setAttempts(attempts);
    if (status < 200 || status >= 300) {
        GraphError error = GraphError::fromHttp(status, body.toObject());
        if (status == 0) {
            error = GraphError(GraphError::Kind::MalformedResponse,
                QStringLiteral("the $batch answer for item %1 has no status.").arg(itemId));
        }
        if (error.requestId().isEmpty()) {
            error.setRequestId(response.requestId());
        }
        error.setClientRequestId(outer.clientRequestId());
        error.setRetryAfterMs(RetryPolicy::parseRetryAfterMs(headers.value(QByteArrayLiteral("retry-after")), nowUtc));
        response.setError(error);
    }
    return response;
}

} // namespace tb::graph
