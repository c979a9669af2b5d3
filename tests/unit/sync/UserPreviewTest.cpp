// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// sync::UserPreview as JSON: the typed scope decision and deciding clause round-trip, and a preview stored before
// they existed (TestSyncStore keeps previews as JSON in SQLite) gets its decision from its sentences.
#include "core/sync/UserPreview.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>

using tb::sync::UserPreview;
using Decision = UserPreview::ScopeDecision;

namespace {

UserPreview excludedByClause()
{
    UserPreview preview;
    preview.sourceUserId = QStringLiteral("u-1");
    preview.userPrincipalName = QStringLiteral("zainab@contoso.onmicrosoft.com");
    preview.assigned = true;
    preview.assignedThrough = QStringLiteral("directly");
    preview.scopeDecision = Decision::ExcludedByScopingFilter;
    preview.decidingClause = UserPreview::ScopeClause {QStringLiteral("Sales only"), QStringLiteral("department"),
        QStringLiteral("EQUALS"), {QStringLiteral("Sales"), QStringLiteral("Retail")}, {QStringLiteral("Legal")},
        false};
    preview.scopeReason = preview.decidingClause->text() + QStringLiteral(": false");
    preview.clauseResults
        = {QStringLiteral("Filter external users.alternativeSecurityIds EQUALS 'None': true"), preview.scopeReason};
    preview.match = UserPreview::Match::New;
    preview.action = UserPreview::Action::Skip;
    return preview;
}

// The JSON of a preview written before scopeDecision and decidingClause existed.
QJsonObject legacyJson(bool inScope, const QString& scopeReason)
{
    return QJsonObject {{QStringLiteral("sourceUserId"), QStringLiteral("u-1")},
        {QStringLiteral("userPrincipalName"), QStringLiteral("adele@contoso.onmicrosoft.com")},
        {QStringLiteral("assigned"), true}, {QStringLiteral("inScope"), inScope},
        {QStringLiteral("scopeReason"), scopeReason}, {QStringLiteral("clauseResults"), QJsonArray {scopeReason}},
        {QStringLiteral("match"), QStringLiteral("new")}, {QStringLiteral("action"), QStringLiteral("skip")}};
}

} // namespace

TEST_CASE("UserPreview: the scope decision and the deciding clause round-trip through JSON", "[unit][sync]")
{
    const UserPreview preview = excludedByClause();
    CHECK(preview.decidingClause->text() == QStringLiteral("Sales only.department EQUALS 'Sales', 'Retail'"));
    const QJsonObject json = preview.toJson();
    CHECK(json.value(QLatin1String("scopeDecision")).toString() == QStringLiteral("excludedByScopingFilter"));
    CHECK(json.value(QLatin1String("decidingClause")).toObject().value(QLatin1String("actualValues")).toArray()
        == QJsonArray {QStringLiteral("Legal")});
    CHECK(UserPreview::fromJson(json) == preview);

    UserPreview notAssigned = preview;
    notAssigned.scopeDecision = Decision::NotAssigned;
    notAssigned.scopeReason = UserPreview::scopeDecisionReason(Decision::NotAssigned);
    notAssigned.decidingClause.reset();
    CHECK_FALSE(notAssigned.toJson().contains(QLatin1String("decidingClause")));
    CHECK(UserPreview::fromJson(notAssigned.toJson()) == notAssigned);

    // Every decision has its own word.
    for (const Decision decision :
        {Decision::ExternalUser, Decision::NotAssigned, Decision::AssignmentsUnread, Decision::NoUserMapping,
            Decision::ExcludedByScopingFilter, Decision::Disabled, Decision::InScope, Decision::Unknown}) {
        UserPreview other = preview;
        other.scopeDecision = decision;
        CHECK(UserPreview::fromJson(other.toJson()).scopeDecision == decision);
    }
}

TEST_CASE("UserPreview: JSON stored before the scope decision existed is read from its sentences", "[unit][sync]")
{
    CHECK(UserPreview::fromJson(legacyJson(true, QStringLiteral("no scoping filter"))).scopeDecision
        == Decision::InScope);
    CHECK(UserPreview::fromJson(legacyJson(false, QStringLiteral("not assigned to the configuration"))).scopeDecision
        == Decision::NotAssigned);
    CHECK(
        UserPreview::fromJson(legacyJson(false, QStringLiteral("only internal members of the source are synchronized")))
            .scopeDecision
        == Decision::ExternalUser);
    CHECK(UserPreview::fromJson(legacyJson(false, QStringLiteral("the assignments could not be read"))).scopeDecision
        == Decision::AssignmentsUnread);
    CHECK(UserPreview::fromJson(legacyJson(false, QStringLiteral("the schema has no enabled object mapping for User")))
              .scopeDecision
        == Decision::NoUserMapping);
    CHECK(UserPreview::fromJson(
              legacyJson(false, QStringLiteral("disabled in the source: sync creates only enabled users")))
              .scopeDecision
        == Decision::Disabled);
    const UserPreview clause
        = UserPreview::fromJson(legacyJson(false, QStringLiteral("Sales only.department EQUALS 'Sales': false")));
    CHECK(clause.scopeDecision == Decision::ExcludedByScopingFilter);
    CHECK_FALSE(clause.decidingClause.has_value()); // not rebuilt from a sentence
    CHECK(clause.scopeReason == QStringLiteral("Sales only.department EQUALS 'Sales': false"));
    CHECK(UserPreview::fromJson(legacyJson(false, QString())).scopeDecision == Decision::Unknown);
}
