// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Workspace.h"

#include "core/CoreLogging.h"
#include "core/SystemClock.h"
#include "core/auth/StaticTokenSource.h"
#include "core/graph/GraphClient.h"
#include "core/graph/SandboxCatalog.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "core/store/Database.h"

#include <QNetworkAccessManager>

#include <map>

namespace tb {

// The parts in the order they must be destroyed in reverse: clients use the network, tokens and clock.
struct Workspace::Parts
{
    SystemClock clock;
    QNetworkAccessManager network;
    auth::StaticTokenSource tokens;
    std::unique_ptr<store::Database> database;
    std::map<QString, std::unique_ptr<graph::GraphClient>> clients; // by tenant id
    std::map<QString, std::unique_ptr<graph::DirectoryEndpoints>> directories; // by tenant id
};

Workspace::Workspace(WorkspaceOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_parts(std::make_unique<Parts>())
{
    const QString path = m_options.databasePath.isEmpty() ? store::Database::defaultFilePath(m_options.profile)
                                                          : m_options.databasePath;
    m_parts->database = std::make_unique<store::Database>(path);
}

Workspace::~Workspace()
{
    // A catalog read still under way holds a reply of the network manager below: it goes first.
    qDeleteAll(findChildren<graph::SandboxCatalog*>(Qt::FindDirectChildrenOnly));
    // Directories borrow their clients; clients must go before the network manager they use.
    m_parts->directories.clear();
    m_parts->clients.clear();
}

void Workspace::start()
{
    if (const auto error = m_parts->database->open()) {
        fail(error->userMessage());
        return;
    }
    if (!m_options.sandboxUrl.isValid()) {
        fail(tr("No tenant is configured. Start TenantBridge without options to use the built-in sandbox, or "
                "give --sandbox URL."));
        return;
    }
    readSandboxCatalog();
}

void Workspace::readSandboxCatalog()
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
                m_parts->tokens.setToken(entry.tenant.id, entry.staticToken);
                graph::GraphClient::Settings settings;
                settings.baseUrl = entry.graphBaseUrl(m_options.sandboxUrl);
                settings.tenantId = entry.tenant.id;
                auto client
                    = std::make_unique<graph::GraphClient>(m_parts->network, m_parts->tokens, m_parts->clock, settings);
                m_parts->directories[entry.tenant.id] = std::make_unique<graph::DirectoryEndpoints>(*client);
                m_parts->clients[entry.tenant.id] = std::move(client);
                m_tenants.append(entry.tenant);
            }
            qCInfo(lcGraph) << "workspace ready with" << m_tenants.size() << "sandbox tenants";
            m_ready = true;
            m_done = true;
            emit ready();
        });
    catalog->start();
}

void Workspace::fail(const QString& userMessage)
{
    if (m_done) {
        return;
    }
    m_done = true;
    emit failed(userMessage);
}

std::optional<model::Tenant> Workspace::findTenant(const QString& text) const
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty()) {
        return std::nullopt;
    }
    for (const model::Tenant& tenant : m_tenants) {
        if (tenant.id.compare(wanted, Qt::CaseInsensitive) == 0
            || tenant.initialDomain.compare(wanted, Qt::CaseInsensitive) == 0
            || tenant.displayName.compare(wanted, Qt::CaseInsensitive) == 0) {
            return tenant;
        }
    }
    std::optional<model::Tenant> match;
    for (const model::Tenant& tenant : m_tenants) {
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
    const auto it = m_parts->clients.find(tenantId);
    return it == m_parts->clients.end() ? nullptr : it->second.get();
}

graph::DirectoryEndpoints* Workspace::directory(const QString& tenantId) const
{
    const auto it = m_parts->directories.find(tenantId);
    return it == m_parts->directories.end() ? nullptr : it->second.get();
}

store::Database& Workspace::database() const
{
    return *m_parts->database;
}

QString Workspace::connectionDescription() const
{
    const QString url = m_options.sandboxUrl.toDisplayString();
    return m_options.sandboxInProcess ? tr("Sandbox (built in) at %1").arg(url) : tr("Sandbox at %1").arg(url);
}

} // namespace tb
