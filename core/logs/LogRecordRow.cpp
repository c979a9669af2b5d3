// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/LogRecordRow.h"

#include <QJsonDocument>

namespace tb::logs {

using model::ProvisioningLogEntry;

namespace {

// zlib level 1: the JSON of a record shrinks to about a quarter at a fraction of the time of the default level.
// Measured on 50,000 generated records of 2.2 KB: uncompressed text made the file 2.4 times larger and the import
// no faster (the extra writes cost what zlib saves).
constexpr int kCompressionLevel = 1;

QByteArray userPrincipalName(const ProvisioningLogEntry::Identity& identity)
{
    for (const auto& [key, value] : identity.details) {
        if (key.compare(QLatin1String("UserPrincipalName"), Qt::CaseInsensitive) == 0) {
            return value.toUtf8();
        }
    }
    return {};
}

} // namespace

LogRecordRow LogRecordRow::from(const ProvisioningLogEntry& entry, const QByteArray& json)
{
    LogRecordRow row;
    row.recordId = entry.id.toUtf8();
    row.activityMs = entry.activityDateTime.isValid() ? entry.activityDateTime.toMSecsSinceEpoch() : 0;
    row.status = entry.status.toUtf8();
    row.action = entry.action.toUtf8();
    row.cycleId = entry.cycleId.toUtf8();
    row.changeId = entry.changeId.toUtf8();
    row.jobId = entry.jobId.toUtf8();
    row.sourceId = entry.sourceIdentity.id.toUtf8();
    row.sourceName = entry.sourceIdentity.displayName.toUtf8();
    row.sourceUpn = userPrincipalName(entry.sourceIdentity);
    row.targetId = entry.targetIdentity.id.toUtf8();
    row.targetName = entry.targetIdentity.displayName.toUtf8();
    row.targetUpn = userPrincipalName(entry.targetIdentity);
    row.errorCode = entry.error.code.toUtf8();
    row.errorReason = entry.error.reason.toUtf8();
    row.errorDetails = entry.error.additionalDetails.toUtf8();
    row.durationMs = entry.durationMs;
    row.body = bodyOf(json.isEmpty() ? QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact) : json);
    return row;
}

QByteArray LogRecordRow::bodyOf(const QByteArray& json)
{
    return qCompress(json, kCompressionLevel);
}

QByteArray LogRecordRow::jsonOf(const QByteArray& body)
{
    if (!body.isEmpty()) {
        const char first = body.at(0);
        if (first == '{' || first == ' ' || first == '\t' || first == '\r' || first == '\n') {
            return body;
        }
    }
    return qUncompress(body);
}

} // namespace tb::logs
