// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/ConfiguredPair.h"

#include "core/graph/GraphClient.h"
#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/ODataFilter.h"
#include "core/graph/endpoints/AppRoleAssignmentEndpoints.h"
#include "core/setup/PlanRunner.h"
#include "core/setup/SetupPlan.h"
#include "core/setup/SetupStateReader.h"
#include "tests/support/GraphWait.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QSignalSpy>

namespace tb::test {

using setup::PlanRunner;
using setup::SetupPlan;
using setup::SetupState;
using setup::SetupStateReader;

ConfiguredPair::ConfiguredPair(const tbsandbox::SandboxOptions& sandboxOptions)
    : fixture(sandboxOptions)
{
    REQUIRE(fixture.isReady());
    REQUIRE(directory.isValid());
    database = std::make_unique<store::Database>(directory.filePath(QStringLiteral("profile.sqlite")));
    REQUIRE_FALSE(database->open().has_value());
    journal = std::make_unique<store::Journal>(*database);
    const model::Tenant source = fixture.tenant(QStringLiteral("contoso"))->tenant;
    const model::Tenant target = fixture.tenant(QStringLiteral("fabrikam"))->tenant;
    sourceClient = fixture.client(source.id);
    targetClient = fixture.client(target.id);
    REQUIRE(sourceClient != nullptr);
    REQUIRE(targetClient != nullptr);
    model::DesiredSettings desired;
    desired.configurationDisplayName = SetupPlan::defaultConfigurationName(source.displayName, target.displayName);

    SetupStateReader reader(*sourceClient, *targetClient);
    QSignalSpy read(&reader, &SetupStateReader::finished);
    SetupStateReader::Options readOptions;
    readOptions.configurationDisplayName = desired.configurationDisplayName;
    reader.read(source, target, readOptions);
    REQUIRE(SignalWaiter::waitForCount(read));
    const SetupState before = read.first().first().value<SetupState>();

    PlanRunner::Settings settings;
    settings.propagationMs = 30000;
    settings.propagationPollMs = 100;
    PlanRunner runner(*sourceClient, *targetClient, *journal, settings);
    QSignalSpy applied(&runner, &PlanRunner::finished);
    REQUIRE_FALSE(runner.start(desired, before).isEmpty());
    REQUIRE(SignalWaiter::waitForCount(applied));
    const auto result = applied.first().first().value<PlanRunner::Result>();
    INFO(result.message.toStdString());
    REQUIRE(result.outcome == PlanRunner::Outcome::Succeeded);

    read.clear();
    reader.read(source, target, readOptions);
    REQUIRE(SignalWaiter::waitForCount(read));
    const SetupState after = read.first().first().value<SetupState>();
    REQUIRE(after.configuration.has_value());
    REQUIRE(after.configuration->hasJob());
    servicePrincipalId = after.configuration->servicePrincipalId;
    jobId = after.configuration->jobId;
    sourceTenantId = source.id;
    targetTenantId = target.id;
}

tbsandbox::SandboxOptions ConfiguredPair::options()
{
    tbsandbox::SandboxOptions options;
    options.servicePrincipalPropagationMs = 0;
    return options;
}

tbsandbox::SandboxOptions ConfiguredPair::onDemandCycles()
{
    tbsandbox::SandboxOptions options = ConfiguredPair::options();
    options.syncIntervalMs = 0;
    return options;
}

sync::JobMonitor::Timing ConfiguredPair::fastTiming()
{
    sync::JobMonitor::Timing timing;
    timing.fastMs = 20;
    timing.fastPolls = 3;
    timing.cycleMs = 30;
    timing.steadyMs = 40;
    timing.maxMs = 160;
    return timing;
}

QString ConfiguredPair::sourceUserId(const QString& userPrincipalName) const
{
    const auto response = GraphWait::response(sourceClient->send(
        graph::GraphRequest::get(QStringLiteral("/users/") + graph::GraphRequest::pathSegment(userPrincipalName))));
    REQUIRE(response.has_value());
    return response->isSuccess() ? response->json().value(QLatin1String("id")).toString() : QString();
}

QString ConfiguredPair::msiamAccessRoleId() const
{
    const auto principal = GraphWait::response(sourceClient->send(graph::GraphRequest::get(
        QStringLiteral("/servicePrincipals/") + graph::GraphRequest::pathSegment(servicePrincipalId))));
    REQUIRE(principal.has_value());
    REQUIRE(principal->isSuccess());
    const QString roleId = graph::AppRoleAssignmentEndpoints::msiamAccessRoleId(principal->json());
    REQUIRE_FALSE(roleId.isEmpty());
    return roleId;
}

void ConfiguredPair::assign(const QString& principalId) const
{
    const graph::AppRoleAssignmentEndpoints endpoints(*sourceClient);
    const auto response
        = GraphWait::response(endpoints.addAssignment(servicePrincipalId, principalId, msiamAccessRoleId()));
    REQUIRE(response.has_value());
    INFO(response->error().userMessage().toStdString());
    REQUIRE(response->isSuccess());
}

void ConfiguredPair::startJob() const
{
    const auto response = GraphWait::response(sourceClient->send(graph::GraphRequest::post(
        QStringLiteral("/servicePrincipals/%1/synchronization/jobs/%2/start")
            .arg(graph::GraphRequest::pathSegment(servicePrincipalId), graph::GraphRequest::pathSegment(jobId)),
        {})));
    REQUIRE(response.has_value());
    INFO(response->error().userMessage().toStdString());
    REQUIRE(response->isSuccess());
}

QList<QJsonObject> ConfiguredPair::targetUsersWithMail(const QString& mail) const
{
    graph::GraphRequest request = graph::GraphRequest::get(QStringLiteral("/users"));
    request.addQueryItem(QStringLiteral("$filter"), graph::ODataFilter::eq(QStringLiteral("mail"), mail).toString());
    request.addQueryItem(QStringLiteral("$select"),
        QStringLiteral("id,displayName,givenName,surname,userPrincipalName,mail,jobTitle,department,officeLocation,"
                       "mobilePhone,preferredLanguage,usageLocation,companyName,accountEnabled,userType,creationType,"
                       "externalUserState"));
    const auto response = GraphWait::response(targetClient->send(request));
    REQUIRE(response.has_value());
    INFO(response->error().userMessage().toStdString());
    REQUIRE(response->isSuccess());
    QList<QJsonObject> users;
    for (const QJsonValue& user : response->json().value(QLatin1String("value")).toArray()) {
        users.append(user.toObject());
    }
    return users;
}

} // namespace tb::test
