// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/setup/PlanStep.h"

#include <catch2/catch.hpp>

using tb::graph::GraphRequest;
using tb::setup::PlanStep;

TEST_CASE("PlanStep fills placeholders only where the waiting mark is the only problem", "[setup][plan]")
{
    PlanStep step;
    step.id = QString::fromLatin1(PlanStep::kSourceSecrets);
    step.placeholders = {QStringLiteral("servicePrincipalId")};
    step.request = GraphRequest(GraphRequest::Method::Put, QStringLiteral("/servicePrincipals/{servicePrincipalId}/x"));
    step.request.setInvalidReason(PlanStep::waitingReason());
    step.alternative = step.request;

    const PlanStep filled = step.withValues({{QStringLiteral("servicePrincipalId"), QStringLiteral("a b")}});
    CHECK(filled.request.isValid());
    CHECK(filled.request.path() == QStringLiteral("/servicePrincipals/a%20b/x"));
    REQUIRE(filled.alternative.has_value());
    CHECK(filled.alternative->isValid());
    CHECK(step.hasPlaceholders()); // the original is unchanged

    PlanStep broken = step;
    broken.request.setInvalidReason(QStringLiteral("no target tenant id was given."));
    CHECK_FALSE(broken.withValues({{QStringLiteral("servicePrincipalId"), QStringLiteral("sp")}}).request.isValid());
}

TEST_CASE("PlanStep describes its request as JSON without anything but method, path and body", "[setup][plan]")
{
    PlanStep step;
    step.id = QStringLiteral("target.partner");
    step.role = tb::model::TenantRole::Target;
    step.description = QStringLiteral("Add the partner.");
    step.request = GraphRequest::post(QStringLiteral("/policies/crossTenantAccessPolicy/partners"),
        {{QStringLiteral("tenantId"), QStringLiteral("t")}});
    step.conflictMeansDone = true;
    const QJsonObject json = step.toJson();
    CHECK(json.value(QStringLiteral("role")) == QStringLiteral("target"));
    const QJsonObject request = json.value(QStringLiteral("request")).toObject();
    CHECK(request.value(QStringLiteral("method")) == QStringLiteral("POST"));
    CHECK(request.value(QStringLiteral("path")) == QStringLiteral("/policies/crossTenantAccessPolicy/partners"));
    CHECK(request.value(QStringLiteral("body")).toObject().value(QStringLiteral("tenantId")) == QStringLiteral("t"));
    CHECK(json.value(QStringLiteral("conflictMeansDone")).toBool());
    CHECK_FALSE(json.contains(QStringLiteral("warning")));
}
