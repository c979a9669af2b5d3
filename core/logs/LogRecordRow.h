// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/ProvisioningLogEntry.h"

#include <QByteArray>

namespace tb::logs {

// One provisioning log record as the log store writes it: the columns of table log_records in UTF-8 and the record's
// body (its compact JSON, compressed) for log_record_bodies. Made where the record is read (an import's parsing
// thread, a fetch), so that the thread that writes SQLite only binds bytes, and the parsed entry, with its steps
// and properties, is freed on the thread that made it.
struct LogRecordRow
{
    QByteArray recordId;
    qint64 activityMs = 0; // 0 when the entry has no valid time
    QByteArray status;
    QByteArray action;
    QByteArray cycleId;
    QByteArray changeId;
    QByteArray jobId;
    QByteArray sourceId;
    QByteArray sourceName;
    QByteArray sourceUpn;
    QByteArray targetId;
    QByteArray targetName;
    QByteArray targetUpn;
    QByteArray errorCode;
    QByteArray errorReason;
    QByteArray errorDetails;
    qint64 durationMs = 0;
    QByteArray body; // bodyOf(json)

    // The row of an entry. json is the text the entry was read from (ProvisioningLogEntry::fromJson), stored as it is
    // so that the store gives back what fromJson gives; when it is empty the entry's own toJson() is stored.
    [[nodiscard]] static LogRecordRow from(const model::ProvisioningLogEntry& entry, const QByteArray& json = {});

    // A record's stored body: the JSON text compressed (qCompress at level 1, whose 4-byte big-endian length
    // prefix never starts with '{' or white space for records under 1.9 GB).
    [[nodiscard]] static QByteArray bodyOf(const QByteArray& json);
    // The JSON text of a stored body; a body that is the text itself (starts with '{' or white space) is returned
    // as it is, empty when the body cannot be uncompressed.
    [[nodiscard]] static QByteArray jsonOf(const QByteArray& body);
};

} // namespace tb::logs
