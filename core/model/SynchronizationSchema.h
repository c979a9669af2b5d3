// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace tb::model {

// A job's synchronizationSchema (graph-reference.md 2.6) as a typed view over the JSON it came from. PUT replaces
// the whole schema, so the original object is kept and edits are written back into it: fields this view does not
// model (directories, metadata, containerFilter, exportMissingReferences, inputFilterGroups ...) survive a
// read-edit-write. The typed structs also carry their own unmodelled fields (`extra`) for the same reason.
// Value type, any thread.
class SynchronizationSchema
{
public:
    // An attributeMappingSource: an attribute ([mail]), a constant ("Member") or a function of further sources
    // (AltSecIdFromNetId([netId])). Recursive through parameters; copies are deep.
    struct AttributeMappingSource
    {
        enum class Type { Attribute, Constant, Function };
        struct Parameter;

        Type type = Type::Attribute;
        QString name; // the attribute, the constant's value or the function
        QString expression;
        // Only for Function. A std::vector because it may be declared with its element type still incomplete
        // (C++17), so the recursion needs no pointers and a copy is a deep copy.
        std::vector<Parameter> parameters;
        QJsonObject extra;

        [[nodiscard]] static AttributeMappingSource attribute(const QString& attributeName);
        [[nodiscard]] static AttributeMappingSource constant(const QString& value);
        [[nodiscard]] static AttributeMappingSource fromJson(const QJsonObject& json);
        [[nodiscard]] QJsonObject toJson() const;
        [[nodiscard]] static QString typeName(Type type);

        friend bool operator==(const AttributeMappingSource& a, const AttributeMappingSource& b);
    };

    struct AttributeMapping
    {
        QString targetAttributeName;
        std::optional<AttributeMappingSource> source; // null when only defaultValue is used
        std::optional<QString> defaultValue;
        QString flowBehavior = QStringLiteral("FlowWhenChanged"); // or FlowAlways
        QString flowType = QStringLiteral("Always"); // ObjectAddOnly, MultiValueAddOnly, ValueAddOnly, ...
        int matchingPriority = 0; // > 0: a matching attribute
        QJsonObject extra;

        [[nodiscard]] static AttributeMapping fromJson(const QJsonObject& json);
        [[nodiscard]] QJsonObject toJson() const;
        friend bool operator==(const AttributeMapping& a, const AttributeMapping& b) = default;
    };

    // A filterClause: sourceOperandName operatorName targetOperand.values ("alternativeSecurityIds EQUALS None").
    struct ScopingClause
    {
        QString operatorName; // upper case: EQUALS, NOT EQUALS, IS TRUE, ...
        QString sourceOperandName;
        QStringList values;
        QJsonObject extra;

        [[nodiscard]] static ScopingClause fromJson(const QJsonObject& json);
        [[nodiscard]] QJsonObject toJson() const;
        friend bool operator==(const ScopingClause& a, const ScopingClause& b) = default;
    };

    // A filterGroup: true when all its clauses are; the scope is true when any group is.
    struct ScopingGroup
    {
        QString name;
        QList<ScopingClause> clauses;
        QJsonObject extra;

        [[nodiscard]] static ScopingGroup fromJson(const QJsonObject& json);
        [[nodiscard]] QJsonObject toJson() const;
        friend bool operator==(const ScopingGroup& a, const ScopingGroup& b) = default;
    };

    // Read-only views: edits go through the setters below.
    struct ObjectMapping
    {
        QString name; // "Provision Azure Active Directory Users"
        bool enabled = false;
        QString flowTypes; // "Add, Update, Delete"
        QString sourceObjectName;
        QString targetObjectName;
        QList<ScopingGroup> scopeGroups; // scope.groups
        QList<AttributeMapping> attributeMappings;

        // The mapping that writes this target attribute (case-insensitive), if any.
        [[nodiscard]] std::optional<AttributeMapping> mappingFor(const QString& targetAttributeName) const;
        friend bool operator==(const ObjectMapping& a, const ObjectMapping& b) = default;
    };

    struct SynchronizationRule
    {
        QString id; // the ruleId provisionOnDemand takes
        QString name;
        QString sourceDirectoryName;
        QString targetDirectoryName;
        QList<ObjectMapping> objectMappings;
        friend bool operator==(const SynchronizationRule& a, const SynchronizationRule& b) = default;
    };

    SynchronizationSchema() = default;

    // Keeps the object as it is (an @odata.context included; toJson() leaves the @odata annotations out).
    [[nodiscard]] static SynchronizationSchema fromJson(const QJsonObject& json);
    // The schema to PUT: the original with the edits made through the setters, without @odata annotations.
    [[nodiscard]] QJsonObject toJson() const;

    [[nodiscard]] bool isEmpty() const { return m_json.isEmpty(); }
    [[nodiscard]] QString id() const;
    [[nodiscard]] QString version() const; // changes on every edit ("v1.2")
    [[nodiscard]] QList<SynchronizationRule> rules() const;
    // The CTS user mapping: the first enabled object mapping whose sourceObjectName is User, in the first rule
    // that has one; and that rule's id. Nothing / empty when the schema has none.
    [[nodiscard]] std::optional<ObjectMapping> userMapping() const;
    [[nodiscard]] QString userRuleId() const;

    // Replace an object mapping's attributeMappings, or its scope.groups (the rest of scope stays), in the JSON.
    // False when the rule (by id) or the object mapping (by name) is not there; nothing changes then.
    bool setAttributeMappings(
        const QString& ruleId, const QString& objectMappingName, const QList<AttributeMapping>& mappings);
    bool setScopeGroups(const QString& ruleId, const QString& objectMappingName, const QList<ScopingGroup>& groups);
    // Replaces the mapping of the same targetAttributeName (case-insensitive) or appends it.
    bool setAttributeMapping(const QString& ruleId, const QString& objectMappingName, const AttributeMapping& mapping);

    friend bool operator==(const SynchronizationSchema& a, const SynchronizationSchema& b) = default;

private:
    // Applies edit to the object mapping's JSON and writes it back through the rule into m_json.
    bool editObjectMapping(
        const QString& ruleId, const QString& objectMappingName, const std::function<void(QJsonObject&)>& edit);

    QJsonObject m_json;
};

struct SynchronizationSchema::AttributeMappingSource::Parameter
{
    QString key;
    AttributeMappingSource value;
    friend bool operator==(const Parameter& a, const Parameter& b) = default;
};

} // namespace tb::model
