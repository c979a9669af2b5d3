// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/ProvisioningLogEntry.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QVariant>

namespace tb::model {

namespace {

// A detail or property value as text: strings as they are, other JSON as its compact text.
std::optional<QString> text(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return value.toVariant().toString(); // the shortest form: 12, 0.5
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return std::nullopt;
}

QJsonValue nullable(const std::optional<QString>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString string(const QJsonObject& json, QLatin1String key)
{
    return json.value(key).toString();
}

ProvisioningLogEntry::Identity identityFromJson(const QJsonObject& json)
{
    ProvisioningLogEntry::Identity identity;
    identity.id = string(json, QLatin1String("id"));
    identity.displayName = string(json, QLatin1String("displayName"));
    identity.identityType = string(json, QLatin1String("identityType"));
    if (identity.identityType.isEmpty()) {
        identity.identityType = string(json, QLatin1String("type")); // the on-demand answer's spelling
    }
    identity.details = ProvisioningLogEntry::detailsFromJson(json.value(QLatin1String("details")));
    return identity;
}

QJsonObject identityToJson(const ProvisioningLogEntry::Identity& identity)
{
    return {{QStringLiteral("id"), identity.id}, {QStringLiteral("displayName"), identity.displayName},
        {QStringLiteral("identityType"), identity.identityType},
        {QStringLiteral("details"), ProvisioningLogEntry::detailsToJson(identity.details)}};
}

QString systemName(const QJsonObject& json)
{
    const QString name = string(json, QLatin1String("displayName"));
    return name.isEmpty() ? string(json, QLatin1String("name")) : name;
}

} // namespace

QString ProvisioningLogEntry::Step::detail(const QString& key) const
{
    for (const auto& [detailKey, value] : details) {
        if (detailKey.compare(key, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

ProvisioningLogEntry::Step ProvisioningLogEntry::Step::fromJson(const QJsonObject& json)
{
    Step step;
    step.name = string(json, QLatin1String("name"));
    step.description = string(json, QLatin1String("description"));
    step.type = string(json, QLatin1String("provisioningStepType"));
    if (step.type.isEmpty()) {
        step.type = string(json, QLatin1String("type"));
    }
    step.type = step.type.toLower();
    step.status = string(json, QLatin1String("status")).toLower();
    step.details = detailsFromJson(json.value(QLatin1String("details")));
    return step;
}

QJsonObject ProvisioningLogEntry::Step::toJson() const
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("description"), description},
        {QStringLiteral("provisioningStepType"), type}, {QStringLiteral("status"), status},
        {QStringLiteral("details"), detailsToJson(details)}};
}

ProvisioningLogEntry::ModifiedProperty ProvisioningLogEntry::ModifiedProperty::fromJson(const QJsonObject& json)
{
    ModifiedProperty property;
    property.name = string(json, QLatin1String("displayName"));
    if (property.name.isEmpty()) {
        property.name = string(json, QLatin1String("name"));
    }
    property.oldValue = text(json.value(QLatin1String("oldValue")));
    property.newValue = text(json.value(QLatin1String("newValue")));
    return property;
}

QJsonObject ProvisioningLogEntry::ModifiedProperty::toJson() const
{
    return {{QStringLiteral("displayName"), name}, {QStringLiteral("oldValue"), nullable(oldValue)},
        {QStringLiteral("newValue"), nullable(newValue)}};
}

ProvisioningLogEntry::Details ProvisioningLogEntry::detailsFromJson(const QJsonValue& json)
{
    Details details;
    if (json.isObject()) {
        const QJsonObject object = json.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            details.append({it.key(), text(it.value()).value_or(QString())});
        }
    } else if (json.isArray()) {
        // The stringKeyStringValuePair[] form some Graph types use for details.
        for (const QJsonValue& pair : json.toArray()) {
            const QJsonObject object = pair.toObject();
            const QString key = string(object, QLatin1String("key"));
            if (!key.isEmpty()) {
                details.append({key, text(object.value(QLatin1String("value"))).value_or(QString())});
            }
        }
    }
    return details;
}

QJsonValue ProvisioningLogEntry::detailsToJson(const Details& details)
{
    // Graph's object form whenever it keeps the order (a JSON object's keys come back sorted, and Graph's always
    // arrive that way); otherwise key/value pairs, which detailsFromJson reads back in order.
    bool sorted = true;
    for (qsizetype i = 1; i < details.size() && sorted; ++i) {
        sorted = details.at(i - 1).first < details.at(i).first;
    }
    if (sorted) {
        QJsonObject object;
        for (const auto& [key, value] : details) {
            object.insert(key, value);
        }
        return object;
    }
    QJsonArray pairs;
    for (const auto& [key, value] : details) {
        pairs.append(QJsonObject {{QStringLiteral("key"), key}, {QStringLiteral("value"), value}});
    }
    return pairs;
}

QList<ProvisioningLogEntry::Step> ProvisioningLogEntry::stepsFromJson(const QJsonArray& json)
{
    QList<Step> steps;
    for (const QJsonValue& value : json) {
        if (value.isObject()) {
            steps.append(Step::fromJson(value.toObject()));
        }
    }
    return steps;
}

QList<ProvisioningLogEntry::ModifiedProperty> ProvisioningLogEntry::modifiedPropertiesFromJson(const QJsonArray& json)
{
    QList<ModifiedProperty> properties;
    for (const QJsonValue& value : json) {
        if (value.isObject()) {
            properties.append(ModifiedProperty::fromJson(value.toObject()));
        }
    }
    return properties;
}

QDateTime ProvisioningLogEntry::parseDateTime(const QString& text)
{
    if (text.isEmpty()) {
        return {};
    }
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        // Qt reads at most milliseconds: cut "10:00:00.1234567Z" to "10:00:00.123Z".
        static const QRegularExpression fraction(QStringLiteral("(\\.\\d{3})\\d+"));
        QString shortened = text;
        shortened.replace(fraction, QStringLiteral("\\1"));
        parsed = QDateTime::fromString(shortened, Qt::ISODateWithMs);
    }
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

ProvisioningLogEntry ProvisioningLogEntry::fromJson(const QJsonObject& json)
{
    ProvisioningLogEntry entry;
    entry.id = string(json, QLatin1String("id"));
    entry.activityDateTime = parseDateTime(string(json, QLatin1String("activityDateTime")));
    entry.tenantId = string(json, QLatin1String("tenantId"));
    entry.jobId = string(json, QLatin1String("jobId"));
    entry.cycleId = string(json, QLatin1String("cycleId"));
    entry.changeId = string(json, QLatin1String("changeId"));
    entry.durationMs = json.value(QLatin1String("durationInMilliseconds")).toInteger();
    entry.action = string(json, QLatin1String("provisioningAction"));
    if (entry.action.isEmpty()) {
        entry.action = string(json, QLatin1String("action")); // the legacy name
    }
    entry.action = entry.action.toLower();

    const QJsonObject initiator = json.value(QLatin1String("initiatedBy")).toObject();
    entry.initiatedBy.id = string(initiator, QLatin1String("id"));
    entry.initiatedBy.displayName = string(initiator, QLatin1String("displayName"));
    entry.initiatedBy.type = string(initiator, QLatin1String("initiatorType"));
    if (entry.initiatedBy.type.isEmpty()) {
        entry.initiatedBy.type = string(initiator, QLatin1String("initiatingType"));
    }

    // Typed as a collection in the property table, an object in every example.
    const QJsonValue principal = json.value(QLatin1String("servicePrincipal"));
    const QJsonObject principalObject
        = principal.isArray() ? principal.toArray().at(0).toObject() : principal.toObject();
    entry.servicePrincipal.id = string(principalObject, QLatin1String("id"));
    entry.servicePrincipal.displayName = string(principalObject, QLatin1String("displayName"));

    entry.sourceIdentity = identityFromJson(json.value(QLatin1String("sourceIdentity")).toObject());
    entry.targetIdentity = identityFromJson(json.value(QLatin1String("targetIdentity")).toObject());
    entry.sourceSystemName = systemName(json.value(QLatin1String("sourceSystem")).toObject());
    entry.targetSystemName = systemName(json.value(QLatin1String("targetSystem")).toObject());

    QJsonObject statusInfo = json.value(QLatin1String("provisioningStatusInfo")).toObject();
    if (statusInfo.isEmpty()) {
        statusInfo = json.value(QLatin1String("statusInfo")).toObject(); // the legacy name
    }
    entry.status = string(statusInfo, QLatin1String("status")).toLower();
    QJsonObject error = statusInfo.value(QLatin1String("errorInformation")).toObject();
    if (error.isEmpty()) {
        error = statusInfo.value(QLatin1String("errorInfo")).toObject();
    }
    entry.error.code = string(error, QLatin1String("errorCode"));
    entry.error.reason = string(error, QLatin1String("reason"));
    entry.error.additionalDetails = string(error, QLatin1String("additionalDetails"));
    entry.error.category = string(error, QLatin1String("errorCategory"));
    entry.error.recommendedAction = string(error, QLatin1String("recommendedAction"));

    entry.steps = stepsFromJson(json.value(QLatin1String("provisioningSteps")).toArray());
    entry.modifiedProperties = modifiedPropertiesFromJson(json.value(QLatin1String("modifiedProperties")).toArray());
    return entry;
}

QJsonObject ProvisioningLogEntry::toJson() const
{
    const auto optional
        = [](const QString& value) { return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value); };
    const QJsonValue errorInformation = error.isEmpty() && error.additionalDetails.isEmpty() && error.category.isEmpty()
            && error.recommendedAction.isEmpty()
        ? QJsonValue(QJsonValue::Null)
        : QJsonValue(QJsonObject {{QStringLiteral("errorCode"), optional(error.code)},
            {QStringLiteral("reason"), optional(error.reason)},
            {QStringLiteral("additionalDetails"), optional(error.additionalDetails)},
            {QStringLiteral("errorCategory"), optional(error.category)},
            {QStringLiteral("recommendedAction"), optional(error.recommendedAction)}});
    QJsonArray stepArray;
    for (const Step& step : steps) {
        stepArray.append(step.toJson());
    }
    QJsonArray propertyArray;
    for (const ModifiedProperty& property : modifiedProperties) {
        propertyArray.append(property.toJson());
    }
    return {{QStringLiteral("id"), id},
        {QStringLiteral("activityDateTime"),
            activityDateTime.isValid() ? QJsonValue(activityDateTime.toUTC().toString(Qt::ISODateWithMs))
                                       : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("tenantId"), tenantId}, {QStringLiteral("jobId"), jobId}, {QStringLiteral("cycleId"), cycleId},
        {QStringLiteral("changeId"), changeId}, {QStringLiteral("durationInMilliseconds"), durationMs},
        {QStringLiteral("provisioningAction"), action},
        {QStringLiteral("initiatedBy"),
            QJsonObject {{QStringLiteral("id"), initiatedBy.id},
                {QStringLiteral("displayName"), initiatedBy.displayName},
                {QStringLiteral("initiatorType"), initiatedBy.type}}},
        {QStringLiteral("servicePrincipal"),
            QJsonObject {{QStringLiteral("id"), servicePrincipal.id},
                {QStringLiteral("displayName"), servicePrincipal.displayName}}},
        {QStringLiteral("sourceIdentity"), identityToJson(sourceIdentity)},
        {QStringLiteral("targetIdentity"), identityToJson(targetIdentity)},
        {QStringLiteral("sourceSystem"), QJsonObject {{QStringLiteral("displayName"), sourceSystemName}}},
        {QStringLiteral("targetSystem"), QJsonObject {{QStringLiteral("displayName"), targetSystemName}}},
        {QStringLiteral("provisioningStatusInfo"),
            QJsonObject {{QStringLiteral("status"), status}, {QStringLiteral("errorInformation"), errorInformation}}},
        {QStringLiteral("provisioningSteps"), stepArray}, {QStringLiteral("modifiedProperties"), propertyArray}};
}

} // namespace tb::model
