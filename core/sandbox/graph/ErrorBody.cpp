// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/graph/ErrorBody.h"

#include <QDateTime>

namespace tbsandbox {

QJsonObject ErrorBody::make(
    const QString& code, const QString& message, const QString& requestId, const QString& clientRequestId)
{
    const QJsonObject inner {
        {QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("request-id"), requestId},
        {QStringLiteral("client-request-id"), clientRequestId.isEmpty() ? requestId : clientRequestId},
    };
    return QJsonObject {{QStringLiteral("error"),
        QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("message"), message},
            {QStringLiteral("innerError"), inner}}}};
}

} // namespace tbsandbox
