// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/TokenCache.h"

#include "core/Clock.h"
#include "core/CoreLogging.h"
#include "core/auth/OAuthReply.h"
#include "core/auth/ScopeSet.h"
#include "core/auth/SecretStore.h"
#include "core/auth/TokenResponse.h"

#include <QJsonDocument>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QUrl>

#include <utility>

namespace tb::auth {

namespace {

using Kind = AuthError::Kind;
using model::TenantRole;

constexpr TenantRole kRoles[] = {TenantRole::Source, TenantRole::Target};

bool isConsentError(const AuthError& error)
{
    return error.subError == QStringLiteral("consent_required") || error.code == QStringLiteral("consent_required")
        || error.aadsts == 65001;
}

} // namespace

TokenCache::TokenCache(
    QNetworkAccessManager& network, SecretStore& store, const Clock& clock, AuthSettings settings, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_store(&store)
    , m_clock(clock)
    , m_settings(std::move(settings))
{ }

TokenCache::~TokenCache()
{
    for (auto& [role, entry] : m_entries) {
        Q_UNUSED(role)
        if (entry.refreshReply) {
            entry.refreshReply->disconnect(this);
            entry.refreshReply->abort();
            entry.refreshReply->deleteLater();
        }
    }
}

QString TokenCache::storageKey(const QString& profile, TenantRole role)
{
    const QString name = profile.isEmpty() ? QStringLiteral("default") : profile;
    // Percent-encoded like SecretStore::makeKey: no '/' or '.', so chunk keys ("key.N") never collide.
    return QStringLiteral("tenantbridge/")
        + QString::fromLatin1(QUrl::toPercentEncoding(name, QByteArray(), QByteArrayLiteral("."))) + QLatin1Char('/')
        + model::tenantRoleName(role);
}

void TokenCache::requestToken(const TokenRequest& request, QObject* context, Callback callback)
{
    if (context == nullptr) {
        qCWarning(lcAuth) << "token requested without a context object; nobody could receive it";
        return;
    }
    Waiter waiter {request, QPointer<QObject>(context), std::move(callback)};
    QString problem;
    Entry* entry = entryFor(request, &problem);
    if (entry == nullptr) {
        deliver(waiter, failure(QStringLiteral("no_account"), problem));
        return;
    }
    serve(entry->account.role, std::move(waiter));
}

void TokenCache::reportRejected(const TokenRequest& request, const QString& accessToken)
{
    QString problem;
    Entry* entry = entryFor(request, &problem);
    if (entry == nullptr) {
        return;
    }
    const auto removed
        = entry->tokens.removeIf([&accessToken](const CachedToken& token) { return token.accessToken == accessToken; });
    qCInfo(lcAuth) << "the service rejected an access token of the" << model::tenantRoleName(entry->account.role)
                   << "account;" << removed << "cached token(s) dropped";
}

TokenCache::Entry* TokenCache::entryFor(const TokenRequest& request, QString* problem)
{
    if (request.role) {
        const auto it = m_entries.find(*request.role);
        if (it == m_entries.end()) {
            *problem = QStringLiteral("No account is signed in for the %1 tenant. Sign in first.")
                           .arg(model::tenantRoleName(*request.role));
            return nullptr;
        }
        const Account& account = it->second.account;
        if (!request.tenantId.isEmpty() && request.tenantId.compare(account.tenantId, Qt::CaseInsensitive) != 0
            && request.tenantId.compare(account.requestedTenant, Qt::CaseInsensitive) != 0) {
            *problem = QStringLiteral("The %1 account is signed in to tenant %2, not to %3. Sign in to that tenant "
                                      "for the %1 role.")
                           .arg(model::tenantRoleName(*request.role), account.tenantId, request.tenantId);
            return nullptr;
        }
        return &it->second;
    }
    for (auto& [role, entry] : m_entries) {
        Q_UNUSED(role)
        if (!request.tenantId.isEmpty()
            && (request.tenantId.compare(entry.account.tenantId, Qt::CaseInsensitive) == 0
                || request.tenantId.compare(entry.account.requestedTenant, Qt::CaseInsensitive) == 0)) {
            return &entry;
        }
    }
    *problem = QStringLiteral("No account is signed in for tenant %1. Sign in first.").arg(request.tenantId);
    return nullptr;
}

void TokenCache::serve(TenantRole role, Waiter waiter)
{
    const auto it = m_entries.find(role);
    if (it == m_entries.end()) {
        deliver(waiter,
            failure(QStringLiteral("no_account"),
                QStringLiteral("No account is signed in for the %1 tenant. Sign in first.")
                    .arg(model::tenantRoleName(role))));
        return;
    }
    Entry& entry = it->second;
    if (entry.needsSignIn) {
        deliver(waiter, failure(QStringLiteral("sign_in_required"), entry.signInMessage));
        return;
    }
    if (!waiter.request.forceRefresh) {
        if (const CachedToken* token = findToken(entry, waiter.request.scopes, kExpiryBufferSeconds)) {
            TokenResult result;
            result.accessToken = token->accessToken;
            result.expiresAtUtc = token->expiresAtUtc;
            deliver(waiter, result);
            return;
        }
    }
    if (entry.refreshReply) {
        // One refresh per account: whatever it brings is newer than a token rejected before this request.
        waiter.request.forceRefresh = false;
        entry.waiting.append(std::move(waiter));
        return;
    }
    if (entry.refreshToken.isEmpty()) {
        if (const CachedToken* token = findToken(entry, waiter.request.scopes, 0);
            token != nullptr && !waiter.request.forceRefresh) {
            TokenResult result;
            result.accessToken = token->accessToken;
            result.expiresAtUtc = token->expiresAtUtc;
            deliver(waiter, result);
            return;
        }
        deliver(waiter,
            failure(QStringLiteral("sign_in_required"),
                QStringLiteral("The %1 account's token expired and there is no refresh token to renew it (offline "
                               "access was not granted). Sign in again.")
                    .arg(model::tenantRoleName(role))));
        return;
    }
    const QStringList scopes = waiter.request.scopes;
    entry.waiting.append(std::move(waiter));
    startRefresh(role, scopes);
}

const TokenCache::CachedToken* TokenCache::findToken(
    const Entry& entry, const QStringList& scopes, qint64 minimumSecondsLeft) const
{
    const QDateTime now = m_clock.nowUtc();
    for (const CachedToken& token : entry.tokens) {
        if (now.secsTo(token.expiresAtUtc) > minimumSecondsLeft && ScopeSet::covers(token.scopes, scopes)) {
            return &token;
        }
    }
    return nullptr;
}

void TokenCache::startRefresh(TenantRole role, const QStringList& scopes)
{
    Entry& entry = m_entries.at(role);
    if (!AuthSettings::isAllowedUrl(entry.authority.tokenEndpoint)) {
        drainWaiting(role,
            AuthError::make(Kind::Configuration, QStringLiteral("insecure_url"),
                QStringLiteral("The stored token endpoint is not an https address. Sign in again.")));
        return;
    }
    ++m_refreshCount;
    entry.refreshScopes = scopes;
    const QByteArray body = OAuthReply::formBody({{QStringLiteral("client_id"), m_settings.clientId},
        {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
        {QStringLiteral("refresh_token"), entry.refreshToken},
        {QStringLiteral("scope"), ScopeSet::forRequest(scopes).join(QLatin1Char(' '))},
        {QStringLiteral("client_info"), QStringLiteral("1")}});
    qCInfo(lcAuth) << "refreshing the" << model::tenantRoleName(role) << "account's access token";
    QNetworkReply* reply = m_network.post(OAuthReply::formRequest(entry.authority.tokenEndpoint), body);
    OAuthReply::limitSize(reply); // an answer above OAuthReply::kMaxBodyBytes is aborted, not buffered
    entry.refreshReply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, role] { handleRefreshReply(role); });
}

void TokenCache::handleRefreshReply(TenantRole role)
{
    const auto it = m_entries.find(role);
    if (it == m_entries.end() || !it->second.refreshReply) {
        return;
    }
    Entry& entry = it->second;
    QNetworkReply* reply = entry.refreshReply;
    entry.refreshReply = nullptr;
    reply->deleteLater();
    const OAuthReply answer = OAuthReply::read(*reply, m_clock.nowUtc());
    const QStringList scopes = entry.refreshScopes;

    if (!answer.hasHttpAnswer()) {
        drainWaiting(role, AuthError::fromNetwork(QStringLiteral("token refresh: ") + answer.networkErrorText));
        return;
    }
    if (answer.json.contains(QStringLiteral("error")) || answer.httpStatus != 200) {
        AuthError error = AuthError::fromTokenEndpoint(answer.httpStatus, answer.json);
        if (!error.isError()) {
            error = AuthError::make(Kind::TryLater, QStringLiteral("http_%1").arg(answer.httpStatus), {});
        }
        error.retryAfterMs = answer.retryAfterMs;
        qCInfo(lcAuth) << "refresh of the" << model::tenantRoleName(role) << "account failed:" << error.toLogString();
        if (error.kind == Kind::SignInRequired) {
            markSignInRequired(role, error, scopes);
            if (m_entries.count(role) == 0) {
                return;
            }
            error.userMessage = m_entries.at(role).signInMessage;
        }
        drainWaiting(role, error);
        return;
    }
    QString problem;
    const auto response = TokenResponse::fromJson(answer.json, &problem);
    if (!response) {
        drainWaiting(role, AuthError::make(Kind::TryLater, QStringLiteral("malformed_token_response"), {}, problem));
        return;
    }
    if (auto audience = response->audienceProblem(m_settings.clientId)) {
        drainWaiting(role, AuthError::make(Kind::Configuration, QStringLiteral("invalid_audience"), *audience));
        return;
    }
    cacheToken(entry, *response, scopes);
    if (!response->refreshToken.isEmpty() && response->refreshToken != entry.refreshToken) {
        // Entra rotates refresh tokens on every use: keep only the newest (auth-reference.md 1.9).
        entry.refreshToken = response->refreshToken;
        persist(role);
    }
    drainWaiting(role, std::nullopt);
}

void TokenCache::drainWaiting(TenantRole role, const std::optional<AuthError>& failureError)
{
    const auto it = m_entries.find(role);
    if (it == m_entries.end()) {
        return;
    }
    QList<Waiter> waiting = std::exchange(it->second.waiting, {});
    if (failureError) {
        for (const Waiter& waiter : std::as_const(waiting)) {
            // A transient failure still serves an access token that has not expired (auth-reference.md 1.3, 6).
            if (failureError->kind == Kind::TryLater && !waiter.request.forceRefresh) {
                if (const CachedToken* token = findToken(it->second, waiter.request.scopes, 0)) {
                    TokenResult result;
                    result.accessToken = token->accessToken;
                    result.expiresAtUtc = token->expiresAtUtc;
                    deliver(waiter, result);
                    continue;
                }
            }
            deliver(waiter, failure(errorCodeFor(*failureError), failureError->userMessage));
        }
        return;
    }
    const QStringList refreshed = ScopeSet::normalizeAll(it->second.refreshScopes);
    const CachedToken* fresh = it->second.tokens.isEmpty() ? nullptr : &it->second.tokens.constLast();
    const CachedToken freshCopy = fresh != nullptr ? *fresh : CachedToken {};
    for (Waiter& waiter : waiting) {
        waiter.request.forceRefresh = false;
        // The request that caused the refresh gets its token even if the service granted fewer scopes than asked
        // (asking again would only loop); the others are served again, which may start the next refresh.
        if (fresh != nullptr && ScopeSet::normalizeAll(waiter.request.scopes) == refreshed) {
            TokenResult result;
            result.accessToken = freshCopy.accessToken;
            result.expiresAtUtc = freshCopy.expiresAtUtc;
            deliver(waiter, result);
            continue;
        }
        serve(role, std::move(waiter));
    }
}

void TokenCache::cacheToken(Entry& entry, const TokenResponse& response, const QStringList& requestedScopes)
{
    CachedToken token;
    token.accessToken = response.accessToken;
    // The response's scope is the truth when present (MSAL's target); a ".default" request also finds it again.
    token.scopes = ScopeSet::normalizeAll(response.scopes.isEmpty() ? requestedScopes : response.scopes);
    token.expiresAtUtc = m_clock.nowUtc().addSecs(response.expiresIn);
    // One token per scope set: a newer one replaces the older.
    entry.tokens.removeIf([&token](const CachedToken& cached) { return cached.scopes == token.scopes; });
    const QDateTime now = m_clock.nowUtc();
    entry.tokens.removeIf([&now](const CachedToken& cached) { return cached.expiresAtUtc <= now; });
    entry.tokens.append(token);
    for (const QString& scope : std::as_const(token.scopes)) {
        if (!entry.account.grantedScopes.contains(scope)) {
            entry.account.grantedScopes.append(scope);
        }
    }
    entry.account.grantedScopes = ScopeSet::normalizeAll(entry.account.grantedScopes);
}

void TokenCache::markSignInRequired(TenantRole role, const AuthError& error, const QStringList& scopes)
{
    const auto it = m_entries.find(role);
    if (it == m_entries.end()) {
        return;
    }
    Entry& entry = it->second;
    QString message;
    if (isConsentError(error)) {
        // Incremental consent: the refresh token still serves the scopes already granted, so the account stays
        // usable; only this operation needs a new sign-in that asks for more.
        QStringList lacking = ScopeSet::missing(entry.account.grantedScopes, scopes);
        if (lacking.isEmpty()) {
            lacking = ScopeSet::normalizeAll(scopes);
        }
        message = QStringLiteral("%1 has not granted the permission(s) %2 that this operation needs. Sign in again to "
                                 "grant them; an administrator of the tenant may have to consent.")
                      .arg(roleLabel(role), lacking.join(QStringLiteral(", ")));
    } else {
        message = roleLabel(role) + QStringLiteral(": ") + error.userMessage;
        entry.needsSignIn = true;
    }
    entry.signInMessage = message;
    emit signInRequired(role, message);
    emit accountChanged(role);
}

Account TokenCache::addAccount(const AuthorityInfo& authority, TenantRole role, const TokenResponse& response)
{
    QList<Waiter> waiting;
    if (auto it = m_entries.find(role); it != m_entries.end()) {
        if (it->second.refreshReply) {
            it->second.refreshReply->disconnect(this);
            it->second.refreshReply->abort();
            it->second.refreshReply->deleteLater();
        }
        waiting = std::exchange(it->second.waiting, {});
        const bool isWriting = it->second.isWriting;
        it->second = Entry();
        it->second.isWriting = isWriting;
        it->second.isWriteAgain = isWriting;
    }
    Entry& entry = m_entries[role];
    entry.account = Account::fromTokenResponse(role, authority, response);
    entry.authority = authority;
    entry.refreshToken = response.refreshToken;
    cacheToken(entry, response, response.scopes);
    qCInfo(lcAuth) << "signed in the" << model::tenantRoleName(role) << "account to tenant" << entry.account.tenantId;
    persist(role);
    emit accountChanged(role);
    for (Waiter& waiter : waiting) {
        serve(role, std::move(waiter));
    }
    return entry.account;
}

void TokenCache::restore()
{
    m_restoresPending = static_cast<int>(std::size(kRoles));
    for (const TenantRole role : kRoles) {
        m_store->read(storageKey(m_settings.profile, role), this,
            [this, role](const SecretStoreError& error, const QByteArray& value) {
                QByteArray bytes = value;
                if (error.isError()) {
                    if (error.kind() != SecretStoreError::Kind::NotFound) {
                        qCWarning(lcAuth) << "could not read the stored" << model::tenantRoleName(role)
                                          << "sign-in:" << SecretStoreError::kindName(error.kind());
                        emit storageFailed(role, error);
                    }
                } else if (m_entries.count(role) == 0) {
                    const QJsonObject json = QJsonDocument::fromJson(bytes).object();
                    const auto account = Account::fromJson(json.value(QStringLiteral("account")).toObject());
                    const auto authority = AuthorityInfo::fromJson(json.value(QStringLiteral("authority")).toObject());
                    const QString refreshToken = json.value(QStringLiteral("refreshToken")).toString();
                    std::optional<AuthorityInfo> usable = authority;
                    if (usable && !fitsLoginHost(*usable)) {
                        qCWarning(lcAuth) << "the stored" << model::tenantRoleName(role)
                                          << "sign-in is for another login host; it is ignored";
                        usable.reset();
                    }
                    if (account && usable && !refreshToken.isEmpty() && account->role == role) {
                        Entry& entry = m_entries[role];
                        entry.account = *account;
                        entry.authority = *usable;
                        entry.refreshToken = refreshToken;
                        qCInfo(lcAuth) << "restored the" << model::tenantRoleName(role) << "account";
                        emit accountChanged(role);
                    } else {
                        qCWarning(lcAuth)
                            << "the stored" << model::tenantRoleName(role) << "sign-in is not readable; it is ignored";
                    }
                }
                SecretStore::wipe(bytes);
                if (--m_restoresPending == 0) {
                    emit restored();
                }
            });
    }
}

void TokenCache::signOut(TenantRole role)
{
    if (auto it = m_entries.find(role); it != m_entries.end()) {
        if (it->second.refreshReply) {
            it->second.refreshReply->disconnect(this);
            it->second.refreshReply->abort();
            it->second.refreshReply->deleteLater();
        }
        const QList<Waiter> waiting = std::exchange(it->second.waiting, {});
        m_entries.erase(it);
        for (const Waiter& waiter : waiting) {
            deliver(waiter,
                failure(QStringLiteral("no_account"),
                    QStringLiteral("The %1 account was signed out.").arg(model::tenantRoleName(role))));
        }
    }
    ++m_storeCallsInFlight;
    m_store->remove(storageKey(m_settings.profile, role), this, [this, role](const SecretStoreError& error) {
        if (error.isError()) {
            qCWarning(lcAuth) << "could not remove the stored" << model::tenantRoleName(role)
                              << "sign-in:" << SecretStoreError::kindName(error.kind());
        }
        emit signedOut(role);
        storeCallDone();
    });
    emit accountChanged(role);
}

std::optional<Account> TokenCache::account(TenantRole role) const
{
    const auto it = m_entries.find(role);
    return it == m_entries.end() ? std::nullopt : std::optional<Account>(it->second.account);
}

std::optional<AuthorityInfo> TokenCache::authority(TenantRole role) const
{
    const auto it = m_entries.find(role);
    return it == m_entries.end() ? std::nullopt : std::optional<AuthorityInfo>(it->second.authority);
}

bool TokenCache::needsSignIn(TenantRole role) const
{
    const auto it = m_entries.find(role);
    return it != m_entries.end() && it->second.needsSignIn;
}

QString TokenCache::signInMessage(TenantRole role) const
{
    const auto it = m_entries.find(role);
    return it == m_entries.end() ? QString() : it->second.signInMessage;
}

bool TokenCache::hasRefreshToken(TenantRole role) const
{
    const auto it = m_entries.find(role);
    return it != m_entries.end() && !it->second.refreshToken.isEmpty();
}

void TokenCache::setSecretStore(SecretStore& store)
{
    m_store = &store;
    for (const TenantRole role : kRoles) {
        if (m_entries.count(role) != 0) {
            persist(role);
        }
    }
}

void TokenCache::persist(TenantRole role)
{
    const auto it = m_entries.find(role);
    if (it == m_entries.end()) {
        return;
    }
    Entry& entry = it->second;
    if (entry.isWriting) {
        entry.isWriteAgain = true; // writes of one key stay in order: the newest goes after the one in flight
        return;
    }
    const QString key = storageKey(m_settings.profile, role);
    const auto written = [this, role, key](const SecretStoreError& error) {
        const auto settled = qScopeGuard([this] { storeCallDone(); });
        const auto current = m_entries.find(role);
        if (current == m_entries.end()) {
            // Signed out while the write was in flight: make sure nothing stays behind.
            ++m_storeCallsInFlight;
            m_store->remove(key, this, [this](const SecretStoreError&) { storeCallDone(); });
            return;
        }
        current->second.isWriting = false;
        if (error.isError()) {
            qCWarning(lcAuth) << "could not store the" << model::tenantRoleName(role)
                              << "sign-in:" << SecretStoreError::kindName(error.kind());
            emit storageFailed(role, error);
        }
        if (std::exchange(current->second.isWriteAgain, false)) {
            persist(role);
        }
    };
    entry.isWriting = true;
    ++m_storeCallsInFlight;
    if (entry.refreshToken.isEmpty()) {
        m_store->remove(key, this, written);
        return;
    }
    const QJsonObject json {{QStringLiteral("account"), entry.account.toJson()},
        {QStringLiteral("authority"), entry.authority.toJson()}, {QStringLiteral("refreshToken"), entry.refreshToken}};
    QByteArray value = QJsonDocument(json).toJson(QJsonDocument::Compact);
    m_store->write(key, value, this, written);
    SecretStore::wipe(value);
}

void TokenCache::deliver(const Waiter& waiter, const TokenResult& result) const
{
    if (waiter.context.isNull()) {
        return; // the asker is gone: nobody gets a late token
    }
    // The interface promises a later, queued answer on the context's thread.
    QMetaObject::invokeMethod(
        waiter.context.data(), [callback = waiter.callback, result] { callback(result); }, Qt::QueuedConnection);
}

TokenResult TokenCache::failure(const QString& code, const QString& message)
{
    TokenResult result;
    result.errorCode = code;
    result.errorMessage = message;
    return result;
}

QString TokenCache::errorCodeFor(const AuthError& error)
{
    switch (error.kind) {
    case Kind::SignInRequired:
    case Kind::Expired:
    case Kind::Declined:
        return QStringLiteral("sign_in_required");
    case Kind::TryLater:
        return QStringLiteral("try_later");
    case Kind::Cancelled:
        return QStringLiteral("no_account");
    case Kind::None:
    case Kind::Configuration:
    case Kind::TenantNotFound:
    case Kind::InvalidInput:
        return QStringLiteral("configuration");
    }
    return QStringLiteral("configuration");
}

QString TokenCache::roleLabel(TenantRole role) const
{
    const auto it = m_entries.find(role);
    const QString name = role == TenantRole::Source ? QStringLiteral("The source tenant's account")
                                                    : QStringLiteral("The target tenant's account");
    if (it == m_entries.end() || it->second.account.username.isEmpty()) {
        return name;
    }
    return name + QStringLiteral(" (") + it->second.account.username + QLatin1Char(')');
}

bool TokenCache::hasPendingStoreCalls() const
{
    return m_storeCallsInFlight > 0;
}

void TokenCache::storeCallDone()
{
    if (--m_storeCallsInFlight == 0) {
        emit storeCallsFinished();
    }
}

bool TokenCache::fitsLoginHost(AuthorityInfo& authority) const
{
    if (m_settings.loginHost.isEmpty()) {
        return true;
    }
    const QUrl configured = AuthorityInfo::originOf(m_settings.loginHost);
    const QUrl stored = AuthorityInfo::originOf(authority.loginHost);
    if (configured == stored) {
        return true;
    }
    // A sandbox on this machine listens on a new port after each start; its state file keeps the tenants and the
    // sign-ins, so the session moves with it. A refresh token never goes to another machine than it came from.
    if (!AuthSettings::isLoopbackHost(configured.host()) || !AuthSettings::isLoopbackHost(stored.host())
        || configured.scheme() != stored.scheme()) {
        return false;
    }
    const auto rebase = [&configured, &stored](QUrl& url) {
        if (AuthorityInfo::originOf(url) == stored) {
            url.setHost(configured.host());
            url.setPort(configured.port());
        }
    };
    rebase(authority.loginHost);
    rebase(authority.tokenEndpoint);
    rebase(authority.deviceAuthorizationEndpoint);
    if (!m_settings.graphHost.isEmpty()) {
        authority.graphHost = m_settings.graphHost;
    } else {
        rebase(authority.graphHost);
    }
    return true;
}

} // namespace tb::auth
