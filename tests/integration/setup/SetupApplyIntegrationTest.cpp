// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/GraphClient.h"
#include "core/graph/endpoints/PolicyEndpoints.h"
#include "core/graph/endpoints/SynchronizationEndpoints.h"
#include "core/setup/PlanRunner.h"
#include "core/setup/SetupPlan.h"
#include "core/setup/SetupStateReader.h"
#include "core/store/Database.h"
#include "core/store/Journal.h"
#include "tests/support/GraphWait.h"
#include "tests/support/SandboxFixture.h"
#include "tests/support/SignalWaiter.h"
#include "tests/support/UnconfiguredPair.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSignalSpy>

#include <memory>
#include <optional>

using tb::graph::GraphClient;
using tb::graph::PolicyEndpoints;
using tb::graph::SynchronizationEndpoints;
using tb::model::DesiredSettings;
using tb::model::Tenant;
using tb::setup::PlanRunner;
using tb::setup::PlanStep;
using tb::setup::SetupPlan;
using tb::setup::SetupState;
using tb::setup::SetupStateReader;
using tb::store::JournalEntry;
using tb::test::SandboxFixture;
using tb::test::SignalWaiter;

namespace {

// The unconfigured pair (tests/support/UnconfiguredPair) with the helpers these tests use.
struct SetupHarness : tb::test::UnconfiguredPair
{
    using UnconfiguredPair::UnconfiguredPair;

    std::optional<SetupState> read(SetupStateReader::Options readOptions = {})
    {
        if (readOptions.configurationDisplayName.isEmpty()) {
            readOptions.configurationDisplayName = desired.configurationDisplayName;
        }
        SetupStateReader reader(*sourceClient, *targetClient);
        QSignalSpy finished(&reader, &SetupStateReader::finished);
        QSignalSpy failed(&reader, &SetupStateReader::failed);
        reader.read(source, target, readOptions);
        if (!SignalWaiter::waitUntil([&] { return finished.size() + failed.size() > 0; })) {
            FAIL("the state reader never finished");
        }
        if (!failed.isEmpty()) {
            FAIL(failed.first().first().toString().toStdString());
        }
        REQUIRE(finished.size() == 1);
        return finished.first().first().value<SetupState>();
    }

    SetupPlan plan(const SetupState& state) const
    {
        return SetupPlan::build(desired, state.targetSide, state.sourceSide, state.configuration, source.id, target.id);
    }

    // Waits for the runner's one finished signal.
    static PlanRunner::Result wait(QSignalSpy& finished)
    {
        if (!SignalWaiter::waitForCount(finished)) {
            FAIL("the plan runner never finished");
        }
        REQUIRE(finished.size() == 1);
        return finished.first().first().value<PlanRunner::Result>();
    }

    PlanRunner::Result apply(const SetupState& state, PlanRunner::Settings settings = runnerSettings())
    {
        PlanRunner runner(*sourceClient, *targetClient, *journal, settings);
        QSignalSpy finished(&runner, &PlanRunner::finished);
        REQUIRE_FALSE(runner.start(desired, state).isEmpty());
        return wait(finished);
    }

    // GET /_sandbox/stats: the tenant's "crossTenant" counts.
    QJsonObject crossTenantCounts(const QString& tenantId)
    {
        QUrl url = fixture.sandboxUrl();
        url.setPath(QStringLiteral("/_sandbox/stats"));
        QPointer<QNetworkReply> reply = statsNetwork.get(QNetworkRequest(url));
        REQUIRE(SignalWaiter::waitUntil([&] { return reply.isNull() || reply->isFinished(); }));
        const QJsonObject stats = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return stats.value(QStringLiteral("tenants"))
            .toObject()
            .value(tenantId)
            .toObject()
            .value(QStringLiteral("crossTenant"))
            .toObject();
    }

    QList<JournalEntry> rows(const QString& runId) const
    {
        auto entries = journal->entries(runId);
        REQUIRE(std::holds_alternative<QList<JournalEntry>>(entries));
        return std::get<QList<JournalEntry>>(entries);
    }
};

int count(const QJsonObject& counts, const char* key)
{
    return counts.value(QLatin1String(key)).toInt(-1);
}

// How many more the sandbox holds than before (the seeds may hold partners of other tenants).
int added(const QJsonObject& after, const QJsonObject& before, const char* key)
{
    return count(after, key) - count(before, key);
}

const PlanRunner::StepResult* stepResult(const PlanRunner::Result& result, const char* stepId)
{
    for (const PlanRunner::StepResult& step : result.steps) {
        if (step.stepId == QLatin1String(stepId)) {
            return &step;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("Applying the plan sets up an unconfigured pair completely, and a second apply sends nothing",
    "[integration][setup]")
{
    SetupHarness harness;
    const std::optional<SetupState> before = harness.read();
    REQUIRE(before);
    CHECK_FALSE(before->targetSide.partnerExists);
    CHECK_FALSE(before->sourceSide.partnerExists);
    CHECK_FALSE(before->configuration.has_value());
    REQUIRE(harness.plan(*before).pendingSteps().size() == 9);
    const QJsonObject sourceBefore = harness.crossTenantCounts(harness.source.id);
    const QJsonObject targetBefore = harness.crossTenantCounts(harness.target.id);
    REQUIRE(count(sourceBefore, "servicePrincipals") == 0);

    const PlanRunner::Result result = harness.apply(*before);
    INFO(result.message.toStdString());
    REQUIRE(result.outcome == PlanRunner::Outcome::Succeeded);
    REQUIRE(result.steps.size() == 9);
    for (const PlanRunner::StepResult& step : result.steps) {
        INFO(step.stepId.toStdString());
        CHECK(step.sent);
        CHECK(step.httpStatus / 100 == 2);
        CHECK_FALSE(step.requestId.isEmpty());
    }

    const std::optional<SetupState> after = harness.read();
    REQUIRE(after);
    CHECK(after->targetSide.isUserSyncInboundOn());
    CHECK(after->targetSide.isInboundAutoRedeemOn());
    CHECK(after->sourceSide.isOutboundAutoRedeemOn());
    REQUIRE(after->configuration.has_value());
    CHECK(after->configuration->displayName == harness.desired.configurationDisplayName);
    CHECK(after->configuration->hasJob());
    CHECK(after->otherConfigurations.isEmpty());

    const QJsonObject sourceCounts = harness.crossTenantCounts(harness.source.id);
    const QJsonObject targetCounts = harness.crossTenantCounts(harness.target.id);
    CHECK(added(targetCounts, targetBefore, "partners") == 1);
    CHECK(added(targetCounts, targetBefore, "identitySynchronizations") == 1);
    CHECK(added(sourceCounts, sourceBefore, "partners") == 1);
    CHECK(added(sourceCounts, sourceBefore, "servicePrincipals") == 1);
    CHECK(added(sourceCounts, sourceBefore, "applications") == 1);
    CHECK(added(sourceCounts, sourceBefore, "synchronizationJobs") == 1);

    // The journal: the run's first row carries what a resume needs, every sent step has intent and outcome.
    const QList<JournalEntry> rows = harness.rows(result.runId);
    REQUIRE(rows.size() == 1 + 9 * 2 + 1);
    CHECK(rows.first().stepKey == QStringLiteral("run"));
    CHECK(rows.first().phase == JournalEntry::Phase::Intent);
    const QJsonObject detail = QJsonDocument::fromJson(rows.first().detail.toUtf8()).object();
    CHECK(detail.value(QStringLiteral("configurationDisplayName")).toString()
        == harness.desired.configurationDisplayName);
    CHECK(Tenant::fromJson(detail.value(QStringLiteral("source")).toObject()).id == harness.source.id);
    CHECK(Tenant::fromJson(detail.value(QStringLiteral("target")).toObject()).id == harness.target.id);
    CHECK(DesiredSettings::fromJson(detail.value(QStringLiteral("desired")).toObject()) == harness.desired);
    CHECK(rows.at(1).stepKey == QLatin1String(PlanStep::kTargetPartner));
    CHECK(rows.at(1).phase == JournalEntry::Phase::Intent);
    CHECK(rows.at(1).method == QStringLiteral("POST"));
    CHECK(rows.at(2).phase == JournalEntry::Phase::Done);
    CHECK(rows.at(2).httpStatus == 201);
    CHECK_FALSE(rows.at(2).requestId.isEmpty());
    CHECK(rows.last().stepKey == QStringLiteral("run"));
    CHECK(rows.last().phase == JournalEntry::Phase::Done);
    CHECK(PlanRunner::interruptedRuns(*harness.journal, harness.source.id, harness.target.id).isEmpty());

    // Idempotent: built again, nothing is left; applied again, nothing reaches the sandbox.
    CHECK(harness.plan(*after).isEmpty());
    const qint64 seqBefore = harness.fixture.lastSeq();
    const PlanRunner::Result again = harness.apply(*after);
    CHECK(again.outcome == PlanRunner::Outcome::Succeeded);
    for (const PlanRunner::StepResult& step : again.steps) {
        CHECK_FALSE(step.sent);
    }
    CHECK(harness.fixture.requestLog(seqBefore).isEmpty());
    CHECK(count(harness.crossTenantCounts(harness.source.id), "servicePrincipals") == 1);
}

TEST_CASE("A partner created behind the runner's back counts as done", "[integration][setup]")
{
    SetupHarness harness;
    const std::optional<SetupState> before = harness.read();
    REQUIRE(before);
    const QJsonObject targetBefore = harness.crossTenantCounts(harness.target.id);
    // Someone adds the partner in the target between the read and the apply.
    const auto created
        = tb::test::GraphWait::response(PolicyEndpoints(*harness.targetClient).createPartner(harness.source.id));
    REQUIRE(created);
    REQUIRE(created->isSuccess());

    const PlanRunner::Result result = harness.apply(*before);
    INFO(result.message.toStdString());
    REQUIRE(result.outcome == PlanRunner::Outcome::Succeeded);
    const PlanRunner::StepResult* partner = stepResult(result, PlanStep::kTargetPartner);
    REQUIRE(partner != nullptr);
    CHECK(partner->sent);
    CHECK(partner->httpStatus == 409);
    CHECK(added(harness.crossTenantCounts(harness.target.id), targetBefore, "partners") == 1);
    const std::optional<SetupState> after = harness.read();
    REQUIRE(after);
    CHECK(harness.plan(*after).isEmpty());
}

TEST_CASE("Applying waits out the propagation of the new service principal", "[integration][setup]")
{
    SetupHarness harness(1500);
    const std::optional<SetupState> before = harness.read();
    REQUIRE(before);
    PlanRunner runner(*harness.sourceClient, *harness.targetClient, *harness.journal, SetupHarness::runnerSettings());
    QSignalSpy finished(&runner, &PlanRunner::finished);
    QSignalSpy progress(&runner, &PlanRunner::progressMessage);
    REQUIRE_FALSE(runner.start(harness.desired, *before).isEmpty());
    const PlanRunner::Result result = SetupHarness::wait(finished);
    INFO(result.message.toStdString());
    REQUIRE(result.outcome == PlanRunner::Outcome::Succeeded);
    CHECK(progress.size() > 0);
    const QJsonObject counts = harness.crossTenantCounts(harness.source.id);
    CHECK(count(counts, "servicePrincipals") == 1);
    CHECK(count(counts, "synchronizationJobs") == 1);
}

TEST_CASE("Resuming a run cut off during instantiate creates no second configuration", "[integration][setup]")
{
    SetupHarness harness(800);
    const QString runId = QStringLiteral("crashed-run");
    // What a run leaves behind when the process dies after sending instantiate: the run row and the intent.
    JournalEntry runRow;
    runRow.runId = runId;
    runRow.stepKey = QStringLiteral("run");
    runRow.tenantId = harness.source.id;
    runRow.detail = QString::fromUtf8(QJsonDocument(
        QJsonObject {{QStringLiteral("desired"), harness.desired.toJson()},
            {QStringLiteral("source"), harness.source.toJson()}, {QStringLiteral("target"), harness.target.toJson()},
            {QStringLiteral("configurationDisplayName"), harness.desired.configurationDisplayName}})
                                          .toJson(QJsonDocument::Compact));
    REQUIRE(std::holds_alternative<qint64>(harness.journal->record(runRow)));
    JournalEntry instantiate;
    instantiate.runId = runId;
    instantiate.stepKey = QLatin1String(PlanStep::kSourceConfiguration);
    instantiate.tenantId = harness.source.id;
    instantiate.method = QStringLiteral("POST");
    REQUIRE(std::holds_alternative<qint64>(harness.journal->record(instantiate)));
    // Another pair's interrupted run is not offered for this pair.
    JournalEntry otherRun = runRow;
    otherRun.runId = QStringLiteral("other-pair");
    otherRun.detail = QString::fromUtf8(
        QJsonDocument(QJsonObject {{QStringLiteral("source"), harness.source.toJson()},
                          {QStringLiteral("target"), QJsonObject {{QStringLiteral("id"), QStringLiteral("other")}}}})
            .toJson(QJsonDocument::Compact));
    REQUIRE(std::holds_alternative<qint64>(harness.journal->record(otherRun)));
    // The request did reach the sandbox: the configuration exists (and is still propagating).
    const auto created = tb::test::GraphWait::response(
        SynchronizationEndpoints(*harness.sourceClient).instantiate(harness.desired.configurationDisplayName));
    REQUIRE(created);
    REQUIRE(created->isSuccess());

    CHECK(PlanRunner::interruptedRuns(*harness.journal, harness.source.id, harness.target.id) == QStringList {runId});
    PlanRunner runner(*harness.sourceClient, *harness.targetClient, *harness.journal, SetupHarness::runnerSettings());
    QSignalSpy finished(&runner, &PlanRunner::finished);
    runner.resume(runId, harness.source, harness.target);
    const PlanRunner::Result result = SetupHarness::wait(finished);
    INFO(result.message.toStdString());
    REQUIRE(result.outcome == PlanRunner::Outcome::Succeeded);
    CHECK(result.runId == runId);
    const PlanRunner::StepResult* configuration = stepResult(result, PlanStep::kSourceConfiguration);
    REQUIRE(configuration != nullptr);
    CHECK_FALSE(configuration->sent);

    const QJsonObject counts = harness.crossTenantCounts(harness.source.id);
    CHECK(count(counts, "servicePrincipals") == 1);
    CHECK(count(counts, "applications") == 1);
    CHECK(count(counts, "synchronizationJobs") == 1);
    CHECK(PlanRunner::interruptedRuns(*harness.journal, harness.source.id, harness.target.id).isEmpty());
    CHECK(harness.rows(runId).last().phase == JournalEntry::Phase::Done);
}

TEST_CASE("Cancelling between steps stops the run and the journal says so", "[integration][setup]")
{
    SetupHarness harness;
    const std::optional<SetupState> before = harness.read();
    REQUIRE(before);
    const QJsonObject sourceBefore = harness.crossTenantCounts(harness.source.id);
    const QJsonObject targetBefore = harness.crossTenantCounts(harness.target.id);
    PlanRunner runner(*harness.sourceClient, *harness.targetClient, *harness.journal, SetupHarness::runnerSettings());
    QSignalSpy finished(&runner, &PlanRunner::finished);
    QObject::connect(&runner, &PlanRunner::stepFinished, &runner, [&runner] { runner.cancel(); });
    const QString runId = runner.start(harness.desired, *before);
    const PlanRunner::Result result = SetupHarness::wait(finished);
    CHECK(result.outcome == PlanRunner::Outcome::Cancelled);
    REQUIRE(result.steps.size() == 1);
    CHECK(result.steps.first().stepId == QLatin1String(PlanStep::kTargetPartner));
    const QJsonObject targetAfter = harness.crossTenantCounts(harness.target.id);
    CHECK(added(targetAfter, targetBefore, "partners") == 1);
    CHECK(added(targetAfter, targetBefore, "identitySynchronizations") == 0);
    CHECK(added(harness.crossTenantCounts(harness.source.id), sourceBefore, "partners") == 0);

    const QList<JournalEntry> rows = harness.rows(runId);
    REQUIRE_FALSE(rows.isEmpty());
    CHECK(rows.last().stepKey == QStringLiteral("run"));
    CHECK(rows.last().phase == JournalEntry::Phase::Failed);
    CHECK(rows.last().detail.startsWith(QStringLiteral("Cancelled")));
    CHECK(PlanRunner::interruptedRuns(*harness.journal, harness.source.id, harness.target.id).isEmpty());
}

TEST_CASE("A connection test that fails for lack of auto-redemption names the missing setting", "[integration][setup]")
{
    SetupHarness harness;
    harness.desired.targetInboundAutoRedeem = false;
    const std::optional<SetupState> before = harness.read();
    REQUIRE(before);
    const PlanRunner::Result result = harness.apply(*before);
    CHECK(result.outcome == PlanRunner::Outcome::Failed);
    CHECK(result.failedStepId == QLatin1String(PlanStep::kSourceValidateCredentials));
    INFO(result.message.toStdString());
    CHECK(result.message.contains(QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure")));
    CHECK(result.message.contains(QStringLiteral("automatic redemption in %1").arg(harness.target.displayName)));
    const PlanRunner::StepResult* validate = stepResult(result, PlanStep::kSourceValidateCredentials);
    REQUIRE(validate != nullptr);
    CHECK(validate->httpStatus == 400);
    const QList<JournalEntry> rows = harness.rows(result.runId);
    CHECK(rows.last().phase == JournalEntry::Phase::Failed);
    CHECK(rows.at(rows.size() - 2).stepKey == QLatin1String(PlanStep::kSourceValidateCredentials));
    CHECK(rows.at(rows.size() - 2).phase == JournalEntry::Phase::Failed);
}

TEST_CASE("A user-sync policy created behind the runner's back is changed with the alternative request",
    "[integration][setup]")
{
    SetupHarness harness;
    const std::optional<SetupState> before = harness.read();
    REQUIRE(before);
    const PolicyEndpoints targetPolicy(*harness.targetClient);
    const auto partner = tb::test::GraphWait::response(targetPolicy.createPartner(harness.source.id));
    REQUIRE(partner);
    REQUIRE(partner->isSuccess());
    const auto policy = tb::test::GraphWait::response(
        targetPolicy.createIdentitySynchronization(harness.source.id, QString(), false));
    REQUIRE(policy);
    REQUIRE(policy->isSuccess());

    const PlanRunner::Result result = harness.apply(*before);
    INFO(result.message.toStdString());
    REQUIRE(result.outcome == PlanRunner::Outcome::Succeeded);
    QStringList userSyncRows;
    for (const JournalEntry& row : harness.rows(result.runId)) {
        if (row.stepKey == QLatin1String(PlanStep::kTargetUserSync)) {
            userSyncRows.append(
                QStringLiteral("%1 %2 %3").arg(JournalEntry::phaseName(row.phase), row.method).arg(row.httpStatus));
        }
    }
    CHECK(userSyncRows
        == QStringList {QStringLiteral("intent PUT 0"), QStringLiteral("failed  409"), QStringLiteral("intent PATCH 0"),
            QStringLiteral("done  204")});
    const std::optional<SetupState> after = harness.read();
    REQUIRE(after);
    CHECK(after->targetSide.isUserSyncInboundOn());
}

TEST_CASE("A read that is refused names the tenant and what could not be read", "[integration][setup]")
{
    SetupHarness harness;
    REQUIRE(harness.fixture.putFaults(QJsonObject {{QStringLiteral("errors"),
        QJsonArray {QJsonObject {
            {QStringLiteral("pathPattern"),
                QStringLiteral("/%1/v1.0/policies/crossTenantAccessPolicy/partners/*").arg(harness.target.id)},
            {QStringLiteral("status"), 403}}}}}));
    SetupStateReader reader(*harness.sourceClient, *harness.targetClient);
    QSignalSpy finished(&reader, &SetupStateReader::finished);
    QSignalSpy failed(&reader, &SetupStateReader::failed);
    SetupStateReader::Options options;
    options.configurationDisplayName = harness.desired.configurationDisplayName;
    reader.read(harness.source, harness.target, options);
    REQUIRE(SignalWaiter::waitForCount(failed));
    CHECK(finished.isEmpty());
    CHECK_FALSE(reader.isReading());
    const QString message = failed.first().at(0).toString();
    INFO(message.toStdString());
    CHECK(message.contains(QStringLiteral("cross-tenant access settings of %1").arg(harness.target.displayName)));
    CHECK(failed.first().at(1).value<tb::graph::GraphError>().kind() == tb::graph::GraphError::Kind::AccessDenied);
}
