// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/RequestLog.h"

#include <QJsonObject>

namespace tbsandbox {

namespace {

QJsonValue nullable(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

qint64 RequestLog::append(RequestLogEntry entry)
{
    entry.seq = m_nextSeq++;
    m_entries.push_back(std::move(entry));
    if (m_entries.size() > kCapacity) {
        m_entries.pop_front();
    }
    return m_entries.back().seq;
}

QList<RequestLogEntry> RequestLog::entriesAfter(qint64 seq) const
{
    QList<RequestLogEntry> result;
    // Entries are in seq order; skip the older ones from the front.
    for (const RequestLogEntry& entry : m_entries) {
        if (entry.seq > seq) {
            result.append(entry);
        }
    }
    return result;
}

QJsonArray RequestLog::toJson(qint64 afterSeq) const
{
    QJsonArray array;
    for (const RequestLogEntry& entry : entriesAfter(afterSeq)) {
        array.append(QJsonObject {
            {QStringLiteral("seq"), entry.seq},
            {QStringLiteral("receivedAtMs"), entry.receivedAtMs},
            {QStringLiteral("method"), entry.method},
            {QStringLiteral("target"), entry.target},
            {QStringLiteral("tenantId"), nullable(entry.tenantId)},
            {QStringLiteral("status"), entry.status},
            {QStringLiteral("clientRequestId"), nullable(entry.clientRequestId)},
            {QStringLiteral("requestId"), entry.requestId},
            {QStringLiteral("retryAfterSeconds"),
                entry.retryAfterSeconds ? QJsonValue(*entry.retryAfterSeconds) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("fault"), nullable(entry.fault)},
            {QStringLiteral("batchItem"), entry.batchItem},
        });
    }
    return array;
}

} // namespace tbsandbox
