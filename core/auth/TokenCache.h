// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/AccessTokenSource.h"
#include "core/auth/Account.h"
#include "core/auth/AuthError.h"
#include "core/auth/AuthSettings.h"
#include "core/auth/AuthorityInfo.h"
#include "core/auth/SecretStoreError.h"
#include "core/model/TenantRole.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace tb {
class Clock;
}

namespace tb::auth {

class SecretStore;
struct TokenResponse;

// The MSAL-style token cache of the two tenant roles (auth-reference.md 1.1-1.4), and graph/'s AccessTokenSource.
// One account per role. Access tokens live in memory only, keyed by their normalised scope set and found by
// subset; one with less than five minutes left is refreshed first. Refresh tokens live in the SecretStore, one
// entry per profile and role ("tenantbridge/<profile>/<role>", JSON {account, authority, refreshToken}); Entra
// rotates them on every use and the newest is stored. One refresh per account is in flight at a time; other
// requests for that account wait for it. Owned by SignInService (or a test); lives on the thread of its
// QNetworkAccessManager; the network, store and clock must outlive it.
class TokenCache final : public QObject, public AccessTokenSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenCache)

public:
    // Refresh this long before expiry (MSAL's five minutes, auth-reference.md 1.4).
    static constexpr int kExpiryBufferSeconds = 300;

    TokenCache(QNetworkAccessManager& network, SecretStore& store, const Clock& clock, AuthSettings settings,
        QObject* parent = nullptr);
    ~TokenCache() override;

    // AccessTokenSource. Routed by request.role, else by the tenant id of a signed-in account. errorCode is
    // "sign_in_required", "configuration", "try_later" or "no_account", with a sentence in errorMessage.
    void requestToken(const TokenRequest& request, QObject* context, Callback callback) override;
    void reportRejected(const TokenRequest& request, const QString& accessToken) override;

    // Takes the answer of a device-code sign-in as the account of role (replacing any other), caches its access
    // token and stores its refresh token. Returns the account.
    Account addAccount(const AuthorityInfo& authority, model::TenantRole role, const TokenResponse& response);
    // Reads both roles' entries from the store, then emits restored(). Memory state of a role is replaced only
    // when its entry holds an account.
    void restore();
    // Forgets role: memory state now, the stored entry asynchronously, then signedOut(role). Waiting requests get
    // no_account.
    void signOut(model::TenantRole role);

    [[nodiscard]] std::optional<Account> account(model::TenantRole role) const;
    [[nodiscard]] std::optional<AuthorityInfo> authority(model::TenantRole role) const;
    // True when the account's refresh token stopped working; the message says why.
    [[nodiscard]] bool needsSignIn(model::TenantRole role) const;
    [[nodiscard]] QString signInMessage(model::TenantRole role) const;
    [[nodiscard]] bool hasRefreshToken(model::TenantRole role) const;
    [[nodiscard]] const AuthSettings& settings() const { return m_settings; }

    // Where refresh tokens go from now on; the current accounts are written there at once (SignInService switches
    // to memory when no keychain answers). The store must outlive this cache.
    void setSecretStore(SecretStore& store);
    [[nodiscard]] SecretStore& secretStore() const { return *m_store; }
    // "tenantbridge/<profile>/<role>", the profile percent-encoded so that it holds no '/' or '.'.
    [[nodiscard]] static QString storageKey(const QString& profile, model::TenantRole role);
    // How many refresh requests were sent (for diagnostics and tests).
    [[nodiscard]] int refreshCount() const { return m_refreshCount; }
    // True while a write or removal in the secret store has not answered: a program about to end waits for
    // storeCallsFinished, or the newest refresh token (or a sign-out) would be lost.
    [[nodiscard]] bool hasPendingStoreCalls() const;

signals:
    void accountChanged(tb::model::TenantRole role);
    // The refresh token of role no longer works; message says what to do.
    void signInRequired(tb::model::TenantRole role, const QString& message);
    void restored();
    void storeCallsFinished();
    void signedOut(tb::model::TenantRole role);
    // Reading or writing role's entry failed (not-found excepted): the refresh token is only in memory until the
    // next successful write.
    void storageFailed(tb::model::TenantRole role, const tb::auth::SecretStoreError& error);

private:
    struct CachedToken
    {
        QString accessToken;
        QStringList scopes; // normal form
        QDateTime expiresAtUtc;
    };
    struct Waiter
    {
        TokenRequest request;
        QPointer<QObject> context;
        Callback callback;
    };
    struct Entry
    {
        Account account;
        AuthorityInfo authority;
        QString refreshToken;
        QList<CachedToken> tokens;
        bool needsSignIn = false;
        QString signInMessage;
        QList<Waiter> waiting; // requests behind the refresh in flight
        QPointer<QNetworkReply> refreshReply;
        QStringList refreshScopes;
        bool isWriting = false;
        bool isWriteAgain = false; // the entry changed while a write was in flight
    };

    [[nodiscard]] Entry* entryFor(const TokenRequest& request, QString* problem);
    // Serves request from the cache, or starts (or joins) a refresh.
    void serve(model::TenantRole role, Waiter waiter);
    // The cached token covering scopes with more than minimumSecondsLeft left, or null.
    [[nodiscard]] const CachedToken* findToken(
        const Entry& entry, const QStringList& scopes, qint64 minimumSecondsLeft) const;
    void startRefresh(model::TenantRole role, const QStringList& scopes);
    void handleRefreshReply(model::TenantRole role);
    // After a refresh ended: serve the waiting requests again (a refresh for other scopes may follow).
    void drainWaiting(model::TenantRole role, const std::optional<AuthError>& failure);
    void cacheToken(Entry& entry, const TokenResponse& response, const QStringList& requestedScopes);
    void markSignInRequired(model::TenantRole role, const AuthError& error, const QStringList& scopes);
    void persist(model::TenantRole role);
    void storeCallDone();
    // Whether a stored authority belongs to the configured login host; moves a loopback sandbox's endpoints to
    // its current port.
    [[nodiscard]] bool fitsLoginHost(AuthorityInfo& authority) const;
    void deliver(const Waiter& waiter, const TokenResult& result) const;
    [[nodiscard]] static TokenResult failure(const QString& code, const QString& message);
    [[nodiscard]] static QString errorCodeFor(const AuthError& error);
    [[nodiscard]] QString roleLabel(model::TenantRole role) const;

    QNetworkAccessManager& m_network;
    SecretStore* m_store;
    const Clock& m_clock;
    AuthSettings m_settings;
    std::map<model::TenantRole, Entry> m_entries;
    int m_refreshCount = 0;
    int m_restoresPending = 0;
    int m_storeCallsInFlight = 0;
};

} // namespace tb::auth
