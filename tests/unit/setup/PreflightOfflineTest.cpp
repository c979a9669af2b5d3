// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/setup/Preflight.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

using tb::auth::Account;
using tb::model::CloudInstance;
using tb::model::Tenant;
using tb::setup::Preflight;
using tb::setup::PreflightCheck;
using tb::setup::PreflightReport;
using Outcome = PreflightCheck::Outcome;

namespace {

const QString kContoso = QStringLiteral("6f1c2a3e-0c5b-4d2a-9a41-1c0a7e5b2c01");
const QString kFabrikam = QStringLiteral("8b3e4d5f-2d6c-4e3b-8b52-2d1b8f6c3d02");
const QString kNorthwindGov = QStringLiteral("2a7d9c1b-4e8f-4a6d-b063-3e2c9a7d4e03");
const QString kWoodgrove = QStringLiteral("5c9e1f3a-6a2b-4c8e-a174-4f3dab8e5f04");

Tenant tenant(const QString& id, const QString& name, CloudInstance::Kind cloud = CloudInstance::Kind::Global)
{
    Tenant result;
    result.id = id;
    result.displayName = name;
    result.initialDomain = name.toLower() + QStringLiteral(".onmicrosoft.com");
    result.cloud = CloudInstance(cloud);
    return result;
}

Account account(const QString& tenantId, const QStringList& scopes)
{
    Account result;
    result.homeAccountId = QStringLiteral("oid.") + tenantId;
    result.tenantId = tenantId;
    result.username = QStringLiteral("admin@example.test");
    result.grantedScopes = scopes;
    return result;
}

const QStringList kSourceScopes = {QStringLiteral("User.Read"), QStringLiteral("Policy.Read.All"),
    QStringLiteral("Policy.ReadWrite.CrossTenantAccess"), QStringLiteral("Application.ReadWrite.All")};
const QStringList kTargetScopes = {QStringLiteral("User.Read"), QStringLiteral("Policy.ReadWrite.CrossTenantAccess"),
    QStringLiteral("OrgContact.Read.All")};

Preflight::Input goodInput()
{
    Preflight::Input input;
    input.state.source = tenant(kContoso, QStringLiteral("Contoso"));
    input.state.target = tenant(kFabrikam, QStringLiteral("Fabrikam"));
    // Granted in normal form, as SignInService keeps them.
    input.sourceAccount = account(kContoso,
        {QStringLiteral("user.read"), QStringLiteral("policy.read.all"),
            QStringLiteral("policy.readwrite.crosstenantaccess"), QStringLiteral("application.readwrite.all")});
    input.targetAccount = account(kFabrikam,
        {QStringLiteral("user.read"), QStringLiteral("policy.readwrite.crosstenantaccess"),
            QStringLiteral("orgcontact.read.all")});
    input.sourceSetupScopes = kSourceScopes;
    input.targetSetupScopes = kTargetScopes;
    return input;
}

PreflightCheck find(const QList<PreflightCheck>& checks, const char* id)
{
    for (const PreflightCheck& check : checks) {
        if (check.id == QLatin1String(id)) {
            return check;
        }
    }
    FAIL("no check " << id);
    return {};
}

} // namespace

TEST_CASE("Preflight's offline checks all pass for a complete Contoso to Fabrikam setup", "[unit][setup][preflight]")
{
    const QList<PreflightCheck> checks = Preflight::offlineChecks(goodInput());
    REQUIRE(checks.size() == 5);
    for (const PreflightCheck& check : checks) {
        INFO(check.id.toStdString() << ": " << check.sentence.toStdString());
        CHECK(check.outcome == Outcome::Pass);
        CHECK_FALSE(check.sentence.isEmpty());
        CHECK(check.fix.isEmpty());
    }
}

TEST_CASE("signedIn blocks when a role is not signed in or both are the same tenant", "[unit][setup][preflight]")
{
    Preflight::Input input = goodInput();
    SECTION("source missing")
    {
        input.sourceAccount.reset();
        const PreflightCheck check = find(Preflight::offlineChecks(input), PreflightCheck::kSignedIn);
        CHECK(check.outcome == Outcome::Block);
        CHECK(check.sentence.contains(QStringLiteral("source")));
        CHECK(check.fix.contains(QStringLiteral("Sign in")));
        // Nothing passes for a side that is not signed in.
        CHECK(find(Preflight::offlineChecks(input), PreflightCheck::kSourceScopes).outcome == Outcome::Warn);
    }
    SECTION("target missing")
    {
        input.targetAccount.reset();
        const PreflightCheck check = find(Preflight::offlineChecks(input), PreflightCheck::kSignedIn);
        CHECK(check.outcome == Outcome::Block);
        CHECK(check.sentence.contains(QStringLiteral("target")));
    }
    SECTION("same tenant on both sides")
    {
        input.targetAccount = account(kContoso.toUpper(), {});
        const PreflightCheck check = find(Preflight::offlineChecks(input), PreflightCheck::kSignedIn);
        CHECK(check.outcome == Outcome::Block);
        CHECK(check.sentence.contains(QStringLiteral("same tenant")));
        CHECK_FALSE(check.fix.isEmpty());
    }
}

TEST_CASE("cloudPair blocks Contoso to Northwind Gov and any pair with Woodgrove China", "[unit][setup][preflight]")
{
    Preflight::Input input = goodInput();
    SECTION("commercial to US Government")
    {
        input.state.target = tenant(kNorthwindGov, QStringLiteral("Northwind Gov"), CloudInstance::Kind::USGovernment);
        const PreflightCheck check = find(Preflight::offlineChecks(input), PreflightCheck::kCloudPair);
        CHECK(check.outcome == Outcome::Block);
        CHECK(check.sentence.contains(QStringLiteral("different clouds")));
        CHECK_FALSE(check.fix.isEmpty());
    }
    SECTION("China as the target")
    {
        input.state.target = tenant(kWoodgrove, QStringLiteral("Woodgrove China"), CloudInstance::Kind::China);
        CHECK(find(Preflight::offlineChecks(input), PreflightCheck::kCloudPair).outcome == Outcome::Block);
    }
    SECTION("China as the source")
    {
        input.state.source = tenant(kWoodgrove, QStringLiteral("Woodgrove China"), CloudInstance::Kind::China);
        CHECK(find(Preflight::offlineChecks(input), PreflightCheck::kCloudPair).outcome == Outcome::Block);
    }
    SECTION("within US Government")
    {
        input.state.source = tenant(kNorthwindGov, QStringLiteral("Northwind Gov"), CloudInstance::Kind::USGovernment);
        input.state.target = tenant(kFabrikam, QStringLiteral("Other Gov"), CloudInstance::Kind::USGovernmentDoD);
        CHECK(find(Preflight::offlineChecks(input), PreflightCheck::kCloudPair).outcome == Outcome::Pass);
    }
}

TEST_CASE("scopes checks warn with the missing scopes as the steps name them", "[unit][setup][preflight]")
{
    Preflight::Input input = goodInput();
    input.sourceAccount->grantedScopes = {QStringLiteral("user.read")};
    const QList<PreflightCheck> checks = Preflight::offlineChecks(input);
    const PreflightCheck source = find(checks, PreflightCheck::kSourceScopes);
    CHECK(source.outcome == Outcome::Warn);
    CHECK(source.details
        == QStringList {QStringLiteral("Policy.Read.All"), QStringLiteral("Policy.ReadWrite.CrossTenantAccess"),
            QStringLiteral("Application.ReadWrite.All")});
    CHECK(source.fix.startsWith(QStringLiteral("Sign in again to grant Policy.Read.All")));
    CHECK(find(checks, PreflightCheck::kTargetScopes).outcome == Outcome::Pass);

    SECTION("a prefixed form counts as granted")
    {
        input.targetSetupScopes = {QStringLiteral("https://graph.microsoft.com/OrgContact.Read.All")};
        CHECK(find(Preflight::offlineChecks(input), PreflightCheck::kTargetScopes).outcome == Outcome::Pass);
        input.targetAccount->grantedScopes.clear();
        const PreflightCheck target = find(Preflight::offlineChecks(input), PreflightCheck::kTargetScopes);
        CHECK(target.outcome == Outcome::Warn);
        CHECK(target.fix.contains(QStringLiteral("OrgContact.Read.All")));
    }
}

TEST_CASE("autoRedeemBothSides warns for each of the three switches left unticked", "[unit][setup][preflight]")
{
    Preflight::Input input = goodInput();
    SECTION("target inbound")
    {
        input.desired.targetInboundAutoRedeem = false;
    }
    SECTION("source outbound")
    {
        input.desired.sourceOutboundAutoRedeem = false;
    }
    SECTION("target user sync")
    {
        input.desired.targetAllowsUserSync = false;
    }
    const PreflightCheck check = find(Preflight::offlineChecks(input), PreflightCheck::kAutoRedeemBothSides);
    CHECK(check.outcome == Outcome::Warn);
    CHECK(check.sentence.contains(QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure")));
    CHECK(check.details.size() == 1);
    CHECK_FALSE(check.fix.isEmpty());
}

TEST_CASE("PreflightReport blocks on any block, finds checks and writes JSON", "[unit][setup][preflight]")
{
    Preflight::Input input = goodInput();
    PreflightReport report;
    report.checks = Preflight::offlineChecks(input);
    CHECK_FALSE(report.isBlocked());
    CHECK_FALSE(report.hasWarnings());
    CHECK(report.check(QLatin1String(PreflightCheck::kCloudPair)).has_value());
    CHECK_FALSE(report.check(QStringLiteral("nope")).has_value());

    input.desired.targetInboundAutoRedeem = false;
    input.targetAccount.reset();
    report.checks = Preflight::offlineChecks(input);
    tb::setup::TrustAuditEntry entry;
    entry.tenantId = QStringLiteral("d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70");
    entry.userSyncInbound = true;
    report.trustAudit = {entry};
    CHECK(report.isBlocked());
    CHECK(report.hasWarnings());
    const QJsonObject json = report.toJson();
    CHECK(json.value(QStringLiteral("blocked")).toBool());
    CHECK(json.value(QStringLiteral("checks")).toArray().size() == 5);
    CHECK(json.value(QStringLiteral("checks")).toArray().first().toObject().value(QStringLiteral("outcome"))
        == QStringLiteral("block"));
    CHECK(json.value(QStringLiteral("trustAudit")).toArray().first().toObject().value(QStringLiteral("userSyncInbound"))
        == true);
    CHECK(PreflightCheck::outcomeName(Outcome::Warn) == QStringLiteral("warn"));
}
