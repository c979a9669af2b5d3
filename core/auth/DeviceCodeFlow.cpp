// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/DeviceCodeFlow.h"

#include "core/CoreLogging.h"
#include "core/auth/AuthSettings.h"
#include "core/auth/OAuthReply.h"
#include "core/auth/ScopeSet.h"

#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

#include <algorithm>

namespace tb::auth {

namespace {

using Kind = AuthError::Kind;

constexpr int kDefaultIntervalSeconds = 5; // RFC 8628 3.2
constexpr int kDefaultLifetimeSeconds = 900; // Entra's default when expires_in is missing
constexpr int kMaxIntervalSeconds = 600; // a server asking for more is treated as asking for this

int readInt(const QJsonValue& value, int fallback)
{
    if (value.isDouble()) {
        return value.toInt(fallback);
    }
    bool isNumber = false;
    const int number = value.toString().toInt(&isNumber);
    return isNumber ? number : fallback;
}

int secondsRoundedUp(int ms)
{
    return (ms + 999) / 1000;
}

// The login host answered with more than OAuthReply::kMaxBodyBytes: nothing of it was read, and waiting or polling
// again would only fetch it again.
AuthError tooLargeError(const OAuthReply& answer)
{
    return AuthError::make(Kind::Configuration, QStringLiteral("answer_too_large"),
        QStringLiteral("The sign-in service's answer was %1 KB or more, far larger than it ever sends, so sign-in "
                       "stopped without reading it. Check the login host (the Microsoft sign-in service, or a sandbox "
                       "you trust) and any proxy in between, then sign in again.")
            .arg(answer.tooLargeBytes / 1024),
        answer.networkErrorText);
}

bool isUserCodeCharacter(QChar c)
{
    return (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
        || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') || c == QLatin1Char(' ');
}

} // namespace

DeviceCodeFlow::DeviceCodeFlow(QNetworkAccessManager& network, const AuthorityInfo& authority, const QString& clientId,
    const QStringList& scopes, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_authority(authority)
    , m_clientId(clientId)
    , m_scopes(ScopeSet::forRequest(scopes))
{
    m_pollTimer.setSingleShot(true);
    // A coarse timer may fire up to 5 % early, and a poll sooner than the interval earns slow_down.
    m_pollTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_pollTimer, &QTimer::timeout, this, &DeviceCodeFlow::poll);
}

DeviceCodeFlow::~DeviceCodeFlow()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    m_deviceCode.fill(QLatin1Char('\0'));
}

QString DeviceCodeFlow::promptProblem(const DeviceCodePrompt& prompt)
{
    const QString code = prompt.userCode;
    if (code.size() > kMaxUserCodeLength) {
        return QStringLiteral("The sign-in service sent a user code of %1 characters, where a real one has about 9 "
                              "(at most %2 are accepted), so it is not shown and sign-in stopped. Check the login "
                              "host (the Microsoft sign-in service, or a sandbox you trust), then sign in again.")
            .arg(code.size())
            .arg(kMaxUserCodeLength);
    }
    if (code.trimmed().isEmpty() || !std::all_of(code.cbegin(), code.cend(), isUserCodeCharacter)) {
        return QStringLiteral("The sign-in service sent a user code with characters no sign-in page asks for (only "
                              "letters, digits, dashes and spaces are), so it is not shown and sign-in stopped. Check "
                              "the login host (the Microsoft sign-in service, or a sandbox you trust), then sign in "
                              "again.");
    }
    const QUrl uri(prompt.verificationUri, QUrl::StrictMode);
    const QString scheme = uri.scheme().toLower();
    if (prompt.verificationUri.size() > kMaxVerificationUriLength || !uri.isValid() || uri.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        return QStringLiteral("The sign-in service sent a verification address that is not a web address of at most "
                              "%1 characters, so sign-in stopped. Check the login host (the Microsoft sign-in "
                              "service, or a sandbox you trust), then sign in again.")
            .arg(kMaxVerificationUriLength);
    }
    return {};
}

void DeviceCodeFlow::start()
{
    if (m_started) {
        return;
    }
    m_started = true;
    if (!AuthSettings::isAllowedUrl(m_authority.deviceAuthorizationEndpoint)
        || !AuthSettings::isAllowedUrl(m_authority.tokenEndpoint)) {
        finishLater(AuthError::make(Kind::Configuration, QStringLiteral("insecure_url"),
            QStringLiteral("The tenant's sign-in endpoints are not https addresses; sign-in stops so that no code "
                           "or token travels in clear.")));
        return;
    }
    if (!AuthSettings::isGuid(m_clientId)) {
        finishLater(AuthError::make(Kind::Configuration, QStringLiteral("invalid_settings"),
            QStringLiteral("The client id \"%1\" is not an application id (a GUID).").arg(m_clientId.left(60))));
        return;
    }
    const QByteArray body = OAuthReply::formBody(
        {{QStringLiteral("client_id"), m_clientId}, {QStringLiteral("scope"), m_scopes.join(QLatin1Char(' '))}});
    qCInfo(lcAuth) << "asking" << m_authority.deviceAuthorizationEndpoint.host() << "for a device code for tenant"
                   << m_authority.tenantId;
    m_reply = m_network.post(OAuthReply::formRequest(m_authority.deviceAuthorizationEndpoint), body);
    OAuthReply::limitSize(m_reply);
    connect(m_reply, &QNetworkReply::finished, this, &DeviceCodeFlow::handleDeviceCodeReply);
}

void DeviceCodeFlow::cancel()
{
    m_pollTimer.stop();
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    finish({}, AuthError::cancelled());
}

void DeviceCodeFlow::handleDeviceCodeReply()
{
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    if (reply == nullptr || m_finished) {
        return;
    }
    reply->deleteLater();
    const OAuthReply answer = OAuthReply::read(*reply, QDateTime::currentDateTimeUtc());
    if (answer.tooLargeBytes > 0) {
        finish({}, tooLargeError(answer));
        return;
    }
    if (!answer.hasHttpAnswer()) {
        finish({}, AuthError::fromNetwork(QStringLiteral("device code request: ") + answer.networkErrorText));
        return;
    }
    // Entra can answer an error with HTTP 200 here (auth-reference.md 1.2): look for "error" first.
    if (answer.json.contains(QStringLiteral("error")) || answer.httpStatus != 200) {
        AuthError error = AuthError::fromTokenEndpoint(answer.httpStatus, answer.json);
        if (!error.isError()) {
            error = AuthError::make(Kind::Configuration, QStringLiteral("http_%1").arg(answer.httpStatus), {});
        }
        error.retryAfterMs = answer.retryAfterMs;
        finish({}, error);
        return;
    }
    const QJsonObject& json = answer.json;
    m_deviceCode = json.value(QStringLiteral("device_code")).toString();
    DeviceCodePrompt prompt;
    prompt.userCode = json.value(QStringLiteral("user_code")).toString();
    prompt.verificationUri = json.value(QStringLiteral("verification_uri")).toString();
    prompt.message = json.value(QStringLiteral("message")).toString();
    if (m_deviceCode.isEmpty() || prompt.userCode.isEmpty() || prompt.verificationUri.isEmpty()) {
        finish({},
            AuthError::make(Kind::Configuration, QStringLiteral("malformed_device_code"),
                QStringLiteral("The sign-in service's answer lacks the device code, the user code or the "
                               "verification address.")));
        return;
    }
    if (const QString problem = promptProblem(prompt); !problem.isEmpty()) {
        m_deviceCode.fill(QLatin1Char('\0'));
        m_deviceCode.clear();
        finish({}, AuthError::make(Kind::Configuration, QStringLiteral("malformed_device_code"), problem));
        return;
    }
    if (prompt.message.size() > kMaxMessageLength) {
        qCInfo(lcAuth) << "the service's sign-in message has" << prompt.message.size() << "characters; not shown";
        prompt.message.clear();
    }
    const int lifetimeSeconds = std::max(1, readInt(json.value(QStringLiteral("expires_in")), kDefaultLifetimeSeconds));
    const int intervalSeconds
        = std::clamp(readInt(json.value(QStringLiteral("interval")), kDefaultIntervalSeconds), 0, kMaxIntervalSeconds);
    // The deadline is local and monotonic: polling stops at expires_in even if the server never says expired_token.
    m_deadline.setRemainingTime(static_cast<qint64>(lifetimeSeconds) * 1000, Qt::PreciseTimer);
    m_serverIntervalMs = std::max(intervalSeconds * 1000, m_timing.minimumIntervalMs);
    m_intervalMs = m_timing.intervalOverrideMs >= 0 ? m_timing.intervalOverrideMs : m_serverIntervalMs;
    prompt.expiresAtUtc = QDateTime::currentDateTimeUtc().addSecs(lifetimeSeconds);
    prompt.intervalSeconds = secondsRoundedUp(m_serverIntervalMs);
    qCInfo(lcAuth) << "device code issued; it expires in" << lifetimeSeconds << "s, polling every"
                   << prompt.intervalSeconds << "s";
    emit promptReady(prompt);
    if (!m_finished) {
        scheduleNextPoll(m_intervalMs);
    }
}

void DeviceCodeFlow::poll()
{
    if (m_finished || m_reply) {
        return;
    }
    if (m_deadline.hasExpired()) {
        finish({}, AuthError::make(Kind::Expired, QStringLiteral("code_expired"), {}));
        return;
    }
    ++m_pollCount;
    const QByteArray body = OAuthReply::formBody(
        {{QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
            {QStringLiteral("device_code"), m_deviceCode}, {QStringLiteral("client_id"), m_clientId},
            {QStringLiteral("client_info"), QStringLiteral("1")}});
    m_reply = m_network.post(OAuthReply::formRequest(m_authority.tokenEndpoint), body);
    OAuthReply::limitSize(m_reply);
    connect(m_reply, &QNetworkReply::finished, this, &DeviceCodeFlow::handlePollReply);
}

void DeviceCodeFlow::handlePollReply()
{
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    if (reply == nullptr || m_finished) {
        return;
    }
    reply->deleteLater();
    const OAuthReply answer = OAuthReply::read(*reply, QDateTime::currentDateTimeUtc());
    if (answer.tooLargeBytes > 0) {
        finish({}, tooLargeError(answer));
        return;
    }

    // Transient: no answer, 5xx, 429. RFC 8628 3.5 asks for a lower polling frequency on timeouts.
    const QString code = answer.json.value(QStringLiteral("error")).toString();
    if (!answer.hasHttpAnswer() || answer.httpStatus >= 500 || answer.httpStatus == 429
        || code == QStringLiteral("temporarily_unavailable")) {
        const int delay = transientDelayMs(answer.retryAfterMs);
        qCInfo(lcAuth) << "device code poll failed for now (HTTP" << answer.httpStatus << answer.networkError
                       << ") - next poll in" << delay << "ms";
        scheduleNextPoll(delay);
        return;
    }
    m_transientDelayMs = 0;

    if (!code.isEmpty()) {
        // A server that sends a new interval with its error gets the larger of the two (auth-reference.md 2, 3).
        const int announcedMs = readInt(answer.json.value(QStringLiteral("interval")), 0) * 1000;
        if (code == QStringLiteral("authorization_pending")) {
            if (announcedMs > m_intervalMs) {
                m_intervalMs = announcedMs;
                emit intervalChanged(secondsRoundedUp(m_intervalMs));
            }
            scheduleNextPoll(m_intervalMs);
            return;
        }
        if (code == QStringLiteral("slow_down")) {
            m_intervalMs = std::max({m_intervalMs, m_serverIntervalMs, announcedMs - m_timing.slowDownIncrementMs})
                + m_timing.slowDownIncrementMs;
            qCInfo(lcAuth) << "slow_down: polling every" << m_intervalMs << "ms from now on";
            emit intervalChanged(secondsRoundedUp(m_intervalMs));
            if (!m_finished) {
                scheduleNextPoll(m_intervalMs);
            }
            return;
        }
        AuthError error = AuthError::fromTokenEndpoint(answer.httpStatus, answer.json);
        finish({}, error);
        return;
    }
    if (answer.httpStatus != 200 || !answer.isJson) {
        finish({},
            AuthError::make(Kind::Configuration, QStringLiteral("http_%1").arg(answer.httpStatus),
                QStringLiteral("The sign-in service answered the token request with HTTP %1 and no usable "
                               "body.")
                    .arg(answer.httpStatus)));
        return;
    }
    QString problem;
    const auto response = TokenResponse::fromJson(answer.json, &problem);
    if (!response) {
        finish({}, AuthError::make(Kind::Configuration, QStringLiteral("malformed_token_response"), problem));
        return;
    }
    if (auto audience = response->audienceProblem(m_clientId)) {
        finish({}, AuthError::make(Kind::Configuration, QStringLiteral("invalid_audience"), *audience));
        return;
    }
    finish(*response, {});
}

void DeviceCodeFlow::scheduleNextPoll(int delayMs)
{
    if (m_deadline.hasExpired()) {
        finish({}, AuthError::make(Kind::Expired, QStringLiteral("code_expired"), {}));
        return;
    }
    // Past the deadline the poll would only hear expired_token: wake up at the deadline and end the flow there.
    const qint64 remaining = m_deadline.remainingTime();
    m_pollTimer.start(static_cast<int>(std::min<qint64>(std::max(delayMs, 0), remaining)));
}

int DeviceCodeFlow::transientDelayMs(int retryAfterMs)
{
    m_transientDelayMs = m_transientDelayMs == 0 ? std::max(m_intervalMs, 1000) : m_transientDelayMs * 2;
    m_transientDelayMs = std::min(m_transientDelayMs, std::max(m_timing.transientRetryCapMs, m_intervalMs));
    return std::max(m_transientDelayMs, retryAfterMs);
}

void DeviceCodeFlow::finish(const TokenResponse& response, const AuthError& error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_pollTimer.stop();
    m_deviceCode.fill(QLatin1Char('\0'));
    m_deviceCode.clear();
    if (error.isError()) {
        qCInfo(lcAuth) << "device code sign-in ended:" << error.toLogString();
    } else {
        qCInfo(lcAuth) << "device code sign-in succeeded for tenant" << m_authority.tenantId << "after" << m_pollCount
                       << "polls";
    }
    emit finished(response, error);
}

void DeviceCodeFlow::finishLater(const AuthError& error)
{
    QMetaObject::invokeMethod(
        this, [this, error] { finish({}, error); }, Qt::QueuedConnection);
}

} // namespace tb::auth
