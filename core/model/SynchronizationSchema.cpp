// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/SynchronizationSchema.h"

#include <QJsonArray>

namespace tb::model {

namespace {

// The JSON object without the keys the typed struct models: what toJson() writes back around them.
QJsonObject without(QJsonObject json, std::initializer_list<QLatin1String> keys)
{
    for (const QLatin1String key : keys) {
        json.remove(key);
    }
    return json;
}

bool sameName(const QJsonValue& value, QLatin1String key, const QString& wanted)
{
    return value.toObject().value(key).toString() == wanted;
}

} // namespace

// --- AttributeMappingSource

SynchronizationSchema::AttributeMappingSource SynchronizationSchema::AttributeMappingSource::attribute(
    const QString& attributeName)
{
    AttributeMappingSource source;
    source.type = Type::Attribute;
    source.name = attributeName;
    source.expression = QStringLiteral("[%1]").arg(attributeName);
    return source;
}

SynchronizationSchema::AttributeMappingSource SynchronizationSchema::AttributeMappingSource::constant(
    const QString& value)
{
    AttributeMappingSource source;
    source.type = Type::Constant;
    source.name = value;
    source.expression = QStringLiteral("\"%1\"").arg(value);
    return source;
}

QString SynchronizationSchema::AttributeMappingSource::typeName(Type type)
{
    switch (type) {
    case Type::Attribute:
        return QStringLiteral("Attribute");
    case Type::Constant:
        return QStringLiteral("Constant");
    case Type::Function:
        return QStringLiteral("Function");
    }
    return QStringLiteral("Attribute");
}

SynchronizationSchema::AttributeMappingSource SynchronizationSchema::AttributeMappingSource::fromJson(
    const QJsonObject& json)
{
    AttributeMappingSource source;
    const QString type = json.value(QLatin1String("type")).toString();
    if (type.compare(QLatin1String("Constant"), Qt::CaseInsensitive) == 0) {
        source.type = Type::Constant;
    } else if (type.compare(QLatin1String("Function"), Qt::CaseInsensitive) == 0) {
        source.type = Type::Function;
    } // Attribute is the documented default
    source.name = json.value(QLatin1String("name")).toString();
    source.expression = json.value(QLatin1String("expression")).toString();
    for (const QJsonValue& value : json.value(QLatin1String("parameters")).toArray()) {
        const QJsonObject parameter = value.toObject();
        source.parameters.push_back(Parameter {parameter.value(QLatin1String("key")).toString(),
            fromJson(parameter.value(QLatin1String("value")).toObject())});
    }
    source.extra = without(
        json, {QLatin1String("type"), QLatin1String("name"), QLatin1String("expression"), QLatin1String("parameters")});
    return source;
}

QJsonObject SynchronizationSchema::AttributeMappingSource::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("type"), typeName(type));
    json.insert(QStringLiteral("name"), name);
    json.insert(QStringLiteral("expression"), expression);
    QJsonArray array;
    for (const Parameter& parameter : parameters) {
        array.append(
            QJsonObject {{QStringLiteral("key"), parameter.key}, {QStringLiteral("value"), parameter.value.toJson()}});
    }
    json.insert(QStringLiteral("parameters"), array);
    return json;
}

bool operator==(
    const SynchronizationSchema::AttributeMappingSource& a, const SynchronizationSchema::AttributeMappingSource& b)
{
    return a.type == b.type && a.name == b.name && a.expression == b.expression && a.parameters == b.parameters
        && a.extra == b.extra;
}

// --- AttributeMapping

SynchronizationSchema::AttributeMapping SynchronizationSchema::AttributeMapping::fromJson(const QJsonObject& json)
{
    AttributeMapping mapping;
    mapping.targetAttributeName = json.value(QLatin1String("targetAttributeName")).toString();
    const QJsonValue source = json.value(QLatin1String("source"));
    if (source.isObject()) {
        mapping.source = AttributeMappingSource::fromJson(source.toObject());
    }
    const QJsonValue defaultValue = json.value(QLatin1String("defaultValue"));
    if (defaultValue.isString()) {
        mapping.defaultValue = defaultValue.toString();
    }
    mapping.flowBehavior = json.value(QLatin1String("flowBehavior")).toString(QStringLiteral("FlowWhenChanged"));
    mapping.flowType = json.value(QLatin1String("flowType")).toString(QStringLiteral("Always"));
    mapping.matchingPriority = json.value(QLatin1String("matchingPriority")).toInt();
    mapping.extra = without(json,
        {QLatin1String("targetAttributeName"), QLatin1String("source"), QLatin1String("defaultValue"),
            QLatin1String("flowBehavior"), QLatin1String("flowType"), QLatin1String("matchingPriority")});
    return mapping;
}

QJsonObject SynchronizationSchema::AttributeMapping::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("targetAttributeName"), targetAttributeName);
    json.insert(QStringLiteral("source"), source ? QJsonValue(source->toJson()) : QJsonValue(QJsonValue::Null));
    json.insert(
        QStringLiteral("defaultValue"), defaultValue ? QJsonValue(*defaultValue) : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("flowBehavior"), flowBehavior);
    json.insert(QStringLiteral("flowType"), flowType);
    json.insert(QStringLiteral("matchingPriority"), matchingPriority);
    return json;
}

// --- Scoping

SynchronizationSchema::ScopingClause SynchronizationSchema::ScopingClause::fromJson(const QJsonObject& json)
{
    ScopingClause clause;
    clause.operatorName = json.value(QLatin1String("operatorName")).toString();
    clause.sourceOperandName = json.value(QLatin1String("sourceOperandName")).toString();
    for (const QJsonValue& value :
        json.value(QLatin1String("targetOperand")).toObject().value(QLatin1String("values")).toArray()) {
        clause.values.append(value.toString());
    }
    clause.extra = without(json, {QLatin1String("operatorName"), QLatin1String("sourceOperandName")});
    // targetOperand's other members, if any, stay in extra; its values are modelled.
    QJsonObject operand = clause.extra.value(QLatin1String("targetOperand")).toObject();
    operand.remove(QLatin1String("values"));
    if (operand.isEmpty()) {
        clause.extra.remove(QLatin1String("targetOperand"));
    } else {
        clause.extra.insert(QStringLiteral("targetOperand"), operand);
    }
    return clause;
}

QJsonObject SynchronizationSchema::ScopingClause::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("operatorName"), operatorName);
    json.insert(QStringLiteral("sourceOperandName"), sourceOperandName);
    QJsonObject operand = extra.value(QLatin1String("targetOperand")).toObject();
    operand.insert(QStringLiteral("values"), QJsonArray::fromStringList(values));
    json.insert(QStringLiteral("targetOperand"), operand);
    return json;
}

SynchronizationSchema::ScopingGroup SynchronizationSchema::ScopingGroup::fromJson(const QJsonObject& json)
{
    ScopingGroup group;
    group.name = json.value(QLatin1String("name")).toString();
    for (const QJsonValue& value : json.value(QLatin1String("clauses")).toArray()) {
        group.clauses.append(ScopingClause::fromJson(value.toObject()));
    }
    group.extra = without(json, {QLatin1String("name"), QLatin1String("clauses")});
    return group;
}

QJsonObject SynchronizationSchema::ScopingGroup::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("name"), name);
    QJsonArray array;
    for (const ScopingClause& clause : clauses) {
        array.append(clause.toJson());
    }
    json.insert(QStringLiteral("clauses"), array);
    return json;
}

// --- Views

std::optional<SynchronizationSchema::AttributeMapping> SynchronizationSchema::ObjectMapping::mappingFor(
    const QString& targetAttributeName) const
{
    for (const AttributeMapping& mapping : attributeMappings) {
        if (mapping.targetAttributeName.compare(targetAttributeName, Qt::CaseInsensitive) == 0) {
            return mapping;
        }
    }
    return std::nullopt;
}

SynchronizationSchema SynchronizationSchema::fromJson(const QJsonObject& json)
{
    SynchronizationSchema schema;
    schema.m_json = json;
    return schema;
}

QJsonObject SynchronizationSchema::toJson() const
{
    QJsonObject json = m_json;
    for (const QString& key : m_json.keys()) {
        if (key.startsWith(QLatin1String("@odata."))) {
            json.remove(key);
        }
    }
    return json;
}

QString SynchronizationSchema::id() const
{
    return m_json.value(QLatin1String("id")).toString();
}

QString SynchronizationSchema::version() const
{
    return m_json.value(QLatin1String("version")).toString();
}

QList<SynchronizationSchema::SynchronizationRule> SynchronizationSchema::rules() const
{
    QList<SynchronizationRule> rules;
    for (const QJsonValue& ruleValue : m_json.value(QLatin1String("synchronizationRules")).toArray()) {
        const QJsonObject ruleJson = ruleValue.toObject();
        SynchronizationRule rule;
        rule.id = ruleJson.value(QLatin1String("id")).toString();
        rule.name = ruleJson.value(QLatin1String("name")).toString();
        rule.sourceDirectoryName = ruleJson.value(QLatin1String("sourceDirectoryName")).toString();
        rule.targetDirectoryName = ruleJson.value(QLatin1String("targetDirectoryName")).toString();
        for (const QJsonValue& mappingValue : ruleJson.value(QLatin1String("objectMappings")).toArray()) {
            const QJsonObject mappingJson = mappingValue.toObject();
            ObjectMapping mapping;
            mapping.name = mappingJson.value(QLatin1String("name")).toString();
            mapping.enabled = mappingJson.value(QLatin1String("enabled")).toBool();
            mapping.flowTypes = mappingJson.value(QLatin1String("flowTypes")).toString();
            mapping.sourceObjectName = mappingJson.value(QLatin1String("sourceObjectName")).toString();
            mapping.targetObjectName = mappingJson.value(QLatin1String("targetObjectName")).toString();
            for (const QJsonValue& group :
                mappingJson.value(QLatin1String("scope")).toObject().value(QLatin1String("groups")).toArray()) {
                mapping.scopeGroups.append(ScopingGroup::fromJson(group.toObject()));
            }
            for (const QJsonValue& attribute : mappingJson.value(QLatin1String("attributeMappings")).toArray()) {
                mapping.attributeMappings.append(AttributeMapping::fromJson(attribute.toObject()));
            }
            rule.objectMappings.append(mapping);
        }
        rules.append(rule);
    }
    return rules;
}

std::optional<SynchronizationSchema::ObjectMapping> SynchronizationSchema::userMapping() const
{
    for (const SynchronizationRule& rule : rules()) {
        for (const ObjectMapping& mapping : rule.objectMappings) {
            if (mapping.enabled && mapping.sourceObjectName.compare(QLatin1String("User"), Qt::CaseInsensitive) == 0) {
                return mapping;
            }
        }
    }
    return std::nullopt;
}

QString SynchronizationSchema::userRuleId() const
{
    for (const SynchronizationRule& rule : rules()) {
        for (const ObjectMapping& mapping : rule.objectMappings) {
            if (mapping.enabled && mapping.sourceObjectName.compare(QLatin1String("User"), Qt::CaseInsensitive) == 0) {
                return rule.id;
            }
        }
    }
    return {};
}

bool SynchronizationSchema::editObjectMapping(
    const QString& ruleId, const QString& objectMappingName, const std::function<void(QJsonObject&)>& edit)
{
    QJsonArray rules = m_json.value(QLatin1String("synchronizationRules")).toArray();
    for (qsizetype r = 0; r < rules.size(); ++r) {
        if (!sameName(rules.at(r), QLatin1String("id"), ruleId)) {
            continue;
        }
        QJsonObject rule = rules.at(r).toObject();
        QJsonArray mappings = rule.value(QLatin1String("objectMappings")).toArray();
        for (qsizetype m = 0; m < mappings.size(); ++m) {
            if (!sameName(mappings.at(m), QLatin1String("name"), objectMappingName)) {
                continue;
            }
            QJsonObject mapping = mappings.at(m).toObject();
            edit(mapping);
            mappings.replace(m, mapping);
            rule.insert(QStringLiteral("objectMappings"), mappings);
            rules.replace(r, rule);
            m_json.insert(QStringLiteral("synchronizationRules"), rules);
            return true;
        }
        return false;
    }
    return false;
}

bool SynchronizationSchema::setAttributeMappings(
    const QString& ruleId, const QString& objectMappingName, const QList<AttributeMapping>& mappings)
{
    QJsonArray array;
    for (const AttributeMapping& mapping : mappings) {
        array.append(mapping.toJson());
    }
    return editObjectMapping(ruleId, objectMappingName,
        [&array](QJsonObject& mapping) { mapping.insert(QStringLiteral("attributeMappings"), array); });
}

bool SynchronizationSchema::setScopeGroups(
    const QString& ruleId, const QString& objectMappingName, const QList<ScopingGroup>& groups)
{
    QJsonArray array;
    for (const ScopingGroup& group : groups) {
        array.append(group.toJson());
    }
    return editObjectMapping(ruleId, objectMappingName, [&array](QJsonObject& mapping) {
        QJsonObject scope = mapping.value(QLatin1String("scope")).toObject();
        scope.insert(QStringLiteral("groups"), array);
        mapping.insert(QStringLiteral("scope"), scope);
    });
}

bool SynchronizationSchema::setAttributeMapping(
    const QString& ruleId, const QString& objectMappingName, const AttributeMapping& mapping)
{
    return editObjectMapping(ruleId, objectMappingName, [&mapping](QJsonObject& objectMapping) {
        QJsonArray array = objectMapping.value(QLatin1String("attributeMappings")).toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (array.at(i)
                    .toObject()
                    .value(QLatin1String("targetAttributeName"))
                    .toString()
                    .compare(mapping.targetAttributeName, Qt::CaseInsensitive)
                == 0) {
                array.replace(i, mapping.toJson());
                objectMapping.insert(QStringLiteral("attributeMappings"), array);
                return;
            }
        }
        array.append(mapping.toJson());
        objectMapping.insert(QStringLiteral("attributeMappings"), array);
    });
}

} // namespace tb::model
