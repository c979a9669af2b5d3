// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/Account.h"
#include "core/auth/AuthError.h"
#include "core/auth/AuthSettings.h"
#include "core/auth/AuthorityInfo.h"
#include "core/auth/DeviceCodeFlow.h"
#include "core/auth/DeviceCodePrompt.h"
#include "core/auth/MemorySecretStore.h"
#include "core/auth/TokenCache.h"
#include "core/model/TenantRole.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>

class QNetworkAccessManager;

namespace tb {
class Clock;
}

namespace tb::auth {

class Authority;
class SecretStore;

// Sign-in for the two tenant roles, as the GUI's Connect page and the CLI's login command use it: restores the
// saved sessions, discovers a tenant, runs the device-code flow, and hands graph/ the token cache. Decides where
// refresh tokens live: the given store when it works, else memory only, which isMemoryOnly()/storageWarning()
// say plainly. Signing the source and the target in to the same tenant is allowed (preflight warns). Owned by
// whoever wires the app (Workspace, the CLI, tests); lives on the thread of its QNetworkAccessManager; the
// network, store and clock must outlive it.
class SignInService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInService)

public:
    enum class State { SignedOut, Restoring, Discovering, WaitingForUser, SignedIn, SignInRequired };
    Q_ENUM(State)

    SignInService(QNetworkAccessManager& network, SecretStore& store, const Clock& clock, AuthSettings settings,
        QObject* parent = nullptr);
    ~SignInService() override;

    // The least privilege for what the app reads today; later operations ask for more by incremental consent.
    [[nodiscard]] static QStringList defaultScopes();

    // Checks the keychain (KeychainSecretStore::probe; memory only when it fails), then reads the saved sessions.
    void restore();
    // OIDC discovery only: discovered(role, ...) follows.
    void discover(model::TenantRole role, const QString& tenant);
    // Discovery (unless this tenant was discovered for role already), then the device-code flow: promptReady,
    // then signedIn or signInFailed. A sign-in already running for role is cancelled first.
    void signIn(model::TenantRole role, const QString& tenant, const QStringList& scopes = defaultScopes());
    // Stops a discovery or device flow of role; signInFailed(role, Cancelled) follows when one was running.
    void cancelSignIn(model::TenantRole role);
    void signOut(model::TenantRole role);

    [[nodiscard]] State state(model::TenantRole role) const;
    [[nodiscard]] std::optional<Account> account(model::TenantRole role) const;
    [[nodiscard]] std::optional<AuthorityInfo> authority(model::TenantRole role) const;
    // The last sign-in-required message of role (empty when none).
    [[nodiscard]] QString signInMessage(model::TenantRole role) const;
    [[nodiscard]] AccessTokenSource& tokens() { return m_cache; }
    [[nodiscard]] TokenCache& tokenCache() { return m_cache; }
    [[nodiscard]] const AuthSettings& settings() const { return m_settings; }

    // True when sessions are not remembered after the app closes (no keychain answered, or a memory store).
    [[nodiscard]] bool isMemoryOnly() const { return m_memoryOnly; }
    // A sentence for the UI when isMemoryOnly(), else empty.
    [[nodiscard]] QString storageWarning() const { return m_storageWarning; }

    // Test hook: the timing every later device flow uses.
    void setDeviceCodeTiming(const DeviceCodeFlow::Timing& timing) { m_timing = timing; }

signals:
    void stateChanged(tb::model::TenantRole role);
    void discovered(tb::model::TenantRole role, const tb::auth::AuthorityInfo& info, const tb::auth::AuthError& error);
    void promptReady(tb::model::TenantRole role, const tb::auth::DeviceCodePrompt& prompt);
    void signedIn(tb::model::TenantRole role, const tb::auth::Account& account);
    void signInFailed(tb::model::TenantRole role, const tb::auth::AuthError& error);
    // The account of role appeared, changed (scopes, sign-in needed) or went (forwarded from the token cache).
    void accountChanged(tb::model::TenantRole role);
    // signOut(role) finished: memory and the stored entry are gone (or the store said why it could not remove it).
    void signedOut(tb::model::TenantRole role);
    void storageModeChanged();
    void restored();

private:
    struct RoleState
    {
        State state = State::SignedOut;
        QPointer<Authority> authority; // discovery in flight
        QPointer<DeviceCodeFlow> flow; // device flow in flight
        std::optional<AuthorityInfo> discovered; // the last successful discovery
        bool isSigningIn = false; // discovery leads to a device flow
        QStringList scopes;
    };

    void startDiscovery(model::TenantRole role, const QString& tenant, bool thenSignIn);
    void handleDiscovered(model::TenantRole role, const AuthorityInfo& info, const AuthError& error);
    void startDeviceFlow(model::TenantRole role, const AuthorityInfo& info);
    void handleFlowFinished(model::TenantRole role, const TokenResponse& response, const AuthError& error);
    void switchToMemory(const QString& warning);
    void restoreAccounts();
    // The state that follows from the cache when nothing is in progress.
    [[nodiscard]] State restingState(model::TenantRole role) const;
    void setState(model::TenantRole role, State state);
    void stopJobs(model::TenantRole role);

    QNetworkAccessManager& m_network;
    AuthSettings m_settings;
    MemorySecretStore m_memoryStore; // the fallback when the given store does not answer
    TokenCache m_cache;
    std::map<model::TenantRole, RoleState> m_roles;
    DeviceCodeFlow::Timing m_timing;
    bool m_memoryOnly = false;
    bool m_isRestoring = false;
    QString m_storageWarning;
};

} // namespace tb::auth
