// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/setup/SetupPlan.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using tb::graph::GraphRequest;
using tb::model::AccessSettings;
using tb::model::CtsConfiguration;
using tb::model::DesiredSettings;
using tb::model::TenantRole;
using tb::setup::PlanStep;
using tb::setup::SetupPlan;

namespace {

const QString kSource = QStringLiteral("11111111-1111-1111-1111-111111111111");
const QString kTarget = QStringLiteral("22222222-2222-2222-2222-222222222222");

QString id(const char* name)
{
    return QString::fromLatin1(name);
}

QJsonObject object(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QStringList ids(const QList<PlanStep>& steps)
{
    QStringList result;
    for (const PlanStep& step : steps) {
        result.append(step.id);
    }
    return result;
}

// Desired settings that only touch the access settings, so the table test sees nothing else.
DesiredSettings accessOnly(bool userSync, bool inbound, bool outbound)
{
    DesiredSettings desired;
    desired.targetAllowsUserSync = userSync;
    desired.targetInboundAutoRedeem = inbound;
    desired.sourceOutboundAutoRedeem = outbound;
    desired.createConfiguration = false;
    desired.createJob = false;
    desired.saveCredentials = false;
    return desired;
}

// Both tenants fully set up for each other.
AccessSettings targetReady()
{
    AccessSettings target;
    target.partnerTenantId = kSource;
    target.partnerExists = true;
    target.inboundAutoRedeem = true;
    target.identitySyncExists = true;
    target.userSyncInboundAllowed = true;
    return target;
}

AccessSettings sourceReady()
{
    AccessSettings source;
    source.partnerTenantId = kTarget;
    source.partnerExists = true;
    source.outboundAutoRedeem = true;
    return source;
}

} // namespace

TEST_CASE("SetupPlan covers every combination of current and desired access settings", "[setup][plan]")
{
    // Bits: current user sync, current inbound, current outbound, desired user sync, desired inbound, desired
    // outbound, target partner exists, source partner exists, identity sync policy exists, "off" read as null
    // (Graph's not-set) rather than false. Combinations the service cannot be in are skipped.
    int checked = 0;
    for (int bits = 0; bits < (1 << 10); ++bits) {
        const auto bit = [bits](int n) { return ((bits >> n) & 1) != 0; };
        const bool curSync = bit(0), curInbound = bit(1), curOutbound = bit(2);
        const bool wantSync = bit(3), wantInbound = bit(4), wantOutbound = bit(5);
        const bool targetPartner = bit(6), sourcePartner = bit(7), syncPolicy = bit(8), offAsNull = bit(9);
        if ((curSync && !syncPolicy) || ((curSync || curInbound || syncPolicy) && !targetPartner)
            || (curOutbound && !sourcePartner)) {
            continue;
        }
        const auto value = [offAsNull](bool on) { return on || !offAsNull ? std::optional<bool>(on) : std::nullopt; };
        AccessSettings target;
        target.partnerTenantId = kSource;
        target.partnerExists = targetPartner;
        target.inboundAutoRedeem = targetPartner ? value(curInbound) : std::nullopt;
        target.identitySyncExists = syncPolicy;
        target.userSyncInboundAllowed = syncPolicy ? value(curSync) : std::nullopt;
        AccessSettings source;
        source.partnerTenantId = kTarget;
        source.partnerExists = sourcePartner;
        source.outboundAutoRedeem = sourcePartner ? value(curOutbound) : std::nullopt;

        INFO("combination bits " << bits);
        const SetupPlan plan
            = SetupPlan::build(accessOnly(wantSync, wantInbound, wantOutbound), target, source, {}, kSource, kTarget);
        const QList<PlanStep> pending = plan.pendingSteps();

        QStringList expected;
        if (!targetPartner && (wantSync || wantInbound)) {
            expected.append(id(PlanStep::kTargetPartner));
        }
        if (curSync != wantSync) {
            expected.append(id(PlanStep::kTargetUserSync));
        }
        if (curInbound != wantInbound) {
            expected.append(id(PlanStep::kTargetInboundAutoRedeem));
        }
        if (!sourcePartner && wantOutbound) {
            expected.append(id(PlanStep::kSourcePartner));
        }
        if (curOutbound != wantOutbound) {
            expected.append(id(PlanStep::kSourceOutboundAutoRedeem));
        }
        // Exactly one step per differing setting, in the fixed target-before-source order.
        REQUIRE(ids(pending) == expected);
        CHECK(plan.isEmpty() == (curSync == wantSync && curInbound == wantInbound && curOutbound == wantOutbound));
        bool sawSource = false;
        for (const PlanStep& step : pending) {
            sawSource = sawSource || step.role == TenantRole::Source;
            CHECK_FALSE((sawSource && step.role == TenantRole::Target));
            CHECK(step.id.startsWith(
                step.role == TenantRole::Target ? QStringLiteral("target.") : QStringLiteral("source.")));
            CHECK(step.request.isValid());
            CHECK_FALSE(step.description.isEmpty());
            CHECK(step.placeholders.isEmpty());
        }

        if (const auto step = plan.step(id(PlanStep::kTargetUserSync)); step && !step->satisfied) {
            const bool create = wantSync && !syncPolicy;
            CHECK(step->request.method() == (create ? GraphRequest::Method::Put : GraphRequest::Method::Patch));
            CHECK(step->request.path().endsWith(QStringLiteral("/partners/%1/identitySynchronization").arg(kSource)));
            CHECK(step->request.body()
                      ->value(QStringLiteral("userSyncInbound"))
                      .toObject()
                      .value(QStringLiteral("isSyncAllowed"))
                == QJsonValue(wantSync));
            CHECK(step->warning == (wantSync ? QString() : SetupPlan::turningOffWarning(step->id)));
            CHECK(step->alternative.has_value() == wantSync);
            CHECK(step->dependsOn.contains(id(PlanStep::kTargetPartner)) == (wantSync && !targetPartner));
        }
        if (const auto step = plan.step(id(PlanStep::kTargetInboundAutoRedeem)); step && !step->satisfied) {
            CHECK(step->request.method() == GraphRequest::Method::Patch);
            CHECK(step->request.path() == QStringLiteral("/policies/crossTenantAccessPolicy/partners/") + kSource);
            CHECK(*step->request.body()
                == QJsonObject {{QStringLiteral("automaticUserConsentSettings"),
                    QJsonObject {{QStringLiteral("inboundAllowed"), wantInbound}}}});
            CHECK(step->warning.isEmpty() == wantInbound);
            CHECK(step->dependsOn.contains(id(PlanStep::kTargetPartner)) == (wantInbound && !targetPartner));
        }
        if (const auto step = plan.step(id(PlanStep::kSourceOutboundAutoRedeem)); step && !step->satisfied) {
            CHECK(step->role == TenantRole::Source);
            CHECK(step->request.path() == QStringLiteral("/policies/crossTenantAccessPolicy/partners/") + kTarget);
            CHECK(*step->request.body()
                == QJsonObject {{QStringLiteral("automaticUserConsentSettings"),
                    QJsonObject {{QStringLiteral("outboundAllowed"), wantOutbound}}}});
            CHECK(step->warning.isEmpty() == wantOutbound);
        }
        if (const auto step = plan.step(id(PlanStep::kTargetPartner)); step && !step->satisfied) {
            CHECK(step->request.method() == GraphRequest::Method::Post);
            CHECK(*step->request.body() == QJsonObject {{QStringLiteral("tenantId"), kSource}});
            CHECK(step->conflictMeansDone);
        }
        if (const auto step = plan.step(id(PlanStep::kSourcePartner)); step && !step->satisfied) {
            CHECK(*step->request.body() == QJsonObject {{QStringLiteral("tenantId"), kTarget}});
        }
        CHECK(plan.warnings().size()
            == int(curSync && !wantSync) + int(curInbound && !wantInbound) + int(curOutbound && !wantOutbound));
        ++checked;
    }
    // 8 desired combinations x 7 consistent target states (partner, policy, sync, inbound) x 3 source states
    // (partner, outbound), with "off" read as false and as null.
    CHECK(checked == 8 * 7 * 3 * 2);
}

TEST_CASE("SetupPlan creates the whole configuration when the source has none", "[setup][plan]")
{
    DesiredSettings desired;
    desired.configurationDisplayName = QStringLiteral("Fabrikam to Contoso");
    const SetupPlan plan = SetupPlan::build(desired, targetReady(), sourceReady(), std::nullopt, kSource, kTarget);
    const QList<PlanStep> pending = plan.pendingSteps();
    REQUIRE(ids(pending)
        == QStringList {id(PlanStep::kSourceConfiguration), id(PlanStep::kSourceValidateCredentials),
            id(PlanStep::kSourceJob), id(PlanStep::kSourceSecrets)});

    const PlanStep& instantiate = pending.at(0);
    CHECK(instantiate.request.isValid());
    CHECK(instantiate.request.path()
        == QStringLiteral("/applicationTemplates/518e5f48-1fc8-4c48-9387-9fdf28b0dfe7/instantiate"));
    CHECK(*instantiate.request.body() == object(R"({"displayName":"Fabrikam to Contoso"})"));
    CHECK(instantiate.produces == QStringLiteral("servicePrincipalId"));
    CHECK(instantiate.dependsOn.isEmpty());

    // The later steps wait for the service principal id: placeholder in the path, not sendable yet.
    for (int i = 1; i < pending.size(); ++i) {
        const PlanStep& step = pending.at(i);
        INFO(step.id.toStdString());
        CHECK(step.dependsOn == QStringList {id(PlanStep::kSourceConfiguration)});
        CHECK(step.placeholders == QStringList {QStringLiteral("servicePrincipalId")});
        CHECK(
            step.request.path().startsWith(QStringLiteral("/servicePrincipals/{servicePrincipalId}/synchronization/")));
        CHECK_FALSE(step.request.isValid());
        CHECK(step.request.invalidReason() == PlanStep::waitingReason());
    }
    CHECK(*pending.at(1).request.body() == object(R"({"useSavedCredentials":false,"templateId":"Azure2Azure",
        "credentials":[{"key":"CompanyId","value":"22222222-2222-2222-2222-222222222222"},
                       {"key":"AuthenticationType","value":"SyncPolicy"}]})"));
    CHECK(pending.at(2).produces == QStringLiteral("jobId"));
    CHECK(pending.at(3).request.method() == GraphRequest::Method::Put);

    // The runner fills the id from the instantiate answer; the encoded id lands in the path.
    const PlanStep filled = pending.at(2).withValues({{QStringLiteral("servicePrincipalId"), QStringLiteral("sp/1")}});
    CHECK(filled.request.isValid());
    CHECK(filled.placeholders.isEmpty());
    CHECK(filled.request.path() == QStringLiteral("/servicePrincipals/sp%2F1/synchronization/jobs"));
    CHECK(filled.request.logDescription() == QStringLiteral("POST /v1.0/servicePrincipals/{id}/synchronization/jobs"));
    // Unrelated or empty values fill nothing.
    CHECK_FALSE(pending.at(2).withValues({{QStringLiteral("other"), QStringLiteral("x")}}).request.isValid());
    CHECK_FALSE(pending.at(2).withValues({{QStringLiteral("servicePrincipalId"), QString()}}).request.isValid());
}

TEST_CASE("SetupPlan adds only the job and the secrets to a configuration without a job", "[setup][plan]")
{
    CtsConfiguration existing;
    existing.servicePrincipalId = QStringLiteral("dddddddd-0000-0000-0000-000000000004");
    existing.displayName = QStringLiteral("Fabrikam to Contoso");
    const SetupPlan plan
        = SetupPlan::build(DesiredSettings(), targetReady(), sourceReady(), existing, kSource, kTarget);
    const QList<PlanStep> pending = plan.pendingSteps();
    REQUIRE(ids(pending) == QStringList {id(PlanStep::kSourceJob), id(PlanStep::kSourceSecrets)});
    for (const PlanStep& step : pending) {
        CHECK(step.request.isValid());
        CHECK(step.placeholders.isEmpty());
        CHECK(step.dependsOn.isEmpty());
        CHECK(
            step.request.path().startsWith(QStringLiteral("/servicePrincipals/dddddddd-0000-0000-0000-000000000004/")));
    }
    REQUIRE(plan.step(id(PlanStep::kSourceConfiguration)).has_value());
    CHECK(plan.step(id(PlanStep::kSourceConfiguration))->satisfied);
    CHECK_FALSE(plan.step(id(PlanStep::kSourceValidateCredentials)).has_value());
}

TEST_CASE("SetupPlan is empty when the configuration and its job exist and the settings are on", "[setup][plan]")
{
    CtsConfiguration existing;
    existing.servicePrincipalId = QStringLiteral("sp");
    existing.jobId = QStringLiteral("Azure2Azure.x.y");
    existing.jobStatusCode = QStringLiteral("Active");
    const SetupPlan plan
        = SetupPlan::build(DesiredSettings(), targetReady(), sourceReady(), existing, kSource, kTarget);
    CHECK(plan.isEmpty());
    CHECK(plan.pendingSteps().isEmpty());
    CHECK(plan.warnings().isEmpty());
    // Satisfied steps stay visible for the plan view.
    CHECK(ids(plan.steps())
        == QStringList {id(PlanStep::kTargetPartner), id(PlanStep::kTargetUserSync),
            id(PlanStep::kTargetInboundAutoRedeem), id(PlanStep::kSourcePartner),
            id(PlanStep::kSourceOutboundAutoRedeem), id(PlanStep::kSourceConfiguration), id(PlanStep::kSourceJob),
            id(PlanStep::kSourceSecrets)});
}

TEST_CASE("SetupPlan re-plans the steps a resumed run cannot read back", "[setup][plan]")
{
    // A run killed after it made the job: the job exists, so only the journal knows that the connection test
    // and the secrets never finished.
    CtsConfiguration existing;
    existing.servicePrincipalId = QStringLiteral("sp");
    existing.jobId = QStringLiteral("Azure2Azure.x.y");
    const QStringList unconfirmed {id(PlanStep::kSourceValidateCredentials), id(PlanStep::kSourceSecrets)};
    const SetupPlan resumed
        = SetupPlan::build(DesiredSettings(), targetReady(), sourceReady(), existing, kSource, kTarget, unconfirmed);
    REQUIRE(ids(resumed.pendingSteps()) == unconfirmed);
    for (const PlanStep& step : resumed.pendingSteps()) {
        CHECK(step.request.isValid());
        CHECK(step.request.path().startsWith(QStringLiteral("/servicePrincipals/sp/synchronization/")));
    }
    // Only the secrets: the test was done before the interruption.
    const SetupPlan secretsOnly = SetupPlan::build(
        DesiredSettings(), targetReady(), sourceReady(), existing, kSource, kTarget, {id(PlanStep::kSourceSecrets)});
    CHECK(ids(secretsOnly.pendingSteps()) == QStringList {id(PlanStep::kSourceSecrets)});
    CHECK_FALSE(secretsOnly.step(id(PlanStep::kSourceValidateCredentials)).has_value());
    // Secrets not asked for stay out, whatever the journal says.
    DesiredSettings noSecrets;
    noSecrets.saveCredentials = false;
    CHECK(ids(SetupPlan::build(noSecrets, targetReady(), sourceReady(), existing, kSource, kTarget, unconfirmed)
                  .pendingSteps())
        == QStringList {id(PlanStep::kSourceValidateCredentials)});
}

TEST_CASE("SetupPlan from nothing orders every step target first and never deletes a configuration", "[setup][plan]")
{
    AccessSettings target;
    target.partnerTenantId = kSource;
    AccessSettings source;
    source.partnerTenantId = kTarget;
    DesiredSettings desired;
    desired.configurationDisplayName = QStringLiteral("F to C");
    const SetupPlan plan = SetupPlan::build(desired, target, source, std::nullopt, kSource, kTarget);
    CHECK(ids(plan.pendingSteps()) == SetupPlan::stepOrder());
    CHECK(plan.toJson().value(QStringLiteral("steps")).toArray().size() == 9);

    // Unticking the configuration keeps an existing one: no request to delete it.
    CtsConfiguration existing;
    existing.servicePrincipalId = QStringLiteral("sp");
    DesiredSettings none = accessOnly(true, true, true);
    const SetupPlan keep = SetupPlan::build(none, targetReady(), sourceReady(), existing, kSource, kTarget);
    CHECK(keep.isEmpty());
    for (const PlanStep& step : keep.steps()) {
        CHECK(step.request.method() != GraphRequest::Method::Delete);
    }
    // Nothing existing and nothing asked for: no configuration steps at all.
    const SetupPlan nothing = SetupPlan::build(none, targetReady(), sourceReady(), std::nullopt, kSource, kTarget);
    CHECK_FALSE(nothing.step(id(PlanStep::kSourceConfiguration)).has_value());
}

TEST_CASE("SetupPlan warns that the connection test fails without all three access settings", "[setup][plan]")
{
    DesiredSettings desired;
    desired.configurationDisplayName = QStringLiteral("F to C");
    const auto validateWarning = [&](const DesiredSettings& settings) {
        return SetupPlan::build(settings, targetReady(), sourceReady(), std::nullopt, kSource, kTarget)
            .step(id(PlanStep::kSourceValidateCredentials))
            ->warning;
    };
    CHECK(validateWarning(desired).isEmpty());
    desired.sourceOutboundAutoRedeem = false;
    CHECK(validateWarning(desired).contains(QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure")));
}

TEST_CASE("SetupPlan marks an unnamed configuration invalid instead of sending it", "[setup][plan]")
{
    DesiredSettings desired; // no display name
    const SetupPlan plan = SetupPlan::build(desired, targetReady(), sourceReady(), std::nullopt, kSource, kTarget);
    const auto configuration = plan.step(id(PlanStep::kSourceConfiguration));
    REQUIRE(configuration.has_value());
    CHECK_FALSE(configuration->request.isValid());
    CHECK(configuration->request.invalidReason() != PlanStep::waitingReason());
}

TEST_CASE("SetupPlan built from a state names the tenants in its sentences", "[setup][plan]")
{
    tb::setup::SetupState state;
    state.source.id = kSource;
    state.source.displayName = QStringLiteral("Contoso");
    state.target.id = kTarget;
    state.target.displayName = QStringLiteral("Fabrikam");
    const SetupPlan named = SetupPlan::build(DesiredSettings(), state);
    const SetupPlan bare
        = SetupPlan::build(DesiredSettings(), state.targetSide, state.sourceSide, std::nullopt, kSource, kTarget);
    REQUIRE(ids(named.steps()) == ids(bare.steps()));
    CHECK(named.step(id(PlanStep::kTargetPartner))->description
        == QStringLiteral("In the target tenant, add Contoso (%1) as a partner in the cross-tenant access settings.")
               .arg(kSource));
    CHECK(bare.step(id(PlanStep::kTargetPartner))->description.contains(QStringLiteral("add tenant ") + kSource));
    CHECK(named.step(id(PlanStep::kSourceOutboundAutoRedeem))->description.contains(QStringLiteral("Fabrikam (")));
    // The names change only the sentences: the requests are the same.
    for (qsizetype i = 0; i < named.steps().size(); ++i) {
        CHECK(named.steps().at(i).toJson().value(QStringLiteral("request"))
            == bare.steps().at(i).toJson().value(QStringLiteral("request")));
    }
}
