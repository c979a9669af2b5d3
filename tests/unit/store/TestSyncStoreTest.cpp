// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/TestSyncStore.h"
#include "core/store/Database.h"
#include "core/store/ProfileSettings.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

using tb::store::Database;
using tb::store::ProfileSettings;
using tb::store::StoreError;
using tb::sync::TestSyncOutcome;
using tb::sync::TestSyncRun;
using tb::sync::TestSyncStore;

namespace {

template <typename T, typename V>
T valueOf(V&& result)
{
    if (const auto* error = std::get_if<StoreError>(&result)) {
        FAIL(error->userMessage().toStdString());
    }
    return std::get<T>(std::forward<V>(result));
}

TestSyncRun makeRun(const QString& id, const QDateTime& startedAt)
{
    TestSyncRun run;
    run.id = id;
    run.startedAt = startedAt;
    run.sourceTenantId = QStringLiteral("source-tenant");
    run.targetTenantId = QStringLiteral("target-tenant");
    run.servicePrincipalId = QStringLiteral("sp-1");
    run.jobId = QStringLiteral("Azure2Azure.x.y");
    run.requiredAttributes = {QStringLiteral("department"), QStringLiteral("mail")};
    return run;
}

TestSyncOutcome makeOutcome(const QString& id, TestSyncOutcome::Verdict verdict)
{
    TestSyncOutcome outcome;
    outcome.sourceUserId = id;
    outcome.userPrincipalName = id + QStringLiteral("@contoso.example");
    outcome.preview.sourceUserId = id;
    outcome.preview.action = tb::sync::UserPreview::Action::Create;
    outcome.verdict = verdict;
    outcome.serviceAction = QStringLiteral("create");
    outcome.serviceStatus = QStringLiteral("success");
    outcome.timeline.append({QStringLiteral("export"), QStringLiteral("success"), QStringLiteral("Export: created"),
        QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC)});
    outcome.differences.append({QStringLiteral("jobTitle"), QStringLiteral("Engineer"), QStringLiteral("Contractor")});
    outcome.missingRequired = {QStringLiteral("department")};
    outcome.assignedByTestSync = true;
    outcome.finishedAt = QDateTime(QDate(2026, 11, 27), QTime(10, 1), Qt::UTC);
    return outcome;
}

} // namespace

TEST_CASE("TestSyncStore keeps runs and their outcomes in the profile's database", "[store][testsync]")
{
    QTemporaryDir directory;
    REQUIRE(directory.isValid());
    const QString path = directory.filePath(QStringLiteral("profile.sqlite"));
    const QDateTime earlier(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC);
    const QDateTime later = earlier.addSecs(60);
    {
        Database database(path);
        REQUIRE_FALSE(database.open().has_value());
        TestSyncStore store(database);
        REQUIRE_FALSE(store.startRun(makeRun(QStringLiteral("run-old"), earlier)).has_value());
        REQUIRE_FALSE(store.startRun(makeRun(QStringLiteral("run-new"), later)).has_value());
        CHECK(store.startRun(makeRun(QStringLiteral("run-new"), later)).has_value()); // the id is taken

        REQUIRE_FALSE(store
                          .saveOutcome(QStringLiteral("run-new"),
                              makeOutcome(QStringLiteral("b"), TestSyncOutcome::Verdict::Differs))
                          .has_value());
        REQUIRE_FALSE(store
                          .saveOutcome(QStringLiteral("run-new"),
                              makeOutcome(QStringLiteral("a"), TestSyncOutcome::Verdict::Failed))
                          .has_value());
        CHECK(store
                  .saveOutcome(
                      QStringLiteral("no-such-run"), makeOutcome(QStringLiteral("a"), TestSyncOutcome::Verdict::Failed))
                  .has_value());
        REQUIRE_FALSE(
            store.finishRun(QStringLiteral("run-new"), later.addSecs(30), QStringLiteral("1 differs, 1 failed"))
                .has_value());
        CHECK(store.finishRun(QStringLiteral("no-such-run"), later, QStringLiteral("x")).has_value());
    }

    // Reopened from the file: everything is there.
    Database database(path);
    REQUIRE_FALSE(database.open().has_value());
    TestSyncStore store(database);
    const auto runs = valueOf<QList<TestSyncRun>>(store.runs());
    REQUIRE(runs.size() == 2);
    CHECK(runs.at(0).id == QStringLiteral("run-new")); // newest first
    CHECK(runs.at(1).id == QStringLiteral("run-old"));
    TestSyncRun expected = makeRun(QStringLiteral("run-new"), later);
    expected.finishedAt = later.addSecs(30);
    expected.summary = QStringLiteral("1 differs, 1 failed");
    CHECK(runs.at(0) == expected);
    CHECK_FALSE(runs.at(1).finishedAt.isValid());

    const auto outcomes = valueOf<QList<TestSyncOutcome>>(store.outcomes(QStringLiteral("run-new")));
    REQUIRE(outcomes.size() == 2);
    CHECK(outcomes.at(0) == makeOutcome(QStringLiteral("b"), TestSyncOutcome::Verdict::Differs)); // saved order
    CHECK(outcomes.at(1) == makeOutcome(QStringLiteral("a"), TestSyncOutcome::Verdict::Failed));
    CHECK(valueOf<QList<TestSyncOutcome>>(store.outcomes(QStringLiteral("run-old"))).isEmpty());

    // Saving a user again replaces its outcome.
    REQUIRE_FALSE(store
                      .saveOutcome(QStringLiteral("run-new"),
                          makeOutcome(QStringLiteral("b"), TestSyncOutcome::Verdict::AsPredicted))
                      .has_value());
    const auto replaced = valueOf<QList<TestSyncOutcome>>(store.outcomes(QStringLiteral("run-new")));
    REQUIRE(replaced.size() == 2);
    CHECK(replaced.at(1).verdict == TestSyncOutcome::Verdict::AsPredicted);
}

TEST_CASE("ProfileSettings keeps values and lists per profile", "[store][settings]")
{
    QTemporaryDir directory;
    REQUIRE(directory.isValid());
    const QString path = directory.filePath(QStringLiteral("profile.sqlite"));
    {
        Database database(path);
        REQUIRE_FALSE(database.open().has_value());
        ProfileSettings settings(database);
        CHECK_FALSE(valueOf<std::optional<QString>>(settings.value(QStringLiteral("nothing"))).has_value());
        CHECK(valueOf<QStringList>(settings.requiredAttributes()) == ProfileSettings::defaultRequiredAttributes());
        CHECK(ProfileSettings::defaultRequiredAttributes()
            == QStringList {QStringLiteral("department"), QStringLiteral("jobTitle"), QStringLiteral("mail")});
        REQUIRE_FALSE(settings.setValue(QStringLiteral("a.key"), QStringLiteral("first")).has_value());
        REQUIRE_FALSE(settings.setValue(QStringLiteral("a.key"), QStringLiteral("second")).has_value());
        REQUIRE_FALSE(
            settings.setRequiredAttributes({QStringLiteral("manager"), QStringLiteral("employeeId")}).has_value());
        CHECK(settings.setValue(QString(), QStringLiteral("x")).has_value());
    }
    Database database(path);
    REQUIRE_FALSE(database.open().has_value());
    ProfileSettings settings(database);
    CHECK(valueOf<std::optional<QString>>(settings.value(QStringLiteral("a.key"))) == QStringLiteral("second"));
    CHECK(valueOf<QStringList>(settings.requiredAttributes())
        == QStringList {QStringLiteral("manager"), QStringLiteral("employeeId")});
    REQUIRE_FALSE(settings.setRequiredAttributes({}).has_value());
    CHECK(valueOf<QStringList>(settings.requiredAttributes()).isEmpty()); // "none" is a choice, not the default
    REQUIRE_FALSE(settings.setValue(ProfileSettings::kRequiredAttributesKey, QStringLiteral("not json")).has_value());
    CHECK(valueOf<QStringList>(settings.requiredAttributes()) == ProfileSettings::defaultRequiredAttributes());
    REQUIRE_FALSE(settings.remove(QStringLiteral("a.key")).has_value());
    CHECK_FALSE(valueOf<std::optional<QString>>(settings.value(QStringLiteral("a.key"))).has_value());
}
