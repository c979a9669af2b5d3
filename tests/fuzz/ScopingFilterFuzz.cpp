// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// libFuzzer target for scoping filters, on both sides: the client's preview (model::SynchronizationSchema read from
// JSON, sync::MappingEvaluator::evaluateScope with sync::ScopingOperator) and the sandbox's own implementation
// (tbsandbox::ScopeFilter, which shares no code with the client). The input is a JSON object
//   {"scope": {"groups": [...]}, "user": {...Graph user...}, "assigned": true, "attributeMappings": [...]}
// put into an object mapping of a schema. Invariants:
// - the scope's groups survive being written back into the schema (setScopeGroups) and read again;
// - the client's verdict is the documented rule worked out independently from ScopingOperator's answer per clause:
//   a group passes when all its clauses hold, the filter when any group does, "Filter external users" is required;
//   one clause line and one problem per clause that could not be evaluated; the deciding clause agrees with the
//   verdict;
// - an operator's name reads back to the same operator;
// - the attribute mappings of the same object mapping preview without crashing, one entry per previewed mapping;
// - the sandbox's verdict is deterministic and lets everything in when there are no groups, and a scope it finds
//   no problem in uses only operators it knows.
// Built with -DTB_BUILD_FUZZ=ON and clang (tests/fuzz/run-fuzz.sh).
#include "core/model/SynchronizationSchema.h"
#include "core/sandbox/sync/ScopeFilter.h"
#include "core/sync/MappingEvaluator.h"
#include "core/sync/expression/ScopingOperator.h"
#include "tests/fuzz/FuzzCheck.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace tb;
using Schema = model::SynchronizationSchema;

namespace {

sync::ExpressionContext context()
{
    sync::ExpressionContext result;
    result.clock = [] { return QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC); };
    result.isUniqueInTarget = [](const QString& value) { return value.size() % 2 == 1; };
    return result;
}

QJsonObject schemaJson(const QJsonObject& input)
{
    const QJsonObject objectMapping {{QStringLiteral("name"), QStringLiteral("Provision Microsoft Entra ID Users")},
        {QStringLiteral("enabled"), true}, {QStringLiteral("flowTypes"), QStringLiteral("Add, Update, Delete")},
        {QStringLiteral("sourceObjectName"), QStringLiteral("User")},
        {QStringLiteral("targetObjectName"), QStringLiteral("User")},
        {QStringLiteral("scope"), input.value(QStringLiteral("scope"))},
        {QStringLiteral("attributeMappings"), input.value(QStringLiteral("attributeMappings"))}};
    const QJsonObject rule {{QStringLiteral("id"), QStringLiteral("AzureAdToAzureAd.ABCD.Rule")},
        {QStringLiteral("name"), QStringLiteral("USER_OUTBOUND")},
        {QStringLiteral("objectMappings"), QJsonArray {objectMapping}}};
    return QJsonObject {{QStringLiteral("id"), QStringLiteral("AzureAdToAzureAd")},
        {QStringLiteral("synchronizationRules"), QJsonArray {rule}}};
}

struct Expected
{
    bool passed = true;
    qsizetype clauses = 0;
    qsizetype problems = 0;
};

// The documented rule, from ScopingOperator's answer for each clause.
Expected expectedScope(const QList<Schema::ScopingGroup>& groups, const sync::ExpressionAttributes& attributes)
{
    Expected expected;
    bool required = true;
    bool hasOptional = false;
    bool optional = false;
    for (const Schema::ScopingGroup& group : groups) {
        bool all = true;
        for (const Schema::ScopingClause& clause : group.clauses) {
            const sync::ScopingOperator::Result result = sync::ScopingOperator::evaluate(
                clause.operatorName, attributes.value(clause.sourceOperandName), clause.values);
            all = all && result.matches && !result.isError();
            ++expected.clauses;
            expected.problems += result.isError() ? 1 : 0;
        }
        if (group.name.compare(QLatin1String(sync::MappingEvaluator::kExternalUsersGroup), Qt::CaseInsensitive) == 0) {
            required = required && all;
        } else {
            hasOptional = true;
            optional = optional || all;
        }
    }
    expected.passed = required && (!hasOptional || optional);
    return expected;
}

void checkClient(const QJsonObject& input, const QJsonObject& user, bool assigned)
{
    Schema schema = Schema::fromJson(schemaJson(input));
    const std::optional<Schema::ObjectMapping> mapping = schema.userMapping();
    TB_FUZZ_CHECK(mapping.has_value());

    // Written back and read again, the groups are the same.
    TB_FUZZ_CHECK(schema.setScopeGroups(schema.userRuleId(), mapping->name, mapping->scopeGroups));
    TB_FUZZ_CHECK(schema.userMapping()->scopeGroups == mapping->scopeGroups);
    TB_FUZZ_CHECK(Schema::fromJson(schema.toJson()).userMapping()->scopeGroups == mapping->scopeGroups);

    const sync::MappingEvaluator evaluator(*mapping, context());
    const sync::ExpressionAttributes attributes = sync::MappingEvaluator::attributesFromUser(user, assigned);
    const sync::MappingEvaluator::Scope scope = evaluator.evaluateScope(attributes);
    const Expected expected = expectedScope(mapping->scopeGroups, attributes);
    TB_FUZZ_CHECK(scope.passed == expected.passed);
    TB_FUZZ_CHECK(scope.clauseResults.size() == expected.clauses);
    TB_FUZZ_CHECK(scope.problems.size() == expected.problems);
    TB_FUZZ_CHECK(!scope.decidedBy.isEmpty());
    if (scope.decidingClause) {
        TB_FUZZ_CHECK(scope.decidingClause->holds == scope.passed);
        TB_FUZZ_CHECK(scope.clauseResults.contains(scope.decidedBy));
    }

    for (const Schema::ScopingGroup& group : mapping->scopeGroups) {
        for (const Schema::ScopingClause& clause : group.clauses) {
            if (const std::optional<sync::ScopingOperator::Kind> kind
                = sync::ScopingOperator::fromName(clause.operatorName)) {
                TB_FUZZ_CHECK(sync::ScopingOperator::fromName(sync::ScopingOperator::name(*kind)) == kind);
            }
        }
    }

    const QList<sync::UserPreview::Attribute> previewed = evaluator.evaluateAttributes(attributes, std::nullopt);
    TB_FUZZ_CHECK(previewed.size() <= mapping->attributeMappings.size());
    const QList<sync::UserPreview::Attribute> updated = evaluator.evaluateAttributes(attributes, user);
    TB_FUZZ_CHECK(updated.size() == previewed.size());
    for (const sync::UserPreview::Attribute& attribute : updated) {
        TB_FUZZ_CHECK(!attribute.changes || attribute.flows);
    }
    (void)evaluator.referencedSourceAttributes();
    (void)evaluator.mappedTargetAttributes();
}

void checkSandbox(const QJsonObject& input, const QJsonObject& user)
{
    const QJsonObject scope = input.value(QStringLiteral("scope")).toObject();
    const std::optional<QString> problem = tbsandbox::ScopeFilter::problem(scope);
    const tbsandbox::ScopeFilter::Result first = tbsandbox::ScopeFilter::evaluate(scope, user);
    const tbsandbox::ScopeFilter::Result second = tbsandbox::ScopeFilter::evaluate(scope, user);
    TB_FUZZ_CHECK(first.passed == second.passed && first.clauses == second.clauses);
    if (scope.value(QStringLiteral("groups")).toArray().isEmpty()) {
        TB_FUZZ_CHECK(first.passed);
    }
    for (auto it = first.clauses.constBegin(); it != first.clauses.constEnd(); ++it) {
        TB_FUZZ_CHECK(it.value().isBool());
    }
    if (!problem) {
        // A scope without problems names known operators only: a clause that holds needs one.
        for (const QJsonValue& group : scope.value(QStringLiteral("groups")).toArray()) {
            for (const QJsonValue& clause : group.toObject().value(QStringLiteral("clauses")).toArray()) {
                TB_FUZZ_CHECK(!clause.toObject().value(QStringLiteral("sourceOperandName")).toString().isEmpty());
            }
        }
    } else {
        TB_FUZZ_CHECK(!problem->isEmpty());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    if (!document.isObject()) {
        return 0;
    }
    const QJsonObject input = document.object();
    const QJsonObject user = input.value(QStringLiteral("user")).toObject();
    const bool assigned = input.value(QStringLiteral("assigned")).toBool(true);
    checkClient(input, user, assigned);
    checkSandbox(input, user);
    return 0;
}
