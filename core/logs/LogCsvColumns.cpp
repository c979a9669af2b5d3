// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/LogCsvColumns.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tb::logs {

namespace {

using Entry = model::ProvisioningLogEntry;
using Field = LogCsvColumns::Field;

struct Column
{
    Field field;
    const char* header; // what the exporter writes
    QList<const char*> aliases; // matched after normalization
};

// The first name is the header we write; the rest are the names we accept.
const QList<Column>& columns()
{
    static const QList<Column> table {
        {Field::Id, "Id", {"id", "activityid", "logid", "recordid"}},
        {Field::ActivityDateTime, "Date (UTC)",
            {"activitydatetime", "date", "datetime", "datetimeutc", "activitydate", "timegenerated", "timegeneratedutc",
                "timestamp", "time", "timeutc"}},
        {Field::TenantId, "Tenant ID", {"tenantid", "aadtenantid"}},
        {Field::JobId, "Job ID", {"jobid"}},
        {Field::CycleId, "Cycle ID", {"cycleid"}},
        {Field::ChangeId, "Change ID", {"changeid"}},
        {Field::DurationMs, "Duration (ms)",
            {"durationinmilliseconds", "durationms", "duration", "durationmilliseconds"}},
        {Field::Action, "Action", {"provisioningaction", "action", "activity"}},
        {Field::Status, "Status",
            {"status", "provisioningstatus", "provisioningstatusinfostatus", "statusinfostatus", "resulttype",
                "result"}},
        {Field::SourceSystem, "Source system", {"sourcesystem", "sourcesystemname", "sourcesystemdisplayname"}},
        {Field::TargetSystem, "Target system", {"targetsystem", "targetsystemname", "targetsystemdisplayname"}},
        {Field::SourceId, "Source identity ID",
            {"sourceidentityid", "sourceid", "sourceobjectid", "sourceidentityobjectid"}},
        {Field::SourceName, "Source identity name",
            {"sourceidentity", "sourceidentityname", "sourceidentitydisplayname", "sourcename", "sourcedisplayname",
                "identity", "sourceidentitydisplayname"}},
        {Field::SourceType, "Source identity type",
            {"sourceidentitytype", "sourceidentityidentitytype", "identitytype", "sourcetype", "sourceobjecttype"}},
        {Field::TargetId, "Target identity ID",
            {"targetidentityid", "targetid", "targetobjectid", "targetidentityobjectid"}},
        {Field::TargetName, "Target identity name",
            {"targetidentity", "targetidentityname", "targetidentitydisplayname", "targetname", "targetdisplayname"}},
        {Field::TargetType, "Target identity type",
            {"targetidentitytype", "targetidentityidentitytype", "targettype", "targetobjecttype"}},
        {Field::InitiatedByName, "Initiated by",
            {"initiatedby", "initiatedbyname", "initiatedbydisplayname", "initiator"}},
        {Field::InitiatedById, "Initiated by ID", {"initiatedbyid", "initiatorid"}},
        {Field::InitiatorType, "Initiator type",
            {"initiatortype", "initiatedbytype", "initiatedbyinitiatortype", "initiatingtype"}},
        {Field::ServicePrincipalId, "Service principal ID", {"serviceprincipalid"}},
        {Field::ServicePrincipalName, "Service principal name",
            {"serviceprincipal", "serviceprincipalname", "serviceprincipaldisplayname", "application",
                "applicationname"}},
        {Field::ErrorCode, "Error code",
            {"errorcode", "statusinfoerrorcode", "provisioningstatusinfoerrorcode",
                "provisioningstatusinfoerrorinformationerrorcode", "errorinformationerrorcode", "resultsignature"}},
        {Field::ErrorReason, "Error reason",
            {"reason", "errorreason", "statusreason", "failurereason", "errordescription",
                "provisioningstatusinfoerrorinformationreason", "errorinformationreason", "resultdescription"}},
        {Field::ErrorCategory, "Error category",
            {"errorcategory", "provisioningstatusinfoerrorinformationerrorcategory", "errorinformationerrorcategory"}},
        {Field::ErrorAdditionalDetails, "Additional details",
            {"additionaldetails", "erroradditionaldetails", "provisioningstatusinfoerrorinformationadditionaldetails",
                "errorinformationadditionaldetails"}},
        {Field::RecommendedAction, "Recommended action",
            {"recommendedaction", "errorrecommendedaction", "provisioningstatusinfoerrorinformationrecommendedaction",
                "errorinformationrecommendedaction"}},
        {Field::Steps, "Provisioning steps (JSON)", {"provisioningsteps", "provisioningstepsjson", "steps"}},
        {Field::ModifiedProperties, "Modified properties (JSON)", {"modifiedproperties", "modifiedpropertiesjson"}},
        {Field::StatusInfo, "Provisioning status info (JSON)",
            {"provisioningstatusinfo", "provisioningstatusinfojson", "statusinfo"}},
    };
    return table;
}

const Column& column(Field field)
{
    for (const Column& c : columns()) {
        if (c.field == field) {
            return c;
        }
    }
    Q_UNREACHABLE();
}

const QHash<QString, Field>& aliasIndex()
{
    static const QHash<QString, Field> index = [] {
        QHash<QString, Field> result;
        for (const Column& c : columns()) {
            result.insert(LogCsvColumns::normalized(QString::fromLatin1(c.header)), c.field);
            for (const char* alias : c.aliases) {
                result.insert(QString::fromLatin1(alias), c.field);
            }
        }
        return result;
    }();
    return index;
}

// A cell that holds JSON (Azure Monitor's columns); nullopt, with the parser's complaint, when it does not parse.
std::optional<QJsonValue> jsonCell(const QString& text, QString* problem)
{
    const QString trimmed = text.trimmed();
    if (!trimmed.startsWith(QLatin1Char('{')) && !trimmed.startsWith(QLatin1Char('['))) {
        *problem = QStringLiteral("expected JSON, found '%1'").arg(text.left(40));
        return std::nullopt;
    }
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(trimmed.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        *problem = QStringLiteral("the JSON in the cell does not parse (%1 at offset %2)")
                       .arg(error.errorString())
                       .arg(error.offset);
        return std::nullopt;
    }
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

void fill(QString& target, const QString& value)
{
    if (target.isEmpty()) {
        target = value;
    }
}

void fillIdentity(Entry::Identity& target, const Entry::Identity& value)
{
    fill(target.id, value.id);
    fill(target.displayName, value.displayName);
    fill(target.identityType, value.identityType);
    if (target.details.isEmpty()) {
        target.details = value.details;
    }
}

// A JSON cell for one of the Graph sub-objects: parsed as that part of a whole record and merged.
bool assignJson(Entry& entry, Field field, const QJsonValue& json, QString* problem)
{
    const auto expect = [&](bool ok, const char* kind) {
        if (!ok && problem) {
            *problem = QStringLiteral("expected a JSON %1").arg(QLatin1String(kind));
        }
        return ok;
    };
    switch (field) {
    case Field::SourceName:
    case Field::TargetName: {
        if (!expect(json.isObject(), "object")) {
            return false;
        }
        const bool source = field == Field::SourceName;
        const Entry parsed = Entry::fromJson(
            QJsonObject {{source ? QStringLiteral("sourceIdentity") : QStringLiteral("targetIdentity"), json}});
        fillIdentity(source ? entry.sourceIdentity : entry.targetIdentity,
            source ? parsed.sourceIdentity : parsed.targetIdentity);
        return true;
    }
    case Field::SourceSystem:
    case Field::TargetSystem: {
        if (!expect(json.isObject(), "object")) {
            return false;
        }
        const bool source = field == Field::SourceSystem;
        const Entry parsed = Entry::fromJson(
            QJsonObject {{source ? QStringLiteral("sourceSystem") : QStringLiteral("targetSystem"), json}});
        fill(source ? entry.sourceSystemName : entry.targetSystemName,
            source ? parsed.sourceSystemName : parsed.targetSystemName);
        return true;
    }
    case Field::InitiatedByName: {
        if (!expect(json.isObject(), "object")) {
            return false;
        }
        const Entry parsed = Entry::fromJson(QJsonObject {{QStringLiteral("initiatedBy"), json}});
        fill(entry.initiatedBy.id, parsed.initiatedBy.id);
        fill(entry.initiatedBy.displayName, parsed.initiatedBy.displayName);
        fill(entry.initiatedBy.type, parsed.initiatedBy.type);
        return true;
    }
    case Field::ServicePrincipalName: {
        if (!expect(json.isObject() || json.toArray().at(0).isObject(), "object")) {
            return false;
        }
        const Entry parsed = Entry::fromJson(QJsonObject {{QStringLiteral("servicePrincipal"), json}});
        fill(entry.servicePrincipal.id, parsed.servicePrincipal.id);
        fill(entry.servicePrincipal.displayName, parsed.servicePrincipal.displayName);
        return true;
    }
    case Field::StatusInfo: {
        if (!expect(json.isObject(), "object")) {
            return false;
        }
        const Entry parsed = Entry::fromJson(QJsonObject {{QStringLiteral("provisioningStatusInfo"), json}});
        fill(entry.status, parsed.status);
        fill(entry.error.code, parsed.error.code);
        fill(entry.error.reason, parsed.error.reason);
        fill(entry.error.additionalDetails, parsed.error.additionalDetails);
        fill(entry.error.category, parsed.error.category);
        fill(entry.error.recommendedAction, parsed.error.recommendedAction);
        return true;
    }
    case Field::Steps:
        if (!expect(json.isArray(), "array of provisioning steps")) {
            return false;
        }
        entry.steps = Entry::stepsFromJson(json.toArray());
        return true;
    case Field::ModifiedProperties:
        if (!expect(json.isArray(), "array of modified properties")) {
            return false;
        }
        entry.modifiedProperties = Entry::modifiedPropertiesFromJson(json.toArray());
        return true;
    default:
        break;
    }
    return false;
}

bool acceptsJson(Field field)
{
    switch (field) {
    case Field::SourceName:
    case Field::TargetName:
    case Field::SourceSystem:
    case Field::TargetSystem:
    case Field::InitiatedByName:
    case Field::ServicePrincipalName:
    case Field::StatusInfo:
    case Field::Steps:
    case Field::ModifiedProperties:
        return true;
    default:
        return false;
    }
}

QString jsonText(const QJsonArray& array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace

QList<LogCsvColumns::Field> LogCsvColumns::exportedFields(bool withDetails)
{
    QList<Field> fields;
    for (const Column& c : columns()) {
        if (c.field == Field::StatusInfo) {
            continue;
        }
        if (!withDetails && (c.field == Field::Steps || c.field == Field::ModifiedProperties)) {
            continue;
        }
        fields.append(c.field);
    }
    return fields;
}

QString LogCsvColumns::header(Field field)
{
    return QString::fromLatin1(column(field).header);
}

QString LogCsvColumns::normalized(const QString& header)
{
    QString result;
    result.reserve(header.size());
    for (const QChar c : header) {
        if (c.isLetterOrNumber()) {
            result.append(c.toLower());
        }
    }
    return result;
}

std::optional<LogCsvColumns::Field> LogCsvColumns::fieldForHeader(const QString& header)
{
    const auto it = aliasIndex().constFind(normalized(header));
    if (it == aliasIndex().constEnd()) {
        return std::nullopt;
    }
    return *it;
}

QString LogCsvColumns::acceptedHeaders(Field field)
{
    QStringList names {header(field)};
    for (const char* alias : column(field).aliases) {
        names.append(QString::fromLatin1(alias));
    }
    return names.join(QStringLiteral(", "));
}

QDateTime LogCsvColumns::parseDate(const QString& text)
{
    const QString trimmed = text.trimmed();
    QDateTime parsed = Entry::parseDateTime(trimmed);
    if (parsed.isValid()) {
        return parsed;
    }
    // "2026-11-27 13:49:14[.123]" (Excel's and KQL's form) is ISO with a space; without a zone it is UTC.
    QString iso = trimmed;
    if (iso.size() > 10 && iso.at(10) == QLatin1Char(' ')) {
        iso[10] = QLatin1Char('T');
    }
    if (iso.size() >= 19 && !iso.endsWith(QLatin1Char('Z')) && !iso.contains(QLatin1Char('+'))
        && iso.lastIndexOf(QLatin1Char('-')) < 10) {
        iso.append(QLatin1Char('Z'));
    }
    parsed = Entry::parseDateTime(iso);
    if (parsed.isValid()) {
        return parsed;
    }
    // The portal's US-English form [O]: "11/27/2026, 1:49:14 PM", with or without the comma and seconds.
    QString us = trimmed;
    us.remove(QLatin1Char(','));
    us = us.simplified();
    for (const char* format : {"M/d/yyyy h:mm:ss AP", "M/d/yyyy h:mm AP", "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm"}) {
        parsed = QDateTime::fromString(us, QString::fromLatin1(format));
        if (parsed.isValid()) {
            return QDateTime(parsed.date(), parsed.time(), Qt::UTC);
        }
    }
    return {};
}

QString LogCsvColumns::cell(const Entry& entry, Field field)
{
    switch (field) {
    case Field::Id:
        return entry.id;
    case Field::ActivityDateTime:
        return entry.activityDateTime.isValid() ? entry.activityDateTime.toUTC().toString(Qt::ISODateWithMs)
                                                : QString();
    case Field::TenantId:
        return entry.tenantId;
    case Field::JobId:
        return entry.jobId;
    case Field::CycleId:
        return entry.cycleId;
    case Field::ChangeId:
        return entry.changeId;
    case Field::DurationMs:
        return QString::number(entry.durationMs);
    case Field::Action:
        return entry.action;
    case Field::Status:
        return entry.status;
    case Field::SourceSystem:
        return entry.sourceSystemName;
    case Field::TargetSystem:
        return entry.targetSystemName;
    case Field::SourceId:
        return entry.sourceIdentity.id;
    case Field::SourceName:
        return entry.sourceIdentity.displayName;
    case Field::SourceType:
        return entry.sourceIdentity.identityType;
    case Field::TargetId:
        return entry.targetIdentity.id;
    case Field::TargetName:
        return entry.targetIdentity.displayName;
    case Field::TargetType:
        return entry.targetIdentity.identityType;
    case Field::InitiatedByName:
        return entry.initiatedBy.displayName;
    case Field::InitiatedById:
        return entry.initiatedBy.id;
    case Field::InitiatorType:
        return entry.initiatedBy.type;
    case Field::ServicePrincipalId:
        return entry.servicePrincipal.id;
    case Field::ServicePrincipalName:
        return entry.servicePrincipal.displayName;
    case Field::ErrorCode:
        return entry.error.code;
    case Field::ErrorReason:
        return entry.error.reason;
    case Field::ErrorCategory:
        return entry.error.category;
    case Field::ErrorAdditionalDetails:
        return entry.error.additionalDetails;
    case Field::RecommendedAction:
        return entry.error.recommendedAction;
    case Field::Steps: {
        QJsonArray steps;
        for (const Entry::Step& step : entry.steps) {
            steps.append(step.toJson());
        }
        return jsonText(steps);
    }
    case Field::ModifiedProperties: {
        QJsonArray properties;
        for (const Entry::ModifiedProperty& property : entry.modifiedProperties) {
            properties.append(property.toJson());
        }
        return jsonText(properties);
    }
    case Field::StatusInfo:
        break;
    }
    return {};
}

bool LogCsvColumns::assign(Entry& entry, Field field, const QString& text, QString* problem)
{
    if (text.isEmpty()) {
        return true;
    }
    if (acceptsJson(field)) {
        // Names may look like JSON ("[Contractor] Ana"): for them a cell that is not a fitting JSON object is text.
        const bool jsonOnly = field == Field::Steps || field == Field::ModifiedProperties || field == Field::StatusInfo;
        QString jsonProblem;
        const std::optional<QJsonValue> json = jsonCell(text, &jsonProblem);
        if (json && assignJson(entry, field, *json, &jsonProblem)) {
            return true;
        }
        if (jsonOnly) {
            if (problem) {
                *problem = jsonProblem;
            }
            return false;
        }
    }
    switch (field) {
    case Field::Id:
        entry.id = text;
        return true;
    case Field::ActivityDateTime:
        entry.activityDateTime = parseDate(text);
        if (!entry.activityDateTime.isValid()) {
            if (problem) {
                *problem = QStringLiteral("'%1' is not a date and time (expected ISO 8601 such as "
                                          "2026-11-27T13:49:14Z)")
                               .arg(text.left(60));
            }
            return false;
        }
        return true;
    case Field::TenantId:
        entry.tenantId = text;
        return true;
    case Field::JobId:
        entry.jobId = text;
        return true;
    case Field::CycleId:
        entry.cycleId = text;
        return true;
    case Field::ChangeId:
        entry.changeId = text;
        return true;
    case Field::DurationMs: {
        bool ok = false;
        const qint64 value = text.trimmed().toLongLong(&ok);
        if (!ok || value < 0) {
            if (problem) {
                *problem = QStringLiteral("'%1' is not a whole number of milliseconds").arg(text.left(40));
            }
            return false;
        }
        entry.durationMs = value;
        return true;
    }
    case Field::Action:
        entry.action = text.trimmed().toLower();
        return true;
    case Field::Status: {
        const QString status = text.trimmed().toLower();
        static const QStringList known {QStringLiteral("success"), QStringLiteral("warning"), QStringLiteral("failure"),
            QStringLiteral("skipped"), QStringLiteral("unknownfuturevalue")};
        if (!known.contains(status)) {
            if (problem) {
                *problem
                    = QStringLiteral("'%1' is not a status (success, warning, failure or skipped)").arg(text.left(40));
            }
            return false;
        }
        entry.status = status;
        return true;
    }
    case Field::SourceSystem:
        entry.sourceSystemName = text;
        return true;
    case Field::TargetSystem:
        entry.targetSystemName = text;
        return true;
    case Field::SourceId:
        entry.sourceIdentity.id = text;
        return true;
    case Field::SourceName:
        entry.sourceIdentity.displayName = text;
        return true;
    case Field::SourceType:
        entry.sourceIdentity.identityType = text;
        return true;
    case Field::TargetId:
        entry.targetIdentity.id = text;
        return true;
    case Field::TargetName:
        entry.targetIdentity.displayName = text;
        return true;
    case Field::TargetType:
        entry.targetIdentity.identityType = text;
        return true;
    case Field::InitiatedByName:
        entry.initiatedBy.displayName = text;
        return true;
    case Field::InitiatedById:
        entry.initiatedBy.id = text;
        return true;
    case Field::InitiatorType:
        entry.initiatedBy.type = text;
        return true;
    case Field::ServicePrincipalId:
        entry.servicePrincipal.id = text;
        return true;
    case Field::ServicePrincipalName:
        entry.servicePrincipal.displayName = text;
        return true;
    case Field::ErrorCode:
        entry.error.code = text;
        return true;
    case Field::ErrorReason:
        entry.error.reason = text;
        return true;
    case Field::ErrorCategory:
        entry.error.category = text;
        return true;
    case Field::ErrorAdditionalDetails:
        entry.error.additionalDetails = text;
        return true;
    case Field::RecommendedAction:
        entry.error.recommendedAction = text;
        return true;
    case Field::Steps:
    case Field::ModifiedProperties:
    case Field::StatusInfo:
        break;
    }
    return false;
}

} // namespace tb::logs
