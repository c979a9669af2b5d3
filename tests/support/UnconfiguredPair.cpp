// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/UnconfiguredPair.h"

#include "core/setup/SetupPlan.h"

#include <catch2/catch.hpp>

namespace tb::test {

UnconfiguredPair::UnconfiguredPair(int propagationMs)
    : fixture(options(propagationMs))
{
    REQUIRE(fixture.isReady());
    REQUIRE(directory.isValid());
    database = std::make_unique<store::Database>(directory.filePath(QStringLiteral("profile.sqlite")));
    REQUIRE_FALSE(database->open().has_value());
    journal = std::make_unique<store::Journal>(*database);
    source = fixture.tenant(QStringLiteral("contoso"))->tenant;
    target = fixture.tenant(QStringLiteral("fabrikam"))->tenant;
    sourceClient = fixture.client(source.id);
    targetClient = fixture.client(target.id);
    REQUIRE(sourceClient != nullptr);
    REQUIRE(targetClient != nullptr);
    desired.configurationDisplayName
        = setup::SetupPlan::defaultConfigurationName(source.displayName, target.displayName);
}

tbsandbox::SandboxOptions UnconfiguredPair::options(int propagationMs)
{
    tbsandbox::SandboxOptions options;
    options.servicePrincipalPropagationMs = propagationMs;
    return options;
}

setup::PlanRunner::Settings UnconfiguredPair::runnerSettings()
{
    setup::PlanRunner::Settings settings;
    settings.propagationMs = 30000;
    settings.propagationPollMs = 100;
    return settings;
}

} // namespace tb::test
