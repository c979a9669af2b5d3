// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/AccessTokenSource.h"

#include <QHash>
#include <QString>

namespace tb::auth {

// A token source with a fixed map tenant id -> bearer token: the sandbox's static tokens, until the
// sign-in flow provides real ones. Owned by whoever wires the clients (Workspace, tests, the bench);
// lives on their thread. A rejected token stays: there is nothing to refresh it from.
class StaticTokenSource final : public AccessTokenSource
{
public:
    StaticTokenSource() = default;
    explicit StaticTokenSource(QHash<QString, QString> tokensByTenantId);

    void setToken(const QString& tenantId, const QString& accessToken);
    void removeToken(const QString& tenantId);
    [[nodiscard]] bool hasToken(const QString& tenantId) const;
    // How many times the service rejected a token of this source (for diagnostics and tests).
    [[nodiscard]] int rejectedCount() const { return m_rejectedCount; }

    void requestToken(const TokenRequest& request, QObject* context, Callback callback) override;
    void reportRejected(const TokenRequest& request, const QString& accessToken) override;

private:
    QHash<QString, QString> m_tokens; // tenant id (lower case) -> token
    int m_rejectedCount = 0;
};

} // namespace tb::auth
