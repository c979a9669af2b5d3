// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/TenantRole.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace tb::auth {

// What graph/ asks for: a token for one tenant (and, when known, the role it plays) with these scopes.
struct TokenRequest
{
    QString tenantId;
    std::optional<model::TenantRole> role;
    QStringList scopes; // e.g. "https://graph.microsoft.com/.default"
    // Set after the service rejected the last token (401): skip any cached access token.
    bool forceRefresh = false;
};

} // namespace tb::auth
