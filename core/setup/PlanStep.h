// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphRequest.h"
#include "core/graph/endpoints/CtsCall.h"
#include "core/model/TenantRole.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace tb::setup {

// One step of a SetupPlan: which tenant it changes, a sentence for a person, and the exact request it sends.
// Value type, any thread.
//
// Outputs and placeholders: a step that creates something another step needs names the value in `produces`
// ("servicePrincipalId" from source.configuration, "jobId" from source.job). A step that needs such a value
// lists the producing step in `dependsOn` and the value's name in `placeholders`; its request path then holds
// the literal text "{servicePrincipalId}" where the encoded id goes, and the request is marked invalid
// (GraphRequest::isValid() is false), so an unfilled step can never reach the service even by mistake. The
// runner reads the value from the producer's answer (SynchronizationEndpoints::parseInstantiate) and calls
// withValues({{"servicePrincipalId", id}}), which percent-encodes it into the path and, once nothing is left
// to fill, makes the request valid. Placeholders only ever appear in paths, never in bodies.
struct PlanStep
{
    // Stable ids: the journal, the CLI's --json and the GUI refer to steps by them.
    static constexpr auto kTargetPartner = "target.partner";
    static constexpr auto kTargetUserSync = "target.userSync";
    static constexpr auto kTargetInboundAutoRedeem = "target.inboundAutoRedeem";
    static constexpr auto kSourcePartner = "source.partner";
    static constexpr auto kSourceOutboundAutoRedeem = "source.outboundAutoRedeem";
    static constexpr auto kSourceConfiguration = "source.configuration";
    static constexpr auto kSourceValidateCredentials = "source.validateCredentials";
    static constexpr auto kSourceJob = "source.job";
    static constexpr auto kSourceSecrets = "source.secrets";

    static constexpr auto kServicePrincipalId = "servicePrincipalId";
    static constexpr auto kJobId = "jobId";

    QString id;
    model::TenantRole role = model::TenantRole::Source;
    graph::CtsCall::Kind call = graph::CtsCall::Kind::CreatePartner; // for CtsCall::requiredScopes
    QString description; // "Add Fabrikam (1111…) as a partner in Contoso's cross-tenant access settings."
    graph::GraphRequest request;
    // Sent instead when the first request finds the object in the other state than the plan read: a PUT that
    // answers 409 (the policy exists: PATCH) or a PATCH that answers not-found (no policy: PUT).
    std::optional<graph::GraphRequest> alternative;
    // A 409 "already exists" answer means the step is done (creating a partner that is already there).
    bool conflictMeansDone = false;
    // Already as desired in the current state: nothing to send.
    bool satisfied = false;
    // Set when the step turns something off: what stops working, in words for the administrator.
    QString warning;
    QStringList dependsOn; // ids of steps whose outputs this step's request needs
    QStringList placeholders; // names still to fill in the request path, e.g. "servicePrincipalId"
    QString produces; // the output this step yields for later steps, or empty

    [[nodiscard]] static QString placeholderText(const QString& name); // "{name}"
    // The invalid reason a request carries while it has placeholders.
    [[nodiscard]] static QString waitingReason();
    [[nodiscard]] bool hasPlaceholders() const { return !placeholders.isEmpty(); }
    // A copy with every named placeholder in values filled (percent-encoded) in request and alternative.
    [[nodiscard]] PlanStep withValues(const QHash<QString, QString>& values) const;
    // For the CLI's --json and the journal: the request as method, version, path and body, never a token.
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace tb::setup
