// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/AccessSettings.h"
#include "core/model/CtsConfiguration.h"
#include "core/model/DesiredSettings.h"
#include "core/setup/PlanStep.h"
#include "core/setup/SetupState.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tb::setup {

// Desired settings + the current state of both tenants -> the ordered steps that make the state as desired
// (graph-reference.md 0, steps 2-10). Pure: it reads nothing and sends nothing; PlanRunner sends the steps.
// Value type, any thread.
//
// Order is fixed and target-first (the source's test connection fails until the target allows sync and
// auto-redemption): target.partner, target.userSync, target.inboundAutoRedeem, source.partner,
// source.outboundAutoRedeem, source.configuration, source.validateCredentials, source.job, source.secrets.
//
// Idempotent: a step already true in the current state is kept with satisfied = true and sends nothing, so
// building again after a partial run yields only what is left. steps() has every step the desired settings
// involve (for the plan view); pendingSteps() the ones to send.
//
// - The three access settings are always in steps(); each one that differs is one pending step that turns it
//   on or off. Turning off sends the reverse request (false) and carries a warning.
// - A side's partner step is in steps() when that side has a setting ticked on; pending when the partner entry
//   is missing. The plan never deletes a partner entry: unticking everything leaves it in place, harmless.
// - The configuration steps: with no configuration, instantiate, validate credentials, create the job and
//   save the secrets (the last three wait for the service principal id, see PlanStep). With a configuration
//   but no job, create the job and save the secrets. With a job, nothing. The secrets cannot be read back
//   (Graph masks them), so an existing job counts as "secrets saved": whoever made the job completed the
//   setup (this tool or the portal). Unticking never deletes a configuration or a job: that is a separate,
//   deliberate action.
// - unconfirmedSteps: the connection test and the secrets leave nothing to read back, so "the job exists" is
//   all the state says. A resumed run passes the ids of those two steps that its journal planned but never
//   saw done (source.validateCredentials, source.secrets): they are planned as pending on the existing
//   configuration, so a crash after the job was made cannot leave it without credentials.
class SetupPlan
{
public:
    SetupPlan() = default;

    [[nodiscard]] static SetupPlan build(const model::DesiredSettings& desired,
        const model::AccessSettings& targetSideForSource, const model::AccessSettings& sourceSideForTarget,
        const std::optional<model::CtsConfiguration>& existing, const QString& sourceTenantId,
        const QString& targetTenantId, const QStringList& unconfirmedSteps = {});
    // The same from a SetupState: the steps' sentences name the tenants ("Contoso (6f1c…)"), not only their ids.
    [[nodiscard]] static SetupPlan build(
        const model::DesiredSettings& desired, const SetupState& state, const QStringList& unconfirmedSteps = {});

    // Every step id in plan order.
    [[nodiscard]] static QStringList stepOrder();
    // The configuration name used unless the administrator types another: "<source> to <target>".
    [[nodiscard]] static QString defaultConfigurationName(const QString& sourceName, const QString& targetName);
    // What goes wrong if the setting behind a step is turned off (target.userSync, target.inboundAutoRedeem,
    // source.outboundAutoRedeem); empty for other ids. The topology view shows it next to the checkbox.
    [[nodiscard]] static QString turningOffWarning(const QString& stepId);

    [[nodiscard]] const QList<PlanStep>& steps() const { return m_steps; }
    [[nodiscard]] QList<PlanStep> pendingSteps() const;
    // True when nothing needs to be sent.
    [[nodiscard]] bool isEmpty() const;
    [[nodiscard]] std::optional<PlanStep> step(const QString& id) const;
    // The warnings of the pending steps, in order.
    [[nodiscard]] QStringList warnings() const;
    // For the CLI's `plan --json`: {"steps":[PlanStep::toJson()...]}.
    [[nodiscard]] QJsonObject toJson() const;

private:
    struct TenantName
    {
        QString id;
        QString name; // empty: sentences use the id
    };
    [[nodiscard]] static SetupPlan buildNamed(const model::DesiredSettings& desired,
        const model::AccessSettings& targetSideForSource, const model::AccessSettings& sourceSideForTarget,
        const std::optional<model::CtsConfiguration>& existing, const TenantName& sourceTenant,
        const TenantName& targetTenant, const QStringList& unconfirmedSteps);

    QList<PlanStep> m_steps;
};

} // namespace tb::setup
