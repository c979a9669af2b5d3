// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/GraphCall.h"

#include "core/Clock.h"
#include "core/CoreLogging.h"
#include "core/Redaction.h"
#include "core/auth/AccessTokenSource.h"
#include "core/graph/GraphClient.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QUuid>

#include <algorithm>
#include <limits>

namespace tb::graph {

namespace {

// Transport failures (connection refused, reset, closed early, DNS, TLS, proxy, broken framing), as opposed
// to an HTTP status the service chose to send.
bool isTransportError(QNetworkReply::NetworkError error)
{
    return (error > QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied)
        || error == QNetworkReply::ProtocolFailure || error == QNetworkReply::UnknownNetworkError;
}

bool looksLikeJson(const QByteArray& contentType, const QByteArray& body)
{
    const QByteArray trimmed = body.trimmed();
    return contentType.contains("json") || trimmed.startsWith('{') || trimmed.startsWith('[');
}

} // namespace

GraphCall::GraphCall(GraphClient& client, GraphRequest request)
    : QObject(&client)
    , m_client(client)
    , m_request(std::move(request))
    , m_clientRequestId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_timeoutTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    // Precise: a coarse timer may fire up to 5 % early, and a retry must never go out before Retry-After.
    m_retryTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &GraphCall::handleTimeout);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { requestToken(false); });
}

GraphCall::~GraphCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    releaseSlot();
}

void GraphCall::cancel()
{
    if (m_finished) {
        return;
    }
    finishWithError(GraphError(GraphError::Kind::Cancelled, QStringLiteral("The request was cancelled.")));
}

void GraphCall::begin()
{
    if (m_finished) {
        return;
    }
    m_startedAtMs = m_client.clock().monotonicMs();
    if (!m_request.isValid()) {
        finishWithError(GraphError(GraphError::Kind::InvalidRequest, m_request.invalidReason()));
        return;
    }
    if (const auto& baseError = m_client.baseUrlError()) {
        finishWithError(*baseError);
        return;
    }
    const QUrl url = m_request.url(m_client.baseUrl());
    if (auto urlError = GraphClient::checkUrl(url)) {
        finishWithError(*urlError);
        return;
    }
    if (!GraphClient::isSameOrigin(url, m_client.baseUrl())) {
        finishWithError(GraphError(GraphError::Kind::InsecureUrl,
            QStringLiteral("the address %1 is not on the tenant's Graph host %2, and the request would carry the "
                           "tenant's sign-in token.")
                .arg(url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo),
                    m_client.baseUrl().toDisplayString(QUrl::RemovePath | QUrl::RemoveUserInfo))));
        return;
    }
    requestToken(false);
}

void GraphCall::requestToken(bool forceRefresh)
{
    if (m_finished) {
        return;
    }
    auth::TokenRequest tokenRequest;
    tokenRequest.tenantId = m_client.tenantId();
    tokenRequest.role = m_client.role();
    tokenRequest.scopes = m_client.scopes();
    tokenRequest.forceRefresh = forceRefresh;
    // `this` as context: a call deleted meanwhile never hears back.
    m_client.tokenSource().requestToken(
        tokenRequest, this, [this](const auth::TokenResult& result) { handleToken(result); });
}

void GraphCall::handleToken(const auth::TokenResult& result)
{
    if (m_finished) {
        return;
    }
    if (!result.isValid()) {
        GraphError error(GraphError::Kind::Auth,
            result.errorMessage.isEmpty() ? QStringLiteral("no access token for tenant %1.").arg(m_client.tenantId())
                                          : result.errorMessage);
        error.setCode(result.errorCode);
        error.setClientRequestId(m_clientRequestId);
        finishWithError(error);
        return;
    }
    if (m_rejectedResponse) {
        if (result.accessToken == m_accessToken) {
            // The source has nothing newer: sending the same token again would only earn another 401.
            finishWith(*m_rejectedResponse);
            return;
        }
        m_rejectedResponse.reset();
    }
    m_accessToken = result.accessToken;
    // The slot may be granted inside acquire(); send on the next turn so m_ticket is always known first.
    m_ticket = m_client.limiter().acquire(
        [this] { QMetaObject::invokeMethod(this, &GraphCall::sendWithSlot, Qt::QueuedConnection); });
}

void GraphCall::sendWithSlot()
{
    if (m_finished) {
        return;
    }
    ++m_attempts;
    m_timedOut = false;
    m_tooLargeBytes = 0;
    QNetworkRequest networkRequest(m_request.url(m_client.baseUrl()));
    // Never follow a redirect: it could carry the bearer token to another host.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    networkRequest.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_accessToken.toUtf8());
    networkRequest.setRawHeader(QByteArrayLiteral("client-request-id"), m_clientRequestId.toLatin1());
    networkRequest.setRawHeader(QByteArrayLiteral("return-client-request-id"), QByteArrayLiteral("true"));
    networkRequest.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    QByteArray body;
    if (m_request.body()) {
        body = QJsonDocument(*m_request.body()).toJson(QJsonDocument::Compact);
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    }
    for (const auto& [name, value] : m_request.headers()) {
        networkRequest.setRawHeader(name, value);
    }
    QNetworkReply* reply = nullptr;
    if (m_request.method() == GraphRequest::Method::Get) {
        reply = m_client.network().get(networkRequest);
    } else {
        reply
            = m_client.network().sendCustomRequest(networkRequest, GraphRequest::methodName(m_request.method()), body);
    }
    reply->setParent(this);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, &GraphCall::handleReplyFinished);
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        restartTimeout();
        checkResponseSize(received, total);
    });
    // The headers alone tell a declared size: refuse it before a byte of the body is buffered.
    connect(reply, &QNetworkReply::metaDataChanged, this, [this] {
        if (m_reply) {
            checkResponseSize(0, m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong());
        }
    });
    connect(reply, &QNetworkReply::uploadProgress, this, &GraphCall::restartTimeout);
    restartTimeout();
}

void GraphCall::restartTimeout()
{
    const int timeoutMs = m_request.timeoutMs() > 0 ? m_request.timeoutMs() : m_client.defaultTimeoutMs();
    m_timeoutTimer.start(timeoutMs);
}

void GraphCall::checkResponseSize(qint64 bytesReceived, qint64 bytesTotal)
{
    const qint64 size = std::max(bytesReceived, bytesTotal);
    if (m_reply && m_tooLargeBytes == 0 && size > kMaxResponseBytes) {
        m_tooLargeBytes = size;
        m_reply->abort(); // emits finished, handled as too large
    }
}

void GraphCall::handleTimeout()
{
    if (m_reply) {
        m_timedOut = true;
        m_reply->abort(); // emits finished, handled as a timeout
    }
}

GraphResponse GraphCall::responseFrom(QNetworkReply& reply, const QByteArray& body) const
{
    GraphResponse response;
    response.setHttpStatus(reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
    QHash<QByteArray, QByteArray> headers;
    for (const auto& [name, value] : reply.rawHeaderPairs()) {
        headers.insert(name.toLower(), value);
    }
    response.setHeaders(headers);
    response.setRequestId(QString::fromLatin1(headers.value(QByteArrayLiteral("request-id"))));
    response.setClientRequestId(m_clientRequestId);
    response.setRawBody(body);
    return response;
}

void GraphCall::handleReplyFinished()
{
    QNetworkReply* reply = m_reply.data();
    if (reply == nullptr || m_finished) {
        return;
    }
    m_timeoutTimer.stop();
    m_reply = nullptr;
    reply->deleteLater();
    releaseSlot();

    if (m_tooLargeBytes > 0) {
        // What was buffered goes with the reply, unread.
        GraphError error(GraphError::Kind::ResponseTooLarge,
            QStringLiteral("the answer to %1 is %2 MB or more, above the %3 MB TenantBridge reads")
                .arg(Redaction::redactLine(m_request.logDescription()))
                .arg(m_tooLargeBytes / (1024 * 1024))
                .arg(kMaxResponseBytes / (1024 * 1024)));
        error.setHttpStatus(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
        error.setRequestId(QString::fromLatin1(reply->rawHeader(QByteArrayLiteral("request-id"))));
        finishWithError(error);
        return;
    }
    const QByteArray body = reply->readAll();
    GraphResponse response = responseFrom(*reply, body);
    const QNetworkReply::NetworkError networkError = reply->error();
    const int status = response.httpStatus();

    if (m_timedOut || isTransportError(networkError) || status == 0) {
        GraphError error = m_timedOut ? GraphError(GraphError::Kind::Timeout, QStringLiteral("no answer in time"))
                                      : GraphError(GraphError::Kind::Network, reply->errorString());
        error.setRequestId(response.requestId());
        error.setClientRequestId(m_clientRequestId);
        response.setError(error);
        if (!retryIfAllowed(response, true)) {
            finishWith(response);
        }
        return;
    }

    const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
    QJsonParseError parseError {};
    QJsonDocument document;
    const bool jsonBody = !body.trimmed().isEmpty() && looksLikeJson(contentType, body);
    if (jsonBody) {
        document = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error == QJsonParseError::NoError && document.isObject()) {
            response.setJson(document.object());
        }
    }

    if (status >= 200 && status < 300) {
        if (jsonBody && (parseError.error != QJsonParseError::NoError || !document.isObject())) {
            GraphError error(GraphError::Kind::MalformedResponse,
                parseError.error != QJsonParseError::NoError
                    ? QStringLiteral("the JSON body breaks off or is invalid at offset %1 (%2)")
                          .arg(parseError.offset)
                          .arg(parseError.errorString())
                    : QStringLiteral("the JSON body is not an object"));
            error.setHttpStatus(status);
            error.setRequestId(response.requestId());
            error.setClientRequestId(m_clientRequestId);
            response.setError(error);
        }
        finishWith(response);
        return;
    }

    GraphError error = GraphError::fromHttp(status, body);
    if (!response.requestId().isEmpty()) {
        error.setRequestId(response.requestId());
    }
    error.setClientRequestId(m_clientRequestId);
    error.setRetryAfterMs(
        RetryPolicy::parseRetryAfterMs(response.header(QByteArrayLiteral("retry-after")), m_client.clock().nowUtc()));
    response.setError(error);

    if (status == 401) {
        auth::TokenRequest rejected;
        rejected.tenantId = m_client.tenantId();
        rejected.role = m_client.role();
        rejected.scopes = m_client.scopes();
        m_client.tokenSource().reportRejected(rejected, m_accessToken);
        if (!m_triedFreshToken) {
            // One more try with a freshly issued token (the cached one may have been revoked); handleToken
            // finishes with this answer if the source has nothing newer.
            m_triedFreshToken = true;
            m_rejectedResponse = response;
            requestToken(true);
            return;
        }
    }
    if (!retryIfAllowed(response, false)) {
        finishWith(response);
    }
}

bool GraphCall::retryIfAllowed(const GraphResponse& response, bool transportFailed)
{
    const RetryPolicy& policy = m_client.retryPolicy();
    if (!policy.shouldRetry(m_attempts, response.httpStatus(), transportFailed, m_request.isRetrySafe())) {
        return false;
    }
    const std::optional<qint64> retryAfterMs = response.error().retryAfterMs();
    if (retryAfterMs && policy.isRetryAfterTooLong(*retryAfterMs)) {
        return false;
    }
    const qint64 delay = policy.delayMs(m_attempts, retryAfterMs, m_previousDelayMs);
    m_previousDelayMs = delay;
    qCInfo(lcGraph).noquote() << Redaction::redactLine(m_request.logDescription()) << "->"
                              << response.error().toLogString() << "- attempt" << m_attempts << "of"
                              << policy.maxAttempts() << ", retrying in" << delay << "ms";
    scheduleRetry(delay);
    return true;
}

void GraphCall::scheduleRetry(qint64 delayMs)
{
    m_retryTimer.start(static_cast<int>(std::min<qint64>(delayMs, std::numeric_limits<int>::max())));
}

void GraphCall::releaseSlot()
{
    if (m_ticket) {
        const InFlightLimiter::Ticket ticket = *m_ticket;
        m_ticket.reset();
        m_client.limiter().cancel(ticket);
    }
}

void GraphCall::finishWithError(const GraphError& error)
{
    GraphResponse response;
    GraphError withIds = error;
    withIds.setClientRequestId(m_clientRequestId);
    response.setClientRequestId(m_clientRequestId);
    response.setError(withIds);
    finishWith(response);
}

void GraphCall::finishWith(const GraphResponse& response)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_timeoutTimer.stop();
    m_retryTimer.stop();
    if (m_reply) {
        QNetworkReply* reply = m_reply.data();
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    releaseSlot();
    m_accessToken.clear();

    GraphResponse result = response;
    result.setAttempts(m_attempts);
    result.setClientRequestId(m_clientRequestId);
    const qint64 durationMs = m_startedAtMs >= 0 ? m_client.clock().monotonicMs() - m_startedAtMs : 0;
    // Method, path template, status, ids, duration: never headers, tokens or bodies (STYLE.md).
    if (result.isSuccess()) {
        qCInfo(lcGraph).noquote() << Redaction::redactLine(m_request.logDescription()) << "->" << result.httpStatus()
                                  << "request-id" << result.requestId() << "client-request-id" << m_clientRequestId
                                  << "attempts" << m_attempts << durationMs << "ms";
    } else if (result.error().kind() == GraphError::Kind::Cancelled) {
        // The caller's decision (a closed page, a program ending): worth a line when asked for, not a warning.
        qCInfo(lcGraph).noquote() << Redaction::redactLine(m_request.logDescription()) << "-> cancelled"
                                  << "client-request-id" << m_clientRequestId;
    } else if (result.httpStatus() == 404 && m_request.method() == GraphRequest::Method::Get) {
        // A read of something that is not there: an answer the caller asked for ("is there a partner entry?"),
        // not a fault; a caller that needed it says so itself.
        qCInfo(lcGraph).noquote() << Redaction::redactLine(m_request.logDescription()) << "->"
                                  << result.error().toLogString() << "client-request-id" << m_clientRequestId;
    } else {
        qCWarning(lcGraph).noquote() << Redaction::redactLine(m_request.logDescription()) << "->"
                                     << result.error().toLogString() << "client-request-id" << m_clientRequestId
                                     << "attempts" << m_attempts << durationMs << "ms";
    }
    const QPointer<GraphCall> self(this);
    emit finished(result);
    if (self) {
        deleteLater();
    }
}

} // namespace tb::graph
