// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/integration/cli/CliRolloutSession.h"

#include "core/sandbox/FaultPlan.h"
#include "core/sandbox/RequestLog.h"
#include "core/sandbox/SandboxOptions.h"
#include "core/sandbox/TenantState.h"
#include "core/sandbox/World.h"
#include "core/sandbox/sync/ProvisioningService.h"
#include "core/store/Database.h"
#include "core/store/Journal.h"
#include "core/sync/RolloutStore.h"
#include "tests/support/SignInTestSupport.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace tb::test {

namespace {

const QString kContoso = QStringLiteral("contoso.onmicrosoft.com");

} // namespace

CliRolloutSession::CliRolloutSession(int accessTokenLifetimeSeconds)
    : CliSession(false)
{
    tbsandbox::SandboxOptions options = SignInTestSupport::sandboxOptions();
    options.autoApproveAfterMs = 0;
    options.syncIntervalMs = 0; // cycles only when the test runs one
    options.accessTokenLifetimeSeconds = accessTokenLifetimeSeconds;
    server = std::make_unique<tbsandbox::SandboxServer>(options);
    QString error;
    REQUIRE(server->start(&error));
    url = server->baseUrl().toString();
}

void CliRolloutSession::setUpRollout()
{
    loginBoth();
    REQUIRE(run({QStringLiteral("apply"), QStringLiteral("--yes")}).exitCode == 0);
    const CliRun planned = run({QStringLiteral("rollout"), QStringLiteral("plan"), QStringLiteral("--stage"),
        QString::fromLatin1(kPilotStage), QStringLiteral("--stage"), QString::fromLatin1(kWaveStage)});
    REQUIRE(planned.exitCode == 0);
    for (const tbsandbox::ServicePrincipalRecord& record :
        server->world().tenantByIdOrDomain(kContoso)->servicePrincipals()) {
        if (!record.jobs.isEmpty()) {
            servicePrincipalId = record.id();
        }
    }
    REQUIRE_FALSE(servicePrincipalId.isEmpty());
}

std::unique_ptr<QProcess> CliRolloutSession::start(const QStringList& arguments) const
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment());
    process->start(program(), fullArguments(arguments));
    REQUIRE(process->waitForStarted());
    return process;
}

CliRun CliRolloutSession::finishWithCycles(QProcess& process)
{
    QTimer cycles;
    QObject::connect(&cycles, &QTimer::timeout, [this] { (void)server->provisioning().runCycle(); });
    cycles.start(150);
    REQUIRE(SignalWaiter::waitUntil([&process] { return process.state() == QProcess::NotRunning; }, 120000));
    cycles.stop();
    const CliRun result = CliRun::of(process);
    UNSCOPED_INFO("tenantbridge-cli " << process.arguments().join(QLatin1Char(' ')).toStdString() << " -> "
                                      << result.exitCode << "\nstdout: " << result.out.toStdString()
                                      << "\nstderr: " << result.err.toStdString());
    runs.append(result);
    return result;
}

CliRun CliRolloutSession::runWithCycles(const QStringList& arguments)
{
    const std::unique_ptr<QProcess> process = start(arguments);
    return finishWithCycles(*process);
}

void CliRolloutSession::kill(QProcess& process)
{
    process.kill();
    REQUIRE(SignalWaiter::waitUntil([&process] { return process.state() == QProcess::NotRunning; }, 10000));
    CHECK(process.exitStatus() == QProcess::CrashExit);
}

void CliRolloutSession::holdAnswer(const QString& method, const QString& pathGlob, int ms, int skip)
{
    QJsonArray holds;
    const auto hold = [&](int holdMs) {
        return QJsonObject {{QStringLiteral("pathPattern"), pathGlob}, {QStringLiteral("method"), method},
            {QStringLiteral("ms"), holdMs}, {QStringLiteral("count"), 1}};
    };
    for (int i = 0; i < skip; ++i) {
        holds.append(hold(1));
    }
    holds.append(hold(ms));
    QString problem;
    const bool loaded = server->faultPlan().load(QJsonObject {{QStringLiteral("holds"), holds}}, &problem);
    INFO(problem.toStdString());
    REQUIRE(loaded);
}

bool CliRolloutSession::holdFired() const
{
    const QJsonArray holds = server->faultPlan().toJson().value(QLatin1String("holds")).toArray();
    return !holds.isEmpty() && holds.last().toObject().value(QLatin1String("count")).toInt() == 0;
}

int CliRolloutSession::countRequests(const QString& method, const QString& pathGlob, qint64 since) const
{
    const QRegularExpression path = tbsandbox::FaultPlan::globToRegularExpression(pathGlob);
    int count = 0;
    for (const tbsandbox::RequestLogEntry& entry : server->requestLog().entriesAfter(since)) {
        count += entry.method == method && path.match(entry.target.section(QLatin1Char('?'), 0, 0)).hasMatch() ? 1 : 0;
    }
    return count;
}

qint64 CliRolloutSession::lastSeq() const
{
    return server->requestLog().total();
}

int CliRolloutSession::assignmentPosts(qint64 since) const
{
    return countRequests(QStringLiteral("POST"), QStringLiteral("*/servicePrincipals/*/appRoleAssignedTo"), since);
}

QHash<QString, QString> CliRolloutSession::assignments() const
{
    QHash<QString, QString> result;
    for (const tbsandbox::ServicePrincipalRecord& record :
        server->world().tenantByIdOrDomain(kContoso)->servicePrincipals()) {
        if (record.id() != servicePrincipalId) {
            continue;
        }
        for (const QJsonValue& value : record.appRoleAssignments) {
            const QJsonObject assignment = value.toObject();
            result.insert(assignment.value(QLatin1String("principalId")).toString(),
                assignment.value(QLatin1String("id")).toString());
        }
    }
    return result;
}

QString CliRolloutSession::groupId(const QString& displayName) const
{
    for (const tbsandbox::GroupRecord& group : server->world().tenantByIdOrDomain(kContoso)->groups()) {
        if (group.properties.value(QLatin1String("displayName")).toString() == displayName) {
            return group.id.toString(QUuid::WithoutBraces);
        }
    }
    FAIL("Contoso has no group " << displayName.toStdString());
    return {};
}

QString CliRolloutSession::sourceAdmin() const
{
    const tbsandbox::TenantState* contoso = server->world().tenantByIdOrDomain(kContoso);
    return contoso->users().at(static_cast<size_t>(contoso->defaultSignInIndex())).userPrincipalName;
}

void CliRolloutSession::revokeSourceAdmin() const
{
    const SignInTestSupport::Answer answer = SignInTestSupport::revoke(server->baseUrl(), kContoso, sourceAdmin());
    INFO(QJsonDocument(answer.json).toJson().toStdString());
    REQUIRE(answer.status == 200);
    REQUIRE(answer.json.value(QLatin1String("revokedRefreshTokens")).toInt() >= 1);
}

sync::RolloutPlan CliRolloutSession::storedPlan() const
{
    const QString path = databasePath();
    REQUIRE_FALSE(path.isEmpty());
    store::Database database(path);
    REQUIRE_FALSE(database.open().has_value());
    sync::RolloutStore rollouts(database);
    const auto latest = rollouts.latest(servicePrincipalId);
    REQUIRE(std::holds_alternative<std::optional<sync::RolloutPlan>>(latest));
    REQUIRE(std::get<std::optional<sync::RolloutPlan>>(latest).has_value());
    return *std::get<std::optional<sync::RolloutPlan>>(latest);
}

QList<store::JournalEntry> CliRolloutSession::journal(const QString& rolloutId) const
{
    const QString path = databasePath();
    REQUIRE_FALSE(path.isEmpty());
    store::Database database(path);
    REQUIRE_FALSE(database.open().has_value());
    store::Journal journal(database);
    const auto rows = journal.entries(rolloutId);
    REQUIRE(std::holds_alternative<QList<store::JournalEntry>>(rows));
    return std::get<QList<store::JournalEntry>>(rows);
}

} // namespace tb::test
