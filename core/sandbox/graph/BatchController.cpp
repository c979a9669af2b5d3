// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/graph/BatchController.h"

#include "core/sandbox/graph/GraphRequestContext.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace tbsandbox {

QString BatchController::Item::header(const QString& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

std::optional<QList<BatchController::Item>> BatchController::parseItems(const QJsonObject& body, QString* problem)
{
    const QJsonValue requestsValue = body.value(QLatin1String("requests"));
    if (!requestsValue.isArray()) {
        *problem = QStringLiteral("The batch body must be {\"requests\":[...]}.");
        return std::nullopt;
    }
    const QJsonArray requests = requestsValue.toArray();
    if (requests.isEmpty()) {
        *problem = QStringLiteral("The batch holds no requests.");
        return std::nullopt;
    }
    if (requests.size() > kMaxRequests) {
        *problem = QStringLiteral("The batch holds %1 requests; the limit is %2. Split it into several batches.")
                       .arg(requests.size())
                       .arg(kMaxRequests);
        return std::nullopt;
    }
    static const QStringList methods = {QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PATCH"),
        QStringLiteral("PUT"), QStringLiteral("DELETE")};
    QList<Item> items;
    QSet<QString> ids;
    for (const QJsonValue& value : requests) {
        const QJsonObject request = value.toObject();
        Item item;
        item.id = request.value(QLatin1String("id")).toString();
        item.method = request.value(QLatin1String("method")).toString().toUpper();
        item.url = request.value(QLatin1String("url")).toString();
        if (item.id.isEmpty()) {
            *problem = QStringLiteral("Every batch request needs a non-empty string \"id\".");
            return std::nullopt;
        }
        if (ids.contains(item.id.toLower())) {
            *problem = QStringLiteral("The batch request id '%1' is used more than once (ids are compared without "
                                      "case).")
                           .arg(item.id);
            return std::nullopt;
        }
        ids.insert(item.id.toLower());
        if (!methods.contains(item.method)) {
            *problem = QStringLiteral("Batch request '%1' has the method '%2'; use GET, POST, PATCH, PUT or DELETE.")
                           .arg(item.id, request.value(QLatin1String("method")).toString());
            return std::nullopt;
        }
        const QString lowered = item.url.toLower();
        if (item.url.isEmpty() || lowered.startsWith(QLatin1String("http:"))
            || lowered.startsWith(QLatin1String("https:")) || lowered.startsWith(QLatin1String("/v1.0/"))
            || lowered.startsWith(QLatin1String("v1.0/")) || lowered.startsWith(QLatin1String("/beta/"))
            || lowered.startsWith(QLatin1String("beta/"))) {
            *problem = QStringLiteral("Batch request '%1' has the url '%2'; it must be relative and without the "
                                      "version, e.g. \"/users?$top=5\".")
                           .arg(item.id, item.url);
            return std::nullopt;
        }
        const QJsonObject headers = request.value(QLatin1String("headers")).toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            item.headers.append({it.key(), it.value().toString()});
        }
        const QJsonValue bodyValue = request.value(QLatin1String("body"));
        if (!bodyValue.isUndefined() && !bodyValue.isNull()) {
            if (item.header(QStringLiteral("Content-Type")).isEmpty()) {
                *problem
                    = QStringLiteral("Batch request '%1' has a body but no Content-Type in its headers.").arg(item.id);
                return std::nullopt;
            }
            item.body = bodyValue.isObject() ? QJsonDocument(bodyValue.toObject()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(bodyValue.toArray()).toJson(QJsonDocument::Compact);
        }
        for (const QJsonValue& dependency : request.value(QLatin1String("dependsOn")).toArray()) {
            item.dependsOn.append(dependency.toString());
        }
        items.append(item);
    }
    for (const Item& item : items) {
        for (const QString& dependency : item.dependsOn) {
            if (!ids.contains(dependency.toLower()) || dependency.compare(item.id, Qt::CaseInsensitive) == 0) {
                *problem = QStringLiteral("Batch request '%1' depends on '%2', which is not another request of this "
                                          "batch.")
                               .arg(item.id, dependency);
                return std::nullopt;
            }
        }
    }
    return items;
}

GraphReply BatchController::handle(const GraphRequestContext& context, const Dispatcher& dispatcher) const
{
    if (context.method != QLatin1String("POST")) {
        GraphReply reply = GraphReply::error(
            context, 405, QStringLiteral("Request_BadRequest"), QStringLiteral("$batch accepts POST only."));
        reply.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("POST")});
        return reply;
    }
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(context.body, &parseError);
    QString problem;
    std::optional<QList<Item>> items;
    if (!document.isObject()) {
        problem = QStringLiteral("The batch body is not a JSON object (%1).").arg(parseError.errorString());
    } else {
        items = parseItems(document.object(), &problem);
    }
    if (!items) {
        return GraphReply::error(context, 400, QStringLiteral("BadRequest"), problem);
    }

    // Run in dependency order; among ready items, keep the order of the request.
    QHash<QString, GraphReply> done; // lower-case id -> answer
    while (done.size() < items->size()) {
        bool progressed = false;
        for (const Item& item : *items) {
            if (done.contains(item.id.toLower())) {
                continue;
            }
            bool ready = true;
            bool failedDependency = false;
            for (const QString& dependency : item.dependsOn) {
                const auto found = done.constFind(dependency.toLower());
                if (found == done.constEnd()) {
                    ready = false;
                    break;
                }
                if (found->status < 200 || found->status > 299) {
                    failedDependency = true;
                }
            }
            if (!ready) {
                continue;
            }
            done.insert(item.id.toLower(),
                failedDependency ? GraphReply::error(context, 424, QStringLiteral("FailedDependency"),
                    QStringLiteral("Request '%1' was not run because a "
                                   "request it depends on failed.")
                        .arg(item.id))
                                 : dispatcher(item));
            progressed = true;
        }
        if (!progressed) {
            return GraphReply::error(context, 400, QStringLiteral("BadRequest"),
                QStringLiteral("The dependsOn references of the batch form a cycle."));
        }
    }
    QJsonArray responses;
    for (const Item& item : *items) {
        responses.append(responseEntry(item, done.value(item.id.toLower())));
    }
    return GraphReply::jsonReply(200, QJsonObject {{QStringLiteral("responses"), responses}});
}

QJsonObject BatchController::responseEntry(const Item& item, const GraphReply& reply)
{
    QJsonObject headers;
    const QByteArray contentType = reply.contentType();
    if (!contentType.isEmpty()) {
        headers.insert(QStringLiteral("Content-Type"), QString::fromLatin1(contentType));
    }
    for (const auto& [key, value] : reply.headers) {
        headers.insert(QString::fromLatin1(key), QString::fromLatin1(value));
    }
    if (reply.retryAfterSeconds) {
        headers.insert(QStringLiteral("Retry-After"), QString::number(*reply.retryAfterSeconds));
    }
    QJsonObject entry {{QStringLiteral("id"), item.id}, {QStringLiteral("status"), reply.status},
        {QStringLiteral("headers"), headers}};
    if (reply.json) {
        entry.insert(QStringLiteral("body"), *reply.json);
    } else if (reply.status != 204) {
        entry.insert(QStringLiteral("body"), QString::fromUtf8(reply.text));
    }
    return entry;
}

} // namespace tbsandbox
