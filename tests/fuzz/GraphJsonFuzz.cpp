// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// libFuzzer target for the readers of what Microsoft Graph and the sign-in service send: any input is taken as a
// response body and given to every reader, as a whole object and, for a page ({"value": [...]}), item by item:
// the model readers (users, groups, licences, SKUs, organization, jobs, schemas, provisioning and audit logs, CTS
// configuration, access settings, provision-on-demand results), Graph's error bodies (GraphError), the items of a
// $batch answer (BatchAnswer), token endpoint answers and AADSTS errors (TokenResponse, AuthError), the discovery
// document (AuthorityInfo) and Retry-After values. Invariants checked:
// - a reader's canonical form is a fixed point: fromJson(toJson(x)) writes the same JSON as x;
// - text made for a log or a person (GraphError, AuthError) holds no control characters and no token-shaped string;
// - a $batch item's response keeps the item's status, is a success exactly for 2xx, names a request id;
// - an authority read from a discovery document with requireSameOrigin only points at the login host, and it
//   survives being stored and read back (AuthorityInfo::toJson/fromJson);
// - Retry-After values are never negative.
// Built with -DTB_BUILD_FUZZ=ON and clang (tests/fuzz/run-fuzz.sh).
#include "core/Redaction.h"
#include "core/auth/AuthError.h"
#include "core/auth/AuthorityInfo.h"
#include "core/auth/OAuthReply.h"
#include "core/auth/TokenResponse.h"
#include "core/graph/BatchAnswer.h"
#include "core/graph/GraphError.h"
#include "core/graph/RetryPolicy.h"
#include "core/model/AccessSettings.h"
#include "core/model/AppRoleAssignment.h"
#include "core/model/AssignedPlan.h"
#include "core/model/CtsConfiguration.h"
#include "core/model/DirectoryAuditEntry.h"
#include "core/model/DirectoryGroup.h"
#include "core/model/DirectoryUser.h"
#include "core/model/LicenseDetail.h"
#include "core/model/ObjectIdentity.h"
#include "core/model/Organization.h"
#include "core/model/ProvisionOnDemandResult.h"
#include "core/model/ProvisioningLogEntry.h"
#include "core/model/ServicePlan.h"
#include "core/model/SubscribedSku.h"
#include "core/model/SyncError.h"
#include "core/model/SyncExecution.h"
#include "core/model/SyncJob.h"
#include "core/model/SyncQuarantine.h"
#include "core/model/SynchronizationSchema.h"
#include "core/model/Tenant.h"
#include "tests/fuzz/FuzzCheck.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QString>
#include <QUrl>

#include <algorithm>
#include <cstddef>
#include <cstdint>

using namespace tb;

namespace {

const QDateTime& now()
{
    static const QDateTime instant(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC);
    return instant;
}

// Nothing a log line or a message shows may move a terminal's cursor or carry a token.
void checkShownText(const QString& text)
{
    TB_FUZZ_CHECK(std::none_of(text.cbegin(), text.cend(), &Redaction::isControlOrDirectional));
    static const QRegularExpression jwt(QStringLiteral("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"));
    TB_FUZZ_CHECK(!jwt.match(text).hasMatch());
}

// x -> toJson -> fromJson -> toJson gives the same JSON: what the client stores or sends back is read the same.
template <typename T>
void checkFixedPoint(const T& value)
{
    const QJsonObject once = value.toJson();
    const QJsonObject twice = T::fromJson(once).toJson();
    TB_FUZZ_CHECK(once == twice);
}

template <typename T>
void checkOptionalFixedPoint(const std::optional<T>& value)
{
    if (!value) {
        return;
    }
    const QJsonObject once = value->toJson();
    const std::optional<T> again = T::fromJson(once);
    TB_FUZZ_CHECK(again.has_value());
    TB_FUZZ_CHECK(again->toJson() == once);
}

void readModel(const QJsonObject& json)
{
    checkFixedPoint(model::DirectoryUser::fromJson(json));
    checkFixedPoint(model::DirectoryGroup::fromJson(json));
    checkFixedPoint(model::LicenseDetail::fromJson(json));
    checkFixedPoint(model::SubscribedSku::fromJson(json));
    checkFixedPoint(model::ServicePlan::fromJson(json));
    checkFixedPoint(model::AssignedPlan::fromJson(json));
    checkFixedPoint(model::Organization::fromJson(json));
    checkFixedPoint(model::Tenant::fromJson(json));
    checkFixedPoint(model::ObjectIdentity::fromJson(json));
    checkFixedPoint(model::SyncJob::fromJson(json));
    checkFixedPoint(model::SyncError::fromJson(json));
    checkOptionalFixedPoint(model::SyncExecution::fromJson(json));
    checkOptionalFixedPoint(model::SyncQuarantine::fromJson(json));
    checkFixedPoint(model::ProvisioningLogEntry::fromJson(json));
    checkFixedPoint(model::CtsConfiguration::fromJson(json));
    checkFixedPoint(model::CtsConfiguration::fromInstantiateJson(json));
    checkFixedPoint(model::CtsConfiguration::fromServicePrincipalJson(json));
    checkFixedPoint(model::AccessSettings::fromPartnerJson(json));
    (void)model::AppRoleAssignment::fromJson(json);
    (void)model::DirectoryAuditEntry::fromJson(json);

    QString problem;
    const std::optional<model::ProvisionOnDemandResult> onDemand
        = model::ProvisionOnDemandResult::fromJson(json, &problem);
    TB_FUZZ_CHECK(onDemand.has_value() || !problem.isEmpty());
    if (onDemand) {
        for (const QString& type : {QStringLiteral("import"), QStringLiteral("scoping"), QStringLiteral("export")}) {
            const model::ProvisioningLogEntry::Step* step = onDemand->stepOfType(type);
            TB_FUZZ_CHECK(step == nullptr || step->type == type);
        }
    }

    // A schema keeps every field it does not model: written back, it reads the same.
    const model::SynchronizationSchema schema = model::SynchronizationSchema::fromJson(json);
    const QJsonObject schemaJson = schema.toJson();
    TB_FUZZ_CHECK(model::SynchronizationSchema::fromJson(schemaJson).toJson() == schemaJson);
    if (const std::optional<model::SynchronizationSchema::ObjectMapping> mapping = schema.userMapping()) {
        TB_FUZZ_CHECK(mapping->enabled);
        for (const model::SynchronizationSchema::AttributeMapping& attribute : mapping->attributeMappings) {
            TB_FUZZ_CHECK(model::SynchronizationSchema::AttributeMapping::fromJson(attribute.toJson()) == attribute);
        }
        for (const model::SynchronizationSchema::ScopingGroup& group : mapping->scopeGroups) {
            TB_FUZZ_CHECK(model::SynchronizationSchema::ScopingGroup::fromJson(group.toJson()) == group);
        }
    }
}

void readGraphError(const QByteArray& body, int status)
{
    const graph::GraphError error = graph::GraphError::fromHttp(status, body);
    TB_FUZZ_CHECK(error.isError());
    TB_FUZZ_CHECK(error.httpStatus() == status);
    TB_FUZZ_CHECK(error.kind() == graph::GraphError::kindForStatus(status)
        || (graph::GraphError::kindForStatus(status) == graph::GraphError::Kind::None
            && error.kind() == graph::GraphError::Kind::Http));
    const QString sentence = error.userMessage();
    TB_FUZZ_CHECK(!sentence.isEmpty());
    checkShownText(sentence);
    checkShownText(error.toLogString());
}

void readBatch(const QJsonObject& json)
{
    graph::GraphResponse outer;
    outer.setHttpStatus(200);
    outer.setRequestId(QStringLiteral("batch-request-id"));
    outer.setClientRequestId(QStringLiteral("client-request-id"));
    const QHash<QString, QJsonObject> answers = graph::BatchAnswer::answersById(json);
    for (auto it = answers.cbegin(); it != answers.cend(); ++it) {
        TB_FUZZ_CHECK(it.key() == it.key().toLower());
        const graph::GraphResponse response = graph::BatchAnswer::itemResponse(it.value(), it.key(), outer, 1, now());
        const int status = it.value().value(QStringLiteral("status")).toInt();
        TB_FUZZ_CHECK(response.httpStatus() == status);
        TB_FUZZ_CHECK(response.isSuccess() == (status >= 200 && status < 300));
        TB_FUZZ_CHECK(!response.requestId().isEmpty());
        TB_FUZZ_CHECK(response.clientRequestId() == outer.clientRequestId());
        for (auto header = response.headers().cbegin(); header != response.headers().cend(); ++header) {
            TB_FUZZ_CHECK(header.key() == header.key().toLower());
        }
        if (!response.isSuccess()) {
            const graph::GraphError& error = response.error();
            TB_FUZZ_CHECK(error.kind() == graph::GraphError::Kind::MalformedResponse || error.httpStatus() == status);
            TB_FUZZ_CHECK(!error.requestId().isEmpty());
            TB_FUZZ_CHECK(!error.retryAfterMs() || *error.retryAfterMs() >= 0);
            checkShownText(error.userMessage());
            checkShownText(error.toLogString());
        }
    }
}

void readTokenAnswer(const QByteArray& body, const QJsonObject& json, int status)
{
    QString problem;
    const std::optional<auth::TokenResponse> token = auth::TokenResponse::parse(body, &problem);
    if (token) {
        TB_FUZZ_CHECK(token->isValid());
        TB_FUZZ_CHECK(token->homeAccountId() == token->homeAccountId().toLower());
        TB_FUZZ_CHECK(!token->audienceProblem(token->audience).has_value());
        TB_FUZZ_CHECK(!json.contains(QStringLiteral("error")));
    } else {
        TB_FUZZ_CHECK(!problem.isEmpty());
    }
    const auth::AuthError error = auth::AuthError::fromTokenEndpoint(status, json);
    if (error.isError()) {
        TB_FUZZ_CHECK(!error.userMessage.isEmpty());
        TB_FUZZ_CHECK(!error.code.isEmpty());
        checkShownText(error.description);
        checkShownText(error.toLogString());
    }
    TB_FUZZ_CHECK(
        auth::AuthError::aadstsFromDescription(json.value(QStringLiteral("error_description")).toString()) >= 0);
}

void readDiscovery(const QJsonObject& json)
{
    const QUrl loginHost(QStringLiteral("https://login.microsoftonline.com"));
    QString problem;
    const std::optional<auth::AuthorityInfo> authority = auth::AuthorityInfo::fromDiscovery(
        json, QStringLiteral("contoso.onmicrosoft.com"), loginHost, true, false, QUrl(), &problem);
    if (!authority) {
        TB_FUZZ_CHECK(!problem.isEmpty());
        return;
    }
    TB_FUZZ_CHECK(authority->isValid());
    for (const QUrl& endpoint : {authority->tokenEndpoint, authority->deviceAuthorizationEndpoint}) {
        TB_FUZZ_CHECK(auth::AuthorityInfo::originOf(endpoint) == auth::AuthorityInfo::originOf(loginHost));
    }
    // What the token cache stores is read back the same.
    const QJsonObject stored = authority->toJson();
    const std::optional<auth::AuthorityInfo> restored = auth::AuthorityInfo::fromJson(stored);
    TB_FUZZ_CHECK(restored.has_value());
    TB_FUZZ_CHECK(restored->toJson() == stored);
}

void readRetryAfter(const QByteArray& value)
{
    const std::optional<qint64> graphMs = graph::RetryPolicy::parseRetryAfterMs(value, now());
    TB_FUZZ_CHECK(!graphMs || *graphMs >= 0);
    const int authMs = auth::OAuthReply::parseRetryAfterMs(value, now());
    TB_FUZZ_CHECK(authMs >= -1 && authMs <= 3600 * 1000);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    // The status an error body came with: spread over the ones Graph and the token endpoint use.
    static constexpr int kStatuses[] = {400, 401, 403, 404, 409, 424, 429, 500, 503, 302};
    const int status = kStatuses[size % std::size(kStatuses)];

    readGraphError(body, status);
    readRetryAfter(body.left(body.indexOf('\n') < 0 ? 64 : body.indexOf('\n')));

    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject()) {
        return 0;
    }
    const QJsonObject json = document.object();
    readModel(json);
    for (const QJsonValue& item : json.value(QStringLiteral("value")).toArray()) {
        readModel(item.toObject());
    }
    readBatch(json);
    readTokenAnswer(body, json, status);
    readDiscovery(json);
    return 0;
}
