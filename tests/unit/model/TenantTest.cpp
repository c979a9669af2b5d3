// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/Tenant.h"

#include <catch2/catch.hpp>

using tb::model::Tenant;

TEST_CASE("A tenant's readable name falls back from the display name to the domain to the id", "[model]")
{
    Tenant tenant;
    tenant.id = QStringLiteral("11111111-1111-1111-1111-111111111111");
    CHECK(tenant.readableName() == tenant.id);
    tenant.initialDomain = QStringLiteral("contoso.onmicrosoft.com");
    CHECK(tenant.readableName() == QStringLiteral("contoso.onmicrosoft.com"));
    tenant.displayName = QStringLiteral("Contoso");
    CHECK(tenant.readableName() == QStringLiteral("Contoso"));
}
