// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/graph/GraphRouter.h"

#include "core/sandbox/FaultPlan.h"
#include "core/sandbox/MonotonicEpochClock.h"
#include "core/sandbox/RequestLog.h"
#include "core/sandbox/World.h"
#include "core/sandbox/graph/GraphRequestContext.h"
#include "core/sandbox/http/HttpRequest.h"
#include "core/sandbox/login/AccessTokenValidator.h"
#include "core/sandbox/login/GraphScopes.h"
#include "core/sandbox/login/LoginState.h"

#include <QUuid>

#include <algorithm>

namespace tbsandbox {

namespace {

// The application id the throttle-scope header names; the sandbox has one app per tenant token.
const QString kSandboxAppId = QStringLiteral("7e1b2a9c-0d4f-4c6b-9a35-5f0e2d8c1b70");

bool isVersionSegment(const QString& segment)
{
    return segment == QLatin1String("v1.0") || segment == QLatin1String("beta");
}

QString newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

constexpr qsizetype kMaxClientRequestIdLength = 128;

// A client-request-id is echoed in a response header and in logs: only a plain token is, anything else is
// treated as absent (the answer then carries a generated one), so nothing a client sends can end up as a
// second header or a forged log line.
QString saneClientRequestId(const QString& candidate)
{
    const bool sane = candidate.size() <= kMaxClientRequestIdLength
        && std::all_of(candidate.cbegin(), candidate.cend(), [](QChar c) {
               return (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                   || (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
                   || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') || c == QLatin1Char('_')
                   || c == QLatin1Char('.') || c == QLatin1Char(':');
           });
    return sane ? candidate : QString();
}

QString bearerToken(const QByteArray& authorization)
{
    const QByteArray trimmed = authorization.trimmed();
    if (trimmed.size() <= 7 || trimmed.left(7).toLower() != "bearer ") {
        return {};
    }
    return QString::fromLatin1(trimmed.mid(7).trimmed());
}

} // namespace

GraphRouter::GraphRouter(
    World& world, FaultPlan& faults, RequestLog& log, const MonotonicEpochClock& clock, LoginState& login)
    : m_world(world)
    , m_faults(faults)
    , m_log(log)
    , m_clock(clock)
    , m_login(login)
    , m_policies(world)
    , m_synchronization(world)
{ }

void GraphRouter::setOptions(const SandboxOptions* options)
{
    m_policies.setOptions(options);
    m_synchronization.setOptions(options);
}

QUrl GraphRouter::linkBase(const HttpRequest& request) const
{
    // Links name the host the client used (localhost or 127.0.0.1), so that a client that keeps a next link
    // on its own origin accepts them. Only loopback names on our own port are taken: a foreign Host must not
    // turn the sandbox into a source of links to another machine.
    const std::optional<HostHeader> host = request.host();
    if (!host || !host->isLoopback()) {
        return m_baseUrl;
    }
    const int defaultPort = m_baseUrl.scheme() == QLatin1String("https") ? 443 : 80;
    if ((host->port() < 0 ? defaultPort : host->port()) != m_baseUrl.port()) {
        return m_baseUrl;
    }
    QByteArray name = host->name();
    if (name.startsWith('[')) {
        name = name.mid(1, name.size() - 2);
    }
    QUrl named = m_baseUrl; // keeps the scheme (https with TLS) and the port
    named.setHost(QString::fromLatin1(name));
    return named.isValid() ? named : m_baseUrl;
}

HttpResponse GraphRouter::handle(const HttpRequest& request)
{
    GraphRequestContext context;
    context.method = QString::fromLatin1(request.method).toUpper();
    context.requestId = newRequestId();
    context.clientRequestId
        = saneClientRequestId(QString::fromLatin1(request.header(QByteArrayLiteral("client-request-id"))));
    context.baseUrl = linkBase(request);
    context.consistencyEventual
        = request.header(QByteArrayLiteral("consistencylevel")).trimmed().toLower() == QByteArrayLiteral("eventual");
    context.contentType = request.header(QByteArrayLiteral("content-type"));
    context.body = request.body;
    const qsizetype question = request.target.indexOf('?');
    context.rawPath = question < 0 ? request.target : request.target.left(question);
    context.setRawQuery(request.rawQuery());

    RequestLogEntry entry;
    entry.receivedAtMs = request.receivedAtMs;
    entry.method = context.method;
    entry.target = QString::fromUtf8(request.target);
    entry.clientRequestId = context.clientRequestId;
    entry.requestId = context.requestId;

    const auto finish = [&](const GraphReply& reply, const QString& fault, HttpResponse::Delivery delivery) {
        entry.status = reply.status;
        entry.retryAfterSeconds = reply.retryAfterSeconds;
        entry.fault = fault;
        entry.tenantId = context.tenant ? context.tenant->idText() : QString();
        m_log.append(entry);
        HttpResponse response = toHttp(reply, context);
        response.setDelivery(delivery);
        return response;
    };

    const QString path = request.path();
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    int prefixLength = 0;
    if (!segments.isEmpty() && isVersionSegment(segments.first())) {
        prefixLength = 1;
    } else if (segments.size() >= 2 && isVersionSegment(segments.at(1))) {
        prefixLength = 2;
    } else {
        return finish(GraphReply::error(context, 404, QStringLiteral("Request_ResourceNotFound"),
                          QStringLiteral("'%1' is not a path this sandbox serves: Graph paths start with "
                                         "/v1.0/ or /{tenant id or domain}/v1.0/, control paths with "
                                         "/_sandbox/.")
                              .arg(path)),
            QString(), HttpResponse::Delivery::Complete);
    }
    context.pathPrefix = QLatin1Char('/') + segments.mid(0, prefixLength).join(QLatin1Char('/'));
    context.segments = segments.mid(prefixLength);

    const AccessTokenValidator::Result token
        = AccessTokenValidator(m_world, m_login)
              .validate(bearerToken(request.header(QByteArrayLiteral("authorization"))), m_clock.nowMs());
    if (!token.isValid()) {
        return finish(unauthenticated(context, token.problem), QString(), HttpResponse::Delivery::Complete);
    }
    TenantState* tokenTenant = token.tenant;
    context.grantedScopes = token.scopes;
    context.userId = token.userId;
    if (prefixLength == 2) {
        TenantState* pathTenant = m_world.tenantByIdOrDomain(segments.first());
        if (!pathTenant) {
            return finish(GraphReply::error(context, 404, QStringLiteral("Request_ResourceNotFound"),
                              QStringLiteral("Tenant '%1' is not served by this sandbox; use a tenant id "
                                             "or initial domain listed by GET /_sandbox/tenants.")
                                  .arg(segments.first())),
                QString(), HttpResponse::Delivery::Complete);
        }
        if (pathTenant != tokenTenant) {
            context.tenant = pathTenant;
            return finish(GraphReply::error(context, 403, QStringLiteral("Authorization_RequestDenied"),
                              QStringLiteral("The access token was issued for tenant %1, not for "
                                             "tenant %2.")
                                  .arg(tokenTenant->idText(), pathTenant->idText())),
                QString(), HttpResponse::Delivery::Complete);
        }
    }
    context.tenant = tokenTenant;

    // The outer $batch request is not counted against the window: each item is (graph-reference 8.3).
    const bool isBatch = context.segments.size() == 1 && context.segments.first() == QLatin1String("$batch");
    // Scopes are checked per item for $batch: items may reach different resources.
    if (const std::optional<GraphReply> refusal = scopeRefusal(context); refusal && !isBatch) {
        return finish(*refusal, QString(), HttpResponse::Delivery::Complete);
    }
    const Resolution resolution = applyRequestFaults(context, path, request.receivedAtMs, !isBatch);
    if (resolution.refusal) {
        return finish(*resolution.refusal, resolution.fault, HttpResponse::Delivery::Complete);
    }
    const GraphReply reply = dispatch(context, request.receivedAtMs);
    if (m_faults.takeDrop(path)) {
        return finish(reply, QStringLiteral("drop"), HttpResponse::Delivery::DropMidBody);
    }
    if (reply.status == 200 && reply.json && m_faults.takeMalformed(path)) {
        return finish(reply, QStringLiteral("malformed"), HttpResponse::Delivery::TruncatedBody);
    }
    return finish(reply, QString(), HttpResponse::Delivery::Complete);
}

GraphReply GraphRouter::handleBatchItem(
    const GraphRequestContext& outer, const BatchController::Item& item, qint64 receivedAtMs)
{
    GraphRequestContext context;
    context.method = item.method;
    context.requestId = newRequestId();
    const QString itemClientId = saneClientRequestId(item.header(QStringLiteral("client-request-id")));
    context.clientRequestId = itemClientId.isEmpty() ? outer.clientRequestId : itemClientId;
    context.baseUrl = outer.baseUrl;
    context.tenant = outer.tenant;
    context.grantedScopes = outer.grantedScopes;
    context.userId = outer.userId;
    context.pathPrefix = outer.pathPrefix;
    context.consistencyEventual
        = item.header(QStringLiteral("ConsistencyLevel")).trimmed().toLower() == QLatin1String("eventual");
    context.contentType = item.header(QStringLiteral("Content-Type")).toLatin1();
    context.body = item.body;

    const qsizetype question = item.url.indexOf(QLatin1Char('?'));
    QString itemPath = question < 0 ? item.url : item.url.left(question);
    if (!itemPath.startsWith(QLatin1Char('/'))) {
        itemPath.prepend(QLatin1Char('/'));
    }
    const QString decodedPath = QUrl::fromPercentEncoding(itemPath.toUtf8());
    context.segments = decodedPath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    context.rawPath = context.pathPrefix.toUtf8() + itemPath.toUtf8();
    context.setRawQuery(question < 0 ? QByteArray() : item.url.mid(question + 1).toUtf8());
    // Batch urls are often written unencoded; encode them again so a nextLink is a valid URL.
    context.rawQueryItems.clear();
    for (const auto& [key, value] : context.queryItems) {
        context.rawQueryItems.append({QUrl::toPercentEncoding(key, QByteArrayLiteral("$")),
            QUrl::toPercentEncoding(value, QByteArrayLiteral("$'(),:/@!*;"))});
    }

    RequestLogEntry entry;
    entry.receivedAtMs = receivedAtMs;
    entry.method = item.method;
    entry.target = item.url;
    entry.tenantId = context.tenant->idText();
    entry.clientRequestId = context.clientRequestId;
    entry.requestId = context.requestId;
    entry.batchItem = true;

    GraphReply reply;
    QString fault;
    if (!context.segments.isEmpty() && context.segments.first() == QLatin1String("$batch")) {
        reply = GraphReply::error(context, 400, QStringLiteral("BadRequest"),
            QStringLiteral("A $batch request cannot contain another $batch."));
    } else {
        // Faults match the item as if it had been sent alone: outer prefix, version, item path.
        const QString faultPath = context.pathPrefix + decodedPath;
        if (const std::optional<GraphReply> refusal = scopeRefusal(context)) {
            reply = *refusal;
        } else {
            const Resolution resolution = applyRequestFaults(context, faultPath, m_clock.nowMs(), true);
            reply = resolution.refusal ? *resolution.refusal : dispatch(context, receivedAtMs);
            fault = resolution.fault;
        }
    }
    entry.status = reply.status;
    entry.retryAfterSeconds = reply.retryAfterSeconds;
    entry.fault = fault;
    m_log.append(entry);
    return reply;
}

GraphRouter::Resolution GraphRouter::applyRequestFaults(
    const GraphRequestContext& context, const QString& faultPath, qint64 nowMs, bool throttled)
{
    Resolution resolution;
    if (throttled) {
        const FaultPlan::ThrottleVerdict verdict = m_faults.admit(context.tenant->idText(), nowMs);
        if (verdict.rejected) {
            GraphReply reply = GraphReply::error(context, 429, QStringLiteral("TooManyRequests"),
                QStringLiteral("Too many requests for tenant %1; retry after %2 seconds.")
                    .arg(context.tenant->idText())
                    .arg(verdict.retryAfterSeconds));
            reply.retryAfterSeconds = verdict.retryAfterSeconds;
            // Header forms from graph-reference 8.2.
            reply.headers.append({QByteArrayLiteral("x-ms-throttle-scope"),
                QStringLiteral("Tenant_Application/ReadWrite/%1/%2")
                    .arg(kSandboxAppId, context.tenant->idText())
                    .toLatin1()});
            reply.headers.append(
                {QByteArrayLiteral("x-ms-throttle-information"), QByteArrayLiteral("ResourceUnitLimitExceeded")});
            resolution.refusal = reply;
            resolution.fault = QStringLiteral("throttle");
            return resolution;
        }
    }
    if (const std::optional<FaultPlan::InjectedError> injected = m_faults.takeError(faultPath)) {
        GraphReply reply = GraphReply::error(context, injected->status, injected->code,
            QStringLiteral("Injected by the sandbox fault plan for '%1'.").arg(faultPath));
        reply.retryAfterSeconds = injected->retryAfterSeconds;
        resolution.refusal = reply;
        resolution.fault = QStringLiteral("error");
    }
    return resolution;
}

GraphReply GraphRouter::dispatch(GraphRequestContext& context, qint64 receivedAtMs)
{
    if (context.segments.size() == 1 && context.segments.first() == QLatin1String("$batch")) {
        const GraphRequestContext outer = context;
        return m_batch.handle(context, [this, &outer, receivedAtMs](const BatchController::Item& item) {
            return handleBatchItem(outer, item, receivedAtMs);
        });
    }
    std::optional<GraphReply> reply;
    if (context.segments.size() == 3 && context.segments.first() == QLatin1String("users")
        && context.segments.at(2) == QLatin1String("revokeSignInSessions")) {
        reply = revokeSignInSessions(context);
    } else if (std::optional<GraphReply> policy = m_policies.handle(context)) {
        reply = policy;
    } else if (std::optional<GraphReply> synchronization = m_synchronization.handle(context)) {
        reply = synchronization;
    } else if (std::optional<GraphReply> roles = m_roles.handle(context)) {
        reply = roles;
    } else if (std::optional<GraphReply> logs = m_auditLogs.handle(context)) {
        reply = logs;
    } else {
        reply = m_directory.handle(context);
    }
    if (!reply) {
        return GraphReply::error(context, 404, QStringLiteral("Request_ResourceNotFound"),
            QStringLiteral("Resource not found for the segment '%1'.")
                .arg(context.segments.isEmpty() ? QStringLiteral("/") : context.segments.last()));
    }
    if (context.method == QLatin1String("GET")) {
        context.tenant->countRead();
    } else if (reply->status != 405) {
        context.tenant->countWrite();
        if (reply->status < 400) {
            m_world.stateRegistry().markDirty();
        }
    }
    return *reply;
}

std::optional<GraphReply> GraphRouter::scopeRefusal(const GraphRequestContext& context)
{
    const QStringList required = GraphScopes::requiredFor(context.method, context.segments);
    if (required.isEmpty() || GraphScopes::grants(context.grantedScopes, required)) {
        return std::nullopt;
    }
    return GraphReply::error(context, 403, QStringLiteral("Authorization_RequestDenied"),
        QStringLiteral("Insufficient privileges to complete the operation."));
}

GraphReply GraphRouter::revokeSignInSessions(const GraphRequestContext& context)
{
    if (context.method != QLatin1String("POST")) {
        GraphReply reply = GraphReply::error(context, 405, QStringLiteral("Request_BadRequest"),
            QStringLiteral("revokeSignInSessions accepts POST only."));
        reply.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("POST")});
        return reply;
    }
    const qsizetype index = context.tenant->findUser(context.segments.at(1));
    if (index < 0) {
        return GraphReply::error(context, 404, QStringLiteral("Request_ResourceNotFound"),
            QStringLiteral("Resource '%1' does not exist or one of its queried reference-property objects are not "
                           "present.")
                .arg(context.segments.at(1)));
    }
    m_login.refreshTokens().revokeUser(context.tenant->id(), context.tenant->users().at(static_cast<size_t>(index)).id);
    return GraphReply::jsonReply(200,
        QJsonObject {{QStringLiteral("@odata.context"),
                         context.baseUrl.toString() + context.pathPrefix + QStringLiteral("/$metadata#Edm.Boolean")},
            {QStringLiteral("value"), true}});
}

GraphReply GraphRouter::unauthenticated(const GraphRequestContext& context, const QString& message)
{
    GraphReply reply = GraphReply::error(context, 401, QStringLiteral("InvalidAuthenticationToken"), message);
    reply.headers.append({QByteArrayLiteral("WWW-Authenticate"),
        QByteArrayLiteral("Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/"
                          "common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-"
                          "000000000000\"")});
    return reply;
}

HttpResponse GraphRouter::toHttp(const GraphReply& reply, const GraphRequestContext& context)
{
    HttpResponse response(reply.status, reply.contentType(), reply.bodyBytes());
    response.setHeader(QByteArrayLiteral("request-id"), context.requestId.toLatin1());
    // Graph echoes client-request-id, or repeats request-id when the client sent none (or, here, an unsafe one;
    // checked again because this is the line that writes a client's text into a header).
    const QString clientRequestId = saneClientRequestId(context.clientRequestId);
    response.setHeader(QByteArrayLiteral("client-request-id"),
        (clientRequestId.isEmpty() ? context.requestId : clientRequestId).toLatin1());
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache"));
    if (reply.retryAfterSeconds) {
        response.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(*reply.retryAfterSeconds));
    }
    for (const auto& [key, value] : reply.headers) {
        response.setHeader(key, value);
    }
    return response;
}

} // namespace tbsandbox
