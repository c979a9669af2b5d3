// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// UserTimeline::merge: which records are the person's (source id, target id learned from the provisioning records,
// changeId = correlationId, UPN and its #EXT# form), the order (time, source before target on a tie), duplicates,
// and the error explanation from the catalogue.
#include "core/logs/UserTimeline.h"

#include <catch2/catch.hpp>

using tb::logs::UserTimeline;
using tb::model::DirectoryAuditEntry;
using tb::model::ProvisioningLogEntry;
using Tenant = UserTimeline::Tenant;

namespace {

const QString kAdeleId = QStringLiteral("a0000000-0000-0000-0000-0000000000a1");
const QString kAdeleUpn = QStringLiteral("Adele.Vance@contoso.onmicrosoft.com");
const QString kAdeleTargetId = QStringLiteral("f0000000-0000-0000-0000-0000000000f1");
const QString kMeganId = QStringLiteral("a0000000-0000-0000-0000-0000000000a2");
const QString kMeganTargetId = QStringLiteral("f0000000-0000-0000-0000-0000000000f2");

QDateTime at(int minute, int second = 0)
{
    return QDateTime(QDate(2026, 11, 20), QTime(10, minute, second), Qt::UTC);
}

ProvisioningLogEntry provisioning(const QString& id, const QDateTime& when, const QString& sourceId,
    const QString& targetId, const QString& action, const QString& status, const QString& changeId)
{
    ProvisioningLogEntry entry;
    entry.id = id;
    entry.activityDateTime = when;
    entry.sourceIdentity.id = sourceId;
    entry.targetIdentity.id = targetId;
    entry.action = action;
    entry.status = status;
    entry.changeId = changeId;
    entry.initiatedBy.displayName = QStringLiteral("Azure AD Provisioning Service");
    entry.initiatedBy.type = QStringLiteral("system");
    return entry;
}

DirectoryAuditEntry audit(const QString& id, const QDateTime& when, const QString& activity, const QString& targetId,
    const QString& upn, const QString& correlationId)
{
    DirectoryAuditEntry entry;
    entry.id = id;
    entry.activityDateTime = when;
    entry.activityDisplayName = activity;
    entry.result = QStringLiteral("success");
    entry.initiatedByDisplayName = QStringLiteral("Contoso to Fabrikam");
    entry.correlationId = correlationId;
    DirectoryAuditEntry::TargetResource resource;
    resource.id = targetId;
    resource.userPrincipalName = upn;
    resource.type = QStringLiteral("User");
    resource.modifiedProperties.append({QStringLiteral("department"), std::nullopt, QStringLiteral("[\"Sales\"]")});
    entry.targetResources.append(resource);
    return entry;
}

QStringList ids(const UserTimeline& timeline)
{
    QStringList list;
    for (const UserTimeline::Event& event : timeline.events) {
        list.append(event.recordId);
    }
    return list;
}

} // namespace

TEST_CASE("The timeline merges a person's records from both tenants in time order", "[unit][logs][timeline]")
{
    UserTimeline::Person adele;
    adele.sourceUserId = kAdeleId;
    adele.userPrincipalName = kAdeleUpn;

    ProvisioningLogEntry failed = provisioning(QStringLiteral("p1"), at(1), kAdeleId, QString(),
        QStringLiteral("create"), QStringLiteral("failure"), QStringLiteral("change-1"));
    failed.error.code = QStringLiteral("AzureActiveDirectoryInvalidValue");
    failed.error.reason = QStringLiteral("The value of mail is not valid.");
    // Given out of order, with another person's records and a duplicate mixed in.
    const QList<ProvisioningLogEntry> logs {
        provisioning(QStringLiteral("p3"), at(30), kAdeleId.toUpper(), kAdeleTargetId, QStringLiteral("update"),
            QStringLiteral("success"), QStringLiteral("change-3")),
        failed,
        provisioning(QStringLiteral("p2"), at(20), kAdeleId, kAdeleTargetId, QStringLiteral("create"),
            QStringLiteral("success"), QStringLiteral("change-2")),
        provisioning(QStringLiteral("m1"), at(20), kMeganId, kMeganTargetId, QStringLiteral("create"),
            QStringLiteral("success"), QStringLiteral("change-m")),
        provisioning(QStringLiteral("p2"), at(20), kAdeleId, kAdeleTargetId, QStringLiteral("create"),
            QStringLiteral("success"), QStringLiteral("change-2")),
    };
    const QList<DirectoryAuditEntry> audits {
        // Same instant as p2: after it.
        audit(QStringLiteral("Directory_a2"), at(20), QStringLiteral("Add user"), kAdeleTargetId,
            QStringLiteral("adele.vance_contoso.onmicrosoft.com#EXT#@fabrikam.onmicrosoft.com"),
            QStringLiteral("change-2")),
        audit(QStringLiteral("Directory_m1"), at(20), QStringLiteral("Add user"), kMeganTargetId,
            QStringLiteral("megan.bowen_contoso.onmicrosoft.com#EXT#@fabrikam.onmicrosoft.com"),
            QStringLiteral("change-m")),
        // An admin's own change in the target, found by the target id the provisioning records name.
        audit(QStringLiteral("Directory_admin"), at(40), QStringLiteral("Update user"), kAdeleTargetId.toUpper(),
            QString(), QString()),
        audit(QStringLiteral("Directory_a3"), at(30), QStringLiteral("Update user"), kAdeleTargetId, QString(),
            QStringLiteral("change-3")),
        audit(QStringLiteral("Directory_a3"), at(30), QStringLiteral("Update user"), kAdeleTargetId, QString(),
            QStringLiteral("change-3")),
    };

    const UserTimeline timeline = UserTimeline::merge(adele, logs, audits);
    CHECK(ids(timeline)
        == QStringList {QStringLiteral("p1"), QStringLiteral("p2"), QStringLiteral("Directory_a2"),
            QStringLiteral("p3"), QStringLiteral("Directory_a3"), QStringLiteral("Directory_admin")});
    CHECK(timeline.count(Tenant::Source) == 3);
    CHECK(timeline.count(Tenant::Target) == 3);
    CHECK(timeline.failures() == 1);
    CHECK(timeline.person.targetUserIds == QStringList {kAdeleTargetId});

    const UserTimeline::Event& first = timeline.events.at(0);
    CHECK(first.tenant == Tenant::Source);
    CHECK(first.when == at(1));
    CHECK(first.status == QStringLiteral("failure"));
    CHECK(first.errorCode == QStringLiteral("AzureActiveDirectoryInvalidValue"));
    CHECK(first.errorReason == QStringLiteral("The value of mail is not valid."));
    CHECK(first.explanation.known);
    CHECK_FALSE(first.explanation.meaning.isEmpty());
    CHECK(first.summary == QStringLiteral("Provisioning create: failure (AzureActiveDirectoryInvalidValue)"));
    CHECK(first.actor == QStringLiteral("Azure AD Provisioning Service"));

    const UserTimeline::Event& added = timeline.events.at(2);
    CHECK(added.tenant == Tenant::Target);
    CHECK(added.action == QStringLiteral("Add user"));
    CHECK(added.changeId == QStringLiteral("change-2"));
    CHECK(added.targetUserId == kAdeleTargetId);
    CHECK(added.summary == QStringLiteral("Add user by Contoso to Fabrikam"));
    CHECK(added.changedProperties == QStringList {QStringLiteral("department")});
    CHECK(added.errorCode.isEmpty());
    CHECK_FALSE(added.explanation.known);
}

TEST_CASE("Target audits are found by changeId and by UPN when no target id is known", "[unit][logs][timeline]")
{
    // Only the UPN is known: the source's records name it in their identity details.
    UserTimeline::Person adele;
    adele.userPrincipalName = kAdeleUpn;

    ProvisioningLogEntry onDemand = provisioning(QStringLiteral("p1"), at(5), kAdeleId, QString(),
        QStringLiteral("create"), QStringLiteral("success"), QStringLiteral("change-1"));
    onDemand.sourceIdentity.details.append({QStringLiteral("UserPrincipalName"), kAdeleUpn.toLower()});
    onDemand.initiatedBy = {QStringLiteral("u1"), QStringLiteral("Contoso Admin"), QStringLiteral("user")};
    const ProvisioningLogEntry other = provisioning(QStringLiteral("m1"), at(6), kMeganId, QString(),
        QStringLiteral("create"), QStringLiteral("success"), QStringLiteral("change-m"));

    const QList<DirectoryAuditEntry> audits {
        // The target id was not in the record, but the correlation id is its change.
        audit(QStringLiteral("Directory_1"), at(5), QStringLiteral("Add user"), kAdeleTargetId, QString(),
            QStringLiteral("change-1")),
        // By the B2B form of the UPN.
        audit(QStringLiteral("Directory_2"), at(7), QStringLiteral("Update user"), QStringLiteral("other-id"),
            QStringLiteral("ADELE.VANCE_contoso.onmicrosoft.com#EXT#@fabrikam.onmicrosoft.com"), QString()),
        // Someone else's, with a UPN that only starts like hers.
        audit(QStringLiteral("Directory_3"), at(8), QStringLiteral("Update user"), QStringLiteral("x"),
            QStringLiteral("adele.vance_contoso.onmicrosoft.com.evil#EXT#@fabrikam.onmicrosoft.com"), QString()),
        audit(QStringLiteral("Directory_4"), at(9), QStringLiteral("Update user"), kMeganTargetId, QString(),
            QStringLiteral("change-m")),
    };

    const UserTimeline timeline = UserTimeline::merge(adele, {other, onDemand}, audits);
    CHECK(ids(timeline)
        == QStringList {QStringLiteral("p1"), QStringLiteral("Directory_1"), QStringLiteral("Directory_2")});
    CHECK(timeline.events.first().summary == QStringLiteral("Provision on demand create: success"));
    CHECK(timeline.events.first().actor == QStringLiteral("Contoso Admin"));
    CHECK(timeline.person.targetUserIds.isEmpty());
}

TEST_CASE("An empty or unrelated input gives an empty timeline and unknown times come last", "[unit][logs][timeline]")
{
    UserTimeline::Person nobody;
    CHECK(UserTimeline::merge(nobody, {}, {}).events.isEmpty());
    // A person with no identifiers matches nothing, not everything.
    CHECK(UserTimeline::merge(nobody,
        {provisioning(QStringLiteral("p"), at(1), kAdeleId, QString(), QStringLiteral("create"),
            QStringLiteral("success"), QString())},
        {audit(QStringLiteral("d"), at(1), QStringLiteral("Add user"), QString(), QString(), QString())})
              .events.isEmpty());

    UserTimeline::Person adele;
    adele.sourceUserId = kAdeleId;
    adele.targetUserIds = {kAdeleTargetId};
    const QList<ProvisioningLogEntry> logs {
        provisioning(QStringLiteral("undated"), QDateTime(), kAdeleId, QString(), QStringLiteral("update"),
            QStringLiteral("skipped"), QString()),
        provisioning(QStringLiteral("dated"), at(2), QString(), kAdeleTargetId, QStringLiteral("delete"),
            QStringLiteral("success"), QString()),
    };
    const UserTimeline timeline = UserTimeline::merge(adele, logs, {});
    CHECK(ids(timeline) == QStringList {QStringLiteral("dated"), QStringLiteral("undated")});
    CHECK(UserTimeline::tenantName(Tenant::Target) == QStringLiteral("Target"));
}
