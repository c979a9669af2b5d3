// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/setup/SetupPlan.h"

#include "core/graph/endpoints/PolicyEndpoints.h"
#include "core/graph/endpoints/SynchronizationEndpoints.h"

#include <QJsonArray>

#include <algorithm>

namespace tb::setup {

namespace {

using graph::CtsCall;
using graph::GraphRequest;
using graph::PolicyEndpoints;
using graph::SynchronizationEndpoints;
using model::TenantRole;

QString id(const char* name)
{
    return QString::fromLatin1(name);
}

// The request built with "{name}" as the id: the builder encodes it to "%7Bname%7D", which goes back to the
// readable "{name}" the runner replaces (PlanStep::withValues). Marked as waiting unless the builder already
// found something else wrong.
GraphRequest withPlaceholder(GraphRequest request, const QString& name)
{
    const QString encoded = GraphRequest::pathSegment(PlanStep::placeholderText(name));
    request.setPath(QString(request.path()).replace(encoded, PlanStep::placeholderText(name)));
    if (request.isValid()) {
        request.setInvalidReason(PlanStep::waitingReason());
    }
    return request;
}

PlanStep makeStep(const char* stepId, TenantRole role, CtsCall::Kind call, const QString& description,
    const GraphRequest& request, bool satisfied)
{
    PlanStep step;
    step.id = id(stepId);
    step.role = role;
    step.call = call;
    step.description = description;
    step.request = request;
    step.satisfied = satisfied;
    return step;
}

// How a step's sentence names a tenant: "Contoso (6f1c…)" when the name is known, else "tenant 6f1c…".
QString tenantLabel(const QString& name, const QString& tenantId)
{
    return name.isEmpty() || name == tenantId ? QStringLiteral("tenant %1").arg(tenantId)
                                              : QStringLiteral("%1 (%2)").arg(name, tenantId);
}

PlanStep partnerStep(const char* stepId, TenantRole role, const model::AccessSettings& side, const QString& partnerId,
    const QString& partnerLabel)
{
    PlanStep step = makeStep(stepId, role, CtsCall::Kind::CreatePartner,
        QStringLiteral("In the %1 tenant, add %2 as a partner in the cross-tenant access settings.")
            .arg(model::tenantRoleName(role), partnerLabel),
        PolicyEndpoints::createPartnerRequest(partnerId), side.partnerExists);
    step.conflictMeansDone = true;
    return step;
}

// A switch step: on or off, with the warning when it goes off and a dependency on the side's partner step
// when the partner entry has to be created first.
void finishSwitchStep(PlanStep& step, bool turnOn, const model::AccessSettings& side, const char* partnerStepId)
{
    if (!step.satisfied && !turnOn) {
        step.warning = SetupPlan::turningOffWarning(step.id);
    }
    if (!step.satisfied && turnOn && !side.partnerExists) {
        step.dependsOn.append(id(partnerStepId));
    }
}

PlanStep userSyncStep(
    bool turnOn, const model::AccessSettings& target, const QString& sourceTenantId, const QString& sourceLabel)
{
    const bool satisfied = target.isUserSyncInboundOn() == turnOn;
    const QString description = turnOn
        ? QStringLiteral("In the target tenant, allow users from %1 to be synchronized into this tenant.")
              .arg(sourceLabel)
        : QStringLiteral("In the target tenant, stop allowing users from %1 to be synchronized into this tenant.")
              .arg(sourceLabel);
    // PUT creates the policy, PATCH changes it; each is the other's fallback when the tenant changed meanwhile.
    const GraphRequest put = PolicyEndpoints::createIdentitySynchronizationRequest(sourceTenantId, {}, turnOn);
    const GraphRequest patch = PolicyEndpoints::updateIdentitySynchronizationRequest(sourceTenantId, turnOn);
    const bool create = turnOn && !target.identitySyncExists;
    PlanStep step = makeStep(PlanStep::kTargetUserSync, TenantRole::Target, CtsCall::Kind::SetUserSyncInbound,
        description, create ? put : patch, satisfied);
    if (turnOn) {
        step.alternative = create ? patch : put;
    }
    finishSwitchStep(step, turnOn, target, PlanStep::kTargetPartner);
    return step;
}

PlanStep autoRedeemStep(const char* stepId, TenantRole role, PolicyEndpoints::ConsentDirection direction, bool turnOn,
    bool isOn, const model::AccessSettings& side, const QString& partnerId, const QString& partnerLabel,
    const char* partnerStepId)
{
    const bool inbound = direction == PolicyEndpoints::ConsentDirection::Inbound;
    const QString description
        = QStringLiteral("In the %1 tenant, %2 automatic redemption of invitations %3 %4.")
              .arg(model::tenantRoleName(role), turnOn ? QStringLiteral("turn on") : QStringLiteral("turn off"),
                  inbound ? QStringLiteral("(inbound) for users from")
                          : QStringLiteral("(outbound) for users going to"),
                  partnerLabel);
    PlanStep step = makeStep(stepId, role, CtsCall::Kind::SetAutomaticUserConsent, description,
        PolicyEndpoints::setAutomaticUserConsentRequest(partnerId, direction, turnOn), isOn == turnOn);
    finishSwitchStep(step, turnOn, side, partnerStepId);
    return step;
}

void appendConfigurationSteps(QList<PlanStep>& steps, const model::DesiredSettings& desired,
    const std::optional<model::CtsConfiguration>& existing, const QString& targetTenantId, const QString& targetLabel,
    const QStringList& unconfirmedSteps)
{
    const bool hasConfiguration = existing && existing->hasServicePrincipal();
    if (!hasConfiguration && !desired.createConfiguration) {
        return; // nothing to build on, nothing asked for
    }
    const QString spName = id(PlanStep::kServicePrincipalId);
    // With a configuration, its id goes straight into the paths; without, the placeholder.
    const QString spId = hasConfiguration ? existing->servicePrincipalId : PlanStep::placeholderText(spName);
    const auto prepare = [&](PlanStep step) {
        if (!hasConfiguration) {
            step.request = withPlaceholder(step.request, spName);
            step.dependsOn.append(id(PlanStep::kSourceConfiguration));
            step.placeholders.append(spName);
        }
        return step;
    };

    PlanStep configuration
        = makeStep(PlanStep::kSourceConfiguration, TenantRole::Source, CtsCall::Kind::InstantiateConfiguration,
            hasConfiguration ? QStringLiteral("The source tenant already has the cross-tenant synchronization "
                                              "configuration \"%1\".")
                                   .arg(existing->displayName)
                             : QStringLiteral("In the source tenant, create the cross-tenant synchronization "
                                              "configuration \"%1\" from the Microsoft gallery application.")
                                   .arg(desired.configurationDisplayName),
            SynchronizationEndpoints::instantiateRequest(
                hasConfiguration ? existing->displayName : desired.configurationDisplayName),
            hasConfiguration);
    configuration.produces = spName;
    steps.append(configuration);

    const bool validateUnconfirmed = unconfirmedSteps.contains(id(PlanStep::kSourceValidateCredentials));
    if (!hasConfiguration || validateUnconfirmed) {
        // Right after creating (or when a run that was creating stopped before the test): the test tells at once
        // whether both tenants' settings let sync through.
        PlanStep validate = prepare(
            makeStep(PlanStep::kSourceValidateCredentials, TenantRole::Source, CtsCall::Kind::ValidateCredentials,
                QStringLiteral("Test the connection from the configuration to %1.").arg(targetLabel),
                SynchronizationEndpoints::validateCredentialsRequest(spId, targetTenantId), false));
        // The test passes only with auto-redemption on both sides and inbound sync allowed (2.4).
        if (!desired.targetAllowsUserSync || !desired.targetInboundAutoRedeem || !desired.sourceOutboundAutoRedeem) {
            validate.warning
                = QStringLiteral("The connection test will fail (AzureDirectoryB2BManagementPolicyCheckFailure) "
                                 "because not all three access settings are ticked.");
        }
        steps.append(validate);
    }
    const bool hasJob = hasConfiguration && existing->hasJob();
    if (desired.createJob) {
        PlanStep job = prepare(makeStep(PlanStep::kSourceJob, TenantRole::Source, CtsCall::Kind::CreateJob,
            hasJob ? QStringLiteral("The configuration already has its synchronization job.")
                   : QStringLiteral("Create the synchronization job (paused until you start it)."),
            SynchronizationEndpoints::createJobRequest(spId), hasJob));
        job.produces = id(PlanStep::kJobId);
        steps.append(job);
    }
    if (desired.saveCredentials) {
        const bool secretsSaved = hasJob && !unconfirmedSteps.contains(id(PlanStep::kSourceSecrets));
        steps.append(prepare(makeStep(PlanStep::kSourceSecrets, TenantRole::Source, CtsCall::Kind::SaveSecrets,
            secretsSaved ? QStringLiteral("The configuration's credentials were saved when its job was made.")
                         : QStringLiteral("Save the configuration's credentials for %1: synchronize only "
                                          "assigned users and groups.")
                               .arg(targetLabel),
            SynchronizationEndpoints::saveSecretsRequest(spId, targetTenantId), secretsSaved)));
    }
}

} // namespace

SetupPlan SetupPlan::build(const model::DesiredSettings& desired, const model::AccessSettings& targetSideForSource,
    const model::AccessSettings& sourceSideForTarget, const std::optional<model::CtsConfiguration>& existing,
    const QString& sourceTenantId, const QString& targetTenantId, const QStringList& unconfirmedSteps)
{
    return buildNamed(desired, targetSideForSource, sourceSideForTarget, existing, {sourceTenantId, {}},
        {targetTenantId, {}}, unconfirmedSteps);
}

SetupPlan SetupPlan::build(
    const model::DesiredSettings& desired, const SetupState& state, const QStringList& unconfirmedSteps)
{
    return buildNamed(desired, state.targetSide, state.sourceSide, state.configuration,
        {state.source.id, state.source.displayName}, {state.target.id, state.target.displayName}, unconfirmedSteps);
}

SetupPlan SetupPlan::buildNamed(const model::DesiredSettings& desired, const model::AccessSettings& targetSideForSource,
    const model::AccessSettings& sourceSideForTarget, const std::optional<model::CtsConfiguration>& existing,
    const TenantName& sourceTenant, const TenantName& targetTenant, const QStringList& unconfirmedSteps)
{
    const QString& sourceTenantId = sourceTenant.id;
    const QString& targetTenantId = targetTenant.id;
    const QString sourceLabel = tenantLabel(sourceTenant.name, sourceTenantId);
    const QString targetLabel = tenantLabel(targetTenant.name, targetTenantId);
    SetupPlan plan;
    const model::AccessSettings& target = targetSideForSource;
    const model::AccessSettings& source = sourceSideForTarget;

    // Target first.
    if (desired.targetAllowsUserSync || desired.targetInboundAutoRedeem) {
        plan.m_steps.append(
            partnerStep(PlanStep::kTargetPartner, TenantRole::Target, target, sourceTenantId, sourceLabel));
    }
    plan.m_steps.append(userSyncStep(desired.targetAllowsUserSync, target, sourceTenantId, sourceLabel));
    plan.m_steps.append(autoRedeemStep(PlanStep::kTargetInboundAutoRedeem, TenantRole::Target,
        PolicyEndpoints::ConsentDirection::Inbound, desired.targetInboundAutoRedeem, target.isInboundAutoRedeemOn(),
        target, sourceTenantId, sourceLabel, PlanStep::kTargetPartner));

    // Then the source.
    if (desired.sourceOutboundAutoRedeem) {
        plan.m_steps.append(
            partnerStep(PlanStep::kSourcePartner, TenantRole::Source, source, targetTenantId, targetLabel));
    }
    plan.m_steps.append(autoRedeemStep(PlanStep::kSourceOutboundAutoRedeem, TenantRole::Source,
        PolicyEndpoints::ConsentDirection::Outbound, desired.sourceOutboundAutoRedeem, source.isOutboundAutoRedeemOn(),
        source, targetTenantId, targetLabel, PlanStep::kSourcePartner));

    appendConfigurationSteps(plan.m_steps, desired, existing, targetTenantId, targetLabel, unconfirmedSteps);
    return plan;
}

QStringList SetupPlan::stepOrder()
{
    return {id(PlanStep::kTargetPartner), id(PlanStep::kTargetUserSync), id(PlanStep::kTargetInboundAutoRedeem),
        id(PlanStep::kSourcePartner), id(PlanStep::kSourceOutboundAutoRedeem), id(PlanStep::kSourceConfiguration),
        id(PlanStep::kSourceValidateCredentials), id(PlanStep::kSourceJob), id(PlanStep::kSourceSecrets)};
}

QString SetupPlan::defaultConfigurationName(const QString& sourceName, const QString& targetName)
{
    return QStringLiteral("%1 to %2").arg(sourceName, targetName);
}

QString SetupPlan::turningOffWarning(const QString& stepId)
{
    // graph-reference.md 1.4 (auto-redemption is required by CTS, suppressed only when both sides allow it),
    // 1.5 and 2.2 (a job whose target does not allow inbound sync is quarantined).
    if (stepId == id(PlanStep::kTargetUserSync)) {
        return QStringLiteral("Turning off user sync into the target stops cross-tenant synchronization: the "
                              "source's job is quarantined at its next cycle and no user is created or updated "
                              "until it is turned on again.");
    }
    if (stepId == id(PlanStep::kTargetInboundAutoRedeem)) {
        return QStringLiteral("Without inbound automatic redemption in the target, the first sync of every new "
                              "user fails (AzureDirectoryB2BManagementPolicyCheckFailure); users already synced "
                              "keep working.");
    }
    if (stepId == id(PlanStep::kSourceOutboundAutoRedeem)) {
        return QStringLiteral("Without outbound automatic redemption in the source, the first sync of every new "
                              "user fails (AzureDirectoryB2BManagementPolicyCheckFailure); users already synced "
                              "keep working.");
    }
    return {};
}

QList<PlanStep> SetupPlan::pendingSteps() const
{
    QList<PlanStep> pending;
    for (const PlanStep& step : m_steps) {
        if (!step.satisfied) {
            pending.append(step);
        }
    }
    return pending;
}

bool SetupPlan::isEmpty() const
{
    return std::none_of(m_steps.begin(), m_steps.end(), [](const PlanStep& step) { return !step.satisfied; });
}

std::optional<PlanStep> SetupPlan::step(const QString& stepId) const
{
    for (const PlanStep& step : m_steps) {
        if (step.id == stepId) {
            return step;
        }
    }
    return std::nullopt;
}

QStringList SetupPlan::warnings() const
{
    QStringList result;
    for (const PlanStep& step : m_steps) {
        if (!step.satisfied && !step.warning.isEmpty()) {
            result.append(step.warning);
        }
    }
    return result;
}

QJsonObject SetupPlan::toJson() const
{
    QJsonArray steps;
    for (const PlanStep& step : m_steps) {
        steps.append(step.toJson());
    }
    return {{QStringLiteral("steps"), steps}};
}

} // namespace tb::setup
