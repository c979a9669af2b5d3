// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/sync/JobSchema.h"

#include "core/sandbox/ServicePrincipalRecord.h"
#include "core/sandbox/sync/MappingExpression.h"
#include "core/sandbox/sync/ScopeFilter.h"

#include <QJsonArray>

namespace tbsandbox {

namespace {

const QString kSourceSystem = QStringLiteral("Azure Active Directory");
const QString kTargetSystem = QStringLiteral("Azure Active Directory (target tenant)");
const QString kMatchingAttribute = QStringLiteral("alternativeSecurityIds");

QJsonObject attributeMapping(const QString& target, const QJsonObject& source, const QString& flowType,
    int matchingPriority = 0, const QJsonValue& defaultValue = QJsonValue::Null)
{
    return QJsonObject {{QStringLiteral("targetAttributeName"), target}, {QStringLiteral("source"), source},
        {QStringLiteral("defaultValue"), defaultValue},
        {QStringLiteral("flowBehavior"), QStringLiteral("FlowWhenChanged")}, {QStringLiteral("flowType"), flowType},
        {QStringLiteral("matchingPriority"), matchingPriority}, {QStringLiteral("exportMissingReferences"), false}};
}

QJsonObject attributeSource(const QString& name)
{
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("Attribute")}, {QStringLiteral("name"), name},
        {QStringLiteral("expression"), QStringLiteral("[%1]").arg(name)}, {QStringLiteral("parameters"), QJsonArray()}};
}

QJsonObject constantSource(const QString& value)
{
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("Constant")}, {QStringLiteral("name"), value},
        {QStringLiteral("expression"), QStringLiteral("\"%1\"").arg(value)},
        {QStringLiteral("parameters"), QJsonArray()}};
}

QJsonObject matchingSource()
{
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("Function")},
        {QStringLiteral("name"), QStringLiteral("AltSecIdFromNetId")},
        {QStringLiteral("expression"), QStringLiteral("AltSecIdFromNetId([netId])")},
        {QStringLiteral("parameters"),
            QJsonArray {QJsonObject {{QStringLiteral("key"), QStringLiteral("netId")},
                {QStringLiteral("value"), attributeSource(QStringLiteral("netId"))}}}}};
}

// A source without its expression text, names and types in lower case: what two sources must share to be the same.
QJsonObject canonical(const QJsonObject& source)
{
    QJsonArray parameters;
    for (const QJsonValue& parameter : source.value(QLatin1String("parameters")).toArray()) {
        parameters.append(
            QJsonObject {{QStringLiteral("key"), parameter.toObject().value(QLatin1String("key")).toString().toLower()},
                {QStringLiteral("value"), canonical(parameter.toObject().value(QLatin1String("value")).toObject())}});
    }
    return QJsonObject {
        {QStringLiteral("type"), source.value(QLatin1String("type")).toString(QStringLiteral("Attribute")).toLower()},
        {QStringLiteral("name"), source.value(QLatin1String("name")).toString().toLower()},
        {QStringLiteral("parameters"), parameters}};
}

QString revisionVersion(int revision)
{
    return QStringLiteral("v1.%1").arg(revision);
}

QJsonObject jobState(const ServicePrincipalRecord& record, const QString& jobId)
{
    return record.syncState.value(jobId).toObject();
}

void changed(ServicePrincipalRecord& record, const QString& jobId, QJsonObject state)
{
    state.insert(QStringLiteral("schemaRevision"), state.value(QLatin1String("schemaRevision")).toInt() + 1);
    // Mappings and scope are evaluated anew for everybody (the portal restarts the job after a schema save).
    state.insert(QStringLiteral("fullNext"), true);
    record.syncState.insert(jobId, state);
}

} // namespace

QJsonObject JobSchema::defaultSchema(const QString& jobId, const QString& version)
{
    QJsonArray mappings {attributeMapping(kMatchingAttribute, matchingSource(), QStringLiteral("Always"), 1),
        attributeMapping(QStringLiteral("isSoftDeleted"), attributeSource(QStringLiteral("isSoftDeleted")),
            QStringLiteral("Always")),
        attributeMapping(QStringLiteral("accountEnabled"), attributeSource(QStringLiteral("accountEnabled")),
            QStringLiteral("Always"))};
    // The reference's partial list; jobTitle and the three after it are [U].
    for (const QString& name :
        {QStringLiteral("displayName"), QStringLiteral("givenName"), QStringLiteral("surname"), QStringLiteral("mail"),
            QStringLiteral("department"), QStringLiteral("preferredLanguage"), QStringLiteral("jobTitle"),
            QStringLiteral("companyName"), QStringLiteral("officeLocation"), QStringLiteral("mobilePhone")}) {
        mappings.append(attributeMapping(name, attributeSource(name), QStringLiteral("Always")));
    }
    mappings.append(attributeMapping(QStringLiteral("userPrincipalName"),
        attributeSource(QStringLiteral("userPrincipalName")), QStringLiteral("ObjectAddOnly")));
    mappings.append(attributeMapping(
        QStringLiteral("showInAddressList"), constantSource(QStringLiteral("true")), QStringLiteral("Always")));
    // Applied on create only: a matched guest keeps Guest (graph-reference 2.6, 5.4).
    mappings.append(attributeMapping(
        QStringLiteral("userType"), constantSource(QStringLiteral("Member")), QStringLiteral("ObjectAddOnly")));
    const QJsonObject externalFilter {{QStringLiteral("name"), ScopeFilter::kExternalUsersGroup},
        {QStringLiteral("clauses"),
            QJsonArray {QJsonObject {{QStringLiteral("operatorName"), QStringLiteral("EQUALS")},
                {QStringLiteral("sourceOperandName"), kMatchingAttribute},
                {QStringLiteral("targetOperand"),
                    QJsonObject {{QStringLiteral("values"), QJsonArray {QStringLiteral("None")}}}}}}}};
    const QJsonObject userMapping {{QStringLiteral("name"), QStringLiteral("Provision Azure Active Directory Users")},
        {QStringLiteral("enabled"), true}, {QStringLiteral("flowTypes"), QStringLiteral("Add, Update, Delete")},
        {QStringLiteral("metadata"), QJsonArray()}, {QStringLiteral("sourceObjectName"), QStringLiteral("User")},
        {QStringLiteral("targetObjectName"), QStringLiteral("User")},
        {QStringLiteral("scope"),
            QJsonObject {{QStringLiteral("groups"), QJsonArray {externalFilter}},
                {QStringLiteral("inputFilterGroups"), QJsonArray()},
                {QStringLiteral("categoryFilterGroups"), QJsonArray()}}},
        {QStringLiteral("attributeMappings"), mappings}};
    const QJsonObject rule {{QStringLiteral("id"), kRuleId}, {QStringLiteral("name"), kRuleId},
        {QStringLiteral("editable"), true}, {QStringLiteral("priority"), 1},
        {QStringLiteral("sourceDirectoryName"), kSourceSystem}, {QStringLiteral("targetDirectoryName"), kTargetSystem},
        {QStringLiteral("containerFilter"), QJsonValue::Null}, {QStringLiteral("groupFilter"), QJsonValue::Null},
        {QStringLiteral("metadata"),
            QJsonArray {QJsonObject {{QStringLiteral("key"), QStringLiteral("defaultSourceObjectMappings")},
                            {QStringLiteral("value"), QStringLiteral("User")}},
                QJsonObject {{QStringLiteral("key"), QStringLiteral("supportsProvisionOnDemand")},
                    {QStringLiteral("value"), QStringLiteral("true")}}}},
        {QStringLiteral("objectMappings"), QJsonArray {userMapping}}};
    return QJsonObject {{QStringLiteral("id"), jobId}, {QStringLiteral("version"), version},
        {QStringLiteral("synchronizationRules"), QJsonArray {rule}},
        {QStringLiteral("directories"),
            QJsonArray {
                QJsonObject {{QStringLiteral("name"), kSourceSystem}, {QStringLiteral("objects"), QJsonArray()}},
                QJsonObject {{QStringLiteral("name"), kTargetSystem}, {QStringLiteral("objects"), QJsonArray()}}}}};
}

QJsonObject JobSchema::current(const ServicePrincipalRecord& record, const QString& jobId)
{
    const QJsonObject state = jobState(record, jobId);
    const QString version = revisionVersion(state.value(QLatin1String("schemaRevision")).toInt());
    const QJsonValue stored = state.value(QLatin1String("schema"));
    if (!stored.isObject()) {
        return defaultSchema(jobId, version);
    }
    QJsonObject schema = stored.toObject();
    schema.insert(QStringLiteral("id"), jobId);
    schema.insert(QStringLiteral("version"), version);
    return schema;
}

std::optional<JobSchema::Refusal> JobSchema::validate(const QJsonObject& schema)
{
    const auto badRequest = [](const QString& message) {
        return std::optional<Refusal>(Refusal {QStringLiteral("Request_BadRequest"), message});
    };
    const QJsonValue rules = schema.value(QLatin1String("synchronizationRules"));
    if (!rules.isArray() || rules.toArray().isEmpty()) {
        return badRequest(QStringLiteral("A synchronizationSchema needs synchronizationRules, a non-empty array."));
    }
    static const QStringList flowTypes {QStringLiteral("Always"), QStringLiteral("ObjectAddOnly"),
        QStringLiteral("MultiValueAddOnly"), QStringLiteral("ValueAddOnly"), QStringLiteral("AttributeAddOnly")};
    QList<QJsonObject> matching;
    for (const QJsonValue& ruleValue : rules.toArray()) {
        const QJsonObject rule = ruleValue.toObject();
        if (!ruleValue.isObject() || rule.value(QLatin1String("id")).toString().isEmpty()) {
            return badRequest(QStringLiteral("Each synchronizationRule needs an id."));
        }
        for (const QJsonValue& objectValue : rule.value(QLatin1String("objectMappings")).toArray()) {
            const QJsonObject objectMapping = objectValue.toObject();
            if (std::optional<QString> problem
                = ScopeFilter::problem(objectMapping.value(QLatin1String("scope")).toObject())) {
                return badRequest(*problem);
            }
            for (const QJsonValue& mappingValue : objectMapping.value(QLatin1String("attributeMappings")).toArray()) {
                const QJsonObject mapping = mappingValue.toObject();
                const QString target = mapping.value(QLatin1String("targetAttributeName")).toString();
                if (target.isEmpty()) {
                    return badRequest(QStringLiteral("Each attributeMapping needs a targetAttributeName."));
                }
                const QString flowType = mapping.value(QLatin1String("flowType")).toString(QStringLiteral("Always"));
                if (!flowTypes.contains(flowType, Qt::CaseInsensitive)) {
                    return badRequest(QStringLiteral("The flowType '%1' of %2 is not one of %3.")
                                          .arg(flowType, target, flowTypes.join(QStringLiteral(", "))));
                }
                const QJsonValue source = mapping.value(QLatin1String("source"));
                if (source.isObject()) {
                    if (std::optional<QString> problem = MappingExpression::problem(source.toObject())) {
                        return badRequest(QStringLiteral("The mapping of %1: %2").arg(target, *problem));
                    }
                } else if (!source.isNull() && !source.isUndefined()) {
                    return badRequest(
                        QStringLiteral("The source of %1 must be an attributeMappingSource or null.").arg(target));
                }
                if (mapping.value(QLatin1String("matchingPriority")).toInt() > 0) {
                    matching.append(mapping);
                }
            }
        }
    }
    // The matching attribute of CTS is fixed (graph-reference 2.6, 9.1).
    const bool unchanged = matching.size() == 1
        && matching.first()
                .value(QLatin1String("targetAttributeName"))
                .toString()
                .compare(kMatchingAttribute, Qt::CaseInsensitive)
            == 0
        && matching.first().value(QLatin1String("matchingPriority")).toInt() == 1
        && canonical(matching.first().value(QLatin1String("source")).toObject()) == canonical(matchingSource());
    if (!unchanged) {
        return Refusal {QStringLiteral("schemaInvalid"),
            QStringLiteral("The matching attribute of cross-tenant synchronization cannot be changed: keep "
                           "alternativeSecurityIds mapped from AltSecIdFromNetId([netId]) with matchingPriority 1 "
                           "as the only mapping with a matchingPriority.")};
    }
    return std::nullopt;
}

void JobSchema::replace(ServicePrincipalRecord& record, const QString& jobId, const QJsonObject& schema)
{
    QJsonObject state = jobState(record, jobId);
    QJsonObject stored = schema;
    stored.remove(QStringLiteral("@odata.context"));
    state.insert(QStringLiteral("schema"), stored);
    changed(record, jobId, state);
}

void JobSchema::reset(ServicePrincipalRecord& record, const QString& jobId)
{
    QJsonObject state = jobState(record, jobId);
    state.remove(QStringLiteral("schema"));
    changed(record, jobId, state);
}

QStringList JobSchema::ruleIds(const QJsonObject& schema)
{
    QStringList ids;
    for (const QJsonValue& rule : schema.value(QLatin1String("synchronizationRules")).toArray()) {
        ids.append(rule.toObject().value(QLatin1String("id")).toString());
    }
    return ids;
}

QJsonObject JobSchema::userMapping(const QJsonObject& schema)
{
    for (const QJsonValue& rule : schema.value(QLatin1String("synchronizationRules")).toArray()) {
        for (const QJsonValue& value : rule.toObject().value(QLatin1String("objectMappings")).toArray()) {
            const QJsonObject mapping = value.toObject();
            if (mapping.value(QLatin1String("enabled")).toBool(true)
                && mapping.value(QLatin1String("sourceObjectName"))
                        .toString()
                        .compare(QLatin1String("User"), Qt::CaseInsensitive)
                    == 0
                && mapping.value(QLatin1String("targetObjectName"))
                        .toString(QStringLiteral("User"))
                        .compare(QLatin1String("User"), Qt::CaseInsensitive)
                    == 0) {
                return mapping;
            }
        }
    }
    return {};
}

} // namespace tbsandbox
