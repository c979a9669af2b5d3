// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/SchemaBuilder.h"

namespace tb::test {

QJsonObject SchemaBuilder::attributeSource(const QString& name)
{
    return {{QStringLiteral("type"), QStringLiteral("Attribute")}, {QStringLiteral("name"), name},
        {QStringLiteral("expression"), QStringLiteral("[%1]").arg(name)}, {QStringLiteral("parameters"), QJsonArray()}};
}

QJsonObject SchemaBuilder::mapping(const QString& target, const QJsonObject& source, const QString& flowType,
    int matchingPriority, const QJsonValue& defaultValue)
{
    return {{QStringLiteral("targetAttributeName"), target}, {QStringLiteral("source"), source},
        {QStringLiteral("defaultValue"), defaultValue},
        {QStringLiteral("flowBehavior"), QStringLiteral("FlowWhenChanged")}, {QStringLiteral("flowType"), flowType},
        {QStringLiteral("matchingPriority"), matchingPriority}};
}

QJsonObject SchemaBuilder::clause(const QString& operand, const QString& op, const QStringList& values)
{
    return {{QStringLiteral("operatorName"), op}, {QStringLiteral("sourceOperandName"), operand},
        {QStringLiteral("targetOperand"),
            QJsonObject {{QStringLiteral("values"), QJsonArray::fromStringList(values)}}}};
}

QJsonObject SchemaBuilder::group(const QString& name, const QJsonArray& clauses)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("clauses"), clauses}};
}

QJsonObject SchemaBuilder::externalUsersGroup()
{
    return group(QStringLiteral("Filter external users"),
        QJsonArray {
            clause(QStringLiteral("alternativeSecurityIds"), QStringLiteral("EQUALS"), {QStringLiteral("None")})});
}

QJsonObject SchemaBuilder::defaultSchemaJson(const QJsonArray& scopeGroups)
{
    QJsonArray mappings {mapping(QStringLiteral("alternativeSecurityIds"),
                             {{QStringLiteral("type"), QStringLiteral("Function")},
                                 {QStringLiteral("name"), QStringLiteral("AltSecIdFromNetId")},
                                 {QStringLiteral("expression"), QStringLiteral("AltSecIdFromNetId([netId])")},
                                 {QStringLiteral("parameters"),
                                     QJsonArray {QJsonObject {{QStringLiteral("key"), QStringLiteral("netId")},
                                         {QStringLiteral("value"), attributeSource(QStringLiteral("netId"))}}}}},
                             QStringLiteral("Always"), 1),
        mapping(QStringLiteral("isSoftDeleted"), attributeSource(QStringLiteral("isSoftDeleted"))),
        mapping(QStringLiteral("accountEnabled"), attributeSource(QStringLiteral("accountEnabled")))};
    for (const char* name : {"displayName", "givenName", "surname", "mail", "department", "preferredLanguage",
             "jobTitle", "companyName", "officeLocation", "mobilePhone"}) {
        mappings.append(mapping(QLatin1String(name), attributeSource(QLatin1String(name))));
    }
    mappings.append(mapping(QStringLiteral("userPrincipalName"), attributeSource(QStringLiteral("userPrincipalName")),
        QStringLiteral("ObjectAddOnly")));
    mappings.append(mapping(QStringLiteral("showInAddressList"),
        {{QStringLiteral("type"), QStringLiteral("Constant")}, {QStringLiteral("name"), QStringLiteral("true")},
            {QStringLiteral("expression"), QStringLiteral("\"true\"")}}));
    mappings.append(mapping(QStringLiteral("userType"),
        {{QStringLiteral("type"), QStringLiteral("Constant")}, {QStringLiteral("name"), QStringLiteral("Member")},
            {QStringLiteral("expression"), QStringLiteral("\"Member\"")}},
        QStringLiteral("ObjectAddOnly")));
    const QJsonObject userMapping {{QStringLiteral("name"), QStringLiteral("Provision Azure Active Directory Users")},
        {QStringLiteral("enabled"), true}, {QStringLiteral("flowTypes"), QStringLiteral("Add, Update, Delete")},
        {QStringLiteral("sourceObjectName"), QStringLiteral("User")},
        {QStringLiteral("targetObjectName"), QStringLiteral("User")},
        {QStringLiteral("scope"), QJsonObject {{QStringLiteral("groups"), scopeGroups}}},
        {QStringLiteral("attributeMappings"), mappings}};
    const QJsonObject rule {{QStringLiteral("id"), QStringLiteral("USER_INBOUND_USER")},
        {QStringLiteral("name"), QStringLiteral("USER_INBOUND_USER")},
        {QStringLiteral("objectMappings"), QJsonArray {userMapping}}};
    return {{QStringLiteral("id"), QStringLiteral("job")}, {QStringLiteral("version"), QStringLiteral("v1.0")},
        {QStringLiteral("synchronizationRules"), QJsonArray {rule}}};
}

model::SynchronizationSchema SchemaBuilder::schemaWith(const QJsonArray& scopeGroups)
{
    return model::SynchronizationSchema::fromJson(defaultSchemaJson(scopeGroups));
}

} // namespace tb::test
