// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/ImpactResult.h"

#include <QJsonArray>

namespace tb::sync {

namespace {

constexpr ImpactResult::Change kAllChanges[] = {ImpactResult::Change::Create, ImpactResult::Change::Update,
    ImpactResult::Change::SoftDelete, ImpactResult::Change::EntersScope, ImpactResult::Change::NoLongerCreated};

} // namespace

int ImpactResult::count(Change change) const
{
    int n = 0;
    for (const UserImpact& user : users) {
        n += user.change == change ? 1 : 0;
    }
    return n;
}

QList<ImpactResult::UserImpact> ImpactResult::usersWith(Change change) const
{
    QList<UserImpact> found;
    for (const UserImpact& user : users) {
        if (user.change == change) {
            found.append(user);
        }
    }
    return found;
}

QString ImpactResult::changeName(Change change)
{
    switch (change) {
    case Change::Create:
        return QStringLiteral("create");
    case Change::Update:
        return QStringLiteral("update");
    case Change::SoftDelete:
        return QStringLiteral("soft delete");
    case Change::EntersScope:
        return QStringLiteral("enters scope");
    case Change::NoLongerCreated:
        return QStringLiteral("no longer created");
    }
    return {};
}

QJsonObject ImpactResult::toJson() const
{
    QJsonObject counts;
    for (const Change change : kAllChanges) {
        counts.insert(changeName(change), count(change));
    }
    QJsonArray rows;
    for (const UserImpact& user : users) {
        QJsonArray attributes;
        for (const AttributeChange& attribute : user.attributes) {
            attributes.append(QJsonObject {{QStringLiteral("name"), attribute.name},
                {QStringLiteral("before"), attribute.before}, {QStringLiteral("after"), attribute.after}});
        }
        rows.append(QJsonObject {{QStringLiteral("sourceUserId"), user.sourceUserId},
            {QStringLiteral("userPrincipalName"), user.userPrincipalName},
            {QStringLiteral("displayName"), user.displayName}, {QStringLiteral("targetUserId"), user.targetUserId},
            {QStringLiteral("change"), changeName(user.change)}, {QStringLiteral("reason"), user.reason},
            {QStringLiteral("attributes"), attributes}});
    }
    return QJsonObject {{QStringLiteral("usersConsidered"), usersConsidered},
        {QStringLiteral("usersAvailable"), usersAvailable}, {QStringLiteral("cap"), cap},
        {QStringLiteral("capped"), isCapped()}, {QStringLiteral("counts"), counts}, {QStringLiteral("users"), rows},
        {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}};
}

} // namespace tb::sync
