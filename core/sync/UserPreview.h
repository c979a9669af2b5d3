// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace tb::sync {

// What cross-tenant sync would do to one source user, worked out without writing anything (issue 6, Preview):
// licence, assignment, scope (and the clause that decided it), the target user it would match, the action, and
// every target attribute's predicted value against the value the target has now. Built by Preview, compared with
// reality by TestSync, shown by the test users page and `tenantbridge-cli preview`. Value type, any thread.
struct UserPreview
{
    // How the user would meet the target (graph-reference.md 5.4).
    enum class Match {
        New, // nobody there yet: sync creates a B2B member
        Linked, // a user this configuration created or took over earlier: sync updates it
        ExistingGuest, // an accepted B2B user of the same person: sync takes it over and updates it
        PendingGuest, // an invitation never redeemed: sync does not match it and would create a second account
        Unknown, // the target could not be read
    };
    enum class Action {
        Create,
        Update, // some mapped value differs from the target's
        NoChange, // matched, every flowing value already equal (the service logs RedundantExport)
        Skip, // not in scope: nothing happens (or, for a user synced before, a soft delete: see leavesScope)
        Unknown, // could not be worked out (see problems)
    };

    // What decided the user's scope: the first rule that excluded them, in the service's order (Preview::decide),
    // or InScope. scopeReason says the same as a sentence for people; code reads this.
    enum class ScopeDecision {
        ExternalUser, // a guest or invited user of the source: only internal members are synchronized
        NotAssigned, // not assigned to the configuration, directly or through a group they are a direct member of
        AssignmentsUnread, // the configuration's assignments could not be read, so assignment is not known
        NoUserMapping, // the schema has no enabled object mapping for User
        ExcludedByScopingFilter, // a scoping clause is false: decidingClause
        Disabled, // disabled in the source and not linked: sync creates only enabled users
        InScope, // decidingClause: the clause that let the user in; none without a scoping filter
        Unknown, // not worked out: the user could not be read
    };

    // One evaluated scoping clause as data: what it reads, how it compares, and what the user has.
    struct ScopeClause
    {
        QString groupName; // the scoping group ("Filter external users", "Sales only")
        QString attribute; // the source attribute it reads, as the schema writes it
        QString operatorName; // EQUALS, IS_TRUE, …
        QStringList expectedValues; // the clause's values; none for unary operators
        QStringList actualValues; // the user's value(s) as the service compares them; none when null or empty
        bool holds = false; // the clause's result for this user

        // "<group>.<attribute> <OPERATOR> '<values>'" (MappingEvaluator::clauseText).
        [[nodiscard]] QString text() const;
        // The user's value for a sentence: "'Legal'", "'a', 'b'" or "(empty)".
        [[nodiscard]] QString actualText() const;

        friend bool operator==(const ScopeClause& a, const ScopeClause& b) = default;
    };

    struct Attribute
    {
        QString name; // the target attribute
        QString expression; // the mapping's source as text: [mail], "Member", Join(...)
        QString predicted; // empty with hasPrediction false when it cannot be previewed or does not flow
        QString current; // the target's value now (empty for a new user)
        bool hasPrediction = false;
        bool flows = true; // false: IgnoreFlowIfNullOrEmpty dropped it, or ObjectAddOnly on an existing user
        bool changes = false; // flows and predicted != current
        bool variesOnEachRun = false; // Guid(), RandomString(), Now(): no fixed prediction
        QString note; // "cannot preview this attribute: …", "applied only when sync creates the user", …

        friend bool operator==(const Attribute& a, const Attribute& b) = default;
    };

    // The source user.
    QString sourceUserId;
    QString userPrincipalName;
    QString displayName;
    QString mail;
    // Licence: an enabled AAD_PREMIUM (P1) or AAD_PREMIUM_P2 service plan among the user's licence details.
    bool hasP1 = false;
    QString licenceNote; // "Entra ID P1 through Microsoft 365 E3" or why there is none
    // Assignment to the configuration (graph-reference.md 3): directly, through a group (direct member), or not.
    bool assigned = false;
    QString assignedThrough; // "directly" or the group's display name; empty when not assigned
    // Scope: assignment, internal member, enabled, and the scoping filter of the schema's user mapping.
    bool inScope = false;
    QString scopeReason; // the first thing that decided: "not assigned to the configuration", the clause text, …
    QStringList clauseResults; // "Sales only.department EQUALS 'Sales': false", one per evaluated clause
    ScopeDecision scopeDecision = ScopeDecision::Unknown; // scopeReason as data
    // The clause that decided: the false one for ExcludedByScopingFilter, the one that let the user in for InScope
    // (none without a scoping filter); none for the other decisions.
    std::optional<ScopeClause> decidingClause;
    // The target side.
    Match match = Match::Unknown;
    QString targetUserId; // the matched user, empty for New
    QString targetUserPrincipalName;
    QString matchReason; // why this match (mail equal to an accepted guest's, …)
    Action action = Action::Unknown;
    bool leavesScope = false; // Linked but no longer in scope: sync soft-deletes the target user
    QList<Attribute> attributes; // in the schema's order
    QStringList problems; // what could not be read or evaluated, each a sentence

    [[nodiscard]] static QString matchName(Match match); // "new", "linked", "existing guest", …
    [[nodiscard]] static QString actionName(Action action); // "create", "update", "no change", "skip", "unknown"
    // The scopeReason sentence of the decisions that have a fixed one ("not assigned to the configuration", …);
    // empty for ExcludedByScopingFilter, InScope and Unknown, whose reason is the clause.
    [[nodiscard]] static QString scopeDecisionReason(ScopeDecision decision);
    // The attributes whose value would change.
    [[nodiscard]] QList<Attribute> changes() const;
    [[nodiscard]] const Attribute* attribute(const QString& name) const; // case-insensitive

    // For --json output and the store; fromJson(toJson()) == *this. JSON written before scopeDecision existed
    // (previews kept by TestSyncStore) gets it from scopeReason and inScope, without a decidingClause.
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static UserPreview fromJson(const QJsonObject& json);

    friend bool operator==(const UserPreview& a, const UserPreview& b) = default;
};

} // namespace tb::sync

Q_DECLARE_METATYPE(tb::sync::UserPreview)
