// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/AccessSettings.h"
#include "core/model/CtsConfiguration.h"
#include "core/model/Tenant.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace tb::setup {

// What both tenants have now for one CTS pair, as SetupStateReader read it: the target's partner entry for the
// source (inbound switches), the source's partner entry for the target (outbound switch), and the source's CTS
// configuration for this pair with its job, if there is one. SetupPlan compares it with DesiredSettings; the
// topology view colours its checkboxes by it. Value type, any thread.
struct SetupState
{
    model::Tenant source;
    model::Tenant target;
    model::AccessSettings targetSide; // in the target, partner = the source
    model::AccessSettings sourceSide; // in the source, partner = the target
    std::optional<model::CtsConfiguration> configuration; // this pair's configuration (jobId empty: no job)
    // Other CTS configurations in the source (other targets, or ones this tool cannot tell apart): shown, never
    // changed.
    QList<model::CtsConfiguration> otherConfigurations;
    QDateTime readAt; // UTC

    [[nodiscard]] bool isValid() const { return source.isValid() && target.isValid(); }
    // Our own form, for the CLI's `status --json` and the journal; round-trips with toJson().
    [[nodiscard]] static SetupState fromJson(const QJsonObject& json);
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace tb::setup
