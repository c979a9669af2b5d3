// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include <optional>

namespace tbsandbox {

struct GraphRequestContext;

// A controller's answer before it meets the wire: status, extra headers and a JSON or text body. GraphRouter
// turns it into an HttpResponse; BatchController into one entry of "responses". A value.
struct GraphReply
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    std::optional<QJsonObject> json;
    QByteArray text; // used when json is empty and the status has a body
    std::optional<int> retryAfterSeconds;

    [[nodiscard]] static GraphReply jsonReply(int status, QJsonObject body);
    [[nodiscard]] static GraphReply textReply(int status, QByteArray text);
    [[nodiscard]] static GraphReply noContent();
    [[nodiscard]] static GraphReply error(
        const GraphRequestContext& context, int status, const QString& code, const QString& message);

    // Graph's JSON content type, or text/plain for $count answers.
    [[nodiscard]] QByteArray contentType() const;
    [[nodiscard]] QByteArray bodyBytes() const;
};

} // namespace tbsandbox
