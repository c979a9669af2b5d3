// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/MappingEvaluator.h"
#include "core/model/SynchronizationSchema.h"
#include "core/sync/UserPreview.h"
#include "tests/support/SchemaBuilder.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using tb::model::SynchronizationSchema;
using tb::sync::ExpressionAttributes;
using tb::sync::MappingEvaluator;
using tb::sync::UserPreview;
using tb::test::SchemaBuilder;

namespace {

QJsonObject adele()
{
    return QJsonObject {{QStringLiteral("id"), QStringLiteral("0a1b2c3d-0000-4000-8000-000000000001")},
        {QStringLiteral("displayName"), QStringLiteral("Adele Vance")},
        {QStringLiteral("givenName"), QStringLiteral("Adele")}, {QStringLiteral("surname"), QStringLiteral("Vance")},
        {QStringLiteral("userPrincipalName"), QStringLiteral("adele.vance@contoso.onmicrosoft.com")},
        {QStringLiteral("mail"), QStringLiteral("adele.vance@contoso.onmicrosoft.com")},
        {QStringLiteral("department"), QStringLiteral("Sales")},
        {QStringLiteral("jobTitle"), QStringLiteral("Retail Manager")},
        {QStringLiteral("officeLocation"), QJsonValue::Null}, {QStringLiteral("accountEnabled"), true},
        {QStringLiteral("userType"), QStringLiteral("Member")}, {QStringLiteral("creationType"), QJsonValue::Null},
        {QStringLiteral("businessPhones"), QJsonArray {QStringLiteral("+1 425 555 0109")}}};
}

const UserPreview::Attribute* find(const QList<UserPreview::Attribute>& attributes, const QString& name)
{
    for (const UserPreview::Attribute& attribute : attributes) {
        if (attribute.name.compare(name, Qt::CaseInsensitive) == 0) {
            return &attribute;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("MappingEvaluator: the derived attributes of a source user match the sandbox's list", "[unit][sync]")
{
    const ExpressionAttributes member = MappingEvaluator::attributesFromUser(adele(), true);
    CHECK(member.value(QStringLiteral("objectId")).toString() == adele().value(QLatin1String("id")).toString());
    CHECK(member.value(QStringLiteral("netId")).toString() == adele().value(QLatin1String("id")).toString());
    CHECK(member.value(QStringLiteral("mailNickname")).toString() == QStringLiteral("adele.vance"));
    CHECK(member.value(QStringLiteral("alternativeSecurityIds")).toString() == QStringLiteral("None"));
    CHECK(member.value(QStringLiteral("isSoftDeleted")).toString() == QStringLiteral("False"));
    CHECK(member.value(QStringLiteral("appRoleAssignments")).toString() == QStringLiteral("msiam_access"));
    CHECK(member.value(QStringLiteral("AccountEnabled")).toString() == QStringLiteral("True"));
    CHECK(member.value(QStringLiteral("businessPhones")).toList() == QStringList {QStringLiteral("+1 425 555 0109")});
    CHECK(member.value(QStringLiteral("officeLocation")).isNull());

    QJsonObject guest = adele();
    guest.insert(QStringLiteral("userType"), QStringLiteral("Guest"));
    const ExpressionAttributes external = MappingEvaluator::attributesFromUser(guest, false);
    CHECK(external.value(QStringLiteral("alternativeSecurityIds")).toString() == QStringLiteral("External"));
    CHECK(external.value(QStringLiteral("appRoleAssignments")).isNull());
    QJsonObject invited = adele();
    invited.insert(QStringLiteral("creationType"), QStringLiteral("Invitation"));
    CHECK(MappingEvaluator::attributesFromUser(invited, true).value(QStringLiteral("alternativeSecurityIds")).toString()
        == QStringLiteral("External"));
}

TEST_CASE("MappingEvaluator: the default schema predicts a create and leaves matching out", "[unit][sync]")
{
    const MappingEvaluator evaluator(SchemaBuilder::schemaWith());
    REQUIRE(evaluator.hasUserMapping());
    const QList<UserPreview::Attribute> attributes
        = evaluator.evaluateAttributes(MappingEvaluator::attributesFromUser(adele(), true), std::nullopt);
    CHECK(find(attributes, QStringLiteral("alternativeSecurityIds")) == nullptr);
    REQUIRE(attributes.size() == 15);
    CHECK(attributes.first().name == QStringLiteral("isSoftDeleted")); // schema order

    const UserPreview::Attribute* displayName = find(attributes, QStringLiteral("displayName"));
    REQUIRE(displayName != nullptr);
    CHECK(displayName->expression == QStringLiteral("[displayName]"));
    CHECK(displayName->hasPrediction);
    CHECK(displayName->predicted == QStringLiteral("Adele Vance"));
    CHECK(displayName->flows);
    CHECK(displayName->changes);
    CHECK(displayName->current.isEmpty());

    const UserPreview::Attribute* enabled = find(attributes, QStringLiteral("accountEnabled"));
    REQUIRE(enabled != nullptr);
    CHECK(enabled->predicted == QStringLiteral("True"));

    const UserPreview::Attribute* userType = find(attributes, QStringLiteral("userType"));
    REQUIRE(userType != nullptr);
    CHECK(userType->predicted == QStringLiteral("Member"));
    CHECK(userType->flows); // ObjectAddOnly flows on a create

    // A null source without a default is not provisioned.
    const UserPreview::Attribute* office = find(attributes, QStringLiteral("officeLocation"));
    REQUIRE(office != nullptr);
    CHECK(office->hasPrediction);
    CHECK(office->predicted.isEmpty());
    CHECK_FALSE(office->flows);
    CHECK_FALSE(office->changes);

    // The target makes a B2B user's UPN itself.
    const UserPreview::Attribute* upn = find(attributes, QStringLiteral("userPrincipalName"));
    REQUIRE(upn != nullptr);
    CHECK_FALSE(upn->hasPrediction);
    CHECK_FALSE(upn->flows);
    CHECK_FALSE(upn->note.isEmpty());

    const QStringList referenced = evaluator.referencedSourceAttributes();
    CHECK(referenced.contains(QStringLiteral("department")));
    CHECK(referenced.contains(QStringLiteral("alternativeSecurityIds"))); // the scope clause reads it
    CHECK_FALSE(referenced.contains(QStringLiteral("netId"))); // only the matching mapping reads it
}

TEST_CASE("MappingEvaluator: an existing user gets only the flowing changes; ObjectAddOnly stays", "[unit][sync]")
{
    const MappingEvaluator evaluator(SchemaBuilder::schemaWith());
    // An accepted guest that sync takes over: userType Guest must not flip to Member.
    const QJsonObject target {{QStringLiteral("id"), QStringLiteral("t1")},
        {QStringLiteral("displayName"), QStringLiteral("Adele Vance")},
        {QStringLiteral("givenName"), QStringLiteral("Adele")}, {QStringLiteral("surname"), QStringLiteral("Vance")},
        {QStringLiteral("mail"), QStringLiteral("adele.vance@contoso.onmicrosoft.com")},
        {QStringLiteral("department"), QStringLiteral("Marketing")}, {QStringLiteral("jobTitle"), QJsonValue::Null},
        {QStringLiteral("accountEnabled"), true}, {QStringLiteral("userType"), QStringLiteral("Guest")},
        {QStringLiteral("userPrincipalName"),
            QStringLiteral("adele.vance_contoso.onmicrosoft.com#EXT#@fabrikam.onmicrosoft.com")}};
    const QList<UserPreview::Attribute> attributes
        = evaluator.evaluateAttributes(MappingEvaluator::attributesFromUser(adele(), true), target);

    const UserPreview::Attribute* userType = find(attributes, QStringLiteral("userType"));
    REQUIRE(userType != nullptr);
    CHECK(userType->predicted == QStringLiteral("Member"));
    CHECK(userType->current == QStringLiteral("Guest"));
    CHECK_FALSE(userType->flows);
    CHECK_FALSE(userType->changes);
    CHECK(userType->note.contains(QStringLiteral("only when sync creates")));

    const UserPreview::Attribute* department = find(attributes, QStringLiteral("department"));
    REQUIRE(department != nullptr);
    CHECK(department->current == QStringLiteral("Marketing"));
    CHECK(department->predicted == QStringLiteral("Sales"));
    CHECK(department->changes);

    const UserPreview::Attribute* jobTitle = find(attributes, QStringLiteral("jobTitle"));
    REQUIRE(jobTitle != nullptr);
    CHECK(jobTitle->current.isEmpty());
    CHECK(jobTitle->changes);

    const UserPreview::Attribute* displayName = find(attributes, QStringLiteral("displayName"));
    REQUIRE(displayName != nullptr);
    CHECK_FALSE(displayName->changes);
    const UserPreview::Attribute* enabled = find(attributes, QStringLiteral("accountEnabled"));
    REQUIRE(enabled != nullptr);
    CHECK(enabled->current == QStringLiteral("True"));
    CHECK_FALSE(enabled->changes);

    // The target does not show isSoftDeleted: no change can be claimed.
    const UserPreview::Attribute* softDeleted = find(attributes, QStringLiteral("isSoftDeleted"));
    REQUIRE(softDeleted != nullptr);
    CHECK(softDeleted->predicted == QStringLiteral("False"));
    CHECK_FALSE(softDeleted->changes);
    CHECK(softDeleted->note.contains(QStringLiteral("does not show")));
}

TEST_CASE("MappingEvaluator: a changed mapping, defaultValue and an expression it cannot preview", "[unit][sync]")
{
    SynchronizationSchema schema = SchemaBuilder::schemaWith();
    const QString ruleId = schema.userRuleId();
    const QString mappingName = schema.userMapping()->name;
    SynchronizationSchema::AttributeMapping jobTitle = SynchronizationSchema::AttributeMapping::fromJson(
        SchemaBuilder::mapping(QStringLiteral("jobTitle"), SchemaBuilder::attributeSource(QStringLiteral("jobTitle"))));
    jobTitle.source->expression = QStringLiteral("Join(\" - \", [companyName], ToUpper([jobTitle]))");
    REQUIRE(schema.setAttributeMapping(ruleId, mappingName, jobTitle));
    SynchronizationSchema::AttributeMapping company
        = SynchronizationSchema::AttributeMapping::fromJson(SchemaBuilder::mapping(QStringLiteral("companyName"),
            SchemaBuilder::attributeSource(QStringLiteral("companyName")), QStringLiteral("Always"), 0,
            QStringLiteral("Contoso Ltd")));
    REQUIRE(schema.setAttributeMapping(ruleId, mappingName, company));
    SynchronizationSchema::AttributeMapping broken
        = SynchronizationSchema::AttributeMapping::fromJson(SchemaBuilder::mapping(
            QStringLiteral("officeLocation"), SchemaBuilder::attributeSource(QStringLiteral("officeLocation"))));
    broken.source->expression = QStringLiteral("NoSuchFunction([officeLocation])");
    REQUIRE(schema.setAttributeMapping(ruleId, mappingName, broken));
    SynchronizationSchema::AttributeMapping unparsable
        = SynchronizationSchema::AttributeMapping::fromJson(SchemaBuilder::mapping(
            QStringLiteral("mobilePhone"), SchemaBuilder::attributeSource(QStringLiteral("mobilePhone"))));
    unparsable.source->expression = QStringLiteral("Left([mobilePhone], 3");
    REQUIRE(schema.setAttributeMapping(ruleId, mappingName, unparsable));
    // The text left empty: the structured tree is evaluated instead.
    SynchronizationSchema::AttributeMapping treeOnly
        = SynchronizationSchema::AttributeMapping::fromJson(SchemaBuilder::mapping(QStringLiteral("preferredLanguage"),
            {{QStringLiteral("type"), QStringLiteral("Function")}, {QStringLiteral("name"), QStringLiteral("ToLower")},
                {QStringLiteral("parameters"),
                    QJsonArray {QJsonObject {{QStringLiteral("key"), QStringLiteral("source")},
                        {QStringLiteral("value"), SchemaBuilder::attributeSource(QStringLiteral("displayName"))}}}}}));
    REQUIRE(schema.setAttributeMapping(ruleId, mappingName, treeOnly));

    const MappingEvaluator evaluator(schema);
    const QList<UserPreview::Attribute> attributes
        = evaluator.evaluateAttributes(MappingEvaluator::attributesFromUser(adele(), true), std::nullopt);

    const UserPreview::Attribute* title = find(attributes, QStringLiteral("jobTitle"));
    REQUIRE(title != nullptr);
    CHECK(title->predicted == QStringLiteral("RETAIL MANAGER")); // Join skips the null companyName
    const UserPreview::Attribute* companyName = find(attributes, QStringLiteral("companyName"));
    REQUIRE(companyName != nullptr);
    CHECK(companyName->predicted == QStringLiteral("Contoso Ltd"));
    CHECK(companyName->flows);
    CHECK(companyName->note.contains(QStringLiteral("default")));

    const UserPreview::Attribute* office = find(attributes, QStringLiteral("officeLocation"));
    REQUIRE(office != nullptr);
    CHECK_FALSE(office->hasPrediction);
    CHECK(office->note.startsWith(QStringLiteral("cannot preview this attribute: ")));
    const UserPreview::Attribute* phone = find(attributes, QStringLiteral("mobilePhone"));
    REQUIRE(phone != nullptr);
    CHECK_FALSE(phone->hasPrediction);
    CHECK(phone->note.startsWith(QStringLiteral("cannot preview this attribute: ")));

    const UserPreview::Attribute* language = find(attributes, QStringLiteral("preferredLanguage"));
    REQUIRE(language != nullptr);
    CHECK(language->expression == QStringLiteral("ToLower([displayName])"));
    CHECK(language->predicted == QStringLiteral("adele vance"));

    // The other attributes are unaffected.
    const UserPreview::Attribute* displayName = find(attributes, QStringLiteral("displayName"));
    REQUIRE(displayName != nullptr);
    CHECK(displayName->predicted == QStringLiteral("Adele Vance"));
    CHECK(displayName->note.isEmpty());
}

TEST_CASE("MappingEvaluator: IgnoreFlowIfNullOrEmpty drops the attribute", "[unit][sync]")
{
    SynchronizationSchema schema = SchemaBuilder::schemaWith();
    SynchronizationSchema::AttributeMapping office
        = SynchronizationSchema::AttributeMapping::fromJson(SchemaBuilder::mapping(
            QStringLiteral("officeLocation"), SchemaBuilder::attributeSource(QStringLiteral("officeLocation"))));
    office.source->expression = QStringLiteral("IgnoreFlowIfNullOrEmpty([officeLocation])");
    REQUIRE(schema.setAttributeMapping(schema.userRuleId(), schema.userMapping()->name, office));
    const MappingEvaluator evaluator(schema);
    const QList<UserPreview::Attribute> attributes
        = evaluator.evaluateAttributes(MappingEvaluator::attributesFromUser(adele(), true), std::nullopt);
    const UserPreview::Attribute* attribute = find(attributes, QStringLiteral("officeLocation"));
    REQUIRE(attribute != nullptr);
    CHECK_FALSE(attribute->flows);
    CHECK_FALSE(attribute->changes);
    CHECK(attribute->note.contains(QStringLiteral("IgnoreFlowIfNullOrEmpty")));
}

TEST_CASE(
    "MappingEvaluator: scoping groups, the required external-users group and which clause decided", "[unit][sync]")
{
    const ExpressionAttributes member = MappingEvaluator::attributesFromUser(adele(), true);
    QJsonObject guestJson = adele();
    guestJson.insert(QStringLiteral("userType"), QStringLiteral("Guest"));
    const ExpressionAttributes guest = MappingEvaluator::attributesFromUser(guestJson, true);

    SECTION("the default: internal members only")
    {
        const MappingEvaluator evaluator(SchemaBuilder::schemaWith());
        const MappingEvaluator::Scope in = evaluator.evaluateScope(member);
        CHECK(in.passed);
        CHECK(in.clauseResults
            == QStringList {QStringLiteral("Filter external users.alternativeSecurityIds EQUALS 'None': true")});
        CHECK(in.decidedBy == in.clauseResults.first());
        const MappingEvaluator::Scope out = evaluator.evaluateScope(guest);
        CHECK_FALSE(out.passed);
        CHECK(out.decidedBy == QStringLiteral("Filter external users.alternativeSecurityIds EQUALS 'None': false"));
    }
    SECTION("no groups: everybody")
    {
        const MappingEvaluator evaluator(SchemaBuilder::schemaWith(QJsonArray()));
        const MappingEvaluator::Scope scope = evaluator.evaluateScope(guest);
        CHECK(scope.passed);
        CHECK(scope.clauseResults.isEmpty());
        CHECK(scope.decidedBy == QStringLiteral("no scoping filter"));
        CHECK_FALSE(scope.decidingClause.has_value());
    }
    SECTION("an added group narrows the default (ANDed with the required group); groups are ORed")
    {
        const QJsonObject sales = SchemaBuilder::group(QStringLiteral("Sales only"),
            QJsonArray {SchemaBuilder::clause(
                            QStringLiteral("department"), QStringLiteral("EQUALS"), {QStringLiteral("Sales")}),
                SchemaBuilder::clause(QStringLiteral("accountEnabled"), QStringLiteral("IS TRUE"), {})});
        const QJsonObject engineers = SchemaBuilder::group(QStringLiteral("Engineers"),
            QJsonArray {SchemaBuilder::clause(
                QStringLiteral("department"), QStringLiteral("EQUALS"), {QStringLiteral("Engineering")})});
        const MappingEvaluator evaluator(
            SchemaBuilder::schemaWith(QJsonArray {SchemaBuilder::externalUsersGroup(), engineers, sales}));

        const MappingEvaluator::Scope in = evaluator.evaluateScope(member);
        CHECK(in.passed);
        CHECK(in.clauseResults
            == QStringList {QStringLiteral("Filter external users.alternativeSecurityIds EQUALS 'None': true"),
                QStringLiteral("Engineers.department EQUALS 'Engineering': false"),
                QStringLiteral("Sales only.department EQUALS 'Sales': true"),
                QStringLiteral("Sales only.accountEnabled IS TRUE: true")});
        CHECK(in.decidedBy == QStringLiteral("Sales only.accountEnabled IS TRUE: true"));
        REQUIRE(in.decidingClause.has_value());
        CHECK(in.decidingClause->groupName == QStringLiteral("Sales only"));
        CHECK(in.decidingClause->attribute == QStringLiteral("accountEnabled"));
        CHECK(in.decidingClause->expectedValues.isEmpty());
        CHECK(in.decidingClause->actualValues == QStringList {QStringLiteral("True")});
        CHECK(in.decidingClause->holds);

        QJsonObject marketing = adele();
        marketing.insert(QStringLiteral("department"), QStringLiteral("Marketing"));
        const MappingEvaluator::Scope out
            = evaluator.evaluateScope(MappingEvaluator::attributesFromUser(marketing, true));
        CHECK_FALSE(out.passed);
        CHECK(out.decidedBy == QStringLiteral("Engineers.department EQUALS 'Engineering': false"));
        // The same clause as data, with the user's value.
        REQUIRE(out.decidingClause.has_value());
        CHECK(*out.decidingClause
            == UserPreview::ScopeClause {QStringLiteral("Engineers"), QStringLiteral("department"),
                QStringLiteral("EQUALS"), {QStringLiteral("Engineering")}, {QStringLiteral("Marketing")}, false});
        CHECK(out.decidingClause->text() + QStringLiteral(": false") == out.decidedBy);

        // A guest in Sales passes the Sales group, but the required group keeps them out.
        const MappingEvaluator::Scope guestOut = evaluator.evaluateScope(guest);
        CHECK_FALSE(guestOut.passed);
        CHECK(
            guestOut.decidedBy == QStringLiteral("Filter external users.alternativeSecurityIds EQUALS 'None': false"));
    }
    SECTION("a clause that cannot be evaluated is false and says why")
    {
        const QJsonObject broken = SchemaBuilder::group(QStringLiteral("Odd"),
            QJsonArray {SchemaBuilder::clause(
                QStringLiteral("department"), QStringLiteral("Greater_Than"), {QStringLiteral("many")})});
        const MappingEvaluator evaluator(
            SchemaBuilder::schemaWith(QJsonArray {SchemaBuilder::externalUsersGroup(), broken}));
        const MappingEvaluator::Scope scope = evaluator.evaluateScope(member);
        CHECK_FALSE(scope.passed);
        CHECK(scope.problems.size() == 1);
        CHECK(scope.decidedBy == QStringLiteral("Odd.department Greater_Than 'many': false"));
    }
}
