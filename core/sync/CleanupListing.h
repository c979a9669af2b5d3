// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/AppRoleAssignment.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace tb::sync {

// What cross-tenant sync created in the target for one source (issue 6, "Clean-up"): the target users this
// configuration created or took over, as its provisioning logs prove, plus B2B users of the target from the source's
// verified domains that are not proven to be from it; and the configuration's assignments, which removing makes the
// service deprovision them. Built by CleanupPlanner, printed by `tenantbridge-cli cleanup list`. Value type.
struct CleanupListing
{
    enum class Origin {
        ProvisioningLogs, // a successful create or update of this job names it
        SourceDomain, // an invited user whose mail domain is one of the source's verified domains
    };

    struct TargetUser
    {
        QString targetUserId;
        QString userPrincipalName;
        QString displayName;
        QString mail;
        QString userType;
        Origin origin = Origin::ProvisioningLogs;
        QString label; // "created by this configuration" or "B2B user from <source>, not proven to be …"
        bool gone = false; // no longer in the target (deleted already, or never readable)
        QString sourceUserId; // from the log; empty for SourceDomain
        QString sourceDisplayName;
        QString lastAction; // create / update (the newest successful one)
        // A successful create of this job names the user: sync made the account (or redeemed a pending invitation).
        // False for one it took over (an existing B2B user matched and updated), or whose create the logs no longer
        // hold (they keep 30 days).
        bool createdBySync = false;
        QDateTime lastActivity;
        friend bool operator==(const TargetUser& a, const TargetUser& b) = default;
    };

    QList<TargetUser> users; // provisioning-log users newest first, then source-domain users
    QList<model::AppRoleAssignment> assignments; // of the configuration, users and groups
    QStringList sourceDomains; // the source's verified domains
    QStringList problems;

    // Users still in the target that the logs prove this configuration created or took over.
    [[nodiscard]] int provenCount() const;
    [[nodiscard]] int count(Origin origin) const;
    [[nodiscard]] static QString originName(Origin origin); // "provisioning logs", "source domain"
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace tb::sync

Q_DECLARE_METATYPE(tb::sync::CleanupListing)
