// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace tbsandbox {

// Graph's error JSON (graph-reference 8.1): {"error":{"code","message","innerError":{"date","request-id",
// "client-request-id"}}}. Stateless.
class ErrorBody final
{
public:
    ErrorBody() = delete;

    [[nodiscard]] static QJsonObject make(
        const QString& code, const QString& message, const QString& requestId, const QString& clientRequestId);
};

} // namespace tbsandbox
