// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace tbsandbox {

// What the sandbox records about one Graph request (each retry and each $batch item is its own entry), so
// tests can check what the client really sent and what it was answered. A value inside RequestLog.
struct RequestLogEntry
{
    qint64 seq = 0; // assigned by RequestLog, starts at 1
    qint64 receivedAtMs = 0; // epoch milliseconds at arrival
    QString method;
    QString target; // path and query as received; for a batch item, the item's url
    QString tenantId; // empty when no tenant could be resolved
    int status = 0;
    QString clientRequestId;
    QString requestId;
    std::optional<int> retryAfterSeconds; // set when a Retry-After header was sent
    QString fault; // "throttle", "error", "drop", "malformed" or empty
    bool batchItem = false;
};

} // namespace tbsandbox
