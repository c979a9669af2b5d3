// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/graph/GraphReply.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace tbsandbox {

struct GraphRequestContext;

// JSON batching (graph-reference 8.3): validates the whole batch (at most 20 requests, unique ids compared
// case-insensitively, relative URLs without the version, Content-Type with every body, known dependsOn ids, no
// cycles), runs the items in dependency order through a dispatcher the router provides, answers 424 for items
// whose dependency failed, and returns {"responses":[{id,status,headers,body}]} in request order.
// Stateless; owned by GraphRouter; server thread.
class BatchController final
{
public:
    static constexpr int kMaxRequests = 20;

    struct Item
    {
        QString id;
        QString method;
        QString url; // relative, e.g. "/users?$top=5"
        QList<QPair<QString, QString>> headers;
        QByteArray body; // serialized JSON, empty without a body
        QStringList dependsOn;

        [[nodiscard]] QString header(const QString& name) const;
    };
    using Dispatcher = std::function<GraphReply(const Item& item)>;

    [[nodiscard]] GraphReply handle(const GraphRequestContext& context, const Dispatcher& dispatcher) const;

private:
    [[nodiscard]] static std::optional<QList<Item>> parseItems(const QJsonObject& body, QString* problem);
    [[nodiscard]] static QJsonObject responseEntry(const Item& item, const GraphReply& reply);
};

} // namespace tbsandbox
