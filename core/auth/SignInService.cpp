// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/SignInService.h"

#include "core/CoreLogging.h"
#include "core/auth/Authority.h"
#include "core/auth/KeychainSecretStore.h"
#include "core/auth/SecretStore.h"

#include <utility>

namespace tb::auth {

namespace {

using model::TenantRole;
using Kind = AuthError::Kind;

constexpr TenantRole kRoles[] = {TenantRole::Source, TenantRole::Target};

const QString kMemoryOnlyWarning = QStringLiteral(
    "No keychain is available, so sign-ins are kept in memory only: you will have to sign in again after closing "
    "TenantBridge.");
const QString kLockedWarning = QStringLiteral(
    "The system keyring is locked, so sign-ins are kept in memory only: you will have to sign in again after closing "
    "TenantBridge. Nothing in the keyring was read or changed. Unlock your keyring to keep sign-ins (for example in "
    "Passwords and Keys, or by logging out and in again), then restart TenantBridge.");

// The sentence for a switch to memory: a locked keyring is there but closed (issue 9), which is not "no keychain";
// its sentence says all SecretStoreError's would, without saying "locked" twice.
QString memoryOnlyWarning(const SecretStoreError& error)
{
    if (error.kind() == SecretStoreError::Kind::Locked) {
        return kLockedWarning;
    }
    return kMemoryOnlyWarning + QStringLiteral(" (") + error.message() + QLatin1Char(')');
}

bool isUnreachable(const SecretStoreError& error)
{
    switch (error.kind()) {
    case SecretStoreError::Kind::NoBackend:
    case SecretStoreError::Kind::Locked:
    case SecretStoreError::Kind::AccessDenied:
    case SecretStoreError::Kind::Timeout:
        return true;
    default:
        return false;
    }
}

} // namespace

SignInService::SignInService(
    QNetworkAccessManager& network, SecretStore& store, const Clock& clock, AuthSettings settings, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_settings(std::move(settings))
    , m_cache(network, store, clock, m_settings, this)
{
    for (const TenantRole role : kRoles) {
        m_roles[role] = RoleState();
    }
    if (!store.isPersistent()) {
        m_memoryOnly = true;
        m_storageWarning = QStringLiteral("Sign-ins are kept in memory only: you will have to sign in again after "
                                          "closing TenantBridge.");
    }
    connect(&m_cache, &TokenCache::signInRequired, this, [this](TenantRole role, const QString&) {
        // A scope not yet consented leaves the session usable for what it has (incremental consent): only the
        // operation that asked needs a new sign-in, and it says so itself.
        if (!m_cache.needsSignIn(role)) {
            return;
        }
        if (!m_roles[role].flow && !m_roles[role].authority) {
            setState(role, State::SignInRequired);
        }
    });
    connect(&m_cache, &TokenCache::storageFailed, this, [this](TenantRole, const SecretStoreError& error) {
        if (isUnreachable(error) && !m_memoryOnly) {
            switchToMemory(memoryOnlyWarning(error));
        }
    });
    connect(&m_cache, &TokenCache::accountChanged, this, &SignInService::accountChanged);
    connect(&m_cache, &TokenCache::signedOut, this, &SignInService::signedOut);
    connect(&m_cache, &TokenCache::restored, this, [this] {
        m_isRestoring = false;
        for (const TenantRole role : kRoles) {
            if (m_roles[role].state == State::Restoring) {
                setState(role, restingState(role));
            }
        }
        emit restored();
    });
}

SignInService::~SignInService()
{
    for (const TenantRole role : kRoles) {
        stopJobs(role);
    }
}

QStringList SignInService::defaultScopes()
{
    return {QStringLiteral("User.Read"), QStringLiteral("User.Read.All"), QStringLiteral("Group.Read.All"),
        QStringLiteral("Organization.Read.All")};
}

void SignInService::restore()
{
    if (m_isRestoring) {
        return;
    }
    m_isRestoring = true;
    for (const TenantRole role : kRoles) {
        if (m_roles[role].state == State::SignedOut) {
            setState(role, State::Restoring);
        }
    }
    auto* keychain = dynamic_cast<KeychainSecretStore*>(&m_cache.secretStore());
    if (keychain == nullptr) {
        restoreAccounts();
        return;
    }
    // A read alone proves nothing about the keychain (auth-reference.md 3.3): the probe writes, reads and deletes.
    keychain->probe(this, [this](const SecretStoreError& error) {
        if (error.isError()) {
            qCWarning(lcAuth) << "the keychain does not answer (" << SecretStoreError::kindName(error.kind())
                              << ") - sign-ins stay in memory";
            switchToMemory(memoryOnlyWarning(error));
        }
        restoreAccounts();
    });
}

void SignInService::restoreAccounts()
{
    m_cache.restore();
}

void SignInService::switchToMemory(const QString& warning)
{
    m_memoryOnly = true;
    m_storageWarning = warning;
    m_cache.setSecretStore(m_memoryStore);
    emit storageModeChanged();
}

void SignInService::discover(TenantRole role, const QString& tenant)
{
    stopJobs(role);
    startDiscovery(role, tenant, false);
}

void SignInService::signIn(TenantRole role, const QString& tenant, const QStringList& scopes)
{
    stopJobs(role);
    RoleState& roleState = m_roles[role];
    roleState.scopes = scopes.isEmpty() ? defaultScopes() : scopes;
    const QString typed = tenant.trimmed();
    if (roleState.discovered
        && (typed.compare(roleState.discovered->requestedTenant, Qt::CaseInsensitive) == 0
            || typed.compare(roleState.discovered->tenantId, Qt::CaseInsensitive) == 0)) {
        startDeviceFlow(role, *roleState.discovered);
        return;
    }
    startDiscovery(role, typed, true);
}

void SignInService::startDiscovery(TenantRole role, const QString& tenant, bool thenSignIn)
{
    RoleState& roleState = m_roles[role];
    roleState.isSigningIn = thenSignIn;
    auto* authority = new Authority(m_network, m_settings, tenant, this);
    roleState.authority = authority;
    connect(authority, &Authority::finished, this,
        [this, role, authority](const AuthorityInfo& info, const AuthError& error) {
            authority->deleteLater();
            if (m_roles[role].authority == authority) {
                m_roles[role].authority = nullptr;
                handleDiscovered(role, info, error);
            }
        });
    setState(role, State::Discovering);
    authority->start();
}

void SignInService::handleDiscovered(TenantRole role, const AuthorityInfo& info, const AuthError& error)
{
    RoleState& roleState = m_roles[role];
    if (!error.isError()) {
        roleState.discovered = info;
    }
    emit discovered(role, info, error);
    if (!roleState.isSigningIn) {
        setState(role, restingState(role));
        return;
    }
    roleState.isSigningIn = false;
    if (error.isError()) {
        setState(role, restingState(role));
        emit signInFailed(role, error);
        return;
    }
    startDeviceFlow(role, info);
}

void SignInService::startDeviceFlow(TenantRole role, const AuthorityInfo& info)
{
    RoleState& roleState = m_roles[role];
    auto* flow = new DeviceCodeFlow(m_network, info, m_settings.clientId, roleState.scopes, this);
    flow->setTiming(m_timing);
    roleState.flow = flow;
    connect(flow, &DeviceCodeFlow::promptReady, this, [this, role, flow](const DeviceCodePrompt& prompt) {
        if (m_roles[role].flow == flow) {
            setState(role, State::WaitingForUser);
            emit promptReady(role, prompt);
        }
    });
    connect(flow, &DeviceCodeFlow::finished, this,
        [this, role, flow](const TokenResponse& response, const AuthError& error) {
            flow->deleteLater();
            if (m_roles[role].flow == flow) {
                m_roles[role].flow = nullptr;
                handleFlowFinished(role, response, error);
            }
        });
    setState(role, State::Discovering);
    flow->start();
}

void SignInService::handleFlowFinished(TenantRole role, const TokenResponse& response, const AuthError& error)
{
    RoleState& roleState = m_roles[role];
    if (error.isError()) {
        setState(role, restingState(role));
        emit signInFailed(role, error);
        return;
    }
    const AuthorityInfo info = roleState.discovered.value_or(AuthorityInfo());
    const Account account = m_cache.addAccount(info, role, response);
    setState(role, State::SignedIn);
    emit signedIn(role, account);
}

void SignInService::cancelSignIn(TenantRole role)
{
    RoleState& roleState = m_roles[role];
    // cancel() emits finished(Cancelled) at once; the handlers turn it into signInFailed.
    if (roleState.authority) {
        roleState.authority->cancel();
    }
    if (roleState.flow) {
        roleState.flow->cancel();
    }
}

void SignInService::signOut(TenantRole role)
{
    stopJobs(role);
    m_roles[role].discovered.reset();
    m_cache.signOut(role);
    setState(role, State::SignedOut);
}

void SignInService::stopJobs(TenantRole role)
{
    RoleState& roleState = m_roles[role];
    // Quietly: a replaced or abandoned job does not report a failure.
    if (Authority* authority = std::exchange(roleState.authority, nullptr)) {
        authority->disconnect(this);
        authority->cancel();
        authority->deleteLater();
    }
    if (DeviceCodeFlow* flow = std::exchange(roleState.flow, nullptr)) {
        flow->disconnect(this);
        flow->cancel();
        flow->deleteLater();
    }
    roleState.isSigningIn = false;
}

SignInService::State SignInService::state(TenantRole role) const
{
    const auto it = m_roles.find(role);
    return it == m_roles.end() ? State::SignedOut : it->second.state;
}

std::optional<Account> SignInService::account(TenantRole role) const
{
    return m_cache.account(role);
}

std::optional<AuthorityInfo> SignInService::authority(TenantRole role) const
{
    if (auto stored = m_cache.authority(role)) {
        return stored;
    }
    const auto it = m_roles.find(role);
    return it == m_roles.end() ? std::nullopt : it->second.discovered;
}

QString SignInService::signInMessage(TenantRole role) const
{
    return m_cache.signInMessage(role);
}

SignInService::State SignInService::restingState(TenantRole role) const
{
    if (!m_cache.account(role)) {
        return m_isRestoring ? State::Restoring : State::SignedOut;
    }
    return m_cache.needsSignIn(role) ? State::SignInRequired : State::SignedIn;
}

void SignInService::setState(TenantRole role, State state)
{
    RoleState& roleState = m_roles[role];
    if (roleState.state == state) {
        return;
    }
    roleState.state = state;
    emit stateChanged(role);
}

} // namespace tb::auth
