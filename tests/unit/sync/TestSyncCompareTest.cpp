// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/ErrorCatalogue.h"
#include "core/sync/TestSync.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>

using tb::model::ProvisioningLogEntry;
using tb::model::ProvisionOnDemandResult;
using tb::sync::TestSync;
using tb::sync::TestSyncOutcome;
using tb::sync::UserPreview;
using Verdict = TestSyncOutcome::Verdict;

namespace {

UserPreview::Attribute predicted(const QString& name, const QString& value)
{
    UserPreview::Attribute attribute;
    attribute.name = name;
    attribute.expression = QStringLiteral("[%1]").arg(name);
    attribute.predicted = value;
    attribute.hasPrediction = true;
    attribute.flows = true;
    attribute.changes = true;
    return attribute;
}

// Adele of the seeds, new in the target: the preview expects a create with these values.
UserPreview adelePreview()
{
    UserPreview preview;
    preview.sourceUserId = QStringLiteral("src-adele");
    preview.userPrincipalName = QStringLiteral("AdeleV@contoso.example");
    preview.displayName = QStringLiteral("Adele Vance");
    preview.mail = QStringLiteral("AdeleV@contoso.example");
    preview.assigned = true;
    preview.inScope = true;
    preview.match = UserPreview::Match::New;
    preview.action = UserPreview::Action::Create;
    preview.attributes = {predicted(QStringLiteral("displayName"), QStringLiteral("Adele Vance")),
        predicted(QStringLiteral("mail"), QStringLiteral("AdeleV@contoso.example")),
        predicted(QStringLiteral("department"), QStringLiteral("Retail")),
        predicted(QStringLiteral("accountEnabled"), QStringLiteral("True"))};
    UserPreview::Attribute unpreviewable;
    unpreviewable.name = QStringLiteral("jobTitle");
    unpreviewable.note = QStringLiteral("cannot preview this attribute: unknown function Foo");
    preview.attributes.append(unpreviewable);
    UserPreview::Attribute dropped = predicted(QStringLiteral("officeLocation"), QString());
    dropped.flows = false; // IgnoreFlowIfNullOrEmpty
    preview.attributes.append(dropped);
    UserPreview::Attribute guid = predicted(QStringLiteral("mobilePhone"), QStringLiteral("8f1c..."));
    guid.variesOnEachRun = true;
    preview.attributes.append(guid);
    return preview;
}

ProvisioningLogEntry::Step step(const QString& type, const QString& status, const QString& description,
    const QList<QPair<QString, QString>>& details = {})
{
    ProvisioningLogEntry::Step result;
    result.name = QStringLiteral("Entry") + type;
    result.type = type;
    result.status = status;
    result.description = description;
    for (const auto& [key, value] : details) {
        result.details.append({key, value});
    }
    return result;
}

ProvisionOnDemandResult created(const QString& targetId)
{
    ProvisionOnDemandResult result;
    result.status = QStringLiteral("success");
    result.action = QStringLiteral("create");
    result.sourceUserId = QStringLiteral("src-adele");
    result.targetUserId = targetId;
    result.reportableIdentifier = QStringLiteral("AdeleV@contoso.example");
    result.steps = {step(QStringLiteral("import"), QStringLiteral("success"),
                        QStringLiteral("Retrieved AdeleV@contoso.example from the source")),
        step(QStringLiteral("scoping"), QStringLiteral("success"),
            QStringLiteral("Determined that AdeleV@contoso.example is in scope")),
        step(QStringLiteral("matching"), QStringLiteral("skipped"),
            QStringLiteral("No matching user was found in Azure Active Directory (target tenant)")),
        step(QStringLiteral("export"), QStringLiteral("success"), QStringLiteral("The user was created"),
            {{QStringLiteral("targetObjectId"), targetId}})};
    return result;
}

QJsonObject adeleInTarget()
{
    return QJsonObject {{QStringLiteral("id"), QStringLiteral("tgt-adele")},
        {QStringLiteral("userPrincipalName"), QStringLiteral("AdeleV_contoso.example#EXT#@fabrikam.example")},
        {QStringLiteral("displayName"), QStringLiteral("Adele Vance")},
        {QStringLiteral("mail"), QStringLiteral("AdeleV@contoso.example")},
        {QStringLiteral("department"), QStringLiteral("Retail")}, {QStringLiteral("accountEnabled"), true},
        {QStringLiteral("jobTitle"), QStringLiteral("Retail Manager")},
        {QStringLiteral("officeLocation"), QJsonValue()},
        {QStringLiteral("mobilePhone"), QStringLiteral("another guid")}};
}

const QStringList kRequired {QStringLiteral("department"), QStringLiteral("jobTitle"), QStringLiteral("mail")};

} // namespace

TEST_CASE("TestSync: a create that matches the preview is as predicted", "[sync][testsync]")
{
    const TestSyncOutcome outcome
        = TestSync::compare(adelePreview(), created(QStringLiteral("tgt-adele")), adeleInTarget(), kRequired);
    INFO(outcome.summary().toStdString());
    CHECK(outcome.verdict == Verdict::AsPredicted);
    CHECK(outcome.differences.isEmpty()); // jobTitle (no prediction), officeLocation (no flow), mobilePhone (varies)
    CHECK(outcome.missingRequired.isEmpty());
    CHECK(outcome.targetUserId == QStringLiteral("tgt-adele"));
    CHECK(outcome.serviceAction == QStringLiteral("create"));
    CHECK(outcome.summary() == QStringLiteral("created with all the attributes you need"));
    REQUIRE(outcome.timeline.size() == 4);
    CHECK(outcome.timeline.at(0).text == QStringLiteral("Import: Retrieved AdeleV@contoso.example from the source"));
    CHECK(outcome.timeline.at(2).text
        == QStringLiteral("Matching: No matching user was found in Azure Active Directory (target tenant) [skipped]"));
    CHECK(outcome.timeline.at(3).text == QStringLiteral("Export: The user was created (targetObjectId tgt-adele)"));
    CHECK(outcome.timeline.at(3).type == QStringLiteral("export"));
    CHECK(TestSyncOutcome::fromJson(outcome.toJson()) == outcome);
}

TEST_CASE("TestSync: a differing attribute makes the outcome differ, case-sensitively", "[sync][testsync]")
{
    QJsonObject target = adeleInTarget();
    target.insert(QStringLiteral("department"), QStringLiteral("retail")); // only the case differs
    target.insert(QStringLiteral("jobTitle"), QStringLiteral("Contractor"));
    const TestSyncOutcome outcome
        = TestSync::compare(adelePreview(), created(QStringLiteral("tgt-adele")), target, kRequired);
    CHECK(outcome.verdict == Verdict::Differs);
    REQUIRE(outcome.differences.size() == 1);
    CHECK(outcome.differences.first()
        == TestSyncOutcome::Difference {
            QStringLiteral("department"), QStringLiteral("Retail"), QStringLiteral("retail")});
    CHECK(outcome.summary()
        == QStringLiteral("created with all the attributes you need; differs from the preview in department"));
}

TEST_CASE("TestSync: an attribute missing from the answer counts as empty", "[sync][testsync]")
{
    QJsonObject target = adeleInTarget();
    target.remove(QStringLiteral("mail"));
    const TestSyncOutcome outcome
        = TestSync::compare(adelePreview(), created(QStringLiteral("tgt-adele")), target, kRequired);
    CHECK(outcome.verdict == Verdict::Differs);
    REQUIRE(outcome.differences.size() == 1);
    CHECK(outcome.differences.first().attribute == QStringLiteral("mail"));
    CHECK(outcome.differences.first().actual.isEmpty());
    CHECK(outcome.missingRequired == QStringList {QStringLiteral("mail")});
}

TEST_CASE("TestSync: multi-valued attributes compare as sets", "[sync][testsync]")
{
    UserPreview preview = adelePreview();
    preview.attributes.append(predicted(QStringLiteral("businessPhones"), QStringLiteral("b@x.example, a@x.example")));
    QJsonObject target = adeleInTarget();
    target.insert(
        QStringLiteral("businessPhones"), QJsonArray {QStringLiteral("a@x.example"), QStringLiteral("b@x.example")});
    CHECK(TestSync::compare(preview, created(QStringLiteral("tgt-adele")), target, kRequired).verdict
        == Verdict::AsPredicted);
    target.insert(QStringLiteral("businessPhones"), QJsonArray {QStringLiteral("a@x.example")});
    const TestSyncOutcome outcome = TestSync::compare(preview, created(QStringLiteral("tgt-adele")), target, kRequired);
    CHECK(outcome.verdict == Verdict::Differs);
    REQUIRE(outcome.differences.size() == 1);
    CHECK(outcome.differences.first().actual == QStringLiteral("a@x.example"));
}

TEST_CASE("TestSync: a different action is a difference even when every value agrees", "[sync][testsync]")
{
    UserPreview preview = adelePreview();
    ProvisionOnDemandResult result = created(QStringLiteral("tgt-adele"));
    result.action = QStringLiteral("update"); // the service matched someone the preview did not see
    const TestSyncOutcome outcome = TestSync::compare(preview, result, adeleInTarget(), kRequired);
    CHECK(outcome.verdict == Verdict::Differs);
    CHECK(outcome.differences.isEmpty());
    CHECK(outcome.summary()
        == QStringLiteral("updated with all the attributes you need; not the action the preview expected"));

    // The other way round: an update predicted, a create done.
    preview.action = UserPreview::Action::Update;
    preview.match = UserPreview::Match::ExistingGuest;
    CHECK(TestSync::compare(preview, created(QStringLiteral("tgt-adele")), adeleInTarget(), kRequired).verdict
        == Verdict::Differs);
    // Unknown expects nothing in particular.
    preview.action = UserPreview::Action::Unknown;
    CHECK(TestSync::compare(preview, created(QStringLiteral("tgt-adele")), adeleInTarget(), kRequired).verdict
        == Verdict::AsPredicted);
}

TEST_CASE("TestSync: a service failure is explained from the catalogue", "[sync][testsync]")
{
    ProvisionOnDemandResult result = created(QString());
    result.status = QStringLiteral("failure");
    result.errorCode = QStringLiteral("AzureActiveDirectoryQuotaLimitExceeded");
    result.errorMessage = QStringLiteral("The directory object quota limit has been exceeded.");
    result.steps.last().status = QStringLiteral("failure");
    const TestSyncOutcome outcome = TestSync::compare(adelePreview(), result, {}, kRequired);
    CHECK(outcome.verdict == Verdict::Failed);
    CHECK(outcome.errorCode == QStringLiteral("AzureActiveDirectoryQuotaLimitExceeded"));
    const auto explanation = tb::sync::ErrorCatalogue::builtIn().explainError(outcome.errorCode);
    REQUIRE(explanation.known);
    CHECK(outcome.explanation == explanation.meaning + QStringLiteral(" — ") + explanation.action);
    CHECK(outcome.differences.isEmpty());
    CHECK(outcome.missingRequired.isEmpty());
    CHECK(outcome.summary()
        == QStringLiteral("AzureActiveDirectoryQuotaLimitExceeded: The directory object quota limit has "
                          "been exceeded."));
    CHECK(outcome.timeline.last().text.endsWith(QStringLiteral("[failure]")));

    // A code the catalogue does not list still gets a sentence that names it.
    result.errorCode = QStringLiteral("SomethingNew");
    CHECK(
        TestSync::compare(adelePreview(), result, {}, kRequired).explanation.contains(QStringLiteral("SomethingNew")));
}

TEST_CASE("TestSync: required attributes that arrived empty are named", "[sync][testsync]")
{
    QJsonObject target = adeleInTarget();
    target.insert(QStringLiteral("jobTitle"), QJsonValue());
    target.remove(QStringLiteral("department"));
    UserPreview preview = adelePreview();
    preview.attributes.removeAt(2); // no department mapping: nothing predicted, still required
    const TestSyncOutcome outcome = TestSync::compare(preview, created(QStringLiteral("tgt-adele")), target,
        {QStringLiteral("department"), QStringLiteral("jobTitle"), QStringLiteral("mail"), QStringLiteral("manager")});
    CHECK(outcome.verdict == Verdict::AsPredicted); // what the preview predicted did arrive
    // manager cannot be $selected: not reported on a guess.
    CHECK(outcome.missingRequired == QStringList {QStringLiteral("department"), QStringLiteral("jobTitle")});
    CHECK(outcome.summary() == QStringLiteral("created, but department, jobTitle arrived empty"));
}

TEST_CASE("TestSync: skips are as predicted only when the preview expected them", "[sync][testsync]")
{
    ProvisionOnDemandResult skipped;
    skipped.status = QStringLiteral("skipped");
    skipped.action = QStringLiteral("other");
    skipped.skipReason = QStringLiteral("NotEffectivelyEntitled");
    UserPreview preview = adelePreview();
    TestSyncOutcome outcome = TestSync::compare(preview, skipped, {}, kRequired);
    CHECK(outcome.verdict == Verdict::Skipped);
    CHECK(outcome.errorCode == QStringLiteral("NotEffectivelyEntitled"));
    CHECK(outcome.explanation.startsWith(QStringLiteral("The user is not assigned")));
    CHECK(outcome.summary() == QStringLiteral("the service did not act on the user (NotEffectivelyEntitled)"));

    preview.action = UserPreview::Action::Skip;
    CHECK(TestSync::compare(preview, skipped, {}, kRequired).verdict == Verdict::AsPredicted);

    // Already in sync: RedundantExport, and the values are still compared.
    skipped.skipReason = QStringLiteral("RedundantExport");
    preview.action = UserPreview::Action::NoChange;
    preview.match = UserPreview::Match::Linked;
    preview.targetUserId = QStringLiteral("tgt-adele");
    outcome = TestSync::compare(preview, skipped, adeleInTarget(), kRequired);
    CHECK(outcome.verdict == Verdict::AsPredicted);
    CHECK(outcome.targetUserId == QStringLiteral("tgt-adele"));
    QJsonObject target = adeleInTarget();
    target.insert(QStringLiteral("displayName"), QStringLiteral("Adele V."));
    CHECK(TestSync::compare(preview, skipped, target, kRequired).verdict == Verdict::Differs);
}

TEST_CASE("TestSync: the read-back selects what Graph can serve", "[sync][testsync]")
{
    UserPreview preview = adelePreview();
    preview.attributes.prepend(predicted(QStringLiteral("alternativeSecurityIds"), QStringLiteral("x")));
    preview.attributes.append(predicted(QStringLiteral("isSoftDeleted"), QStringLiteral("False")));
    preview.attributes.append(predicted(QStringLiteral("showInAddressList"), QStringLiteral("true")));
    const QStringList select = TestSync::readBackAttributes(
        preview, {QStringLiteral("Mail"), QStringLiteral("manager"), QStringLiteral("companyName")});
    CHECK(select
        == QStringList {QStringLiteral("id"), QStringLiteral("userPrincipalName"), QStringLiteral("displayName"),
            QStringLiteral("mail"), QStringLiteral("department"), QStringLiteral("accountEnabled"),
            QStringLiteral("jobTitle"), QStringLiteral("officeLocation"), QStringLiteral("mobilePhone"),
            QStringLiteral("companyName")});
    CHECK(TestSync::valueText(QJsonValue(true)) == QStringLiteral("true"));
    CHECK(TestSync::valueText(QJsonValue(42)) == QStringLiteral("42"));
    CHECK(TestSync::valueText(QJsonValue()).isEmpty());
}

TEST_CASE(
    "TestSync: a user skipped only for want of an assignment is expected to sync once assigned", "[sync][testsync]")
{
    UserPreview preview = adelePreview();
    preview.assigned = false;
    preview.inScope = false;
    preview.action = UserPreview::Action::Skip;
    preview.scopeDecision = UserPreview::ScopeDecision::NotAssigned;
    preview.scopeReason = UserPreview::scopeDecisionReason(preview.scopeDecision);
    CHECK(TestSync::expectedAction(preview) == UserPreview::Action::Create);
    CHECK(TestSync::compare(preview, created(QStringLiteral("tgt-adele")), adeleInTarget(), kRequired).verdict
        == Verdict::AsPredicted);

    preview.match = UserPreview::Match::ExistingGuest;
    CHECK(TestSync::expectedAction(preview) == UserPreview::Action::Update);
    ProvisionOnDemandResult updated = created(QStringLiteral("tgt-adele"));
    updated.action = QStringLiteral("update");
    CHECK(TestSync::compare(preview, updated, adeleInTarget(), kRequired).verdict == Verdict::AsPredicted);

    // Skipped for another reason: the assignment does not change that.
    preview.scopeDecision = UserPreview::ScopeDecision::ExternalUser;
    CHECK(TestSync::expectedAction(preview) == UserPreview::Action::Skip);
    CHECK(TestSync::compare(preview, updated, adeleInTarget(), kRequired).verdict == Verdict::Differs);
    preview.assigned = true;
    preview.scopeDecision = UserPreview::ScopeDecision::NotAssigned;
    CHECK(TestSync::expectedAction(preview) == UserPreview::Action::Skip);
}
