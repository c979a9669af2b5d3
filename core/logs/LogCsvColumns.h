// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/ProvisioningLogEntry.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tb::logs {

// The columns of a provisioning-log CSV: the ones LogExporter writes and the names LogImporter accepts for them.
// One place, so that an export always reads back.
//
// The admin center's CSV download ("ProvisioningLogs", the summary: everything except steps and modified
// properties) has no published header list [U], so a header is matched loosely: case, spaces and punctuation
// are ignored ("Date (UTC)", "date_utc" and "DateUtc" are one name), and each field has aliases: the Graph
// property names flat or as a path (activityDateTime, sourceIdentity/displayName, provisioningStatusInfo.status),
// likely portal captions (Date, Source identity name, Status, Error code, Reason), and the columns of Azure
// Monitor's AADProvisioningLogs table [C] (TimeGenerated, ResultType, ResultSignature, ResultDescription,
// DurationMs, and JSON-valued SourceIdentity, ProvisioningSteps, ...), which a Log Analytics export writes.
// A cell holding a JSON object or array for an identity, system, initiator, service principal, status info,
// steps or modified properties is read as that Graph object.
class LogCsvColumns
{
public:
    enum class Field {
        Id,
        ActivityDateTime,
        TenantId,
        JobId,
        CycleId,
        ChangeId,
        DurationMs,
        Action,
        Status,
        SourceSystem,
        TargetSystem,
        SourceId,
        SourceName,
        SourceType,
        TargetId,
        TargetName,
        TargetType,
        InitiatedByName,
        InitiatedById,
        InitiatorType,
        ServicePrincipalId,
        ServicePrincipalName,
        ErrorCode,
        ErrorReason,
        ErrorCategory,
        ErrorAdditionalDetails,
        RecommendedAction,
        Steps, // JSON array of provisioningStep
        ModifiedProperties, // JSON array of modifiedProperty
        StatusInfo, // JSON provisioningStatusInfo; read only (Azure Monitor's column)
    };

    // The columns LogExporter writes, in order: the summary, plus steps and modified properties as JSON when
    // withDetails.
    [[nodiscard]] static QList<Field> exportedFields(bool withDetails);
    // The header LogExporter writes for a field: "Date (UTC)", "Source identity name".
    [[nodiscard]] static QString header(Field field);
    // The field a header names, if any.
    [[nodiscard]] static std::optional<Field> fieldForHeader(const QString& header);
    // "Date (UTC), activityDateTime, Date, TimeGenerated, ..." for an error about a missing column.
    [[nodiscard]] static QString acceptedHeaders(Field field);
    // The header reduced to what matching compares: lower case letters and digits.
    [[nodiscard]] static QString normalized(const QString& header);

    // The text LogExporter writes for a field of an entry (before formula protection and quoting).
    [[nodiscard]] static QString cell(const model::ProvisioningLogEntry& entry, Field field);
    // Reads a cell into the entry; false with a reason ("'abc' is not a whole number") when it is not valid.
    // Empty cells leave the field as it is. JSON cells only fill what plain columns leave empty, so a plain
    // column wins whatever the column order.
    [[nodiscard]] static bool assign(
        model::ProvisioningLogEntry& entry, Field field, const QString& text, QString* problem);
    // The dates the CSV forms write: ISO 8601 (with T or a space), and the US portal form
    // "11/27/2026, 1:49:14 PM"; all UTC. Invalid when none matches.
    [[nodiscard]] static QDateTime parseDate(const QString& text);
};

} // namespace tb::logs
