// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/UserPreview.h"

#include <QJsonArray>

namespace tb::sync {

namespace {

// The JSON words of the enums; the order is the enums'.
const QStringList kMatchWords {QStringLiteral("new"), QStringLiteral("linked"), QStringLiteral("existingGuest"),
    QStringLiteral("pendingGuest"), QStringLiteral("unknown")};
const QStringList kActionWords {QStringLiteral("create"), QStringLiteral("update"), QStringLiteral("noChange"),
    QStringLiteral("skip"), QStringLiteral("unknown")};
const QStringList kScopeDecisionWords {QStringLiteral("externalUser"), QStringLiteral("notAssigned"),
    QStringLiteral("assignmentsUnread"), QStringLiteral("noUserMapping"), QStringLiteral("excludedByScopingFilter"),
    QStringLiteral("disabled"), QStringLiteral("inScope"), QStringLiteral("unknown")};

template <typename Enum>
Enum fromWord(const QStringList& words, const QJsonValue& value, Enum fallback)
{
    const qsizetype index = words.indexOf(value.toString());
    return index < 0 ? fallback : static_cast<Enum>(index);
}

QJsonArray toArray(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toList(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& item : value.toArray()) {
        list.append(item.toString());
    }
    return list;
}

QJsonObject clauseToJson(const UserPreview::ScopeClause& clause)
{
    return QJsonObject {{QStringLiteral("groupName"), clause.groupName},
        {QStringLiteral("attribute"), clause.attribute}, {QStringLiteral("operatorName"), clause.operatorName},
        {QStringLiteral("expectedValues"), toArray(clause.expectedValues)},
        {QStringLiteral("actualValues"), toArray(clause.actualValues)}, {QStringLiteral("holds"), clause.holds}};
}

UserPreview::ScopeClause clauseFromJson(const QJsonObject& json)
{
    UserPreview::ScopeClause clause;
    clause.groupName = json.value(QLatin1String("groupName")).toString();
    clause.attribute = json.value(QLatin1String("attribute")).toString();
    clause.operatorName = json.value(QLatin1String("operatorName")).toString();
    clause.expectedValues = toList(json.value(QLatin1String("expectedValues")));
    clause.actualValues = toList(json.value(QLatin1String("actualValues")));
    clause.holds = json.value(QLatin1String("holds")).toBool();
    return clause;
}

// A preview stored before scopeDecision existed: its sentence says what decided.
UserPreview::ScopeDecision legacyScopeDecision(bool inScope, const QString& scopeReason)
{
    using Decision = UserPreview::ScopeDecision;
    if (inScope) {
        return Decision::InScope;
    }
    for (const Decision decision : {Decision::ExternalUser, Decision::NotAssigned, Decision::AssignmentsUnread,
             Decision::NoUserMapping, Decision::Disabled}) {
        if (scopeReason == UserPreview::scopeDecisionReason(decision)) {
            return decision;
        }
    }
    // Any other reason was the scoping clause's text; none at all: the user could not be read.
    return scopeReason.isEmpty() ? Decision::Unknown : Decision::ExcludedByScopingFilter;
}

} // namespace

QString UserPreview::ScopeClause::text() const
{
    QString result = QStringLiteral("%1.%2 %3").arg(groupName, attribute, operatorName);
    if (!expectedValues.isEmpty()) {
        result += QStringLiteral(" '%1'").arg(expectedValues.join(QStringLiteral("', '")));
    }
    return result;
}

QString UserPreview::ScopeClause::actualText() const
{
    return actualValues.isEmpty() ? QStringLiteral("(empty)")
                                  : QStringLiteral("'%1'").arg(actualValues.join(QStringLiteral("', '")));
}

QString UserPreview::scopeDecisionReason(ScopeDecision decision)
{
    // Preview::decide writes these into scopeReason; stored previews are read back by them (legacyScopeDecision).
    switch (decision) {
    case ScopeDecision::ExternalUser:
        return QStringLiteral("only internal members of the source are synchronized");
    case ScopeDecision::NotAssigned:
        return QStringLiteral("not assigned to the configuration");
    case ScopeDecision::AssignmentsUnread:
        return QStringLiteral("the assignments could not be read");
    case ScopeDecision::NoUserMapping:
        return QStringLiteral("the schema has no enabled object mapping for User");
    case ScopeDecision::Disabled:
        return QStringLiteral("disabled in the source: sync creates only enabled users");
    case ScopeDecision::ExcludedByScopingFilter:
    case ScopeDecision::InScope:
    case ScopeDecision::Unknown:
        break;
    }
    return {};
}

QString UserPreview::matchName(Match match)
{
    switch (match) {
    case Match::New:
        return QStringLiteral("new");
    case Match::Linked:
        return QStringLiteral("linked");
    case Match::ExistingGuest:
        return QStringLiteral("existing guest");
    case Match::PendingGuest:
        return QStringLiteral("pending guest");
    case Match::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString UserPreview::actionName(Action action)
{
    switch (action) {
    case Action::Create:
        return QStringLiteral("create");
    case Action::Update:
        return QStringLiteral("update");
    case Action::NoChange:
        return QStringLiteral("no change");
    case Action::Skip:
        return QStringLiteral("skip");
    case Action::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QList<UserPreview::Attribute> UserPreview::changes() const
{
    QList<Attribute> changed;
    for (const Attribute& attribute : attributes) {
        if (attribute.changes) {
            changed.append(attribute);
        }
    }
    return changed;
}

const UserPreview::Attribute* UserPreview::attribute(const QString& name) const
{
    for (const Attribute& attribute : attributes) {
        if (attribute.name.compare(name, Qt::CaseInsensitive) == 0) {
            return &attribute;
        }
    }
    return nullptr;
}

QJsonObject UserPreview::toJson() const
{
    QJsonArray attributeArray;
    for (const Attribute& attribute : attributes) {
        attributeArray.append(QJsonObject {{QStringLiteral("name"), attribute.name},
            {QStringLiteral("expression"), attribute.expression}, {QStringLiteral("predicted"), attribute.predicted},
            {QStringLiteral("current"), attribute.current}, {QStringLiteral("hasPrediction"), attribute.hasPrediction},
            {QStringLiteral("flows"), attribute.flows}, {QStringLiteral("changes"), attribute.changes},
            {QStringLiteral("variesOnEachRun"), attribute.variesOnEachRun}, {QStringLiteral("note"), attribute.note}});
    }
    QJsonObject json {{QStringLiteral("sourceUserId"), sourceUserId},
        {QStringLiteral("userPrincipalName"), userPrincipalName}, {QStringLiteral("displayName"), displayName},
        {QStringLiteral("mail"), mail}, {QStringLiteral("hasP1"), hasP1}, {QStringLiteral("licenceNote"), licenceNote},
        {QStringLiteral("assigned"), assigned}, {QStringLiteral("assignedThrough"), assignedThrough},
        {QStringLiteral("inScope"), inScope}, {QStringLiteral("scopeReason"), scopeReason},
        {QStringLiteral("clauseResults"), toArray(clauseResults)},
        {QStringLiteral("scopeDecision"), kScopeDecisionWords.at(static_cast<qsizetype>(scopeDecision))},
        {QStringLiteral("match"), kMatchWords.at(static_cast<qsizetype>(match))},
        {QStringLiteral("targetUserId"), targetUserId},
        {QStringLiteral("targetUserPrincipalName"), targetUserPrincipalName},
        {QStringLiteral("matchReason"), matchReason},
        {QStringLiteral("action"), kActionWords.at(static_cast<qsizetype>(action))},
        {QStringLiteral("leavesScope"), leavesScope}, {QStringLiteral("attributes"), attributeArray},
        {QStringLiteral("problems"), toArray(problems)}};
    if (decidingClause) {
        json.insert(QStringLiteral("decidingClause"), clauseToJson(*decidingClause));
    }
    return json;
}

UserPreview UserPreview::fromJson(const QJsonObject& json)
{
    UserPreview preview;
    preview.sourceUserId = json.value(QLatin1String("sourceUserId")).toString();
    preview.userPrincipalName = json.value(QLatin1String("userPrincipalName")).toString();
    preview.displayName = json.value(QLatin1String("displayName")).toString();
    preview.mail = json.value(QLatin1String("mail")).toString();
    preview.hasP1 = json.value(QLatin1String("hasP1")).toBool();
    preview.licenceNote = json.value(QLatin1String("licenceNote")).toString();
    preview.assigned = json.value(QLatin1String("assigned")).toBool();
    preview.assignedThrough = json.value(QLatin1String("assignedThrough")).toString();
    preview.inScope = json.value(QLatin1String("inScope")).toBool();
    preview.scopeReason = json.value(QLatin1String("scopeReason")).toString();
    preview.clauseResults = toList(json.value(QLatin1String("clauseResults")));
    const QJsonValue decision = json.value(QLatin1String("scopeDecision"));
    preview.scopeDecision = decision.isUndefined() ? legacyScopeDecision(preview.inScope, preview.scopeReason)
                                                   : fromWord(kScopeDecisionWords, decision, ScopeDecision::Unknown);
    if (const QJsonValue clause = json.value(QLatin1String("decidingClause")); clause.isObject()) {
        preview.decidingClause = clauseFromJson(clause.toObject());
    }
    preview.match = fromWord(kMatchWords, json.value(QLatin1String("match")), Match::Unknown);
    preview.targetUserId = json.value(QLatin1String("targetUserId")).toString();
    preview.targetUserPrincipalName = json.value(QLatin1String("targetUserPrincipalName")).toString();
    preview.matchReason = json.value(QLatin1String("matchReason")).toString();
    preview.action = fromWord(kActionWords, json.value(QLatin1String("action")), Action::Unknown);
    preview.leavesScope = json.value(QLatin1String("leavesScope")).toBool();
    for (const QJsonValue& value : json.value(QLatin1String("attributes")).toArray()) {
        const QJsonObject object = value.toObject();
        Attribute attribute;
        attribute.name = object.value(QLatin1String("name")).toString();
        attribute.expression = object.value(QLatin1String("expression")).toString();
        attribute.predicted = object.value(QLatin1String("predicted")).toString();
        attribute.current = object.value(QLatin1String("current")).toString();
        attribute.hasPrediction = object.value(QLatin1String("hasPrediction")).toBool();
        attribute.flows = object.value(QLatin1String("flows")).toBool(true);
        attribute.changes = object.value(QLatin1String("changes")).toBool();
        attribute.variesOnEachRun = object.value(QLatin1String("variesOnEachRun")).toBool();
        attribute.note = object.value(QLatin1String("note")).toString();
        preview.attributes.append(attribute);
    }
    preview.problems = toList(json.value(QLatin1String("problems")));
    return preview;
}

} // namespace tb::sync
