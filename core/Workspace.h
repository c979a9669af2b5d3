// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/WorkspaceOptions.h"
#include "core/model/Tenant.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace tb::store {
class Database;
}

namespace tb::graph {
class DirectoryEndpoints;
class GraphClient;
} // namespace tb::graph

namespace tb {

// The composition root of one profile, shared by the GUI and the CLI: the network access manager, the clock,
// the token source, one GraphClient per tenant, and the profile database. Nothing global: whoever runs a
// workspace constructs it once and hands its parts to the services that need them. Main thread.
class Workspace final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Workspace)

public:
    explicit Workspace(WorkspaceOptions options, QObject* parent = nullptr);
    ~Workspace() override;

    // Opens the database and reads the tenants; then ready() or failed(), once.
    void start();

    [[nodiscard]] const WorkspaceOptions& options() const { return m_options; }
    [[nodiscard]] bool isReady() const { return m_ready; }
    [[nodiscard]] QList<model::Tenant> tenants() const { return m_tenants; }
    // By id, initial domain or display name, case-insensitive; then by unique display-name prefix.
    [[nodiscard]] std::optional<model::Tenant> findTenant(const QString& text) const;
    // Valid after ready() for a tenant of tenants().
    [[nodiscard]] graph::GraphClient* graphClient(const QString& tenantId) const;
    [[nodiscard]] graph::DirectoryEndpoints* directory(const QString& tenantId) const;
    [[nodiscard]] store::Database& database() const;
    // "Sandbox at http://127.0.0.1:PORT (in-process)" and the like, for title bars and stderr.
    [[nodiscard]] QString connectionDescription() const;

signals:
    void ready();
    // A sentence that says what failed and what to do.
    void failed(const QString& userMessage);

private:
    void readSandboxCatalog();
    void fail(const QString& userMessage);

    struct Parts;
    WorkspaceOptions m_options;
    std::unique_ptr<Parts> m_parts;
    QList<model::Tenant> m_tenants;
    bool m_ready = false;
    bool m_done = false;
};

} // namespace tb
