// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ChangeImpact::compare: users evaluated under the current and a proposed schema, only those whose outcome changes
// listed. Hand-made schemas in the sandbox's default shape, hand-made users.
#include "core/sync/ChangeImpact.h"
#include "core/model/SynchronizationSchema.h"
#include "core/sync/ImpactResult.h"
#include "tests/support/SchemaBuilder.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>

using tb::model::SynchronizationSchema;
using tb::sync::ChangeImpact;
using tb::sync::ImpactResult;
using tb::test::SchemaBuilder;
using Change = ImpactResult::Change;

namespace {

QJsonObject user(const QString& alias, const QString& department, const QString& jobTitle)
{
    const QString upn = alias + QStringLiteral("@contoso.onmicrosoft.com");
    return QJsonObject {{QStringLiteral("id"), QStringLiteral("id-") + alias}, {QStringLiteral("displayName"), alias},
        {QStringLiteral("userPrincipalName"), upn}, {QStringLiteral("mail"), upn},
        {QStringLiteral("department"), department}, {QStringLiteral("jobTitle"), jobTitle},
        {QStringLiteral("accountEnabled"), true}, {QStringLiteral("userType"), QStringLiteral("Member")}};
}

// A B2B member of the target that sync created for this source user, with its values as synced.
QJsonObject linkedTarget(const QJsonObject& source)
{
    QJsonObject target = source;
    target.insert(QStringLiteral("id"), QStringLiteral("target-") + source.value(QStringLiteral("id")).toString());
    target.insert(QStringLiteral("creationType"), QStringLiteral("Invitation"));
    target.insert(QStringLiteral("externalUserState"), QStringLiteral("Accepted"));
    return target;
}

ChangeImpact::Subject subject(const QJsonObject& source, bool linked)
{
    ChangeImpact::Subject s;
    s.source = source;
    s.assigned = true;
    if (linked) {
        s.matchedTarget = linkedTarget(source);
    }
    return s;
}

QList<ChangeImpact::Subject> subjects()
{
    return {subject(user(QStringLiteral("adele"), QStringLiteral("Sales"), QStringLiteral("Retail Manager")), true),
        subject(user(QStringLiteral("alex"), QStringLiteral("IT"), QStringLiteral("Engineer")), true),
        subject(user(QStringLiteral("bianca"), QStringLiteral("IT"), QStringLiteral("Analyst")), false),
        subject(user(QStringLiteral("diego"), QStringLiteral("Sales"), QStringLiteral("Clerk")), false)};
}

const ImpactResult::UserImpact* impactFor(const ImpactResult& result, const QString& alias)
{
    for (const ImpactResult::UserImpact& impact : result.users) {
        if (impact.sourceUserId == QStringLiteral("id-") + alias) {
            return &impact;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("ChangeImpact lists nothing when the proposed schema is the current one", "[unit][sync][impact]")
{
    const SynchronizationSchema current = SchemaBuilder::schemaWith();
    const ImpactResult result = ChangeImpact::compare(current, current, subjects());
    CHECK(result.users.isEmpty());
    CHECK(result.usersConsidered == 4);
    CHECK(result.toJson().value(QStringLiteral("counts")).toObject().value(QStringLiteral("update")).toInt() == 0);
}

TEST_CASE(
    "ChangeImpact: a department scope clause added soft-deletes the linked users it leaves out", "[unit][sync][impact]")
{
    const SynchronizationSchema current = SchemaBuilder::schemaWith();
    const SynchronizationSchema proposed = SchemaBuilder::schemaWith(QJsonArray {SchemaBuilder::externalUsersGroup(),
        SchemaBuilder::group(QStringLiteral("Sales only"),
            QJsonArray {SchemaBuilder::clause(
                QStringLiteral("department"), QStringLiteral("EQUALS"), {QStringLiteral("Sales")})})});
    const ImpactResult result = ChangeImpact::compare(current, proposed, subjects());

    // alex (IT, linked) leaves scope and is soft-deleted; bianca (IT, not in the target) is no longer created; the
    // Sales users keep their outcome and are not listed.
    REQUIRE(result.users.size() == 2);
    const ImpactResult::UserImpact* alex = impactFor(result, QStringLiteral("alex"));
    REQUIRE(alex != nullptr);
    CHECK(alex->change == Change::SoftDelete);
    CHECK(alex->targetUserId == QStringLiteral("target-id-alex"));
    CHECK(alex->reason.contains(QStringLiteral("Sales only.department EQUALS 'Sales'")));
    const ImpactResult::UserImpact* bianca = impactFor(result, QStringLiteral("bianca"));
    REQUIRE(bianca != nullptr);
    CHECK(bianca->change == Change::NoLongerCreated);
    CHECK(impactFor(result, QStringLiteral("adele")) == nullptr);
    CHECK(result.count(Change::SoftDelete) == 1);
    CHECK(result.usersWith(Change::SoftDelete).first().userPrincipalName
        == QStringLiteral("alex@contoso.onmicrosoft.com"));

    // The reverse edit brings them into scope: alex is taken over again, bianca created.
    const ImpactResult back = ChangeImpact::compare(proposed, current, subjects());
    REQUIRE(back.users.size() == 2);
    CHECK(impactFor(back, QStringLiteral("alex"))->change == Change::EntersScope);
    CHECK(impactFor(back, QStringLiteral("bianca"))->change == Change::Create);
}

TEST_CASE("ChangeImpact: a jobTitle mapping changed to a Constant lists the updates with old and new predictions",
    "[unit][sync][impact]")
{
    const SynchronizationSchema current = SchemaBuilder::schemaWith();
    SynchronizationSchema proposed = current;
    SynchronizationSchema::AttributeMapping jobTitle = *current.userMapping()->mappingFor(QStringLiteral("jobTitle"));
    jobTitle.source = SynchronizationSchema::AttributeMappingSource::constant(QStringLiteral("Partner"));
    REQUIRE(proposed.setAttributeMapping(current.userRuleId(), current.userMapping()->name, jobTitle));

    const ImpactResult result = ChangeImpact::compare(current, proposed, subjects());
    REQUIRE(result.users.size() == 4);
    const ImpactResult::UserImpact* adele = impactFor(result, QStringLiteral("adele"));
    REQUIRE(adele != nullptr);
    CHECK(adele->change == Change::Update);
    REQUIRE(adele->attributes.size() == 1);
    CHECK(adele->attributes.first()
        == ImpactResult::AttributeChange {
            QStringLiteral("jobTitle"), QStringLiteral("Retail Manager"), QStringLiteral("Partner")});
    // Users sync would create get different values: listed as creates.
    const ImpactResult::UserImpact* diego = impactFor(result, QStringLiteral("diego"));
    REQUIRE(diego != nullptr);
    CHECK(diego->change == Change::Create);
    CHECK(diego->attributes.first().before == QStringLiteral("Clerk"));
    CHECK(result.count(Change::Update) == 2);
    CHECK(result.count(Change::Create) == 2);

    const QJsonObject json = result.toJson();
    CHECK(json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("update")).toInt() == 2);
    CHECK(json.value(QStringLiteral("users")).toArray().size() == 4);
}

TEST_CASE("ChangeImpact refuses a schema without a user mapping", "[unit][sync][impact]")
{
    CHECK_FALSE(ChangeImpact::schemaProblem(SynchronizationSchema()).isEmpty());
    CHECK_FALSE(ChangeImpact::schemaProblem(
        SynchronizationSchema::fromJson(QJsonObject {
            {QStringLiteral("id"), QStringLiteral("x")}, {QStringLiteral("synchronizationRules"), QJsonArray()}}))
                    .isEmpty());
    CHECK(ChangeImpact::schemaProblem(SchemaBuilder::schemaWith()).isEmpty());
}

TEST_CASE("ChangeImpact matches an accepted invited user by mail, never a pending one", "[unit][sync][impact]")
{
    const QJsonObject source = user(QStringLiteral("adele"), QStringLiteral("Sales"), QString());
    QJsonObject pending = linkedTarget(source);
    pending.insert(QStringLiteral("externalUserState"), QStringLiteral("PendingAcceptance"));
    CHECK_FALSE(ChangeImpact::matchTarget(source, {pending}).has_value());
    const QJsonObject accepted = linkedTarget(source);
    REQUIRE(ChangeImpact::matchTarget(source, {pending, accepted}).has_value());
    CHECK(ChangeImpact::matchTarget(source, {pending, accepted})->value(QStringLiteral("id"))
        == accepted.value(QStringLiteral("id")));
}
