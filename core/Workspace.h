// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/WorkspaceOptions.h"
#include "core/model/Tenant.h"
#include "core/model/TenantRole.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace tb::auth {
class SignInService;
}

namespace tb::store {
class Database;
}

namespace tb::graph {
class DirectoryEndpoints;
class GraphClient;
} // namespace tb::graph

namespace tb {

// The composition root of one profile, shared by the GUI and the CLI: the network access manager, the clock,
// the secret store, the sign-in service (accounts and tokens of the source and the target), one GraphClient
// per signed-in role, and the profile database. Nothing global: whoever runs a workspace constructs it once
// and hands its parts to the services that need them. Main thread.
class Workspace final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Workspace)

public:
    explicit Workspace(WorkspaceOptions options, QObject* parent = nullptr);
    ~Workspace() override;

    // Opens the database, probes the keychain and restores the accounts it remembers; then ready() or
    // failed(), once, always from the event loop (never inside start()). Signed-in roles get their Graph client right
    // away; their tenant names follow.
    void start();

    [[nodiscard]] const WorkspaceOptions& options() const { return m_options; }
    [[nodiscard]] bool isReady() const { return m_ready; }
    [[nodiscard]] auth::SignInService& signIn() const;
    [[nodiscard]] QNetworkAccessManager& network() const;

    // The tenants of the signed-in roles, source first, each once.
    [[nodiscard]] QList<model::Tenant> tenants() const;
    [[nodiscard]] std::optional<model::Tenant> tenant(model::TenantRole role) const;
    // Among tenants(): by id, initial domain or display name, case-insensitive; then by unique prefix.
    [[nodiscard]] std::optional<model::Tenant> findTenant(const QString& text) const;
    // Null when no signed-in role has that tenant.
    [[nodiscard]] graph::GraphClient* graphClient(const QString& tenantId) const;
    [[nodiscard]] graph::DirectoryEndpoints* directory(const QString& tenantId) const;
    [[nodiscard]] graph::DirectoryEndpoints* directory(model::TenantRole role) const;
    // The role's account with the scopes that setting up CTS needs (setupScopes): reads and writes of the
    // cross-tenant access policy, the CTS configuration, preflight's reads. Its first token asks the refresh
    // token for those scopes; an account that has not granted them hears consent_required, and stays signed in
    // for everything else (incremental consent: sign in again with setupScopes() to grant them). Null when the
    // role is not signed in.
    [[nodiscard]] graph::GraphClient* setupClient(model::TenantRole role) const;
    [[nodiscard]] static QStringList setupScopes(model::TenantRole role);
    [[nodiscard]] store::Database& database() const;

    // What the Connect page offers for a role that is not signed in: the tenant it last signed in to, else
    // the sandbox's sample tenant for that role; empty for real clouds without history.
    [[nodiscard]] QString suggestedTenant(model::TenantRole role) const;
    // "Sandbox (built in) at http://127.0.0.1:PORT", "Sandbox at …", "Microsoft Entra ID": for titles and stderr.
    [[nodiscard]] QString connectionDescription() const;
    [[nodiscard]] bool usesSandbox() const { return m_options.sandboxUrl.isValid(); }

    // For a program about to end: runs the event loop until the keychain has answered every write and removal
    // (the newest refresh token, a sign-out), at most timeoutMs. False when it gave up waiting.
    bool finishPendingWrites(int timeoutMs);

signals:
    void ready();
    // A sentence that says what failed and what to do.
    void failed(const QString& userMessage);
    // A role signed in or out, or a tenant's name arrived.
    void tenantsChanged();

private:
    void readSampleTenants();
    void finishStart();
    void nameRead();
    void becomeReady();
    void rebuildRole(model::TenantRole role);
    void readTenantName(model::TenantRole role);
    void fail(const QString& userMessage);

    struct Parts;
    struct RoleParts;
    WorkspaceOptions m_options;
    std::unique_ptr<Parts> m_parts;
    bool m_ready = false;
    bool m_done = false;
    int m_startStepsLeft = 0; // restore and sample tenants, before the names are read
    int m_namesLeft = 0; // organization reads that ready() waits for
    bool m_readsNames = false; // start is past restoring: accounts get their tenant's name read
};

} // namespace tb
