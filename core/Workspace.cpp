// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Workspace.h"

#include "core/CoreLogging.h"
#include "core/SystemClock.h"
#include "core/auth/Account.h"
#include "core/auth/AuthorityInfo.h"
#include "core/auth/KeychainSecretStore.h"
#include "core/auth/MemorySecretStore.h"
#include "core/auth/SignInService.h"
#include "core/auth/TokenCache.h"
#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/SandboxCatalog.h"
#include "core/graph/endpoints/CtsCall.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "core/model/Organization.h"
#include "core/store/Database.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QScopeGuard>
#include <QTimer>

#include <array>

namespace tb {

namespace {

constexpr std::array kRoles {model::TenantRole::Source, model::TenantRole::Target};

std::size_t indexOf(model::TenantRole role)
{
    return role == model::TenantRole::Source ? 0 : 1;
}

} // namespace

// What one signed-in role has: its tenant (name filled in once /organization answers) and its Graph client.
struct Workspace::RoleParts
{
    model::Tenant tenant;
    QString homeAccountId; // whose client this is: a new account gets a new client
    QUrl graphHost;
    std::unique_ptr<graph::GraphClient> client;
    std::unique_ptr<graph::GraphClient> setupClient; // the same account, asking for setupScopes()
    std::unique_ptr<graph::DirectoryEndpoints> directory;
    QPointer<graph::GraphCall> nameCall;
};

// The parts in the order they must be destroyed in reverse: clients use the network, tokens and clock.
struct Workspace::Parts
{
    SystemClock clock;
    QNetworkAccessManager network;
    std::unique_ptr<auth::SecretStore> secrets;
    std::unique_ptr<auth::SignInService> signIn;
    std::unique_ptr<store::Database> database;
    std::array<RoleParts, 2> roles;
    std::array<QString, 2> sampleTenants; // the sandbox catalog's tenant id for each role
};

Workspace::Workspace(WorkspaceOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_parts(std::make_unique<Parts>())
{
    m_options.auth.profile = m_options.profile;
    const QString path = m_options.databasePath.isEmpty() ? store::Database::defaultFilePath(m_options.profile)
                                                          : m_options.databasePath;
    m_parts->database = std::make_unique<store::Database>(path);
    if (m_options.secretStorage == WorkspaceOptions::SecretStorage::MemoryOnly) {
        m_parts->secrets = std::make_unique<auth::MemorySecretStore>();
    } else {
        m_parts->secrets = std::make_unique<auth::KeychainSecretStore>(QStringLiteral("TenantBridge"));
    }
    m_parts->signIn
        = std::make_unique<auth::SignInService>(m_parts->network, *m_parts->secrets, m_parts->clock, m_options.auth);
    connect(m_parts->signIn.get(), &auth::SignInService::accountChanged, this, &Workspace::rebuildRole);
}

Workspace::~Workspace()
{
    // Jobs still under way hold replies of the network manager below: they go first.
    qDeleteAll(findChildren<graph::SandboxCatalog*>(Qt::FindDirectChildrenOnly));
    for (RoleParts& role : m_parts->roles) {
        if (role.nameCall) {
            role.nameCall->cancel();
        }
        // Directories borrow their clients; clients must go before the token source and network they use.
        role.directory.reset();
        role.client.reset();
    }
    m_parts->signIn.reset();
}

void Workspace::start()
{
    // A failure found here is reported from the event loop, like every other: a caller that connects, calls start()
    // and then runs its loop (the CLI's main) would otherwise miss it and wait for ever.
    const auto failSoon
        = [this](const QString& message) { QTimer::singleShot(0, this, [this, message] { fail(message); }); };
    if (const auto error = m_parts->database->open()) {
        failSoon(error->userMessage());
        return;
    }
    if (const auto problem = m_options.auth.problem()) {
        failSoon(*problem);
        return;
    }
    m_startStepsLeft = usesSandbox() ? 2 : 1; // the accounts restored, and the sandbox's sample tenants
    connect(
        m_parts->signIn.get(), &auth::SignInService::restored, this, &Workspace::finishStart, Qt::SingleShotConnection);
    m_parts->signIn->restore();
    if (usesSandbox()) {
        readSampleTenants();
    }
}

void Workspace::readSampleTenants()
{
    auto* catalog = new graph::SandboxCatalog(m_parts->network, m_options.sandboxUrl, this);
    connect(catalog, &graph::SandboxCatalog::finished, this,
        [this, catalog](const QList<graph::SandboxTenant>& tenants, const graph::GraphError& error) {
            catalog->deleteLater();
            if (error.isError()) {
                fail(tr("The sandbox at %1 did not answer: %2")
                         .arg(m_options.sandboxUrl.toDisplayString(), error.userMessage()));
                return;
            }
            for (const graph::SandboxTenant& entry : tenants) {
                if (const auto role = model::tenantRoleFromName(entry.role)) {
                    QString& sample = m_parts->sampleTenants[indexOf(*role)];
                    if (sample.isEmpty()) {
                        sample = entry.tenant.initialDomain.isEmpty() ? entry.tenant.id : entry.tenant.initialDomain;
                    }
                }
            }
            finishStart();
        });
    catalog->start();
}

void Workspace::finishStart()
{
    if (m_done || m_readsNames || --m_startStepsLeft > 0) {
        return;
    }
    // The tenants' names come before ready(): a page or a command that lists tenants shows them at once. From
    // here on every new account's name is read as it signs in.
    m_readsNames = true;
    m_namesLeft = 0;
    for (const model::TenantRole role : kRoles) {
        rebuildRole(role);
        RoleParts& parts = m_parts->roles[indexOf(role)];
        if (parts.client && !parts.nameCall) {
            readTenantName(role); // a client made while the accounts were restored
        }
        if (parts.nameCall) {
            ++m_namesLeft;
        }
    }
    if (m_namesLeft == 0) {
        becomeReady();
    }
}

void Workspace::nameRead()
{
    if (!m_ready && !m_done && --m_namesLeft <= 0) {
        becomeReady();
    }
}

void Workspace::becomeReady()
{
    qCInfo(lcGraph) << "workspace ready;" << tenants().size() << "signed-in tenant(s)";
    m_ready = true;
    m_done = true;
    emit ready();
}

void Workspace::rebuildRole(model::TenantRole role)
{
    RoleParts& parts = m_parts->roles[indexOf(role)];
    const std::optional<auth::Account> current = m_parts->signIn->account(role);
    const std::optional<auth::AuthorityInfo> currentAuthority = m_parts->signIn->authority(role);
    if (parts.client && current && currentAuthority && current->homeAccountId == parts.homeAccountId
        && current->tenantId == parts.tenant.id && currentAuthority->graphHost == parts.graphHost) {
        // The same account, with new scopes or in need of a new sign-in: its client and the calls under way on it
        // stay; those calls get the token cache's answer.
        if (m_ready) {
            emit tenantsChanged();
        }
        return;
    }
    for (graph::GraphClient* client : {parts.client.get(), parts.setupClient.get()}) {
        if (!client) {
            continue;
        }
        // Whoever waits on a call of the old account hears that it ended, rather than nothing ever.
        const auto calls = client->findChildren<graph::GraphCall*>(Qt::FindDirectChildrenOnly);
        for (const QPointer<graph::GraphCall> call : calls) {
            if (call) {
                call->cancel();
            }
        }
    }
    parts.directory.reset();
    parts.client.reset();
    parts.setupClient.reset();
    parts.tenant = {};

    const std::optional<auth::Account> account = m_parts->signIn->account(role);
    const std::optional<auth::AuthorityInfo> authority = m_parts->signIn->authority(role);
    if (account && authority) {
        parts.homeAccountId = account->homeAccountId;
        parts.graphHost = authority->graphHost;
        parts.tenant.id = account->tenantId;
        parts.tenant.displayName = account->requestedTenant;
        if (authority->cloud) {
            parts.tenant.cloud = *authority->cloud;
        }
        graph::GraphClient::Settings settings;
        settings.baseUrl = authority->graphHost;
        settings.tenantId = account->tenantId;
        settings.role = role;
        settings.scopes = auth::SignInService::defaultScopes();
        parts.client = std::make_unique<graph::GraphClient>(
            m_parts->network, m_parts->signIn->tokens(), m_parts->clock, settings);
        parts.directory = std::make_unique<graph::DirectoryEndpoints>(*parts.client);
        settings.scopes = setupScopes(role);
        parts.setupClient = std::make_unique<graph::GraphClient>(
            m_parts->network, m_parts->signIn->tokens(), m_parts->clock, settings);
        // Accounts restored during start get their names read together, once start knows every role.
        if (m_readsNames) {
            readTenantName(role);
        }
    }
    if (m_ready) {
        emit tenantsChanged();
    }
}

void Workspace::readTenantName(model::TenantRole role)
{
    RoleParts& parts = m_parts->roles[indexOf(role)];
    parts.nameCall = parts.directory->getOrganization();
    connect(parts.nameCall, &graph::GraphCall::finished, this, [this, role](const graph::GraphResponse& response) {
        RoleParts& current = m_parts->roles[indexOf(role)];
        const auto done = qScopeGuard([this] { nameRead(); });
        if (!response.isSuccess()) {
            // The name is a nicety: the tenant stays listed under what the user typed; the error will show
            // again, with its advice, on the first page that reads from this tenant.
            qCInfo(lcGraph) << "could not read the organization of the" << model::tenantRoleName(role)
                            << "tenant:" << response.error().code();
            return;
        }
        const QJsonArray organizations = response.json().value(QLatin1String("value")).toArray();
        if (organizations.isEmpty()) {
            return;
        }
        const model::Organization organization = model::Organization::fromJson(organizations.first().toObject());
        if (!organization.displayName.isEmpty()) {
            current.tenant.displayName = organization.displayName;
        }
        current.tenant.initialDomain = organization.initialDomain;
        if (m_ready) {
            emit tenantsChanged();
        }
    });
}

void Workspace::fail(const QString& userMessage)
{
    if (m_done) {
        return;
    }
    m_done = true;
    emit failed(userMessage);
}

auth::SignInService& Workspace::signIn() const
{
    return *m_parts->signIn;
}

QNetworkAccessManager& Workspace::network() const
{
    return m_parts->network;
}

QList<model::Tenant> Workspace::tenants() const
{
    QList<model::Tenant> result;
    for (const RoleParts& role : m_parts->roles) {
        if (!role.client) {
            continue;
        }
        const bool listed = std::any_of(result.cbegin(), result.cend(),
            [&role](const model::Tenant& tenant) { return tenant.id == role.tenant.id; });
        if (!listed) {
            result.append(role.tenant);
        }
    }
    return result;
}

std::optional<model::Tenant> Workspace::tenant(model::TenantRole role) const
{
    const RoleParts& parts = m_parts->roles[indexOf(role)];
    if (!parts.client) {
        return std::nullopt;
    }
    return parts.tenant;
}

std::optional<model::Tenant> Workspace::findTenant(const QString& text) const
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty()) {
        return std::nullopt;
    }
    const QList<model::Tenant> known = tenants();
    for (const model::Tenant& tenant : known) {
        if (tenant.id.compare(wanted, Qt::CaseInsensitive) == 0
            || tenant.initialDomain.compare(wanted, Qt::CaseInsensitive) == 0
            || tenant.displayName.compare(wanted, Qt::CaseInsensitive) == 0) {
            return tenant;
        }
    }
    std::optional<model::Tenant> match;
    for (const model::Tenant& tenant : known) {
        if (tenant.displayName.startsWith(wanted, Qt::CaseInsensitive)
            || tenant.initialDomain.startsWith(wanted, Qt::CaseInsensitive)) {
            if (match) {
                return std::nullopt; // ambiguous: the caller lists the choices
            }
            match = tenant;
        }
    }
    return match;
}

graph::GraphClient* Workspace::graphClient(const QString& tenantId) const
{
    for (const RoleParts& role : m_parts->roles) {
        if (role.client && role.tenant.id.compare(tenantId, Qt::CaseInsensitive) == 0) {
            return role.client.get();
        }
    }
    return nullptr;
}

graph::DirectoryEndpoints* Workspace::directory(const QString& tenantId) const
{
    for (const RoleParts& role : m_parts->roles) {
        if (role.directory && role.tenant.id.compare(tenantId, Qt::CaseInsensitive) == 0) {
            return role.directory.get();
        }
    }
    return nullptr;
}

graph::GraphClient* Workspace::setupClient(model::TenantRole role) const
{
    return m_parts->roles[indexOf(role)].setupClient.get();
}

QStringList Workspace::setupScopes(model::TenantRole role)
{
    QStringList scopes = auth::SignInService::defaultScopes();
    QStringList extra = graph::CtsCall::setupScopes(role);
    // Preflight reads the admin's roles in both tenants and the target's mail contacts (collisions with synced
    // users, graph-reference.md 5.4).
    extra.append(QStringLiteral("RoleManagement.Read.Directory"));
    if (role == model::TenantRole::Target) {
        extra.append(QStringLiteral("OrgContact.Read.All"));
    }
    for (const QString& scope : extra) {
        if (!scopes.contains(scope)) {
            scopes.append(scope);
        }
    }
    return scopes;
}

graph::DirectoryEndpoints* Workspace::directory(model::TenantRole role) const
{
    return m_parts->roles[indexOf(role)].directory.get();
}

store::Database& Workspace::database() const
{
    return *m_parts->database;
}

QString Workspace::suggestedTenant(model::TenantRole role) const
{
    if (const auto account = m_parts->signIn->account(role); account && !account->requestedTenant.isEmpty()) {
        return account->requestedTenant;
    }
    return m_parts->sampleTenants[indexOf(role)];
}

bool Workspace::finishPendingWrites(int timeoutMs)
{
    auth::TokenCache& cache = m_parts->signIn->tokenCache();
    if (!cache.hasPendingStoreCalls()) {
        return true;
    }
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    connect(&cache, &auth::TokenCache::storeCallsFinished, &loop, &QEventLoop::quit);
    loop.exec();
    if (cache.hasPendingStoreCalls()) {
        qCWarning(lcAuth) << "the keychain did not answer within" << timeoutMs
                          << "ms; the last sign-in change may be lost";
        return false;
    }
    return true;
}

QString Workspace::connectionDescription() const
{
    if (!usesSandbox()) {
        return tr("Microsoft Entra ID");
    }
    const QString url = m_options.sandboxUrl.toDisplayString();
    return m_options.sandboxInProcess ? tr("Sandbox (built in) at %1").arg(url) : tr("Sandbox at %1").arg(url);
}

} // namespace tb
