// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/MappingEvaluator.h"

#include "core/sync/expression/ExpressionEvaluator.h"
#include "core/sync/expression/ExpressionParser.h"
#include "core/sync/expression/ScopingOperator.h"

#include <QJsonArray>

namespace tb::sync {

namespace {

using model::SynchronizationSchema;
using Source = SynchronizationSchema::AttributeMappingSource;

const QLatin1String kMatchingAttribute("alternativeSecurityIds");
const QLatin1String kUserPrincipalName("userPrincipalName");

bool sameName(const QString& a, const QString& b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

void appendUnique(QStringList& names, const QString& name)
{
    if (name.isEmpty()) {
        return;
    }
    for (const QString& known : std::as_const(names)) {
        if (sameName(known, name)) {
            return;
        }
    }
    names.append(name);
}

// Every [attribute] an expression tree reads.
void collectAttributes(const ExpressionNode& node, QStringList& names)
{
    if (node.kind == ExpressionNode::Kind::Attribute) {
        appendUnique(names, node.text);
    }
    for (const ExpressionNode& child : node.children) {
        collectAttributes(child, names);
    }
}

bool isMatchingMapping(const SynchronizationSchema::AttributeMapping& mapping)
{
    return mapping.matchingPriority > 0 || sameName(mapping.targetAttributeName, kMatchingAttribute);
}

bool isExternalUsersGroup(const QString& name)
{
    return sameName(name, QLatin1String(MappingEvaluator::kExternalUsersGroup));
}

QString trueFalse(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

ExpressionValue expressionValue(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return ExpressionValue::fromString(value.toString());
    case QJsonValue::Bool:
        return ExpressionValue::fromBool(value.toBool());
    case QJsonValue::Double: {
        const double number = value.toDouble();
        const auto whole = static_cast<qint64>(number);
        return static_cast<double>(whole) == number ? ExpressionValue::fromInteger(whole)
                                                    : ExpressionValue::fromString(QString::number(number));
    }
    case QJsonValue::Array: {
        QStringList values;
        for (const QJsonValue& item : value.toArray()) {
            if (item.isString()) {
                values.append(item.toString());
            } else if (item.isBool() || item.isDouble()) {
                values.append(expressionValue(item).toString());
            }
            // Objects (assignedLicenses, identities) are not something a mapping reads as text.
        }
        return ExpressionValue::fromList(values);
    }
    case QJsonValue::Null:
    case QJsonValue::Object:
    case QJsonValue::Undefined:
        break;
    }
    return ExpressionValue::null();
}

} // namespace

MappingEvaluator::MappingEvaluator(const model::SynchronizationSchema& schema, ExpressionContext context)
    : m_mapping(schema.userMapping())
    , m_context(std::move(context))
{ }

MappingEvaluator::MappingEvaluator(model::SynchronizationSchema::ObjectMapping userMapping, ExpressionContext context)
    : m_mapping(std::move(userMapping))
    , m_context(std::move(context))
{ }

QString MappingEvaluator::clauseText(const QString& groupName, const SynchronizationSchema::ScopingClause& clause)
{
    UserPreview::ScopeClause scopeClause;
    scopeClause.groupName = groupName;
    scopeClause.attribute = clause.sourceOperandName;
    scopeClause.operatorName = clause.operatorName;
    scopeClause.expectedValues = clause.values;
    return scopeClause.text();
}

MappingEvaluator::Scope MappingEvaluator::evaluateScope(const ExpressionAttributes& source) const
{
    Scope scope;
    if (!m_mapping) {
        scope.decidedBy = QStringLiteral("the schema has no enabled object mapping for User");
        return scope;
    }
    const QList<SynchronizationSchema::ScopingGroup>& groups = m_mapping->scopeGroups;
    if (groups.isEmpty()) {
        scope.passed = true;
        scope.decidedBy = QStringLiteral("no scoping filter");
        return scope;
    }
    // Every clause is evaluated (the service's ScopeEvaluationResult lists them all); per group its first false
    // clause is kept to say why the group failed.
    // A clause that decided (or may): its line as in clauseResults and the same as data.
    struct Decider
    {
        QString line;
        std::optional<UserPreview::ScopeClause> clause;
        [[nodiscard]] bool isEmpty() const { return line.isEmpty(); }
    };
    bool requiredPassed = true;
    Decider requiredFailure;
    bool hasOptional = false;
    bool optionalPassed = false;
    Decider optionalSuccess;
    Decider optionalFailure;
    Decider requiredSuccess;
    for (const SynchronizationSchema::ScopingGroup& group : groups) {
        bool groupPassed = true;
        Decider firstFalse;
        Decider lastTrue;
        for (const SynchronizationSchema::ScopingClause& clause : group.clauses) {
            const ExpressionValue value = source.value(clause.sourceOperandName);
            const ScopingOperator::Result result = ScopingOperator::evaluate(clause.operatorName, value, clause.values);
            UserPreview::ScopeClause evaluated;
            evaluated.groupName = group.name;
            evaluated.attribute = clause.sourceOperandName;
            evaluated.operatorName = clause.operatorName;
            evaluated.expectedValues = clause.values;
            evaluated.actualValues = value.isNullOrEmpty() ? QStringList() : value.toList();
            evaluated.holds = result.matches && !result.isError();
            const QString text = evaluated.text();
            const QString line = QStringLiteral("%1: %2").arg(text, trueFalse(evaluated.holds));
            scope.clauseResults.append(line);
            if (result.isError()) {
                scope.problems.append(
                    QStringLiteral("The scoping clause %1 cannot be evaluated: %2").arg(text, result.error));
            }
            if (!evaluated.holds) {
                if (firstFalse.isEmpty()) {
                    firstFalse = Decider {line, evaluated};
                }
                groupPassed = false;
            } else {
                lastTrue = Decider {line, evaluated};
            }
        }
        if (isExternalUsersGroup(group.name)) {
            if (!groupPassed && requiredPassed) {
                requiredPassed = false;
                requiredFailure = firstFalse;
            } else if (groupPassed && requiredSuccess.isEmpty()) {
                requiredSuccess = lastTrue;
            }
            continue;
        }
        hasOptional = true;
        if (groupPassed && !optionalPassed) {
            optionalPassed = true;
            optionalSuccess
                = lastTrue.isEmpty() ? Decider {QStringLiteral("%1: no clauses").arg(group.name), {}} : lastTrue;
        } else if (!groupPassed && optionalFailure.isEmpty()) {
            optionalFailure = firstFalse;
        }
    }
    Decider decider;
    if (!requiredPassed) {
        decider = requiredFailure;
    } else if (hasOptional) {
        scope.passed = optionalPassed;
        decider = optionalPassed ? optionalSuccess : optionalFailure;
    } else {
        scope.passed = true;
        decider = requiredSuccess.isEmpty() ? Decider {QStringLiteral("no scoping filter"), {}} : requiredSuccess;
    }
    scope.decidedBy = decider.line;
    scope.decidingClause = decider.clause;
    return scope;
}

QList<UserPreview::Attribute> MappingEvaluator::evaluateAttributes(
    const ExpressionAttributes& source, const std::optional<QJsonObject>& targetUser) const
{
    QList<UserPreview::Attribute> attributes;
    if (!m_mapping) {
        return attributes;
    }
    const bool create = !targetUser.has_value();
    const ExpressionEvaluator evaluator(m_context);
    for (const SynchronizationSchema::AttributeMapping& mapping : m_mapping->attributeMappings) {
        if (isMatchingMapping(mapping)) {
            continue; // the service matches with it (graph-reference 5.4); nothing a preview can show
        }
        UserPreview::Attribute attribute;
        attribute.name = mapping.targetAttributeName;
        attribute.expression = expressionText(mapping);
        // The target's current value, when it shows one: a key absent from the JSON is a property the target
        // does not serve (isSoftDeleted, showInAddressList), so its current value is unknown.
        const bool currentKnown = !create && targetUser->contains(mapping.targetAttributeName);
        if (currentKnown) {
            attribute.current = valueText(targetUser->value(mapping.targetAttributeName));
        }
        const bool addOnly = sameName(mapping.flowType, QLatin1String("ObjectAddOnly"));

        if (sameName(mapping.targetAttributeName, kUserPrincipalName)) {
            // A B2B user's UPN is the target's own (<source UPN with @ as _>#EXT#@<target domain>): the mapping's
            // value never becomes it on a create, and ObjectAddOnly keeps it from flowing afterwards.
            attribute.flows = false;
            attribute.note = QStringLiteral("the target computes the user principal name of a B2B user");
            attributes.append(attribute);
            continue;
        }

        ExpressionResult result;
        if (!mapping.source) {
            result.value = ExpressionValue::null(); // only defaultValue
        } else {
            const ExpressionParser::Result parsed = ExpressionParser::parse(attribute.expression);
            if (!parsed.isValid()) {
                result.error = QLatin1String(ExpressionEvaluator::kErrorPrefix) + parsed.error;
            } else {
                result = evaluator.evaluate(*parsed.root, source);
            }
        }
        if (result.isError()) {
            attribute.note = result.error;
            attributes.append(attribute);
            continue;
        }
        attribute.variesOnEachRun = result.variesOnEachRun;
        QStringList notes = result.notes;
        QString predicted = result.value.toString();
        bool hasValue = !result.value.isNullOrEmpty();
        if (!hasValue && mapping.defaultValue && !mapping.defaultValue->isEmpty()) {
            predicted = *mapping.defaultValue;
            hasValue = true;
            notes.append(QStringLiteral("the default value: the source gives none"));
        }
        attribute.hasPrediction = true;
        attribute.predicted = hasValue ? predicted : QString();
        if (!result.flows) {
            attribute.flows = false;
            notes.append(QStringLiteral("IgnoreFlowIfNullOrEmpty: not sent"));
        } else if (!hasValue) {
            attribute.flows = false;
            notes.append(QStringLiteral("no value: not provisioned"));
        } else if (addOnly && !create) {
            attribute.flows = false;
            notes.append(QStringLiteral("applied only when sync creates the user"));
        }
        if (result.assumedUnique) {
            notes.append(QStringLiteral("assumed unique in the target"));
        }
        if (!create && !currentKnown) {
            notes.append(QStringLiteral("the target does not show its current value"));
        }
        if (attribute.flows && !attribute.variesOnEachRun) {
            attribute.changes = create ? true : currentKnown && attribute.predicted != attribute.current;
        } else if (attribute.flows && attribute.variesOnEachRun) {
            attribute.changes = true; // a new value on every run
            notes.append(QStringLiteral("a different value on each run"));
        }
        attribute.note = notes.join(QStringLiteral("; "));
        attributes.append(attribute);
    }
    return attributes;
}

QStringList MappingEvaluator::referencedSourceAttributes() const
{
    QStringList names;
    if (!m_mapping) {
        return names;
    }
    for (const SynchronizationSchema::AttributeMapping& mapping : m_mapping->attributeMappings) {
        if (isMatchingMapping(mapping) || !mapping.source) {
            continue;
        }
        const ExpressionParser::Result parsed = ExpressionParser::parse(expressionText(mapping));
        collectAttributes(parsed.isValid() ? *parsed.root : nodeFor(*mapping.source), names);
    }
    for (const SynchronizationSchema::ScopingGroup& group : m_mapping->scopeGroups) {
        for (const SynchronizationSchema::ScopingClause& clause : group.clauses) {
            appendUnique(names, clause.sourceOperandName);
        }
    }
    return names;
}

QStringList MappingEvaluator::mappedTargetAttributes() const
{
    QStringList names;
    if (!m_mapping) {
        return names;
    }
    for (const SynchronizationSchema::AttributeMapping& mapping : m_mapping->attributeMappings) {
        if (!isMatchingMapping(mapping)) {
            appendUnique(names, mapping.targetAttributeName);
        }
    }
    return names;
}

QString MappingEvaluator::expressionText(const SynchronizationSchema::AttributeMapping& mapping)
{
    if (!mapping.source) {
        return {};
    }
    // The service evaluates the structured tree and keeps `expression` as its text form; the portal and Graph
    // always send both. A schema written through the tree alone (PUT by a script) may leave the text empty, so the
    // tree is written back as text then and parsed like any other expression.
    if (!mapping.source->expression.trimmed().isEmpty()) {
        return mapping.source->expression;
    }
    return nodeFor(*mapping.source).toExpression();
}

ExpressionNode MappingEvaluator::nodeFor(const SynchronizationSchema::AttributeMappingSource& source)
{
    ExpressionNode node;
    node.text = source.name;
    switch (source.type) {
    case Source::Type::Attribute:
        node.kind = ExpressionNode::Kind::Attribute;
        break;
    case Source::Type::Constant:
        node.kind = ExpressionNode::Kind::String;
        break;
    case Source::Type::Function:
        node.kind = ExpressionNode::Kind::Call;
        for (const Source::Parameter& parameter : source.parameters) {
            node.children.push_back(nodeFor(parameter.value));
        }
        break;
    }
    return node;
}

bool MappingEvaluator::isExternalUser(const QJsonObject& user)
{
    return sameName(user.value(QLatin1String("userType")).toString(), QLatin1String("Guest"))
        || sameName(user.value(QLatin1String("creationType")).toString(), QLatin1String("Invitation"));
}

ExpressionAttributes MappingEvaluator::attributesFromUser(const QJsonObject& user, bool assigned)
{
    ExpressionAttributes attributes;
    for (auto it = user.begin(); it != user.end(); ++it) {
        if (it.key().startsWith(QLatin1Char('@'))) {
            continue; // @odata.context and other annotations
        }
        const ExpressionValue value = expressionValue(it.value());
        if (!value.isNull()) {
            attributes.insert(it.key(), value);
        }
    }
    const QString id = user.value(QLatin1String("id")).toString();
    const QString userPrincipalName = user.value(QLatin1String("userPrincipalName")).toString();
    attributes.insert(QStringLiteral("objectId"), ExpressionValue::fromString(id));
    if (!attributes.contains(QStringLiteral("netId")) && !id.isEmpty()) {
        // Graph does not serve netId; the sandbox uses the object id in its place (README "Mappings").
        attributes.insert(QStringLiteral("netId"), ExpressionValue::fromString(id));
    }
    if (!attributes.contains(QStringLiteral("mailNickname")) && !userPrincipalName.isEmpty()) {
        attributes.insert(QStringLiteral("mailNickname"),
            ExpressionValue::fromString(userPrincipalName.section(QLatin1Char('@'), 0, 0)));
    }
    attributes.insert(QStringLiteral("alternativeSecurityIds"),
        ExpressionValue::fromString(isExternalUser(user) ? QStringLiteral("External") : QStringLiteral("None")));
    attributes.insert(QStringLiteral("isSoftDeleted"), ExpressionValue::fromBool(false));
    attributes.insert(QStringLiteral("appRoleAssignments"),
        assigned ? ExpressionValue::fromString(QStringLiteral("msiam_access")) : ExpressionValue::null());
    return attributes;
}

QString MappingEvaluator::valueText(const QJsonValue& value)
{
    return expressionValue(value).toString();
}

} // namespace tb::sync
