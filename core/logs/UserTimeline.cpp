// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/UserTimeline.h"

#include <QSet>

#include <algorithm>

namespace tb::logs {

namespace {

using model::DirectoryAuditEntry;
using model::ProvisioningLogEntry;

// Ids and names compare case-insensitively: Graph's GUIDs come in either case, UPNs are case-insensitive.
QString key(const QString& text)
{
    return text.trimmed().toLower();
}

void insertKey(QSet<QString>& set, const QString& text)
{
    if (!text.trimmed().isEmpty()) {
        set.insert(key(text));
    }
}

// The person's UPN and mail, lower case.
QSet<QString> namesOf(const UserTimeline::Person& person)
{
    QSet<QString> names;
    insertKey(names, person.userPrincipalName);
    insertKey(names, person.mail);
    return names;
}

// Whether an identity's details name one of the names (UserPrincipalName, Mail, any case).
bool detailsName(const ProvisioningLogEntry::Details& details, const QSet<QString>& names)
{
    return std::any_of(details.cbegin(), details.cend(), [&names](const QPair<QString, QString>& detail) {
        return (detail.first.compare(QLatin1String("UserPrincipalName"), Qt::CaseInsensitive) == 0
                   || detail.first.compare(QLatin1String("mail"), Qt::CaseInsensitive) == 0)
            && names.contains(key(detail.second));
    });
}

// A created B2B member's UPN: the source UPN (or mail) with @ as _, then #EXT#@ and the target's domain.
bool isGuestFormOf(const QString& userPrincipalName, const QSet<QString>& names)
{
    const QString upn = key(userPrincipalName);
    const qsizetype marker = upn.indexOf(QLatin1String("#ext#@"));
    if (marker <= 0) {
        return false;
    }
    const QString local = upn.left(marker);
    return std::any_of(names.cbegin(), names.cend(), [&local](const QString& name) {
        QString guest = name;
        guest.replace(QLatin1Char('@'), QLatin1Char('_'));
        return guest == local;
    });
}

UserTimeline::Event sourceEvent(const ProvisioningLogEntry& entry, const sync::ErrorCatalogue& catalogue)
{
    UserTimeline::Event event;
    event.when = entry.activityDateTime;
    event.tenant = UserTimeline::Tenant::Source;
    event.recordId = entry.id;
    event.changeId = entry.changeId;
    event.action = entry.action;
    event.status = entry.status;
    event.actor = entry.initiatedBy.displayName;
    event.errorCode = entry.error.code;
    event.errorReason = entry.error.reason;
    event.targetUserId = entry.targetIdentity.id;
    for (const ProvisioningLogEntry::ModifiedProperty& property : entry.modifiedProperties) {
        event.changedProperties.append(property.name);
    }
    const QString action = entry.action.isEmpty() ? QStringLiteral("other") : entry.action;
    const QString status = entry.status.isEmpty() ? QStringLiteral("unknown") : entry.status;
    const bool onDemand = entry.initiatedBy.type.compare(QLatin1String("user"), Qt::CaseInsensitive) == 0;
    event.summary
        = QStringLiteral("%1 %2: %3")
              .arg(onDemand ? QStringLiteral("Provision on demand") : QStringLiteral("Provisioning"), action, status);
    if (!event.errorCode.isEmpty()) {
        event.explanation = catalogue.explainError(event.errorCode);
        event.summary += QStringLiteral(" (%1)").arg(event.errorCode);
    }
    return event;
}

UserTimeline::Event targetEvent(const DirectoryAuditEntry& entry, const DirectoryAuditEntry::TargetResource* resource)
{
    UserTimeline::Event event;
    event.when = entry.activityDateTime;
    event.tenant = UserTimeline::Tenant::Target;
    event.recordId = entry.id;
    event.changeId = entry.correlationId;
    event.action = entry.activityDisplayName;
    event.status = entry.result;
    event.actor = entry.initiatedByDisplayName;
    event.errorReason = entry.resultReason;
    if (resource) {
        event.targetUserId = resource->id;
        for (const DirectoryAuditEntry::ModifiedProperty& property : resource->modifiedProperties) {
            event.changedProperties.append(property.name);
        }
    }
    const QString activity
        = entry.activityDisplayName.isEmpty() ? QStringLiteral("Directory change") : entry.activityDisplayName;
    event.summary = entry.initiatedByDisplayName.isEmpty()
        ? activity
        : QStringLiteral("%1 by %2").arg(activity, entry.initiatedByDisplayName);
    if (!entry.result.isEmpty() && entry.result.compare(QLatin1String("success"), Qt::CaseInsensitive) != 0) {
        event.summary += QStringLiteral(": ") + entry.result;
    }
    return event;
}

bool earlier(const UserTimeline::Event& a, const UserTimeline::Event& b)
{
    if (a.when.isValid() != b.when.isValid()) {
        return a.when.isValid(); // unknown times last
    }
    if (a.when != b.when) {
        return a.when < b.when;
    }
    if (a.tenant != b.tenant) {
        return a.tenant == UserTimeline::Tenant::Source;
    }
    return a.recordId < b.recordId;
}

} // namespace

qsizetype UserTimeline::count(Tenant tenant) const
{
    return std::count_if(
        events.cbegin(), events.cend(), [tenant](const Event& event) { return event.tenant == tenant; });
}

qsizetype UserTimeline::failures() const
{
    return std::count_if(events.cbegin(), events.cend(),
        [](const Event& event) { return event.status.compare(QLatin1String("failure"), Qt::CaseInsensitive) == 0; });
}

QString UserTimeline::tenantName(Tenant tenant)
{
    return tenant == Tenant::Source ? QStringLiteral("Source") : QStringLiteral("Target");
}

bool UserTimeline::concerns(const Person& person, const ProvisioningLogEntry& entry)
{
    if (!person.sourceUserId.trimmed().isEmpty() && key(entry.sourceIdentity.id) == key(person.sourceUserId)) {
        return true;
    }
    const QString targetId = key(entry.targetIdentity.id);
    if (!targetId.isEmpty()
        && std::any_of(person.targetUserIds.cbegin(), person.targetUserIds.cend(),
            [&targetId](const QString& id) { return key(id) == targetId; })) {
        return true;
    }
    const QSet<QString> names = namesOf(person);
    return !names.isEmpty() && detailsName(entry.sourceIdentity.details, names);
}

UserTimeline UserTimeline::merge(const Person& person, const QList<ProvisioningLogEntry>& provisioning,
    const QList<DirectoryAuditEntry>& audits, const sync::ErrorCatalogue& catalogue)
{
    UserTimeline timeline;
    timeline.person = person;
    QSet<QString> targetIds;
    for (const QString& id : person.targetUserIds) {
        insertKey(targetIds, id);
    }
    QSet<QString> changeIds;
    QSet<QString> seen;
    for (const ProvisioningLogEntry& entry : provisioning) {
        if (!concerns(person, entry) || seen.contains(key(entry.id))) {
            continue;
        }
        seen.insert(key(entry.id));
        timeline.events.append(sourceEvent(entry, catalogue));
        insertKey(changeIds, entry.changeId);
        if (!entry.targetIdentity.id.trimmed().isEmpty() && !targetIds.contains(key(entry.targetIdentity.id))) {
            targetIds.insert(key(entry.targetIdentity.id));
            timeline.person.targetUserIds.append(entry.targetIdentity.id);
        }
    }

    const QSet<QString> names = namesOf(person);
    seen.clear();
    for (const DirectoryAuditEntry& entry : audits) {
        if (seen.contains(key(entry.id))) {
            continue;
        }
        const DirectoryAuditEntry::TargetResource* match = nullptr;
        for (const DirectoryAuditEntry::TargetResource& resource : entry.targetResources) {
            const QString upn = key(resource.userPrincipalName);
            if (targetIds.contains(key(resource.id)) || (!upn.isEmpty() && names.contains(upn))
                || isGuestFormOf(upn, names)) {
                match = &resource;
                break;
            }
        }
        const bool sameChange
            = !entry.correlationId.trimmed().isEmpty() && changeIds.contains(key(entry.correlationId));
        if (!match && !sameChange) {
            continue;
        }
        if (!match && !entry.targetResources.isEmpty()) {
            match = &entry.targetResources.first();
        }
        seen.insert(key(entry.id));
        timeline.events.append(targetEvent(entry, match));
    }
    std::stable_sort(timeline.events.begin(), timeline.events.end(), earlier);
    return timeline;
}

} // namespace tb::logs
