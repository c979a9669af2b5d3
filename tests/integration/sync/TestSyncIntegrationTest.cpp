// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/GraphClient.h"
#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/endpoints/SynchronizationSchemaEndpoints.h"
#include "core/model/SynchronizationSchema.h"
#include "core/sync/ErrorCatalogue.h"
#include "core/sync/TestSync.h"
#include "core/sync/TestSyncStore.h"
#include "tests/support/ConfiguredPair.h"
#include "tests/support/GraphWait.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>

#include <iostream>
#include <memory>

using tb::graph::GraphRequest;
using tb::graph::GraphResponse;
using tb::graph::SynchronizationSchemaEndpoints;
using tb::model::SynchronizationSchema;
using tb::sync::TestSync;
using tb::sync::TestSyncOutcome;
using tb::sync::UserPreview;
using tb::test::GraphWait;
using tb::test::SignalWaiter;
using Verdict = TestSyncOutcome::Verdict;

namespace {

const QString kAdele = QStringLiteral("adele.vance@contoso.onmicrosoft.com");
const QString kZainab = QStringLiteral("zainab.okafor@contoso.onmicrosoft.com"); // an accepted guest in Fabrikam

// The configured pair of tests/support with cycles only on request so nothing syncs behind the test's back
// (provisionOnDemand keeps the service's limit: 5 per 10 s per job), plus its TestSync store.
struct TestSyncPair : tb::test::ConfiguredPair
{
    TestSyncPair()
        : ConfiguredPair(onDemandCycles())
        , store(std::make_unique<tb::sync::TestSyncStore>(*database))
    { }

    [[nodiscard]] QJsonObject get(tb::graph::GraphClient& client, const GraphRequest& request) const
    {
        const auto response = GraphWait::response(client.send(request));
        REQUIRE(response.has_value());
        INFO(response->error().userMessage().toStdString());
        REQUIRE(response->isSuccess());
        return response->json();
    }

    [[nodiscard]] QJsonObject sourceUser(const QString& upn) const
    {
        return get(*sourceClient,
            GraphRequest::get(QStringLiteral("/users/") + GraphRequest::pathSegment(upn))
                .addQueryItem(QStringLiteral("$select"),
                    QStringLiteral(
                        "id,userPrincipalName,displayName,mail,department,jobTitle,userType,accountEnabled")));
    }

    // Hides ConfiguredPair's: only the fields this test reads, through get() (which REQUIREs success).
    [[nodiscard]] QList<QJsonObject> targetUsersWithMail(const QString& mail) const
    {
        QList<QJsonObject> users;
        const QJsonObject page = get(*targetClient,
            GraphRequest::get(QStringLiteral("/users"))
                .addQueryItem(QStringLiteral("$filter"), QStringLiteral("mail eq '%1'").arg(mail))
                .addQueryItem(QStringLiteral("$select"), QStringLiteral("id,userType,creationType,mail")));
        for (const QJsonValue& value : page.value(QLatin1String("value")).toArray()) {
            users.append(value.toObject());
        }
        return users;
    }

    // What the default schema predicts for a user, written by hand: displayName, mail and department flow as they
    // are in Contoso (plus jobTitle when asked).
    [[nodiscard]] UserPreview previewOf(const QString& upn, bool withJobTitle = false) const
    {
        const QJsonObject user = sourceUser(upn);
        UserPreview preview;
        preview.sourceUserId = user.value(QLatin1String("id")).toString();
        preview.userPrincipalName = user.value(QLatin1String("userPrincipalName")).toString();
        preview.displayName = user.value(QLatin1String("displayName")).toString();
        preview.mail = user.value(QLatin1String("mail")).toString();
        preview.hasP1 = true;
        preview.inScope = true;
        preview.match = UserPreview::Match::New;
        preview.action = UserPreview::Action::Create;
        QStringList names {QStringLiteral("displayName"), QStringLiteral("mail"), QStringLiteral("department")};
        if (withJobTitle) {
            names.append(QStringLiteral("jobTitle"));
        }
        for (const QString& name : names) {
            UserPreview::Attribute attribute;
            attribute.name = name;
            attribute.expression = QStringLiteral("[%1]").arg(name);
            attribute.predicted = user.value(name).toString();
            attribute.hasPrediction = true;
            attribute.changes = true;
            preview.attributes.append(attribute);
        }
        return preview;
    }

    struct Run
    {
        QString runId;
        QList<TestSyncOutcome> outcomes;
        int progressSignals = 0;
        int userSignals = 0;
    };

    [[nodiscard]] Run run(const QList<UserPreview>& users, const QStringList& required = {}, int concurrency = 2)
    {
        TestSync testSync(*sourceClient, *targetClient, store.get());
        QSignalSpy finished(&testSync, &TestSync::finished);
        QSignalSpy failed(&testSync, &TestSync::failed);
        QSignalSpy progress(&testSync, &TestSync::progress);
        QSignalSpy userFinished(&testSync, &TestSync::userFinished);
        TestSync::Request request;
        request.servicePrincipalId = servicePrincipalId;
        request.jobId = jobId;
        request.sourceTenantId = sourceTenantId;
        request.targetTenantId = targetTenantId;
        request.users = users;
        request.requiredAttributes = required;
        request.concurrency = concurrency;
        REQUIRE(testSync.start(request));
        CHECK_FALSE(testSync.start(request)); // once
        REQUIRE(SignalWaiter::waitUntil([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 120000));
        INFO((failed.isEmpty() ? QString() : failed.first().first().toString()).toStdString());
        REQUIRE(failed.isEmpty());
        REQUIRE(finished.size() == 1);
        Run result;
        result.runId = finished.first().at(0).toString();
        result.outcomes = finished.first().at(1).value<QList<TestSyncOutcome>>();
        result.progressSignals = static_cast<int>(progress.size());
        result.userSignals = static_cast<int>(userFinished.size());
        return result;
    }

    std::unique_ptr<tb::sync::TestSyncStore> store;
};

const TestSyncOutcome* outcomeOf(const QList<TestSyncOutcome>& outcomes, const QString& upn)
{
    for (const TestSyncOutcome& outcome : outcomes) {
        if (outcome.userPrincipalName.compare(upn, Qt::CaseInsensitive) == 0) {
            return &outcome;
        }
    }
    return nullptr;
}

QString describe(const QList<TestSyncOutcome>& outcomes)
{
    QString text;
    for (const TestSyncOutcome& outcome : outcomes) {
        text += outcome.userPrincipalName + QStringLiteral(": ") + TestSyncOutcome::verdictName(outcome.verdict)
            + QStringLiteral(" — ") + outcome.summary() + QStringLiteral(" [") + outcome.explanation
            + QStringLiteral("]\n");
        for (const auto& difference : outcome.differences) {
            text += QStringLiteral("   %1: %2 / %3\n")
                        .arg(difference.attribute, difference.predicted, difference.actual);
        }
        for (const auto& step : outcome.timeline) {
            text += QStringLiteral("   | ") + step.text + QLatin1Char('\n');
        }
    }
    return text;
}

int countAssignmentPosts(const QList<tb::test::SandboxLogEntry>& log)
{
    int posts = 0;
    for (const auto& entry : log) {
        if (entry.method == QLatin1String("POST") && entry.path().endsWith(QLatin1String("/appRoleAssignedTo"))) {
            ++posts;
        }
    }
    return posts;
}

} // namespace

TEST_CASE("TestSync assigns, provisions and confirms Adele (new) and Zainab (existing guest)", "[integration][sync]")
{
    TestSyncPair pair;
    UserPreview adele = pair.previewOf(kAdele);
    UserPreview zainab = pair.previewOf(kZainab);
    const QList<QJsonObject> guests = pair.targetUsersWithMail(zainab.mail);
    REQUIRE(guests.size() == 1);
    zainab.match = UserPreview::Match::ExistingGuest;
    zainab.action = UserPreview::Action::Update;
    zainab.targetUserId = guests.first().value(QLatin1String("id")).toString();
    REQUIRE(pair.targetUsersWithMail(adele.mail).isEmpty());

    const qint64 since = pair.fixture.lastSeq();
    const TestSyncPair::Run run = pair.run({adele, zainab}, {QStringLiteral("displayName"), QStringLiteral("mail")});
    INFO(describe(run.outcomes).toStdString());
    REQUIRE(run.outcomes.size() == 2);
    CHECK(run.userSignals == 2);
    CHECK(run.progressSignals >= 2);

    // Assigned in one $batch: exactly one POST per user.
    const auto log = pair.fixture.requestLog(since);
    CHECK(countAssignmentPosts(log) == 2);
    const QJsonObject assignments = pair.get(*pair.sourceClient,
        GraphRequest::get(QStringLiteral("/servicePrincipals/%1/appRoleAssignedTo").arg(pair.servicePrincipalId)));
    QStringList principals;
    for (const QJsonValue& value : assignments.value(QLatin1String("value")).toArray()) {
        principals.append(value.toObject().value(QLatin1String("principalId")).toString());
    }
    CHECK(principals.count(adele.sourceUserId) == 1);
    CHECK(principals.count(zainab.sourceUserId) == 1);

    const TestSyncOutcome* adeleOutcome = outcomeOf(run.outcomes, kAdele);
    REQUIRE(adeleOutcome != nullptr);
    CHECK(adeleOutcome->verdict == Verdict::AsPredicted);
    CHECK(adeleOutcome->serviceAction == QStringLiteral("create"));
    CHECK(adeleOutcome->assignedByTestSync);
    CHECK(adeleOutcome->missingRequired.isEmpty());
    CHECK(adeleOutcome->summary() == QStringLiteral("created with all the attributes you need"));
    CHECK_FALSE(adeleOutcome->timeline.isEmpty());
    const QList<QJsonObject> created = pair.targetUsersWithMail(adele.mail);
    REQUIRE(created.size() == 1); // Adele now exists in Fabrikam
    CHECK(adeleOutcome->targetUserId == created.first().value(QLatin1String("id")).toString());

    const TestSyncOutcome* zainabOutcome = outcomeOf(run.outcomes, kZainab);
    REQUIRE(zainabOutcome != nullptr);
    CHECK(zainabOutcome->verdict == Verdict::AsPredicted);
    CHECK(zainabOutcome->targetUserId == zainab.targetUserId); // taken over, not a second account
    CHECK(pair.targetUsersWithMail(zainab.mail).size() == 1);

    // The run is kept.
    const auto runs = std::get<QList<tb::sync::TestSyncRun>>(pair.store->runs());
    REQUIRE(runs.size() == 1);
    CHECK(runs.first().id == run.runId);
    CHECK(runs.first().finishedAt.isValid());
    CHECK(runs.first().summary == QStringLiteral("2 as predicted"));
    const auto stored = std::get<QList<TestSyncOutcome>>(pair.store->outcomes(run.runId));
    CHECK(stored == run.outcomes);

    // Testing Adele again: she is assigned now, nothing is posted, and the service finds nothing to do.
    adele.assigned = true;
    adele.match = UserPreview::Match::Linked;
    adele.targetUserId = adeleOutcome->targetUserId;
    adele.action = UserPreview::Action::NoChange;
    const qint64 again = pair.fixture.lastSeq();
    const TestSyncPair::Run second = pair.run({adele});
    INFO(describe(second.outcomes).toStdString());
    CHECK(countAssignmentPosts(pair.fixture.requestLog(again)) == 0);
    REQUIRE(second.outcomes.size() == 1);
    CHECK(second.outcomes.first().verdict == Verdict::AsPredicted);
    CHECK_FALSE(second.outcomes.first().assignedByTestSync);
    CHECK(std::get<QList<tb::sync::TestSyncRun>>(pair.store->runs()).first().id == second.runId); // newest first

    // A stale preview that still thinks Adele unassigned: the duplicate assignment is refused, which is fine.
    adele.assigned = false;
    const qint64 stale = pair.fixture.lastSeq();
    const TestSyncPair::Run third = pair.run({adele});
    INFO(describe(third.outcomes).toStdString());
    CHECK(countAssignmentPosts(pair.fixture.requestLog(stale)) == 1);
    REQUIRE(third.outcomes.size() == 1);
    CHECK(third.outcomes.first().verdict == Verdict::AsPredicted);
    CHECK_FALSE(third.outcomes.first().assignedByTestSync);
}

TEST_CASE(
    "TestSync reports a changed mapping as a difference and an injected error as a failure", "[integration][sync]")
{
    TestSyncPair pair;
    // The administrator's mapping now writes jobTitle from the constant "Contractor"; the preview (made before)
    // still expects the source's jobTitle.
    auto schemaResponse = GraphWait::response(
        SynchronizationSchemaEndpoints(*pair.sourceClient).getSchema(pair.servicePrincipalId, pair.jobId));
    REQUIRE(schemaResponse.has_value());
    auto schema = SynchronizationSchemaEndpoints::parseSchema(*schemaResponse);
    REQUIRE(schema.has_value());
    const auto userMapping = schema->userMapping();
    REQUIRE(userMapping.has_value());
    auto jobTitle = userMapping->mappingFor(QStringLiteral("jobTitle"));
    REQUIRE(jobTitle.has_value());
    jobTitle->source = SynchronizationSchema::AttributeMappingSource::constant(QStringLiteral("Contractor"));
    REQUIRE(schema->setAttributeMapping(schema->userRuleId(), userMapping->name, *jobTitle));
    const auto put = GraphWait::response(
        SynchronizationSchemaEndpoints(*pair.sourceClient).putSchema(pair.servicePrincipalId, pair.jobId, *schema));
    REQUIRE(put.has_value());
    INFO(put->error().userMessage().toStdString());
    REQUIRE(put->isSuccess());

    const UserPreview adele = pair.previewOf(kAdele, true);
    REQUIRE(adele.attribute(QStringLiteral("jobTitle")) != nullptr);
    REQUIRE(adele.attribute(QStringLiteral("jobTitle"))->predicted != QStringLiteral("Contractor"));

    // Another user fails every export with a code the catalogue explains.
    const QString failing = QStringLiteral("christie.hubert@contoso.onmicrosoft.com");
    const UserPreview christie = pair.previewOf(failing);
    REQUIRE_FALSE(christie.sourceUserId.isEmpty());
    REQUIRE(pair.fixture.injectUserErrors({failing}, QStringLiteral("AzureActiveDirectoryQuotaLimitExceeded")));

    const TestSyncPair::Run run = pair.run({adele, christie}, {QStringLiteral("jobTitle")});
    INFO(describe(run.outcomes).toStdString());
    REQUIRE(run.outcomes.size() == 2);

    const TestSyncOutcome* adeleOutcome = outcomeOf(run.outcomes, kAdele);
    REQUIRE(adeleOutcome != nullptr);
    CHECK(adeleOutcome->verdict == Verdict::Differs);
    REQUIRE(adeleOutcome->differences.size() == 1);
    CHECK(adeleOutcome->differences.first().attribute == QStringLiteral("jobTitle"));
    CHECK(adeleOutcome->differences.first().predicted == adele.attribute(QStringLiteral("jobTitle"))->predicted);
    CHECK(adeleOutcome->differences.first().actual == QStringLiteral("Contractor"));
    CHECK(adeleOutcome->summary().endsWith(QStringLiteral("differs from the preview in jobTitle")));

    const TestSyncOutcome* christieOutcome = outcomeOf(run.outcomes, failing);
    REQUIRE(christieOutcome != nullptr);
    CHECK(christieOutcome->verdict == Verdict::Failed);
    CHECK(christieOutcome->errorCode == QStringLiteral("AzureActiveDirectoryQuotaLimitExceeded"));
    const auto explanation
        = tb::sync::ErrorCatalogue::builtIn().explainError(QStringLiteral("AzureActiveDirectoryQuotaLimitExceeded"));
    CHECK(christieOutcome->explanation == explanation.meaning + QStringLiteral(" — ") + explanation.action);
    CHECK(christieOutcome->assignedByTestSync); // the assignment stays even though the export failed
    CHECK(pair.targetUsersWithMail(christie.mail).isEmpty());
    CHECK(std::get<QList<tb::sync::TestSyncRun>>(pair.store->runs()).first().summary
        == QStringLiteral("1 differs, 1 failed"));
}

TEST_CASE("TestSync of six users at concurrency 2 finishes under the 5-per-10-s limit", "[integration][sync]")
{
    TestSyncPair pair;
    // Six enabled internal members with a mail that Fabrikam does not know yet.
    const QJsonObject page = pair.get(*pair.sourceClient,
        GraphRequest::get(QStringLiteral("/users"))
            .addQueryItem(
                QStringLiteral("$select"), QStringLiteral("id,userPrincipalName,mail,userType,accountEnabled"))
            .addQueryItem(QStringLiteral("$top"), QStringLiteral("60")));
    QList<UserPreview> users;
    for (const QJsonValue& value : page.value(QLatin1String("value")).toArray()) {
        const QJsonObject user = value.toObject();
        const QString upn = user.value(QLatin1String("userPrincipalName")).toString();
        if (users.size() == 6 || upn == kAdele || upn == kZainab
            || user.value(QLatin1String("userType")).toString() != QLatin1String("Member")
            || !user.value(QLatin1String("accountEnabled")).toBool()
            || user.value(QLatin1String("mail")).toString().isEmpty()
            || !pair.targetUsersWithMail(user.value(QLatin1String("mail")).toString()).isEmpty()) {
            continue;
        }
        users.append(pair.previewOf(upn));
    }
    REQUIRE(users.size() == 6);

    const qint64 since = pair.fixture.lastSeq();
    QElapsedTimer clock;
    clock.start();
    const TestSyncPair::Run run = pair.run(users, {}, 2);
    const qint64 elapsedMs = clock.elapsed();
    INFO(describe(run.outcomes).toStdString());
    REQUIRE(run.outcomes.size() == 6);
    for (const TestSyncOutcome& outcome : run.outcomes) {
        CHECK(outcome.verdict == Verdict::AsPredicted);
    }
    int provisionCalls = 0;
    int throttled = 0;
    int maxInFlightSeen = 0;
    const auto log = pair.fixture.requestLog(since);
    for (const auto& entry : log) {
        if (entry.path().endsWith(QLatin1String("/provisionOnDemand"))) {
            ++provisionCalls;
            throttled += entry.status == 429 ? 1 : 0;
        }
    }
    Q_UNUSED(maxInFlightSeen)
    CHECK(provisionCalls == 6 + throttled); // each 429 retried once per refusal, none gave up
    CHECK(throttled >= 1); // the sixth call fell in the first 10 s window
    CHECK(countAssignmentPosts(log) == 6);
    std::cout << "test sync of 6 users, concurrency 2: " << elapsedMs << " ms, " << throttled
              << " provisionOnDemand calls answered 429 and retried\n";
}

TEST_CASE("TestSync cancelled after the first user stops there and keeps the assignments", "[integration][sync]")
{
    TestSyncPair pair;
    const QList<UserPreview> users {pair.previewOf(kAdele),
        pair.previewOf(QStringLiteral("christie.hubert@contoso.onmicrosoft.com")), pair.previewOf(kZainab)};
    TestSync testSync(*pair.sourceClient, *pair.targetClient, pair.store.get());
    QSignalSpy finished(&testSync, &TestSync::finished);
    QObject::connect(&testSync, &TestSync::userFinished, &testSync, [&testSync] { testSync.cancel(); });
    TestSync::Request request;
    request.servicePrincipalId = pair.servicePrincipalId;
    request.jobId = pair.jobId;
    request.users = users;
    request.concurrency = 1;
    REQUIRE(testSync.start(request));
    REQUIRE(SignalWaiter::waitForCount(finished));
    const auto outcomes = finished.first().at(1).value<QList<TestSyncOutcome>>();
    INFO(describe(outcomes).toStdString());
    REQUIRE(outcomes.size() == 3);
    CHECK(outcomes.at(0).userPrincipalName == kAdele);
    CHECK(outcomes.at(0).verdict == Verdict::AsPredicted);
    for (int i = 1; i < 3; ++i) {
        CHECK(outcomes.at(i).verdict == Verdict::Failed);
        CHECK(outcomes.at(i).assignedByTestSync); // assigned before the cancel, and the assignment stays
        CHECK(outcomes.at(i).errorMessage.contains(QStringLiteral("cancelled")));
        CHECK(outcomes.at(i).errorMessage.contains(QStringLiteral("stays")));
        CHECK(outcomes.at(i).timeline.isEmpty()); // never provisioned
    }
    CHECK(pair.targetUsersWithMail(users.at(1).mail).isEmpty());
    const auto runs = std::get<QList<tb::sync::TestSyncRun>>(pair.store->runs());
    REQUIRE(runs.size() == 1);
    CHECK(runs.first().summary == QStringLiteral("1 as predicted, 2 failed (cancelled)"));
}
