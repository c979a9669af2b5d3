// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace tb::sync {

// What a proposed scope or mapping change would do, before it is saved (issue 6, "Impact of a change"): only the
// users whose outcome differs between the current schema and the proposed one, each with what changes. Built by
// ChangeImpact, printed by `tenantbridge-cli impact`. Value type, any thread.
struct ImpactResult
{
    enum class Change {
        Create, // would be created under the proposed schema (comes into scope with no target user, or the create
                // would write different values)
        Update, // in scope under both and matched: some flowing attribute's predicted value changes
        SoftDelete, // in scope now and matched in the target, out of scope then: the service soft-deletes it
        EntersScope, // out of scope now, in scope then, and a target user exists: it is taken over and updated
        NoLongerCreated, // in scope now with no target user, out of scope then: it will not be created
    };

    // One attribute whose predicted value differs: the prediction under the current schema → under the proposed.
    struct AttributeChange
    {
        QString name;
        QString before; // "(not mapped)", "(does not flow)", "(cannot preview)" or the value
        QString after;
        friend bool operator==(const AttributeChange& a, const AttributeChange& b) = default;
    };

    struct UserImpact
    {
        QString sourceUserId;
        QString userPrincipalName;
        QString displayName;
        QString targetUserId; // the matched target user, empty when there is none
        Change change = Change::Update;
        QString reason; // "scope now: …; then: …" or what changes
        QList<AttributeChange> attributes;
        friend bool operator==(const UserImpact& a, const UserImpact& b) = default;
    };

    int usersConsidered = 0; // how many users were evaluated under both schemas
    int usersAvailable = 0; // how many there were before the cap
    int cap = 0; // the most users evaluated; 0: no cap applied
    QList<UserImpact> users; // only users whose outcome changes, in the order considered
    QStringList problems; // users or reads that could not be evaluated, each a sentence

    [[nodiscard]] bool isCapped() const { return cap > 0 && usersAvailable > usersConsidered; }
    [[nodiscard]] int count(Change change) const;
    [[nodiscard]] QList<UserImpact> usersWith(Change change) const;
    [[nodiscard]] static QString changeName(Change change); // "create", "update", "soft delete", …
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const ImpactResult& a, const ImpactResult& b) = default;
};

} // namespace tb::sync

Q_DECLARE_METATYPE(tb::sync::ImpactResult)
