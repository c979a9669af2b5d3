// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/login/LoginRouter.h"

#include "core/sandbox/MonotonicEpochClock.h"
#include "core/sandbox/SandboxOptions.h"
#include "core/sandbox/World.h"
#include "core/sandbox/http/HttpRequest.h"
#include "core/sandbox/login/FormBody.h"
#include "core/sandbox/login/GraphScopes.h"
#include "core/sandbox/login/LoginError.h"
#include "core/sandbox/login/LoginState.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>

namespace tbsandbox {

namespace {

const QString kDeviceCodeGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
// MSAL for Node polls with the short name, and Entra accepts it [O]: so does the sandbox.
const QString kDeviceCodeGrantShortName = QStringLiteral("device_code");

// /{tenant}/<endpoint>; the tenant is a GUID or a domain, never empty and never containing '/'.
const QRegularExpression& endpointPattern()
{
    static const QRegularExpression pattern(QStringLiteral(
        "^/([^/]+)/(v2\\.0/\\.well-known/openid-configuration|oauth2/v2\\.0/devicecode|oauth2/v2\\.0/token|"
        "discovery/v2\\.0/keys)$"));
    return pattern;
}

struct CloudFacts
{
    QString regionScope;
    QString regionSubScope; // empty: absent
    QString instanceName;
    QString graphHostName; // the legacy Azure AD Graph host
};

// graph-reference 6.2; the Gov and China legacy hosts are [U] there.
CloudFacts cloudFacts(const QString& cloud)
{
    if (cloud == QLatin1String("USGovernment")) {
        return {QStringLiteral("USGov"), QStringLiteral("DODCON"), QStringLiteral("microsoftonline.us"),
            QStringLiteral("graph.microsoftazure.us")};
    }
    if (cloud == QLatin1String("China")) {
        return {QStringLiteral("AS"), QString(), QStringLiteral("partner.microsoftonline.cn"),
            QStringLiteral("graph.chinacloudapi.cn")};
    }
    return {
        QStringLiteral("NA"), QString(), QStringLiteral("microsoftonline.com"), QStringLiteral("graph.windows.net")};
}

bool isGuid(const QString& text)
{
    return !QUuid::fromString(text).isNull();
}

HttpResponse missingParameter(const HttpRequest& request, const QString& name)
{
    return LoginError::make(request, 400, QStringLiteral("invalid_request"), 900144,
        QStringLiteral("The request body must contain the following parameter: '%1'.").arg(name));
}

HttpResponse unknownTenant(const HttpRequest& request, const QString& tenant)
{
    return LoginError::make(request, 400, QStringLiteral("invalid_tenant"), 90002,
        QStringLiteral("Tenant '%1' not found. Check to make sure you have the correct tenant ID and are signing "
                       "into the correct cloud. This sandbox serves the tenants listed by GET /_sandbox/tenants.")
            .arg(tenant));
}

} // namespace

LoginRouter::LoginRouter(
    World& world, LoginState& state, const SandboxOptions& options, const MonotonicEpochClock& clock)
    : m_world(world)
    , m_state(state)
    , m_options(options)
    , m_clock(clock)
    , m_issuer(state, options.accessTokenLifetimeSeconds)
    , m_page(world, state, clock)
{ }

bool LoginRouter::serves(const QString& path)
{
    return path == QLatin1String("/devicelogin") || endpointPattern().match(path).hasMatch();
}

HttpResponse LoginRouter::json(int status, const QJsonObject& body)
{
    HttpResponse response(status, QByteArrayLiteral("application/json; charset=utf-8"),
        QJsonDocument(body).toJson(QJsonDocument::Compact));
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store, no-cache"));
    response.setHeader(QByteArrayLiteral("Pragma"), QByteArrayLiteral("no-cache"));
    return response;
}

void LoginRouter::markDirty()
{
    m_world.stateRegistry().markDirty();
}

HttpResponse LoginRouter::handle(const HttpRequest& request)
{
    const QString path = request.path();
    if (path == QLatin1String("/devicelogin")) {
        const DeviceLoginPage::Outcome outcome = m_page.handle(request);
        if (outcome.stateChanged) {
            markDirty();
        }
        return outcome.response;
    }
    const QRegularExpressionMatch match = endpointPattern().match(path);
    const QString tenantName = match.captured(1);
    const QString endpoint = match.captured(2);
    const QByteArray method = request.method.toUpper();
    const bool isGet = endpoint.startsWith(QLatin1String("v2.0")) || endpoint.startsWith(QLatin1String("discovery"));
    if (isGet && method != "GET") {
        HttpResponse response = LoginError::make(request, 405, QStringLiteral("invalid_request"), 900561,
            QStringLiteral("The endpoint only accepts GET requests. Received a %1 request.")
                .arg(QString::fromLatin1(method)));
        response.setHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET"));
        return response;
    }
    if (!isGet && method != "POST") {
        HttpResponse response = LoginError::make(request, 405, QStringLiteral("invalid_request"), 900561,
            QStringLiteral("The endpoint only accepts POST requests. Received a %1 request.")
                .arg(QString::fromLatin1(method)));
        response.setHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("POST"));
        return response;
    }
    TenantState* tenant = m_world.tenantByIdOrDomain(tenantName);
    if (!tenant) {
        return unknownTenant(request, tenantName);
    }
    if (endpoint.startsWith(QLatin1String("v2.0"))) {
        return discovery(*tenant);
    }
    if (endpoint.startsWith(QLatin1String("discovery"))) {
        // The sandbox signs with a symmetric key that only it knows, so there is no public key to publish.
        return json(200, QJsonObject {{QStringLiteral("keys"), QJsonArray()}});
    }
    if (endpoint.endsWith(QLatin1String("devicecode"))) {
        return deviceCode(request, *tenant);
    }
    return token(request, *tenant);
}

HttpResponse LoginRouter::discovery(const TenantState& tenant) const
{
    const QString tid = tenant.idText();
    const QString authority = m_baseUrl.toString() + QLatin1Char('/') + tid;
    const CloudFacts facts = cloudFacts(tenant.cloud());
    QJsonObject document {{QStringLiteral("issuer"), authority + QStringLiteral("/v2.0")},
        {QStringLiteral("token_endpoint"), authority + QStringLiteral("/oauth2/v2.0/token")},
        {QStringLiteral("device_authorization_endpoint"), authority + QStringLiteral("/oauth2/v2.0/devicecode")},
        {QStringLiteral("authorization_endpoint"), authority + QStringLiteral("/oauth2/v2.0/authorize")},
        {QStringLiteral("end_session_endpoint"), authority + QStringLiteral("/oauth2/v2.0/logout")},
        {QStringLiteral("jwks_uri"), authority + QStringLiteral("/discovery/v2.0/keys")},
        {QStringLiteral("token_endpoint_auth_methods_supported"),
            QJsonArray {QStringLiteral("client_secret_post"), QStringLiteral("private_key_jwt"),
                QStringLiteral("client_secret_basic")}},
        {QStringLiteral("response_types_supported"),
            QJsonArray {QStringLiteral("code"), QStringLiteral("id_token"), QStringLiteral("code id_token"),
                QStringLiteral("id_token token")}},
        {QStringLiteral("response_modes_supported"),
            QJsonArray {QStringLiteral("query"), QStringLiteral("fragment"), QStringLiteral("form_post")}},
        {QStringLiteral("scopes_supported"),
            QJsonArray {QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email"),
                QStringLiteral("offline_access")}},
        {QStringLiteral("subject_types_supported"), QJsonArray {QStringLiteral("pairwise")}},
        {QStringLiteral("id_token_signing_alg_values_supported"), QJsonArray {QStringLiteral("HS256")}},
        {QStringLiteral("claims_supported"),
            QJsonArray {QStringLiteral("sub"), QStringLiteral("iss"), QStringLiteral("cloud_instance_name"),
                QStringLiteral("cloud_instance_host_name"), QStringLiteral("cloud_graph_host_name"),
                QStringLiteral("msgraph_host"), QStringLiteral("aud"), QStringLiteral("exp"), QStringLiteral("iat"),
                QStringLiteral("auth_time"), QStringLiteral("acr"), QStringLiteral("nonce"),
                QStringLiteral("preferred_username"), QStringLiteral("name"), QStringLiteral("tid"),
                QStringLiteral("ver"), QStringLiteral("at_hash"), QStringLiteral("c_hash"), QStringLiteral("email")}},
        {QStringLiteral("request_uri_parameter_supported"), false},
        {QStringLiteral("tenant_region_scope"), facts.regionScope},
        {QStringLiteral("cloud_instance_name"), facts.instanceName},
        {QStringLiteral("cloud_graph_host_name"), facts.graphHostName},
        // The sandbox serves Graph itself, on the same port.
        {QStringLiteral("msgraph_host"), QStringLiteral("%1:%2").arg(m_baseUrl.host()).arg(m_baseUrl.port())},
        {QStringLiteral("rbac_url"), QStringLiteral("https://pas.windows.net")}};
    if (!facts.regionSubScope.isEmpty()) {
        document.insert(QStringLiteral("tenant_region_sub_scope"), facts.regionSubScope);
    }
    return json(200, document);
}

HttpResponse LoginRouter::deviceCode(const HttpRequest& request, TenantState& tenant)
{
    QString problem;
    const std::optional<FormBody> form = FormBody::parse(request, &problem);
    if (!form) {
        return LoginError::make(request, 400, QStringLiteral("invalid_request"), 900144, problem);
    }
    const QString clientId = form->value(QStringLiteral("client_id"));
    if (clientId.isEmpty()) {
        return missingParameter(request, QStringLiteral("client_id"));
    }
    if (!isGuid(clientId)) {
        return LoginError::make(request, 400, QStringLiteral("unauthorized_client"), 700016,
            QStringLiteral("Application with identifier '%1' was not found in the directory '%2'.")
                .arg(clientId, tenant.displayName()));
    }
    const QString scope = form->value(QStringLiteral("scope"));
    if (scope.trimmed().isEmpty()) {
        return missingParameter(request, QStringLiteral("scope"));
    }
    const GraphScopes::Request scopes = GraphScopes::parse(scope);
    if (!scopes.invalidScope.isEmpty()) {
        return LoginError::make(request, 400, QStringLiteral("invalid_scope"), 70011,
            QStringLiteral("The provided value for the input parameter 'scope' is not valid. The scope '%1' does "
                           "not exist or is not a Microsoft Graph scope.")
                .arg(scopes.invalidScope));
    }
    const DeviceAuthorizations::Issued issued = m_state.devices().issue(tenant.id(), clientId.toLower(), scope,
        m_clock.nowMs(), m_options.deviceCodeLifetimeSeconds, qMax(0, m_options.deviceCodeIntervalSeconds));
    markDirty();
    scheduleAutoApprove(issued.authorization->deviceCodeHash);
    const QString verificationUri = m_baseUrl.toString() + QStringLiteral("/devicelogin");
    return json(200,
        QJsonObject {{QStringLiteral("device_code"), issued.deviceCode},
            {QStringLiteral("user_code"), issued.authorization->userCode},
            {QStringLiteral("verification_uri"), verificationUri},
            {QStringLiteral("expires_in"), m_options.deviceCodeLifetimeSeconds},
            {QStringLiteral("interval"), issued.authorization->intervalSeconds},
            {QStringLiteral("message"),
                QStringLiteral("To sign in, use a web browser to open the page %1 and enter the code %2 to "
                               "authenticate.")
                    .arg(verificationUri, issued.authorization->userCode)}});
}

void LoginRouter::scheduleAutoApprove(const QByteArray& deviceCodeHash)
{
    if (m_options.autoApproveAfterMs < 0 || !m_timerContext) {
        return;
    }
    QTimer::singleShot(m_options.autoApproveAfterMs, m_timerContext.data(), [this, deviceCodeHash] {
        DeviceAuthorization* authorization = m_state.devices().findByHash(deviceCodeHash);
        if (!authorization || authorization->expiresAtMs < m_clock.nowMs()) {
            return;
        }
        const TenantState* tenant = m_world.tenantById(authorization->tenantId);
        const qsizetype admin = tenant ? tenant->defaultSignInIndex() : -1;
        if (admin >= 0 && m_state.decide(*authorization, true, tenant->users().at(static_cast<size_t>(admin)).id)) {
            markDirty();
        }
    });
}

HttpResponse LoginRouter::token(const HttpRequest& request, TenantState& tenant)
{
    QString problem;
    const std::optional<FormBody> form = FormBody::parse(request, &problem);
    if (!form) {
        return LoginError::make(request, 400, QStringLiteral("invalid_request"), 900144, problem);
    }
    const QString grantType = form->value(QStringLiteral("grant_type"));
    if (grantType.isEmpty()) {
        return missingParameter(request, QStringLiteral("grant_type"));
    }
    const QString clientId = form->value(QStringLiteral("client_id")).toLower();
    if (clientId.isEmpty()) {
        return missingParameter(request, QStringLiteral("client_id"));
    }
    if (!isGuid(clientId)) {
        return LoginError::make(request, 400, QStringLiteral("unauthorized_client"), 700016,
            QStringLiteral("Application with identifier '%1' was not found in the directory '%2'.")
                .arg(clientId, tenant.displayName()));
    }
    if (form->contains(QStringLiteral("client_secret")) || form->contains(QStringLiteral("client_assertion"))) {
        return LoginError::make(request, 401, QStringLiteral("invalid_client"), 700025,
            QStringLiteral("Client is public so neither 'client_assertion' nor 'client_secret' should be presented."));
    }
    if (m_options.confidentialClientIds.contains(clientId, Qt::CaseInsensitive)) {
        return LoginError::make(request, 401, QStringLiteral("invalid_client"), 7000218,
            QStringLiteral("The request body must contain the following parameter: 'client_assertion' or "
                           "'client_secret'. (Public client flows are not enabled for application '%1'.)")
                .arg(clientId));
    }
    if (grantType == kDeviceCodeGrant || grantType == kDeviceCodeGrantShortName) {
        return redeemDeviceCode(request, *form, tenant, clientId);
    }
    if (grantType == QLatin1String("refresh_token")) {
        return redeemRefreshToken(request, *form, tenant, clientId);
    }
    return LoginError::make(request, 400, QStringLiteral("unsupported_grant_type"), 70003,
        QStringLiteral("The app requested an unsupported grant type '%1'. This sandbox supports %2 (or device_code) "
                       "and refresh_token.")
            .arg(grantType, kDeviceCodeGrant));
}

HttpResponse LoginRouter::redeemDeviceCode(
    const HttpRequest& request, const FormBody& form, TenantState& tenant, const QString& clientId)
{
    const QString deviceCode = form.value(QStringLiteral("device_code"));
    if (deviceCode.isEmpty()) {
        return missingParameter(request, QStringLiteral("device_code"));
    }
    DeviceAuthorization* authorization = m_state.devices().findByDeviceCode(deviceCode);
    // A code of another tenant is as unknown here as a made-up one.
    if (!authorization || authorization->tenantId != tenant.id()) {
        return LoginError::make(request, 400, QStringLiteral("bad_verification_code"), 70018,
            QStringLiteral("The device code is not valid: it was never issued by this tenant, or it was already "
                           "redeemed."));
    }
    if (authorization->clientId != clientId) {
        return LoginError::make(request, 400, QStringLiteral("invalid_grant"), 70000,
            QStringLiteral("The device code was issued to another application."));
    }
    const qint64 now = m_clock.nowMs();
    if (now >= authorization->expiresAtMs) {
        return LoginError::make(request, 400, QStringLiteral("expired_token"), 70019,
            QStringLiteral("Verification code expired. Start a new sign-in."));
    }
    if (authorization->decision == DeviceAuthorization::Decision::Declined) {
        return LoginError::make(request, 400, QStringLiteral("authorization_declined"), 70020,
            QStringLiteral("The end user declined the authorization request."));
    }
    if (authorization->decision == DeviceAuthorization::Decision::Pending) {
        // RFC 8628 3.5: a poll sooner than the interval is told to slow down, and the interval grows by 5 s.
        const bool tooSoon = m_options.slowDown && authorization->lastPollMs >= 0
            && now - authorization->lastPollMs < qint64(authorization->intervalSeconds) * 1000;
        authorization->lastPollMs = now;
        if (tooSoon) {
            authorization->intervalSeconds += 5;
            markDirty();
            return LoginError::make(request, 400, QStringLiteral("slow_down"), 70016,
                QStringLiteral("OAuth 2.0 device flow error. Polled sooner than the interval; wait %1 seconds "
                               "between polls.")
                    .arg(authorization->intervalSeconds));
        }
        return LoginError::make(request, 400, QStringLiteral("authorization_pending"), 70016,
            QStringLiteral("OAuth 2.0 device flow error. Authorization is pending. Continue polling."));
    }
    // Approved: a poll right after the approval gets its tokens whatever the interval.
    const qsizetype userIndex = tenant.findUser(authorization->userId);
    const GraphScopes::Request asked = GraphScopes::parse(authorization->scope);
    const QByteArray hash = authorization->deviceCodeHash;
    m_state.devices().remove(hash); // one redemption per code
    markDirty();
    if (userIndex < 0) {
        return LoginError::make(request, 400, QStringLiteral("invalid_grant"), 50034,
            QStringLiteral("The user account does not exist in the %1 directory.").arg(tenant.displayName()));
    }
    TokenIssuer::Grant grant;
    grant.tenant = &tenant;
    grant.user = &tenant.users().at(static_cast<size_t>(userIndex));
    grant.clientId = clientId;
    grant.graphScopes = m_state.refreshTokens().consentedScopes(tenant.id(), grant.user->id, clientId);
    grant.oidcScopes = asked.oidc;
    grant.clientInfo = form.value(QStringLiteral("client_info")) == QLatin1String("1");
    grant.issueRefreshToken = asked.oidc.contains(QLatin1String("offline_access"));
    return json(200, m_issuer.issue(grant, m_baseUrl, now));
}

HttpResponse LoginRouter::redeemRefreshToken(
    const HttpRequest& request, const FormBody& form, TenantState& tenant, const QString& clientId)
{
    const QString refreshToken = form.value(QStringLiteral("refresh_token"));
    if (refreshToken.isEmpty()) {
        return missingParameter(request, QStringLiteral("refresh_token"));
    }
    const qint64 now = m_clock.nowMs();
    const RefreshTokenStore::Lookup lookup = m_state.refreshTokens().find(refreshToken, now);
    switch (lookup.status) {
    case RefreshTokenStore::Status::Unknown:
        return LoginError::make(request, 400, QStringLiteral("invalid_grant"), 9002313,
            QStringLiteral("Invalid request. Request is malformed or invalid: the refresh token is not one this "
                           "sandbox issued."));
    case RefreshTokenStore::Status::Expired:
        return LoginError::make(request, 400, QStringLiteral("invalid_grant"), 70008,
            QStringLiteral("The provided authorization code or refresh token has expired due to inactivity. Send a "
                           "new interactive authorization request for this user and resource."));
    case RefreshTokenStore::Status::Revoked:
        return LoginError::make(request, 400, QStringLiteral("invalid_grant"), 50173,
            QStringLiteral("The provided grant has expired due to it being revoked, a fresh auth token is needed. "
                           "An administrator revoked the user's sign-in sessions."));
    case RefreshTokenStore::Status::Redeemed:
        return LoginError::make(request, 400, QStringLiteral("invalid_grant"), 70008,
            QStringLiteral("The refresh token was already redeemed; this sandbox runs with single-use refresh "
                           "tokens. Use the newest refresh token."));
    case RefreshTokenStore::Status::Valid:
        break;
    }
    const RefreshTokenStore::Grant& stored = lookup.grant;
    if (stored.tenantId != tenant.id()) {
        return LoginError::make(request, 400, QStringLiteral("invalid_grant"), 70000,
            QStringLiteral("The refresh token was issued for tenant %1, not for tenant %2.")
                .arg(stored.tenantId.toString(QUuid::WithoutBraces), tenant.idText()));
    }
    if (stored.clientId != clientId) {
        return LoginError::make(request, 400, QStringLiteral("invalid_grant"), 70000,
            QStringLiteral("The refresh token was issued to another application."), QStringLiteral("client_mismatch"));
    }
    const qsizetype userIndex = tenant.findUser(stored.userId);
    if (userIndex < 0) {
        return LoginError::make(request, 400, QStringLiteral("invalid_grant"), 50034,
            QStringLiteral("The user account does not exist in the %1 directory.").arg(tenant.displayName()));
    }
    const UserRecord& user = tenant.users().at(static_cast<size_t>(userIndex));
    if (!user.accountEnabled) {
        return LoginError::make(
            request, 400, QStringLiteral("invalid_grant"), 50057, QStringLiteral("The user account is disabled."));
    }
    const GraphScopes::Request asked = GraphScopes::parse(form.value(QStringLiteral("scope")));
    if (!asked.invalidScope.isEmpty()) {
        return LoginError::make(request, 400, QStringLiteral("invalid_scope"), 70011,
            QStringLiteral("The provided value for the input parameter 'scope' is not valid. The scope '%1' does "
                           "not exist or is not a Microsoft Graph scope.")
                .arg(asked.invalidScope));
    }
    RefreshTokenStore& store = m_state.refreshTokens();
    if (asked.everything) {
        store.addConsent(tenant.id(), user.id, clientId, asked.graph); // admin consent presumed
    }
    const QStringList consented = store.consentedScopes(tenant.id(), user.id, clientId);
    for (const QString& scope : asked.graph) {
        if (!consented.contains(scope, Qt::CaseInsensitive)) {
            return LoginError::make(request, 400, QStringLiteral("invalid_grant"), 65001,
                QStringLiteral("The user or administrator has not consented to use the application with ID '%1' "
                               "for the scope '%2'. Send an interactive authorization request for this user and "
                               "resource.")
                    .arg(clientId, scope),
                QStringLiteral("consent_required"));
        }
    }
    if (m_options.singleUseRefreshTokens) {
        store.markRedeemed(lookup.hash);
    }
    TokenIssuer::Grant grant;
    grant.tenant = &tenant;
    grant.user = &user;
    grant.clientId = clientId;
    grant.graphScopes = consented;
    grant.oidcScopes = asked.oidc;
    grant.clientInfo = form.value(QStringLiteral("client_info")) == QLatin1String("1");
    grant.issueRefreshToken = true; // rotation: every refresh answers with a new refresh token
    const QJsonObject body = m_issuer.issue(grant, m_baseUrl, now);
    markDirty();
    return json(200, body);
}

} // namespace tbsandbox
