// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/CleanupListing.h"

#include <QJsonArray>

namespace tb::sync {

int CleanupListing::provenCount() const
{
    int n = 0;
    for (const TargetUser& user : users) {
        n += user.origin == Origin::ProvisioningLogs && !user.gone ? 1 : 0;
    }
    return n;
}

int CleanupListing::count(Origin origin) const
{
    int n = 0;
    for (const TargetUser& user : users) {
        n += user.origin == origin ? 1 : 0;
    }
    return n;
}

QString CleanupListing::originName(Origin origin)
{
    switch (origin) {
    case Origin::ProvisioningLogs:
        return QStringLiteral("provisioning logs");
    case Origin::SourceDomain:
        return QStringLiteral("source domain");
    }
    return {};
}

QJsonObject CleanupListing::toJson() const
{
    QJsonArray rows;
    for (const TargetUser& user : users) {
        rows.append(QJsonObject {{QStringLiteral("targetUserId"), user.targetUserId},
            {QStringLiteral("userPrincipalName"), user.userPrincipalName},
            {QStringLiteral("displayName"), user.displayName}, {QStringLiteral("mail"), user.mail},
            {QStringLiteral("userType"), user.userType}, {QStringLiteral("origin"), originName(user.origin)},
            {QStringLiteral("label"), user.label}, {QStringLiteral("gone"), user.gone},
            {QStringLiteral("sourceUserId"), user.sourceUserId},
            {QStringLiteral("sourceDisplayName"), user.sourceDisplayName},
            {QStringLiteral("lastAction"), user.lastAction}, {QStringLiteral("createdBySync"), user.createdBySync},
            {QStringLiteral("lastActivity"),
                user.lastActivity.isValid() ? user.lastActivity.toString(Qt::ISODate) : QString()}});
    }
    QJsonArray assignmentRows;
    for (const model::AppRoleAssignment& assignment : assignments) {
        assignmentRows.append(
            QJsonObject {{QStringLiteral("id"), assignment.id}, {QStringLiteral("principalId"), assignment.principalId},
                {QStringLiteral("principalType"), assignment.principalType},
                {QStringLiteral("principalDisplayName"), assignment.principalDisplayName}});
    }
    return QJsonObject {{QStringLiteral("users"), rows}, {QStringLiteral("assignments"), assignmentRows},
        {QStringLiteral("provenUsers"), provenCount()},
        {QStringLiteral("sourceDomainUsers"), count(Origin::SourceDomain)},
        {QStringLiteral("sourceDomains"), QJsonArray::fromStringList(sourceDomains)},
        {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}};
}

} // namespace tb::sync
