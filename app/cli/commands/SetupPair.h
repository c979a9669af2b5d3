// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/Tenant.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace tb {
class Workspace;
}

namespace tb::graph {
class GraphClient;
}

namespace tb::cli {

// The signed-in source and target of the setup commands, with the Graph clients that ask for the setup scopes
// (Workspace::setupClient). Borrowed from the workspace, which must outlive it.
struct SetupPair
{
    Q_DECLARE_TR_FUNCTIONS(SetupPair)

public:
    model::Tenant source;
    model::Tenant target;
    graph::GraphClient* sourceClient = nullptr;
    graph::GraphClient* targetClient = nullptr;

    // Both roles signed in to different tenants; else nothing, and problem says which `login` to run.
    [[nodiscard]] static std::optional<SetupPair> fromWorkspace(const Workspace& workspace, QString* problem);
    // "Contoso → Fabrikam".
    [[nodiscard]] QString title() const;
    [[nodiscard]] static QString nameOf(const model::Tenant& tenant);
};

} // namespace tb::cli
