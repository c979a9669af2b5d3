// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// libFuzzer target for the sandbox's OData query options (core/sandbox/graph): any input is the raw query of a
// request (what follows '?', still percent-encoded), read as the users collection reads it (ODataQuery with the
// user schema: $select, $filter, $search, $top, $count, $orderby, $skiptoken) for a collection, a /$count and a
// single user, with and without 'ConsistencyLevel: eventual'; its $filter is also read as an audit-log filter
// (LogFilter). Invariants:
// - a refusal is a 400 with a Graph code and a sentence;
// - an accepted query keeps Graph's rules: $top within 1..999, only selectable and no repeated $select names,
//   advanced operators and $search only with ConsistencyLevel: eventual (and $count or /$count), a known $orderby;
// - a filter means the same written in other ways: "(F)", "F and F" and "F or F" match the same users (or log
//   records) as F, "not (F)" the others; matching a user twice gives the same answer;
// - a $skiptoken issued for the query's scope reads back to its offset there and nowhere else.
// The users are three seed-shaped ones (a licensed member, a member without licence, a B2B guest) and the log
// records two provisioning events. Built with -DTB_BUILD_FUZZ=ON and clang (tests/fuzz/run-fuzz.sh).
#include "core/sandbox/TenantState.h"
#include "core/sandbox/UserSchema.h"
#include "core/sandbox/graph/FilterExpression.h"
#include "core/sandbox/graph/GraphRequestContext.h"
#include "core/sandbox/graph/LogFilter.h"
#include "core/sandbox/graph/ODataQuery.h"
#include "core/sandbox/graph/SearchExpression.h"
#include "core/sandbox/graph/SkipToken.h"
#include "tests/fuzz/FuzzCheck.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <cstddef>
#include <cstdint>
#include <vector>

using namespace tbsandbox;

namespace {

const char* const kUsers = R"json([
{"id":"745310d4-0414-5683-814d-d51a01b9d531","displayName":"Adele Vance","givenName":"Adele","surname":"Vance",
 "userPrincipalName":"adele.vance@contoso.onmicrosoft.com","mail":"adele.vance@contoso.onmicrosoft.com",
 "jobTitle":"Account Executive","department":"Sales","officeLocation":"Redmond","mobilePhone":"+1 425 555 1000",
 "businessPhones":["+1 425 555 2000"],"preferredLanguage":"en-US","usageLocation":"US","companyName":"Contoso",
 "accountEnabled":true,"userType":"Member","creationType":null,"externalUserState":null,
 "externalUserStateChangeDateTime":null,"onPremisesSyncEnabled":null,"createdDateTime":"2023-01-01T08:00:00Z",
 "identities":[{"signInType":"userPrincipalName","issuer":"contoso.onmicrosoft.com",
   "issuerAssignedId":"adele.vance@contoso.onmicrosoft.com"}],
 "assignedLicenses":[{"skuId":"078d2b04-f1bd-4111-bbd4-b4b1b354cef4","disabledPlans":[]}],
 "assignedPlans":[{"assignedDateTime":"2024-02-01T09:00:00Z","capabilityStatus":"Enabled",
   "service":"AADPremiumService","servicePlanId":"41781fb2-bc02-4b7c-bd55-b576c07bb09d"}]},
{"id":"0146dbd6-a770-5e65-bd83-e73aabcf8e44","displayName":"Bianca O'Berg","givenName":"Bianca","surname":"O'Berg",
 "userPrincipalName":"bianca.berg@contoso.onmicrosoft.com","mail":null,"jobTitle":null,"department":"Legal",
 "officeLocation":"München","mobilePhone":null,"businessPhones":[],"preferredLanguage":"de-DE","usageLocation":"DE",
 "companyName":"Contoso","accountEnabled":false,"userType":"Member","creationType":null,"externalUserState":null,
 "externalUserStateChangeDateTime":null,"onPremisesSyncEnabled":true,"createdDateTime":"2023-02-02T08:01:00Z",
 "identities":[],"assignedLicenses":[],"assignedPlans":[]},
{"id":"bf9baacb-4476-500c-a996-254fe3b54d8c","displayName":"Zoë Ångström (Fabrikam)","givenName":"Zoë",
 "surname":"Ångström","userPrincipalName":"zoe_fabrikam.com#EXT#@contoso.onmicrosoft.com","mail":"zoe@fabrikam.com",
 "jobTitle":"Engineer","department":"Engineering","officeLocation":null,"mobilePhone":null,"businessPhones":[],
 "preferredLanguage":null,"usageLocation":"NO","companyName":"Fabrikam","accountEnabled":true,"userType":"Guest",
 "creationType":"Invitation","externalUserState":"PendingAcceptance",
 "externalUserStateChangeDateTime":"2024-05-05T10:00:00Z","onPremisesSyncEnabled":null,
 "createdDateTime":"2024-05-05T10:00:00Z","identities":[{"signInType":"federated","issuer":"fabrikam.com",
   "issuerAssignedId":null}],"assignedLicenses":[],"assignedPlans":[]}
])json";

const char* const kLogRecords = R"json([
{"id":"11aa22bb-0000-0000-0000-000000000001","activityDateTime":"2026-11-20T10:01:37.1234567Z",
 "jobId":"Azure2Azure.0123456789abcdef.eeeeeeee-0000-0000-0000-000000000005",
 "cycleId":"33cc44dd-0000-0000-0000-000000000001","changeId":"55ee66ff-0000-0000-0000-000000000001",
 "provisioningAction":"create","durationInMilliseconds":4375,
 "sourceIdentity":{"id":"99999999-0000-0000-0000-000000000001","displayName":"Zoë Ångström","identityType":"User"},
 "targetIdentity":{"id":"aaaa1111-0000-0000-0000-000000000001","displayName":"Zoë Ångström","identityType":"User"},
 "provisioningStatusInfo":{"status":"success","errorInformation":null}},
{"id":"11aa22bb-0000-0000-0000-000000000002","activityDateTime":"2026-11-21T23:59:59Z",
 "jobId":"Azure2Azure.0123456789abcdef.eeeeeeee-0000-0000-0000-000000000005",
 "cycleId":"33cc44dd-0000-0000-0000-000000000002","changeId":"55ee66ff-0000-0000-0000-000000000002",
 "provisioningAction":"update","durationInMilliseconds":12,
 "sourceIdentity":{"id":"99999999-0000-0000-0000-000000000002","displayName":"O'Brien","identityType":"User"},
 "targetIdentity":{"id":"","displayName":"","identityType":"User"},
 "provisioningStatusInfo":{"status":"failure","errorInformation":{"errorCode":"AzureActiveDirectoryForbidden",
   "reason":"Insufficient privileges"}}}
])json";

struct Directory
{
    TenantState tenant {QUuid(QStringLiteral("{11111111-1111-1111-1111-111111111111}")), QStringLiteral("Contoso"),
        QStringLiteral("contoso.onmicrosoft.com"), QStringLiteral("Global")};
    QList<QJsonObject> logRecords;

    Directory()
    {
        for (const QJsonValue& value : QJsonDocument::fromJson(kUsers).array()) {
            QString problem;
            std::optional<UserRecord> user = UserSchema::fromJson(tenant, value.toObject(), &problem);
            TB_FUZZ_CHECK(user.has_value());
            tenant.users().push_back(std::move(*user));
        }
        for (const QJsonValue& value : QJsonDocument::fromJson(kLogRecords).array()) {
            logRecords.append(value.toObject());
        }
    }
};

const Directory& directory()
{
    static const Directory instance;
    return instance;
}

QList<bool> userMatches(const FilterExpression& filter)
{
    QList<bool> result;
    const TenantState& tenant = directory().tenant;
    for (const UserRecord& user : tenant.users()) {
        const auto accessor
            = [&tenant, &user](int id) { return UserSchema::value(tenant, user, static_cast<UserProperty>(id)); };
        const bool matches = filter.matches(accessor);
        TB_FUZZ_CHECK(filter.matches(accessor) == matches);
        result.append(matches);
    }
    return result;
}

QList<bool> negated(QList<bool> values)
{
    for (bool& value : values) {
        value = !value;
    }
    return values;
}

void checkFilterAlgebra(const QString& text, const ODataQuery::Schema& schema)
{
    QueryError error;
    const std::optional<FilterExpression> filter = FilterExpression::parse(text, schema.filterResolver, &error);
    if (!filter) {
        TB_FUZZ_CHECK(error.status == 400 && !error.code.isEmpty() && !error.message.isEmpty());
        return;
    }
    const QList<bool> matches = userMatches(*filter);
    const auto same = [&](const QString& variant, const QList<bool>& expected) {
        QueryError variantError;
        const std::optional<FilterExpression> other
            = FilterExpression::parse(variant, schema.filterResolver, &variantError);
        if (!other && variantError.message.contains(QLatin1String("levels deep"))) {
            return; // the variant nests one level more than the parser takes
        }
        TB_FUZZ_CHECK(other.has_value());
        TB_FUZZ_CHECK(userMatches(*other) == expected);
    };
    same(QLatin1Char('(') + text + QLatin1Char(')'), matches);
    same(QStringLiteral("not (") + text + QLatin1Char(')'), negated(matches));
    same(QLatin1Char('(') + text + QStringLiteral(") and (") + text + QLatin1Char(')'), matches);
    same(QLatin1Char('(') + text + QStringLiteral(") or (") + text + QLatin1Char(')'), matches);
}

QList<bool> logMatches(const LogFilter& filter)
{
    QList<bool> result;
    for (const QJsonObject& record : directory().logRecords) {
        const bool matches = filter.matches(record);
        TB_FUZZ_CHECK(filter.matches(record) == matches);
        result.append(matches);
    }
    return result;
}

void checkLogFilter(const QString& text)
{
    QString problem;
    const std::optional<LogFilter> filter = LogFilter::parse(text, &problem);
    if (!filter) {
        TB_FUZZ_CHECK(!problem.isEmpty());
        return;
    }
    const QList<bool> matches = logMatches(*filter);
    const auto same = [&](const QString& variant, const QList<bool>& expected) {
        QString variantProblem;
        const std::optional<LogFilter> other = LogFilter::parse(variant, &variantProblem);
        if (!other && variantProblem.contains(QLatin1String("levels deep"))) {
            return; // the variant nests one level more than the parser takes
        }
        TB_FUZZ_CHECK(other.has_value());
        TB_FUZZ_CHECK(logMatches(*other) == expected);
    };
    same(QLatin1Char('(') + text + QLatin1Char(')'), matches);
    same(QStringLiteral("not (") + text + QLatin1Char(')'), negated(matches));
    same(QLatin1Char('(') + text + QStringLiteral(") and (") + text + QLatin1Char(')'), matches);
    same(QLatin1Char('(') + text + QStringLiteral(") or (") + text + QLatin1Char(')'), matches);
}

void checkQuery(const GraphRequestContext& context, const ODataQuery::Schema& schema, ODataQuery::Shape shape)
{
    QueryError error;
    const std::optional<ODataQuery> query = ODataQuery::parse(context, schema, shape, &error);
    if (!query) {
        TB_FUZZ_CHECK(error.status == 400);
        TB_FUZZ_CHECK(error.code == QLatin1String("Request_BadRequest")
            || error.code == QLatin1String("Request_UnsupportedQuery"));
        TB_FUZZ_CHECK(!error.message.isEmpty());
        return;
    }
    TB_FUZZ_CHECK(query->top() >= 1 && query->top() <= ODataQuery::kMaxPageSize);
    TB_FUZZ_CHECK(query->offset() >= 0);
    QStringList seen;
    for (const QString& name : query->select()) {
        TB_FUZZ_CHECK(schema.isSelectable(name));
        TB_FUZZ_CHECK(!seen.contains(name, Qt::CaseInsensitive));
        seen.append(name);
    }
    if (shape == ODataQuery::Shape::Entity) {
        TB_FUZZ_CHECK(!query->filter() && !query->search() && query->orderBy().isEmpty());
    }
    if (query->filter()) {
        if (query->filter()->usesAdvancedOperators()) {
            TB_FUZZ_CHECK(context.consistencyEventual && (query->count() || shape == ODataQuery::Shape::Count));
            TB_FUZZ_CHECK(!query->filter()->advancedOperator().isEmpty());
        }
        (void)userMatches(*query->filter());
    }
    if (query->search()) {
        TB_FUZZ_CHECK(context.consistencyEventual);
        const TenantState& tenant = directory().tenant;
        for (const UserRecord& user : tenant.users()) {
            const auto accessor
                = [&tenant, &user](int id) { return UserSchema::value(tenant, user, static_cast<UserProperty>(id)); };
            TB_FUZZ_CHECK(query->search()->matches(accessor) == query->search()->matches(accessor));
        }
    }
    if (!query->orderBy().isEmpty()) {
        TB_FUZZ_CHECK(schema.orderable.contains(query->orderBy(), Qt::CaseInsensitive));
    }
    TB_FUZZ_CHECK(!query->count() || context.consistencyEventual);

    // The next page's token reads back to its offset for this query, and for no other.
    const qsizetype offset = query->offset() + query->top();
    const QString token = SkipToken::encode(offset, query->scope());
    TB_FUZZ_CHECK(SkipToken::decode(token, query->scope()) == offset);
    TB_FUZZ_CHECK(!SkipToken::decode(token, query->scope() + QLatin1Char('x')).has_value());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray rawQuery(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    static const ODataQuery::Schema schema = UserSchema::odataSchema();

    GraphRequestContext context;
    context.method = QStringLiteral("GET");
    context.segments = QStringList {QStringLiteral("users")};
    context.pathPrefix = QStringLiteral("/v1.0");
    context.setRawQuery(rawQuery);
    for (const bool eventual : {false, true}) {
        context.consistencyEventual = eventual;
        checkQuery(context, schema, ODataQuery::Shape::Collection);
        checkQuery(context, schema, ODataQuery::Shape::Count);
        checkQuery(context, schema, ODataQuery::Shape::Entity);
    }

    // The last $filter (or the whole input when there is none) as a users filter and as an audit-log filter.
    QString filterText = QString::fromUtf8(rawQuery);
    for (const auto& [key, value] : std::as_const(context.queryItems)) {
        if (key.compare(QLatin1String("$filter"), Qt::CaseInsensitive) == 0) {
            filterText = value;
        }
    }
    checkFilterAlgebra(filterText, schema);
    checkLogFilter(filterText);
    return 0;
}
