// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/Preview.h"
#include "core/model/LicenseDetail.h"
#include "core/model/SynchronizationSchema.h"
#include "core/sync/MappingEvaluator.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>

using tb::model::LicenseDetail;
using tb::model::ServicePlan;
using tb::model::SynchronizationSchema;
using tb::sync::MappingEvaluator;
using tb::sync::Preview;

namespace {

LicenseDetail licence(const QString& sku, const QString& plan, const QString& status)
{
    LicenseDetail detail;
    detail.skuId = QStringLiteral("078d2b04-f1bd-4111-bbd4-b4b1b354cef4"); // never what decides
    detail.skuPartNumber = sku;
    ServicePlan servicePlan;
    servicePlan.servicePlanName = plan;
    servicePlan.provisioningStatus = status;
    detail.servicePlans.append(servicePlan);
    return detail;
}

QJsonObject mapping(const QString& target, const QString& expression, int matchingPriority = 0)
{
    return {{QStringLiteral("targetAttributeName"), target},
        {QStringLiteral("source"),
            QJsonObject {{QStringLiteral("type"), QStringLiteral("Function")},
                {QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("expression"), expression}}},
        {QStringLiteral("flowType"), QStringLiteral("Always")}, {QStringLiteral("matchingPriority"), matchingPriority}};
}

} // namespace

TEST_CASE("Preview: P1 is an enabled AAD_PREMIUM or AAD_PREMIUM_P2 service plan, whatever the SKU", "[unit][sync]")
{
    QString note;
    CHECK(Preview::hasP1(
        {licence(QStringLiteral("SPE_E5"), QStringLiteral("AAD_PREMIUM_P2"), QStringLiteral("Success"))}, &note));
    CHECK(note == QStringLiteral("Entra ID P2 through SPE_E5"));
    CHECK(Preview::hasP1(
        {licence(QStringLiteral("EMS"), QStringLiteral("AAD_PREMIUM"), QStringLiteral("PendingActivation"))}, &note));
    CHECK(note == QStringLiteral("Entra ID P1 through EMS"));
    CHECK_FALSE(Preview::hasP1(
        {licence(QStringLiteral("SPE_E3"), QStringLiteral("AAD_PREMIUM"), QStringLiteral("Disabled"))}, &note));
    CHECK(note == QStringLiteral("the Entra ID P1 plan of SPE_E3 is disabled for this user"));
    CHECK_FALSE(Preview::hasP1(
        {licence(QStringLiteral("AAD_PREMIUM"), QStringLiteral("EXCHANGE_S_STANDARD"), QStringLiteral("Success"))},
        &note));
    CHECK(note == QStringLiteral("none of the user's licences (1) includes Entra ID P1"));
    CHECK_FALSE(Preview::hasP1({}, &note));
    CHECK(note == QStringLiteral("no licence"));
}

TEST_CASE("Preview: $select lists only properties Graph serves, plus what matching and scope need", "[unit][sync]")
{
    const QJsonObject userMapping {{QStringLiteral("name"), QStringLiteral("Users")}, {QStringLiteral("enabled"), true},
        {QStringLiteral("sourceObjectName"), QStringLiteral("User")},
        {QStringLiteral("targetObjectName"), QStringLiteral("User")},
        {QStringLiteral("scope"),
            QJsonObject {{QStringLiteral("groups"),
                QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("g")},
                    {QStringLiteral("clauses"),
                        QJsonArray {QJsonObject {{QStringLiteral("operatorName"), QStringLiteral("EQUALS")},
                            {QStringLiteral("sourceOperandName"), QStringLiteral("Department")},
                            {QStringLiteral("targetOperand"),
                                QJsonObject {{QStringLiteral("values"), QJsonArray {QStringLiteral("Sales")}}}}}}}}}}}},
        {QStringLiteral("attributeMappings"),
            QJsonArray {
                mapping(QStringLiteral("alternativeSecurityIds"), QStringLiteral("AltSecIdFromNetId([netId])"), 1),
                mapping(QStringLiteral("displayName"), QStringLiteral("Join(\" \", [givenName], [surname])")),
                mapping(QStringLiteral("jobTitle"), QStringLiteral("Coalesce([jobTitle], [mailNickname])")),
                mapping(QStringLiteral("showInAddressList"), QStringLiteral("\"true\""))}}};
    const QJsonObject json {{QStringLiteral("synchronizationRules"),
        QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("r")},
            {QStringLiteral("objectMappings"), QJsonArray {userMapping}}}}}};
    const MappingEvaluator evaluator(SynchronizationSchema::fromJson(json));
    const QStringList source = Preview::sourceSelect(evaluator);
    CHECK(source
        == QStringList {QStringLiteral("id"), QStringLiteral("userPrincipalName"), QStringLiteral("mail"),
            QStringLiteral("userType"), QStringLiteral("accountEnabled"), QStringLiteral("creationType"),
            QStringLiteral("displayName"), QStringLiteral("givenName"), QStringLiteral("surname"),
            QStringLiteral("jobTitle"), QStringLiteral("department")});
    const QStringList target = Preview::targetSelect(evaluator);
    CHECK(target.contains(QStringLiteral("jobTitle")));
    CHECK(target.contains(QStringLiteral("externalUserState")));
    CHECK_FALSE(target.contains(QStringLiteral("showInAddressList"), Qt::CaseInsensitive));
    CHECK_FALSE(target.contains(QStringLiteral("alternativeSecurityIds"), Qt::CaseInsensitive));
}
