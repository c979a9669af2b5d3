// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/SetupText.h"

#include "app/cli/CliOutput.h"
#include "app/cli/commands/SetupPair.h"
#include "core/model/TenantRole.h"
#include "core/setup/PlanStep.h"
#include "core/setup/PreflightReport.h"
#include "core/setup/SetupPlan.h"
#include "core/setup/SetupState.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tb::cli {

namespace {

QString tenantLine(const model::Tenant& tenant)
{
    return QStringLiteral("%1 (%2, %3, %4)")
        .arg(tenant.readableName(), tenant.initialDomain, tenant.id, tenant.cloud.name());
}

QString outcomeLabel(setup::PreflightCheck::Outcome outcome)
{
    return setup::PreflightCheck::outcomeName(outcome).toUpper();
}

} // namespace

QString SetupText::switchText(std::optional<bool> value)
{
    if (!value) {
        return tr("not set (off)");
    }
    return *value ? tr("on") : tr("off");
}

void SetupText::printState(const CliOutput& output, const setup::SetupState& state, const QString& configurationName)
{
    output.printLine(tr("Source: %1").arg(tenantLine(state.source)));
    output.printLine(tr("Target: %1").arg(tenantLine(state.target)));
    output.printLine(QString());
    const QString targetName = state.target.readableName();
    const QString sourceName = state.source.readableName();
    const auto present = [](bool exists) { return exists ? tr("present") : tr("missing"); };
    const QList<QStringList> rows {
        {targetName, tr("Partner entry for %1").arg(sourceName), present(state.targetSide.partnerExists)},
        {targetName, tr("Allow users sync into this tenant"),
            state.targetSide.identitySyncExists ? switchText(state.targetSide.userSyncInboundAllowed)
                                                : tr("not set (off)")},
        {targetName, tr("Inbound: automatically redeem invitations"), switchText(state.targetSide.inboundAutoRedeem)},
        {sourceName, tr("Partner entry for %1").arg(targetName), present(state.sourceSide.partnerExists)},
        {sourceName, tr("Outbound: automatically redeem invitations"), switchText(state.sourceSide.outboundAutoRedeem)},
    };
    output.printTable({tr("TENANT"), tr("SETTING"), tr("STATE")}, rows);
    output.printLine(QString());
    if (state.configuration) {
        const model::CtsConfiguration& configuration = *state.configuration;
        output.printLine(tr("Configuration \"%1\": service principal %2, app id %3.")
                             .arg(configuration.displayName, configuration.servicePrincipalId, configuration.appId));
        if (configuration.hasJob()) {
            output.printLine(
                tr("Job: %1 (status %2).")
                    .arg(configuration.jobId,
                        configuration.jobStatusCode.isEmpty() ? tr("unknown") : configuration.jobStatusCode));
        } else {
            output.printLine(tr("Job: none yet."));
        }
    } else {
        output.printLine(tr("Configuration \"%1\": none in %2.").arg(configurationName, sourceName));
    }
    if (state.otherConfigurations.isEmpty()) {
        output.printLine(tr("Other configurations in %1: none.").arg(sourceName));
    } else {
        output.printLine(tr("Other configurations in %1 (shown, never changed):").arg(sourceName));
        for (const model::CtsConfiguration& other : state.otherConfigurations) {
            output.printLine(tr("  %1 (service principal %2, %3)")
                                 .arg(other.displayName, other.servicePrincipalId,
                                     other.hasJob() ? tr("job %1").arg(other.jobId) : tr("no job")));
        }
    }
}

void SetupText::printPreflight(const CliOutput& output, const setup::PreflightReport& report, const SetupPair& pair)
{
    output.printLine(tr("Preflight for %1:").arg(pair.title()));
    int warnings = 0;
    int blocks = 0;
    for (const setup::PreflightCheck& check : report.checks) {
        warnings += check.outcome == setup::PreflightCheck::Outcome::Warn ? 1 : 0;
        blocks += check.outcome == setup::PreflightCheck::Outcome::Block ? 1 : 0;
        output.printLine(QStringLiteral("  %1 %2: %3")
                             .arg(outcomeLabel(check.outcome).leftJustified(5), check.title, check.sentence));
        if (!check.fix.isEmpty()) {
            output.printLine(tr("        Fix: %1").arg(check.fix));
        }
        for (const QString& detail : check.details) {
            output.printLine(QStringLiteral("        - %1").arg(detail));
        }
    }
    output.printLine(QString());
    output.printLine(tr("Trust audit: partners that %1 lets sync users in or redeem invitations automatically:")
                         .arg(pair.target.readableName()));
    if (report.trustAudit.isEmpty()) {
        output.printLine(tr("  none."));
    }
    for (const setup::TrustAuditEntry& entry : report.trustAudit) {
        QStringList allows;
        if (entry.userSyncInbound) {
            allows.append(tr("user sync in"));
        }
        if (entry.inboundAutoRedeem) {
            allows.append(tr("inbound auto-redeem"));
        }
        if (entry.outboundAutoRedeem) {
            allows.append(tr("outbound auto-redeem"));
        }
        const QString name = entry.displayName.isEmpty() ? tr("unknown tenant") : entry.displayName;
        output.printLine(
            tr("  %1 (%2%3): %4%5")
                .arg(name,
                    entry.defaultDomainName.isEmpty() ? QString() : entry.defaultDomainName + QStringLiteral(", "),
                    entry.tenantId, allows.join(QStringLiteral(", ")),
                    entry.isThisPairsSource ? tr(" [this pair's source]") : QString()));
    }
    output.printLine(QString());
    if (blocks > 0) {
        output.printLine(tr("Blocked: %n check(s) must be fixed before anything can be applied.", nullptr, blocks));
    } else if (warnings > 0) {
        output.printLine(tr("Ready, with %n warning(s).", nullptr, warnings));
    } else {
        output.printLine(tr("Ready: every check passes."));
    }
}

QStringList SetupText::requestLines(const setup::PlanStep& step, const QString& indent)
{
    const QJsonObject request = step.toJson().value(QLatin1String("request")).toObject();
    QStringList lines {
        QStringLiteral("%1%2 /%3%4")
            .arg(indent, request.value(QLatin1String("method")).toString(),
                request.value(QLatin1String("version")).toString(), request.value(QLatin1String("path")).toString())};
    const QJsonValue body = request.value(QLatin1String("body"));
    if (body.isObject()) {
        lines.append(indent + QString::fromUtf8(QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact)));
    }
    return lines;
}

void SetupText::printPlan(
    const CliOutput& output, const setup::SetupPlan& plan, const SetupPair& pair, bool showRequests)
{
    const qsizetype pending = plan.pendingSteps().size();
    output.printLine(tr("Plan for %1: %n step(s), ", nullptr, static_cast<int>(plan.steps().size())).arg(pair.title())
        + tr("%n to apply.", nullptr, static_cast<int>(pending)));
    qsizetype index = 0;
    for (const setup::PlanStep& step : plan.steps()) {
        ++index;
        const QString tenant = (step.role == model::TenantRole::Source ? pair.source : pair.target).readableName();
        output.printLine(QStringLiteral("  %1. %2 %3 (%4): %5")
                             .arg(index)
                             .arg((step.satisfied ? tr("satisfied") : tr("pending")).leftJustified(9), step.id, tenant,
                                 step.description));
        if (showRequests) {
            for (const QString& line : requestLines(step, QStringLiteral("       "))) {
                output.printLine(line);
            }
        }
    }
    const QStringList warnings = plan.warnings();
    if (!warnings.isEmpty()) {
        output.printLine(QString());
        output.printLine(tr("Warnings:"));
        for (const QString& warning : warnings) {
            output.printLine(QStringLiteral("  - %1").arg(warning));
        }
    }
    if (pending == 0) {
        output.printLine(tr("Nothing to do: both tenants are already as desired."));
    }
}

} // namespace tb::cli
