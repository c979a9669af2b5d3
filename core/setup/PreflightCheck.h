// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace tb::setup {

// One line of a preflight: passes, warns or blocks, with a sentence that says what is the case and a fix that
// says what to do. Value type, any thread.
struct PreflightCheck
{
    enum class Outcome { Pass, Warn, Block };

    // Stable ids: the CLI's --json, the GUI and the tests refer to checks by them.
    static constexpr auto kSignedIn = "signedIn";
    static constexpr auto kCloudPair = "cloudPair";
    static constexpr auto kPartnerFound = "partnerFound";
    static constexpr auto kSourceRoles = "source.roles";
    static constexpr auto kTargetRoles = "target.roles";
    static constexpr auto kSourceScopes = "source.scopes";
    static constexpr auto kTargetScopes = "target.scopes";
    static constexpr auto kSourceLicence = "source.licence";
    static constexpr auto kTargetLicence = "target.licence";
    static constexpr auto kAutoRedeemBothSides = "autoRedeemBothSides";
    static constexpr auto kExistingGuests = "target.existingGuests";
    static constexpr auto kPendingGuests = "target.pendingGuests";
    static constexpr auto kGuestsStayGuest = "target.guestsStayGuest";
    static constexpr auto kContactCollisions = "target.contactCollisions";
    static constexpr auto kTrustAudit = "target.trustAudit";

    QString id;
    QString title; // short: "Cloud pair"
    Outcome outcome = Outcome::Pass;
    QString sentence; // what is the case, and why it matters
    QString fix; // what to do; empty on pass
    QStringList details; // e.g. the guests concerned, one per line

    [[nodiscard]] static QString outcomeName(Outcome outcome); // "pass", "warn", "block"
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace tb::setup
