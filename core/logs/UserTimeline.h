// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/DirectoryAuditEntry.h"
#include "core/model/ProvisioningLogEntry.h"
#include "core/sync/ErrorCatalogue.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace tb::logs {

// The story of one person across both tenants (issue 7): the source's provisioning log records about them and the
// target's directory audits of their account, merged into one list in time order, so one view answers "what
// happened to this user, where, and why did it fail".
//
// Which records are the person's (merge()):
// - a provisioning record whose sourceIdentity.id is the person's source id, whose targetIdentity.id is one of
//   their known target ids, or whose identity details name their UPN or mail (case-insensitive);
// - a directory audit one of whose targetResources is the person's target account: by id (known, or learned from
//   the provisioning records' targetIdentity.id), by the record's correlationId being the changeId of one of their
//   provisioning records (the service writes the changeId there), or by UPN: the UPN or mail itself, or the B2B
//   form "<upn with @ as _>#EXT#@…" the sync gives a created member.
// Ties in time put the source's record first (the provisioning service acts, then the target writes it down).
// Records given twice (same tenant, same id) appear once. Value type, any thread.
struct UserTimeline
{
    enum class Tenant { Source, Target };

    // Whom the timeline is about. At least one of the fields should be set.
    struct Person
    {
        QString sourceUserId;
        QString userPrincipalName; // in the source
        QString mail;
        QStringList targetUserIds; // the person's account(s) in the target, when already known
    };

    struct Event
    {
        QDateTime when; // UTC; events whose time is unknown come last
        Tenant tenant = Tenant::Source;
        QString recordId; // the provisioning record's or the audit's id
        QString changeId; // the provisioning changeId, or the audit's correlationId: joins both sides of one change
        QString action; // source: create, update, delete, disable, other; target: "Add user", "Update user", …
        QString status; // source: success, failure, skipped, warning; target: success, failure, timeout
        QString summary; // one line: "Provisioning create: failure (AzureActiveDirectoryInvalidValue)"
        QString actor; // who acted: "Azure AD Provisioning Service", an admin, the configuration's app
        QString errorCode;
        QString errorReason; // the service's own text
        sync::ErrorCatalogue::Explanation explanation; // when errorCode is set: meaning and what to do
        QStringList changedProperties; // the names of the modified properties
        QString targetUserId; // the person's account in the target this event is about, when known
    };

    Person person; // as given, with targetUserIds completed from the provisioning records
    QList<Event> events; // oldest first

    [[nodiscard]] qsizetype count(Tenant tenant) const;
    [[nodiscard]] qsizetype failures() const;

    // The merge; pure. The records may be in any order and may include other people's (they are left out).
    [[nodiscard]] static UserTimeline merge(const Person& person,
        const QList<model::ProvisioningLogEntry>& provisioning, const QList<model::DirectoryAuditEntry>& audits,
        const sync::ErrorCatalogue& catalogue = sync::ErrorCatalogue::builtIn());

    // Whether a provisioning record is about the person (first rule above).
    [[nodiscard]] static bool concerns(const Person& person, const model::ProvisioningLogEntry& entry);
    // "Source" or "Target".
    [[nodiscard]] static QString tenantName(Tenant tenant);
};

} // namespace tb::logs

Q_DECLARE_METATYPE(tb::logs::UserTimeline)
