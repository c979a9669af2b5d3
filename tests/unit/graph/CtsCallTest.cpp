// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/endpoints/CtsCall.h"

#include <catch2/catch.hpp>

using tb::graph::CtsCall;
using tb::model::TenantRole;

TEST_CASE("CtsCall names the least-privileged scope of every setup call", "[graph][scopes]")
{
    using Kind = CtsCall::Kind;
    CHECK(CtsCall::requiredScopes(Kind::FindTenantInformation)
        == QStringList {QStringLiteral("CrossTenantInformation.ReadBasic.All")});
    for (const Kind kind : {Kind::CreatePartner, Kind::SetUserSyncInbound, Kind::SetAutomaticUserConsent}) {
        CHECK(CtsCall::requiredScopes(kind) == QStringList {QStringLiteral("Policy.ReadWrite.CrossTenantAccess")});
    }
    CHECK(CtsCall::requiredScopes(Kind::InstantiateConfiguration)
        == QStringList {QStringLiteral("Application.ReadWrite.All")});
    for (const Kind kind : {Kind::ValidateCredentials, Kind::CreateJob, Kind::SaveSecrets}) {
        CHECK(CtsCall::requiredScopes(kind) == QStringList {QStringLiteral("Synchronization.ReadWrite.All")});
    }
    CHECK(CtsCall::requiredScopes(Kind::ReadPolicy) == QStringList {QStringLiteral("Policy.Read.All")});
}

TEST_CASE("CtsCall gives each role the union of its calls' scopes", "[graph][scopes]")
{
    const QStringList target = CtsCall::setupScopes(TenantRole::Target);
    CHECK(target.contains(QStringLiteral("Policy.ReadWrite.CrossTenantAccess")));
    CHECK(target.contains(QStringLiteral("Policy.Read.All")));
    CHECK_FALSE(target.contains(QStringLiteral("Synchronization.ReadWrite.All")));
    const QStringList source = CtsCall::setupScopes(TenantRole::Source);
    CHECK(source.contains(QStringLiteral("Application.ReadWrite.All")));
    CHECK(source.contains(QStringLiteral("Synchronization.ReadWrite.All")));
    CHECK(source.count(QStringLiteral("Policy.ReadWrite.CrossTenantAccess")) == 1);
}
